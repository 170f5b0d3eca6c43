// Package opml reads and writes OPML subscription lists, the form feed
// readers (newsboat, nom, Feedly, Inoreader, NetNewsWire, Thunderbird)
// import and export their feeds in.
//
// Parse takes the shapes found in the wild: outlines nested in folders to
// any depth, xmlUrl in any letter case (xmlurl, XMLURL), url instead of
// xmlUrl on rss outlines, the title in title or text, feed:// and feed:
// URLs, HTML entities (&nbsp;), a charset other than UTF-8 in the XML
// declaration, and unclosed tags. Write writes OPML 2.0 that Parse (and
// other readers) read back to the same feeds.
package opml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// Feed is one subscription.
type Feed struct {
	URL     string   // the feed's URL (xmlUrl)
	Title   string   // its title ("" when the file gives none but the URL)
	HTMLURL string   // the site's page (htmlUrl), when given
	Folders []string // the outlines it is nested in, outermost first
}

// Parse returns the feeds of an OPML document in document order, each URL
// once (the first outline naming it wins).
func Parse(data []byte) ([]Feed, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	var (
		feeds   []Feed
		seen    = map[string]bool{}
		folders []string // texts of the open outlines
		sawOPML bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(feeds) > 0 {
				break // a broken tail: keep what was read
			}
			return nil, fmt.Errorf("not an OPML file: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if name == "opml" {
				sawOPML = true
			}
			if name != "outline" {
				continue
			}
			attr := map[string]string{}
			for _, a := range t.Attr {
				attr[strings.ToLower(a.Name.Local)] = strings.TrimSpace(a.Value)
			}
			title := attr["title"]
			if title == "" {
				title = attr["text"]
			}
			title = strings.Join(strings.Fields(title), " ")
			u := attr["xmlurl"]
			if u == "" {
				switch strings.ToLower(attr["type"]) {
				case "rss", "atom", "feed", "":
					u = attr["url"]
				}
			}
			u = feedURL(u)
			if u != "" && !seen[u] {
				seen[u] = true
				if title == u {
					title = ""
				}
				feeds = append(feeds, Feed{URL: u, Title: title, HTMLURL: attr["htmlurl"], Folders: append([]string(nil), folders...)})
			}
			folders = append(folders, title)
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "outline") && len(folders) > 0 {
				folders = folders[:len(folders)-1]
			}
		}
	}
	if !sawOPML {
		return nil, errors.New("not an OPML file: no <opml> element")
	}
	if len(feeds) == 0 {
		return nil, errors.New("the OPML file names no feed")
	}
	return feeds, nil
}

// feedURL undoes the feed: schemes some readers write.
func feedURL(u string) string {
	switch {
	case strings.HasPrefix(u, "feed://"):
		return "http://" + strings.TrimPrefix(u, "feed://")
	case strings.HasPrefix(u, "feed:"):
		return strings.TrimPrefix(u, "feed:")
	}
	return u
}

type document struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Title   string    `xml:"head>title"`
	Body    []outline `xml:"body>outline"`
}

type outline struct {
	Type    string    `xml:"type,attr,omitempty"`
	Text    string    `xml:"text,attr"`
	Title   string    `xml:"title,attr,omitempty"`
	XMLURL  string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL string    `xml:"htmlUrl,attr,omitempty"`
	Inner   []outline `xml:"outline"`
}

// Write writes feeds as an OPML 2.0 document titled title, one outline a
// feed, inside an outline per folder (Feed.Folders), in the order given.
func Write(w io.Writer, title string, feeds []Feed) error {
	doc := document{Version: "2.0", Title: title}
	var place func(list *[]outline, folders []string, o outline)
	place = func(list *[]outline, folders []string, o outline) {
		if len(folders) == 0 {
			*list = append(*list, o)
			return
		}
		for i := range *list {
			if f := &(*list)[i]; f.XMLURL == "" && f.Text == folders[0] {
				place(&f.Inner, folders[1:], o)
				return
			}
		}
		*list = append(*list, outline{Text: folders[0], Title: folders[0]})
		place(&(*list)[len(*list)-1].Inner, folders[1:], o)
	}
	for _, f := range feeds {
		text := f.Title
		if text == "" {
			text = f.URL
		}
		place(&doc.Body, f.Folders, outline{Type: "rss", Text: text, Title: f.Title, XMLURL: f.URL, HTMLURL: f.HTMLURL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
