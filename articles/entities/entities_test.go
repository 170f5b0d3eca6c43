package entities

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/tagger"
	"briefs/articles/samples"
	"briefs/model"
)

func extract(t *testing.T, title, body string) *model.Article {
	t.Helper()
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Article{Title: title, Body: body}
	x.Extract(a)
	checkOffsets(t, a)
	return a
}

// find returns the entity with a mention whose text is form.
func find(a *model.Article, form string) *model.Entity {
	for i := range a.Entities {
		for _, m := range a.Entities[i].Mentions {
			if m.Text == form {
				return &a.Entities[i]
			}
		}
	}
	return nil
}

func describe(a *model.Article) string {
	var b strings.Builder
	for _, e := range a.Entities {
		fmt.Fprintf(&b, "%s(%s)%v; ", e.ID, e.Kind, e.Aliases)
	}
	return b.String()
}

// All the people and bodies below are invented.
func TestLinking(t *testing.T) {
	cases := []struct {
		name        string
		title, body string
		// forms that must belong to one entity with this id and kind
		id    string
		kind  model.EntityKind
		forms []string
	}{
		{
			name:  "surname and particle",
			body:  "Syrian President Bashar al-Assad met envoys on Monday. Critics said Assad had ignored them, and Bashar Assad replied on Tuesday.",
			id:    "person:bashar-al-assad",
			kind:  model.KindPerson,
			forms: []string{"Bashar al-Assad", "Assad", "Bashar Assad"},
		},
		{
			name:  "surname opening a sentence",
			body:  "Mirela Vantongeren flew to Nairobi on Monday. Vantongeren said the World Bank would help.",
			id:    "person:mirela-vantongeren",
			kind:  model.KindPerson,
			forms: []string{"Mirela Vantongeren", "Vantongeren"},
		},
		{
			name:  "first name alone",
			body:  "Marta Kowalczyk won the vote. Supporters cheered as Marta thanked them, and Kowalczyk left at noon.",
			id:    "person:marta-kowalczyk",
			kind:  model.KindPerson,
			forms: []string{"Marta Kowalczyk", "Marta", "Kowalczyk"},
		},
		{
			name:  "bin and possessive",
			body:  "Crown Prince Tariq bin Salman arrived in Riyadh late on Sunday. Bin Salman's advisers said the talks would continue.",
			id:    "person:tariq-bin-salman",
			kind:  model.KindPerson,
			forms: []string{"Tariq bin Salman", "Bin Salman"},
		},
		{
			name:  "von der",
			body:  "Commission chief Greta von der Heyden told reporters in Brussels that the plan was ready. Von der Heyden later left for Paris.",
			id:    "person:greta-von-der-heyden",
			kind:  model.KindPerson,
			forms: []string{"Greta von der Heyden", "Von der Heyden"},
		},
		{
			name:  "de particle",
			body:  "The UN mediator Paolo de Santis said the ceasefire was holding. De Santis is due in Geneva on Friday.",
			id:    "person:paolo-de-santis",
			kind:  model.KindPerson,
			forms: []string{"Paolo de Santis", "De Santis"},
		},
		{
			name:  "title and typo are not the name",
			body:  "Presdient Martin Okonkwo spoke first. President Okonkwo then left the hall.",
			id:    "person:martin-okonkwo",
			kind:  model.KindPerson,
			forms: []string{"Martin Okonkwo", "Okonkwo"},
		},
		{
			name:  "country aliases",
			body:  "The U.S. and the United States of America are one country, and the US envoy said the United States would act.",
			id:    "country:united-states",
			kind:  model.KindCountry,
			forms: []string{"U.S.", "United States of America", "US", "United States"},
		},
		{
			name:  "possessive country and long form",
			body:  "Russia's foreign ministry said the Russian Federation would not attend.",
			id:    "country:russia",
			kind:  model.KindCountry,
			forms: []string{"Russia", "Russian Federation"},
		},
		{
			name:  "acronym and expansion",
			body:  "The North Atlantic Treaty Organization met in Brussels. NATO ministers agreed on a new plan.",
			id:    "organization:north-atlantic-treaty-organization",
			kind:  model.KindOrganization,
			forms: []string{"North Atlantic Treaty Organization", "NATO"},
		},
		{
			name:  "acronym of an organisation the gazetteer lacks",
			body:  "The Coastal Fisheries Council said on Monday that quotas would fall. A CFC spokesman said talks would resume.",
			id:    "organization:coastal-fisheries-council",
			kind:  model.KindOrganization,
			forms: []string{"Coastal Fisheries Council", "CFC"},
		},
		{
			name:  "all-caps headline",
			title: "RUSSIA AND CHINA SIGN GAS DEAL IN BEIJING",
			body:  "Russia and China signed a gas deal in Beijing on Tuesday.",
			id:    "country:russia",
			kind:  model.KindCountry,
			forms: []string{"RUSSIA", "Russia"},
		},
		{
			name:  "title-case headline",
			title: "Lavrenti Okoro Warns Kenya Over Border Talks With Somalia",
			body:  "Lavrenti Okoro warned Kenya on Monday.",
			id:    "country:kenya",
			kind:  model.KindCountry,
			forms: []string{"Kenya"},
		},
		{
			name:  "capital is a place",
			body:  "Officials in Moscow and Washington traded accusations on Thursday.",
			id:    "place:moscow",
			kind:  model.KindPlace,
			forms: []string{"Moscow"},
		},
		{
			name:  "seat of government is an organisation",
			body:  "The Kremlin said on Friday that talks with Downing Street had stalled.",
			id:    "organization:kremlin",
			kind:  model.KindOrganization,
			forms: []string{"Kremlin"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := extract(t, c.title, c.body)
			for _, form := range c.forms {
				e := find(a, form)
				if e == nil {
					t.Errorf("%q not found; got %s", form, describe(a))
					continue
				}
				if e.ID != c.id || e.Kind != c.kind {
					t.Errorf("%q in %s (%s), want %s (%s); got %s", form, e.ID, e.Kind, c.id, c.kind, describe(a))
				}
			}
		})
	}
}

