package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/model"
	"briefs/ui/internal/testbriefs"
)

// ctrl+f and ctrl+b page the reader down and up, as in vim and less.
func TestReaderCtrlFAndCtrlB(t *testing.T) {
	a := sized(t, 80, 16, seedFirst(t))
	a, _ = keys(t, a, "enter")
	const opening = "The US ambassador however added"
	if !strings.Contains(screen(a), opening) {
		t.Fatalf("the seed's opening is not shown:\n%s", screen(a))
	}
	a, _ = step(t, a, ctrl('f'))
	if strings.Contains(screen(a), opening) {
		t.Fatalf("ctrl+f did not page down:\n%s", screen(a))
	}
	a, _ = step(t, a, ctrl('b'))
	if !strings.Contains(screen(a), opening) {
		t.Fatalf("ctrl+b did not page back up:\n%s", screen(a))
	}
}

// rowOf is the screen row whose text holds s (-1: none).
func rowOf(a App, s string) int {
	for i, l := range strings.Split(screen(a), "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

func leftClick(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

// A click on a brief in the list selects it; a click on the selected brief
// opens it, and so does a double click; a click between briefs or on the
// list's title does nothing.
func TestMouseClicksInTheList(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	a := started(t, 100, 30, arts, Options{})
	second := rowOf(a, arts[1].Title[:20])
	if second < 0 {
		t.Fatalf("%q not on screen:\n%s", arts[1].Title, screen(a))
	}
	a, _ = step(t, a, leftClick(4, second))
	if sel, _ := a.list.Selected(); sel.ID != arts[1].ID || a.focus != focusList {
		t.Fatalf("a click on the second brief selected %q (focus %d)", sel.Title, a.focus)
	}
	a, _ = step(t, a, leftClick(4, second+1)) // its second line: the same brief
	if got, _ := a.reader.Article(); a.focus != focusReader || got.ID != arts[1].ID {
		t.Fatalf("a click on the selected brief did not open it: focus %d, %q", a.focus, got.Title)
	}
	a, _ = keys(t, a, "esc")
	third := rowOf(a, arts[2].Title[:20])
	a, _ = step(t, a, leftClick(4, third))
	a, _ = step(t, a, leftClick(4, third))
	if got, _ := a.reader.Article(); a.focus != focusReader || got.ID != arts[2].ID {
		t.Fatalf("a double click did not open the third brief: focus %d, %q", a.focus, got.Title)
	}
	a, _ = keys(t, a, "esc")
	before, _ := a.list.Selected()
	for _, y := range []int{0, third + 2, 29} { // the title, the blank line under a brief, the help bar
		a, _ = step(t, a, leftClick(4, y))
		if sel, _ := a.list.Selected(); sel.ID != before.ID || a.focus != focusList {
			t.Fatalf("a click on row %d selected %q (focus %d)", y, sel.Title, a.focus)
		}
	}
}

// A count before j or k moves that many times, in the list and the reader
// ("2j", "12j"); a count before another key is dropped.
func TestCounts(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	a := started(t, 100, 30, arts, Options{})
	a, _ = keys(t, a, "2", "j")
	if sel, _ := a.list.Selected(); sel.ID != arts[2].ID {
		t.Fatalf("2j selected %q, want the third brief", sel.Title)
	}
	a, _ = keys(t, a, "2", "k")
	if sel, _ := a.list.Selected(); sel.ID != arts[0].ID {
		t.Fatalf("2k selected %q, want the first brief", sel.Title)
	}
	a, _ = keys(t, a, "3", "*", "j")
	if sel, _ := a.list.Selected(); sel.ID != arts[1].ID {
		t.Fatalf("a count before * was kept: j selected %q", sel.Title)
	}

	seed := seedFirst(t)
	b := sized(t, 80, 16, seed)
	c := sized(t, 80, 16, seed)
	b, _ = keys(t, b, "enter", "1", "2", "j")
	c, _ = keys(t, c, "enter")
	for range 12 {
		c, _ = keys(t, c, "j")
	}
	if screen(b) != screen(c) {
		t.Fatalf("12j in the reader:\n%s\nis not j twelve times:\n%s", screen(b), screen(c))
	}
	if d, _ := keys(t, c, "k"); screen(d) == screen(c) {
		t.Fatal("the reader did not scroll at all")
	}
}

// H and M select the first and the middle brief of the page shown, as vim
// does on the screen (L stays the links key); they are in ? and in the
// config's key maps.
func TestListHAndM(t *testing.T) {
	var arts []model.Article
	for i := range 14 {
		arts = append(arts, testbriefs.Parse(fmt.Sprintf("Harbour bulletin number %02d from Valletta\n\nPilots in the port reported %d ships waiting on the morning tide.", i, i+3)))
	}
	a := started(t, 80, 20, arts, Options{})
	a, _ = keys(t, a, "l", "j") // the second page
	var shown []string
	for _, art := range arts {
		if rowOf(a, art.Title) >= 0 {
			shown = append(shown, art.ID)
		}
	}
	if len(shown) < 3 || shown[0] == arts[0].ID {
		t.Fatalf("the last page shows %d briefs, from the first: the test proves nothing:\n%s", len(shown), screen(a))
	}
	a, _ = keys(t, a, "H")
	if sel, _ := a.list.Selected(); sel.ID != shown[0] {
		t.Fatalf("H selected %q, want the page's first brief:\n%s", sel.Title, screen(a))
	}
	a, _ = keys(t, a, "M")
	if sel, _ := a.list.Selected(); sel.ID != shown[(len(shown)-1)/2] {
		t.Fatalf("M selected %q, want the page's middle brief:\n%s", sel.Title, screen(a))
	}
	a, _ = keys(t, a, "?")
	if s := screen(a); !strings.Contains(s, "top of the page") || !strings.Contains(s, "middle of the page") {
		t.Fatalf("? lacks H and M:\n%s", s)
	}
}
