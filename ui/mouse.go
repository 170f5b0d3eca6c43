package ui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Mouse clicks in the list (issue 23): a click on a brief selects it; a
// second click on the selected brief, or a double click, opens it. (The
// wheel scrolls the list and the brief: see Update.)

// doubleClick is the longest gap between the two clicks of a double click.
const doubleClick = 400 * time.Millisecond

// lastClick is the last left click in the list: which brief, and when.
type lastClick struct {
	id string
	at time.Time
}

// click handles a mouse click: in the list's region, on a brief.
func (a *App) click(msg tea.MouseClickMsg) tea.Cmd {
	m := msg.Mouse()
	if m.Button != tea.MouseLeft || a.covered() {
		return nil
	}
	if p, row, ok := a.paneAt(m.X, m.Y); ok {
		return a.clickPane(p, row)
	}
	r := a.regions()
	if r.listW == 0 || m.X >= r.listW || m.Y >= r.h || a.list.Filtering() {
		return nil
	}
	id, ok := a.list.BriefAt(m.Y)
	if !ok {
		return nil
	}
	now := time.Now()
	prev := a.clicked
	a.clicked = lastClick{id: id, at: now}
	sel, had := a.list.SelectedID()
	again := had && sel == id && a.focus == focusList
	double := prev.id == id && now.Sub(prev.at) <= doubleClick
	if again || double {
		a.clicked = lastClick{}
		return a.open(id)
	}
	a.list.Select(id)
	if a.focus != focusList {
		return a.setFocus(focusList)
	}
	return nil
}

// covered reports whether a view covers the screen (links, feeds,
// warnings, the explain trace, a paged help) or a prompt waits: the mouse
// then does nothing under it.
func (a App) covered() bool {
	return a.links.open || a.feedsV.open || a.prompt.kind != "" || a.showWarnings || a.explain.open || a.helpPaged()
}

// paneAt finds the side pane drawn at x, y: which one, and the line of its
// rows there (row < 0 or past its rows on its border or title; ok is still
// true, for the wheel).
func (a App) paneAt(x, y int) (p focus, row int, ok bool) {
	r := a.regions()
	start := r.listW + r.readerW
	if r.listW > 0 && r.readerW > 0 {
		start++ // the column between list and reader
	}
	if r.sideW == 0 || x < start || x >= start+r.sideW || y < 0 || y >= r.h {
		return 0, -1, false
	}
	top, h := 0, r.entH
	switch {
	case r.quoH > 0 && y >= r.entH:
		p, top, h = focusQuotes, r.entH, r.quoH
	case r.quoH > 0:
		p = focusEntities
	case a.mode() == narrow:
		p = a.focus
	default:
		p = a.sideTab
	}
	head := 1 // the title line
	if h >= framedHeight {
		head = 2 // and the border over it
	}
	if _, ih := boxInner(r.sideW, h); y-top-head >= ih {
		return p, -1, true // the bottom border
	}
	return p, y - top - head, true
}

// clickPane selects the row of pane p at line row and gives the pane the focus.
func (a *App) clickPane(p focus, row int) tea.Cmd {
	if row < 0 {
		return nil
	}
	var cmd tea.Cmd
	if p == focusQuotes {
		cmd = a.quotes.ClickRow(row)
	} else {
		cmd = a.entities.ClickRow(row)
	}
	if a.focus != p {
		return tea.Batch(cmd, a.setFocus(p))
	}
	return cmd
}

// wheel scrolls what is under the pointer: the brief, a side pane, or the
// list (its cursor moves), whatever has focus.
func (a *App) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	if a.covered() {
		return nil
	}
	m := msg.Mouse()
	if p, _, ok := a.paneAt(m.X, m.Y); ok {
		if p == focusQuotes {
			a.quotes.Wheel(msg)
		} else {
			a.entities.Wheel(msg)
		}
		return nil
	}
	r := a.regions()
	start := r.listW
	if r.listW > 0 && r.readerW > 0 {
		start++ // the column between list and reader
	}
	if r.readerW > 0 && m.X >= start && m.X < start+r.readerW {
		return update(&a.reader, msg)
	}
	if r.listW > 0 && m.X < r.listW { // over the list: its cursor moves
		switch m.Button {
		case tea.MouseWheelUp:
			a.list.Step(-1)
		case tea.MouseWheelDown:
			a.list.Step(1)
		}
	}
	return nil
}

// Counts, as in vim (issue 23): digits typed in the list or the reader
// make a count, and the next up or down key moves that many times ("5j").

// countKey takes a digit into the count, or repeats an up or down key the
// count says; ok is false when msg is neither (the count is then dropped).
func (a *App) countKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	typing := a.focus == focusList && a.list.Filtering() || a.focus == focusReader && a.reader.Finding()
	if a.focus != focusList && a.focus != focusReader || typing || a.showWarnings {
		a.count = 0
		return nil, false
	}
	if key.Matches(msg, a.briefKeys.Count) || a.count > 0 && msg.Code == '0' && msg.Mod == 0 {
		a.count = min(a.count*10+int(msg.Code-'0'), 9999)
		a.say(fmt.Sprintf("%d", a.count))
		return a.layout(), true
	}
	n := a.count
	a.count = 0
	if n == 0 {
		return nil, false
	}
	if a.focus == focusList {
		_, nav := a.list.KeyMaps()
		switch {
		case key.Matches(msg, nav.CursorDown):
			a.list.Step(n)
		case key.Matches(msg, nav.CursorUp):
			a.list.Step(-n)
		default:
			return nil, false
		}
		a.status = ""
		return a.layout(), true
	}
	rk := a.reader.KeyMap()
	if !key.Matches(msg, rk.Down, rk.Up) {
		return nil, false
	}
	a.status = ""
	var cmds []tea.Cmd
	for range n {
		var cmd tea.Cmd
		a.reader, cmd = a.reader.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(append(cmds, a.layout())...), true
}
