package reader

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"

	"briefs/articles/source"
	"briefs/model"
)

// minWrap is the narrowest width glamour is asked to wrap to; narrower
// terminals see the document cut at the right edge instead of one word a line.
const minWrap = 12

// cell is where one source rune landed on screen: line, first column and
// width in cells. w == 0 means the rune was not placed (a space, or text
// glamour changed).
type cell struct{ line, col, w int }

// Document is an article rendered by glamour for one width and theme, with
// the screen position of every visible rune of its title and body, so that
// entities and quotes can be styled after wrapping without changing it.
type Document struct {
	Lines []string // glamour's output, one screen line each

	title    []cell   // by byte offset into Article.Title
	body     []cell   // by byte offset into Article.Body
	speakers [][]cell // the "⟨Speaker⟩" tag shown after a quote, by quote index
	links    []link   // the URLs shown, the byline's first
}

// link is a URL shown in the document: where it is on screen, and the
// whole URL it opens (what is shown may be shortened with an ellipsis).
type link struct {
	url   string
	cells []cell
}

// visRune is one non-space rune the Markdown source will show, and where it comes from.
type visRune struct {
	r     rune
	field model.Field // "" for text the reader added
	off   int         // byte offset in the field, or the quote index for a speaker
	link  int         // index of the URL it belongs to, or -1
	to    int         // when > off+1: the rune stands for field[off:to] (a shortened URL's ellipsis)
}

// mdBuilder writes Markdown while recording the visible runes in order.
type mdBuilder struct {
	b     strings.Builder
	vis   []visRune
	links []string // the URLs written, by index
	room  int      // the widest a URL may show; a wider one is shortened
}

// urlSpan is a URL in some text: bytes [start, end).
type urlSpan struct{ start, end int }

// urlsIn finds the URLs in s: words with "://" or starting "www.", less
// the punctuation that ends a sentence or closes a bracket after them.
func urlsIn(s string) []urlSpan {
	var out []urlSpan
	for i := 0; i < len(s); {
		for i < len(s) && isSpaceByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isSpaceByte(s[j]) {
			j++
		}
		word := s[i:j]
		start := i + strings.IndexFunc(word, func(r rune) bool { return !strings.ContainsRune(`("'“‘<[`, r) })
		if start >= i && (strings.Contains(word, "://") || strings.HasPrefix(s[start:j], "www.")) {
			end := start + len(strings.TrimRight(s[start:j], `.,;:!?)]}>"'”’`))
			if k := strings.Index(s[start:end], "://"); k > 0 && end > start+k+3 || strings.HasPrefix(s[start:end], "www.") && end > start+4 {
				out = append(out, urlSpan{start, end})
			}
		}
		i = j
	}
	return out
}

