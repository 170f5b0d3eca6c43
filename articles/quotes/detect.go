package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mark kinds: a straight double quote can open or close; curly and
// guillemet marks say which they are (though writers misuse them).
const (
	markEither = iota
	markOpen
	markClose
)

// markAt reports whether a double quotation mark starts at s[i], its kind
// and its byte length. Single quotes are not marks at this level: they nest
// inside double quotes and double as apostrophes.
func markAt(s string, i int) (kind, size int, ok bool) {
	c := s[i]
	if c == '"' {
		// 6'3" is a height, not a quotation mark; "about $200,000" and
		// "Thank you! #Trump2016" end with one
		if feetInches(s, i) {
			return 0, 0, false
		}
		return markEither, 1, true
	}
	if c < 0x80 {
		return 0, 0, false
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '“', '„', '«':
		return markOpen, n, true
	case '”', '»':
		return markClose, n, true
	}
	return 0, 0, false
}

// feetInches reports whether the straight mark at s[i] is the inches of a
// height: one or two digits right after a digit and a foot mark (6'3", 5'11").
func feetInches(s string, i int) bool {
	j := i
	for j > 0 && i-j < 2 && isDigit(s[j-1]) {
		j--
	}
	if j == i {
		return false
	}
	switch {
	case j >= 2 && s[j-1] == '\'':
		return isDigit(s[j-2])
	case j >= 4 && s[j-3:j] == "’":
		return isDigit(s[j-4])
	}
	return false
}

// markish marks the bytes findSpans stops at: a straight mark, markup's
// angle brackets, and the first byte of “ ” „ (0xE2) and « » (0xC2).
var markish = [256]bool{'"': true, '<': true, '>': true, 0xE2: true, 0xC2: true}

// span is a quotation found in one paragraph: the marks and the words between them.
type span struct {
	open, close int // byte offset of the opening mark, and of the closing mark (or paragraph end)
	start, end  int // the quoted words, trimmed
	para        int // paragraph index
	group       int // index of the first piece of a quotation running over several paragraphs
	outer       int // for a quotation inside another: the index of that one's span
}

// paragraph is one paragraph of a field, by byte range into the field text.
type paragraph struct {
	start, end int
}

// splitParagraphs cuts text at blank lines ("\n\n"); single newlines stay inside.
func splitParagraphs(text string) []paragraph {
	var ps []paragraph
	i := 0
	for i <= len(text) {
		j := strings.Index(text[i:], "\n\n")
		if j < 0 {
			ps = append(ps, paragraph{i, len(text)})
			break
		}
		ps = append(ps, paragraph{i, i + j})
		i += j + 2
	}
	return ps
}

// startsWithMark reports whether the paragraph, after leading space, opens with a double mark;
// it returns the offsets of that mark and just past it.
func startsWithMark(text string, p paragraph) (at, after int, ok bool) {
	i := p.start
	for i < p.end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') {
		i++
	}
	if i >= p.end {
		return 0, 0, false
	}
	k, n, ok := markAt(text, i)
	if !ok || k == markClose && i+n < p.end && !isWordStart(text, i+n) {
		return 0, 0, false
	}
	return i, i + n, true
}

func isWordStart(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '‘' || r == '.' || r == '('
}

// findSpans finds every double-quoted span in text, paragraph by paragraph.
// A paragraph that opens a quotation without closing it continues into the
// next paragraph when that one opens with a mark (the newspaper convention);
// each paragraph's piece is its own span, tied to the first by group.
func findSpans(text string, paras []paragraph) (out, inner []span) {
	sc := spanScanner{text: text, carry: -1}
	for pi, p := range paras {
		sc.paragraph(paras, pi, p)
	}
	return sc.out, sc.inner
}

// spanScanner is findSpans's state.
type spanScanner struct {
	text       string
	out, inner []span
	pending    int // inner quotations whose outer span is not out yet
	carry      int // group of a quotation carried over from the previous paragraph
	// the quotation open in the current paragraph
	open, openAt int
	openKind     int
	group        int
	pi           int
}

