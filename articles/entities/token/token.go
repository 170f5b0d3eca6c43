// Package token splits raw text into words the way the CoNLL-2003 corpus
// does (punctuation apart, possessive 's and n't apart, abbreviations such as
// "U.S." and "Mr." kept whole) while remembering where each word is: every
// Token carries half-open byte offsets into the original string.
package token

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefs/articles/lexicon"
)

// Token is one word or punctuation mark and where it is in the text: text[Start:End] == Text.
type Token struct {
	Text  string
	Start int
	End   int
}

// abbrevs are words that keep their full stop (lower-cased, without the stop): the lexicon's abbreviations.
var abbrevs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.Words(lexicon.Abbreviations) {
		m[w] = true
	}
	return m
}()

// clitics split from the end of a word, longest first.
var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '`', '“', '‘', '«', '‹', '$', '£', '€', '¥':
		return true
	}
	return false
}

func isClosePunct(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '”', '’', '»', '›', ',', ';', ':', '?', '!', '%', '…':
		return true
	}
	return false
}

// Tokenize splits s into tokens. It never fails: every non-space byte of s
// belongs to exactly one token.
func Tokenize(s string) []Token {
	return Append(nil, s, 0)
}

// Append tokenizes s and appends its tokens to dst, adding base to every offset.
func Append(dst []Token, s string, base int) []Token {
	i := 0
	for i < len(s) {
		// (spaceAt, which is not inlined, only past ASCII)
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if n := spaceAt(s, i); n > 0 {
			i += n
			continue
		}
		// The run up to the next space; plain while it is ASCII letters and
		// digits only, as most words are, which need no splitting.
		j := i
		plain := true
		for {
			for j < len(s) && byteKind[s[j]] == kindAlnum {
				j++ // the common case, a byte a few instructions
			}
			if j == len(s) {
				break
			}
			k := byteKind[s[j]]
			if k == kindSpace {
				break
			}
			plain = false
			if k == kindOther {
				j++
				continue
			}
			if spaceAt(s, j) > 0 {
				break
			}
			_, n2 := utf8.DecodeRuneInString(s[j:])
			j += n2
		}
		if plain {
			dst = append(dst, Token{Text: s[i:j], Start: base + i, End: base + j})
		} else {
			dst = chunk(dst, s, i, j, base)
		}
		i = j
	}
	return dst
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceAt returns the byte length of the space character at s[i], or 0 when
// there is none.
func spaceAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// Kinds of bytes for Append's scan.
const (
	kindAlnum = iota // an ASCII letter or digit
	kindSpace        // an ASCII space (asciiSpace)
	kindOther        // other ASCII
	kindHigh         // past ASCII: a space or not, as spaceAt decides
)

// byteKind gives each byte its kind.
var byteKind = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = kindHigh
		case asciiAlnum[c]:
			t[c] = kindAlnum
		case asciiSpace[c]:
			t[c] = kindSpace
		default:
			t[c] = kindOther
		}
	}
	return t
}()

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// chunk splits the space-free run s[a:b], one that is not all ASCII
// letters and digits (Append keeps those whole).
func chunk(dst []Token, s string, a, b, base int) []Token {
	// Leading punctuation, one mark at a time.
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !isOpenPunct(r) || a+n == b && !isClosePunct(r) && r != '$' {
			break
		}
		if r == '\'' || r == '’' {
			// "'90s", "'em" keep their apostrophe; a quote mark stands alone.
			if a+n < b {
				r2, _ := utf8.DecodeRuneInString(s[a+n : b])
				if unicode.IsDigit(r2) {
					break
				}
			}
		}
		dst = append(dst, Token{Text: s[a : a+n], Start: base + a, End: base + a + n})
		a += n
	}
	// Trailing punctuation and clitics, collected backwards after the
	// leading tokens, then put in order with the core (no array to zero
	// per word).
	mark := len(dst)
	nt := 0
	for a < b && nt < 7 {
		w := s[a:b]
		if strings.HasSuffix(w, "...") && len(w) > 3 {
			dst = append(dst, Token{Text: "...", Start: base + b - 3, End: base + b})
			nt++
			b -= 3
			continue
		}
		r, n := utf8.DecodeLastRuneInString(w)
		if r == '.' {
			if keepStop(w) {
				break
			}
			dst = append(dst, Token{Text: ".", Start: base + b - n, End: base + b})
			nt++
			b -= n
			continue
		}
		if isClosePunct(r) && len(w) > n {
			dst = append(dst, Token{Text: w[len(w)-n:], Start: base + b - n, End: base + b})
			nt++
			b -= n
			continue
		}
		if cl := clitic(w); cl > 0 {
			dst = append(dst, Token{Text: w[len(w)-cl:], Start: base + b - cl, End: base + b})
			nt++
			b -= cl
			continue
		}
		break
	}
	if a < b {
		dst = append(dst, Token{Text: s[a:b], Start: base + a, End: base + b})
	}
	if nt > 0 {
		slices.Reverse(dst[mark:]) // core, then the tail in text order
	}
	return dst
}

