// Package theme holds every style the reader draws with, built once for a
// dark or a light terminal and passed down to the components.
package theme

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/list"
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
	Speaker lipgloss.Style // the "— Lavrov" after a quote

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
	accent := ld(lipgloss.Color("#5A3FD6"), lipgloss.Color("#8F7CFF"))
	faint := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A"))
	text := ld(lipgloss.Color("#1E1E1E"), lipgloss.Color("#DADADA"))
	warn := ld(lipgloss.Color("#B03A00"), lipgloss.Color("#FFB454"))
	selBg := ld(lipgloss.Color("#DCD6FF"), lipgloss.Color("#3A3360"))

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
		Speaker: lipgloss.NewStyle().Faint(true).Foreground(faint),

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
	s.List.Title = s.List.Title.Background(accent)
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
