package ui

import (
	"time"

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
	sel, had := a.list.Selected()
	again := had && sel.ID == id && a.focus == focusList
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
