package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
	"golang.org/x/net/html"

	"briefs/articles/opml"
	"briefs/model"
)

// parseFeed reads an RSS, Atom or JSON Feed document: one article per item.
// The item's content (else its description or summary) is HTML turned into
// plain paragraphs; its link, date and authors are kept, and the feed's
// title is the outlet. Items with neither title nor text are skipped.
// Relative links resolve against base (where a download ended, after its
// redirects) or else src (see feedBase).
func parseFeed(src, base string, data []byte) ([]model.Article, error) {
	if len(data) > 0 && data[0] != '{' {
		data, _ = balanceXML(data)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	var partial error
	if err != nil && len(data) > 0 && data[0] != '{' {
		// a feed cut short: close what is open and read what it holds
		if closed, ok := closeXML(data); ok {
			if f2, err2 := gofeed.NewParser().Parse(bytes.NewReader(closed)); err2 == nil {
				feed, partial, err = f2, fmt.Errorf("feed ends early (%v): its items before the end are read", err), nil
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	outlet := CleanTitle(htmlText(feed.Title))
	if base == "" {
		base = src
	}
	base = feedBase(base, feed)
	var arts []model.Article
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		a := model.Article{Outlet: outlet}
		a.Title = CleanTitle(feedTitle(it.Title))
		content := it.Content
		if strings.TrimSpace(content) == "" {
			content = it.Description
		}
		if strings.TrimSpace(content) == "" {
			content = otherContent(it)
		}
		if strings.TrimSpace(content) == "" {
			content = mediaDescription(it)
		}
		var inContent *html.Node // the content's HTML, read once for its text and its links
		if looksLikeHTML(content) {
			if doc, err := html.Parse(strings.NewReader(content)); err == nil {
				inContent = doc
			}
		}
		if inContent != nil {
			a.Body = bodyFromBlocks(a.Title, htmlBlocks(inContent))
		} else {
			a.Body = feedBody(a.Title, content)
		}
		if a.Title == "" {
			var blocks []string
			a.Title, blocks = headlineFromBlocks(strings.Split(a.Body, model.ParagraphSep))
			a.Body = bodyFromBlocks(a.Title, blocks)
		}
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		a.URL = CleanURL(resolveLink(base, link))
		for _, l := range it.Links {
			a.Links = addLink(a.Links, base, l)
		}
		if inContent != nil {
			a.Links = hrefs(a.Links, inContent, base)
		}
		switch {
		case it.PublishedParsed != nil:
			a.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			a.Published = *it.UpdatedParsed
		default:
			// dates the feed parser does not know ("2020/1/10 14:33:00")
			if t, ok := parseDate(it.Published); ok {
				a.Published = t
			} else if t, ok := parseDate(it.Updated); ok {
				a.Published = t
			}
		}
		a.Author = CleanTitle(feedAuthors(it))
		got, err := finish(src, a)
		if err != nil {
			continue
		}
		arts = append(arts, got...)
	}
	if len(arts) == 0 {
		if partial != nil {
			return nil, partial
		}
		return nil, errors.New("a feed with no readable item")
	}
	return arts, partial
}

// feedBase is the address an item's relative link is resolved against:
// the URL the feed was fetched from (at, the one it ended at after its
// redirects), else (a feed read from a file) the
// feed's own absolute link or feed link; "" when there is none.
func feedBase(at string, feed *gofeed.Feed) string {
	if isURL(at) {
		return at
	}
	for _, l := range []string{feed.FeedLink, feed.Link} {
		if isURL(strings.TrimSpace(l)) {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

// resolveLink resolves a relative link against base; an absolute link, or
// one with no base to resolve against, is returned as it is.
func resolveLink(base, link string) string {
	if link == "" || base == "" || isURL(link) {
		return link
	}
	b, err := url.Parse(base)
	if err != nil {
		return link
	}
	ref, err := url.Parse(link)
	if err != nil {
		return link
	}
	out := b.ResolveReference(ref)
	if out.Scheme != "http" && out.Scheme != "https" {
		return link
	}
	return out.String()
}

// otherContent returns an item's text that RSS gives in an element the
// feed parser does not map to content: <body>, <fullitem> (HTML), or an
// XHTML <xhtml:body> (its text).
func otherContent(it *gofeed.Item) string {
	for _, k := range []string{"body", "fullitem", "content"} {
		if v := strings.TrimSpace(it.Custom[k]); v != "" {
			return v
		}
	}
	for _, b := range it.Extensions["xhtml"]["body"] {
		if v := strings.TrimSpace(extensionText(b)); v != "" {
			return v
		}
	}
	return ""
}

// extensionText joins the text of an extension element and its children.
func extensionText(e ext.Extension) string {
	parts := []string{e.Value}
	for _, kids := range e.Children {
		for _, k := range kids {
			parts = append(parts, extensionText(k))
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// mediaDescription returns an item's Media RSS description
// (<media:group><media:description>, as YouTube's Atom feeds carry the
// video's text, or a bare <media:description>).
func mediaDescription(it *gofeed.Item) string {
	media := it.Extensions["media"]
	if media == nil {
		return ""
	}
	for _, d := range media["description"] {
		if v := strings.TrimSpace(d.Value); v != "" {
			return v
		}
	}
	for _, g := range media["group"] {
		for _, d := range g.Children["description"] {
			if v := strings.TrimSpace(d.Value); v != "" {
				return v
			}
		}
	}
	return ""
}

// feedTitle turns an item title, which feeds may give as HTML, into text.
func feedTitle(s string) string {
	if looksLikeHTML(s) {
		return strings.Join(htmlFragmentBlocks(s), " ")
	}
	return htmlText(s)
}

// feedBody turns an item's HTML (or plain text) into a clean body.
func feedBody(title, s string) string {
	return textOrHTMLBody(title, s)
}

// feedAuthors joins an item's author names.
func feedAuthors(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p == nil {
			continue
		}
		if n := strings.TrimSpace(p.Name); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 && it.Author != nil {
		names = append(names, it.Author.Name)
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = append(names, it.DublinCoreExt.Creator...)
	}
	return strings.Join(names, ", ")
}

// isJSONFeed reports a JSON Feed: an object whose version names
// jsonfeed.org (however its slashes are escaped, wherever it sits), or,
// with no version, whose items array holds JSON Feed items (an id with
// content_html, content_text or url). It decodes only the top-level keys'
// values it needs.
func isJSONFeed(data []byte) bool {
	if len(data) == 0 || data[0] != '{' || !bytes.Contains(data, []byte(`"items"`)) && !bytes.Contains(data, []byte(`"version"`)) {
		return false
	}
	var top struct {
		Version json.RawMessage              `json:"version"`
		Items   []map[string]json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		return false
	}
	var version string
	if json.Unmarshal(top.Version, &version) == nil && version != "" {
		return strings.Contains(strings.ToLower(version), "jsonfeed.org/version")
	}
	if len(top.Items) == 0 {
		return false
	}
	for _, it := range top.Items {
		_, id := it["id"]
		_, h := it["content_html"]
		_, t := it["content_text"]
		_, u := it["url"]
		_, d := it["date_published"]
		if !id || !(h || t || u && d) {
			return false
		}
	}
	return true
}

// parseOPML returns the feed URLs of an OPML file, nested outlines
// included, as articles/opml reads them (the reader of `briefs feeds
// import`, so a list loads as sources exactly as it imports).
func parseOPML(data []byte) ([]string, error) {
	feeds, err := opml.Parse(data)
	if err != nil {
		return nil, err
	}
	urls := make([]string, len(feeds))
	for i, f := range feeds {
		urls[i] = f.URL
	}
	return urls, nil
}

// isURLList reports a feed list: every line that is not blank or a "#"
// comment is one http(s) URL, and there is at least one.
func isURLList(data []byte) bool {
	return len(urlLines(data)) > 0 && urlLinesOnly(data)
}

func urlLinesOnly(data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), len(data)+1)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if !isURL(l) || strings.ContainsAny(l, " \t") {
			return false
		}
	}
	return sc.Err() == nil
}

// urlLines returns the http(s) URLs of a feed list, one per line.
func urlLines(data []byte) []string {
	var urls []string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if isURL(l) && !strings.ContainsAny(l, " \t") {
			urls = append(urls, l)
		}
	}
	return urls
}

// atomNamespace is the namespace of an Atom <feed>.
const atomNamespace = "http://www.w3.org/2005/Atom"

// embeddedFeed finds a feed that sits inside another document (an Atom
// <feed> in an XHTML page's body, an <rss> in some XML wrapper) and returns
// its element, from its start tag to its end tag. Markup inside <script>,
// <style> or comments does not count; an Atom feed must name Atom's
// namespace and an RSS feed must hold a <channel>. ok is false when there
// is none.
func embeddedFeed(data []byte) ([]byte, bool) {
	if !bytes.Contains(data, []byte("<feed")) && !bytes.Contains(data, []byte("<rss")) &&
		!bytes.Contains(data, []byte("<FEED")) && !bytes.Contains(data, []byte("<RSS")) {
		return nil, false
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	offset, start := 0, -1
	root, channel := "", false
	for {
		tt := z.Next()
		raw := len(z.Raw())
		if tt == html.ErrorToken {
			return nil, false
		}
		name, hasAttr := z.TagName()
		tag := string(name)
		switch {
		case start < 0 && tt == html.StartTagToken && (tag == "feed" || tag == "rss"):
			if tag == "feed" {
				atom := false
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if (string(k) == "xmlns" || strings.HasPrefix(string(k), "xmlns:")) && string(v) == atomNamespace {
						atom = true
					}
				}
				if !atom {
					break
				}
			}
			start, root = offset, tag
		case start >= 0 && tt == html.StartTagToken && tag == "channel":
			channel = true
		case start >= 0 && tt == html.EndTagToken && tag == root:
			if root == "rss" && !channel {
				start, root = -1, ""
				break
			}
			return data[start : offset+raw], true
		}
		offset += raw
	}
}