// clitic returns the byte length of a clitic ending w, or 0.
func clitic(w string) int {
	switch w[len(w)-1] {
	case 't', 's', 'e', 'l', 'd', 'm': // how every clitic ends
	default:
		return 0
	}
	if strings.IndexByte(w, '\'') < 0 && strings.IndexByte(w, "’"[0]) < 0 {
		return 0 // no apostrophe, no clitic: most words
	}
	for _, c := range clitics {
		if len(w) > len(c) && strings.HasSuffix(w, c) {
			if c[0] == 'n' {
				// n't: "don't" -> do n't, but "n't" needs a word before it.
				return len(c)
			}
			r, _ := utf8.DecodeLastRuneInString(w[:len(w)-len(c)])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return len(c)
			}
		}
	}
	// Plural possessive: "states'" -> states '
	return 0
}

// keepStop reports whether the full stop ending w belongs to the word (U.S., Mr., J.).
func keepStop(w string) bool {
	core := w[:len(w)-1]
	if core == "" {
		return false
	}
	if strings.HasSuffix(core, ".") {
		return false // "etc.." or "..": the last stop is punctuation
	}
	// Initials and dotted acronyms: J. U.S. U.S.A. a.m.
	if strings.Contains(core, ".") {
		ok := true
		for _, part := range strings.Split(core, ".") {
			if utf8.RuneCountInString(part) > 2 || part == "" {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if utf8.RuneCountInString(core) == 1 {
		r, _ := utf8.DecodeRuneInString(core)
		return unicode.IsUpper(r)
	}
	return isAbbrev(core)
}

// isAbbrev reports abbrevs[strings.ToLower(w)], lower-casing a short ASCII
// word (most are) in place of a new string.
func isAbbrev(w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return abbrevs[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return abbrevs[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbrevs[string(buf[:len(w)])]
}

// Sentences splits tokens into sentences: it returns the index one past the
// last token of each sentence. A sentence ends at ".", "?" or "!" (and any
// closing quotes or brackets after it) when the next token starts with an
// upper-case letter, a digit or an opening quote.
func Sentences(toks []Token) []int {
	return AppendSentences(nil, toks)
}

// AppendSentences is Sentences appending the ends to ends, for a caller
// that reuses one array paragraph after paragraph.
func AppendSentences(ends []int, toks []Token) []int {
	for i := 0; i < len(toks); i++ {
		t := toks[i].Text
		if t != "." && t != "?" && t != "!" && t != "..." {
			continue
		}
		j := i + 1
		for j < len(toks) && isCloser(toks[j].Text) && toks[j].Start == toks[j-1].End {
			j++
		}
		if j >= len(toks) {
			break
		}
		r, _ := utf8.DecodeRuneInString(toks[j].Text)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || isOpenPunct(r) {
			ends = append(ends, j)
			i = j - 1
		}
	}
	if len(toks) > 0 {
		ends = append(ends, len(toks))
	}
	return ends
}

func isCloser(t string) bool {
	switch t {
	case "\"", "'", "”", "’", ")", "]", "»":
		return true
	}
	return false
}
