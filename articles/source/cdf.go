package source

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// channelToAtom rewrites a <channel> document, in Channel Definition
// Format (Microsoft's push channels of 1997: <CHANNEL HREF BASE LASTMOD>
// holding <TITLE>,
// <ABSTRACT> and <ITEM HREF LASTMOD> elements, channels inside channels)
// as the Atom feed it amounts to, for the feed reader: each ITEM an entry
// whose link is its HREF resolved against the BASE (or xml:base) in force,
// its summary its ABSTRACT and its date its LASTMOD; the outermost
// channel's title and HREF are the feed's. Names are matched without
// regard to case. An RSS channel that lost its <rss> around it is read
// the same way: an item's <link>, <description> (HTML) and <pubDate>
// stand for HREF, ABSTRACT and LASTMOD. ok is false when the document
// holds no item.
func channelToAtom(data []byte) ([]byte, bool) {
	type entry struct {
		title, abstract, href, lastmod string
		html                           bool // abstract is an RSS description: HTML
	}
	type frame struct {
		name, base string
		item       *entry
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		stack         []frame
		entries       []*entry
		feedTitle     string
		feedHref      string
		text          strings.Builder
		inTextElement bool
	)
	attrOf := func(t xml.StartElement, name string) string {
		for _, a := range t.Attr {
			if strings.EqualFold(a.Name.Local, name) {
				return strings.TrimSpace(a.Value)
			}
		}
		return ""
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			f := frame{name: name}
			if n := len(stack); n > 0 {
				f.base, f.item = stack[n-1].base, stack[n-1].item
			}
			if b := attrOf(t, "base"); b != "" {
				f.base = resolveLink(f.base, b)
			}
			switch name {
			case "channel":
				if feedHref == "" {
					feedHref = resolveLink(f.base, attrOf(t, "href"))
				}
			case "item":
				e := &entry{href: resolveLink(f.base, attrOf(t, "href")), lastmod: attrOf(t, "lastmod")}
				entries = append(entries, e)
				f.item = e
			case "title", "abstract", "description", "link", "pubdate":
				text.Reset()
				inTextElement = true
			}
			stack = append(stack, f)
		case xml.CharData:
			if inTextElement {
				text.Write(t)
			}
		case xml.EndElement:
			n := len(stack)
			if n == 0 {
				continue
			}
			f := stack[n-1]
			stack = stack[:n-1]
			switch f.name {
			case "title", "abstract", "description", "link", "pubdate":
			default:
				continue
			}
			inTextElement = false
			s := strings.TrimSpace(text.String())
			if e := f.item; e != nil {
				switch {
				case f.name == "title":
					e.title = s
				case f.name == "abstract" || f.name == "description" && e.abstract == "":
					e.abstract, e.html = s, f.name == "description"
				case f.name == "link" && e.href == "":
					e.href = resolveLink(f.base, s)
				case f.name == "pubdate" && e.lastmod == "":
					e.lastmod = s
				}
			} else if n == 2 {
				switch {
				case f.name == "title" && feedTitle == "":
					feedTitle = s
				case f.name == "link" && feedHref == "":
					feedHref = resolveLink(f.base, s)
				}
			}
		}
	}
	if len(entries) == 0 {
		return nil, false
	}
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom"><title>` + esc(feedTitle) + `</title>`)
	if feedHref != "" {
		b.WriteString(`<link rel="alternate" href="` + esc(feedHref) + `"/>`)
	}
	for _, e := range entries {
		b.WriteString(`<entry><title>` + esc(e.title) + `</title>`)
		if e.href != "" {
			b.WriteString(`<link rel="alternate" href="` + esc(e.href) + `"/>`)
		}
		if e.lastmod != "" {
			b.WriteString(`<updated>` + esc(e.lastmod) + `</updated>`)
		}
		kind := "text"
		if e.html {
			kind = "html"
		}
		b.WriteString(`<summary type="` + kind + `">` + esc(e.abstract) + `</summary></entry>`)
	}
	b.WriteString(`</feed>`)
	return b.Bytes(), true
}
