package search

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"briefs/articles/index"
	"briefs/model"
	"briefs/ui/theme"
)

// brief builds an invented article naming the given people and places.
func brief(title, body, day string, ents ...model.Entity) model.Article {
	a := model.Article{Title: title, Body: body, ID: model.ArticleID(title, body)}
	a.Published, _ = time.Parse("2006-01-02", day)
	for _, e := range ents {
		for _, form := range e.Aliases {
			for at := 0; ; {
				k := strings.Index(body[at:], form)
				if k < 0 {
					break
				}
				e.Mentions = append(e.Mentions, model.Mention{Field: model.FieldBody, Start: at + k, End: at + k + len(form), Text: form})
				at += k + len(form)
			}
		}
		a.Entities = append(a.Entities, e)
	}
	return a
}

var (
	belov  = model.Entity{ID: "person:anton-belov", Name: "Anton Belov", Kind: model.KindPerson, Aliases: []string{"Anton Belov"}}
	belovS = model.Entity{ID: "person:belov", Name: "Belov", Kind: model.KindPerson, Aliases: []string{"Belov"}}
	russia = model.Entity{ID: "country:russia", Name: "Russia", Kind: model.KindCountry, Aliases: []string{"Russian Federation", "Russia"}}
	oslo   = model.Entity{ID: "place:oslo", Name: "Oslo", Kind: model.KindPlace, Aliases: []string{"Oslo"}}
)

func testIndex() *index.Index {
	return index.Build([]model.Article{
		brief("Belov in Oslo", "Foreign Minister Anton Belov arrived in Oslo for talks on fishing quotas.", "2024-03-01", belov, oslo),
		brief("Quota talks stall", "The Russian Federation rejected the quota plan, Belov told reporters in Oslo.", "2024-04-01", belovS, russia, oslo),
		brief("Harbour reopens", "The harbour in Oslo reopened after the storm.", "2024-05-01", oslo),
	}, nil)
}

func newModel(src Searcher) Model {
	m := New(src, testStyles())
	m.list.SetVirtualCursor(false) // no blink commands: every command is a query
	m.SetSize(80, 20)
	return m
}

// settle runs the commands a step returned and feeds their answers back.
func settle(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	for _, msg := range run(cmd) {
		m, _ = m.Update(msg)
	}
	return m
}

// run executes cmd and any batch it returns, collecting the messages.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, run(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

func typeText(t *testing.T, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		m = settle(t, m, cmd)
	}
	return m
}

func press(m Model, code rune) (Model, tea.Cmd) {
	return m.Update(tea.KeyPressMsg{Code: code})
}

func TestTypingShowsRankedHitsAndSuggestions(t *testing.T) {
	m := newModel(testIndex())
	m = typeText(t, m, "Belov")
	if m.Query() != "Belov" {
		t.Fatalf("query %q", m.Query())
	}
	if len(m.Hits()) != 2 || m.Total() != 2 {
		t.Fatalf("hits %d total %d", len(m.Hits()), m.Total())
	}
	if s := m.Suggestions(); len(s) == 0 || s[0].ID != "person:anton-belov" {
		t.Errorf("suggestions %+v", s)
	}
	v := m.View()
	for _, want := range []string{"Belov in Oslo", "Quota talks stall", "2 briefs", "Anton Belov"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "\n") + 1; n > 20 {
		t.Errorf("view has %d lines for a height of 20", n)
	}
}

