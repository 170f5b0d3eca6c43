package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/model"
	"briefs/ui/internal/testbriefs"
	"briefs/ui/sidepane"
)

// seedFirst is the seed, marked by hand, followed by the fiction briefs.
func seedFirst(t *testing.T) []model.Article {
	return append([]model.Article{testbriefs.Seed(t)}, testbriefs.MustLoad(t)...)
}

func TestLayoutFollowsWidth(t *testing.T) {
	arts := seedFirst(t)
	cases := []struct {
		w, h       int
		want, not  []string
		afterTabs  int
		wantAfter  []string
		notAfter   []string
		focusAfter focus
	}{
		{w: 200, h: 50, want: []string{"Briefs", "The US ambassador", "Entities", "Quotes", "Lavrov ×3", "“not enough”"},
			afterTabs: 2, wantAfter: []string{"Briefs", "The US ambassador", "Entities", "Quotes"}, focusAfter: focusQuotes},
		{w: 120, h: 40, want: []string{"The US ambassador", "Entities | Quotes", "Lavrov ×3"}, not: []string{"Briefs", "“not enough”"},
			afterTabs: 2, wantAfter: []string{"The US ambassador", "“not enough”"}, notAfter: []string{"Lavrov ×3"}, focusAfter: focusQuotes},
		{w: 80, h: 24, want: []string{"The US ambassador"}, not: []string{"Entities", "Briefs"},
			afterTabs: 1, wantAfter: []string{"Lavrov ×3"}, notAfter: []string{"The US ambassador"}, focusAfter: focusEntities},
	}
	for _, c := range cases {
		a := sized(t, c.w, c.h, arts)
		a, _ = keys(t, a, "enter")
		s := screen(a)
		for _, w := range c.want {
			if !strings.Contains(s, w) {
				t.Errorf("%dx%d: screen lacks %q:\n%s", c.w, c.h, w, s)
			}
		}
		for _, w := range c.not {
			if strings.Contains(s, w) {
				t.Errorf("%dx%d: screen shows %q:\n%s", c.w, c.h, w, s)
			}
		}
		for range c.afterTabs {
			a, _ = keys(t, a, "tab")
		}
		if a.focus != c.focusAfter {
			t.Errorf("%dx%d: focus %d after %d tabs, want %d", c.w, c.h, a.focus, c.afterTabs, c.focusAfter)
		}
		s = screen(a)
		for _, w := range c.wantAfter {
			if !strings.Contains(s, w) {
				t.Errorf("%dx%d after tabs: screen lacks %q:\n%s", c.w, c.h, w, s)
			}
		}
		for _, w := range c.notAfter {
			if strings.Contains(s, w) {
				t.Errorf("%dx%d after tabs: screen shows %q:\n%s", c.w, c.h, w, s)
			}
		}
		for _, l := range strings.Split(s, "\n") {
			if len([]rune(l)) > c.w+8 { // rough: wide runes count once here
				t.Errorf("%dx%d: line too long: %q", c.w, c.h, l)
			}
		}
	}
}

func TestFocusCycles(t *testing.T) {
	a := sized(t, 200, 50, seedFirst(t))
	a, _ = keys(t, a, "tab")
	if a.focus != focusList {
		t.Fatal("tab with no brief open should stay on the list")
	}
	a, _ = keys(t, a, "enter")
	want := []focus{focusEntities, focusQuotes, focusList, focusReader}
	for i, f := range want {
		a, _ = keys(t, a, "tab")
		if a.focus != f {
			t.Fatalf("tab %d: focus %d, want %d", i+1, a.focus, f)
		}
	}
	for i := len(want) - 2; i >= 0; i-- {
		a, _ = keys(t, a, "shift+tab")
		if a.focus != want[i] {
			t.Fatalf("shift+tab: focus %d, want %d", a.focus, want[i])
		}
	}
}

func TestPanesDriveTheReader(t *testing.T) {
	seed := testbriefs.Seed(t)
	a := sized(t, 120, 40, seedFirst(t))
	a, _ = keys(t, a, "enter", "e")
	if a.focus != focusEntities {
		t.Fatal("e did not focus the entities pane")
	}
	// People by mention count, then name: Bashar al-Assad, Tillerson, Donald Trump, Lavrov.
	a, _ = keys(t, a, "j", "j", "j")
	lavrov := model.EntityID(model.KindPerson, "Lavrov")
	if got := a.reader.Selection().Entity; got != lavrov {
		t.Fatalf("reader shows %q selected, want Lavrov", got)
	}
	a, _ = keys(t, a, "n", "n")
	if got := a.reader.Selection().Mention; got != 1 {
		t.Fatalf("n n from the pane: mention %d, want 1", got)
	}
	if s := screen(a); !strings.Contains(s, "Lavrov: mention 2 of 3") {
		t.Fatalf("status does not follow:\n%s", s)
	}

	a, _ = keys(t, a, "Q")
	if a.focus != focusQuotes || a.reader.Selection().Quote != 0 {
		t.Fatalf("Q: focus %d, quote %d; want the quotes pane on the first quote", a.focus, a.reader.Selection().Quote)
	}
	a, _ = keys(t, a, "G")
	last := len(seed.Quotes) - 1
	if got := a.reader.Selection().Quote; got != last {
		t.Fatalf("G in quotes: quote %d, want %d", got, last)
	}
	if s := screen(a); !strings.Contains(s, "standards of justice") || strings.Contains(s, "The US ambassador however") {
		t.Fatalf("the body did not scroll to the last quote:\n%s", s)
	}

	a, _ = keys(t, a, "Q")
	if a.focus != focusReader || !a.sideOff {
		t.Fatal("Q on the focused quotes pane should hide the panes and return to the reader")
	}
	if strings.Contains(screen(a), "Entities") {
		t.Fatal("panes still shown after hiding them")
	}
	a, _ = keys(t, a, "tab", "tab")
	if a.focus != focusReader {
		t.Fatalf("with panes hidden tab should cycle list and reader only; focus %d", a.focus)
	}
	a, _ = keys(t, a, "e")
	if a.focus != focusEntities || a.sideOff {
		t.Fatal("e should show the panes again")
	}
	a, _ = keys(t, a, "esc")
	if a.focus != focusReader {
		t.Fatal("esc in a pane should return to the reader")
	}
}

