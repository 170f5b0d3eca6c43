// Package theme holds every style the reader draws with, built once for a
// dark or a light terminal and passed down to the components.
package theme

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"briefs/model"
)

// Styles is the reader's whole look. Build it with New; it holds no state.
type Styles struct {
	Dark    bool   // built for a dark background
	Glamour string // the glamour standard style that matches: "dark" or "light"

	Header  lipgloss.Style // the one-line bar above the reader
	Status  lipgloss.Style // position and counts under the reader
	Warning lipgloss.Style // sources that failed to load
	Faint   lipgloss.Style // secondary text

	Help     help.Styles
	List     list.Styles
	ListItem list.DefaultItemStyles

	// Entity styles one kind of entity in the body: a colour plus a cue
	// that survives NO_COLOR (bold for people, underline for the rest).
	Entity map[model.EntityKind]lipgloss.Style
	// Mention marks the mentions of the selected entity.
	Mention lipgloss.Style
	// Current marks the mention or quote the reader is on.
	Current lipgloss.Style
	Quote   lipgloss.Style // quoted words
	Speaker lipgloss.Style // the "⟨Lavrov⟩" after a quote
	Link    lipgloss.Style // a URL in the brief (an OSC 8 hyperlink too)

	Pane        lipgloss.Style // a side pane's border
	PaneFocused lipgloss.Style // the focused pane's border
	PaneTitle   lipgloss.Style
	Tab         lipgloss.Style
	TabActive   lipgloss.Style
	Selected    lipgloss.Style // the selected row of a pane
	Kind        lipgloss.Style // a kind heading in the entities pane
}

// KindColors gives the colour of each entity kind for a dark or light background.
func KindColors(dark bool) map[model.EntityKind]color.Color {
	ld := lipgloss.LightDark(dark)
	return map[model.EntityKind]color.Color{
		model.KindPerson:       ld(lipgloss.Color("#A0461A"), lipgloss.Color("#F5A860")),
		model.KindCountry:      ld(lipgloss.Color("#0B55A8"), lipgloss.Color("#6CB6FF")),
		model.KindPlace:        ld(lipgloss.Color("#0B7350"), lipgloss.Color("#5AD6A8")),
		model.KindOrganization: ld(lipgloss.Color("#7436B0"), lipgloss.Color("#CFA0FF")),
		model.KindNationality:  ld(lipgloss.Color("#A82E64"), lipgloss.Color("#F28CB8")),
		model.KindOther:        ld(lipgloss.Color("#6E5F00"), lipgloss.Color("#E3D474")),
	}
}

// New builds the styles for a dark (true) or light terminal background.
func New(dark bool) Styles {
	ld := lipgloss.LightDark(dark)
	// Every colour reads at 4.5:1 or more on the theme's backgrounds (black
	// to #282c34 for dark, white and off-white for light): contrast_test.go.
	accent := ld(lipgloss.Color("#5A3FD6"), lipgloss.Color("#A99CFF"))
	faint := ld(lipgloss.Color("#5E5E5E"), lipgloss.Color("#A6A6A6"))
	text := ld(lipgloss.Color("#1E1E1E"), lipgloss.Color("#DADADA"))
	warn := ld(lipgloss.Color("#B03A00"), lipgloss.Color("#FFB454"))
	selBg := ld(lipgloss.Color("#DCD6FF"), lipgloss.Color("#3A3360"))
	onAccent := ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#141414")) // text on the accent

	s := Styles{
		Dark:    dark,
		Glamour: "light",
		Header:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		Status:  lipgloss.NewStyle().Foreground(faint),
		Warning: lipgloss.NewStyle().Foreground(warn),
		Faint:   lipgloss.NewStyle().Foreground(faint),

		Help:     help.DefaultStyles(dark),
		List:     list.DefaultStyles(dark),
		ListItem: list.NewDefaultItemStyles(dark),

		Entity:  map[model.EntityKind]lipgloss.Style{},
		Mention: lipgloss.NewStyle().Reverse(true).Bold(true),
		Current: lipgloss.NewStyle().Reverse(true).Bold(true).Underline(true),
		Quote:   lipgloss.NewStyle().Italic(true).Foreground(ld(lipgloss.Color("#2F5D50"), lipgloss.Color("#B8D8C8"))),
		Speaker: lipgloss.NewStyle().Foreground(faint),
		Link:    lipgloss.NewStyle().Underline(true).Foreground(accent),

		Pane:        lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(faint),
		PaneFocused: lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent),
		PaneTitle:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Tab:         lipgloss.NewStyle().Foreground(faint).Padding(0, 1),
		TabActive:   lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent).Padding(0, 1),
		Selected:    lipgloss.NewStyle().Background(selBg).Foreground(text),
		Kind:        lipgloss.NewStyle().Bold(true).Foreground(faint),
	}
	if dark {
		s.Glamour = "dark"
	}
	s.Help = helpStyles(text, faint)
	s.List = listStyles(s.List, accent, onAccent, text, faint)
	s.ListItem = itemStyles(s.ListItem, accent, text, faint)
	for kind, c := range KindColors(dark) {
		st := lipgloss.NewStyle().Foreground(c)
		if kind == model.KindPerson {
			st = st.Bold(true)
		} else {
			st = st.Underline(true)
		}
		s.Entity[kind] = st
	}
	return s
}

