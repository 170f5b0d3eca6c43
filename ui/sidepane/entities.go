package sidepane

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"briefs/model"
	"briefs/ui/theme"
)

// EntitySearchMsg asks for the briefs that name this entity.
type EntitySearchMsg struct{ ID, Name string }

// EntitySelected says the entities pane's cursor is on an entity of the
// brief ArticleID (ID "" when the brief has none): the reader marks its
// mentions. The parent drops one that is no longer the pane's selection (a
// later key moved on before it arrived).
type EntitySelected struct{ ArticleID, ID string }

// MentionStep asks the reader for the next (Delta 1) or previous (-1)
// mention of the entity ID in the brief ArticleID. It names the entity, so
// it cannot step through the mentions of another one.
type MentionStep struct {
	ArticleID, ID string
	Delta         int
}

// EntityKeys is the entities pane's keys.
type EntityKeys struct {
	NavKeys
	Search      key.Binding
	Aliases     key.Binding
	NextMention key.Binding
	PrevMention key.Binding
}

// DefaultEntityKeys returns the entities pane's keys.
func DefaultEntityKeys() EntityKeys {
	return EntityKeys{
		NavKeys:     defaultNavKeys("select"),
		Search:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "briefs naming it")),
		Aliases:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "aliases")),
		NextMention: key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "mentions")),
		PrevMention: key.NewBinding(key.WithKeys("N")),
	}
}

// Entities is the entities pane.
type Entities struct {
	keys    EntityKeys
	st      theme.Styles
	art     model.Article
	rows    rows
	aliases bool
}

// NewEntities returns an empty entities pane.
func NewEntities(st theme.Styles) Entities {
	return Entities{keys: DefaultEntityKeys(), st: st}
}

// SetArticle lists the entities of a brief, cursor on the first.
func (m *Entities) SetArticle(a model.Article) {
	m.art = a
	m.rebuild("")
}

// ArticleID is the id of the brief listed.
func (m Entities) ArticleID() string { return m.art.ID }

// SetStyles restyles the pane.
func (m *Entities) SetStyles(st theme.Styles) {
	m.st = st
	m.rebuild(m.SelectedID())
}

// SetSize gives the pane its inner width and height.
func (m *Entities) SetSize(w, h int) tea.Cmd {
	rewrap := max(w, 0) != m.rows.width // names wrap to the width
	m.rows.width, m.rows.height = max(w, 0), max(h, 0)
	if rewrap {
		m.rebuild(m.SelectedID())
	}
	m.rows.follow()
	return nil
}

// SelectedID is the id of the entity under the cursor, or "".
func (m Entities) SelectedID() string {
	r, ok := m.rows.selected()
	if !ok {
		return ""
	}
	return m.art.Entities[r.ref].ID
}

// Select puts the cursor on the entity with this id; false when the brief has none.
func (m *Entities) Select(id string) bool {
	for i, r := range m.rows.items {
		if r.selectable && m.art.Entities[r.ref].ID == id {
			m.rows.cursor = i
			m.rows.follow()
			return true
		}
	}
	return false
}

// Announce says which entity the cursor is on (EntitySelected): the
// parent asks when the pane takes the focus, so the reader shows it.
func (m Entities) Announce() tea.Cmd {
	sel := EntitySelected{ArticleID: m.art.ID, ID: m.SelectedID()}
	return func() tea.Msg { return sel }
}

