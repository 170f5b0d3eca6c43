package source

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"briefs/model"
)

// maxHTMLElements bounds the pages handed to readability, whose scoring
// grows faster than the page; bigger pages are read whole, without it.
const maxHTMLElements = 20000

// htmlMeta is what a page's head says about it.
type htmlMeta struct {
	title, canonical, ogURL, author, outlet, date string
}

// parseHTML reads a web page: readability finds the main text; the title,
// canonical URL, date, author and outlet come from the meta tags (Open
// Graph, article:*, <link rel=canonical>, <time datetime>) and from
// readability's own reading of the page. A page readability cannot read is
// taken whole.
func parseHTML(src string, data []byte) ([]model.Article, error) {
	data = toUTF8(data)
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("HTML: %w", err)
	}
	meta, elems := readMeta(doc)

	var title string
	var blocks []string
	a := model.Article{}
	if elems <= maxHTMLElements {
		page := &url.URL{Scheme: "https", Host: "localhost", Path: "/"}
		if u, err := url.Parse(src); err == nil && isURL(src) {
			page = u
		}
		p := readability.NewParser()
		if art, err := p.ParseAndMutate(doc, page); err == nil && art.Node != nil {
			blocks = htmlBlocks(art.Node)
			title = art.Title()
			if meta.author == "" {
				meta.author = art.Byline()
			}
			if meta.outlet == "" {
				meta.outlet = art.SiteName()
			}
			if t, err := art.PublishedTime(); err == nil {
				a.Published = t
			}
		} else {
			// ParseAndMutate may have changed doc: read the page again.
			doc, _ = html.Parse(bytes.NewReader(data))
		}
	}
	if blocks == nil {
		blocks = htmlBlocks(bodyOf(doc))
	}
	if title == "" {
		title = meta.title
	}
	a.Title = CleanTitle(title)
	if a.Title == "" {
		a.Title, blocks = titleFromBlocks(blocks)
	}
	a.Body = bodyFromBlocks(a.Title, blocks)
	if t, ok := parseDate(meta.date); ok {
		a.Published = t
	}
	a.URL = CleanSource(meta.canonical)
	if a.URL == "" {
		a.URL = CleanSource(meta.ogURL)
	}
	a.Author = CleanTitle(meta.author)
	a.Outlet = CleanTitle(meta.outlet)
	return finish(src, a)
}

// toUTF8 decodes a page whose BOM or <meta charset> declares another
// encoding than UTF-8 (windows-1252, ISO-8859-x, Shift JIS, ...). Pages
// that declare nothing are taken as UTF-8, invalid bytes repaired later.
func toUTF8(data []byte) []byte {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	enc, name, certain := charset.DetermineEncoding(data, "")
	if name == "utf-8" || enc == nil || !certain && !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// bodyOf returns the page's <body>, or the page.
func bodyOf(doc *html.Node) *html.Node {
	var found *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Body {
				found = c
				return
			}
			find(c)
		}
	}
	find(doc)
	if found == nil {
		return doc
	}
	return found
}

// readMeta collects the page's meta data and counts its elements.
func readMeta(doc *html.Node) (htmlMeta, int) {
	var m htmlMeta
	var h1, titleTag string
	elems := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			elems++
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title", "twitter:title":
					setOnce(&m.title, val)
				case "og:url":
					setOnce(&m.ogURL, val)
				case "og:site_name", "application-name":
					setOnce(&m.outlet, val)
				case "author", "article:author", "byl", "dc.creator", "sailthru.author":
					if !isURL(val) {
						setOnce(&m.author, strings.TrimPrefix(val, "By "))
					}
				case "article:published_time", "datepublished", "date", "pubdate", "publishdate",
					"dc.date", "dc.date.issued", "og:published_time", "parsely-pub-date", "sailthru.date":
					setOnce(&m.date, val)
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					setOnce(&m.canonical, strings.TrimSpace(attr(n, "href")))
				}
			case atom.Time:
				if m.date == "" {
					setOnce(&m.date, attr(n, "datetime"))
				}
			case atom.Title:
				if titleTag == "" {
					titleTag = textOf(n)
				}
			case atom.H1:
				if h1 == "" {
					h1 = textOf(n)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	setOnce(&m.title, titleTag)
	setOnce(&m.title, h1)
	return m, elems
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text inside n, spaces folded.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// htmlSkipped are the elements whose content is never article text.
var htmlSkipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Nav: true, atom.Form: true, atom.Button: true, atom.Svg: true,
	atom.Iframe: true, atom.Select: true, atom.Textarea: true, atom.Object: true,
	atom.Canvas: true, atom.Img: true, atom.Picture: true, atom.Video: true, atom.Audio: true,
	atom.Math: true, atom.Embed: true, atom.Input: true, atom.Label: true,
}

// htmlBlockTags are the elements that end a paragraph.
var htmlBlockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Li: true, atom.Main: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Table: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Ul: true,
	atom.Summary: true, atom.Caption: true, atom.Center: true, atom.Body: true, atom.Html: true,
}

// htmlSpace finds the runs of whitespace that HTML shows as one space.
var htmlSpace = regexp.MustCompile(`[ \t\r\n\f]+`)

// doubleBreak finds a blank line, which <br><br> leaves inside a block.
var doubleBreak = regexp.MustCompile(`\n[ \t]*\n`)

// htmlBlocks returns the text of n's paragraphs: each block element ends
// one, <br><br> ends one, a single <br> is a line break inside one.
func htmlBlocks(n *html.Node) []string {
	var blocks []string
	var cur strings.Builder
	flush := func() {
		for _, part := range doubleBreak.Split(cur.String(), -1) {
			if s := strings.TrimSpace(part); s != "" {
				blocks = append(blocks, s)
			}
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			// HTML folds whitespace; only <br> breaks a line.
			cur.WriteString(htmlSpace.ReplaceAllString(n.Data, " "))
			return
		case html.ElementNode:
			if htmlSkipped[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				cur.WriteString("\n")
				return
			}
			if htmlBlockTags[n.DataAtom] {
				flush()
				defer flush()
			}
		case html.CommentNode, html.DoctypeNode:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return blocks
}

// htmlFragmentBlocks parses an HTML fragment (a feed item, a JSON body)
// and returns its paragraphs.
func htmlFragmentBlocks(s string) []string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return []string{s}
	}
	return htmlBlocks(doc)
}

// htmlMarkup finds the tags that tell HTML from plain text.
var htmlMarkup = regexp.MustCompile(`(?i)<(?:/?(?:p|br|div|a|em|strong|b|i|u|span|h[1-6]|ul|ol|li|img|blockquote|figure|figcaption|table|tr|td|section|article|header|footer|pre|code|sup|sub|hr|iframe|script|style|small|cite|q)(?:\s[^>]*)?/?>|!--)`)

// looksLikeHTML reports whether s carries HTML markup.
func looksLikeHTML(s string) bool {
	return strings.Contains(s, "<") && htmlMarkup.MatchString(s)
}
