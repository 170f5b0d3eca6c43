package tagger

import (
	"bytes"
	"strings"
	"testing"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/token"
	"briefs/articles/samples"
)

func TestSpansOf(t *testing.T) {
	// B-PER I-PER O B-LOC B-LOC I-LOC O B-MISC
	labels := []Label{Begin(PER), Inside(PER), 0, Begin(LOC), Begin(LOC), Inside(LOC), 0, Begin(MISC)}
	got := SpansOf(labels)
	want := []Span{{0, 2, PER}, {3, 4, LOC}, {4, 6, LOC}, {7, 8, MISC}}
	if len(got) != len(want) {
		t.Fatalf("SpansOf = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestAllowed(t *testing.T) {
	if Allowed(0, Inside(PER)) || Allowed(Begin(LOC), Inside(PER)) {
		t.Error("I-PER allowed after O or B-LOC")
	}
	if !Allowed(Begin(PER), Inside(PER)) || !Allowed(Inside(PER), Inside(PER)) || !Allowed(0, Begin(ORG)) {
		t.Error("a legal transition refused")
	}
}

func TestEncodeDecode(t *testing.T) {
	s1 := Weights{101: {0, 1, -2, 0, 0, 0, 0, 0, 3}, 202: {0.1, 0, 0, 0, 0, 0, 0, 0, 0}, 303: {5, 0, 0, 0, 0, 0, 0, 0, -5}}
	s2 := Weights{404: {0, 0, 0, 0, 7, 0, 0, 0, 0}}
	var buf bytes.Buffer
	kept, err := Encode(&buf, s1, s2, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if kept != 3 {
		t.Errorf("kept %d features, want 3 (202 is below the pruning threshold)", kept)
	}
	m, err := Decode(buf.Bytes(), &Lexicon{})
	if err != nil {
		t.Fatal(err)
	}
	if m.w.row(202) != nil || m.w.row(999) != nil {
		t.Error("pruned or unknown feature has a row")
	}
	r := m.w.row(101)
	if r == nil || !(r[0][8] > r[0][1] && r[0][1] > 0 && r[0][2] < 0 && r[0][0] == 0) || r[1] != [NumLabels]int16{} {
		t.Errorf("row 101 = %v, want the order of its stage-one weights kept, no stage-two weights", r)
	}
	r = m.w.row(404)
	if r == nil || r[1][4] <= 0 || r[0] != [NumLabels]int16{} {
		t.Errorf("row 404 = %v, want a stage-two weight only", r)
	}
	for _, bad := range [][]byte{nil, []byte("BRFTAG5\n"), buf.Bytes()[:buf.Len()/2], []byte("garbage")} {
		if _, err := Decode(bad, &Lexicon{}); err == nil {
			t.Errorf("Decode(%d bytes of junk) succeeded", len(bad))
		}
	}
}

func TestEmbeddedModel(t *testing.T) {
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(g)
	if err != nil {
		t.Fatal(err)
	}
	// Invented names: the tagger must generalise, not remember.
	sents := []Sentence{
		{Words: []string{"Mirela", "Vantongeren", "flew", "to", "Nairobi", "on", "Monday", "."}},
		{Words: []string{"Vantongeren", "said", "the", "World", "Bank", "would", "help", "."}},
	}
	got := m.TagDoc(sents)
	want := []Span{{0, 2, PER}, {4, 5, LOC}}
	if spans := SpansOf(got[0]); len(spans) != 2 || spans[0] != want[0] || spans[1] != want[1] {
		t.Errorf("sentence 0: spans %v, want %v", spans, want)
	}
	spans := SpansOf(got[1])
	if len(spans) == 0 || spans[len(spans)-1] != (Span{3, 5, ORG}) {
		t.Errorf("sentence 1: spans %v, want World Bank as ORG", spans)
	}
	// Alone, a sentence-initial unknown word is no name; after the article has
	// named the person in full, stage two marks it as an entity.
	alone := m.TagDoc(sents[1:])
	if alone[0][0] != 0 {
		t.Logf("alone, %q is already tagged %v", sents[1].Words[0], alone[0][0])
	}
	if got[1][0] == 0 {
		t.Errorf("%q not tagged although the article names %q", sents[1].Words[0], "Mirela Vantongeren")
	}
}

func TestClusters(t *testing.T) {
	cl, err := LoadClusters()
	if err != nil {
		t.Fatal(err)
	}
	if len(cl) < 1000 {
		t.Fatalf("only %d clustered words", len(cl))
	}
	// Weekdays keep the same company.
	if cl["monday"]&0xFFFF != cl["tuesday"]&0xFFFF {
		t.Errorf("monday and tuesday in different fine clusters: %x %x", cl["monday"], cl["tuesday"])
	}
}

// TestWebStyle: an invented forum post reads as web text, the built-in
// briefs (news) do not, and MarkWeb makes any document web text.
func TestWebStyle(t *testing.T) {
	doc := NewDoc()
	for _, s := range webDoc() {
		doc.Add(s.Words)
	}
	if !doc.web() {
		t.Errorf("the forum post does not read as web text: %+v", doc.style)
	}
	for _, name := range samples.Names() {
		data, err := samples.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		d := NewDoc()
		for _, line := range strings.Split(string(data), "\n") {
			var words []string
			for _, tk := range token.Tokenize(line) {
				words = append(words, tk.Text)
			}
			d.Add(words)
		}
		if d.web() {
			t.Errorf("%s reads as web text: %+v", name, d.style)
		}
		d.MarkWeb()
		if !d.web() {
			t.Errorf("%s: MarkWeb did not make it web text", name)
		}
	}
}

// TestAverage: the mean of a model with itself is that model, byte for
// byte; of two models, each weight is their mean (a missing feature is 0).
func TestAverage(t *testing.T) {
	enc := func(w1, w2 Weights) []byte {
		var b bytes.Buffer
		if _, err := Encode(&b, w1, w2, 0.5); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	row := func(v ...float32) []float32 { r := make([]float32, NumLabels); copy(r, v); return r }
	a := enc(Weights{1: row(100, -50), 2: row(0, 20)}, Weights{3: row(10)})
	b := enc(Weights{1: row(100, 50)}, Weights{3: row(10), 4: row(0, 0, 10)})
	same, err := Average([][]byte{a, a})
	if err != nil || !bytes.Equal(same, a) {
		t.Fatalf("mean of a model with itself differs (err %v)", err)
	}
	got, err := Average([][]byte{a, b})
	if err != nil {
		t.Fatal(err)
	}
	want := enc(Weights{1: row(100, 0), 2: row(0, 10)}, Weights{3: row(10), 4: row(0, 0, 5)})
	if !bytes.Equal(got, want) {
		t.Errorf("mean of two models: %x, want %x", got, want)
	}
	if _, err := Average([][]byte{a, []byte("junk")}); err == nil {
		t.Error("a bad model averaged without error")
	}
}