// EntityStyle returns the style for a kind, falling back to "other" for kinds it does not know.
func (s Styles) EntityStyle(k model.EntityKind) lipgloss.Style {
	if st, ok := s.Entity[k]; ok {
		return st
	}
	return s.Entity[model.KindOther]
}

// helpStyles draws the help bar: keys in the text colour, what they do and
// the separators in the faint one (both readable: the bubbles defaults
// are 2:1).
func helpStyles(text, faint color.Color) help.Styles {
	key := lipgloss.NewStyle().Foreground(text)
	desc := lipgloss.NewStyle().Foreground(faint)
	return help.Styles{
		Ellipsis: desc, ShortKey: key, ShortDesc: desc, ShortSeparator: desc,
		FullKey: key, FullDesc: desc, FullSeparator: desc,
	}
}

// listStyles recolours the bubbles list's chrome with the theme's colours.
func listStyles(l list.Styles, accent, onAccent, text, faint color.Color) list.Styles {
	l.Title = l.Title.Background(accent).Foreground(onAccent)
	l.Spinner = l.Spinner.Foreground(faint)
	for _, st := range []*textinput.StyleState{&l.Filter.Focused, &l.Filter.Blurred} {
		st.Prompt = st.Prompt.Foreground(accent)
		st.Placeholder = st.Placeholder.Foreground(faint)
		st.Suggestion = st.Suggestion.Foreground(faint)
		st.Text = st.Text.Foreground(text)
	}
	l.Filter.Cursor.Color = accent
	l.StatusBar = l.StatusBar.Foreground(faint)
	l.StatusEmpty = l.StatusEmpty.Foreground(faint)
	l.StatusBarActiveFilter = l.StatusBarActiveFilter.Foreground(text)
	l.StatusBarFilterCount = l.StatusBarFilterCount.Foreground(faint)
	l.NoItems = l.NoItems.Foreground(faint)
	l.ArabicPagination = l.ArabicPagination.Foreground(faint)
	l.ActivePaginationDot = l.ActivePaginationDot.Foreground(text)
	l.InactivePaginationDot = l.InactivePaginationDot.Foreground(faint)
	l.DividerDot = l.DividerDot.Foreground(faint)
	return l
}

// itemStyles draws the list's rows: the selected one in the accent with a
// bar on its left (a mark that needs no colour).
func itemStyles(s list.DefaultItemStyles, accent, text, faint color.Color) list.DefaultItemStyles {
	s.NormalTitle = s.NormalTitle.Foreground(text)
	s.NormalDesc = s.NormalDesc.Foreground(faint)
	s.SelectedTitle = s.SelectedTitle.Foreground(accent).BorderForeground(accent)
	s.SelectedDesc = s.SelectedDesc.Foreground(accent).BorderForeground(accent)
	s.DimmedTitle = s.DimmedTitle.Foreground(faint)
	s.DimmedDesc = s.DimmedDesc.Foreground(faint)
	return s
}
