package samples

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// brief is one sample split into its parts, as a reader of the formats sees them.
type brief struct {
	name    string
	title   string
	meta    map[string]string // front matter of a .md brief
	paras   []string          // body paragraphs, boilerplate lines left out
	rawBody string
}

// boilerplate are trailing lines real briefs carry that are not paragraphs.
var boilerplate = map[string]bool{"Related news": true, "Read more": true}

func parseBrief(t *testing.T, name string, data []byte) brief {
	t.Helper()
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	b := brief{name: name, meta: map[string]string{}}
	switch filepath.Ext(name) {
	case ".md":
		rest, ok := strings.CutPrefix(text, "---\n")
		if !ok {
			t.Fatalf("%s: no front matter opening line", name)
		}
		front, body, ok := strings.Cut(rest, "\n---\n")
		if !ok {
			t.Fatalf("%s: front matter not closed", name)
		}
		for _, line := range strings.Split(front, "\n") {
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				t.Fatalf("%s: front matter line %q is not key: value", name, line)
			}
			b.meta[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
		b.title = b.meta["title"]
		b.rawBody = body
	case ".txt":
		first, body, _ := strings.Cut(text, "\n")
		b.title = strings.TrimSpace(first)
		b.rawBody = body
	default:
		t.Fatalf("%s: unexpected extension", name)
	}
	for _, p := range strings.Split(b.rawBody, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" || p == b.title || boilerplate[p] {
			continue
		}
		b.paras = append(b.paras, p)
	}
	return b
}

func loadAll(t *testing.T) []brief {
	t.Helper()
	var out []brief
	for _, n := range Names() {
		data, err := fs.ReadFile(FS, n)
		if err != nil {
			t.Fatalf("read embedded %s: %v", n, err)
		}
		out = append(out, parseBrief(t, n, data))
	}
	return out
}

func TestNamesListsEveryBrief(t *testing.T) {
	names := Names()
	if len(names) < 9 {
		t.Fatalf("got %d built-in briefs, want at least 9: %v", len(names), names)
	}
	var txt, md int
	for i, n := range names {
		if i > 0 && names[i-1] >= n {
			t.Errorf("Names not sorted: %q before %q", names[i-1], n)
		}
		switch filepath.Ext(n) {
		case ".txt":
			txt++
		case ".md":
			md++
		default:
			t.Errorf("%s: not a .txt or .md brief", n)
		}
	}
	if txt == 0 || md == 0 {
		t.Errorf("want both formats, got %d .txt and %d .md", txt, md)
	}
}

