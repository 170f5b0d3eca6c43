package tagger

import "math"

// TagDocMargins tags an article as TagDoc does, by the plain
// feature-by-feature scorer, and also returns each word's margin in stage
// two: the score of its label less that of the best other label allowed
// there (model units; small means a close call). It is for explaining
// decisions, not for speed.
func (m *Model) TagDocMargins(sents []Sentence) ([][]Label, [][]float32) {
	doc := NewDoc()
	for _, s := range sents {
		doc.Add(s.Words)
	}
	var fx Extractor
	first := make([][]Label, len(sents))
	for k, s := range sents {
		fx.Init(m.lex, doc, s.Words, s.Upper)
		first[k] = Greedy(&fx, len(s.Words), m.w.plainScorer(0))
	}
	h := NewHistory(sents, first)
	labels := make([][]Label, len(sents))
	margins := make([][]float32, len(sents))
	for k, s := range sents {
		fx.Init(m.lex, doc, s.Words, s.Upper)
		fx.SetHistory(h.Codes(k))
		score := m.w.plainScorer(1)
		n := len(s.Words)
		labels[k], margins[k] = make([]Label, n), make([]float32, n)
		var sc [NumLabels]float32
		for i := range n {
			p1, p2 := Label(0), Label(0)
			if i > 0 {
				p1 = labels[k][i-1]
			}
			if i > 1 {
				p2 = labels[k][i-2]
			}
			score(fx.Features(i, p1, p2), &sc)
			best := Best(&sc, p1)
			second := float32(math.Inf(-1))
			for l := range Label(NumLabels) {
				if l != best && allowed(p1, l) && sc[l] > second {
					second = sc[l]
				}
			}
			labels[k][i], margins[k][i] = best, sc[best]-second
		}
	}
	return labels, margins
}

// plainScorer sums the stage-st weights of features one by one.
func (t *table) plainScorer(st int) func([]uint64, *[NumLabels]float32) {
	return func(feats []uint64, scores *[NumLabels]float32) {
		var acc [NumLabels]int32
		for _, f := range feats {
			if r := t.row(f); r != nil {
				for l := range NumLabels {
					acc[l] += int32(r[st][l])
				}
			}
		}
		for l := range NumLabels {
			scores[l] = float32(acc[l])
		}
	}
}

// String returns the label as BIO: "O", "B-PER", "I-LOC".
func (l Label) String() string {
	if l == 0 {
		return "O"
	}
	if l.IsBegin() {
		return "B-" + l.Type().String()
	}
	return "I-" + l.Type().String()
}