// paragraph scans paragraph pi.
func (sc *spanScanner) paragraph(paras []paragraph, pi int, p paragraph) {
	text := sc.text
	sc.open, sc.openAt, sc.openKind, sc.group, sc.pi = -1, -1, markEither, -1, pi
	i := p.start
	if sc.carry >= 0 {
		if at, after, ok := startsWithMark(text, p); ok {
			sc.open, sc.openAt, sc.group = after, at, sc.carry
			sc.openKind, _, _ = markAt(text, at)
			i = after
		}
	}
	sc.carry = -1
	inTag := false // inside markup (<tweet author="..." datetime="...">): its marks quote nothing
	for i < p.end {
		// most bytes are none of '"', '<', '>' or the first byte of a curly mark or guillemet
		for i < p.end && !markish[text[i]] {
			i++
		}
		if i >= p.end {
			break
		}
		if c := text[i]; c == '<' && sc.open < 0 && i+1 < p.end && (isASCIILetter(text[i+1]) || text[i+1] == '/') {
			inTag = true
		} else if c == '>' {
			inTag = false
		}
		k, n, ok := markAt(text, i)
		if !ok || inTag {
			i++
			continue
		}
		i = sc.mark(p, i, k, n)
	}
	if sc.open >= 0 {
		sc.unclosed(paras, pi, p)
	}
	sc.dropPending()
}

// dropPending forgets the inner quotations of a quotation that was not kept.
func (sc *spanScanner) dropPending() {
	sc.inner, sc.pending = sc.inner[:len(sc.inner)-sc.pending], 0
}

// emit keeps the open quotation, up to end, unless it is markup's.
func (sc *spanScanner) emit(end int, markupOK bool) {
	if s, ok := trimSpan(sc.text, sc.openAt, sc.open, end, sc.pi); ok && (markupOK || !(sc.openAt > 0 && sc.text[sc.openAt-1] == '=')) {
		s.group = sc.group
		sc.out, sc.pending = appendSpan(sc.out, s, sc.inner, sc.pending)
	}
}

// nested records the quotation inside the open one from the mark at i
// (its words from i+n) to j, when one closes before the paragraph's end.
func (sc *spanScanner) nested(i, n, j int) {
	if s, ok := trimSpan(sc.text, i, i+n, j-closerSize(sc.text, j), sc.pi); ok {
		sc.inner = append(sc.inner, s)
		sc.pending++
	}
}

// mark reads the mark of kind k and size n at i and returns where to read on.
func (sc *spanScanner) mark(p paragraph, i, k, n int) int {
	text := sc.text
	switch {
	case sc.open < 0:
		// A closing mark right after a word is a stray closer: skip
		// it. So is a straight one glued to a word and followed by
		// a space ("review of [his] systems" including"), when the
		// paragraph has no mark before it that it could close.
		if k == markClose && i > p.start && !isSpace(text[i-1]) && !isWordStart(text, i+n) ||
			k == markEither && i > p.start && isWordEnd(text, i) && i+n < p.end && isSpace(text[i+n]) && !marksBefore(text, p.start, i) {
			return i + n
		}
		// a doubled opener ("“We won,” he said"; ““We won”) is
		// one: the quotation opens at the second
		if i+n < p.end {
			if k2, n2, ok := markAt(text, i+n); ok && k2 == markOpen {
				i, k, n = i+n, k2, n2
			}
		}
		sc.open, sc.openAt, sc.openKind = i+n, i, k
		sc.group = -1
	case k == markOpen && sc.openKind == markEither:
		// "... it comes across as “too loud.”": curly marks paired
		// inside a straight-quoted quotation are quoted words within
		// it, not its end
		if j := nestedClose(text, i+n, p.end); j > 0 {
			sc.nested(i, n, j)
			return j
		}
		// a lone curly opener closes the straight quotation, as before
		sc.emit(i, false)
		sc.open = -1
		sc.dropPending()
	case k == markOpen && sc.openKind == markOpen:
		return sc.curlyInCurly(p, i, k, n)
	case k == markEither && sc.openKind == markEither && opensWords(text, i, n, p.start) && endsSentence(text, sc.open, i):
		// "One priority is victims. "The needs of victims ...: a
		// straight mark that opens words after a sentence's end
		// starts the next quotation (paragraphs run together, each
		// opening with a mark, or a mark left unclosed)
		sc.emit(i, false)
		sc.dropPending()
		sc.open, sc.openAt, sc.openKind = i+n, i, k
		sc.group = -1
	default:
		// attribute values in markup (tweet="...") are not quotations,
		// nor is a nickname inside a name (Marcia "Cia" Price)
		markup := sc.openAt > 0 && text[sc.openAt-1] == '='
		if s, ok := trimSpan(text, sc.openAt, sc.open, i, sc.pi); ok && !markup && !isNickname(text, s, i+n) {
			s.group = sc.group
			sc.out, sc.pending = appendSpan(sc.out, s, sc.inner, sc.pending)
		}
		sc.open = -1
		sc.dropPending()
	}
	return i + n
}