// URLs returns the URLs written in s, in order, as the reader links them
// (ui's links view numbers them).
func URLs(s string) []string {
	var out []string
	for _, sp := range urlsIn(s) {
		out = append(out, s[sp.start:sp.end])
	}
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// shortURL fits a URL in room cells, keeping its start and its end with an
// ellipsis between; the URL itself when it fits.
func shortURL(url string, room int) string {
	if room <= 0 || ansi.StringWidth(url) <= room {
		return url
	}
	r := []rune(url)
	keep := max(room-1, 2)
	head := keep * 3 / 5
	tail := keep - head
	if head+tail >= len(r) {
		return url
	}
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// url writes a URL as a link: whole when it fits the room (its runes still
// those of field at base, so marks and places work on it), else shortened
// with an ellipsis. Glamour must not make a link of it itself: its own
// link stopped at the first hyphen, which it does not count as part of a
// URL once it is a non-breaking one.
func (mb *mdBuilder) url(u string, field model.Field, base, glued int) {
	idx := len(mb.links)
	target := u
	if strings.HasPrefix(u, "www.") {
		target = "https://" + u // what a terminal can open
	}
	mb.links = append(mb.links, target)
	shown := shortURL(u, mb.room-glued)
	// a shortened URL's runes are still those of field: the ellipsis
	// stands for what it leaves out, so a find or a mark there shows on it
	head := strings.IndexRune(shown, '…')
	cut := len(u) - (len(shown) - head - len("…")) // where the tail starts in u
	if shown == u {
		head = len(u)
	}
	for i, r := range shown {
		switch {
		case r == '-':
			mb.b.WriteRune(nbHyphen) // never a line break (Render turns it back)
		// not "https://" or "www." to glamour's autolinker (which takes no
		// backslash before ':', and shows it)
		case r == ':' && strings.HasPrefix(shown[i:], "://"):
			mb.b.WriteString("&#58;")
		case r == '.' && i == 3 && strings.HasPrefix(shown, "www."):
			mb.b.WriteString("\\.")
		case r < ' ' || r == 0x7f || r == ' ':
			continue
		case r == '&':
			mb.b.WriteString("&amp;")
		case r == '~':
			mb.b.WriteString("&#126;")
		case strings.ContainsRune(markdownSpecial, r):
			mb.b.WriteByte('\\')
			mb.b.WriteRune(r)
		default:
			mb.b.WriteRune(r)
		}
		off, to := base+i, 0
		switch {
		case field == "":
			off = base
		case i == head:
			off, to = base+head, base+cut
		case i > head:
			off = base + cut + i - head - len("…")
		}
		mb.vis = append(mb.vis, visRune{r: r, field: field, off: off, link: idx, to: to})
	}
}

// markdownSpecial are the characters that could start Markdown markup in running text.
// '&' and '~' are written as entities instead: glamour shows a backslash before them.
const markdownSpecial = "\\`*_[]<>#+-!|{}"

// text writes s escaped, so that glamour shows it exactly, its URLs as
// links; base is the byte offset of s in field.
func (mb *mdBuilder) text(s string, field model.Field, base int) {
	offAt := func(k int) int { // text the reader added keeps its base (a quote's index)
		if field == "" {
			return base
		}
		return base + k
	}
	at := 0
	for _, u := range urlsIn(s) {
		mb.plain(s[at:u.start], field, offAt(at), at == 0)
		// the punctuation glued to it ("(at URL).") shares its line
		before := u.start - (strings.LastIndexAny(s[:u.start], " \t\n\r") + 1)
		after := len(s) - u.end
		if k := strings.IndexAny(s[u.end:], " \t\n\r"); k >= 0 {
			after = k
		}
		mb.url(s[u.start:u.end], field, offAt(u.start), ansi.StringWidth(s[u.start-before:u.start])+ansi.StringWidth(s[u.end:u.end+after]))
		at = u.end
	}
	mb.plain(s[at:], field, offAt(at), at == 0)
}

// plain is text without URLs; start says whether s starts the text (where
// "2013." could be read as a list item).
func (mb *mdBuilder) plain(s string, field model.Field, base int, start bool) {
	lead := start // still inside a leading run of digits: "2013. " must not become a list
	for i, r := range s {
		if r == '-' && nameHyphen(s, i) {
			// A non-breaking hyphen keeps "al-Assad" on one line; Render turns it back.
			mb.b.WriteRune(nbHyphen)
			mb.vis = append(mb.vis, visRune{r: r, field: field, off: base + i, link: -1})
			lead = false
			continue
		}
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			r = ' '
		case r < ' ' || r == 0x7f:
			continue // control characters would corrupt the screen
		}
		switch {
		case r == '&':
			mb.b.WriteString("&amp;")
		case r == '~':
			mb.b.WriteString("&#126;")
		case strings.ContainsRune(markdownSpecial, r) || (lead && i > 0 && (r == '.' || r == ')')):
			mb.b.WriteByte('\\')
			mb.b.WriteRune(r)
		default:
			mb.b.WriteRune(r)
		}
		lead = lead && r >= '0' && r <= '9'
		if !unicode.IsSpace(r) {
			off := base + i
			if field == "" {
				off = base
			}
			mb.vis = append(mb.vis, visRune{r: r, field: field, off: off, link: -1})
		}
	}
}

// nbsp is U+00A0 NO-BREAK SPACE: the wrapper never breaks at it either.
const nbsp = "\u00a0"

// nbHyphen is U+2011 NON-BREAKING HYPHEN: the wrapper never breaks at it.
const nbHyphen = '\u2011'

// nameHyphen reports whether the hyphen at s[i] joins the parts of a name
// ("al-Assad", "Abu-Zeid", "Min-seo"): letters on both sides and some part
// of the hyphenated word capitalised. Ordinary compounds ("state-owned")
// may still break at their hyphen.
func nameHyphen(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	if !unicode.IsLetter(before) || !unicode.IsLetter(after) {
		return false
	}
	start, end := i, i+1
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		start -= n
	}
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		end += n
	}
	for _, part := range strings.Split(s[start:end], "-") {
		if r, _ := utf8.DecodeRuneInString(part); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func (mb *mdBuilder) raw(s string) { mb.b.WriteString(s) }

// buildMarkdown writes the article as glamour reads it: the title as a
// heading, a line of where and when, then the body paragraphs, with the
// speaker of a quote in angle brackets just after its closing mark. Every
// character of the article's text is escaped. It also returns the visible
// runes in order.
func buildMarkdown(a *model.Article, room int) (string, []visRune, []string) {
	mb := mdBuilder{room: room}
	mb.raw("# ")
	mb.text(a.Title, model.FieldTitle, 0)
	mb.raw("\n\n")
	if meta := metaLine(a); meta != "" {
		mb.raw("*")
		mb.text(meta, "", -1)
		mb.raw("*\n\n")
	}
	if a.URL != "" { // on its own line, a link (see url)
		mb.url(a.URL, "", -1, 0)
		mb.raw("\n\n")
	}
	tags := speakerInsertions(a) // in body order
	start := 0
	for _, para := range strings.SplitAfter(a.Body, model.ParagraphSep) {
		text := strings.TrimSuffix(para, model.ParagraphSep)
		pos := 0
		for len(tags) > 0 && tags[0].at <= start+len(text) {
			ins := tags[0]
			tags = tags[1:]
			at := max(ins.at-start, pos)
			mb.text(text[pos:at], model.FieldBody, start+pos)
			pos = at
			// glued to the closing mark (no space): the tag wraps with the
			// quote's last word and reads as a note on it, not as text
			if r, _ := utf8.DecodeLastRuneInString(text[:at]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				mb.raw(nbsp) // a quote with no closing mark: "*" after a letter would not open emphasis
			}
			mb.raw("*")
			mb.text(ins.tag(), "", ins.quote)
			mb.raw("*")
		}
		mb.text(text[pos:], model.FieldBody, start+pos)
		if strings.TrimSpace(text) != "" {
			mb.raw("\n\n")
		}
		start += len(para)
	}
	return mb.b.String(), mb.vis, mb.links
}

// metaLine is the outlet, author and date of an article, for under its
// title (its URL goes on a line of its own).
func metaLine(a *model.Article) string {
	// the outlet label (never a path), the author, the date (when the
	// brief gives none, the file name's or else the file's, said so)
	parts := []string{source.Label(*a)}
	if a.Author != "" {
		parts = append(parts, a.Author)
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("2 January 2006"))
	} else if d, ok := source.DateFromName(a.Source); ok && !strings.Contains(a.Source, "://") {
		parts = append(parts, d.Format("2 January 2006")+" (from the file name)")
	} else if d, ok := source.FileTime(a.Source); ok { // Render runs off the update loop
		parts = append(parts, d.Format("2 January 2006")+" (file date)")
	}
	return strings.Join(parts, " · ")
}

