package source

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"briefs/model"
)

// maxHTMLElements bounds the pages handed to readability. Its time grows
// about linearly (a page of 180,000 elements takes 0.33 s), so only a page
// beyond any real one is read whole, without it.
const maxHTMLElements = 200000

// htmlMeta is what a page's head says about it.
type htmlMeta struct {
	title, canonical, ogURL, author, outlet, date string
	sites                                         []string // the names the page gives its site
}

// parseHTML reads a web page: readability finds the main text; the title,
// canonical URL, date, author and outlet come from the meta tags (Open
// Graph, article:*, <link rel=canonical>, <time datetime>) and from
// readability's own reading of the page. A page readability cannot read is
// taken whole. Relative links resolve against base (where a download
// ended, after its redirects), else src.
func parseHTML(src, base string, data []byte) ([]model.Article, error) {
	at := src
	if isURL(base) {
		at = base
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("HTML: %w", err)
	}
	meta, elems := readMeta(doc)

	var title string
	var blocks []string
	var content *html.Node // what the text was read from: its links are the brief's
	a := model.Article{}
	if elems <= maxHTMLElements {
		page := &url.URL{Scheme: "https", Host: "localhost", Path: "/"}
		if u, err := url.Parse(pageAddress(at, meta)); err == nil && u.Host != "" {
			page = u
		}
		markBoilerplate(doc)
		p := readability.NewParser()
		p.KeepClasses = true // for pruneBoilerplate
		if art, err := p.ParseAndMutate(doc, page); err == nil && art.Node != nil {
			dropFurniture(art.Node)
			pruneBoilerplate(art.Node)
			blocks = dropBoilerParagraphs(htmlBlocks(art.Node))
			content = art.Node
			title = art.Title()
			if meta.author == "" {
				meta.author = art.Byline()
			}
			if meta.outlet == "" {
				meta.outlet = art.SiteName()
			}
			meta.sites = append(meta.sites, art.SiteName())
			if t, err := art.PublishedTime(); err == nil {
				a.Published = t
			}
		} else {
			// ParseAndMutate may have changed doc: read the page again.
			doc, _ = html.Parse(bytes.NewReader(data))
		}
	}
	if blocks == nil {
		// no article found: the whole page, less its page furniture
		body := bodyOf(doc)
		dropFurniture(body)
		pruneBoilerplate(body)
		blocks = dropBoilerParagraphs(htmlBlocks(body))
		content = body
	}
	if title == "" {
		title = meta.title
	}
	host := ""
	for _, u := range []string{at, meta.canonical, meta.ogURL} {
		if isURL(u) {
			host = hostLabel(u)
			break
		}
	}
	a.Title = CleanTitle(stripSiteName(CleanTitle(title), meta.sites, host))
	if short := CleanTitle(meta.title); headOfTitle(a.Title, short) {
		// the page's own og:title is the headline without the byline or
		// section after it ("Talks resume - Ana Ruiz" and "Talks resume")
		a.Title = short
	}
	if a.Title == "" {
		a.Title, blocks = headlineFromBlocks(blocks)
	}
	a.Body = bodyFromBlocks(a.Title, blocks)
	if t, ok := parseDate(meta.date); ok && a.Published.IsZero() {
		// readability's date comes first: it reads JSON-LD's datePublished,
		// which a page's meta tags sometimes contradict with a later edit
		a.Published = t
	}
	base = pageAddress(at, meta)
	a.URL = CleanURL(resolveLink(base, meta.canonical))
	if a.URL == "" {
		a.URL = CleanURL(resolveLink(base, meta.ogURL))
	}
	a.Author = CleanTitle(meta.author)
	a.Outlet = CleanTitle(meta.outlet)
	a.Links = hrefs(nil, content, base)
	if base == "" { // readability made relative links absolute against its stand-in address
		a.Links = slices.DeleteFunc(a.Links, func(l string) bool { return strings.HasPrefix(l, "https://localhost/") })
	}
	return finish(src, a)
}

// pageAddress is the address a page's relative links resolve against:
// where it was downloaded from, or for a saved file the address it
// declares for itself (og:url, then an absolute canonical link); "" when
// there is none.
func pageAddress(at string, meta htmlMeta) string {
	for _, u := range []string{at, meta.ogURL, meta.canonical} {
		if isURL(u) {
			return u
		}
	}
	return ""
}

// maxLinks is the most links a brief keeps.
const maxLinks = 100