func TestNationality(t *testing.T) {
	a := extract(t, "", "A Syrian official and two American diplomats met Russian envoys in the Russian Federation.")
	for form, country := range map[string]string{"Syrian": "country:syria", "American": "country:united-states", "Russian": "country:russia"} {
		e := find(a, form)
		if e == nil || e.Kind != model.KindNationality || e.Country != country {
			t.Errorf("%q: got %+v, want a nationality of %s", form, e, country)
		}
	}
	// "Russian" inside "Russian Federation" is the country, not a nationality mention.
	nat := find(a, "Russian")
	if nat != nil && len(nat.Mentions) != 1 {
		t.Errorf("nationality Russian has %d mentions, want 1: %s", len(nat.Mentions), describe(a))
	}
	if e := find(a, "Russian Federation"); e == nil || e.ID != "country:russia" {
		t.Errorf("Russian Federation: got %s", describe(a))
	}
}

func TestNotEntities(t *testing.T) {
	a := extract(t, "", "Meanwhile on Thursday he said nothing. Asked about it on Tuesday, He left. The pair met in April.")
	for _, e := range a.Entities {
		t.Errorf("unexpected entity %s (%v)", e.ID, e.Aliases)
	}
}

func TestOrderAndFields(t *testing.T) {
	a := extract(t, "Lavrenti Okoro visits Kenya", "Kenya welcomed Lavrenti Okoro on Monday. Okoro then flew to Nairobi.")
	if len(a.Entities) < 3 {
		t.Fatalf("want at least 3 entities, got %s", describe(a))
	}
	if a.Entities[0].ID != "person:lavrenti-okoro" || a.Entities[1].ID != "country:kenya" {
		t.Errorf("entities not in order of first mention: %s", describe(a))
	}
	p := a.Entities[0]
	if p.Mentions[0].Field != model.FieldTitle || len(p.Mentions) != 3 {
		t.Errorf("person mentions %+v, want title first and 3 in all", p.Mentions)
	}
	if p.Aliases[0] != "Lavrenti Okoro" {
		t.Errorf("aliases %v, want the fullest first", p.Aliases)
	}
}

