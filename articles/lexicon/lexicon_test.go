package lexicon

import (
	"strings"
	"testing"
)

func TestListsLowerCaseAndNonEmpty(t *testing.T) {
	for l := range numLists {
		ws := Words(l)
		if len(ws) == 0 {
			t.Errorf("%v: empty", l)
		}
		for _, w := range ws {
			if w != strings.ToLower(w) || strings.TrimSpace(w) != w || strings.ContainsAny(w, " \t") {
				t.Errorf("%v: %q is not one lower-case word", l, w)
			}
			if strings.HasSuffix(w, ".") {
				t.Errorf("%v: %q ends in a full stop (Has strips it)", l, w)
			}
		}
	}
}

func TestDisjoint(t *testing.T) {
	pairs := [][2]List{
		{Honorifics, Titles}, {Honorifics, PostNominals}, {Titles, PostNominals},
		{Particles, Honorifics}, {Particles, PostNominals},
	}
	for _, p := range pairs {
		for _, w := range Words(p[0]) {
			if Has(p[1], w) {
				t.Errorf("%q is in both %v and %v", w, p[0], p[1])
			}
		}
	}
}

func TestHas(t *testing.T) {
	cases := []struct {
		l    List
		w    string
		want bool
	}{
		{Honorifics, "Mr", true}, {Honorifics, "MRS.", true}, {Honorifics, "mr..", false},
		{Honorifics, "President", false}, {Titles, "President", true}, {Titles, "Gen.", true},
		{PostNominals, "QC", true}, {PostNominals, "Q", false}, {Particles, "bin", true},
		{Abbreviations, "U.S.", true}, {Abbreviations, "Corp.", true}, {Abbreviations, "Paris", false},
		{Honorifics, "", false}, {Honorifics, ".", false}, {Titles, "Präsident", false},
		{List(200), "mr", false},
	}
	for _, c := range cases {
		if got := Has(c.l, c.w); got != c.want {
			t.Errorf("Has(%v, %q) = %v, want %v", c.l, c.w, got, c.want)
		}
	}
}

func TestHasAllocatesNothing(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		_ = Has(Titles, "Minister")
		_ = Has(Honorifics, "Dr.")
	})
	if n != 0 {
		t.Errorf("Has allocates %v times per call", n)
	}
}

func TestStrings(t *testing.T) {
	if Honorifics.String() != "honorifics" || List(99).String() != "List(99)" {
		t.Errorf("String: %q %q", Honorifics.String(), List(99).String())
	}
}

// TestQuoteLists checks the quote extractor's lists hold what their names
// say: speech verbs in their base form, and each of their noun-like forms
// the form of a speech verb.
func TestQuoteLists(t *testing.T) {
	for _, v := range Words(SpeechVerbs) {
		if strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "ing") {
			t.Errorf("speech verb %q is not a base form", v)
		}
	}
	for _, w := range Words(SpeechVerbNouns) {
		ok := false
		for _, v := range Words(SpeechVerbs) {
			stem := strings.TrimSuffix(strings.TrimSuffix(v, "e"), "y")
			ok = ok || strings.HasPrefix(w, stem)
		}
		if !ok {
			t.Errorf("%q in speechverbnouns is no form of a speech verb", w)
		}
	}
	for _, c := range []struct {
		l List
		w string
	}{{SpeechVerbs, "warn"}, {AfterQuoteVerbs, "quipped"}, {ClauseFinalVerbs, "agreed"}, {RoleNouns, "Minister"},
		{PersonNouns, "aide"}, {DocumentNouns, "Statement"}, {SpeechNouns, "claims"}, {GroupHeads, "campaign"}, {SpeechVerbNouns, "claims"}} {
		if !Has(c.l, c.w) {
			t.Errorf("%v lacks %q", c.l, c.w)
		}
	}
	if Has(SpeechVerbs, "said") || Has(RoleNouns, "statement") {
		t.Error("a word in the wrong list")
	}
}

// TestQuoteDescriptionLists checks the lists moved out of the quote code
// hold their words, and that the gender lists share none.
func TestQuoteDescriptionLists(t *testing.T) {
	for _, c := range []struct {
		l List
		w string
	}{{TitleWords, "Foreign"}, {PrincipalRoles, "nominee"}, {DescriptionHeads, "envoy"}, {OrgWords, "ministry"},
		{FemaleRoles, "widow"}, {MaleRoles, "widower"}, {WorkNouns, "podcast"}, {WorkNounsAfter, "series"},
		{NamedThings, "summit"}, {ChantNouns, "chants"}, {SloganNouns, "motto"}, {MediaWords, "radio"},
		{ReportNouns, "transcript"}, {CommonVerbs, "met"}, {TimeNouns, "week"}, {PassiveNaming, "dubbed"},
		{ReportingPassives, "alleged"}} {
		if !Has(c.l, c.w) {
			t.Errorf("%v lacks %q", c.l, c.w)
		}
	}
	for _, w := range Words(FemaleRoles) {
		if Has(MaleRoles, w) {
			t.Errorf("%q tells both genders", w)
		}
	}
	if Has(TimeNouns, "minister") || Has(OrgWords, "widow") {
		t.Error("a word in the wrong list")
	}
}
