package tagger

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/token"
	"briefs/articles/samples"
)

func loadModel(t testing.TB) *Model {
	t.Helper()
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(g)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// sampleDocs are the built-in briefs as tagger input, one document per brief,
// one sentence per line, plus made-up edge cases.
func sampleDocs(t testing.TB) [][]Sentence {
	t.Helper()
	var docs [][]Sentence
	for _, name := range samples.Names() {
		data, err := samples.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var doc []Sentence
		for _, line := range strings.Split(string(data), "\n") {
			var words []string
			for _, tk := range token.Tokenize(line) {
				words = append(words, tk.Text)
			}
			doc = append(doc, Sentence{Words: words, Upper: isUpperSentence(words)})
		}
		docs = append(docs, doc)
	}
	odd := []Sentence{
		{},
		{Words: []string{"ZANELLI", "CORP", "SAYS", "ORVAL", "BANK", "WILL", "PAY", "."}, Upper: true},
		{Words: []string{"Mr", "Quillon", "of", "Tessaro", "Holdings", "Inc", "met", "Dr", "Quillon", "."}},
		{Words: []string{"\xff\xfe", "Ünal", "ÜNAL", "ünal", "İstanbul", "ǅemal", "1996-08-30", "$", "12.5", "'", "“", "Petrov", "”"}},
		{Words: []string{"quillon", "Quillon", "QUILLON", "(", "Tessaro", ")", "--", "Tessaro", ":", "Orval"}},
		{Words: []string{"x"}},
	}
	return append(docs, odd, webDoc())
}

// webDoc is an invented forum post: it reads as web text (styleCount.web),
// so the web features are summed.
func webDoc() []Sentence {
	var doc []Sentence
	for _, line := range []string{
		"i went to the quillon bakery in tessaro last week !",
		"you should try their bread , my sister said it was great",
		"is the Orval branch open on sundays ?",
		"thanks for any help !!",
	} {
		doc = append(doc, Sentence{Words: strings.Fields(line)})
	}
	return doc
}

func sameLabels(t *testing.T, what string, got, want [][]Label) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d sentences, want %d", what, len(got), len(want))
	}
	for k := range want {
		if fmt.Sprint(got[k]) != fmt.Sprint(want[k]) {
			t.Fatalf("%s, sentence %d: labels %v, want %v", what, k, got[k], want[k])
		}
	}
}

