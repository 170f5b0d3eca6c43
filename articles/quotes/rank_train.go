package quotes

import "briefs/model"

// RankExample is one quotation of a brief's body with the candidate
// speakers the ranker weighs for it, for training the ranker (./train).
type RankExample struct {
	Start, End int // the quoted words in the body
	Cands      []RankCandidate
}

// RankCandidate is one candidate speaker: where the body names it, who it
// resolves to, the rule that proposed it and its features (RankFeatures
// names them).
type RankCandidate struct {
	Start, End int    // the phrase in the body
	Name       string // as resolved
	Rule       string
	X          []float64
}

// RankFeatures names the ranker's features, in the order of RankCandidate.X.
func RankFeatures() []string { return append([]string(nil), rankFeatureNames...) }

// RankExamples extracts the body's quotations as Extract does, with the
// ranker off, and returns every quotation for which the rules propose two
// candidates or more. The article's entities must be found first.
func RankExamples(a *model.Article) []RankExample {
	var out []RankExample
	collect := func(st *fieldState, q *attribution, cs []rankCand) {
		if len(cs) < 2 {
			return
		}
		sp := st.spans[q.items[q.i].q]
		ex := RankExample{Start: sp.start, End: sp.end}
		for _, c := range cs {
			ex.Cands = append(ex.Cands, RankCandidate{Start: c.w.start, End: c.w.end, Name: c.w.name, Rule: c.rule, X: append([]float64(nil), c.x[:]...)})
		}
		out = append(out, ex)
	}
	if a.Body != "" {
		extractFieldWith(a, model.FieldBody, nil, collect)
	}
	return out
}
