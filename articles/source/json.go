package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"briefs/model"
)

// The JSON field names read, in order of preference, compared without
// regard to case. Documented in doc.go.
var (
	jsonTitle     = []string{"title", "headline", "name"}
	jsonBody      = []string{"body", "content", "text", "articlebody", "article_body", "content_html", "content_text", "html"}
	jsonSummary   = []string{"summary", "description", "excerpt", "abstract", "lede"}
	jsonPublished = []string{"published", "date", "datepublished", "published_at", "publishedat", "pubdate", "date_published", "created_at", "time", "timestamp"}
	jsonURL       = []string{"url", "link", "href", "canonical_url", "permalink", "uri"}
	jsonOutlet    = []string{"source", "outlet", "publisher", "site_name", "sitename", "site", "publication"}
	jsonAuthor    = []string{"author", "authors", "byline", "creator", "by"}
	jsonList      = []string{"articles", "items", "entries", "stories", "posts", "results", "data", "briefs"}
)

// parseJSON reads one JSON document: an article object, an array of them,
// or an object holding such an array under one of jsonList. Malformed JSON
// is reported with its line and column.
func parseJSON(src string, data []byte) ([]model.Article, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	v, err := decodeJSON(data)
	if err != nil {
		return nil, err
	}
	return articlesFromJSON(src, v)
}

// decodeJSON decodes exactly one JSON value, with line and column in errors.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(data, dec.InputOffset(), err)
	}
	if dec.More() {
		return nil, jsonError(data, dec.InputOffset(), errors.New("extra data after the JSON value"))
	}
	if _, err := dec.Token(); err == nil {
		return nil, jsonError(data, dec.InputOffset(), errors.New("extra data after the JSON value"))
	}
	return v, nil
}

// jsonValid reports whether data is one well-formed JSON value.
func jsonValid(data []byte) bool { return json.Valid(data) }

// jsonError says where in data a JSON error is, as "line L, column C".
func jsonError(data []byte, fallback int64, err error) error {
	off := fallback
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset - 1 // Offset counts the offending byte
	case errors.As(err, &te):
		off = te.Offset
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(data))
	}
	line, col := lineCol(data, off)
	return fmt.Errorf("malformed JSON at line %d, column %d: %w", line, col, err)
}

// lineCol turns a byte offset into a 1-based line and column (in runes).
func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// parseJSONL reads JSON Lines: one article object per line. Bad lines are
// reported (line and column) and the good ones are still returned.
func parseJSONL(src string, data []byte) ([]model.Article, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var arts []model.Article
	var errs []string
	bad := 0
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		v, err := decodeJSON(line)
		if err == nil {
			var got []model.Article
			got, err = articlesFromJSON(src, v)
			arts = append(arts, got...)
		}
		if err != nil {
			bad++
			if len(errs) < 3 {
				errs = append(errs, fmt.Sprintf("line %d: %v", n+1, strings.Replace(err.Error(), "at line 1, column", "at column", 1)))
			}
		}
	}
	if bad > 0 {
		msg := strings.Join(errs, "; ")
		if bad > len(errs) {
			msg += fmt.Sprintf("; and %d more bad lines", bad-len(errs))
		}
		return arts, errors.New(msg)
	}
	if len(arts) == 0 {
		return nil, errors.New("no article in the JSON lines")
	}
	return arts, nil
}

// parseJSONFeedItems reads a JSON Feed's items array with the JSON
// reader's field names, the feed's title as each item's outlet: the way in
// for a feed that breaks its schema where the feed parser is strict.
func parseJSONFeedItems(src string, data []byte) ([]model.Article, error) {
	v, err := decodeJSON(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if err != nil {
		return nil, err
	}
	obj, _ := v.(map[string]any)
	list, _ := obj["items"].([]any)
	arts, err := articlesFromJSONArray(src, list)
	outlet, _ := obj["title"].(string)
	for i := range arts {
		if arts[i].Outlet == "" {
			arts[i].Outlet = CleanTitle(htmlText(outlet))
		}
	}
	return arts, err
}

// rssInJSON returns the items of RSS written as JSON ({"rss": {"channel":
// {"title": ..., "item": [...]}}}, as Scripting News serves it) and the
// channel's title.
func rssInJSON(obj map[string]any) ([]any, string, bool) {
	rss, _ := obj["rss"].(map[string]any)
	ch, _ := lowerKeys(rss)["channel"].(map[string]any)
	ch = lowerKeys(ch)
	items, ok := ch["item"].([]any)
	title, _ := ch["title"].(string)
	return items, title, ok
}

// articlesFromJSON maps a decoded JSON value to articles.
func articlesFromJSON(src string, v any) ([]model.Article, error) {
	switch v := v.(type) {
	case []any:
		return articlesFromJSONArray(src, v)
	case map[string]any:
		obj := lowerKeys(v)
		if !isArticleObject(obj) {
			for _, k := range jsonList {
				if list, ok := obj[k].([]any); ok {
					return articlesFromJSONArray(src, list)
				}
			}
			if items, title, ok := rssInJSON(obj); ok {
				arts, err := articlesFromJSONArray(src, items)
				for i := range arts {
					if arts[i].Outlet == "" {
						arts[i].Outlet = CleanTitle(htmlText(title))
					}
				}
				return arts, err
			}
			return nil, errors.New("JSON object with no title, body or list of articles")
		}
		a, err := articleFromJSON(obj)
		if err != nil {
			return nil, err
		}
		return finish(src, a)
	}
	return nil, fmt.Errorf("JSON %s, not an article object or array", jsonKind(v))
}

func articlesFromJSONArray(src string, list []any) ([]model.Article, error) {
	var arts []model.Article
	var errs []string
	for i, item := range list {
		obj, ok := item.(map[string]any)
		var err error
		if !ok {
			err = fmt.Errorf("a JSON %s, not an object", jsonKind(item))
		} else {
			var a model.Article
			if a, err = articleFromJSON(lowerKeys(obj)); err == nil {
				var got []model.Article
				if got, err = finish(src, a); err == nil {
					arts = append(arts, got...)
				}
			}
		}
		if err != nil && len(errs) < 3 {
			errs = append(errs, fmt.Sprintf("item %d: %v", i+1, err))
		}
	}
	if len(errs) > 0 {
		return arts, errors.New(strings.Join(errs, "; "))
	}
	if len(arts) == 0 {
		return nil, errors.New("empty JSON array")
	}
	return arts, nil
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		lk := strings.ToLower(k)
		if _, dup := out[lk]; !dup || k == lk {
			out[lk] = v
		}
	}
	return out
}