// insertion is a speaker tag shown in the body: at a byte offset (just
// after a quote's closing mark), for one quote.
type insertion struct {
	at      int
	quote   int    // the quote it stands for
	speaker string // as the quote gives it
	unsure  bool   // the speaker's confidence is low: shown with a "?"
}

// Speaker tags are set in mathematical angle brackets, which news text
// does not use, so that even without colour (NO_COLOR) a tag cannot be
// read as part of a sentence: “We are ready,”⟨Lina Roos⟩ she said.
const (
	tagOpen  = "⟨"
	tagClose = "⟩"
)

// tag is the text shown: "⟨Lavrov⟩", "⟨Lavrov?⟩" when unsure. No-break
// spaces keep a name whole on one line (Render turns them back); a name
// longer than maxWholeName cells ("the Libertarian presidential
// candidate's personal doctor") wraps like text: kept whole, a narrow
// screen would cut it inside a word.
func (ins insertion) tag() string {
	name := strings.Join(strings.Fields(ins.speaker), " ")
	if ansi.StringWidth(name) <= maxWholeName {
		name = strings.ReplaceAll(name, " ", nbsp)
	}
	if ins.unsure {
		name += "?"
	}
	return tagOpen + name + tagClose
}

// maxWholeName is the widest speaker name a tag keeps on one line.
const maxWholeName = 24

