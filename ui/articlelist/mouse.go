package articlelist

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// BriefAt returns the id of the brief drawn at row y of the list's view
// (0 is its first line), for a mouse click; false on a header, a blank
// line between briefs or outside the briefs. The first brief of the page
// is found on screen by its title, then each takes the delegate's height
// and spacing.
func (m Model) BriefAt(y int) (string, bool) {
	vis := m.list.VisibleItems()
	if len(vis) == 0 || y < 0 {
		return "", false
	}
	start, end := m.list.Paginator.GetSliceBounds(len(vis))
	first := ""
	switch it := vis[start].(type) {
	case *item:
		first = it.rec.Title
	case groupHeader:
		first = "── " + it.label
	}
	first = strings.Join(strings.Fields(first), " ")
	if r := []rune(first); len(r) > 16 {
		first = string(r[:16])
	}
	lines := strings.Split(ansi.Strip(m.list.View()), "\n")
	top := -1
	for i, l := range lines {
		if first != "" && strings.Contains(l, first) {
			top = i
			break
		}
	}
	if top < 0 || y < top {
		return "", false
	}
	step := m.d.Height() + m.d.Spacing()
	k, row := (y-top)/step, (y-top)%step
	if row >= m.d.Height() || start+k >= end {
		return "", false
	}
	it, ok := vis[start+k].(*item)
	if !ok {
		return "", false
	}
	return it.rec.ID, true
}
