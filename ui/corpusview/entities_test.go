package corpusview

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/articles/index"
	"briefs/model"
)

func newEntities(t *testing.T, src Source, w, h int) EntitiesView {
	t.Helper()
	m := NewEntities(src, testStyles())
	m.list.SetVirtualCursor(false) // no blink commands
	m.SetSize(w, h)
	return m
}

func entityIDs(m EntitiesView) []string {
	var ids []string
	for _, e := range m.Entities() {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestEntitiesListEveryKindWithCounts(t *testing.T) {
	m := newEntities(t, testIndex(t), 80, 24)
	if got := len(m.Entities()); got != 6 {
		t.Fatalf("%d entities listed, want 6: %v", got, entityIDs(m))
	}
	if first := m.Entities()[0]; first.ID != oslo.ID || first.Articles != 3 {
		t.Errorf("first entity %s in %d briefs, want Oslo in 3 (most briefs first)", first.ID, first.Articles)
	}
	s := screen(m)
	for _, want := range []string{"all 6", "people 2", "countries 2", "places 1", "6 entities", "briefs", "mentions",
		"Anton Belov", "Northern Fleet Board", "often named with"} {
		if !strings.Contains(s, want) {
			t.Errorf("view lacks %q:\n%s", want, s)
		}
	}
	// Oslo: named in 3 briefs, 3 mentions
	var osloRow string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "▌ Oslo") {
			osloRow = l
		}
	}
	if f := strings.Fields(osloRow); len(f) < 3 || f[len(f)-2] != "3" || f[len(f)-1] != "3" || f[len(f)-3] != "place" {
		t.Errorf("Oslo row %q, want place, 3 briefs and 3 mentions", osloRow)
	}
	checkFits(t, m.View(), 80, 24)
}

