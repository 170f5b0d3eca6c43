package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"briefs/model"
)

// format is what sniffing found a file to be.
type format int

const (
	formatText format = iota
	formatMarkdown
	formatJSON
	formatJSONL
	formatJSONFeed
	formatHTML
	formatFeed // RSS or Atom
	formatOPML
	formatURLList
	formatXML // XML that is none of the above
)

// maxGzipDepth bounds gzip inside gzip.
const maxGzipDepth = 2

// feedListError is what parsing a feed list returns: its URLs, for Walk to
// fetch. Parse alone cannot fetch them, so for Parse it is an error.
type feedListError struct {
	urls []string
}

func (e *feedListError) Error() string {
	return fmt.Sprintf("a feed list of %d URLs: load it as a source to fetch them", len(e.urls))
}

// parseAny sniffs data and parses it. src becomes each article's Source;
// base, when not empty, is the address relative links are resolved against
// (the final URL of a download that was redirected), else src; ext is the
// extension that counts (".gz" already stripped); limit bounds
// decompression. It may return articles and an error together when only
// part of the input was bad.
func parseAny(src, base, ext string, data []byte, limit int64, depth int) ([]model.Article, error) {
	if isGzip(data) {
		if depth >= maxGzipDepth {
			return nil, errors.New("gzip nested too deep")
		}
		plain, err := gunzip(data, limit)
		if err != nil {
			return nil, err
		}
		return parseAny(src, base, ext, plain, limit, depth+1)
	}
	data = toUTF8Text(data, "")
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty file")
	}
	if isBinary(data) {
		return nil, errors.New("binary file")
	}
	switch f := sniff(ext, data); f {
	case formatMarkdown:
		return parseMarkdown(src, []byte(Sanitize(string(data))))
	case formatJSON, formatJSONL:
		parse := parseJSON
		if f == formatJSONL {
			parse = parseJSONL
		}
		arts, err := parse(src, data)
		if err != nil && len(arts) == 0 && isTextExt(ext) {
			// A text brief that happens to start with "[" or "{".
			if ext == ".txt" || ext == ".text" {
				return parseText(src, data)
			}
			return parseMarkdown(src, []byte(Sanitize(string(data))))
		}
		return arts, err
	case formatJSONFeed:
		arts, err := parseFeed(src, base, data)
		if err != nil {
			// A JSON Feed that breaks the schema somewhere (a string where
			// a list belongs) is still JSON with an items array: the
			// JSON reader takes what it can.
			if more, err2 := parseJSONFeedItems(src, data); len(more) > 0 {
				return more, err2
			}
		}
		return arts, err
	case formatFeed:
		return parseFeed(src, base, repairXML(data))
	case formatHTML, formatXML:
		// a feed inside a page or another XML document is read as the
		// feed it is
		if feed, ok := embeddedFeed(data); ok {
			if arts, err := parseFeed(src, base, repairXML(feed)); len(arts) > 0 {
				return arts, err
			}
		}
		if f == formatHTML {
			return parseHTML(src, base, data)
		}
		if atom, ok := channelToAtom(data); ok {
			return parseFeed(src, base, atom)
		}
		return nil, errors.New("XML that is neither RSS, Atom nor OPML")
	case formatOPML:
		urls, err := parseOPML(data)
		if err != nil {
			return nil, err
		}
		return nil, &feedListError{urls: urls}
	case formatURLList:
		return nil, &feedListError{urls: urlLines(data)}
	}
	return parseText(src, data)
}

// extOf returns name's lower-case extension, a URL's query left out, and
// ".gz" (or ".gzip") peeled off: "a.json.gz" -> ".json".
func extOf(name string) string {
	name = strings.ToLower(baseName(name))
	ext := path.Ext(name)
	if ext == ".gz" || ext == ".gzip" {
		ext = path.Ext(strings.TrimSuffix(name, ext))
	}
	if strings.ContainsAny(ext, "/\\") {
		return ""
	}
	return ext
}