// curlyInCurly reads a curly opener at i inside a curly quotation: after
// the end of a sentence it opens the next quotation (the one before was
// left unclosed: “... American.\n“I have been ...”); inside a sentence it
// quotes words within the quotation (“I’d rather live in what he calls
// “hell” than ...”).
func (sc *spanScanner) curlyInCurly(p paragraph, i, k, n int) int {
	text := sc.text
	if endsSentence(text, sc.open, i) {
		sc.emit(i, true)
		sc.dropPending()
		sc.open, sc.openAt, sc.openKind = i+n, i, k
		sc.group = -1
		return i + n
	}
	if j := nestedClose(text, i+n, p.end); j > 0 && hasCloser(text, j, p.end) {
		sc.nested(i, n, j)
		return j
	}
	// as before: the opener ends the quotation
	sc.emit(i, true)
	sc.open = -1
	sc.dropPending()
	return i + n
}

// unclosed ends paragraph pi with a quotation open: it continues into the
// next paragraph when that one opens with a mark of the same kind; an
// unbalanced mark (nothing closes it, nothing continues it) leaves no
// telling where the quotation ends: no span.
func (sc *spanScanner) unclosed(paras []paragraph, pi int, p paragraph) {
	text := sc.text
	s, ok := trimSpan(text, sc.openAt, sc.open, p.end, pi)
	next := pi + 1
	continues := false
	if next < len(paras) {
		var at int
		at, _, continues = startsWithMark(text, paras[next])
		// a writer who marks the paragraphs of a block quotation
		// with straight marks and the quotations inside it with
		// curly ones: a next paragraph that opens with the other
		// kind of mark and closes it is a quotation of its own
		if continues {
			k, n, _ := markAt(text, at)
			continues = (k == markEither) == (sc.openKind == markEither) || !hasCloser(text, at+n, paras[next].end)
		}
	}
	switch {
	case ok && (continues || sc.group >= 0):
		s.group = sc.group
		sc.out, sc.pending = appendSpan(sc.out, s, sc.inner, sc.pending)
		if continues {
			sc.carry = sc.out[len(sc.out)-1].group
		}
	case continues && sc.group >= 0:
		sc.carry = sc.group
	case sc.group < 0:
		// the stray mark quotes nothing, but a quotation paired
		// inside its words is still one ("Trump walked on,
		// chanting “U-S-A!”": an excerpt's leading mark)
		for _, in := range sc.inner[len(sc.inner)-sc.pending:] {
			in.group = -1
			sc.out, _ = appendSpan(sc.out, in, nil, 0)
		}
	}
}

// nestedClose returns the offset just past the curly closing mark that
// pairs with a curly opener whose words start at from, when one comes before
// the paragraph's end and before any straight mark; else 0.
func nestedClose(text string, from, end int) int {
	for i := from; i < end; i++ {
		k, n, ok := markAt(text, i)
		if !ok {
			continue
		}
		if k == markClose {
			return i + n
		}
		return 0
	}
	return 0
}

