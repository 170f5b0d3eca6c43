package sidepane

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/model"
	"briefs/ui/internal/testbriefs"
	"briefs/ui/theme"
)

func press(s string) tea.KeyPressMsg {
	if s == "enter" {
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

func msgOf(t *testing.T, cmd tea.Cmd) tea.Msg {
	t.Helper()
	if cmd == nil {
		t.Fatal("expected a message")
	}
	return cmd()
}

func TestEntitiesGroupedByKind(t *testing.T) {
	seed := testbriefs.Seed(t)
	m := NewEntities(theme.New(true))
	m.SetSize(40, 60)
	m.SetArticle(seed)
	view := ansi.Strip(m.View())
	// Kinds in model.Kinds order, each heading before its entities.
	last := -1
	for _, want := range []string{"People", "Lavrov ×3", "Countries", "Russia ×", "Places", "Moscow ×5", "Organisations", "Kremlin ×1", "Nationalities", "American ×1"} {
		i := strings.Index(view, want)
		if i < 0 {
			t.Fatalf("pane lacks %q:\n%s", want, view)
		}
		if i < last {
			t.Fatalf("%q is out of order:\n%s", want, view)
		}
		last = i
	}
	if strings.Contains(view, "also ") {
		t.Fatal("aliases shown before they were asked for")
	}
	// The cursor starts on the first person; j moves it and announces the entity.
	first := m.SelectedID()
	if e := seed.EntityByID(first); e == nil || e.Kind != model.KindPerson {
		t.Fatalf("cursor starts on %q, want the first person", first)
	}
	m, _ = m.Update(press("j"))
	if id := m.SelectedID(); id == first || seed.EntityByID(id) == nil {
		t.Fatalf("j left the cursor on %q", id)
	}
	// a shows the other forms of each name.
	if !m.Select(model.EntityID(model.KindCountry, "United States")) {
		t.Fatal("cannot select United States")
	}
	m, _ = m.Update(press("a"))
	view = strings.ReplaceAll(ansi.Strip(m.View()), "▌", " ") // the selection's bar
	if !strings.Contains(strings.Join(strings.Fields(view), " "), "also United States of America, US, U.S.") {
		t.Fatalf("aliases not shown:\n%s", view)
	}
	if m.SelectedID() != model.EntityID(model.KindCountry, "United States") {
		t.Fatal("showing aliases moved the cursor")
	}
	// Enter asks for the briefs naming it; n and N step through its mentions.
	if got := msgOf(t, second(m.Update(press("enter")))); got != (EntitySearchMsg{ID: "country:united-states", Name: "United States"}) {
		t.Fatalf("enter gave %#v", got)
	}
	us := model.EntityID(model.KindCountry, "United States")
	for k, want := range map[string]int{"n": 1, "N": -1} {
		if got := msgOf(t, second(m.Update(press(k)))); got != (MentionStep{ArticleID: m.ArticleID(), ID: us, Delta: want}) {
			t.Fatalf("%s gave %#v, want a step of %d through %s", k, got, want, us)
		}
	}
	if _, cmd := m.Update(press("x")); cmd != nil {
		t.Fatalf("x gave %#v", cmd())
	}
	// Moving the cursor says what it is on now; a key that does not move it says nothing.
	next, cmd := m.Update(press("j"))
	if got, want := msgOf(t, cmd), (EntitySelected{ArticleID: m.ArticleID(), ID: next.SelectedID()}); got != want || want.ID == us {
		t.Fatalf("j gave %#v, want %#v (a new entity)", got, want)
	}
	if _, cmd := next.Update(press("a")); cmd != nil {
		t.Fatalf("a (aliases) gave %#v", cmd())
	}
}

func second[A, B any](_ A, b B) B { return b }

func TestEntitiesScrollWithCursor(t *testing.T) {
	m := NewEntities(theme.New(false))
	m.SetSize(30, 4)
	m.SetArticle(testbriefs.Seed(t))
	m, _ = m.Update(press("G"))
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "American") && !strings.Contains(view, "Russian") && !strings.Contains(view, "Syrian") {
		t.Fatalf("G did not scroll to the last entity:\n%s", view)
	}
	if n := strings.Count(view, "\n") + 1; n != 4 {
		t.Fatalf("view is %d lines, want 4", n)
	}
	m, _ = m.Update(press("g"))
	if !strings.Contains(ansi.Strip(m.View()), "People") {
		t.Fatal("g did not scroll back to the top with its heading")
	}
}

func TestQuotesInReadingOrderWithSpeakers(t *testing.T) {
	a := testbriefs.MustLoad(t)[1]
	testbriefs.Annotate(&a, []testbriefs.Spec{{Name: "Lina Roos", Kind: model.KindPerson}, {Name: "Per Aasen", Kind: model.KindPerson}})
	a.Quotes[1].SpeakerRole = "Norland's envoy"
	m := NewQuotes(theme.New(true))
	m.SetSize(50, 20)
	m.SetArticle(a)
	view := ansi.Strip(m.View())
	i1 := strings.Index(view, "“Two days is nothing")
	i2 := strings.Index(view, "— Lina Roos")
	i3 := strings.Index(view, "“tonight, tomorrow")
	i4 := strings.Index(view, "— Per Aasen, Norland's envoy")
	if i1 < 0 || i2 < i1 || i3 < i2 || i4 < i3 {
		t.Fatalf("quotes not in reading order with speakers:\n%s", view)
	}
	if m.Selected() != 0 {
		t.Fatalf("cursor on quote %d, want 0", m.Selected())
	}
	m, cmd := m.Update(press("j"))
	if m.Selected() != 1 {
		t.Fatalf("j: cursor on quote %d, want 1", m.Selected())
	}
	if got := msgOf(t, cmd); got != (QuoteSelected{ArticleID: a.ID, Index: 1}) {
		t.Fatalf("j gave %#v", got)
	}
	m, cmd = m.Update(press("j"))
	if m.Selected() != 1 {
		t.Fatalf("j on the last quote moved to %d", m.Selected())
	}
	if cmd != nil {
		t.Fatalf("j on the last quote gave %#v", cmd())
	}
}

func TestEmptyPanes(t *testing.T) {
	e := NewEntities(theme.New(true))
	e.SetSize(20, 3)
	e.SetArticle(model.Article{ID: "x", Title: "Nothing here"})
	if !strings.Contains(ansi.Strip(e.View()), "No entities") || e.SelectedID() != "" {
		t.Fatalf("empty entities pane: %q", ansi.Strip(e.View()))
	}
	if _, cmd := e.Update(press("enter")); cmd != nil {
		t.Fatal("enter with no entity should do nothing")
	}
	q := NewQuotes(theme.New(true))
	q.SetSize(0, 0)
	q.SetArticle(model.Article{ID: "x"})
	if q.Selected() != -1 {
		t.Fatal("no quote to select")
	}
	_ = q.View()
}

// The selected row carries a bar that needs no colour (NO_COLOR), and a
// selected quote shows whole while the others are cut (issue 20, defects
// 6 and 8).
func TestSelectionBarAndWholeQuote(t *testing.T) {
	long := strings.Repeat("the envoys will return to the table next week and ", 4) + "then decide"
	art := model.Article{ID: "x", Title: "T", Body: long, Quotes: []model.Quote{
		{Text: long, Speaker: "Irena Valk"}, {Text: long, Speaker: "Tomas Oddsen"},
	}}
	m := NewQuotes(theme.New(true))
	m.SetSize(30, 40)
	m.SetArticle(art)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "▌ 1") || strings.Contains(view, "▌ 2") {
		t.Fatalf("the first quote is not marked with a bar:\n%s", view)
	}
	if !strings.Contains(view, "then decide") || strings.Count(view, "then decide") != 1 {
		t.Fatalf("the selected quote is not whole, or the other not cut:\n%s", view)
	}
	for _, l := range strings.Split(view, "\n") {
		for _, w := range strings.Fields(strings.Trim(l, "▌ “”…")) {
			if !strings.Contains(long+" Irena Valk Tomas Oddsen — 1 2", strings.Trim(w, "“”…,")) {
				t.Errorf("a word cut in the middle: %q in %q", w, l)
			}
		}
	}
	m, _ = m.Update(press("j"))
	if view := ansi.Strip(m.View()); !strings.Contains(view, "▌ 2") || strings.Contains(view, "▌ 1") {
		t.Fatalf("j did not move the bar:\n%s", view)
	}
}

