// Package source reads briefs from wherever they are: files, folders
// (recursively, in sorted order, hidden files left out), "-" for standard
// input, and http(s) URLs; and cleans them into model.Article values.
//
// # Formats
//
// A file's format is chosen by sniffing its content first and its
// extension second, so a feed saved as .txt, or a page with no extension,
// still reads right. Gzip-compressed files (".gz" or by the magic number)
// of any format are read too, decompressed only up to the size limit.
//
//   - Text (.txt and anything else that is text): the first non-empty line
//     is the title, the rest is the body, paragraphs separated by blank
//     lines (lines within one are joined; text with no blank line at all
//     has one paragraph per line).
//   - Markdown (.md, .markdown): optional YAML ("---") or TOML ("+++")
//     front matter with title (or headline), date (or published), source
//     (or outlet, publisher), url (or link), author (a string or a list);
//     without a title there, the first heading or line is the title. The
//     body is plain text: markup is stripped, each block (paragraph,
//     heading, list item, quote, code block) becomes one paragraph, links
//     keep their words.
//   - JSON (.json): one article object, an array of them, or an object
//     holding an array under articles, items, entries, stories, posts,
//     results, data or briefs. Field names, case-insensitive, first found
//     wins: title: title, headline, name; body: body, content, text,
//     articleBody, article_body, content_html, content_text, html (a string,
//     plain or HTML, or a list of paragraph strings), else summary,
//     description, excerpt, abstract, lede; published: published, date,
//     datePublished, published_at, publishedAt, pubDate, date_published,
//     created_at, time, timestamp (a date string in a common layout, or Unix
//     seconds or milliseconds); url: url, link, href, canonical_url,
//     permalink, uri; outlet: source, outlet, publisher, site_name,
//     siteName, site, publication (a string or an object's name); author:
//     author, authors, byline, creator, by (a string, an object's name, or a
//     list of either). With no title field the body's first line is the title.
//   - JSON Lines (.jsonl, .ndjson): one such object per line.
//   - HTML (.html, .htm): readability (codeberg.org/readeck/go-readability)
//     finds the main text, and what in it is no article text goes
//     (captions and credits, screen-reader labels, share, sign-in,
//     newsletter and related blocks, stamps, bylines glued to dates: see
//     boilerplate.go); the title (less the site name the page declares),
//     date, author, outlet (the site) and canonical URL come from the meta
//     tags (<link rel=canonical>, Open Graph, article:published_time,
//     <time datetime>) and readability's reading (JSON-LD first for the
//     date). An untitled page's first line is its title only when short
//     and more text follows.
//   - RSS, Atom and JSON Feed (github.com/mmcdole/gofeed; a JSON Feed is
//     known by its version or its items): one article per item, its HTML
//     content (else description, <body>, Media RSS description) turned
//     into paragraphs, relative links resolved against the feed's URL (or
//     its own link); the feed's title is the outlet.
//   - Feed lists: OPML (.opml) or a file whose every line is an http(s)
//     URL ("#" comments and blank lines allowed). Load fetches each URL, one
//     level deep (a feed list fetched from a feed list is not followed).
//
// # Cleaning
//
// Every source's bytes become UTF-8 in one place (toUTF8Text): a byte
// order mark decides (UTF-8, UTF-16, UTF-32), then zero bytes that show
// UTF-16 or UTF-32 without one; valid UTF-8 stays UTF-8; then the HTTP
// Content-Type charset of a download, then an XML declaration or an HTML
// <meta> charset; text that declares nothing and is no UTF-8 at all (not
// UTF-8 with a bad byte) gets the charset a detector names with
// confidence, given enough non-ASCII bytes to tell. A feed with a bad byte
// or a control character XML forbids is repaired before it is parsed, and
// one cut short is closed, so no item is lost for it.
//
// Every title, body, field, warning and Source name passes the cleaner:
// invalid UTF-8 becomes U+FFFD; a BOM, CRLF line ends, terminal escape
// sequences, C0/C1 control characters and bidirectional overrides are
// removed (see Sanitize); the title repeated at the top of the body is
// dropped (case, spacing and surrounding punctuation do not count); whole
// short boilerplate lines at the end ("Related news", "Read more", "Share
// this", ...) are dropped; lines are trimmed, runs of spaces (no-break
// spaces too) folded, runs of blank lines collapsed, and paragraphs joined
// by model.ParagraphSep. No other word of the body is changed.
//
// # Bad input
//
// A source that cannot be read becomes a Warning and the others go on:
// empty files, binary files and files (or downloads, or decompressed gzip
// data) over Options.MaxFileSize are skipped; malformed JSON is reported
// with its line and column; HTTP errors, timeouts, too many redirects and
// redirects to other schemes than http(s) are reported per URL.
//
// # Downloads
//
// With Options.HTTPCache, a URL fetched before is asked for conditionally
// (ETag, Last-Modified): an unchanged feed answers 304 and is read from the
// cache, not downloaded again (see Fetch).
package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"briefs/model"
)

// DefaultMaxFileSize is the size limit of one file or download when
// Options.MaxFileSize is zero: 20 MB.
const DefaultMaxFileSize = 20 << 20

