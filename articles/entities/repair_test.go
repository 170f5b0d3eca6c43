package entities

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/tagger"
	"briefs/articles/lexicon"
	"briefs/model"
)

func TestMergeAdjacent(t *testing.T) {
	in := []tagger.Span{
		{Start: 0, End: 2, Type: tagger.ORG}, {Start: 2, End: 3, Type: tagger.LOC}, // South China + Sea
		{Start: 4, End: 5, Type: tagger.MISC}, {Start: 5, End: 7, Type: tagger.PER}, // Australian + Tom Moody
		{Start: 8, End: 9, Type: tagger.LOC}, {Start: 9, End: 11, Type: tagger.PER}, // Chicago + Joseph Bernardin
		{Start: 12, End: 13, Type: tagger.ORG}, {Start: 13, End: 14, Type: tagger.PER}, // Suu + Kyi
		{Start: 15, End: 16, Type: tagger.PER}, {Start: 16, End: 17, Type: tagger.PER}, // two people
	}
	want := []tagger.Span{
		{Start: 0, End: 3, Type: tagger.LOC},
		{Start: 4, End: 5, Type: tagger.MISC}, {Start: 5, End: 7, Type: tagger.PER},
		{Start: 8, End: 9, Type: tagger.LOC}, {Start: 9, End: 11, Type: tagger.PER},
		{Start: 12, End: 14, Type: tagger.PER},
		{Start: 15, End: 16, Type: tagger.PER}, {Start: 16, End: 17, Type: tagger.PER},
	}
	if got := mergeAdjacent(in); !reflect.DeepEqual(got, want) {
		t.Errorf("mergeAdjacent = %v, want %v", got, want)
	}
}

