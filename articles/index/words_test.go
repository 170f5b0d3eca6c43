package index

import (
	"slices"
	"testing"

	"briefs/model"
)

// The word rules (issue 20, defect 2): stems, the word being typed as a
// prefix, and words written joined or apart.
func TestSearchWordRules(t *testing.T) {
	arts := []model.Article{
		mk("Envoys weigh new sanctions on Norland", "The council voted for sanctions after a long night of talks.", "2024-01-02", nil, nil),
		mk("Estmark sanctioned over harbour blockade", "Ministers sanctioned three shipping firms on Monday.", "2024-01-03", nil, nil),
		mk("Truce holds in the valley", "A cease-fire agreed on Sunday held through the night, officials said.", "2024-01-04", nil, nil),
		mk("Ceasefire talks resume in Valletta", "Delegates met to discuss a ceasefire for the northern front.", "2024-01-05", nil, nil),
		mk("Harbour pilots strike", "The pilots stopped work for a day over pay.", "2024-01-06", nil, nil),
	}
	ix := Build(arts, nil)
	titles := func(r Result) []string {
		var out []string
		for _, h := range r.Hits {
			out = append(out, h.Title)
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		q      string
		typing bool
		want   []string
	}{
		{"sanction", false, []string{arts[1].Title, arts[0].Title}},
		{"sanctions", false, []string{arts[1].Title, arts[0].Title}},
		{"ceasefire", false, []string{arts[3].Title, arts[2].Title}},
		{"cease-fire", false, []string{arts[3].Title, arts[2].Title}},
		{"ceasefir", true, []string{arts[3].Title, arts[2].Title}},
		{"ceasef", true, []string{arts[3].Title, arts[2].Title}},
		{"ceasef", false, nil},
		{"ceasef*", false, []string{arts[3].Title, arts[2].Title}}, // a prefix written as such
		{"sanc*", false, []string{arts[1].Title, arts[0].Title}},
		{"sanc* pilot", false, nil},
		{"harbour pil*", false, []string{arts[4].Title}},
		{"ceasefir", false, []string{arts[3].Title}}, // its stem: Snowball stems "ceasefire" so
		{"sanc", true, []string{arts[1].Title, arts[0].Title}},
		{"pilot", false, []string{arts[4].Title}},
	} {
		var r Result
		var err error
		if tc.typing {
			r, err = ix.SearchTyping(tc.q, 10)
		} else {
			r, err = ix.Search(tc.q, 10)
		}
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(tc.want)
		if got := titles(r); !slices.Equal(got, tc.want) {
			t.Errorf("%q (typing %v): %q, want %q", tc.q, tc.typing, got, tc.want)
		}
	}
	// the snippet marks the form the brief writes
	r, _ := ix.Search("ceasefire", 10)
	for _, h := range r.Hits {
		if len(h.Snippet.Highlights) == 0 {
			t.Errorf("%q: no highlight in %q", h.Title, h.Snippet.Text)
		}
	}
}

func TestTextMatches(t *testing.T) {
	text := FoldWords("A cease-fire held; ministers sanctioned the U.S. firms")
	for _, tc := range []struct {
		typed  string
		prefix bool
		want   bool
	}{
		{"ceasefire", false, true},
		{"cease-fire", false, true},
		{"sanction", false, true},
		{"sanctions", false, true},
		{"minister", false, true},
		{"sanct", true, true},
		{"sanct", false, false},
		{"us", false, true},
		{"peace", true, false},
		{"firm", false, true},
	} {
		if got := TextMatches(text, FoldWords(tc.typed), tc.prefix); got != tc.want {
			t.Errorf("%q (prefix %v): %v, want %v", tc.typed, tc.prefix, got, tc.want)
		}
	}
}
