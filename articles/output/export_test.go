package output

import (
	"bytes"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"briefs/model"
)

// exportBriefs are two invented briefs, marked by hand.
func exportBriefs() []model.Article {
	a := model.Article{
		ID: "a1", Title: "Envoys of Norland and Estmark agree on a ferry line", Outlet: "Harbour Wire",
		URL: "https://example.org/ferry", Published: time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC),
		Body: `"We will sail by summer," said Lina Roos, Estmark's envoy.`,
		Entities: []model.Entity{
			{ID: "person:lina-roos", Name: "Lina Roos", Kind: model.KindPerson, Mentions: []model.Mention{{}}},
			{ID: "country:estmark", Name: "Estmark", Kind: model.KindCountry, Mentions: []model.Mention{{}, {}}},
			{ID: "country:norland", Name: "Norland", Kind: model.KindCountry, Mentions: []model.Mention{{}}},
		},
		Quotes: []model.Quote{{Text: "We will sail by summer,", Speaker: "Lina Roos", SpeakerRole: "Estmark's envoy"}},
	}
	b := model.Article{
		ID: "b2", Title: "Port of Kessel reopens", Source: "briefs/kessel.txt",
		Body: "The port reopened.",
		Entities: []model.Entity{
			{ID: "place:kessel", Name: "Kessel", Kind: model.KindPlace, Mentions: []model.Mention{{}}},
		},
	}
	return []model.Article{a, b}
}

func TestExportMarkdownGolden(t *testing.T) {
	for name, arts := range map[string][]model.Article{"two": exportBriefs(), "none": nil} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Export(&b, "  Estmark  ", arts); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}
