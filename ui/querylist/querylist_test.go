package querylist

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func press(code rune, text string) tea.KeyPressMsg { return tea.KeyPressMsg{Code: code, Text: text} }

var (
	down   = tea.KeyPressMsg{Code: tea.KeyDown}
	up     = tea.KeyPressMsg{Code: tea.KeyUp}
	pgDown = tea.KeyPressMsg{Code: tea.KeyPgDown}
	pgUp   = tea.KeyPressMsg{Code: tea.KeyPgUp}
	enter  = tea.KeyPressMsg{Code: tea.KeyEnter}
)

func newList(n, vis int) Model {
	m := New("find: ", "a word")
	m.SetVirtualCursor(false)
	m.SetVisible(vis)
	m.SetLen(n)
	return m
}

// TestCursorAndWindow: the keys move the cursor within the rows, the
// window follows it and stays full, and each key says whether it moved.
func TestCursorAndWindow(t *testing.T) {
	cases := []struct {
		name             string
		n, vis           int
		keys             []tea.KeyPressMsg
		cursor, from, to int
		last             Event
	}{
		{"down twice", 10, 4, []tea.KeyPressMsg{down, down}, 2, 0, 4, Moved},
		{"past the window", 10, 4, []tea.KeyPressMsg{down, down, down, down, down}, 5, 2, 6, Moved},
		{"up at the top", 10, 4, []tea.KeyPressMsg{up}, 0, 0, 4, None},
		{"page down", 10, 4, []tea.KeyPressMsg{pgDown}, 4, 1, 5, Moved},
		{"page down to the end", 10, 4, []tea.KeyPressMsg{pgDown, pgDown, pgDown}, 9, 6, 10, Moved},
		{"down at the end", 3, 4, []tea.KeyPressMsg{down, down, down}, 2, 0, 3, None},
		{"page up back", 10, 4, []tea.KeyPressMsg{pgDown, pgDown, pgUp}, 4, 4, 8, Moved},
		{"enter opens", 10, 4, []tea.KeyPressMsg{down, enter}, 1, 0, 4, Open},
	}
	for _, c := range cases {
		m := newList(c.n, c.vis)
		var ev Event
		for _, k := range c.keys {
			m, ev, _ = m.Update(k)
		}
		from, to := m.Window()
		if m.Cursor() != c.cursor || from != c.from || to != c.to || ev != c.last {
			t.Errorf("%s: cursor %d window [%d,%d) event %d, want %d [%d,%d) %d", c.name, m.Cursor(), from, to, ev, c.cursor, c.from, c.to, c.last)
		}
		if m.Query() != "" {
			t.Errorf("%s: a list key typed %q", c.name, m.Query())
		}
	}
}

// TestEmptyList: with no rows the list's keys are off (help says nothing
// of them), Enter opens nothing and the arrows move nothing.
func TestEmptyList(t *testing.T) {
	m := newList(0, 5)
	if m.KeyMap().Open.Enabled() || m.KeyMap().Down.Enabled() || m.Selected() {
		t.Fatal("an empty list offers to open or move")
	}
	for _, k := range []tea.KeyPressMsg{enter, down, pgDown} {
		if _, ev, _ := m.Update(k); ev != None {
			t.Errorf("%v on an empty list gave event %d", k, ev)
		}
	}
	m.SetLen(2)
	if !m.KeyMap().Open.Enabled() || !m.Selected() {
		t.Fatal("rows came but the list's keys stay off")
	}
}

// TestTypingEdits: letters and backspace go to the query line and say so;
// the cursor stays where it was until the owner lists the rows again.
func TestTypingEdits(t *testing.T) {
	m := newList(10, 4)
	m, _, _ = m.Update(down)
	var ev Event
	for _, r := range "sanc" {
		m, ev, _ = m.Update(press(r, string(r)))
		if ev != Edited {
			t.Fatalf("typing %q gave event %d", r, ev)
		}
	}
	if m.Query() != "sanc" {
		t.Fatalf("query %q", m.Query())
	}
	if m.Cursor() != 1 {
		t.Fatalf("typing moved the cursor to %d: the owner decides where it goes", m.Cursor())
	}
	m, ev, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	if ev != Edited || m.Query() != "san" {
		t.Fatalf("backspace gave %d, query %q", ev, m.Query())
	}
	m.Blur()
	if m.Typing() {
		t.Fatal("blurred but typing")
	}
}

// TestRowsShrink: when the rows shrink under the cursor it comes back to
// the last one, and the window fills the screen again.
func TestRowsShrink(t *testing.T) {
	m := newList(20, 5)
	m.Select(18)
	m.SetLen(6)
	from, to := m.Window()
	if m.Cursor() != 5 || from != 1 || to != 6 {
		t.Fatalf("cursor %d window [%d,%d), want 5 [1,6)", m.Cursor(), from, to)
	}
	m.SetVisible(10)
	if from, to = m.Window(); from != 0 || to != 6 {
		t.Fatalf("a taller screen shows [%d,%d), want [0,6)", from, to)
	}
}
