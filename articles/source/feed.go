package source

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"

	"briefs/model"
)

// parseFeed reads an RSS, Atom or JSON Feed document: one article per item.
// The item's content (else its description or summary) is HTML turned into
// plain paragraphs; its link, date and authors are kept, and the feed's
// title is the outlet. Items with neither title nor text are skipped.
func parseFeed(src string, data []byte) ([]model.Article, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	outlet := CleanTitle(htmlText(feed.Title))
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
		a.Body = feedBody(a.Title, content)
		if a.Title == "" {
			var blocks []string
			a.Title, blocks = titleFromBlocks(strings.Split(a.Body, model.ParagraphSep))
			a.Body = bodyFromBlocks(a.Title, blocks)
		}
		a.URL = CleanSource(it.Link)
		if a.URL == "" && len(it.Links) > 0 {
			a.URL = CleanSource(it.Links[0])
		}
		switch {
		case it.PublishedParsed != nil:
			a.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			a.Published = *it.UpdatedParsed
		}
		a.Author = CleanTitle(feedAuthors(it))
		got, err := finish(src, a)
		if err != nil {
			continue
		}
		arts = append(arts, got...)
	}
	if len(arts) == 0 {
		return nil, errors.New("a feed with no readable item")
	}
	return arts, nil
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

// isJSONFeed reports a JSON Feed by its version field.
func isJSONFeed(head []byte) bool {
	if len(head) > 4096 {
		head = head[:4096]
	}
	return head[0] == '{' && bytes.Contains(head, []byte("jsonfeed.org/version"))
}

// opml is the part of an OPML subscription list that names feeds.
type opml struct {
	Body struct {
		Outlines []opmlOutline `xml:"outline"`
	} `xml:"body"`
}

type opmlOutline struct {
	XMLURL   string        `xml:"xmlUrl,attr"`
	URL      string        `xml:"url,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

// parseOPML returns the feed URLs of an OPML file, nested outlines included.
func parseOPML(data []byte) ([]string, error) {
	var doc opml
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("OPML: %w", err)
	}
	var urls []string
	var walk func([]opmlOutline)
	walk = func(list []opmlOutline) {
		for _, o := range list {
			u := strings.TrimSpace(o.XMLURL)
			if u == "" {
				u = strings.TrimSpace(o.URL)
			}
			if u != "" {
				urls = append(urls, u)
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body.Outlines)
	if len(urls) == 0 {
		return nil, errors.New("OPML with no feed URL")
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