func TestResolve(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		in   string
		id   string
		kind model.EntityKind
	}{
		{"russian federation", "country:russia", model.KindCountry},
		{"Russia", "country:russia", model.KindCountry},
		{"U.S.", "country:united-states", model.KindCountry},
		{"usa", "country:united-states", model.KindCountry},
		{"United States of America", "country:united-states", model.KindCountry},
		{"Britain", "country:united-kingdom", model.KindCountry},
		{"UN", "organization:united-nations", model.KindOrganization},
		{"iaea", "organization:international-atomic-energy-agency", model.KindOrganization},
		{"Élysée", "organization:elysee", model.KindOrganization},
		{"elysee", "organization:elysee", model.KindOrganization},
		{"Moscow", "place:moscow", model.KindPlace},
		{"Syrian", "nationality:syrian", model.KindNationality},
		{"Côte d'Ivoire", "country:cote-divoire", model.KindCountry},
	}
	for _, c := range cases {
		id, kind, ok := x.Resolve(c.in)
		if !ok || id != c.id || kind != c.kind {
			t.Errorf("Resolve(%q) = %q, %q, %v; want %q, %q", c.in, id, kind, ok, c.id, c.kind)
		}
	}
	for _, in := range []string{"", "Lavrenti Okoro", "the"} {
		if id, _, ok := x.Resolve(in); ok {
			t.Errorf("Resolve(%q) = %q, want not found", in, id)
		}
	}
}

// TestConcurrent extracts the built-in briefs from several goroutines and
// checks each gets what a lone extraction gets (run with -race).
func TestConcurrent(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var arts []model.Article
	for _, n := range samples.Names() {
		b, err := samples.FS.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		title, body, _ := strings.Cut(string(b), "\n")
		arts = append(arts, model.Article{Title: title, Body: strings.TrimSpace(body)})
	}
	want := make([]string, len(arts))
	for i := range arts {
		a := arts[i]
		x.Extract(&a)
		want[i] = describe(&a)
	}
	var wg sync.WaitGroup
	got := make([]string, len(arts)*4)
	for g := range 4 {
		wg.Go(func() {
			for i := range arts {
				a := arts[i]
				x.Extract(&a)
				got[g*len(arts)+i] = describe(&a)
			}
		})
	}
	wg.Wait()
	for k, s := range got {
		if s != want[k%len(arts)] {
			t.Errorf("brief %d: concurrent extraction differs", k%len(arts))
		}
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	for _, body := range []string{"", "   ", "\n\n\n", "'s", "\"\"", "...", strings.Repeat("A", 10000), "é\xff\xfe"} {
		a := extract(t, "", body)
		if a.Entities == nil {
			t.Errorf("body %q: Entities is nil, want an empty slice", body)
		}
	}
}

func TestHeadlineGuessesNeedTheBody(t *testing.T) {
	a := extract(t, "Quiet Storm Over Budget: Marta Kowalczyk Heads To Court In Warsaw",
		"Marta Kowalczyk, the finance minister, went to court on Monday over the budget.")
	for _, e := range a.Entities {
		switch e.ID {
		case "person:marta-kowalczyk", "place:warsaw":
		default:
			t.Errorf("unexpected entity %s %v from the headline", e.ID, e.Aliases)
		}
	}
	p := find(a, "Marta Kowalczyk")
	if p == nil || p.Mentions[0].Field != model.FieldTitle {
		t.Errorf("the headline's person is not kept: %s", describe(a))
	}
	if find(a, "Warsaw") == nil {
		t.Errorf("the headline's gazetteer place is not kept: %s", describe(a))
	}
}

// Extract reuses its buffers from one article to the next: nothing it
// returned for one article may change when it extracts the next.
func TestExtractReusesNothingItReturned(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := model.Article{Title: "Lavrov meets Blinken in Geneva", Body: "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony Blinken in Geneva on Friday.\n\nThe United Nations welcomed the talks."}
	x.Extract(&a)
	before, err := json.Marshal(a.Entities)
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{
		"NATO ministers met in Brussels. Jens Stoltenberg said the alliance would act.",
		strings.Repeat("The African Union and ECOWAS sent envoys to Niamey and Bamako. ", 200),
	} {
		b := model.Article{Title: "Other news", Body: body}
		x.Extract(&b)
	}
	after, err := json.Marshal(a.Entities)
	if err != nil {
		t.Fatal(err)
	}
	if string(before) != string(after) {
		t.Fatalf("the first article's entities changed:\n%s\n%s", before, after)
	}
	if len(a.Entities) < 4 {
		t.Fatalf("only %d entities found: %s", len(a.Entities), before)
	}
}

// FuzzExtract checks that no input panics, that every mention's offsets
// give its text, and that extracting the same article again (with the
// buffers the last call left) gives the same entities.
func FuzzExtract(f *testing.F) {
	x, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Presdient Donald Trump met Vladimir Putin in Helsinki.", "RUSSIA AND U.S. AGREE\n\nThe Kremlin said so.",
		"Bashar al-Assad's forces; the UN's envoy Staffan de Mistura.", "“Q,” said NATO.\n\n\n", "\x00\xff é 東京 🙂 A.B.C. U.S.-led",
		"ADDIS ABABA — The African Union (AU) and IGAD met. The AU said.",
		"Tony Blair spoke. Mr Blair left. Cherie Blair stayed. Mrs Blair said so. Sir Ian Blair warned.",
		"Liberal Democrat Sarah Teather, Green MEP Caroline Lucas and Lib Dem Norman Baker met.",
		"Speaking in Harrogate Mr Kennedy said it. Ms Essex agreed. The Lord Chancellor and Mr Justice Eady did not.",
		"Guy Mansfield QC, the East Midlands MEP, Theresa May and the British Chambers of Commerce (BCC).",
		"Mr", "Ms King", "Lord 's", "Anna May", "of Commerce", "MP MEP QC"} {
		f.Add("Title "+s, s)
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		a := model.Article{Title: title, Body: body}
		x.Extract(&a)
		first, err := json.Marshal(a.Entities)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				text := a.Text(m.Field)
				if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
					t.Fatalf("mention %+v does not match the %s text", m, m.Field)
				}
			}
		}
		b := model.Article{Title: body, Body: title} // another article in between
		x.Extract(&b)
		again := model.Article{Title: title, Body: body}
		x.Extract(&again)
		second, _ := json.Marshal(again.Entities)
		if string(first) != string(second) {
			t.Fatalf("a second extraction differs:\n%s\n%s", first, second)
		}
	})
}

