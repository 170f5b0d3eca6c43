package gazetteer

import (
	"strings"
	"testing"

	"briefs/articles/entities/token"
	"briefs/model"
)

func words(s string) []string {
	var out []string
	for _, t := range token.Tokenize(s) {
		out = append(out, t.Text)
	}
	return out
}

func TestEmbedded(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, id string
		kind     model.EntityKind
		country  string
	}{
		{"U.S.", "country:united-states", model.KindCountry, ""},
		{"United States of America", "country:united-states", model.KindCountry, ""},
		{"UK", "country:united-kingdom", model.KindCountry, ""},
		{"Great Britain", "country:united-kingdom", model.KindCountry, ""},
		{"Russian Federation", "country:russia", model.KindCountry, ""},
		{"Russian", "nationality:russian", model.KindNationality, "country:russia"},
		{"Britons", "nationality:british", model.KindNationality, "country:united-kingdom"},
		{"Moscow", "place:moscow", model.KindPlace, "country:russia"},
		{"Beijing", "place:beijing", model.KindPlace, "country:china"},
		{"Washington", "place:washington", model.KindPlace, "country:united-states"},
		{"NATO", "organization:north-atlantic-treaty-organization", model.KindOrganization, ""},
		{"OPEC", "organization:organization-of-the-petroleum-exporting-countries", model.KindOrganization, ""},
		{"African Union", "organization:african-union", model.KindOrganization, ""},
		{"ASEAN", "organization:association-of-southeast-asian-nations", model.KindOrganization, ""},
		{"WHO", "organization:world-health-organization", model.KindOrganization, ""},
		{"Foggy Bottom", "organization:foggy-bottom", model.KindOrganization, "country:united-states"},
		{"Zhongnanhai", "organization:zhongnanhai", model.KindOrganization, "country:china"},
		{"Downing Street", "organization:downing-street", model.KindOrganization, "country:united-kingdom"},
		{"Tigray", "place:tigray", model.KindPlace, "country:ethiopia"},
		{"North Kivu", "place:north-kivu", model.KindPlace, "country:democratic-republic-of-the-congo"},
		{"Lib Dems", "organization:liberal-democrats", model.KindOrganization, ""},
	}
	for _, c := range cases {
		e, ok := g.Resolve(c.name)
		if !ok || e.ID != c.id || e.Kind != c.kind || e.Country != c.country {
			t.Errorf("Resolve(%q) = %+v, %v; want %s %s %s", c.name, e, ok, c.id, c.kind, c.country)
		}
	}
}

func TestFind(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	w := words("Let us ask who met the Russian Federation envoy and the UN in New York")
	var got []string
	for _, m := range g.Find(w, false) {
		got = append(got, strings.Join(w[m.Start:m.End], " ")+"="+m.Entry.ID)
	}
	want := "Russian Federation=country:russia|UN=organization:united-nations|New York=place:new-york"
	if strings.Join(got, "|") != want {
		t.Errorf("Find = %q, want %q", strings.Join(got, "|"), want)
	}
	up := words("RUSSIA AND CHINA MEET IN BEIJING")
	got = nil
	for _, m := range g.Find(up, true) {
		got = append(got, m.Entry.ID)
	}
	if strings.Join(got, " ") != "country:russia country:china place:beijing" {
		t.Errorf("Find(upper) = %v", got)
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := Parse("a\tb\tc\n"); err == nil {
		t.Error("Parse accepted a short line")
	}
	g, err := Parse("# comment\nplace:x\tplace\tX\t\tX|Ex\n")
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := g.Resolve("ex"); !ok || e.Name != "X" {
		t.Errorf("Resolve(ex) = %v, %v", e, ok)
	}
}

// TestPersonKeyWords holds the byte-by-byte key of joined words to
// PersonKey of the joined name, and KnownPersonWords to KnownPerson.
func TestPersonKeyWords(t *testing.T) {
	for _, words := range [][]string{
		{"Condoleezza", "Rice"}, {"Nancy", "Pelosi"}, {"Aung", "San", "Suu", "Kyi"},
		{"Mr", "O'Brien"}, {"U.S.", "Senate"}, {"Ana", "de", "la", "Vega-Ruiz"},
		{"", "Kettle"}, {"-", "Anna", "--", "Berg"}, {"Jo", "'s"}, {"A.", "B.", "Carr", "Jr."},
		{"Tariq", "bin", "Walid", "2nd"}, {"x", "y\tz"}, {"..", "Ola"}, {},
	} {
		name := strings.Join(words, " ")
		key, ok := personKeyWords(words)
		if !ok || key != PersonKey(name) {
			t.Errorf("personKeyWords(%q) = %x, %v; PersonKey = %x", words, key, ok, PersonKey(name))
		}
		if KnownPersonWords(words) != KnownPerson(name) {
			t.Errorf("KnownPersonWords(%q) = %v, KnownPerson says %v", words, !KnownPerson(name), KnownPerson(name))
		}
	}
	// Past ASCII the slug is made as KnownPerson makes it.
	for _, words := range [][]string{{"José", "Ramos"}, {"Nguyễn", "Văn", "An"}, {"Sean", "O’Neill"}} {
		if _, ok := personKeyWords(words); ok {
			t.Errorf("personKeyWords(%q) claims ASCII", words)
		}
		if KnownPersonWords(words) != KnownPerson(strings.Join(words, " ")) {
			t.Errorf("KnownPersonWords(%q) differs from KnownPerson", words)
		}
	}
	if !KnownPersonWords([]string{"Nancy", "Pelosi"}) || !KnownPersonWords([]string{"NANCY", "PELOSI"}) {
		t.Error("Nancy Pelosi, a legislator in the world data, is not known")
	}
}

func TestStartsUpper(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if !g.StartsUpper([]byte("MEXICO")) || !g.StartsUpper([]byte("SAN")) {
		t.Error("MEXICO or SAN (Francisco) starts no name")
	}
	if g.StartsUpper([]byte("Mexico")) || g.StartsUpper([]byte("QZXV")) {
		t.Error("a word not upper-cased, or no name's start, starts a name")
	}
}

// TestMayStartPlace holds the prefix test to the aliases: every country's
// and place's first word passes in lower case.
func TestMayStartPlace(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range g.Entries {
		if e.Kind != model.KindCountry && e.Kind != model.KindPlace {
			continue
		}
		for _, a := range e.Aliases {
			first, _, _ := strings.Cut(strings.ToLower(a), " ")
			if !g.MayStartPlace(first) {
				t.Errorf("%q (of %s) may not start a place", first, e.ID)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no place in the gazetteer")
	}
	rejected := 0
	for _, w := range []string{"make", "take", "order", "help", "their", "which", "xylophone", "zqx"} {
		if !g.MayStartPlace(w) {
			rejected++
		}
	}
	if rejected == 0 {
		t.Error("the prefix test rejects no common word")
	}
}
