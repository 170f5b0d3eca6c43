package ui

import "charm.land/bubbles/v2/key"

// KeyMap is the keys the root handles whatever has focus.
type KeyMap struct {
	Quit        key.Binding
	ForceQuit   key.Binding // quits even while a filter or query is being typed
	Help        key.Binding
	NextFocus   key.Binding
	PrevFocus   key.Binding
	Entities    key.Binding // show or hide the entities pane
	Quotes      key.Binding // show or hide the quotes pane
	Back        key.Binding // from a pane or the search view back
	Search      key.Binding // the search view
	Warnings    key.Binding // the list of sources that could not be read
	AllEntities key.Binding // every entity of the corpus
	AllQuotes   key.Binding // every quote of the corpus
}

// DefaultKeyMap returns the root's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		ForceQuit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		NextFocus:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "panes")),
		PrevFocus:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev pane")),
		Entities:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "entities")),
		Quotes:      key.NewBinding(key.WithKeys("Q"), key.WithHelp("Q", "quotes")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Search:      key.NewBinding(key.WithKeys("s", ":"), key.WithHelp("s", "search")),
		Warnings:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "warnings")),
		AllEntities: key.NewBinding(key.WithKeys("@"), key.WithHelp("@", "all entities")),
		AllQuotes:   key.NewBinding(key.WithKeys("\""), key.WithHelp("\"", "all quotes")),
	}
}

// helpKeys joins the focused component's bindings with the root's for bubbles/help.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp is the help bar's bindings.
func (h helpKeys) ShortHelp() []key.Binding { return h.short }

// FullHelp is the full help's columns.
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }
