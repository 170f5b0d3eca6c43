package entities

import (
	"strings"
	"testing"

	"briefs/articles/samples"
	"briefs/model"
)

// sampleArticle reads a built-in brief as the reader shows it: a plain-text
// brief's first line is its title; a Markdown brief's title is in its front
// matter. Paragraphs are joined by model.ParagraphSep.
func sampleArticle(t *testing.T, name string) *model.Article {
	t.Helper()
	data, err := samples.FS.ReadFile(name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	var title, rest string
	if front, ok := strings.CutPrefix(text, "---\n"); ok {
		meta, body, found := strings.Cut(front, "\n---\n")
		if !found {
			t.Fatalf("%s: front matter not closed", name)
		}
		for _, line := range strings.Split(meta, "\n") {
			if v, ok := strings.CutPrefix(line, "title:"); ok {
				title = strings.TrimSpace(v)
			}
		}
		rest = body
	} else {
		title, rest, _ = strings.Cut(text, "\n")
	}
	var paras []string
	for _, p := range strings.Split(rest, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Article{Title: strings.TrimSpace(title), Body: strings.Join(paras, model.ParagraphSep)}
	x.Extract(a)
	checkOffsets(t, a)
	return a
}

// TestSampleEntities pins what a careful reader of the built-in briefs would
// say the important names are: the whole name, of the right kind.
func TestSampleEntities(t *testing.T) {
	cases := []struct {
		file string
		form string // a mention's exact text
		kind model.EntityKind
		name string // the entity's name, when it must be more than the form
	}{
		// Datelines are where the brief was filed from.
		{"007_african-union-addis-talks.md", "ADDIS ABABA", model.KindPlace, "Addis Ababa"},
		// Seas, shoals and regions are places.
		{"008_asean-manila-maritime.txt", "Second Thomas Shoal", model.KindPlace, ""},
		{"008_asean-manila-maritime.txt", "South China Sea", model.KindPlace, ""},
		{"004_eu-sanctions-tankers.txt", "Central Europe", model.KindPlace, ""},
		{"009_thessaloniki-summit.md", "Eastern Mediterranean", model.KindPlace, ""},
		// A port named beside another port.
		{"004_eu-sanctions-tankers.txt", "Ust-Luga", model.KindPlace, ""},
		{"004_eu-sanctions-tankers.txt", "Baltic", model.KindPlace, ""},
		{"004_eu-sanctions-tankers.txt", "Primorsk", model.KindPlace, ""},
		// Bodies, named whole.
		{"007_african-union-addis-talks.md", "MONUSCO", model.KindOrganization, ""},
		{"007_african-union-addis-talks.md", "Norwegian Refugee Council", model.KindOrganization, ""},
		{"007_african-union-addis-talks.md", "East African Community", model.KindOrganization, ""},
		{"007_african-union-addis-talks.md", "African Union", model.KindOrganization, ""},
		{"001_iaea-board-vienna.md", "Vienna International Centre", model.KindOrganization, ""},
		{"002_geneva-sudan-ceasefire.txt", "Intergovernmental Authority on Development", model.KindOrganization, ""},
		{"002_geneva-sudan-ceasefire.txt", "Rapid Support Forces", model.KindOrganization, ""},
		// A grade of crude is not a body.
		{"005_opec-vienna-output.md", "Brent", model.KindOther, ""},
		// People, countries, nationalities.
		{"008_asean-manila-maritime.txt", "Ramon Villareal-Cruz", model.KindPerson, ""},
		{"010_reykjavik-arms-talks.txt", "Sigrún Halldórsdóttir", model.KindPerson, ""},
		{"003_security-council-haiti.md", "Ana Sofía Berrocal de León", model.KindPerson, ""},
		{"004_eu-sanctions-tankers.txt", "Hungarian", model.KindNationality, ""},
		{"007_african-union-addis-talks.md", "Democratic Republic of the Congo", model.KindCountry, ""},
	}
	arts := map[string]*model.Article{}
	for _, c := range cases {
		a := arts[c.file]
		if a == nil {
			a = sampleArticle(t, c.file)
			arts[c.file] = a
		}
		e := find(a, c.form)
		if e == nil {
			t.Errorf("%s: %q is not found whole: %s", c.file, c.form, describe(a))
			continue
		}
		if e.Kind != c.kind {
			t.Errorf("%s: %q is a %s, want a %s", c.file, c.form, e.Kind, c.kind)
		}
		if c.name != "" && e.Name != c.name {
			t.Errorf("%s: %q is named %q, want %q", c.file, c.form, e.Name, c.name)
		}
	}
}

// TestSampleJunk checks that no built-in brief yields the junk the extractor
// used to find: parts of longer names, or common words opening a sentence.
func TestSampleJunk(t *testing.T) {
	junk := map[string][]string{
		"010_reykjavik-arms-talks.txt":     {"Small"},
		"008_asean-manila-maritime.txt":    {"Thomas Shoal", "Second"},
		"007_african-union-addis-talks.md": {"Refugee Council"},
		"001_iaea-board-vienna.md":         {"Vienna International"},
		"002_geneva-sudan-ceasefire.txt":   {"Intergovernmental Authority"},
		"003_security-council-haiti.md":    {"Council on Haiti"},
	}
	for _, name := range samples.Names() {
		a := sampleArticle(t, name)
		for _, form := range junk[name] {
			if e := find(a, form); e != nil {
				t.Errorf("%s: junk entity %q (%s)", name, form, e.ID)
			}
		}
		for _, e := range a.Entities {
			// A nationality that opens a body's name belongs to the body.
			if e.Kind == model.KindNationality {
				for _, m := range e.Mentions {
					rest := a.Text(m.Field)[m.End:]
					if next, _, _ := strings.Cut(strings.TrimSpace(rest)+" ", " "); orgHeads[next] {
						t.Errorf("%s: nationality %q split from the body it names", name, m.Text)
					}
				}
			}
			// No person is named after a sea or a shoal.
			if e.Kind == model.KindPerson && placeHeads[e.Name[strings.LastIndex(e.Name, " ")+1:]] {
				t.Errorf("%s: %q taken for a person", name, e.Name)
			}
		}
	}
}

// anyKind stands for any kind in TestShapeRules: the "Lisbon Maritime Centre"
// is a building and the body in it, so place and organisation both do.
const anyKind model.EntityKind = "any"

// TestShapeRules holds each rule to made-up text, so they are general rules
// and not memories of the built-in briefs. Everyone named is invented.
func TestShapeRules(t *testing.T) {
	cases := []struct {
		name string
		body string
		form string
		kind model.EntityKind // "" when form must not be an entity; anyKind when only its extent matters
	}{
		{"dateline the gazetteer knows", "NAIROBI — Talks between the two delegations resumed on Friday after a pause of a month.", "NAIROBI", model.KindPlace},
		{"dateline of a town", "PORT KALVERA, Feb 3 — Fishermen from the coast said on Tuesday that the harbour had been shut by the navy.", "PORT KALVERA", model.KindPlace},
		{"section label is no dateline", "NOTE - figures are provisional.", "NOTE", ""},
		{"shoal after an ordinal", "Coastguard boats shadowed a trawler near Third Halvard Shoal on Monday.", "Third Halvard Shoal", model.KindPlace},
		{"strait", "Tankers waited at the mouth of the Veskaran Strait for a week.", "Veskaran Strait", model.KindPlace},
		{"direction and a known place", "Ministers from Western Africa met in Lagos to discuss tariffs.", "Western Africa", model.KindPlace},
		{"nationality opening a body's name", "Ines Varga of the Danish Housing Council said the plan would cost more.", "Danish Housing Council", model.KindOrganization},
		{"a state's own ministry stays apart", "A spokesman for the German Foreign Ministry declined to comment on Sunday.", "German", model.KindNationality},
		{"a body's head before its remit", "The Danish Chambers of Commerce welcomed the latest proposals.", "Danish Chambers of Commerce", model.KindOrganization},
		{"head noun the tagger left out", "Delegates gathered in the Lisbon Maritime Centre on Thursday.", "Lisbon Maritime Centre", anyKind},
		{"common adjective opening a quote", `"Large delegations rarely agree on anything," the envoy said.`, "Large", ""},
		{"lone surname before a speech verb", "The vote was close.\n\nQuarrendale said the count would be checked again on Monday.", "Quarrendale", model.KindPerson},
		{"a known place used as a noun", "Fishing boats crowded the ports along the Baltic, officials said.", "Baltic", model.KindPlace},
		{"a known place used as an adjective", "The Baltic states asked for more air patrols.", "Baltic", model.KindOther},
		{"a country's crude is the country's", "US crude supplies fell again, traders said.", "US", model.KindCountry},
		{"a body named for islands", "She studied at the University of the Orkney Islands before the war.", "University of the Orkney Islands", model.KindOrganization},
		{"a channel that broadcasts", "The interview was shown on Channel 4 last night.", "Channel 4", model.KindOrganization},
		{"an acronym before a speech verb", "Markets were calm.\n\nKvorBX said the shares were cheap.", "KvorBX", model.KindOrganization},
		{"a crude benchmark", "Dubai crude rose on Tuesday as tankers waited.", "Dubai", model.KindOther},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := extract(t, "", c.body)
			e := find(a, c.form)
			switch {
			case c.kind == "" && e != nil:
				t.Errorf("%q is an entity (%s), want none", c.form, e.ID)
			case c.kind != "" && e == nil:
				t.Errorf("%q not found whole: %s", c.form, describe(a))
			case c.kind != "" && c.kind != anyKind && e.Kind != c.kind:
				t.Errorf("%q is a %s, want a %s", c.form, e.Kind, c.kind)
			}
		})
	}
}

// TestHeadNounJoinsItsBody checks that a body's head noun alone ("the
// Council") joins the one body of the article it heads, and joins none when
// two bodies share the head.
func TestHeadNounJoinsItsBody(t *testing.T) {
	a := sampleArticle(t, "003_security-council-haiti.md")
	full, short := find(a, "United Nations Security Council"), find(a, "Council")
	if full == nil || short == nil || full.ID != short.ID {
		t.Errorf("the Council is not the Security Council: %s", describe(a))
	}
	b := extract(t, "", "The Harbour Safety Council met the Coastal Fisheries Council on Monday. Later the Council said it would meet again.")
	c, h, f := find(b, "Council"), find(b, "Harbour Safety Council"), find(b, "Coastal Fisheries Council")
	if c == nil || h == nil || f == nil {
		t.Fatalf("the bodies are not all found: %s", describe(b))
	}
	if c.ID == h.ID || c.ID == f.ID {
		t.Errorf("a head noun shared by two bodies joined one of them: %s", describe(b))
	}
}