// hrefs appends to dst the <a href> links under n, resolved against base,
// http(s) only, each once, at most maxLinks in all.
func hrefs(dst []string, n *html.Node, base string) []string {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if len(dst) >= maxLinks {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			dst = addLink(dst, base, attr(n, "href"))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return dst
}

// addLink appends link, resolved against base, when it is an http(s) URL
// not in dst yet and dst has room.
func addLink(dst []string, base, link string) []string {
	u := CleanURL(resolveLink(base, strings.TrimSpace(link)))
	if u == "" || len(dst) >= maxLinks || slices.Contains(dst, u) {
		return dst
	}
	return append(dst, u)
}

// maxHeadline is the longest first line, in characters, that an untitled
// page or feed item lends its title; a longer one is a paragraph.
const maxHeadline = 150

// headlineFromBlocks finds the title of a page or feed item that gives
// none: its first line, when that is short enough to be a headline and
// more text follows. Otherwise the title stays empty and every block stays
// in the body, so that a one-paragraph page or item keeps its text as text.
func headlineFromBlocks(blocks []string) (string, []string) {
	t, rest := titleFromBlocks(blocks)
	if t == "" || utf8.RuneCountInString(t) > maxHeadline {
		return "", blocks
	}
	for _, b := range rest {
		if strings.TrimSpace(b) != "" {
			return t, rest
		}
	}
	return "", blocks
}

// dropFurniture removes a page's header, footer and sidebars (<header>,
// <footer>, <aside> and their ARIA roles) that are furniture, when text is
// left without them.
func dropFurniture(n *html.Node) {
	doomed, removed := outermost(n, func(c *html.Node) bool {
		role := strings.ToLower(attr(c, "role"))
		tag := tagOf(c)
		return (tag == atom.Header || tag == atom.Footer || tag == atom.Aside ||
			role == "banner" || role == "contentinfo" || role == "complementary" || role == "navigation") &&
			furniture(c)
	})
	if removed >= len(strings.Fields(textOf(n))) {
		return // nothing would be left
	}
	removeAll(doomed)
}

// outermost returns the elements below n (not n itself) that doomed
// picks, without looking inside those it picked, and how many words their
// text holds.
func outermost(n *html.Node, doomed func(*html.Node) bool) (found []*html.Node, words int) {
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && c != n && doomed(c) {
			found = append(found, c)
			words += len(strings.Fields(textOf(c)))
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return found, words
}

// removeAll takes each node out of its parent.
func removeAll(nodes []*html.Node) {
	for _, d := range nodes {
		if d.Parent != nil {
			d.Parent.RemoveChild(d)
		}
	}
}

// furniture reports a header, footer or sidebar that is page furniture
// rather than the article's own (a standfirst in the article's <header>):
// a short one, or one that is mostly links.
func furniture(n *html.Node) bool {
	words := len(strings.Fields(textOf(n)))
	if words < 12 {
		return true
	}
	linked := 0
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && tagOf(c) == atom.A {
			linked += len(strings.Fields(textOf(c)))
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return linked*2 > words
}

// bodyOf returns the page's <body>, or the page.
func bodyOf(doc *html.Node) *html.Node {
	var found *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && tagOf(c) == atom.Body {
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
			switch tagOf(n) {
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
					m.sites = append(m.sites, val)
				case "twitter:site", "apple-mobile-web-app-title", "publisher", "dc.publisher":
					m.sites = append(m.sites, val)
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
	atom.Embed: true, atom.Input: true, atom.Label: true,
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

// tagOf returns n's element as an atom, looked up by its name when the
// node has none: nodes made by code (readability wraps the text between
// <br><br> in a new <p>) carry only their tag name.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// htmlBlocks returns the text of n's paragraphs: each block element ends
// one, <br><br> ends one, a single <br> is a line break inside one; each
// line of a <pre> is a paragraph of its own (a body has no other line
// breaks), so that code, verse and tables in it keep their lines. MathML
// is read inline, its tokens spaced apart.
func htmlBlocks(n *html.Node) []string {
	var blocks []string
	var cur strings.Builder
	pre := 0  // <pre> elements open
	math := 0 // <math> elements open
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
			if pre > 0 {
				// each line its own block: a blank line between them
				cur.WriteString(strings.ReplaceAll(strings.ReplaceAll(n.Data, "\r\n", "\n"), "\n", "\n\n"))
				return
			}
			// HTML folds whitespace; only <br> breaks a line.
			cur.WriteString(htmlSpace.ReplaceAllString(n.Data, " "))
			return
		case html.ElementNode:
			tag := tagOf(n)
			if htmlSkipped[tag] {
				return
			}
			if tag == atom.Br {
				cur.WriteString("\n")
				return
			}
			if htmlBlockTags[tag] {
				flush()
				defer flush()
			}
			if tag == atom.Pre {
				pre++
				defer func() { pre-- }()
			}
			if tag == atom.Math {
				math++
				defer func() { math-- }()
			}
			if math > 0 {
				if tag == atom.Annotation || tag == atom.AnnotationXml {
					return // the formula's source (TeX), not its text
				}
				// MathML's tokens (<mi>a</mi><mo>=</mo>) are words apart
				defer cur.WriteString(" ")
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