func TestEnterOnEntityFiltersList(t *testing.T) {
	a := sized(t, 120, 40, seedFirst(t))
	a, _ = keys(t, a, "enter", "e", "j", "j", "j", "enter")
	if a.focus != focusList {
		t.Fatal("enter on an entity should go to the list of briefs naming it")
	}
	s := screen(a)
	if !strings.Contains(s, "Lavrov") || !strings.Contains(s, "US and Russia struggle") || strings.Contains(s, "Envoys agree on harbour") {
		t.Fatalf("list not filtered to the briefs naming Lavrov:\n%s", s)
	}
}

func TestMouseWheelScrollsTheBriefUnderThePointer(t *testing.T) {
	a := sized(t, 200, 30, seedFirst(t))
	a, _ = keys(t, a, "enter", "tab", "tab", "tab") // focus back on the list
	if a.focus != focusList {
		t.Fatalf("focus %d, want the list", a.focus)
	}
	r := a.regions()
	a, _ = step(t, a, tea.MouseWheelMsg{X: r.listW + 5, Y: 3, Button: tea.MouseWheelDown})
	if y := a.reader.YOffset(); y != 3 {
		t.Fatalf("wheel over the brief: top line %d, want 3", y)
	}
	a, _ = step(t, a, tea.MouseWheelMsg{X: 2, Y: 3, Button: tea.MouseWheelDown})
	if y := a.reader.YOffset(); y != 3 {
		t.Fatalf("wheel over the list scrolled the brief to %d", y)
	}
}

// At 80 columns the entities pane covers the reader: n shows the reader at
// the mention rather than moving it out of sight; the mouse wheel over the
// list moves its cursor (issue 20, defect 15).
func TestNarrowMentionStepShowsTheReader(t *testing.T) {
	a := sized(t, 80, 24, seedFirst(t))
	a, _ = keys(t, a, "enter", "e")
	if a.focus != focusEntities {
		t.Fatalf("e: focus %d", a.focus)
	}
	a, _ = keys(t, a, "n")
	if a.focus != focusReader || !strings.Contains(screen(a), "mention 1 of") {
		t.Fatalf("n in the narrow pane: focus %d:\n%s", a.focus, screen(a))
	}
	b := sized(t, 80, 24, seedFirst(t))
	first, _ := b.list.Selected()
	b, _ = step(t, b, tea.MouseWheelMsg{X: 5, Y: 8, Button: tea.MouseWheelDown})
	if got, _ := b.list.Selected(); got.ID == first.ID {
		t.Fatal("the wheel over the list did not move its cursor")
	}
}

// TestPaneMessagesReachTheReader: the panes tell the reader what they
// select through typed messages, which App routes; one that arrives after
// a later key moved the pane on (out of order) is dropped, so the reader
// ends on the pane's selection whatever order the messages come in.
func TestPaneMessagesReachTheReader(t *testing.T) {
	a := sized(t, 200, 50, seedFirst(t))
	a, _ = keys(t, a, "enter", "e", "j")
	open, _ := a.reader.Article()
	first := a.entities.SelectedID()
	if got := a.reader.Selection().Entity; got != first || first == "" {
		t.Fatalf("reader selects %q, the pane %q", got, first)
	}
	// j moves the pane on, but its message is held back: the one before arrives late.
	var cmd tea.Cmd
	a.entities, cmd = a.entities.Update(press("j"))
	late := sidepane.EntitySelected{ArticleID: open.ID, ID: first}
	a, _ = step(t, a, cmd())
	second := a.entities.SelectedID()
	a, _ = step(t, a, late)
	if got := a.reader.Selection().Entity; got != second || second == first {
		t.Fatalf("after a late message the reader selects %q, the pane %q", got, second)
	}
	// a mention step names its entity: the reader steps through that one's mentions
	a, _ = step(t, a, sidepane.MentionStep{ArticleID: open.ID, ID: second, Delta: 1})
	if sel := a.reader.Selection(); sel.Entity != second || sel.Mention != 0 {
		t.Fatalf("after a step the reader has %+v, want the first mention of %q", sel, second)
	}
	// and one for an entity the pane has left is dropped
	a, _ = step(t, a, sidepane.MentionStep{ArticleID: open.ID, ID: first, Delta: 1})
	if sel := a.reader.Selection(); sel.Entity != second || sel.Mention != 0 {
		t.Fatalf("a stale step moved the reader to %+v", sel)
	}
	// the quotes pane likewise; a message for another brief is dropped
	a, _ = keys(t, a, "Q", "j")
	if got, want := a.reader.Selection().Quote, a.quotes.Selected(); got != want || want != 1 {
		t.Fatalf("reader selects quote %d, the pane %d", got, want)
	}
	a, _ = step(t, a, sidepane.QuoteSelected{ArticleID: "another brief", Index: 1 - a.quotes.Selected()})
	if got := a.reader.Selection().Quote; got != 1 {
		t.Fatalf("a message for another brief moved the reader to quote %d", got)
	}
}