func TestEntitiesKindTabsCycle(t *testing.T) {
	m := newEntities(t, testIndex(t), 80, 24)
	m, _ = press(m, tea.KeyPressMsg{Code: tea.KeyTab})
	if m.Kind() != model.KindPerson {
		t.Fatalf("tab went to kind %q, want person", m.Kind())
	}
	if ids := entityIDs(m); !slices.Equal(ids, []string{belov.ID, lind.ID}) {
		t.Errorf("people listed: %v", ids)
	}
	if s := screen(m); strings.Contains(s, "Northern Fleet Board") {
		t.Errorf("the people tab shows an organization:\n%s", s)
	}
	m, _ = press(m, tea.KeyPressMsg{Code: tea.KeyTab})
	if ids := entityIDs(m); !slices.Equal(ids, []string{norway.ID, russia.ID}) && !slices.Equal(ids, []string{russia.ID, norway.ID}) {
		t.Errorf("countries listed: %v", ids)
	}
	// back past "all" wraps round to "other"
	m, _ = press(m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	m, _ = press(m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	m, _ = press(m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if m.Kind() != model.KindOther || len(m.Entities()) != 0 {
		t.Errorf("shift+tab three times from countries: kind %q with %d entities", m.Kind(), len(m.Entities()))
	}
	if m.list.KeyMap().Open.Enabled() {
		t.Error("enter is offered on an empty list")
	}
	if _, out := press(m, keyOf(tea.KeyEnter)); len(out) != 0 {
		t.Errorf("enter on an empty list sent %v", out)
	}
}

func TestEntitiesFilterNarrows(t *testing.T) {
	for _, tc := range []struct {
		typed string
		want  []string
	}{
		{"lind", []string{lind.ID}},
		{"russian federation", []string{russia.ID}}, // an alias
		{"OSLO", []string{oslo.ID}},                 // case
		{"Ösló", []string{oslo.ID}},                 // accents
		{"or", []string{norway.ID, fleet.ID}},       // a form starting with the filter first
		{"belov anton", []string{belov.ID}},         // words in any order
	} {
		m := newEntities(t, testIndex(t), 80, 24)
		m = typeText(m, tc.typed)
		if got := entityIDs(m); !slices.Equal(got, tc.want) {
			t.Errorf("filter %q: %v, want %v", tc.typed, got, tc.want)
		}
		if s := screen(m); !strings.Contains(s, "of 6 entities") {
			t.Errorf("filter %q: no count of the whole:\n%s", tc.typed, s)
		}
	}
}

func TestEntitiesFuzzyWhenNoNameHoldsTheFilter(t *testing.T) {
	m := newEntities(t, testIndex(t), 80, 24)
	m = typeText(m, "blv")
	if ids := entityIDs(m); len(ids) == 0 || ids[0] != belov.ID {
		t.Fatalf("close matches of blv: %v, want Anton Belov first", ids)
	}
	if s := screen(m); !strings.Contains(s, "close matches") {
		t.Errorf("the view does not say these are close matches:\n%s", s)
	}
	m = typeText(m, "qqq")
	if s := screen(m); len(m.Entities()) != 0 || !strings.Contains(s, "no entity named like") {
		t.Errorf("blvqqq still lists %v:\n%s", entityIDs(m), s)
	}
}

func TestEntitiesEnterSearchesTheSelected(t *testing.T) {
	m := newEntities(t, testIndex(t), 80, 24)
	m = typeText(m, "belov")
	m, out := press(m, keyOf(tea.KeyEnter))
	if len(out) != 1 {
		t.Fatalf("enter sent %v", out)
	}
	if got, want := out[0], (SearchEntityMsg{EntityID: belov.ID, Name: "Anton Belov"}); got != want {
		t.Errorf("enter sent %#v, want %#v", got, want)
	}
	// esc is the parent's: the view sends nothing and keeps its filter
	m, out = press(m, keyOf(tea.KeyEscape))
	if len(out) != 0 || m.Filter() != "belov" {
		t.Errorf("esc sent %v, filter now %q", out, m.Filter())
	}
}

func TestEntitiesDetailShowsAliasesAndCoOccurring(t *testing.T) {
	m := newEntities(t, testIndex(t), 80, 24)
	m = typeText(m, "anton")
	rel, ok := m.Related()
	if !ok || len(rel) != 4 || rel[0].Articles != 2 || !slices.ContainsFunc(rel[:2], func(r index.Related) bool { return r.ID == oslo.ID }) {
		t.Fatalf("named with Anton Belov: %+v, want Oslo and Norway in 2 briefs first, then Russia and Mara Lind", rel)
	}
	s := screen(m)
	for _, want := range []string{"also: Belov", "2 briefs · 3 mentions · 1 quote", "Oslo 2 briefs", "Norway 2 briefs", "Russia 1 brief"} {
		if !strings.Contains(s, want) {
			t.Errorf("detail lacks %q:\n%s", want, s)
		}
	}
	// wide: the detail goes beside the list
	m.SetSize(200, 50)
	s = screen(m)
	var beside bool
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "Anton Belov") && strings.Contains(l, "│") && strings.Contains(l, "person:anton-belov") {
			beside = true
		}
	}
	if !beside {
		t.Errorf("at 200x50 the detail is not beside the list:\n%s", s)
	}
	checkFits(t, m.View(), 200, 50)
}

func TestEntitiesAnySize(t *testing.T) {
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {5, 2}, {20, 5}, {80, 24}, {200, 50}} {
		m := newEntities(t, testIndex(t), sz[0], sz[1])
		m = typeText(m, "o")
		m, _ = press(m, keyOf(tea.KeyDown))
		checkFits(t, m.View(), sz[0], sz[1])
	}
	m := newEntities(t, testIndex(t), 20, 5)
	s := screen(m)
	if !strings.Contains(s, "Oslo") || !strings.Contains(s, "‹ all 6 ›") {
		t.Errorf("20x5 shows neither the first entity nor the kind:\n%s", s)
	}
}

