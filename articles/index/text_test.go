package index

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// tokensRef is the plain rune-by-rune tokenizer the fast one must agree with.
func tokensRef(s string) []string {
	var out []string
	var tok []byte
	in := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			in = true
			tok = foldRune(tok, r)
		case in && isJoiner(r) && i+size < len(s) && nextIsWord(s[i+size:]):
		default:
			if in {
				out = append(out, string(tok))
				tok, in = tok[:0], false
			}
		}
		i += size
	}
	if in {
		out = append(out, string(tok))
	}
	return out
}

func FuzzTokensMatchReference(f *testing.F) {
	for _, s := range []string{"U.S. forces", "O'Brien’s café", "Zoë ĞÜNTHER", "a.b.", "'x'", "x.", "\xff\xfe", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tokens(s), tokensRef(s); !slices.Equal(got, want) {
			t.Errorf("tokens(%q) = %q, reference %q", s, got, want)
		}
		eachToken(s, nil, func(tok []byte, start, end int) bool {
			if start < 0 || end > len(s) || start >= end {
				t.Errorf("span [%d,%d) of %q", start, end, s)
			}
			return true
		})
	})
}

func TestIsStopwordMatchesTheList(t *testing.T) {
	for w := range stopwords {
		if len(w) <= 5 && !isStopword([]byte(w)) {
			t.Errorf("isStopword(%q) = false", w)
		}
	}
	for _, w := range []string{"thee", "russia", "", "wh"} {
		if isStopword([]byte(w)) {
			t.Errorf("isStopword(%q) = true", w)
		}
	}
}

func BenchmarkTokens(b *testing.B) {
	text := []byte{}
	for len(text) < 1<<16 {
		text = append(text, "The envoy said on Tuesday that U.S. and Russian negotiators would meet again in Reykjavík. "...)
	}
	s := string(text)
	b.SetBytes(int64(len(s)))
	var buf []byte
	for b.Loop() {
		buf = eachToken(s, buf, func([]byte, int, int) bool { return true })
	}
}
