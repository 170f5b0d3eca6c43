package sidepane

import tea "charm.land/bubbletea/v2"

// The mouse in the panes (issue 23): a click on a row selects it, as the
// keys do (the pane says so with its typed message); the wheel scrolls the
// rows without moving the selection.

// wheelLines is how many lines one notch of the wheel scrolls.
const wheelLines = 3

// rowAt is the index of the selectable row drawn at line y of the pane
// (0: its first line), or -1.
func (r *rows) rowAt(y int) int {
	if y < 0 || y >= r.height {
		return -1
	}
	line := r.offset + y
	for i := range r.items {
		n := len(r.linesOf(i))
		if line < n {
			if r.items[i].selectable {
				return i
			}
			return -1
		}
		line -= n
	}
	return -1
}

// lineCount is the number of lines the rows draw, the cursor's row as it shows.
func (r *rows) lineCount() int {
	n := 0
	for i := range r.items {
		n += len(r.linesOf(i))
	}
	return n
}

// scroll moves the first line shown by d lines, within the rows.
func (r *rows) scroll(d int) {
	r.offset = max(0, min(r.offset+d, r.lineCount()-r.height))
}

// wheel scrolls the rows for a wheel message; it reports whether it was one.
func (r *rows) wheel(msg tea.MouseWheelMsg) bool {
	switch msg.Mouse().Button {
	case tea.MouseWheelUp:
		r.scroll(-wheelLines)
	case tea.MouseWheelDown:
		r.scroll(wheelLines)
	default:
		return false
	}
	return true
}

// click moves the cursor to the row drawn at line y; it reports whether
// the cursor moved (false when no row is drawn there or it was already on
// it).
func (r *rows) click(y int) bool {
	i := r.rowAt(y)
	if i < 0 || i == r.cursor {
		return false
	}
	r.cursor = i
	r.follow()
	return true
}

// ClickRow selects the entity drawn at line y of the pane (0: its first
// line under the title) and says so; nil when no entity is drawn there or
// it was already selected.
func (m *Entities) ClickRow(y int) tea.Cmd {
	if !m.rows.click(y) {
		return nil
	}
	return m.Announce()
}

// Wheel scrolls the entities for a wheel message.
func (m *Entities) Wheel(msg tea.MouseWheelMsg) { m.rows.wheel(msg) }

// ClickRow selects the quote drawn at line y of the pane and says so; nil
// when no quote is drawn there or it was already selected.
func (m *Quotes) ClickRow(y int) tea.Cmd {
	if !m.rows.click(y) {
		return nil
	}
	return m.Announce()
}

// Wheel scrolls the quotes for a wheel message.
func (m *Quotes) Wheel(msg tea.MouseWheelMsg) { m.rows.wheel(msg) }