// rebuild lays out the rows: a heading per kind, then its entities by mention count.
func (m *Entities) rebuild(keep string) {
	byKind := map[model.EntityKind][]int{}
	for i, e := range m.art.Entities {
		k := e.Kind
		if !slices.Contains(model.Kinds, k) {
			k = model.KindOther
		}
		byKind[k] = append(byKind[k], i)
	}
	var items []row
	for _, k := range model.Kinds {
		idx := byKind[k]
		if len(idx) == 0 {
			continue
		}
		sort.SliceStable(idx, func(a, b int) bool {
			ea, eb := m.art.Entities[idx[a]], m.art.Entities[idx[b]]
			if len(ea.Mentions) != len(eb.Mentions) {
				return len(ea.Mentions) > len(eb.Mentions)
			}
			return ea.Name < eb.Name
		})
		heading := m.st.EntityStyle(k).Bold(true).Render(k.Heading()) + m.st.Faint.Render(fmt.Sprintf(" %d", len(idx)))
		items = append(items, row{lines: []string{heading}})
		for _, i := range idx {
			e := m.art.Entities[i]
			// wrapped at words, never cut: "Russian Federation" whole
			name := lipgloss.Wrap(m.st.EntityStyle(k).Render(e.Name)+" "+m.st.Faint.Render(fmt.Sprintf("×%d", len(e.Mentions))), max(m.rows.width-4, 10), "")
			var lines []string
			for j, l := range strings.Split(name, "\n") {
				if j == 0 {
					lines = append(lines, "  "+l)
				} else {
					lines = append(lines, "    "+l)
				}
			}
			if m.aliases {
				if others := otherForms(e); len(others) > 0 {
					wrapped := lipgloss.Wrap("also "+strings.Join(others, ", "), max(m.rows.width-4, 10), "")
					for _, l := range strings.Split(wrapped, "\n") {
						lines = append(lines, m.st.Faint.Render("    "+l))
					}
				}
			}
			items = append(items, row{lines: lines, selectable: true, ref: i})
		}
	}
	if len(items) == 0 {
		items = []row{{lines: []string{m.st.Faint.Render("No entities found.")}}}
	}
	m.rows.set(items)
	if keep != "" {
		m.Select(keep)
	}
}

// otherForms are the surface forms of an entity besides its name.
func otherForms(e model.Entity) []string {
	seen := map[string]bool{e.Name: true}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, a := range e.Aliases {
		add(a)
	}
	for _, mm := range e.Mentions {
		add(mm.Text)
	}
	return out
}

// Update handles keys while the pane has focus. The entity under the
// cursor is the selection: a key that moves it says so (EntitySelected),
// n and N ask for the selected entity's mentions (MentionStep).
func (m Entities) Update(msg tea.Msg) (Entities, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch before := m.SelectedID(); {
	case m.rows.navigate(k, m.keys.NavKeys):
		if m.SelectedID() != before {
			return m, m.Announce()
		}
	case key.Matches(k, m.keys.NextMention), key.Matches(k, m.keys.PrevMention):
		if before == "" {
			return m, nil
		}
		st := MentionStep{ArticleID: m.art.ID, ID: before, Delta: 1}
		if key.Matches(k, m.keys.PrevMention) {
			st.Delta = -1
		}
		return m, func() tea.Msg { return st }
	case key.Matches(k, m.keys.Aliases):
		m.aliases = !m.aliases
		m.rebuild(m.SelectedID())
	case key.Matches(k, m.keys.Search):
		if r, ok := m.rows.selected(); ok {
			e := m.art.Entities[r.ref]
			return m, func() tea.Msg { return EntitySearchMsg{ID: e.ID, Name: e.Name} }
		}
	}
	return m, nil
}

// View draws the pane's rows.
func (m Entities) View() string {
	return m.rows.render(m.st.Selected)
}

// ShortHelp is the pane's part of the help bar.
func (m Entities) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Down, m.keys.NextMention, m.keys.Search, m.keys.Aliases}
}

// FullHelp is the pane's part of the full help.
func (m Entities) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Down, m.keys.Top, m.keys.NextMention}, {m.keys.Search, m.keys.Aliases}}
}

// SetKeys replaces the pane's keys (remapped by the user's config).
func (m *Entities) SetKeys(k EntityKeys) { m.keys = k }

// Keys returns the pane's keys.
func (m Entities) Keys() EntityKeys { return m.keys }
