package lexicon

import (
	"strings"
	"testing"
)

// TestTableAsMap holds a Table to the map it was made from: every word of
// every list, their case and length variants and words of no list give
// the map's answer.
func TestTableAsMap(t *testing.T) {
	m := map[string]int{"": 7, "a": 1, "of": 2, "the": 3, "president": 4, "eight888": 5, "nineteen-chars-long": 6, "’s": 8}
	var probes []string
	for l := range numLists {
		for i, w := range Words(l) {
			m[w] = i + 10
		}
	}
	for w := range m {
		probes = append(probes, w, strings.ToUpper(w), w+"s", w+".", "x"+w, strings.TrimSuffix(w, w[min(len(w), 1):]))
		if len(w) > 1 {
			probes = append(probes, w[1:], w[:len(w)-1])
		}
	}
	probes = append(probes, "", " ", "zzzzzzzzzzzzzzzzzzzzzzzz", "Mr", "mr.", "é", "\xff")
	tb := NewTable(m)
	if tb.Len() != len(m) {
		t.Fatalf("Len = %d, want %d", tb.Len(), len(m))
	}
	for _, w := range probes {
		want, wantOK := m[w]
		got, ok := tb.Get(w)
		if got != want || ok != wantOK {
			t.Errorf("Get(%q) = %d, %v; the map has %d, %v", w, got, ok, want, wantOK)
		}
		if tb.At(w) != want {
			t.Errorf("At(%q) = %d, want %d", w, tb.At(w), want)
		}
	}
	if _, ok := NewTable(map[string]bool{}).Get("word"); ok {
		t.Error("an empty table holds a word")
	}
}

// BenchmarkTableGet against a Go map of the same words: look-ups of the
// words of a sentence, most of them in no list.
func BenchmarkTableGet(b *testing.B) {
	m := map[string]bool{}
	for _, w := range Words(SpeechVerbs) {
		m[w] = true
	}
	words := strings.Fields("the minister said on Tuesday that the talks in Geneva had been useful and warned that a deal was still far off")
	tb := NewTable(m)
	b.Run("table", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, w := range words {
				if tb.At(w) {
					n++
				}
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, w := range words {
				if m[w] {
					n++
				}
			}
		}
	})
}