// appendSpan adds s, giving it its own group when it starts one.
func appendSpan(out []span, s span, inner []span, pending int) ([]span, int) {
	if s.group < 0 {
		s.group = len(out)
	}
	for i := len(inner) - pending; i < len(inner); i++ {
		inner[i].outer = len(out)
	}
	return append(out, s), 0
}

// closerSize is the byte length of the closing mark that ends just before j.
func closerSize(text string, j int) int {
	if j >= 3 && text[j-3] == 0xE2 {
		return 3
	}
	if j >= 2 && text[j-2] == 0xC2 {
		return 2
	}
	return 1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// trimSpan trims the words between marks: surrounding space and a trailing
// comma (the comma belongs to the reporting sentence). It fails when no
// letter or digit is left.
func trimSpan(text string, openAt, start, end, para int) (span, bool) {
	s, e := start, end
	for s < e && isSpace(text[s]) {
		s++
	}
	for e > s && (isSpace(text[e-1]) || text[e-1] == ',') {
		e--
	}
	has := false
	for _, r := range text[s:e] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			has = true
			break
		}
	}
	if !has {
		return span{}, false
	}
	return span{open: openAt, close: end, start: s, end: e, para: para}, true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isWordEnd reports whether the byte before i ends a word (a letter, a
// digit, or the punctuation that ends one).
func isWordEnd(text string, i int) bool {
	if i == 0 {
		return false
	}
	c := text[i-1]
	return isASCIILetter(c) || c >= '0' && c <= '9' || c == '.' || c == ',' || c == '?' || c == '!' || c >= 0x80
}

// marksBefore reports whether a double mark comes between from and i.
func marksBefore(text string, from, i int) bool {
	for j := from; j < i; j++ {
		if markish[text[j]] {
			if _, _, ok := markAt(text, j); ok {
				return true
			}
		}
	}
	return false
}

// endsSentence reports whether the words from start to i end a sentence:
// the last thing before i (space and line breaks aside) is a full stop,
// question or exclamation mark, and at least two words precede it.
func endsSentence(text string, start, i int) bool {
	j := i
	for j > start && isSpace(text[j-1]) {
		j--
	}
	if j == i || j <= start { // no space before the mark: "...“hell”"
		return false
	}
	c := text[j-1]
	return (c == '.' || c == '?' || c == '!') && strings.Count(text[start:j], " ") >= 1
}

// hasCloser reports whether a closing (or straight) mark comes between from and end.
func hasCloser(text string, from, end int) bool {
	for j := from; j < end; j++ {
		if k, _, ok := markAt(text, j); ok && k != markOpen {
			return true
		}
	}
	return false
}

// isNickname reports a nickname inside a name: one or two capitalised words
// in marks between capitalised words (Marcia "Cia" Price), after marks end
// at after.
func isNickname(text string, s span, after int) bool {
	if s.end-s.start > 40 || s.open < 2 || text[s.open-1] != ' ' || after+1 >= len(text) || text[after] != ' ' {
		return false
	}
	words := strings.Fields(text[s.start:s.end])
	if len(words) == 0 || len(words) > 2 || s.open < 2 || text[s.open-1] != ' ' || after+1 >= len(text) || text[after] != ' ' {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || strings.ContainsAny(w, ".,!?;:") {
			return false
		}
	}
	before := strings.LastIndexByte(text[:s.open-1], ' ') + 1
	prev := text[before : s.open-1]
	next, _ := utf8.DecodeRuneInString(text[after+1:])
	r, _ := utf8.DecodeRuneInString(prev)
	return prev != "" && unicode.IsUpper(r) && !strings.ContainsAny(prev, ".,!?;:'’") && unicode.IsUpper(next)
}

// opensWords reports a straight mark at i (n bytes) placed as an opening
// one: a space before it, a word right after it.
func opensWords(text string, i, n, start int) bool {
	return i > start && isSpace(text[i-1]) && isWordStart(text, i+n)
}
