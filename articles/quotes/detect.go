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
		// 6'3" is a height, not a quotation mark
		if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
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

// markish marks the bytes findSpans stops at: a straight mark, markup's
// angle brackets, and the first byte of “ ” „ (0xE2) and « » (0xC2).
var markish = [256]bool{'"': true, '<': true, '>': true, 0xE2: true, 0xC2: true}

// span is a quotation found in one paragraph: the marks and the words between them.
type span struct {
	open, close int // byte offset of the opening mark, and of the closing mark (or paragraph end)
	start, end  int // the quoted words, trimmed
	para        int // paragraph index
	group       int // index of the first piece of a quotation running over several paragraphs
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
func findSpans(text string, paras []paragraph) []span {
	var out []span
	carry := -1 // group of a quotation carried over from the previous paragraph
	for pi, p := range paras {
		open := -1
		openAt := -1
		openKind := markEither
		group := -1
		i := p.start
		if carry >= 0 {
			if at, after, ok := startsWithMark(text, p); ok {
				open, openAt, group = after, at, carry
				i = after
			}
		}
		carry = -1
		inTag := false // inside markup (<tweet author="..." datetime="...">): its marks quote nothing
		for i < p.end {
			// most bytes are none of '"', '<', '>' or the first byte of a curly mark or guillemet
			for i < p.end && !markish[text[i]] {
				i++
			}
			if i >= p.end {
				break
			}
			if c := text[i]; c == '<' && open < 0 && i+1 < p.end && (isASCIILetter(text[i+1]) || text[i+1] == '/') {
				inTag = true
			} else if c == '>' {
				inTag = false
			}
			k, n, ok := markAt(text, i)
			if !ok || inTag {
				i++
				continue
			}
			if open < 0 {
				// A closing mark right after a word is a stray closer: skip it.
				if k == markClose && i > p.start && !isSpace(text[i-1]) && !isWordStart(text, i+n) {
					i += n
					continue
				}
				open, openAt, openKind = i+n, i, k
				group = -1
			} else if k == markOpen && openKind == markEither {
				// "... it comes across as “too loud.”": curly marks paired
				// inside a straight-quoted quotation are quoted words within
				// it, not its end
				if j := nestedClose(text, i+n, p.end); j > 0 {
					i = j
					continue
				}
				// a lone curly opener closes the straight quotation, as before
				if s, ok := trimSpan(text, openAt, open, i, pi); ok && !(openAt > 0 && text[openAt-1] == '=') {
					s.group = group
					out = appendSpan(out, s)
				}
				open = -1
			} else {
				// attribute values in markup (tweet="...") are not quotations
				markup := openAt > 0 && text[openAt-1] == '='
				if s, ok := trimSpan(text, openAt, open, i, pi); ok && !markup {
					s.group = group
					out = appendSpan(out, s)
				}
				open = -1
			}
			i += n
		}
		if open >= 0 {
			s, ok := trimSpan(text, openAt, open, p.end, pi)
			next := pi + 1
			continues := false
			if next < len(paras) {
				_, _, continues = startsWithMark(text, paras[next])
			}
			// an unbalanced mark (nothing closes it, nothing continues it)
			// leaves no telling where the quotation ends: no span
			if ok && (continues || group >= 0) {
				s.group = group
				out = appendSpan(out, s)
				if continues {
					carry = out[len(out)-1].group
				}
			} else if continues && group >= 0 {
				carry = group
			}
		}
	}
	return out
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
func appendSpan(out []span, s span) []span {
	if s.group < 0 {
		s.group = len(out)
	}
	return append(out, s)
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