// TestSurnameOfTwoPeople: a surname alone that two people in the brief
// share is the one named first, unless its honorific rules that one out
// ("Mrs" for a man, "Mr" for a woman or for someone the brief calls "Sir").
func TestSurnameOfTwoPeople(t *testing.T) {
	body := "Daniel Varga opened the talks. His wife, Anna Varga, chairs the charity. Mr Varga said little. " +
		"Mrs Varga spoke later. Then Varga left.\n\n" +
		"Sir Peter Holm, the police chief, warned of delays. The minister, Nils Holm, disagreed. Mr Holm said the plan stood."
	a := extract(t, "Talks", body)
	check := func(prefix, form, id string) {
		t.Helper()
		at := strings.Index(a.Body, prefix+form)
		if at < 0 {
			t.Fatalf("no %q in the body", prefix+form)
		}
		start := at + len(prefix)
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Field == model.FieldBody && m.Start == start && m.Text == form {
					if e.ID != id {
						t.Errorf("%q in %q is %s, want %s", form, prefix+form, e.ID, id)
					}
					return
				}
			}
		}
		t.Errorf("%q in %q is no entity's mention, want %s", form, prefix+form, id)
	}
	check("Mr ", "Varga", "person:daniel-varga")
	check("Mrs ", "Varga", "person:anna-varga")
	check("Then ", "Varga", "person:daniel-varga")
	check("Mr ", "Holm", "person:nils-holm")

	// a person the tagger ran into a committee's name
	c := extract(t, "Housing", "Chairman of the Environmental Audit Committee Peter Holm MP, said the plan was flawed.")
	if e := find(c, "Peter Holm"); e == nil || e.Kind != model.KindPerson || find(c, "Environmental Audit Committee") == nil {
		t.Errorf("Environmental Audit Committee Peter Holm MP: %s", describe(c))
	}

	// a month after a given name is a surname
	m := extract(t, "Vote", "The Shadow Secretary of State for the Family, Theresa May, said the vote was close.")
	if e := find(m, "Theresa May"); e == nil || e.Kind != model.KindPerson {
		t.Errorf("Theresa May: %s", describe(m))
	}

	// a title word after Ms is a surname; after Lord it is an office
	k := extract(t, "Seat", "Tomas Varga will stand against Oona King at the next election. Ms King said she was ready. The Lord Chancellor disagreed.")
	if e := find(k, "King"); e == nil || e.ID != "person:oona-king" || find(k, "Chancellor") != nil {
		t.Errorf("Ms King, Lord Chancellor: %s", describe(k))
	}

	// a word run into a name before its honorific is not part of it
	b := extract(t, "Rally", "Nils Holm spoke in Oslo.\n\nAnalysing Mr Holm is hard, said the paper. Speaking in Bergen Mr Holm said the plan stood.")
	if n := len(find(b, "Nils Holm").Mentions); n != 3 || find(b, "Bergen") == nil || find(b, "Bergen Mr") != nil {
		t.Errorf("Nils Holm has %d mentions, want 3 (Analysing Mr Holm, Bergen Mr Holm): %s", n, describe(b))
	}
}