// sniff decides a format from content first, the extension breaking ties
// and deciding where the content is plain text.
func sniff(ext string, data []byte) format {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	textExt := isTextExt(ext)
	switch {
	case len(head) == 0:
		return formatText
	case head[0] == '{' || head[0] == '[':
		if f := sniffJSON(ext, head); f != formatText {
			return f
		}
	case head[0] == '<':
		switch root := xmlRoot(head); root {
		case "rss", "rdf:rdf", "rdf", "feed":
			return formatFeed
		case "opml":
			return formatOPML
		case "channel":
			return formatXML // Channel Definition Format, or a feed inside
		case "":
		default:
			if isHTMLTag(root) || ext == ".html" || ext == ".htm" || ext == ".xhtml" {
				if textExt && !isDocumentTag(root) {
					break // a text brief that starts with markup
				}
				return formatHTML
			}
			if ext == ".xml" {
				return formatXML
			}
		}
	}
	switch ext {
	case ".md", ".markdown", ".mdown", ".mkd":
		return formatMarkdown
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".json":
		return formatJSON
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".rss", ".atom", ".xml":
		return formatFeed
	case ".opml":
		return formatOPML
	}
	if bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("+++\n")) ||
		bytes.HasPrefix(head, []byte("---\r\n")) || bytes.HasPrefix(head, []byte("+++\r\n")) {
		if _, _, _, ok := splitFrontMatter([]byte(Sanitize(string(head)))); ok {
			return formatMarkdown
		}
	}
	if isURLList(data) {
		return formatURLList
	}
	return formatText
}

// isTextExt reports the extensions of plain-text and Markdown briefs.
func isTextExt(ext string) bool {
	switch ext {
	case ".txt", ".text", ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return false
}

// sniffJSON tells JSON, JSON Lines and JSON Feed apart; formatText means
// the data is not JSON at all.
func sniffJSON(ext string, head []byte) format {
	if ext == ".jsonl" || ext == ".ndjson" {
		return formatJSONL
	}
	if isJSONFeed(head) {
		return formatJSONFeed
	}
	if jsonValid(head) {
		return formatJSON
	}
	if head[0] == '{' {
		line, rest, _ := bytes.Cut(head, []byte("\n"))
		if jsonValid(line) && len(bytes.TrimSpace(rest)) > 0 {
			return formatJSONL
		}
	}
	if ext == ".json" {
		return formatJSON
	}
	return formatText
}

// xmlRoot returns the lower-case name of the first element, skipping the
// XML declaration, processing instructions, comments and doctype.
func xmlRoot(b []byte) string {
	for len(b) > 0 {
		b = bytes.TrimLeft(b, " \t\r\n")
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return ""
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				return ""
			}
			b = b[i+3:]
		case bytes.HasPrefix(b, []byte("<!")):
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return ""
			}
			if bytes.HasPrefix(bytes.ToLower(b), []byte("<!doctype html")) {
				return "html"
			}
			b = b[i+1:]
		case bytes.HasPrefix(b, []byte("<")):
			end := 1
			for end < len(b) && end < 64 && !strings.ContainsRune(" \t\r\n/>", rune(b[end])) {
				end++
			}
			return strings.ToLower(string(b[1:end]))
		default:
			return ""
		}
	}
	return ""
}

// isDocumentTag reports the tags that only start a whole HTML document.
func isDocumentTag(tag string) bool {
	return tag == "html" || tag == "head" || tag == "body"
}

// isHTMLTag reports the elements an HTML page or fragment starts with.
func isHTMLTag(tag string) bool {
	switch tag {
	case "html", "head", "body", "meta", "title", "link", "script", "style",
		"div", "p", "article", "section", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
		"span", "a", "b", "i", "em", "strong", "ul", "ol", "table", "br", "img", "figure", "nav":
		return true
	}
	return false
}

// isGzip reports the gzip magic number.
func isGzip(data []byte) bool {
	return len(data) >= 3 && data[0] == 0x1f && data[1] == 0x8b && data[2] == 8
}

// gunzip decompresses data, refusing output over limit bytes (a gzip bomb).
func gunzip(data []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("refused: gzip data expands to more than %s", byteSize(limit))
	}
	return out, nil
}