// TestTagDocMatchesReference holds the fast TagDoc to the plain feature-by-feature scorer.
func TestTagDocMatchesReference(t *testing.T) {
	m := loadModel(t)
	docs := sampleDocs(t)
	for round := range 2 { // the second round runs on a warm word cache
		for i, d := range docs {
			sameLabels(t, fmt.Sprintf("round %d, doc %d", round, i), m.TagDoc(d), m.tagDocReference(d))
		}
	}
	// Concurrent calls each get their own scratch.
	var wg sync.WaitGroup
	errs := make(chan string, len(docs))
	for _, d := range docs {
		wg.Go(func() {
			if fmt.Sprint(m.TagDoc(d)) != fmt.Sprint(m.tagDocReference(d)) {
				errs <- "concurrent TagDoc differs from the reference"
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

// TestTagDocCacheOverflow fills the word cache past maxWords and the pair
// cache past maxPairs: pairs past the cap are summed afresh each time,
// the next article starts on an empty cache, and all tag as the reference does.
func TestTagDocCacheOverflow(t *testing.T) {
	m := loadModel(t)
	var big []Sentence
	// Two new words and three new pairs a sentence.
	for i := range max(maxWords/2, maxPairs/3) + 100 {
		big = append(big, Sentence{Words: []string{"Orvan" + fmt.Sprint(i), "met", fmt.Sprintf("w%dx", i), "."}})
	}
	sameLabels(t, "big article", m.TagDoc(big), m.tagDocReference(big))
	for i, d := range sampleDocs(t) {
		sameLabels(t, fmt.Sprintf("after overflow, doc %d", i), m.TagDoc(d), m.tagDocReference(d))
	}
}

// TestTagDocMatchesReferenceCoNLL compares on the CoNLL-2003 dev split (skipped without ../shared).
func TestTagDocMatchesReferenceCoNLL(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "data", "conll2003", "eng.testa")
	f, err := os.Open(path)
	if err != nil {
		t.Skip("no CoNLL dev split at", path)
	}
	defer f.Close()
	m := loadModel(t)
	docs, err := readCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 200 {
		t.Fatalf("only %d documents in %s", len(docs), path)
	}
	for i, d := range docs {
		sameLabels(t, fmt.Sprintf("doc %d", i), m.TagDoc(d), m.tagDocReference(d))
	}
}

// readCoNLL reads CoNLL-2003 documents as tagger input.
func readCoNLL(r io.Reader) ([][]Sentence, error) {
	var docs [][]Sentence
	var doc []Sentence
	var words []string
	flush := func() {
		if len(words) > 0 {
			doc = append(doc, Sentence{Words: words, Upper: isUpperSentence(words)})
			words = nil
		}
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "-DOCSTART-"):
			flush()
			if len(doc) > 0 {
				docs = append(docs, doc)
			}
			doc = nil
		case strings.TrimSpace(line) == "":
			flush()
		default:
			words = append(words, strings.Fields(line)[0])
		}
	}
	flush()
	if len(doc) > 0 {
		docs = append(docs, doc)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read CoNLL: %w", err)
	}
	return docs, nil
}

// BenchmarkTagDoc tags the CoNLL-2003 dev split (skipped without ../shared)
// with TagDoc and with the plain scorer it replaced, side by side.
func BenchmarkTagDoc(b *testing.B) {
	path := filepath.Join("..", "..", "..", "..", "shared", "data", "conll2003", "eng.testa")
	f, err := os.Open(path)
	if err != nil {
		b.Skip("no CoNLL dev split at", path)
	}
	docs, err := readCoNLL(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	m := loadModel(b)
	toks := 0
	for _, d := range docs {
		for _, s := range d {
			toks += len(s.Words)
		}
	}
	for _, c := range []struct {
		name string
		tag  func([]Sentence) [][]Label
		cold bool // a fresh model (empty word cache) every iteration
	}{{"fast", m.TagDoc, false}, {"fast-cold", nil, true}, {"reference", m.tagDocReference, false}} {
		b.Run(c.name, func(b *testing.B) {
			cpu := 0.0
			for b.Loop() {
				tag := c.tag
				if c.cold {
					b.StopTimer()
					tag = loadModel(b).TagDoc
					b.StartTimer()
				}
				cpu0 := cpuSeconds()
				for _, d := range docs {
					tag(d)
				}
				cpu += cpuSeconds() - cpu0
			}
			b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
			if cpu > 0 {
				b.ReportMetric(float64(toks)*float64(b.N)/cpu, "tokens/cpu-s")
			}
		})
	}
}

// FuzzTagDoc holds TagDoc to the plain scorer on arbitrary text: lines are
// sentences, blank lines separate articles, and a line starting with "!" is
// read as an all-caps sentence.
func FuzzTagDoc(f *testing.F) {
	f.Add("Mirela Vantongeren flew to Nairobi .\nVantongeren said the World Bank would help .")
	f.Add("!ZANELLI CORP SAYS\n\nMr Quillon of Tessaro Holdings Inc met Dr Quillon .")
	f.Add("\xff\xfe Ünal ÜNAL ünal İstanbul ǅemal 1996-08-30 $ 12.5 ' “ Petrov ”")
	m := loadModel(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, art := range strings.Split(text, "\n\n") {
			var doc []Sentence
			for _, line := range strings.Split(art, "\n") {
				upper := strings.HasPrefix(line, "!")
				doc = append(doc, Sentence{Words: strings.Fields(strings.TrimPrefix(line, "!")), Upper: upper})
			}
			sameLabels(t, "fuzzed article", m.TagDoc(doc), m.tagDocReference(doc))
		}
	})
}

// BenchmarkTagDocPolNeAR tags the PolNeAR training texts (skipped without
// ../shared), each paragraph cut into sentences by the token package, with
// warm caches: a long reading session of news, where the word and pair
// caches are too big for the processor's caches and memory reads dominate.
func BenchmarkTagDocPolNeAR(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "data", "polnear", "train", "text", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no PolNeAR training texts")
	}
	var docs [][]Sentence
	toks := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		var doc []Sentence
		for _, para := range strings.Split(string(data), "\n") {
			tt := token.Tokenize(para)
			prev := 0
			for _, e := range token.Sentences(tt) {
				words := make([]string, 0, e-prev)
				for _, tk := range tt[prev:e] {
					words = append(words, tk.Text)
				}
				doc = append(doc, Sentence{Words: words, Upper: isUpperSentence(words)})
				toks += len(words)
				prev = e
			}
		}
		docs = append(docs, doc)
	}
	m := loadModel(b)
	for _, d := range docs {
		m.TagDoc(d)
	}
	cpu := 0.0
	for b.Loop() {
		cpu0 := cpuSeconds()
		for _, d := range docs {
			m.TagDoc(d)
		}
		cpu += cpuSeconds() - cpu0
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(toks)*float64(b.N)/cpu, "tokens/cpu-s")
	}
}

// TestExact holds exact, the range test of bestOf, to its meaning: all
// sums in [-2^24, 2^24), checked lane by lane at the edges of the range
// and of int32.
func TestExact(t *testing.T) {
	edges := []int32{math.MinInt32, math.MinInt32 + 1, -1 << 25, -1<<24 - 1, -1 << 24, -1<<24 + 1, -1, 0, 1,
		1<<24 - 1, 1 << 24, 1<<24 + 1, 1 << 25, math.MaxInt32 - 1<<24, math.MaxInt32 - 1<<24 + 1, math.MaxInt32}
	in := func(v int32) bool { return v >= -1<<24 && v < 1<<24 }
	for lab := range NumLabels {
		for _, v := range edges {
			for _, w := range edges {
				var s sums
				s[lab] = v
				if lab+1 < NumLabels {
					s[lab+1] = w
				}
				p := pack(&s)
				want := in(v) && (lab+1 == NumLabels || in(w))
				if got := exact(&p); got != want {
					t.Errorf("label %d: sums %d, %d: exact %v, want %v", lab, v, w, got, want)
				}
			}
		}
	}
}