// TestPartiesAndPostNominals: a party's short forms are one entity, a
// person named after a party ("Liberal Democrat Sarah Okafor") is not part
// of it, and letters after a name ("QC", "MP") make a person, not a body.
func TestPartiesAndPostNominals(t *testing.T) {
	a := extract(t, "Vote", "Liberal Democrat Sarah Okafor, the newest member, said the vote was close. "+
		"The Lib Dems will meet again. The chairman of the Bar Council, Guy Fenwick QC, warned of delays. Labour MP Roger Haldane agreed.")
	if e := find(a, "Lib Dems"); e == nil || e.ID != "organization:liberal-democrats" || find(a, "Liberal Democrat") != e {
		t.Errorf("Liberal Democrat and Lib Dems: %s", describe(a))
	}
	// a title and a known given name inside a body's name start a person;
	// an honorific makes one
	b := extract(t, "Treaty", "Green MEP Caroline Haldane welcomed the vote. Finance officials met Ms Essex on Monday.")
	if e := find(b, "Caroline Haldane"); e == nil || e.Kind != model.KindPerson {
		t.Errorf("Green MEP Caroline Haldane: %s", describe(b))
	}
	if e := find(b, "Ms Essex"); e != nil && e.Kind != model.KindPerson {
		t.Errorf("Ms Essex: %s", describe(b))
	}
	for _, form := range []string{"Sarah Okafor", "Guy Fenwick", "Roger Haldane"} {
		if e := find(a, form); e == nil || e.Kind != model.KindPerson {
			t.Errorf("%s is not a person: %s", form, describe(a))
		}
	}
}

func TestSplitPersonAfterBody(t *testing.T) {
	party := &gazetteer.Entry{Kind: model.KindOrganization}
	words := strings.Fields("Liberal Democrat Anna Varga , said")
	cases := []struct {
		tagged, want []tagger.Span
	}{
		// the tagger ran the party into the given name, and the surname is a person
		{[]tagger.Span{{Start: 0, End: 3, Type: tagger.ORG}, {Start: 3, End: 4, Type: tagger.PER}},
			[]tagger.Span{{Start: 0, End: 2, Type: tagger.ORG}, {Start: 2, End: 4, Type: tagger.PER}}},
		// the whole run is one span: the rest opens with a known given name
		{[]tagger.Span{{Start: 0, End: 4, Type: tagger.ORG}},
			[]tagger.Span{{Start: 0, End: 2, Type: tagger.ORG}, {Start: 2, End: 4, Type: tagger.PER}}},
		// nothing to split
		{[]tagger.Span{{Start: 0, End: 2, Type: tagger.ORG}, {Start: 2, End: 4, Type: tagger.PER}},
			[]tagger.Span{{Start: 0, End: 2, Type: tagger.ORG}, {Start: 2, End: 4, Type: tagger.PER}}},
	}
	for _, c := range cases {
		got := splitPersonAfterBody(words, slices.Clone(c.tagged), []gazetteer.Match{{Start: 0, End: 2, Entry: party}})
		if !slices.Equal(got, c.want) {
			t.Errorf("%v: got %v, want %v", c.tagged, got, c.want)
		}
	}
}

// A body's whole name with its head inside, run into a given name and a
// surname, gives the person up; a name whose given-name-like word is no
// more than a word of the body's stays whole.
func TestSplitPersonAfterWholeBody(t *testing.T) {
	cases := []struct {
		text         string
		tagged, want []tagger.Span
	}{
		{"Social Union of Kerala Maria Okafor said",
			[]tagger.Span{{Start: 0, End: 6, Type: tagger.ORG}},
			[]tagger.Span{{Start: 0, End: 4, Type: tagger.ORG}, {Start: 4, End: 6, Type: tagger.PER}}},
		// no head noun before the given name: left to the tagger
		{"Kerala Maria Okafor said",
			[]tagger.Span{{Start: 0, End: 3, Type: tagger.ORG}},
			[]tagger.Span{{Start: 0, End: 3, Type: tagger.ORG}}},
		// a given name with no surname after it
		{"Social Union of Kerala Maria said",
			[]tagger.Span{{Start: 0, End: 5, Type: tagger.ORG}},
			[]tagger.Span{{Start: 0, End: 5, Type: tagger.ORG}}},
	}
	for _, c := range cases {
		got := splitPersonAfterBody(strings.Fields(c.text), slices.Clone(c.tagged), nil)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}