// TestQuotesUnsureSpeakerDimmed checks that a speaker under
// model.LowSpeakerConfidence shows with a "?", and a sure one without.
func TestQuotesUnsureSpeakerDimmed(t *testing.T) {
	a := testbriefs.MustLoad(t)[1]
	testbriefs.Annotate(&a, []testbriefs.Spec{{Name: "Lina Roos", Kind: model.KindPerson}, {Name: "Per Aasen", Kind: model.KindPerson}})
	a.Quotes[0].SpeakerConfidence = 0.95
	a.Quotes[1].SpeakerConfidence = 0.3
	m := NewQuotes(theme.New(true))
	m.SetSize(50, 20)
	m.SetArticle(a)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "— Per Aasen?") || strings.Contains(view, "— Lina Roos?") {
		t.Fatalf("the unsure speaker is not marked with ? (or the sure one is):\n%s", view)
	}
}

// TestTallQuoteShowsItsStart: in a pane shorter than the selected quote
// (20x5 leaves it three lines) the quote shows from its first line, with
// its number and opening mark, never a cut piece of its middle.
func TestTallQuoteShowsItsStart(t *testing.T) {
	a := testbriefs.MustLoad(t)[1]
	testbriefs.Annotate(&a, []testbriefs.Spec{{Name: "Lina Roos", Kind: model.KindPerson}, {Name: "Per Aasen", Kind: model.KindPerson}})
	m := NewQuotes(theme.New(true))
	m.SetSize(16, 3)
	m.SetArticle(a)
	for _, k := range []string{"", "j", "k"} {
		if k != "" {
			m, _ = m.Update(press(k))
		}
		view := ansi.Strip(m.View())
		first := strings.Split(view, "\n")[0]
		if !strings.HasPrefix(first, "▌") || !strings.Contains(first, "“") {
			t.Fatalf("after %q the pane does not start with the selected quote's first line:\n%s", k, view)
		}
	}
}
