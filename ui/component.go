package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"briefs/ui/articlelist"
	"briefs/ui/corpusview"
	"briefs/ui/reader"
	"briefs/ui/search"
	"briefs/ui/sidepane"
)

// Component is the face every screen and pane shows the App, after
// soft-serve's common.Component: it takes messages (and returns itself, a
// value of its own type T), draws itself and says its keys for the help
// bar. Sizing is on the pointer: see resizable.
type Component[T any] interface {
	Update(msg tea.Msg) (T, tea.Cmd)
	View() string
	help.KeyMap // ShortHelp and FullHelp
}

// resizable is a component that takes its room: width and height in cells.
type resizable interface {
	SetSize(w, h int) tea.Cmd
}

// Every screen and pane is a Component and resizable.
var (
	_ Component[articlelist.Model]       = articlelist.Model{}
	_ Component[reader.Model]            = reader.Model{}
	_ Component[sidepane.Entities]       = sidepane.Entities{}
	_ Component[sidepane.Quotes]         = sidepane.Quotes{}
	_ Component[search.Model]            = search.Model{}
	_ Component[corpusview.EntitiesView] = corpusview.EntitiesView{}
	_ Component[corpusview.QuotesView]   = corpusview.QuotesView{}

	_ = []resizable{(*articlelist.Model)(nil), (*reader.Model)(nil), (*sidepane.Entities)(nil), (*sidepane.Quotes)(nil),
		(*search.Model)(nil), (*corpusview.EntitiesView)(nil), (*corpusview.QuotesView)(nil)}
)

// update gives msg to the component c points to and keeps what it returns.
func update[T Component[T]](c *T, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*c, cmd = (*c).Update(msg)
	return cmd
}

// focused is the component that has the keys: its help is the help bar's.
func (a App) focused() help.KeyMap {
	switch a.focus {
	case focusReader:
		return a.reader
	case focusEntities:
		return a.entities
	case focusQuotes:
		return a.quotes
	case focusSearch:
		return a.search
	case focusAllEntities:
		return a.allEnts
	case focusAllQuotes:
		return a.allQuots
	}
	return a.list
}