// speakerInsertions puts a speaker's tag just after the closing mark of
// each attributed quote in the body, in body order. A quote gets none when
// its speaker's name is written beside it ("…,” said Lina Roos"), or when
// the quote before it in the paragraph is the same speaker's: "“A,” she
// said, “B.”" needs one tag, not two.
func speakerInsertions(a *model.Article) []insertion {
	var out []insertion
	order := make([]int, 0, len(a.Quotes))
	for i, q := range a.Quotes {
		if q.Field != model.FieldBody || strings.TrimSpace(q.Speaker) == "" || q.Start < 0 || q.End > len(a.Body) || q.Start > q.End {
			continue
		}
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(x, y int) int { return a.Quotes[x].End - a.Quotes[y].End })
	lastPara, lastSpeaker := -1, ""
	for _, i := range order {
		q := a.Quotes[i]
		at := closingMark(a.Body, q.End)
		para := paragraphStart(a.Body, q.Start)
		if para == lastPara && q.Speaker == lastSpeaker {
			continue
		}
		lastPara, lastSpeaker = para, q.Speaker
		if namedNearby(a.Body, q.Speaker, q.Start, at) {
			continue // "…,” said Vladimir Safronkov: the text names the speaker already
		}
		unsure := q.SpeakerConfidence > 0 && q.SpeakerConfidence < model.LowSpeakerConfidence
		if n := len(out); n > 0 && out[n-1].at == at {
			continue // two quotes ending at one mark: the first one's tag stands
		}
		out = append(out, insertion{at: at, quote: i, speaker: q.Speaker, unsure: unsure})
	}
	return out
}

// closingMark is the offset just past the mark that closes a quote whose
// words end at end: the extractor leaves out the punctuation inside the
// marks ("…by the sea," is the words "…by the sea"), which the tag must not
// split from them. end itself when no mark follows.
func closingMark(body string, end int) int {
	i := end
	for i < len(body) && strings.ContainsRune(",.;:!?…", rune(body[i])) {
		i++
	}
	if r, n := utf8.DecodeRuneInString(body[i:]); n > 0 && isQuoteMark(r) {
		return i + n
	}
	if r, n := utf8.DecodeRuneInString(body[end:]); n > 0 && isQuoteMark(r) {
		return end + n
	}
	return end
}

// Within how many bytes before a quote or after its closing mark the
// speaker's name counts as written beside it.
const (
	nearBefore = 80
	nearAfter  = 60
)

// namedNearby reports whether the speaker's name, or a surname alone, is
// written close to the quote body[start:end] (end past its closing mark),
// in its paragraph.
func namedNearby(body, speaker string, start, end int) bool {
	lo := max(paragraphStart(body, start), start-nearBefore)
	hi := min(len(body), end+nearAfter)
	if k := strings.Index(body[end:hi], model.ParagraphSep); k >= 0 {
		hi = end + k
	}
	names := []string{speaker}
	if f := strings.Fields(speaker); len(f) > 1 {
		if last := f[len(f)-1]; len(last) >= 3 && unicode.IsUpper([]rune(last)[0]) {
			names = append(names, last) // "…,” Okafor-Reyes told reporters
		}
	}
	for _, n := range names {
		if strings.Contains(body[lo:start], n) || strings.Contains(body[end:hi], n) {
			return true
		}
	}
	return false
}

// paragraphStart is the offset where the paragraph that holds offset off begins.
func paragraphStart(body string, off int) int {
	if k := strings.LastIndex(body[:off], model.ParagraphSep); k >= 0 {
		return k + len(model.ParagraphSep)
	}
	return 0
}

