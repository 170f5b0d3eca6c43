package search

import (
	"context"
	"strings"
	"testing"

	"briefs/articles"
	"briefs/articles/index"
	"briefs/articles/source"
)

// Each query of the placeholder finds briefs among the built-in samples:
// an example that finds nothing teaches nothing (issue 20, defect 2).
func TestPlaceholderFindsSomething(t *testing.T) {
	arts, _, err := articles.Load(context.Background(), nil, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := index.Build(arts, articles.Resolver())
	// the queries are split at the commas outside quotes
	var queries []string
	inQuote, from := false, 0
	for i, r := range Placeholder {
		switch {
		case r == '"':
			inQuote = !inQuote
		case r == ',' && !inQuote:
			queries = append(queries, strings.TrimSpace(Placeholder[from:i]))
			from = i + 1
		}
	}
	queries = append(queries, strings.TrimSpace(Placeholder[from:]))
	if len(queries) < 4 {
		t.Fatalf("placeholder %q has %d examples", Placeholder, len(queries))
	}
	for _, q := range queries {
		res, err := ix.Search(q, 10)
		if err != nil || res.Total == 0 {
			t.Errorf("the placeholder's %q finds %d briefs (%v)", q, res.Total, err)
		}
	}
	// the word the issue names: "sanction" finds the briefs that write "sanctions"
	if res, _ := ix.SearchTyping("sanction", 10); res.Total == 0 {
		t.Error(`"sanction" finds nothing`)
	}
}

// The completion line offers names that start with what is typed (a word
// of them), not names whose letters merely come in order.
func TestSuggestionsStartWithTheTypedWord(t *testing.T) {
	sugs := []index.Suggestion{
		{Name: "Russian Federation", Text: "Russian Federation", Articles: 9},
		{Name: "United States", Text: "United States", Articles: 8},
		{Name: "Hassan Safi", Text: "Safi", Articles: 1},
		{Name: "Safronkov", Text: "Vladimir Safronkov", Articles: 2},
	}
	got := startingWith(sugs, "saf")
	if len(got) != 2 || got[0].Name != "Safronkov" || got[1].Name != "Hassan Safi" {
		t.Fatalf("for %q: %+v, want Safronkov (the name starts so, more briefs) then Hassan Safi", "saf", got)
	}
}
