// Package articlelist is the list of loaded briefs: title, source and date,
// filtered with "/". Enter asks the parent to open the selected brief.
package articlelist

import (
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"

	"briefs/model"
	"briefs/ui/theme"
)

// OpenMsg asks the parent to open the article with this id.
type OpenMsg struct{ ID string }

// KeyMap is the list's own keys, on top of the bubbles list navigation and filter keys.
type KeyMap struct {
	Open key.Binding
}

// DefaultKeyMap returns the list's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read")),
	}
}

// item adapts an article to the bubbles list.
type item struct{ art model.Article }

// Title is the item's first line: the brief's title.
func (i item) Title() string { return i.art.Title }

// Description is the item's second line: where the brief comes from and its date.
func (i item) Description() string {
	parts := []string{sourceLabel(i.art)}
	if !i.art.Published.IsZero() {
		parts = append(parts, i.art.Published.Format("2 Jan 2006"))
	}
	return strings.Join(parts, " · ")
}

// FilterValue lets "/" match the title, the outlet, the source and the
// names of the entities the brief names.
func (i item) FilterValue() string {
	var b strings.Builder
	b.WriteString(i.art.Title + " " + i.art.Outlet + " " + i.art.Source)
	for _, e := range i.art.Entities {
		b.WriteString(" " + e.Name)
	}
	return b.String()
}

// sourceLabel is the short name of where an article came from.
func sourceLabel(a model.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	if a.Source == "" {
		return "unknown source"
	}
	if strings.Contains(a.Source, "://") {
		return a.Source
	}
	return filepath.Base(a.Source)
}

// Model is the list component.
type Model struct {
	list list.Model
	keys KeyMap
}

// New builds the list over arts.
func New(arts []model.Article, st theme.Styles) Model {
	d := list.NewDefaultDelegate()
	d.Styles = st.ListItem
	l := list.New(items(arts), d, 0, 0)
	l.Title = "Briefs"
	l.Styles = st.List
	l.SetShowHelp(false) // the root draws one help bar for everything
	l.DisableQuitKeybindings()
	l.SetStatusBarItemName("brief", "briefs")
	return Model{list: l, keys: DefaultKeyMap()}
}

func items(arts []model.Article) []list.Item {
	out := make([]list.Item, len(arts))
	for i := range arts {
		out[i] = item{arts[i]}
	}
	return out
}

// SetStyles restyles the list (after the terminal reported its background).
func (m *Model) SetStyles(st theme.Styles) {
	d := list.NewDefaultDelegate()
	d.Styles = st.ListItem
	m.list.SetDelegate(d)
	m.list.Styles = st.List
}

// SetSize gives the list its width and height in cells.
func (m *Model) SetSize(w, h int) { m.list.SetSize(max(w, 0), max(h, 0)) }

// Append adds articles at the end of the list.
// An article whose id is already listed replaces it in place (a later,
// fuller version: say once extraction has filled its entities and quotes).
func (m *Model) Append(arts []model.Article) tea.Cmd {
	all := slices.Clone(m.list.Items())
	at := make(map[string]int, len(all))
	for i, it := range all {
		at[it.(item).art.ID] = i
	}
	for _, a := range arts {
		if i, ok := at[a.ID]; ok {
			all[i] = item{a}
			continue
		}
		at[a.ID] = len(all)
		all = append(all, item{a})
	}
	return m.list.SetItems(all)
}

// Len is the number of articles in the list, filtered or not.
func (m Model) Len() int { return len(m.list.Items()) }

// Filtering reports whether the user is typing a filter: keys are text then.
func (m Model) Filtering() bool { return m.list.SettingFilter() }

// SetFilter filters the list to text, as if the user had typed it after "/".
func (m *Model) SetFilter(text string) {
	m.list.SetFilterText(text)
}

// Selected returns the highlighted article.
func (m Model) Selected() (model.Article, bool) {
	it, ok := m.list.SelectedItem().(item)
	return it.art, ok
}

// ByID returns the article with this id, filtered out or not.
func (m Model) ByID(id string) (model.Article, bool) {
	for _, it := range m.list.Items() {
		if a := it.(item).art; a.ID == id {
			return a, true
		}
	}
	return model.Article{}, false
}

// Select moves the cursor to the visible article with this id; false when it is not visible.
func (m *Model) Select(id string) bool {
	for i, it := range m.list.VisibleItems() {
		if it.(item).art.ID == id {
			m.list.Select(i)
			return true
		}
	}
	return false
}

// Neighbor returns the visible article delta places from the one with this id
// (for "[" and "]" in the reader); false at either end.
func (m Model) Neighbor(id string, delta int) (model.Article, bool) {
	vis := m.list.VisibleItems()
	for i, it := range vis {
		if it.(item).art.ID != id {
			continue
		}
		j := i + delta
		if j < 0 || j >= len(vis) {
			return model.Article{}, false
		}
		return vis[j].(item).art, true
	}
	return model.Article{}, false
}

// Init does nothing: the list has its items from the start.
func (m Model) Init() tea.Cmd { return nil }

// Update handles keys when the list has focus, and the list's own messages.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.list.SettingFilter() && key.Matches(k, m.keys.Open) {
		if a, ok := m.Selected(); ok {
			return m, func() tea.Msg { return OpenMsg{ID: a.ID} }
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

// View draws the list.
func (m Model) View() string { return m.list.View() }

// ShortHelp is the list's part of the help bar.
func (m Model) ShortHelp() []key.Binding {
	if m.list.SettingFilter() {
		return m.withoutHelpKeys(m.list.ShortHelp())
	}
	return append([]key.Binding{m.keys.Open}, m.withoutHelpKeys(m.list.ShortHelp())...)
}

// FullHelp is the list's part of the full help.
func (m Model) FullHelp() [][]key.Binding {
	out := [][]key.Binding{{m.keys.Open}}
	for _, g := range m.list.FullHelp() {
		if g = m.withoutHelpKeys(g); len(g) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// withoutHelpKeys drops the list's own "?" bindings: the root owns help.
func (m Model) withoutHelpKeys(bs []key.Binding) []key.Binding {
	out := make([]key.Binding, 0, len(bs))
	for _, b := range bs {
		if b.Help() == m.list.KeyMap.ShowFullHelp.Help() || b.Help() == m.list.KeyMap.CloseFullHelp.Help() {
			continue
		}
		out = append(out, b)
	}
	return out
}