// isArticleObject reports whether obj names a title or a body.
func isArticleObject(obj map[string]any) bool {
	for _, keys := range [][]string{jsonTitle[:2], jsonBody, jsonSummary} {
		for _, k := range keys {
			if _, ok := obj[k]; ok {
				return true
			}
		}
	}
	return false
}

// articleFromJSON maps one object (keys lower-cased) to an article.
func articleFromJSON(obj map[string]any) (model.Article, error) {
	var a model.Article
	a.Title = CleanTitle(htmlText(firstString(obj, jsonTitle...)))
	body := jsonBodyText(obj, jsonBody)
	if body == "" {
		body = jsonBodyText(obj, jsonSummary)
	}
	a.Body = textOrHTMLBody(a.Title, body)
	if a.Title == "" && looksLikeHTML(body) {
		// No title field and an HTML body (a feed item's): its first line
		// is the title when it is short and more follows, as for a page.
		var blocks []string
		a.Title, blocks = headlineFromBlocks(htmlFragmentBlocks(body))
		a.Body = bodyFromBlocks(a.Title, blocks)
	} else if a.Title == "" {
		// No title field: the body's first line is the title, as in a .txt brief.
		title, rest := firstLine(body)
		a.Title = CleanTitle(htmlText(title))
		a.Body = textOrHTMLBody(a.Title, rest)
	}
	for _, k := range jsonPublished {
		if t, ok := jsonTime(obj[k]); ok {
			a.Published = t
			break
		}
	}
	a.URL = CleanURL(firstString(obj, jsonURL...))
	a.Outlet = CleanTitle(firstString(obj, jsonOutlet...))
	a.Author = CleanTitle(firstString(obj, jsonAuthor...))
	if a.Title == "" && a.Body == "" {
		return a, errors.New("no title or body")
	}
	return a, nil
}

// jsonBodyText returns the first of keys holding text: a string, or a list
// of strings taken as paragraphs.
func jsonBodyText(obj map[string]any, keys []string) string {
	for _, k := range keys {
		switch v := obj[k].(type) {
		case string:
			if strings.TrimSpace(v) != "" {
				return v
			}
		case []any:
			var paras []string
			for _, p := range v {
				if s, ok := p.(string); ok {
					paras = append(paras, s)
				}
			}
			if len(paras) > 0 {
				return strings.Join(paras, "\n\n")
			}
		}
	}
	return ""
}

// firstLine splits text after its first non-empty line.
func firstLine(text string) (string, string) {
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		if strings.TrimSpace(line) != "" {
			return line, rest
		}
		text = rest
	}
	return "", ""
}

// jsonTime reads a date: a string in a common layout or Unix seconds
// (milliseconds when the number is that large).
func jsonTime(v any) (time.Time, bool) {
	switch v := v.(type) {
	case string:
		if t, ok := parseDate(v); ok {
			return t, true
		}
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return unixTime(n)
		}
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return unixTime(n)
		}
		if f, err := v.Float64(); err == nil && f > 0 && f < 1e11 {
			return unixTime(int64(f))
		}
	}
	return time.Time{}, false
}

func unixTime(n int64) (time.Time, bool) {
	switch {
	case n <= 0 || n >= 1e14:
		return time.Time{}, false
	case n >= 1e11: // milliseconds
		return time.UnixMilli(n).UTC(), true
	}
	return time.Unix(n, 0).UTC(), true
}

// textOrHTMLBody cleans a body that may be plain text or HTML.
func textOrHTMLBody(title, body string) string {
	if looksLikeHTML(body) {
		return bodyFromBlocks(title, htmlFragmentBlocks(body))
	}
	return Body(title, htmlText(body))
}

// htmlText decodes character references ("&amp;") in text that is
// otherwise plain; text without "&" is returned as it is.
func htmlText(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return html.UnescapeString(s)
}