func isQuoteMark(r rune) bool { return strings.ContainsRune("\"“”„«»'‘’", r) }

// Render lays the article out with glamour at width cells in the named glamour
// standard style ("dark", "light", "notty", ...) or the style of a glamour JSON
// file (a path ending in .json).
func Render(a *model.Article, width int, style string) (*Document, error) {
	wrap := max(width, minWrap)
	md, vis, links := buildMarkdown(a, wrap-urlMargin)
	styleOpt := glamour.WithStandardStyle(style)
	if cfg, ok := styles.DefaultStyles[style]; ok && cfg.H1.BackgroundColor != nil {
		// the title's highlight starts at its first letter on every line
		// (with the style's padding space it began a column off the next)
		c := *cfg
		c.H1.Prefix, c.H1.Suffix = "", ""
		styleOpt = glamour.WithStyles(c)
	}
	if strings.HasSuffix(style, ".json") { // a glamour JSON style file, from the config
		styleOpt = glamour.WithStylesFromJSONFile(style)
	}
	r, err := glamour.NewTermRenderer(styleOpt, glamour.WithWordWrap(wrap))
	if err != nil {
		return nil, fmt.Errorf("glamour renderer: %w", err)
	}
	out, err := r.Render(md)
	if err != nil {
		return nil, fmt.Errorf("render %q: %w", a.Title, err)
	}
	out = strings.NewReplacer(string(nbHyphen), "-", nbsp, " ").Replace(out)
	out = strings.TrimRight(out, "\n ")
	out = strings.TrimLeft(out, "\n")
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = compact(l)
	}
	d := &Document{
		Lines:    lines,
		title:    make([]cell, len(a.Title)+1),
		body:     make([]cell, len(a.Body)+1),
		speakers: make([][]cell, len(a.Quotes)),
	}
	d.links = make([]link, len(links))
	for i, u := range links {
		d.links[i].url = u
	}
	d.place(vis)
	d.hyperlinks()
	return d, nil
}

// urlMargin is what glamour takes of the wrap width around the text (the
// document's margins): a URL wider than the rest is shortened.
const urlMargin = 4

// hyperlinks makes every URL on screen an OSC 8 hyperlink to the whole URL,
// which a terminal can open with a click however it is shown.
func (d *Document) hyperlinks() {
	byLine := map[int][]linkSpan{}
	for _, l := range d.links {
		for _, r := range runs(l.cells) {
			byLine[r.line] = append(byLine[r.line], linkSpan{r.c0, r.c1, l.url})
		}
	}
	for ln, spans := range byLine {
		if ln >= 0 && ln < len(d.Lines) {
			slices.SortFunc(spans, func(x, y linkSpan) int { return x.c0 - y.c0 })
			d.Lines[ln] = linkLine(d.Lines[ln], spans)
		}
	}
}

// linkSpan is columns [c0, c1) of a line that link to url.
type linkSpan struct {
	c0, c1 int
	url    string
}

// linkLine wraps the spans of a line in OSC 8 hyperlinks, leaving its text
// and styles as they are.
func linkLine(line string, spans []linkSpan) string {
	var b strings.Builder
	b.Grow(len(line) + len(spans)*64)
	var state byte
	col, si := 0, 0
	in := false
	for len(line) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(line, state, nil)
		state = newState
		line = line[n:]
		if width > 0 && !in && si < len(spans) && col >= spans[si].c0 {
			b.WriteString(ansi.SetHyperlink(spans[si].url))
			in = true
		}
		b.WriteString(seq)
		col += width
		if in && col >= spans[si].c1 {
			b.WriteString(ansi.ResetHyperlink())
			in = false
			si++
		}
	}
	if in {
		b.WriteString(ansi.ResetHyperlink())
	}
	return b.String()
}

