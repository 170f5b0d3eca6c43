// Package sidepane holds the panes beside the reader: the entities named in
// the open brief, grouped by kind, and its quotes with their speakers.
// Moving the cursor selects, and the pane says so with a typed message
// (EntitySelected, QuoteSelected, MentionStep) that the parent routes to the reader.
package sidepane

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// NavKeys moves a pane's cursor.
type NavKeys struct {
	Down, Up    key.Binding
	Top, Bottom key.Binding
}

// defaultNavKeys returns the cursor keys, their help saying what j/k select.
func defaultNavKeys(what string) NavKeys {
	return NavKeys{
		Down:   key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/k", what)),
		Up:     key.NewBinding(key.WithKeys("k", "up")),
		Top:    key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/G", "first/last")),
		Bottom: key.NewBinding(key.WithKeys("G", "end")),
	}
}

// navigate moves the cursor if k is one of the keys; it reports whether k was.
func (r *rows) navigate(k tea.KeyPressMsg, nk NavKeys) bool {
	switch {
	case key.Matches(k, nk.Down):
		r.move(1)
	case key.Matches(k, nk.Up):
		r.move(-1)
	case key.Matches(k, nk.Top):
		r.first()
	case key.Matches(k, nk.Bottom):
		r.last()
	default:
		return false
	}
	return true
}

// row is one item of a pane: one or more lines, selectable or a heading.
type row struct {
	lines      []string
	full       []string // when set, the lines drawn while the row is selected (a quote whole)
	selectable bool
	ref        int // what the row stands for: an index the pane knows
}

// rows is a scrolling column of rows with a cursor on the selectable ones.
type rows struct {
	items  []row
	cursor int // index into items; -1 when nothing is selectable
	offset int // first line shown
	width  int
	height int
}

func (r *rows) set(items []row) {
	r.items = items
	r.cursor = -1
	r.offset = 0
	r.move(1)
}

// move puts the cursor on the next (delta > 0) or previous selectable row,
// staying put at either end. It reports whether the cursor moved.
func (r *rows) move(delta int) bool {
	step := 1
	if delta < 0 {
		step = -1
	}
	moved := false
	for n := max(delta*step, 1); n > 0; n-- {
		i := r.cursor + step
		for i >= 0 && i < len(r.items) && !r.items[i].selectable {
			i += step
		}
		if i < 0 || i >= len(r.items) {
			break
		}
		r.cursor, moved = i, true
	}
	r.follow()
	return moved
}

// first and last move the cursor to either end.
func (r *rows) first() bool { old := r.cursor; r.cursor = -1; r.move(1); return r.cursor != old }
func (r *rows) last() bool {
	old := r.cursor
	r.cursor = len(r.items)
	r.move(-1)
	if r.cursor == len(r.items) {
		r.cursor = old
	}
	return r.cursor != old
}

// selected returns the row under the cursor.
func (r *rows) selected() (row, bool) {
	if r.cursor < 0 || r.cursor >= len(r.items) {
		return row{}, false
	}
	return r.items[r.cursor], true
}

// linesOf returns the lines row i draws: its full ones under the cursor.
func (r *rows) linesOf(i int) []string {
	if i == r.cursor && r.items[i].full != nil {
		return r.items[i].full
	}
	return r.items[i].lines
}

// follow scrolls so that the cursor's row is on screen.
func (r *rows) follow() {
	if r.cursor < 0 || r.cursor >= len(r.items) || r.height <= 0 {
		return
	}
	top := 0
	for i := 0; i < r.cursor; i++ {
		top += len(r.linesOf(i))
	}
	bottom := top + len(r.linesOf(r.cursor))
	if bottom-top > r.height { // taller than the pane (a long quote when short): its start
		r.offset = top
		return
	}
	if r.cursor > 0 && !r.items[r.cursor-1].selectable {
		top -= len(r.items[r.cursor-1].lines) // keep the heading in view
	}
	if top < r.offset {
		r.offset = max(top, 0)
	}
	if bottom > r.offset+r.height {
		r.offset = bottom - r.height
	}
}

// render draws the rows filling the pane's width and height.
func (r rows) render(sel lipgloss.Style) string {
	return lipgloss.NewStyle().Width(r.width).Height(r.height).MaxHeight(r.height).Render(r.view(sel))
}

// view draws the visible lines, the cursor's row in sel, each cut to the width.
func (r rows) view(sel lipgloss.Style) string {
	var lines []string
	for i := range r.items {
		for _, l := range r.linesOf(i) {
			l = ansi.Truncate(l, r.width, "…")
			if i == r.cursor {
				// a bar in the first column marks the selection without colour (NO_COLOR)
				plain := ansi.Strip(l)
				if strings.HasPrefix(plain, " ") {
					plain = "▌" + plain[1:]
				}
				pad := max(r.width-lipgloss.Width(plain), 0)
				l = sel.Render(plain + strings.Repeat(" ", pad))
			}
			lines = append(lines, l)
		}
	}
	if r.offset < len(lines) {
		lines = lines[r.offset:]
	} else {
		lines = nil
	}
	if len(lines) > r.height {
		lines = lines[:max(r.height, 0)]
	}
	return strings.Join(lines, "\n")
}
