package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/ui/internal/testbriefs"
)

// colOf is the screen column where s starts on row y (-1: not there).
func colOf(a App, y int, s string) int {
	lines := strings.Split(screen(a), "\n")
	if y < 0 || y >= len(lines) {
		return -1
	}
	i := strings.Index(lines[y], s)
	if i < 0 {
		return -1
	}
	return len([]rune(lines[y][:i]))
}

// A click on a row of a side pane selects it, gives the pane the focus and
// shows the selection in the reader; a click on a heading or the border
// changes nothing. Both panes at 200 columns, the tabbed one at 100.
func TestMouseClickSelectsAPaneRow(t *testing.T) {
	for _, w := range []int{200, 100} {
		a := sized(t, w, 30, seedFirst(t))
		a, _ = keys(t, a, "enter")
		y := rowOf(a, "Lavrov ×")
		x := colOf(a, y, "Lavrov ×")
		if y < 0 || x < 0 {
			t.Fatalf("%d: Lavrov not in the pane:\n%s", w, screen(a))
		}
		a, _ = step(t, a, leftClick(x, y))
		sel := a.entities.SelectedID()
		open, _ := a.reader.Article()
		if e := open.EntityByID(sel); e == nil || e.Name != "Lavrov" || a.focus != focusEntities {
			t.Fatalf("%d: a click on Lavrov selected %q, focus %d", w, sel, a.focus)
		}
		if got := a.reader.Selection().Entity; got != sel {
			t.Fatalf("%d: the reader selects %q, the pane %q", w, got, sel)
		}
		head := rowOf(a, "Countries 3")
		a, _ = step(t, a, leftClick(colOf(a, head, "Countries"), head))
		if a.entities.SelectedID() != sel {
			t.Fatalf("%d: a click on a heading selected %q", w, a.entities.SelectedID())
		}
	}
	a := sized(t, 200, 30, seedFirst(t))
	a, _ = keys(t, a, "enter")
	y := rowOf(a, "“things will work out fine”")
	a, _ = step(t, a, leftClick(colOf(a, y, "“things"), y))
	if a.quotes.Selected() != 2 || a.focus != focusQuotes || a.reader.Selection().Quote != 2 {
		t.Fatalf("a click on the third quote: pane %d, reader %d, focus %d", a.quotes.Selected(), a.reader.Selection().Quote, a.focus)
	}
}

// The wheel over a side pane scrolls it and leaves its selection; over the
// list it moves the list's cursor, over the brief it scrolls the brief.
func TestMouseWheelInThePanes(t *testing.T) {
	a := sized(t, 100, 16, seedFirst(t))
	a, _ = keys(t, a, "enter")
	r := a.regions()
	x := r.readerW + 5
	sel := a.entities.SelectedID()
	if !strings.Contains(screen(a), "People") {
		t.Fatalf("the pane's first heading is not shown:\n%s", screen(a))
	}
	a, _ = step(t, a, tea.MouseWheelMsg{X: x, Y: 5, Button: tea.MouseWheelDown})
	if strings.Contains(screen(a), "People") || !strings.Contains(screen(a), "Lavrov") {
		t.Fatalf("the wheel did not scroll the pane by a few lines:\n%s", screen(a))
	}
	if a.entities.SelectedID() != sel || a.focus != focusReader {
		t.Fatalf("the wheel changed the selection to %q, focus %d", a.entities.SelectedID(), a.focus)
	}
	for range 20 {
		a, _ = step(t, a, tea.MouseWheelMsg{X: x, Y: 5, Button: tea.MouseWheelDown})
	}
	if !strings.Contains(screen(a), "Russian ×") {
		t.Fatalf("the wheel did not reach the pane's end:\n%s", screen(a))
	}
	for range 20 {
		a, _ = step(t, a, tea.MouseWheelMsg{X: x, Y: 5, Button: tea.MouseWheelUp})
	}
	if !strings.Contains(screen(a), "People") {
		t.Fatalf("the wheel up did not come back to the top:\n%s", screen(a))
	}
	if y := a.reader.YOffset(); y != 0 {
		t.Fatalf("the wheel over the pane scrolled the brief to %d", y)
	}
}

// At 20x5 no blank line stands between two briefs: two fit, not one (issue
// 20), and a click still finds the brief under it.
func TestTwoBriefsAtTwentyByFive(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	a := started(t, 20, 5, arts, Options{})
	first, second := rowOf(a, arts[0].Title[:10]), rowOf(a, arts[1].Title[:10])
	if first < 0 || second < 0 {
		t.Fatalf("two briefs do not fit at 20x5:\n%s", screen(a))
	}
	a, _ = step(t, a, leftClick(4, second+1)) // its second line
	if sel, _ := a.list.Selected(); sel.ID != arts[1].ID {
		t.Fatalf("a click on the second brief selected %q:\n%s", sel.Title, screen(a))
	}
}
