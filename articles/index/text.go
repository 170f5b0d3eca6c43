package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// stopwords are not indexed for full text: they are in nearly every brief, so
// their posting lists would cost memory and rank nothing. Phrases that contain
// them are still matched exactly, by checking the text of the candidates.
var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true, "and": true,
	"or": true, "for": true, "on": true, "at": true, "by": true, "with": true, "from": true,
	"as": true, "is": true, "was": true, "be": true, "been": true, "it": true, "its": true,
	"that": true, "this": true, "are": true, "were": true, "has": true, "have": true,
	"had": true, "he": true, "she": true, "his": true, "her": true, "they": true,
	"their": true, "but": true, "not": true, "will": true, "would": true, "which": true,
	"who": true, "s": true,
}

// isStopword is stopwords[string(tok)] for the short words, without a map lookup.
func isStopword(tok []byte) bool {
	switch string(tok) {
	case "a", "an", "the", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with", "from",
		"as", "is", "was", "be", "been", "it", "its", "that", "this", "are", "were", "has", "have",
		"had", "he", "she", "his", "her", "they", "their", "but", "not", "will", "would", "which",
		"who", "s":
		return true
	}
	return false
}

// foldRune appends the lower-case, accent-free form of a letter or digit r to b.
func foldRune(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if r < rune(len(latinFold)) {
		return append(b, latinFold[r]...)
	}
	return foldSlow(b, r)
}

// latinFold holds the folded form of the letters of Latin-1 and Latin
// Extended-A, the accented letters news text mostly uses.
var latinFold = func() (t [0x250]string) {
	for r := rune(0x80); r < rune(len(t)); r++ {
		if isWordRune(r) {
			t[r] = string(foldSlow(nil, r))
		}
	}
	return t
}()

// foldSlow folds one letter or digit through Unicode decomposition.
func foldSlow(b []byte, r rune) []byte {
	if f, ok := foldSpecial[unicode.ToLower(r)]; ok {
		return append(b, f...)
	}
	for _, d := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(d))
	}
	return b
}

// foldSpecial folds the Latin letters that Unicode does not decompose into
// a base letter and an accent ("Arıkan" is found by "Arikan").
var foldSpecial = map[rune]string{
	'ı': "i", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ħ': "h",
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isJoiner reports whether r, between two word runes, joins them into one
// word: "U.S." is "us", "O'Brien" is "obrien", as model.Slug folds them.
func isJoiner(r rune) bool { return r == '\'' || r == '.' || r == '’' }

// asciiFold maps an ASCII letter or digit to its lower case, anything else to 0.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// eachToken calls fn with every word of s, folded (lower case, no accents, no
// inner apostrophes or dots), and its byte span in s. The tok slice is reused:
// copy it to keep it. It stops early when fn returns false.
func eachToken(s string, buf []byte, fn func(tok []byte, start, end int) bool) []byte {
	tok := buf[:0]
	start := -1
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// the fast path: ASCII
			if f := asciiFold[c]; f != 0 {
				if start < 0 {
					start = i
				}
				tok = append(tok, f)
			} else if start >= 0 && (c == '\'' || c == '.') && i+1 < len(s) && nextIsWord(s[i+1:]) {
				// a joiner inside a word: skip it
			} else if start >= 0 {
				if !fn(tok, start, i) {
					return tok
				}
				tok, start = tok[:0], -1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
			tok = foldRune(tok, r)
		case start >= 0 && isJoiner(r) && i+size < len(s) && nextIsWord(s[i+size:]):
			// a joiner inside a word: skip it
		default:
			if start >= 0 {
				if !fn(tok, start, i) {
					return tok
				}
				tok, start = tok[:0], -1
			}
		}
		i += size
	}
	if start >= 0 {
		fn(tok, start, len(s))
	}
	return tok
}

func nextIsWord(s string) bool {
	if s[0] < utf8.RuneSelf {
		return asciiFold[s[0]] != 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// tokens returns the folded words of s.
func tokens(s string) []string {
	var out []string
	eachToken(s, nil, func(tok []byte, _, _ int) bool {
		out = append(out, string(tok))
		return true
	})
	return out
}

// nameKey folds a name to the key of the alias table: its folded words joined
// by single spaces ("U.S." -> "us", "Russian  Federation" -> "russian federation").
func nameKey(s string) string {
	return strings.Join(tokens(s), " ")
}

// lastWord returns the last word of a name key.
func lastWord(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

// firstWord returns the first word of a name key.
func firstWord(key string) string {
	if i := strings.IndexByte(key, ' '); i >= 0 {
		return key[:i]
	}
	return key
}

// editDistance is the Levenshtein distance between a and b, counted in bytes
// (keys are folded to ASCII letters for the names it is used on).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
