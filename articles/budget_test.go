package articles

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"briefs/model"
)

// longBrief is a body of about n bytes: invented paragraphs with names and
// quotations, each paragraph different.
func longBrief(n int) model.Article {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Envoys of Velor and Quenby met in Port Ismay for round %d. "+
			"\"We are not there yet,\" Minister Ada Quarrin told reporters after the session, "+
			"while Oskar Brindle of the Grain Exchange Authority said talks would resume on day %d.%s",
			i, i+1, model.ParagraphSep)
	}
	return model.Article{Title: "Velor and Quenby talks drag on in Port Ismay", Body: strings.TrimSuffix(b.String(), model.ParagraphSep)}
}

// TestLongBodyExtractedInPiecesWithinBudget: a body of 1.5 MB is extracted
// in pieces of at most ChunkSize (before: whole, at ~100 bytes of memory per
// byte of text), the pieces of several briefs at once weigh at most the
// budget, and the merged result points into the whole body: every mention
// and quote is the text at its offsets, each entity once.
func TestLongBodyExtractedInPiecesWithinBudget(t *testing.T) {
	p, err := NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	const budget = 60 << 20 // two full pieces at costPerByte
	p.SetMemoryBudget(budget)
	var mu sync.Mutex
	var inUse, most, biggest int64
	p.onPiece = func(n, w int64, done bool) {
		mu.Lock()
		defer mu.Unlock()
		if done {
			inUse -= w
			return
		}
		inUse += w
		most, biggest = max(most, inUse), max(biggest, n)
	}
	arts := []model.Article{longBrief(1500 << 10), longBrief(700 << 10), longBrief(900 << 10)}
	p.ExtractAll(arts)
	if biggest > ChunkSize+int64(len(arts[0].Title)) {
		t.Errorf("a piece of %d bytes extracted at once, want at most %d", biggest, ChunkSize)
	}
	if most > budget {
		t.Errorf("%d bytes of weight at once, budget %d", most, budget)
	}
	for _, a := range arts {
		seen := map[string]bool{}
		mentions := 0
		for _, e := range a.Entities {
			if seen[e.ID] {
				t.Errorf("entity %s twice", e.ID)
			}
			seen[e.ID] = true
			for _, m := range e.Mentions {
				mentions++
				if got := a.Text(m.Field)[m.Start:m.End]; got != m.Text {
					t.Fatalf("%s mention at %d: %q, text there %q", e.ID, m.Start, m.Text, got)
				}
			}
		}
		for _, q := range a.Quotes {
			if got := a.Text(q.Field)[q.Start:q.End]; got != q.Text {
				t.Fatalf("quote at %d: %q, text there %q", q.Start, q.Text, got)
			}
			if m := q.SpeakerMention; m != nil && a.Text(m.Field)[m.Start:m.End] != m.Text {
				t.Fatalf("speaker mention at %d: %q", m.Start, m.Text)
			}
		}
		rounds := strings.Count(a.Body, "round ")
		if !seen["person:ada-quarrin"] || len(a.Quotes) < rounds*9/10 {
			t.Errorf("%d bytes: Quarrin found %v, %d quotes for %d rounds", len(a.Body), seen["person:ada-quarrin"], len(a.Quotes), rounds)
		}
		t.Logf("%d bytes: %d entities, %d mentions, %d quotes", len(a.Body), len(a.Entities), mentions, len(a.Quotes))
	}
}
