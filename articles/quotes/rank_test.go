package quotes

import (
	"strings"
	"testing"

	"briefs/articles/entities"
)

// TestRanker holds the embedded model to the code's features and checks it
// decides its example as documented: the sentence's subject over a cue
// speaker that is no speaker ("her dredging business calls").
func TestRanker(t *testing.T) {
	if rankerErr != nil {
		t.Fatal(rankerErr)
	}
	if ranker == nil {
		t.Fatal("no ranker embedded")
	}
	x, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	a, tr := traced(t, x, RankerRule.Example)
	if len(a.Quotes) != 2 {
		t.Fatalf("%d quotes, want 2", len(a.Quotes))
	}
	for i, q := range a.Quotes {
		if q.Speaker != "Mara Voss" {
			t.Errorf("quote %d %q: speaker %q, want Mara Voss", i, q.Text, q.Speaker)
		}
		if tr.Quotes[i].Rule != ruleRanker || !strings.HasPrefix(tr.Quotes[i].Ranker, "ranker: Mara Voss ") {
			t.Errorf("quote %d: rule %q, ranker %q", i, tr.Quotes[i].Rule, tr.Quotes[i].Ranker)
		}
		var scored int
		for _, c := range tr.Quotes[i].Candidates {
			if c.Score > 0 && c.Score < 1 {
				scored++
			}
		}
		if scored != 2 {
			t.Errorf("quote %d: %d candidates scored, want 2: %+v", i, scored, tr.Quotes[i].Candidates)
		}
	}
}

// TestRankerOffWithoutModel checks the rules alone decide with no model:
// the first rule's speaker.
func TestRankerOffWithoutModel(t *testing.T) {
	m, err := loadRanker([]byte(`{"features": [], "weights": [], "bias": 0, "margin": 0}`))
	if m != nil || err != nil {
		t.Fatalf("empty model: %v, %v", m, err)
	}
	if _, err := loadRanker([]byte(`{"features": ["x"], "weights": [1], "bias": 0}`)); err == nil {
		t.Fatal("a model of other features loaded")
	}
	x, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	saved := ranker
	ranker = nil
	defer func() { ranker = saved }()
	a, _ := traced(t, x, RankerRule.Example)
	if len(a.Quotes) == 0 || a.Quotes[0].Speaker == "Mara Voss" {
		t.Fatalf("without the ranker the rules give %+v; the example should need the ranker", a.Quotes)
	}
}

// TestRankExamples checks the training candidates: a quotation with two
// candidates, each with the features the model reads.
func TestRankExamples(t *testing.T) {
	x, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	a, _ := traced(t, x, RankerRule.Example)
	ex := RankExamples(a)
	if len(ex) != 2 {
		t.Fatalf("%d examples, want 2", len(ex))
	}
	for _, e := range ex {
		if len(e.Cands) != 2 || len(e.Cands[0].X) != len(RankFeatures()) {
			t.Errorf("%+v", e)
		}
		if got := a.Body[e.Start:e.End]; got != "routine maintenance" && got != "central" {
			t.Errorf("example at %q", got)
		}
	}
}
