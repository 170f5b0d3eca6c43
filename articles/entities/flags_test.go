package entities

import (
	"strings"
	"testing"
)

// TestFlaggedListsCapitalised holds ruleCtx.is to the look-ups it replaced:
// makeFlags flags only words that open with an ASCII capital, so a list read
// through a flag must hold only such words, each kept (true).
func TestFlaggedListsCapitalised(t *testing.T) {
	for _, l := range []struct {
		name  string
		words map[string]bool
		f     uint16
	}{{"orgHeads", orgHeads, fOrgHead}, {"docHeads", docHeads, fDocHead}, {"bareBodies", bareBodies, fBareBody},
		{"storms", storms, fStorm}, {"placeHeads", placeHeads, fPlaceHead}, {"officeWords", officeWords, fOffice},
		{"institutions", institutions, fInstitution}} {
		for w, ok := range l.words {
			if !ok || !capital(w) {
				t.Errorf("%s: %q (%v) is not a capitalised word the list holds: ruleCtx.is would not answer as the list", l.name, w, ok)
			}
			c := ruleCtx{words: []string{"the", w}}
			if !c.is(1, l.f) || c.is(0, l.f) {
				t.Errorf("%s: is(%q) = %v, is(%q) = %v", l.name, w, c.is(1, l.f), "the", c.is(0, l.f))
			}
		}
	}
	c := ruleCtx{words: []string{"Council", "council", "Sea", "Hurricane", "Act", "Hospital", "Minister"}}
	want := []uint16{fOrgHead, 0, fPlaceHead, fStorm, fDocHead, fInstitution, fOffice}
	for i, f := range want {
		if got := c.flag(i) & (fOrgHead | fPlaceHead | fStorm | fDocHead | fInstitution | fOffice); got != f {
			t.Errorf("flag(%q) = %b, want %b", c.words[i], got, f)
		}
	}
}

// TestInLowerAt holds ruleCtx.inLowerAt to inLower for the lists read by
// their lower case: every word of each, as written, capitalised and in capitals.
func TestInLowerAt(t *testing.T) {
	for _, l := range []struct {
		name  string
		words map[string]bool
		f     uint16
	}{{"exams", exams, fExam}, {"faiths", faiths, fFaith}, {"titles", titles, fTitle}} {
		n := 0
		for w, ok := range l.words {
			if !ok {
				t.Errorf("%s: %q is listed false: the flags would hold it", l.name, w)
			}
			for _, v := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w), "Zzq" + w} {
				c := ruleCtx{words: []string{"the", v}}
				if got, want := c.inLowerAt(1, l.f, l.words), inLower(l.words, v); got != want {
					t.Errorf("%s: inLowerAt(%q) = %v, inLower %v", l.name, v, got, want)
				}
				if c.inLowerAt(1, l.f, l.words) {
					n++
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no word found", l.name)
		}
	}
}