// Options tune loading. The zero value is ready to use.
type Options struct {
	// Stdin is read for the spec "-"; nil reads nothing.
	Stdin io.Reader
	// MaxFileSize bounds one file, one download and one decompressed
	// stream, in bytes; larger ones are skipped with a warning. Zero means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// HTTPClient fetches URLs; nil uses a client with Timeout, the
	// redirect limit and the refusal of non-HTTP redirects.
	HTTPClient *http.Client
	// UserAgent is sent with every request; empty means DefaultUserAgent.
	UserAgent string
	// Timeout bounds one download when HTTPClient is nil; zero means 30 s.
	Timeout time.Duration
	// HTTPCache keeps downloads with their validators, for conditional
	// GET (see Fetch); nil downloads everything every time.
	HTTPCache HTTPCache
}

func (o Options) maxSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// Warning says why one source (a file, a URL, "-") was skipped or only
// partly read.
type Warning struct {
	Source string // the path or URL, cleaned for the screen
	Reason string
	// Notice marks what the user is told but is no failure: files of a
	// folder that are no brief format, left out on purpose.
	Notice bool
}

// Error returns "source: reason".
func (w Warning) Error() string {
	return w.Source + ": " + w.Reason
}

// Load reads every spec and returns the articles in order (folders
// recursively, in sorted path order) and a warning for each source that
// failed. A spec is a file, a folder, "-" for opt.Stdin, or an http(s) URL.
func Load(ctx context.Context, specs []string, opt Options) ([]model.Article, []Warning) {
	var arts []model.Article
	var warns []Warning
	Walk(ctx, specs, opt, func(a model.Article) { arts = append(arts, a) }, func(w Warning) { warns = append(warns, w) })
	return arts, warns
}

// Walk is the streaming form of Load: it calls emit for each article and
// warn for each failed source, in order, from the calling goroutine. It
// stops early when ctx is done (with a warning saying so).
func Walk(ctx context.Context, specs []string, opt Options, emit func(model.Article), warn func(Warning)) {
	w := walker{ctx: ctx, opt: opt, emit: emit, warn: warn}
	for _, spec := range specs {
		if err := ctx.Err(); err != nil {
			warn(Warning{Source: CleanSource(spec), Reason: fmt.Sprintf("not read: %v", err)})
			return
		}
		w.spec(spec)
	}
}

// walker carries one Walk's settings and callbacks.
type walker struct {
	ctx   context.Context
	opt   Options
	emit  func(model.Article)
	warn  func(Warning)
	depth int // feed lists being followed
}

func (w *walker) warnf(src, format string, args ...any) {
	w.warn(Warning{Source: CleanSource(src), Reason: CleanTitle(fmt.Sprintf(format, args...))})
}

func (w *walker) spec(spec string) {
	switch {
	case spec == "-":
		if w.opt.Stdin == nil {
			w.warnf("-", "no standard input")
			return
		}
		data, err := readLimited(w.opt.Stdin, w.opt.maxSize())
		if err != nil {
			w.warnf("-", "%v", err)
			return
		}
		w.parse("-", "", data)
	case isURL(spec):
		w.url(spec)
	default:
		info, err := os.Stat(spec)
		if err != nil {
			w.warnf(spec, "%v", unwrapPath(err))
			return
		}
		if info.IsDir() {
			w.dir(spec)
			return
		}
		w.file(spec, info)
	}
}

// dir reads every file under root that ListFolder lists, in its order.
func (w *walker) dir(root string) {
	var files []string
	ListFolder(root, func(p, _ string) bool { files = append(files, p); return true }, w.warn)
	for _, f := range files {
		if w.ctx.Err() != nil {
			w.warnf(f, "not read: %v", w.ctx.Err())
			return
		}
		info, err := os.Stat(f)
		if err != nil {
			w.warnf(f, "%v", unwrapPath(err))
			continue
		}
		if info.IsDir() {
			continue // a symlink to a folder: not followed, to avoid cycles
		}
		w.file(f, info)
	}
}

func (w *walker) file(p string, info fs.FileInfo) {
	if !info.Mode().IsRegular() {
		w.warnf(p, "not a regular file")
		return
	}
	if limit := w.opt.maxSize(); info.Size() > limit {
		w.warnf(p, "%s is over the %s size limit", byteSize(info.Size()), byteSize(limit))
		return
	}
	f, err := os.Open(p)
	if err != nil {
		w.warnf(p, "%v", unwrapPath(err))
		return
	}
	defer f.Close()
	data, err := readLimited(f, w.opt.maxSize())
	if err != nil {
		w.warnf(p, "%v", err)
		return
	}
	w.parse(p, "", data)
}

// parse hands one source's bytes to Parse and reports the result; a feed
// list's URLs are fetched in turn (one level: a feed list fetched from a
// feed list is not followed). base is the URL a download ended at, after
// its redirects ("" for a file): relative links resolve against it.
func (w *walker) parse(name, base string, data []byte) {
	arts, err := parseLimited(name, base, data, w.opt.maxSize())
	for _, a := range arts {
		w.emit(a)
	}
	var list *feedListError
	if errors.As(err, &list) && w.depth == 0 {
		w.depth++
		for _, u := range list.urls {
			if w.ctx.Err() != nil {
				w.warnf(u, "not read: %v", w.ctx.Err())
				break
			}
			w.url(u)
		}
		w.depth--
		return
	}
	if err != nil {
		w.warnf(name, "%v", err)
	}
}

