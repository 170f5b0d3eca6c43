package articlelist

import (
	"slices"
	"testing"
)

// The list's filter takes the search's date terms (issue 23): after:,
// before:, on: by day, month or year, with words or alone; an undated
// brief meets none; a term still being typed filters nothing yet.
func TestFilterDates(t *testing.T) {
	arts := []string{
		filterValue(brief("a", "Talks open in Geneva", "Wire", 2, 0, 0)),   // 2 March 2026
		filterValue(brief("b", "Talks stall in Geneva", "Wire", 10, 0, 0)), // 10 March
		filterValue(brief("c", "Talks resume in Oslo", "Post", 25, 0, 0)),  // 25 March
		filterValue(brief("d", "Talks undated", "Post", 0, 0, 0)),
	}
	got := func(term string) []int {
		var out []int
		for _, r := range filterWords(term, arts) {
			out = append(out, r.Index)
		}
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		term string
		want []int
	}{
		{"talks", []int{0, 1, 2, 3}},
		{"talks after:2026-03-10", []int{1, 2}},
		{"talks before:2026-03-10", []int{0}},
		{"on:2026-03-10", []int{1}},
		{"geneva on:2026-03", []int{0, 1}},
		{"after:2026-03-03 before:2026-03-20", []int{1}},
		{"on:2026-04", nil},
		{"oslo after:2026", []int{2}},
		{"talks after:2026-0", []int{0, 1, 2, 3}}, // being typed
	} {
		if g := got(c.term); !slices.Equal(g, c.want) {
			t.Errorf("%q: %v, want %v", c.term, g, c.want)
		}
	}
	// the words are still highlighted in the title
	r := filterWords("geneva after:2026-03-05", arts)
	if len(r) != 1 || r[0].Index != 1 || r[0].MatchedIndexes == nil {
		t.Errorf("highlights with a date: %+v", r)
	}
}
