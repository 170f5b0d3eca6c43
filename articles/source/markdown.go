package source

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	yaml "go.yaml.in/yaml/v3"

	"briefs/model"
)

// frontMatter is what a Markdown file's front matter may say about its brief.
type frontMatter struct {
	Title     string
	Published time.Time
	URL       string
	Author    string
	Outlet    string
}

// splitFrontMatter separates YAML ("---") or TOML ("+++") front matter from
// the Markdown after it. ok is false when data has none.
func splitFrontMatter(data []byte) (meta []byte, rest []byte, format byte, ok bool) {
	var fence string
	switch {
	case bytes.HasPrefix(data, []byte("---\n")):
		fence, format = "---", 'y'
	case bytes.HasPrefix(data, []byte("+++\n")):
		fence, format = "+++", 't'
	default:
		return nil, data, 0, false
	}
	body := data[4:]
	for off := 0; off <= len(body); {
		end := bytes.IndexByte(body[off:], '\n')
		line := body[off:]
		next := len(body) + 1
		if end >= 0 {
			line = body[off : off+end]
			next = off + end + 1
		}
		l := string(bytes.TrimRight(line, " \t"))
		if l == fence || (format == 'y' && l == "...") {
			if next > len(body) {
				next = len(body)
			}
			return body[:off], body[next:], format, true
		}
		off = next
	}
	return nil, data, 0, false
}

// parseFrontMatter decodes front matter with a real YAML or TOML decoder and
// maps the fields a brief may carry: title, date (or published), source (or
// outlet), url (or link), author (a string or a list).
func parseFrontMatter(meta []byte, format byte) (frontMatter, error) {
	fields := map[string]any{}
	switch format {
	case 'y':
		if err := yaml.Unmarshal(meta, &fields); err != nil {
			return frontMatter{}, fmt.Errorf("YAML front matter: %w", err)
		}
	case 't':
		if _, err := toml.Decode(string(meta), &fields); err != nil {
			return frontMatter{}, fmt.Errorf("TOML front matter: %w", err)
		}
	}
	var fm frontMatter
	lower := make(map[string]any, len(fields))
	for k, v := range fields {
		lower[strings.ToLower(k)] = v
	}
	fm.Title = firstString(lower, "title", "headline")
	fm.URL = firstString(lower, "url", "link", "canonical")
	fm.Author = firstString(lower, "author", "authors", "byline")
	fm.Outlet = firstString(lower, "source", "outlet", "publisher", "publication")
	for _, k := range []string{"date", "published", "pubdate", "published_at", "datepublished"} {
		if t, ok := toTime(lower[k]); ok {
			fm.Published = t
			break
		}
	}
	return fm, nil
}

// firstString returns the first of keys whose value is a non-empty string,
// or a list whose string items are joined by ", ".
func firstString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if s := anyString(m[k]); s != "" {
			return s
		}
	}
	return ""
}

// anyString renders a decoded value as text: strings as they are, lists of
// strings joined, maps by their "name" field (an author object).
func anyString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case []any:
		var parts []string
		for _, x := range v {
			if s := anyString(x); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case []string:
		return strings.Join(v, ", ")
	case map[string]any:
		return anyString(v["name"])
	}
	return ""
}

// toTime reads a decoded date: a time value or a string in a common layout.
func toTime(v any) (time.Time, bool) {
	switch v := v.(type) {
	case time.Time:
		return v, true
	case string:
		return parseDate(v)
	}
	return time.Time{}, false
}

// dateLayouts are the date forms briefs use, most common first.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.ANSIC,
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"2006/01/02",
	"2006/1/2 15:04:05",
	"2006/1/2 15:04",
	"2006/1/2",
	"2006-1-2 15:04:05",
	"2006-1-2",
	"2006.1.2",
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.999999999-0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05Z07:00",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 2 Jan 2006",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"Mon Jan 2 15:04:05 MST 2006",
	"Mon Jan 2 15:04:05 -0700 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"Jan 2, 2006 3:04 PM",
	"Monday, January 2, 2006",
	"2 January 2006 15:04",
}

// parseDate reads s in any of dateLayouts.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseMarkdown reads a Markdown brief. The title is the front matter's
// title, else the first heading or first line. The body keeps the text and
// drops the markup: each block (paragraph, heading, list item, quote,
// code block) becomes one plain paragraph; emphasis, links and images
// keep only their words; raw HTML is dropped.
func parseMarkdown(name string, data []byte) ([]model.Article, error) {
	var fm frontMatter
	meta, rest, format, ok := splitFrontMatter(data)
	if ok {
		var err error
		if fm, err = parseFrontMatter(meta, format); err != nil {
			return nil, err
		}
	}
	blocks := markdownBlocks(rest)
	title := CleanTitle(fm.Title)
	if title == "" {
		title, blocks = titleFromBlocks(blocks)
	}
	a := model.Article{
		Title:     title,
		Body:      bodyFromBlocks(title, blocks),
		Published: fm.Published,
		URL:       CleanURL(fm.URL),
		Author:    CleanTitle(fm.Author),
		Outlet:    CleanTitle(fm.Outlet),
	}
	return finish(name, a)
}

// titleFromBlocks takes the first line of the first non-empty block as the
// title and returns the blocks that remain.
func titleFromBlocks(blocks []string) (string, []string) {
	for i, b := range blocks {
		lines := strings.Split(Sanitize(b), "\n")
		for j, l := range lines {
			if t := normalizeSpace(l); t != "" {
				rest := strings.Join(lines[j+1:], "\n")
				out := append([]string{rest}, blocks[i+1:]...)
				return t, out
			}
		}
	}
	return "", nil
}

// bodyFromBlocks cleans blocks of text (each one paragraph, its inner line
// breaks folded) into a body.
func bodyFromBlocks(title string, blocks []string) string {
	var b strings.Builder
	for _, blk := range blocks {
		blk = strings.Join(strings.Fields(Sanitize(blk)), " ")
		if blk == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(blk)
	}
	return Body(title, b.String())
}

// markdownBlocks parses Markdown and returns the plain text of its blocks;
// soft line breaks are kept as "\n" so the first line can be a title.
func markdownBlocks(src []byte) []string {
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var blocks []string
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock:
				var b strings.Builder
				inlineText(&b, c, src)
				if s := strings.TrimSpace(b.String()); s != "" {
					blocks = append(blocks, s)
				}
			case ast.KindFencedCodeBlock, ast.KindCodeBlock:
				var b strings.Builder
				lines := c.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					b.Write(seg.Value(src))
				}
				if s := strings.TrimSpace(b.String()); s != "" {
					blocks = append(blocks, s)
				}
			case ast.KindHTMLBlock, ast.KindThematicBreak:
				// markup only
			default:
				walk(c)
			}
		}
	}
	walk(doc)
	return blocks
}

// inlineText writes the words of n's inline children: emphasis, links and
// code keep their text, images their alt text, raw HTML is dropped.
func inlineText(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			v := t.Segment.Value(src)
			if bytes.IndexByte(v, '&') >= 0 {
				b.WriteString(html.UnescapeString(string(v)))
			} else {
				b.Write(v)
			}
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		case *ast.RawHTML:
			// markup only
		default:
			inlineText(b, c, src)
		}
	}
}
