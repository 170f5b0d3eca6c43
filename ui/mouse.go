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
	if m.Button != tea.MouseLeft || a.links.open || a.prompt.kind != "" || a.showWarnings {
		return nil
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