func TestEnterOpensTheSelectedBriefWithItsEntity(t *testing.T) {
	ix := testIndex()
	m := newModel(ix)
	m = typeText(t, m, "Belov")
	m, _ = press(m, tea.KeyDown)
	want, _ := m.Selected()
	if want.ArticleID != m.Hits()[1].ArticleID {
		t.Fatalf("down did not move the selection")
	}
	_, cmd := press(m, tea.KeyEnter)
	if cmd == nil {
		t.Fatal("enter gave no command")
	}
	open, ok := cmd().(OpenMsg)
	if !ok || open.ArticleID != want.ArticleID {
		t.Fatalf("enter gave %#v, want article %s", open, want.ArticleID)
	}
	a, _ := ix.Article(open.ArticleID)
	if e := a.EntityByID(open.EntityID); e == nil || e.Kind != model.KindPerson {
		t.Errorf("entity %q is not a person of the opened brief", open.EntityID)
	}
	// up past the top stays on the first hit
	m, _ = press(m, tea.KeyUp)
	m, _ = press(m, tea.KeyUp)
	if h, _ := m.Selected(); h.ArticleID != m.Hits()[0].ArticleID {
		t.Error("up past the top moved off the first hit")
	}
}

func TestEnterWithoutHitsDoesNothing(t *testing.T) {
	m := newModel(testIndex())
	m = typeText(t, m, "zebra")
	if len(m.Hits()) != 0 {
		t.Fatalf("zebra matched %d", len(m.Hits()))
	}
	if _, cmd := press(m, tea.KeyEnter); cmd != nil {
		t.Errorf("enter without hits gave %#v", cmd())
	}
	if !strings.Contains(m.View(), "0 briefs") {
		t.Errorf("view:\n%s", m.View())
	}
}

func TestRefreshKeepsTheSelection(t *testing.T) {
	ix := testIndex()
	m := newModel(ix)
	m = typeText(t, m, "Oslo")
	m, _ = press(m, tea.KeyDown)
	m, _ = press(m, tea.KeyDown)
	want, _ := m.Selected()
	// a newer brief arrives and ranks first
	ix.Add(brief("Oslo Oslo Oslo", "Oslo hosts Oslo talks in Oslo.", "2025-01-01", oslo))
	m = settle(t, m, m.Refresh())
	if m.Total() != 4 {
		t.Fatalf("after refresh: %d hits", m.Total())
	}
	if got, _ := m.Selected(); got.ArticleID != want.ArticleID {
		t.Errorf("selection moved from %q to %q", want.Title, got.Title)
	}
	// a new query starts at the top
	m = typeText(t, m, " harbour")
	if got, _ := m.Selected(); got.ArticleID != m.Hits()[0].ArticleID {
		t.Error("a new query did not start at the first hit")
	}
}

func TestLateAnswersAreDropped(t *testing.T) {
	m := newModel(testIndex())
	m.list.SetQuery("Oslo")
	older := m.Refresh()
	m.list.SetQuery("harbour")
	newer := m.Refresh()
	m, _ = m.Update(newer())
	m, _ = m.Update(older())
	if m.Total() != 1 || m.Hits()[0].Title != "Harbour reopens" {
		t.Errorf("the older query's answer replaced the newer: %d hits", m.Total())
	}
}

func TestTabCompletesAndCycles(t *testing.T) {
	m := newModel(testIndex())
	m = typeText(t, m, "belo")
	var cmd tea.Cmd
	m, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyTab})
	if got := m.Query(); got != `entity:"Anton Belov" ` {
		t.Fatalf("after tab: %q", got)
	}
	m = settle(t, m, cmd)
	if m.Total() != 2 {
		t.Errorf("completed query found %d", m.Total())
	}
	m = typeText(t, m, "speaker:os")
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyTab})
	if got := m.Query(); got != `entity:"Anton Belov" speaker:"Oslo" ` {
		t.Errorf("after operator tab: %q", got)
	}
}

func TestSuggestionsFallBackToTheLastWords(t *testing.T) {
	m := newModel(testIndex())
	m = typeText(t, m, "harbour storm bel")
	if s := m.Suggestions(); len(s) == 0 || s[0].ID != "person:anton-belov" {
		t.Fatalf("suggestions %+v", s)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyTab})
	if got := m.Query(); got != `harbour storm entity:"Anton Belov" ` {
		t.Errorf("after tab: %q", got)
	}
}

