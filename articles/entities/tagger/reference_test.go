package tagger

// The plain implementation of TagDoc: feature keys from Extractor scored one
// by one. TagDoc must give the same labels (TestTagDocMatchesReference).

// tagDocReference is TagDoc as it was before fast.go: it tags the sentences of one article and returns one BIO label per
// word. Stage one tags each sentence; stage two tags them again knowing what
// stage one said about the same words elsewhere in the article.
func (m *Model) tagDocReference(sents []Sentence) [][]Label {
	doc := NewDoc()
	for _, s := range sents {
		doc.Add(s.Words)
	}
	var fx Extractor
	first := make([][]Label, len(sents))
	for k, s := range sents {
		fx.Init(m.lex, doc, s.Words, s.Upper)
		first[k] = Greedy(&fx, len(s.Words), m.w.scorer(0))
	}
	h := NewHistory(sents, first)
	out := make([][]Label, len(sents))
	for k, s := range sents {
		fx.Init(m.lex, doc, s.Words, s.Upper)
		fx.SetHistory(h.Codes(k))
		out[k] = Greedy(&fx, len(s.Words), m.w.scorer(1))
	}
	return out
}

// scorer sums the stage-st weights of features one by one.
func (t *table) scorer(st int) func([]uint64, *[NumLabels]float32) {
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
