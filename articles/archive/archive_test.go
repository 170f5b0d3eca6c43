package archive

import (
	"slices"
	"testing"

	"briefs/model"
)

func TestWords(t *testing.T) {
	for text, want := range map[string][]string{
		"The talks, the TALKS: résumé 2026!": {"the", "talks", "résumé", "2026"},
		"al-Assad's":                         {"al", "assad", "s"},
		" ,.; ":                              nil,
		"Zürich\nGenève":                     {"zürich", "genève"},
	} {
		if got := Words(text); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q; want %q", text, got, want)
		}
	}
}

func TestKeysOfABrief(t *testing.T) {
	a := model.Article{ID: "x", Title: "Grain", Body: "Grain deal",
		Entities: []model.Entity{{ID: "country:norway"}, {ID: "country:norway"}, {ID: "place:oslo"}},
		Quotes:   []model.Quote{{Speaker: "Ingrid Halvorsen", SpeakerEntity: "person:ingrid-halvorsen"}, {Speaker: "a trader"}, {Speaker: "INGRID Halvorsen"}}}
	if got := EntityIDs(&a); !slices.Equal(got, []string{"country:norway", "place:oslo"}) {
		t.Errorf("EntityIDs = %q", got)
	}
	if got := Speakers(&a); !slices.Equal(got, []string{"person:ingrid-halvorsen", "ingrid halvorsen", "a trader"}) {
		t.Errorf("Speakers = %q", got)
	}
	if got := BriefWords(&a); !slices.Equal(got, []string{"grain", "deal"}) {
		t.Errorf("BriefWords = %q", got)
	}
	r := RecordOf(&a)
	if r.ID != "x" || r.Entities != 3 || r.Quotes != 3 || r.Title != "Grain" {
		t.Errorf("RecordOf = %+v", r)
	}
	if (Reading{Read: true, Starred: true}).Flags() != FlagRead|FlagStarred || (Reading{}).Flags() != 0 {
		t.Error("Reading.Flags")
	}
	if !(Query{Text: " ;"}).Empty() || (Query{Speaker: "x"}).Empty() {
		t.Error("Query.Empty")
	}
}
