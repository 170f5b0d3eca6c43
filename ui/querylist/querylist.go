// Package querylist is the one query-and-list component behind the search
// view (s), the corpus entities view (@) and the corpus quotes view ("): a
// query line, a list of rows its owner fills from the query, and a cursor
// over them in a window that scrolls with it. The owner draws the rows (a
// hit takes three lines, an entity one) and says how many there are and how
// many fit; the component keeps the cursor, the window and the keys that
// move them, and tells the owner what a key did (an Event): the query
// changed, the cursor moved, or the row under it is to be opened.
//
// A screen built on it is left and found again as it was: its query, rows
// and cursor are values in the owner's model, which the App keeps on its
// screen stack.
package querylist

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is the list's keys, on top of the query line's editing keys.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Open     key.Binding
}

// DefaultKeyMap returns the list's keys: the arrows (and ctrl+p, ctrl+n,
// which type nothing) move, Enter opens. Letters are the query's.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
	}
}

// Event is what a message did to the component, for its owner to act on.
type Event int

// The events of Update.
const (
	None   Event = iota // nothing the owner needs to know
	Edited              // the query changed: list its rows again
	Moved               // the cursor moved to another row
	Open                // Enter on a row: open the one under the cursor
)

// Model is a query line over a list of rows with a cursor.
type Model struct {
	keys  KeyMap
	input textinput.Model

	n, vis         int // rows in the list, rows that fit
	cursor, offset int // the row under the cursor, the first row shown
}

// New returns a focused query line with this prompt and placeholder over an
// empty list. The query line's own suggestion keys are off: Tab and the
// arrows belong to the list and its owner.
func New(prompt, placeholder string) Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	in.KeyMap.AcceptSuggestion.SetEnabled(false)
	in.KeyMap.NextSuggestion.SetEnabled(false)
	in.KeyMap.PrevSuggestion.SetEnabled(false)
	in.Focus()
	m := Model{keys: DefaultKeyMap(), input: in, vis: 1}
	m.syncKeys()
	return m
}

// SetKeyMap replaces the list's keys (remapped by the user's config).
func (m *Model) SetKeyMap(k KeyMap) {
	m.keys = k
	m.syncKeys()
}

// KeyMap returns the list's keys, enabled when they can act (for help).
func (m Model) KeyMap() KeyMap { return m.keys }

// syncKeys enables the keys that can act now, so that help tells the truth.
func (m *Model) syncKeys() {
	has := m.n > 0
	for _, b := range []*key.Binding{&m.keys.Up, &m.keys.Down, &m.keys.PageUp, &m.keys.PageDown, &m.keys.Open} {
		b.SetEnabled(has)
	}
}

// SetWidth fits the query line in w cells.
func (m *Model) SetWidth(w int) {
	m.input.SetWidth(max(w-len(m.input.Prompt)-1, 1))
}

// SetVisible says how many rows fit on screen (at least one is assumed).
func (m *Model) SetVisible(vis int) {
	m.vis = max(vis, 1)
	m.clamp()
}

// SetLen says how many rows the list has now; the cursor stays on its
// index when it still exists (Select moves it to a row kept by identity).
func (m *Model) SetLen(n int) {
	m.n = max(n, 0)
	m.clamp()
	m.syncKeys()
}

// Len is how many rows the list has.
func (m Model) Len() int { return m.n }

// Select puts the cursor on row i (within the list) and scrolls to it.
func (m *Model) Select(i int) {
	m.cursor = i
	m.clamp()
}

// Cursor is the row under the cursor; with no rows it is 0 and Selected
// reports false.
func (m Model) Cursor() int { return m.cursor }

// Selected reports whether the cursor is on a row (the list is not empty).
func (m Model) Selected() bool { return m.cursor >= 0 && m.cursor < m.n }

// Window is the rows [from, to) on screen.
func (m Model) Window() (from, to int) {
	from = min(max(m.offset, 0), m.n)
	return from, min(from+m.vis, m.n)
}

// move moves the cursor by d rows within the list.
func (m *Model) move(d int) {
	m.cursor += d
	m.clamp()
}

// clamp keeps the cursor among the rows and inside the window, and the
// window as full as the rows allow.
func (m *Model) clamp() {
	m.cursor = min(max(m.cursor, 0), max(m.n-1, 0))
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+m.vis {
		m.offset = m.cursor - m.vis + 1
	}
	m.offset = max(0, min(m.offset, m.n-m.vis))
}

// SetQuery replaces the query, as if typed, the cursor at its end. The
// owner lists the rows again.
func (m *Model) SetQuery(q string) {
	m.input.SetValue(q)
	m.input.CursorEnd()
}

// Query is the text of the query line.
func (m Model) Query() string { return m.input.Value() }

// Focus gives the query line the cursor.
func (m *Model) Focus() tea.Cmd { return m.input.Focus() }

// Blur takes the cursor away.
func (m *Model) Blur() { m.input.Blur() }

// Typing reports whether keys are text for the query line (it has the
// cursor): the parent must not take letters such as "q" for itself then.
func (m Model) Typing() bool { return m.input.Focused() }

// InputView draws the query line.
func (m Model) InputView() string { return m.input.View() }

// Update moves the cursor or opens for the list's keys and gives every
// other message to the query line; the Event says what happened.
func (m Model) Update(msg tea.Msg) (Model, Event, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		before := m.cursor
		switch {
		case key.Matches(k, m.keys.Open):
			if !m.Selected() {
				return m, None, nil
			}
			return m, Open, nil
		case key.Matches(k, m.keys.Up):
			m.move(-1)
		case key.Matches(k, m.keys.Down):
			m.move(1)
		case key.Matches(k, m.keys.PageUp):
			m.move(-m.vis)
		case key.Matches(k, m.keys.PageDown):
			m.move(m.vis)
		default:
			return m.edit(msg)
		}
		if m.cursor != before {
			return m, Moved, nil
		}
		return m, None, nil
	}
	return m.edit(msg)
}

// edit gives msg to the query line.
func (m Model) edit(msg tea.Msg) (Model, Event, tea.Cmd) {
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		return m, Edited, cmd
	}
	return m, None, cmd
}

// SetVirtualCursor draws the query line's cursor itself (true, the
// default: it blinks by commands) or leaves it to the terminal.
func (m *Model) SetVirtualCursor(v bool) { m.input.SetVirtualCursor(v) }