// errTooLarge is returned when a stream is over the size limit.
var errTooLarge = errors.New("over the size limit")

// readLimited reads r whole, refusing more than limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("more than %s: %w", byteSize(limit), errTooLarge)
	}
	return data, nil
}

// byteSize renders n bytes for a person: "20 MB", "512 B".
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.4g MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.4g KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// LoadFS reads every file of fsys (recursively, sorted; hidden files left
// out), as Load reads a folder. Source is the path inside fsys.
func LoadFS(fsys fs.FS, opt Options) ([]model.Article, []Warning) {
	var arts []model.Article
	var warns []Warning
	warn := func(p, format string, args ...any) {
		warns = append(warns, Warning{Source: CleanSource(p), Reason: CleanTitle(fmt.Sprintf(format, args...))})
	}
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			warn(p, "%v", err)
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		warn(".", "%v", err)
	}
	sort.Strings(files)
	for _, p := range files {
		f, err := fsys.Open(p)
		if err != nil {
			warn(p, "%v", unwrapPath(err))
			continue
		}
		data, err := readLimited(f, opt.maxSize())
		f.Close()
		if err != nil {
			warn(p, "%v", err)
			continue
		}
		got, err := parseLimited(p, "", data, opt.maxSize())
		if err != nil {
			warn(p, "%v", err)
			continue
		}
		arts = append(arts, got...)
	}
	return arts, warns
}

// Parse reads one file's bytes into its articles; name (a path or URL)
// gives the extension and becomes each article's Source. The format is
// sniffed from the content, the extension breaking ties. It returns an
// error for empty, binary or malformed input, and never panics; when only
// part of the input is bad (a JSON array with a broken item, a bad line in
// JSON Lines) it returns the good articles with the error. A feed list is
// an error here: Load and Walk fetch its URLs.
func Parse(name string, data []byte) ([]model.Article, error) {
	return parseLimited(name, "", data, DefaultMaxFileSize)
}

// parseLimited is Parse with a bound on decompressed sizes; base, when not
// empty, is the address relative links resolve against instead of name
// (where a download was redirected to).
func parseLimited(name, base string, data []byte, limit int64) ([]model.Article, error) {
	return parseAny(name, base, extOf(name), data, limit, 0)
}

// baseName strips a URL's query and fragment before its extension is read.
func baseName(name string) string {
	if i := strings.IndexAny(name, "?#"); i >= 0 && isURL(name) {
		name = name[:i]
	}
	return name
}

// isURL reports whether spec is an http or https URL.
func isURL(spec string) bool {
	l := strings.ToLower(spec)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// isBinary sniffs the first 8 KB: NUL bytes, or many control bytes or
// invalid UTF-8 sequences, mean it is not text.
func isBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	// UTF-16 and UTF-32 are decoded before this; a stray NUL in text is
	// dropped with the other controls, while binary data has many.
	if nul := bytes.Count(head, []byte{0}); nul > 1 && nul*100 > len(head) || nul > 64 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		c := head[i]
		if c < 0x80 {
			if c < 0x20 && c != 0 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 && len(head)-i >= utf8.UTFMax {
			bad++
		}
		i += size
	}
	return bad*10 > len(head)*3 // over 30% junk
}

// parseText reads a plain-text brief: first non-empty line title, rest body.
func parseText(name string, data []byte) ([]model.Article, error) {
	text := Sanitize(string(data))
	var title, rest string
	for text != "" {
		line, after, _ := strings.Cut(text, "\n")
		text = after
		if t := normalizeSpace(line); t != "" {
			title, rest = t, after
			break
		}
	}
	return finish(name, model.Article{Title: title, Body: Body(title, rest)})
}

// finish sets an article's Source and ID, and refuses one with no text.
func finish(name string, a model.Article) ([]model.Article, error) {
	if a.Title == "" && a.Body == "" {
		return nil, errors.New("no text")
	}
	a.Source = CleanSource(name)
	a.ID = model.ArticleID(a.Title, a.Body)
	return []model.Article{a}, nil
}

// briefExts are the extensions a folder's files are read for (gzip of any
// of them too); a file with no extension is sniffed. Other files in a folder
// (source code, pictures, documents) are left out with one warning, while a
// file named on the command line is always read.
var briefExts = map[string]bool{
	"": true, ".txt": true, ".text": true, ".md": true, ".markdown": true,
	".json": true, ".jsonl": true, ".ndjson": true, ".html": true, ".htm": true,
	".xhtml": true, ".xml": true, ".rss": true, ".atom": true, ".feed": true, ".opml": true,
}

// briefFile reports whether a file found in a folder is read as a brief.
func briefFile(p string) bool {
	return briefExts[extOf(p)]
}

func sumCounts(m map[string]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}
