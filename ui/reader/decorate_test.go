package reader

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/model"
	"briefs/ui/internal/testbriefs"
	"briefs/ui/theme"
)

// Highlighting must leave glamour's text and wrapping exactly as they were.
func TestDecorateKeepsLayout(t *testing.T) {
	seed := testbriefs.Seed(t)
	for _, dark := range []bool{true, false} {
		st := theme.New(dark)
		for w := 24; w <= 150; w += 9 {
			d, err := Render(&seed, w, st.Glamour)
			if err != nil {
				t.Fatal(err)
			}
			lavrov := seed.EntityByID(model.EntityID(model.KindPerson, "Lavrov"))
			for _, sel := range []Selection{noSelection, {Entity: lavrov.ID, Mention: 1, Quote: -1}, {Mention: -1, Quote: 3}} {
				got := Decorate(d, &seed, sel, st)
				if len(got) != len(d.Lines) {
					t.Fatalf("width %d: %d lines, glamour gave %d", w, len(got), len(d.Lines))
				}
				for i := range got {
					if a, b := ansi.Strip(got[i]), ansi.Strip(d.Lines[i]); a != b {
						t.Fatalf("width %d line %d changed:\n%q\n%q", w, i, a, b)
					}
				}
			}
		}
	}
}

// styled reports whether some line shows text in exactly this style.
func styled(lines []string, s lipgloss.Style, text string) bool {
	want := sgrPrefix(s) + text + "\x1b[m"
	for _, l := range lines {
		if strings.Contains(l, want) {
			return true
		}
	}
	return false
}

func TestDecorateStylesEntitiesQuotesAndSelection(t *testing.T) {
	seed := testbriefs.Seed(t)
	st := theme.New(true)
	d, err := Render(&seed, 100, st.Glamour)
	if err != nil {
		t.Fatal(err)
	}
	plain := Decorate(d, &seed, noSelection, st)
	for _, c := range []struct {
		kind model.EntityKind
		text string
	}{
		{model.KindPerson, "Tillerson"},
		{model.KindCountry, "Syria"},
		{model.KindPlace, "Moscow"},
		{model.KindOrganization, "Kremlin"},
		{model.KindNationality, "American"},
	} {
		if !styled(plain, st.EntityStyle(c.kind), c.text) {
			t.Errorf("%s %q not styled as its kind", c.kind, c.text)
		}
	}
	if !styled(plain, st.Quote, `"frank"`) {
		t.Error(`the quote "frank" is not set apart`)
	}
	if !styled(plain, st.Speaker, "⟨Bashar al-Assad⟩") {
		t.Error("a speaker tag is not dimmed")
	}
	// A person named inside a quote keeps the quote's italics.
	if !styled(plain, st.EntityStyle(model.KindCountry).Inherit(st.Quote), "United States of America") {
		t.Error("an entity inside a quote lost the quote style")
	}

	lavrov := model.EntityID(model.KindPerson, "Lavrov")
	sel := Decorate(d, &seed, Selection{Entity: lavrov, Mention: 2, Quote: -1}, st)
	person := st.EntityStyle(model.KindPerson)
	if !styled(sel, st.Mention.Inherit(person), "Lavrov") {
		t.Error("the selected entity's mentions are not marked")
	}
	if !styled(sel, st.Current.Inherit(person), "Lavrov") {
		t.Error("the current mention is not marked")
	}
	if styled(sel, st.Current.Inherit(person), "Tillerson") {
		t.Error("another person is marked as current")
	}
}

func TestSelectionScrolls(t *testing.T) {
	seed := testbriefs.Seed(t)
	m := New(theme.New(true))
	m.SetSize(70, 12)
	m, _ = m.Update(render(t, m.Open(seed)))
	lavrov := seed.EntityByID(model.EntityID(model.KindPerson, "Lavrov"))
	if lavrov == nil || len(lavrov.Mentions) != 3 {
		t.Fatalf("the seed should name Lavrov three times")
	}
	m.SelectEntity(lavrov.ID)
	for i := range 4 {
		m, _ = m.Update(press("n"))
		want := i % 3
		if got := m.Selection().Mention; got != want {
			t.Fatalf("after %d n: mention %d, want %d", i+1, got, want)
		}
		mm := lavrov.Mentions[want]
		line := m.doc.Line(mm.Field, mm.Start, mm.End)
		if line < m.YOffset() || line >= m.YOffset()+m.vp.Height() {
			t.Fatalf("mention %d on line %d is off screen (top %d)", want, line, m.YOffset())
		}
		if !strings.Contains(ansi.Strip(m.View()), fmt.Sprintf("mention %d of 3", want+1)) {
			t.Fatalf("status does not say mention %d of 3:\n%s", want+1, ansi.Strip(m.View()))
		}
	}
	m, _ = m.Update(press("N"))
	if got := m.Selection().Mention; got != 2 {
		t.Fatalf("N went to mention %d, want 2 (the one before the first)", got)
	}

	last := len(seed.Quotes) - 1
	m.SelectQuote(last)
	q := seed.Quotes[last]
	if line := m.doc.Line(q.Field, q.Start, q.End); line < m.YOffset() || line >= m.YOffset()+m.vp.Height() {
		t.Fatalf("selected quote on line %d is off screen (top %d)", line, m.YOffset())
	}
	if m.Selection().Entity != "" {
		t.Fatal("selecting a quote should clear the entity")
	}
	if _, cmd := m.Update(press("n")); cmd != nil || m.Selection().Mention != -1 {
		t.Fatal("n with no entity selected should do nothing")
	}
}

// BenchmarkSeedNewWidth is the work of showing the seed, highlighted, at a
// width not seen before: glamour, placing the runes, then the highlights.
// Target: under 10 ms.
func BenchmarkSeedNewWidth(b *testing.B) {
	seed := testbriefs.Seed(b)
	st := theme.New(true)
	sel := Selection{Entity: model.EntityID(model.KindPerson, "Lavrov"), Mention: 0, Quote: -1}
	for i := 0; b.Loop(); i++ {
		d, err := Render(&seed, 60+i%100, st.Glamour)
		if err != nil {
			b.Fatal(err)
		}
		_ = Decorate(d, &seed, sel, st)
	}
}

// BenchmarkSeedDecorate is the work of a new selection at a cached width.
func BenchmarkSeedDecorate(b *testing.B) {
	seed := testbriefs.Seed(b)
	st := theme.New(true)
	d, err := Render(&seed, 100, st.Glamour)
	if err != nil {
		b.Fatal(err)
	}
	sel := Selection{Entity: model.EntityID(model.KindPerson, "Lavrov"), Mention: 0, Quote: -1}
	for b.Loop() {
		_ = Decorate(d, &seed, sel, st)
	}
}