func TestSeedShippedVerbatim(t *testing.T) {
	got, err := fs.ReadFile(FS, SeedName)
	if err != nil {
		t.Fatalf("seed %s not embedded: %v", SeedName, err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seed", SeedName))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("../shared/seed absent: cannot compare the embedded seed with the original")
	}
	if err != nil {
		t.Fatalf("read shared seed: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("embedded seed differs from ../shared/seed/%s (%d vs %d bytes)", SeedName, len(got), len(want))
	}
}

func TestBriefShape(t *testing.T) {
	for _, b := range loadAll(t) {
		t.Run(b.name, func(t *testing.T) {
			if b.title == "" {
				t.Error("empty title")
			}
			if strings.HasPrefix(b.title, "#") || strings.HasPrefix(b.title, "---") {
				t.Errorf("title %q looks like markup", b.title)
			}
			if len(b.paras) < 5 {
				t.Errorf("%d paragraphs, want at least 5", len(b.paras))
			}
			if filepath.Ext(b.name) == ".md" {
				for _, k := range []string{"title", "date", "source", "url"} {
					if b.meta[k] == "" {
						t.Errorf("front matter lacks %s", k)
					}
				}
				if d := b.meta["date"]; !regexp.MustCompile(`^2026-\d\d-\d\d$`).MatchString(d) {
					t.Errorf("front matter date %q, want 2026-MM-DD", d)
				}
				if u := b.meta["url"]; !strings.HasPrefix(u, "https://example.org/") {
					t.Errorf("front matter url %q, want one under https://example.org/", u)
				}
			}
			if b.name == SeedName {
				return // the seed is shipped as it is
			}
			words := len(strings.Fields(strings.Join(b.paras, " ")))
			if words < 250 || words > 600 {
				t.Errorf("%d words in the body, want 250-600", words)
			}
		})
	}
}

func TestQuotations(t *testing.T) {
	for _, b := range loadAll(t) {
		t.Run(b.name, func(t *testing.T) {
			pairs, err := quotePairs(b.paras)
			if err != nil {
				t.Fatal(err)
			}
			if pairs < 4 {
				t.Errorf("%d quotation pairs, want at least 4", pairs)
			}
		})
	}
}

// quotePairs counts the double-quotation pairs in paragraphs and reports the
// first unbalanced mark. Straight quotes count as opening after a space,
// an opening bracket or the start of a paragraph, and as closing elsewhere.
// A quotation may run on over paragraphs the typographic way: the paragraph
// is left open and the next one starts with an opening mark.
func quotePairs(paras []string) (int, error) {
	pairs := 0
	open := false
	for i, p := range paras {
		if open {
			if !strings.HasPrefix(p, "“") && !strings.HasPrefix(p, `"`) {
				return pairs, fmt.Errorf("quotation left open at the end of paragraph %d and not continued", i)
			}
		}
		prev := ' '
		for j, r := range p {
			var opening, closing bool
			switch r {
			case '“':
				opening = true
			case '”':
				closing = true
			case '"':
				if unicode.IsSpace(prev) || strings.ContainsRune("([{—–-", prev) {
					opening = true
				} else {
					closing = true
				}
			}
			switch {
			case opening && open && !(j == 0 && i > 0):
				return pairs, fmt.Errorf("opening quotation mark inside a quotation in paragraph %d: %s", i+1, excerpt(p, j))
			case opening:
				open = true
			case closing && !open:
				return pairs, fmt.Errorf("closing quotation mark with none open in paragraph %d: %s", i+1, excerpt(p, j))
			case closing:
				open = false
				pairs++
			}
			prev = r
		}
	}
	if open {
		return pairs, errors.New("quotation still open at the end of the brief")
	}
	return pairs, nil
}

func excerpt(s string, at int) string {
	lo, hi := max(0, at-30), min(len(s), at+30)
	return "…" + strings.ToValidUTF8(s[lo:hi], "") + "…"
}

func TestQuotePairsCatchesImbalance(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		pairs int
		ok    bool
	}{
		{"curly", []string{"“One,” she said. “Two.”"}, 2, true},
		{"straight", []string{`"One," he said, calling it "two".`}, 2, true},
		{"run-on", []string{"“One, he said.", "“Two.”"}, 1, true},
		{"unclosed", []string{"“One, she said."}, 0, false},
		{"stray close", []string{"One,” she said."}, 0, false},
		{"double open", []string{"“One “two.”"}, 0, false},
		{"open not continued", []string{"“One.", "Two.”"}, 0, false},
	}
	for _, tc := range tests {
		pairs, err := quotePairs(tc.paras)
		if (err == nil) != tc.ok {
			t.Errorf("%s: err = %v, want ok=%v", tc.name, err, tc.ok)
		}
		if tc.ok && pairs != tc.pairs {
			t.Errorf("%s: %d pairs, want %d", tc.name, pairs, tc.pairs)
		}
	}
}

// sentenceEnd splits running text after ., ! or ? (and any closing quote)
// followed by a space.
var sentenceEnd = regexp.MustCompile(`[.!?]["”’]?\s+`)

// normWords lowercases s and keeps only its words, so that quoting style and
// punctuation do not hide a copied sentence.
func normWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func TestNoSeedSentenceElsewhere(t *testing.T) {
	all := loadAll(t)
	var seed *brief
	for i := range all {
		if all[i].name == SeedName {
			seed = &all[i]
		}
	}
	if seed == nil {
		t.Fatalf("seed %s not found", SeedName)
	}
	var sentences []string
	for _, p := range append([]string{seed.title}, seed.paras...) {
		for _, s := range sentenceEnd.Split(p, -1) {
			if w := normWords(s); len(w) >= 4 {
				sentences = append(sentences, " "+strings.Join(w, " ")+" ")
			}
		}
	}
	if len(sentences) < 20 {
		t.Fatalf("found only %d sentences in the seed: the splitter is broken", len(sentences))
	}
	// Any run of 8 words from the seed is a copy too, even cut mid-sentence.
	const run = 8
	seedWords := normWords(strings.Join(seed.paras, " "))
	for _, b := range all {
		if b.name == SeedName {
			continue
		}
		text := " " + strings.Join(normWords(b.title+" "+strings.Join(b.paras, " ")), " ") + " "
		for _, s := range sentences {
			if strings.Contains(text, s) {
				t.Errorf("%s contains a seed sentence:%s", b.name, s)
			}
		}
		for i := 0; i+run <= len(seedWords); i++ {
			if s := " " + strings.Join(seedWords[i:i+run], " ") + " "; strings.Contains(text, s) {
				t.Errorf("%s contains %d words in a row from the seed:%s", b.name, run, s)
			}
		}
	}
}