func TestJoinParticles(t *testing.T) {
	cases := []struct {
		text string
		in   []tagger.Span
		want []tagger.Span
	}{
		{"Tariq bin Salman arrived", []tagger.Span{{Start: 0, End: 1, Type: tagger.PER}, {Start: 2, End: 3, Type: tagger.PER}}, []tagger.Span{{Start: 0, End: 3, Type: tagger.PER}}},
		{"Greta von der Heyden said", []tagger.Span{{Start: 0, End: 1, Type: tagger.PER}}, []tagger.Span{{Start: 0, End: 4, Type: tagger.PER}}},
		{"Bin Salman left", []tagger.Span{{Start: 1, End: 2, Type: tagger.PER}}, []tagger.Span{{Start: 0, End: 2, Type: tagger.PER}}},
		{"the Palais des Nations", []tagger.Span{{Start: 1, End: 2, Type: tagger.LOC}, {Start: 3, End: 4, Type: tagger.ORG}}, []tagger.Span{{Start: 1, End: 4, Type: tagger.ORG}}},
		{"Smith de facto leader", []tagger.Span{{Start: 0, End: 1, Type: tagger.PER}}, []tagger.Span{{Start: 0, End: 1, Type: tagger.PER}}},
		// two particles between, and a span the tagger began with its particle
		{"the Union pour le Renouveau", []tagger.Span{{Start: 1, End: 2, Type: tagger.ORG}, {Start: 4, End: 5, Type: tagger.MISC}}, []tagger.Span{{Start: 1, End: 5, Type: tagger.MISC}}},
		{"the Parti des Travailleurs", []tagger.Span{{Start: 1, End: 2, Type: tagger.MISC}, {Start: 2, End: 4, Type: tagger.LOC}}, []tagger.Span{{Start: 1, End: 4, Type: tagger.LOC}}},
		{"the Bund für Umwelt und Naturschutz", []tagger.Span{{Start: 1, End: 2, Type: tagger.ORG}, {Start: 3, End: 4, Type: tagger.MISC}, {Start: 5, End: 6, Type: tagger.ORG}}, []tagger.Span{{Start: 1, End: 6, Type: tagger.ORG}}},
		// never into a person, never over three words or an English "and"
		{"Kerala et Marie Dubois", []tagger.Span{{Start: 0, End: 1, Type: tagger.LOC}, {Start: 2, End: 4, Type: tagger.PER}}, []tagger.Span{{Start: 0, End: 1, Type: tagger.LOC}, {Start: 2, End: 4, Type: tagger.PER}}},
		{"Kenya and Uganda", []tagger.Span{{Start: 0, End: 1, Type: tagger.LOC}, {Start: 2, End: 3, Type: tagger.LOC}}, []tagger.Span{{Start: 0, End: 1, Type: tagger.LOC}, {Start: 2, End: 3, Type: tagger.LOC}}},
	}
	for _, c := range cases {
		got := joinParticles(strings.Fields(c.text), c.in)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: joinParticles = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestMergeCrossing(t *testing.T) {
	e := &gazetteer.Entry{ID: "place:new-york", Kind: model.KindPlace}
	// "New" + "York Stock Exchange" around the gazetteer's "New York"
	got := mergeCrossing([]tagger.Span{{Start: 0, End: 1, Type: tagger.LOC}, {Start: 1, End: 4, Type: tagger.ORG}}, []gazetteer.Match{{Start: 0, End: 2, Entry: e}})
	if want := []tagger.Span{{Start: 0, End: 4, Type: tagger.ORG}}; !reflect.DeepEqual(got, want) {
		t.Errorf("mergeCrossing = %v, want %v", got, want)
	}
	// a span holding the name is left alone
	in := []tagger.Span{{Start: 0, End: 4, Type: tagger.ORG}}
	if got := mergeCrossing(in, []gazetteer.Match{{Start: 0, End: 2, Entry: e}}); !reflect.DeepEqual(got, in) {
		t.Errorf("mergeCrossing changed %v to %v", in, got)
	}
}

func TestTitles(t *testing.T) {
	for w, want := range map[string]bool{"President": true, "Presdient": true, "Prseident": true, "minister": true, "Putin": false, "Present": false, "Tillerson": false,
		"Brown": false, "Crown": true, "Grown": false, "Major": false, "Price": false, "Farmer": false, "Enjoy": false,
		"Ministers": true, "Envoys": true, "Presidnet": true, "Del": true, "Delegate": true} {
		if titleWord(w) != want {
			t.Errorf("titleWord(%q) = %v, want %v", w, !want, want)
		}
	}
	words := strings.Fields("Presdient Donald Trump")
	if i := stripTitles(words, 0, 3); i != 1 {
		t.Errorf("stripTitles left %v", words[i:])
	}
	if i := stripTitles(words, 0, 1); i != 1 {
		t.Errorf("a lone typo title %q survived", words[0])
	}
}

func TestSamePerson(t *testing.T) {
	cases := []struct {
		short, long string
		want        bool
	}{
		{"Assad", "Bashar al-Assad", true},
		{"Bashar Assad", "Bashar al-Assad", true},
		{"Salman", "Tariq bin Salman", true},
		{"Heyden", "Greta von der Heyden", true},
		{"Hafez Assad", "Bashar al-Assad", false},
		{"Trump", "Donald Trump", true},
		{"D. Trump", "Donald Trump", true},
		{"Trumpet", "Donald Trump", false},
	}
	for _, c := range cases {
		if got := samePerson(strings.Fields(c.short), strings.Fields(c.long)); got != c.want {
			t.Errorf("samePerson(%q, %q) = %v", c.short, c.long, got)
		}
	}
}

func TestAcronym(t *testing.T) {
	for in, want := range map[string]string{"United Nations": "UN", "Bank of England": "BE", "Coastal Fisheries Council": "CFC", "Kremlin": "", "the big Council": ""} {
		if got := acronym(strings.Fields(in)); got != want {
			t.Errorf("acronym(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOtherJoinsTypedName(t *testing.T) {
	mk := func(start int, typ tagger.Type) span {
		return span{field: model.FieldBody, start: start, end: start + 17, text: "Liberal Democrats", words: []string{"Liberal", "Democrats"}, typ: typ}
	}
	ents := link([]span{mk(0, tagger.MISC), mk(40, tagger.ORG), mk(80, tagger.ORG)}, nil, nil)
	if len(ents) != 1 || ents[0].Kind != model.KindOrganization || len(ents[0].Mentions) != 3 {
		t.Errorf("got %+v, want one organisation with three mentions", ents)
	}
}

// TestCourtesyTitleNamesAPerson: "Mr Brown" (British style, no period) is a
// mention of the Brown the brief named in full, even where the tagger alone
// would miss it.
func TestCourtesyTitleNamesAPerson(t *testing.T) {
	a := extract(t, "Budget week", "Tobias Brown spoke on Monday. Sir Edwin Marlow warned Mr Brown not to be tempted. Mrs Okoye said Mr Brown's plan would help.")
	var brown *model.Entity
	for i := range a.Entities {
		if a.Entities[i].Name == "Tobias Brown" {
			brown = &a.Entities[i]
		}
	}
	if brown == nil {
		t.Fatalf("no Tobias Brown among %+v", a.Entities)
	}
	n := 0
	for _, m := range brown.Mentions {
		if m.Text == "Brown" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("Tobias Brown has %d mentions \"Brown\" after Mr, want 2: %+v", n, brown.Mentions)
	}
}

// TestSurnameSlip: a surname misspelt by one letter later in the brief
// ("Castelano" for Ferdinand Castellano) is the same person; a short one
// is not forgiven ("Roe" is no slip of "Rose").
func TestSurnameSlip(t *testing.T) {
	a := extract(t, "Port talks", "Ferdinand Castellano met the envoys on Monday. Castelano said the port would reopen. Amelia Rose arrived later; Roe spoke briefly.")
	var names []string
	for _, e := range a.Entities {
		if e.Kind != model.KindPerson {
			continue
		}
		names = append(names, e.Name)
		if e.Name == "Ferdinand Castellano" && len(e.Mentions) != 2 {
			t.Errorf("Ferdinand Castellano has mentions %+v, want the full name and Castelano", e.Mentions)
		}
		if e.Name == "Amelia Rose" && len(e.Mentions) != 1 {
			t.Errorf("Amelia Rose has mentions %+v, want only her full name", e.Mentions)
		}
	}
	if !slices.Contains(names, "Ferdinand Castellano") {
		t.Errorf("persons %v, want Ferdinand Castellano", names)
	}
}

// TestDelegateTitle: "Del." (a delegate) is a title before a name, not a
// person of its own. The people are invented.
func TestDelegateTitle(t *testing.T) {
	a := extract(t, "", "The bill passed on Friday. \"We kept our word,\" said Del. Marta Lindqvist (D-Harbor), who wrote it.")
	if e := find(a, "Del"); e != nil {
		t.Errorf("Del is an entity of its own: %s", describe(a))
	}
	if e := find(a, "Marta Lindqvist"); e == nil || e.Kind != model.KindPerson {
		t.Errorf("no person Marta Lindqvist: %s", describe(a))
	}
}

// TestHonorificsInLexicon: the gendered honorifics of linking are words of the shared lexicon.
func TestHonorificsInLexicon(t *testing.T) {
	for _, h := range honorifics {
		if !lexicon.Has(lexicon.Honorifics, h.word) {
			t.Errorf("%q is not in lexicon.Honorifics", h.word)
		}
	}
	if !titles["sir"] || !titles["gen."] || !titles["mep"] || titles["major"] {
		t.Error("titles should hold the lexicon's honorifics, titles with their stop and post-nominals, and not 'major'")
	}
}

// TestSlugASCII holds the linker's ASCII slug to model.Slug.
func TestSlugASCII(t *testing.T) {
	for _, s := range []string{"Tony Blair", "U.S. Senate", "O'Brien", "  al-Assad ", "Ana de la Vega-Ruiz", "--", "", "Jo 's", "A.B. Carr Jr.", "x\ty", "Radio 4", "MI5 (UK)"} {
		got, ok := slugASCII(nil, s)
		if !ok || string(got) != model.Slug(s) {
			t.Errorf("slugASCII(%q) = %q, %v; model.Slug = %q", s, got, ok, model.Slug(s))
		}
	}
	if _, ok := slugASCII(nil, "José Ramos"); ok {
		t.Error("slugASCII took a name past ASCII")
	}
}

// TestHonorOf checks the honorifics in any case, with a stop, and words that are none.
func TestHonorOf(t *testing.T) {
	for w, want := range map[string]byte{
		"Mr": honMale, "MRS.": honFemale, "ms": honFemale, "Miss": honFemale, "Sir": honMale | honTitled,
		"LORD": honMale | honTitled, "Dame": honFemale | honTitled, "lady": honFemale | honTitled,
		"Baroness": honFemale | honTitled, "ſir": honMale | honTitled,
		"Mister": 0, "Dr": 0, "M": 0, "Boris": 0, "Ladyship": 0, "": 0, ".": 0,
	} {
		if got := honorOf(w); got != want {
			t.Errorf("honorOf(%q) = %b, want %b", w, got, want)
		}
	}
}