func TestMalformedQueryShowsItsError(t *testing.T) {
	m := newModel(testIndex())
	m = typeText(t, m, "kind:zz")
	if m.Err() == nil || !strings.Contains(m.View(), "kind") {
		t.Errorf("err %v, view:\n%s", m.Err(), m.View())
	}
}

func TestWithoutSearcherThenWithOne(t *testing.T) {
	m := newModel(nil)
	m = typeText(t, m, "Oslo")
	if !strings.Contains(m.View(), "loading") || len(m.Hits()) != 0 {
		t.Fatalf("view before the index:\n%s", m.View())
	}
	m = settle(t, m, m.SetSearcher(testIndex()))
	if m.Total() != 3 {
		t.Errorf("after SetSearcher: %d hits", m.Total())
	}
}

func TestScrollKeepsTheCursorVisible(t *testing.T) {
	m := newModel(testIndex())
	m.SetSize(60, headerLines+linesPerHit) // room for one hit
	m = typeText(t, m, "Oslo")
	m, _ = press(m, tea.KeyDown)
	m, _ = press(m, tea.KeyDown)
	h, _ := m.Selected()
	if !strings.Contains(m.View(), h.Title) {
		t.Errorf("selected %q not in view:\n%s", h.Title, m.View())
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyPgUp})
	if h, _ := m.Selected(); h.ArticleID != m.Hits()[0].ArticleID && h.ArticleID != m.Hits()[1].ArticleID {
		t.Error("pgup did not move up")
	}
}

func TestCompletionTarget(t *testing.T) {
	cases := []struct {
		q, pattern string
		start      int
		inOp       bool
	}{
		{"", "", 0, false},
		{"sergei lav", "sergei lav", 0, false},
		{"iran AND sergei lav", "sergei lav", 9, false},
		{"a b c d", "b c d", 2, false},
		{"entity:lav", "lav", 7, true},
		{`speaker:"Sergei La`, "Sergei La", 8, true},
		{`"peace talks" lav`, "lav", 14, false},
		{"kind:pe", "", 7, false},
		{"Oslo ", "", 5, false},
	}
	for _, c := range cases {
		start, pattern, inOp := completionTarget(c.q)
		if pattern != c.pattern || pattern != "" && (start != c.start || inOp != c.inOp) {
			t.Errorf("completionTarget(%q) = %d %q %v, want %d %q %v", c.q, start, pattern, inOp, c.start, c.pattern, c.inOp)
		}
	}
}

func enabled(bs []key.Binding) int {
	n := 0
	for _, b := range bs {
		if b.Enabled() {
			n++
		}
	}
	return n
}

func TestHelpListsTheKeysThatAct(t *testing.T) {
	m := newModel(testIndex())
	if len(m.ShortHelp()) == 0 || len(m.FullHelp()) == 0 {
		t.Fatal("no help")
	}
	if n := enabled(m.ShortHelp()); n != 0 {
		t.Errorf("%d keys enabled with nothing to act on", n)
	}
	m = typeText(t, m, "oslo")
	if n := enabled(m.ShortHelp()); n != len(m.ShortHelp()) {
		t.Errorf("with hits and suggestions only %d of %d keys enabled", n, len(m.ShortHelp()))
	}
	// the parent may take Tab: completion moves to another key
	k := DefaultKeyMap()
	k.Complete = key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "complete"))
	m.SetKeyMap(k)
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyTab})
	if m.Query() != "oslo" {
		t.Errorf("tab still completes: %q", m.Query())
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl})
	if m.Query() != `entity:"Oslo" ` {
		t.Errorf("ctrl+t did not complete: %q", m.Query())
	}
	m = newModel(nil)
	if !m.Typing() {
		t.Error("a new search view should have the cursor")
	}
	m.Blur()
	if m.Typing() {
		t.Error("blurred view still typing")
	}
}

func testStyles() theme.Styles { return theme.New(true) }
