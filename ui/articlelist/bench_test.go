package articlelist

import (
	"fmt"
	"testing"

	"briefs/model"
)

// BenchmarkFilterWords times one keystroke of the list's filter ("/") over
// 100,000 briefs: each filter value folded into words and matched by the
// word rules (prefix, stem, joined words).
// Run: go test -run XXX -bench FilterWords ./ui/articlelist/
func BenchmarkFilterWords(b *testing.B) {
	words := []string{"ministers", "talks", "ceasefire", "sanctions", "harbour", "council", "Geneva", "Lavrov", "envoys", "summit"}
	targets := make([]string, 100000)
	for i := range targets {
		a := model.Article{
			Title:  fmt.Sprintf("%s meet %s over %s in round %d", words[i%10], words[(i/10)%10], words[(i/100)%10], i),
			Outlet: "Wire", Source: fmt.Sprintf("/home/ann/briefs/%06d.txt", i),
			Entities: []model.Entity{{Name: "Sergei Lavrov"}, {Name: "United Nations"}, {Name: "Russian Federation"}},
		}
		targets[i] = filterValue(a)
	}
	for b.Loop() {
		if got := filterWords("sanction", targets); len(got) == 0 {
			b.Fatal("no match")
		}
	}
}
