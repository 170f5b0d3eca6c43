package index

import (
	"testing"

	"briefs/model"
)

// A full name the briefs never write finds the person they name by the
// surname alone, but not a surname the corpus ties to another full name.
func TestFullNameFindsTheSurnameAlone(t *testing.T) {
	arts := []model.Article{
		mk("Talks resume in Valletta", `"We are not in a hurry," Okonkwo said after the first session.`, "2026-03-02",
			[]ent{{"person:okonkwo", model.KindPerson, "Okonkwo", []string{"Okonkwo"}}},
			[]quo{{"We are not in a hurry,", "Okonkwo", "person:okonkwo"}}),
		mk("Envoys meet in Riga", `Envoy Mirela Dascal met her Latvian hosts. Later Dascal left for Vilnius.`, "2026-03-03",
			[]ent{{"person:mirela-dascal", model.KindPerson, "Mirela Dascal", []string{"Mirela Dascal", "Dascal"}}}, nil),
	}
	ix := Build(arts, nil)
	if qs := ix.Quotes("Chidi Okonkwo", ""); len(qs) != 1 || qs[0].SpeakerID != "person:okonkwo" {
		t.Errorf("quotes by 'Chidi Okonkwo': %+v, want Okonkwo's one quote", qs)
	}
	res, err := ix.Search("Chidi Okonkwo", 0)
	if err != nil || res.Total != 1 {
		t.Errorf("search 'Chidi Okonkwo': %d hits, %v; want 1", res.Total, err)
	}
	// the corpus ties Dascal to Mirela Dascal: another given name is someone else
	if res, _ := ix.Search("entity:Ioana Dascal", 0); res.Total != 0 {
		t.Errorf("'Ioana Dascal' found %d briefs of Mirela Dascal", res.Total)
	}
	if res, _ := ix.Search("entity:Mirela Dascal", 0); res.Total != 1 {
		t.Errorf("'Mirela Dascal' found %d briefs, want 1", res.Total)
	}
}