func TestEntitiesLongListScrolls(t *testing.T) {
	m := newEntities(t, manyPeople(t, 60), 80, 24)
	m, _ = press(m, tea.KeyPressMsg{Code: tea.KeyTab}) // people only
	for range 40 {
		m, _ = press(m, keyOf(tea.KeyDown))
	}
	sel, _ := m.Selected()
	if sel.ID != m.Entities()[40].ID {
		t.Fatalf("40 downs selected %s", sel.ID)
	}
	if s := screen(m); !strings.Contains(s, "▌ "+sel.Name) {
		t.Errorf("the selected %s is not on screen:\n%s", sel.Name, s)
	}
	m, _ = press(m, keyOf(tea.KeyPgDown))
	m, _ = press(m, keyOf(tea.KeyPgDown))
	if sel, _ = m.Selected(); sel.ID != m.Entities()[59].ID {
		t.Errorf("page down past the end selected %s, want the last", sel.ID)
	}
	checkFits(t, m.View(), 80, 24)
}

func TestEntitiesLargeCorpusListsInACommand(t *testing.T) {
	ix := testIndex(t)
	m := NewEntities(nil, testStyles())
	m.inlineMax = 1 // every corpus counts as large
	m.SetSize(80, 24)
	if s := screen(m); !strings.Contains(s, "index is still loading") {
		t.Errorf("without a source:\n%s", s)
	}
	old := m.SetSource(ix)
	if old == nil || !m.Loading() || len(m.Entities()) != 0 {
		t.Fatal("a large corpus was listed inside Update")
	}
	if s := screen(m); !strings.Contains(s, "listing the entities") {
		t.Errorf("while listing:\n%s", s)
	}
	fresh := m.Refresh()
	// the answer to the first listing arrives late: dropped
	m, _ = m.Update(old())
	if !m.Loading() || len(m.Entities()) != 0 {
		t.Fatal("a late listing for an older generation was shown")
	}
	m, _ = settle(m, fresh)
	if m.Loading() || len(m.Entities()) != 6 {
		t.Fatalf("after the listing: loading %v, %d entities", m.Loading(), len(m.Entities()))
	}
	if _, ok := m.Related(); !ok {
		t.Error("the selected entity's co-occurring entities were not asked for")
	}
	// a large source given to the constructor is listed by Init
	m2 := NewEntities(ix, testStyles())
	m2.inlineMax = 1
	_ = m2.SetSource(ix)
	m2, _ = settle(m2, m2.Init())
	if len(m2.Entities()) != 6 {
		t.Errorf("Init listed %d entities", len(m2.Entities()))
	}
}

func TestEntitiesRefreshKeepsTheSelection(t *testing.T) {
	m := newEntities(t, testIndex(t), 80, 24)
	m, _ = press(m, keyOf(tea.KeyDown))
	m, _ = press(m, keyOf(tea.KeyDown))
	want, _ := m.Selected()
	m, _ = settle(m, m.Refresh())
	if got, _ := m.Selected(); got.ID != want.ID {
		t.Errorf("refresh moved the selection from %s to %s", want.ID, got.ID)
	}
}

// A person written by surname alone in one brief is tied to the full name:
// one row, and the detail says which ids it ties.
func TestEntitiesTiedIDsAreOneRow(t *testing.T) {
	arts := testArticles(t)
	belovS := model.Entity{ID: "person:belov", Name: "Belov", Kind: model.KindPerson, Aliases: []string{"Belov"}}
	arts = append(arts, brief(t, "Belov returns", "Belov flew home from Oslo on Friday.", "2024-06-01", []model.Entity{belovS, oslo}))
	m := newEntities(t, index.Build(arts, nil), 80, 24)
	m = typeText(m, "belov")
	if ids := entityIDs(m); len(ids) != 1 || ids[0] != belov.ID {
		t.Fatalf("belov lists %v, want Anton Belov alone", ids)
	}
	if s := screen(m); !strings.Contains(s, "tied ids: person:belov") || !strings.Contains(s, "3 briefs") {
		t.Errorf("detail lacks the tied id or the 3 briefs:\n%s", s)
	}
}