// compact drops what a glamour line carries but never shows: styles set
// and reset around nothing, and the styled spaces that pad it to the wrap
// width. Lines get several times shorter, which makes highlighting and
// drawing them cheaper. One pass, no allocation beyond the result.
func compact(line string) string {
	var out, held strings.Builder // held: spaces (and styles among them) not yet known to be inner
	out.Grow(len(line) / 2)
	pending := "" // a style set, not yet written: dropped if a reset follows at once
	var state byte
	for len(line) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(line, state, nil)
		state = newState
		line = line[n:]
		switch {
		case width == 0 && ansi.HasCsiPrefix(seq) && strings.HasSuffix(seq, "m"):
			if seq == "\x1b[m" || seq == "\x1b[0m" {
				if pending != "" {
					pending = ""
					continue
				}
				held.WriteString(seq)
				continue
			}
			if pending != "" {
				held.WriteString(pending)
			}
			pending = seq
		case width == 0:
			held.WriteString(seq)
		default:
			held.WriteString(pending)
			pending = ""
			held.WriteString(seq)
			if strings.TrimSpace(seq) != "" {
				out.WriteString(held.String())
				held.Reset()
			}
		}
	}
	if strings.Contains(out.String(), "\x1b[") {
		out.WriteString("\x1b[m")
	}
	return out.String()
}

// screenRune is a non-space rune as glamour drew it.
type screenRune struct {
	r rune
	c cell
}

// place matches the runes the Markdown showed with the runes on screen, in
// order: glamour only moves text between lines and adds margins, so the
// runes come out in the same order. Anything glamour added is skipped.
func (d *Document) place(vis []visRune) {
	var scr []screenRune
	for ln, line := range d.Lines {
		plain := ansi.Strip(line)
		col := 0
		state := -1
		for len(plain) > 0 {
			var g string
			g, plain, _, state = uniseg.FirstGraphemeClusterInString(plain, state)
			w := ansi.StringWidth(g)
			for _, r := range g {
				if !unicode.IsSpace(r) {
					scr = append(scr, screenRune{r, cell{ln, col, max(w, 1)}})
				}
			}
			col += w
		}
	}
	const lookahead = 24
	j := 0
	for _, v := range vis {
		k := j
		for k < len(scr) && k-j < lookahead && scr[k].r != v.r {
			k++
		}
		if k >= len(scr) || scr[k].r != v.r {
			continue // glamour changed this rune: leave it unplaced
		}
		j = k + 1
		if v.link >= 0 && v.link < len(d.links) {
			d.links[v.link].cells = append(d.links[v.link].cells, scr[k].c)
		}
		switch v.field {
		case model.FieldTitle, model.FieldBody:
			src := d.body
			if v.field == model.FieldTitle {
				src = d.title
			}
			for o := v.off; o < max(v.to, v.off+1) && o < len(src); o++ { // an ellipsis: the bytes it leaves out too
				src[o] = scr[k].c
			}
		default:
			if v.off >= 0 && v.off < len(d.speakers) {
				d.speakers[v.off] = append(d.speakers[v.off], scr[k].c)
			}
		}
	}
}

// cells returns the placed cells of field[start:end].
func (d *Document) cells(f model.Field, start, end int) []cell {
	src := d.body
	if f == model.FieldTitle {
		src = d.title
	}
	start, end = max(start, 0), min(end, len(src))
	var out []cell
	for i := start; i < end; i++ {
		if src[i].w > 0 && (len(out) == 0 || out[len(out)-1] != src[i]) { // an ellipsis once
			out = append(out, src[i])
		}
	}
	return out
}

// AnchorAt returns the byte offset in the body of the first body rune shown
// on line or after it: a place in the text that survives wrapping at
// another width. -1 when the line is above the body (the title) or past it.
func (d *Document) AnchorAt(line int) int {
	first := true
	for off, c := range d.body {
		if c.w == 0 {
			continue
		}
		if c.line >= line {
			if first && c.line > line {
				return -1 // the line shows the title or the byline: the top
			}
			return off
		}
		first = false
	}
	return -1
}

// LineOfAnchor returns the screen line where the body from byte offset off
// shows (AnchorAt's inverse at this width), or -1.
func (d *Document) LineOfAnchor(off int) int {
	if off < 0 {
		return -1
	}
	return d.Line(model.FieldBody, off, len(d.body))
}

// Line returns the screen line where field[off:] first shows, or -1.
func (d *Document) Line(f model.Field, start, end int) int {
	if c := d.cells(f, start, end); len(c) > 0 {
		return c[0].line
	}
	return -1
}
