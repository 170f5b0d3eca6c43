// Package ui is the terminal reader: the root model App routes messages to
// the component that has focus (the list of briefs or the reader) and lays
// them out with one help bar.
package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"briefs/model"
	"briefs/ui/articlelist"
	"briefs/ui/reader"
	"briefs/ui/theme"
)

// ArticlesMsg delivers articles that finished loading after the program
// started; they are appended to the list.
type ArticlesMsg struct{ Articles []model.Article }

// focus is the component that receives keys.
type focus int

const (
	focusList focus = iota
	focusReader
)

// App is the root model of the reader.
type App struct {
	keys KeyMap
	st   theme.Styles
	help help.Model

	list   articlelist.Model
	reader reader.Model
	focus  focus

	width, height int
	warnings      []string
	status        string // a one-off message, cleared by the next key
}

// New builds the reader over arts; warnings are sources that failed to load,
// shown under the list. It starts with dark styles until the terminal says otherwise.
func New(arts []model.Article, warnings []string) App {
	st := theme.New(true)
	h := help.New()
	h.Styles = st.Help
	return App{
		keys:     DefaultKeyMap(),
		st:       st,
		help:     h,
		list:     articlelist.New(arts, st),
		reader:   reader.New(st),
		warnings: warnings,
	}
}

// Run runs the reader in the terminal until the user quits.
func Run(arts []model.Article, warnings []string) error {
	if _, err := tea.NewProgram(New(arts, warnings)).Run(); err != nil {
		return fmt.Errorf("run the reader: %w", err)
	}
	return nil
}

// Init asks the terminal for its background colour; until (or unless) it
// answers, the dark theme stays, so a silent terminal costs nothing.
func (a App) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update routes a message: window size and theme to everyone, keys to the
// focused component, component messages to the parent's handlers.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		return a, a.layout()
	case tea.BackgroundColorMsg:
		return a, a.setDark(msg.IsDark())
	case ArticlesMsg:
		return a, a.list.Append(msg.Articles)
	case articlelist.OpenMsg:
		return a, a.open(msg.ID)
	case reader.BackMsg:
		if art, ok := a.reader.Article(); ok {
			a.list.Select(art.ID)
		}
		a.focus = focusList
		return a, a.layout()
	case reader.StepMsg:
		return a, a.step(msg)
	case reader.RenderedMsg:
		var cmd tea.Cmd
		a.reader, cmd = a.reader.Update(msg)
		return a, cmd
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.MouseMsg:
		if a.focus == focusReader {
			var cmd tea.Cmd
			a.reader, cmd = a.reader.Update(msg)
			return a, cmd
		}
		return a, nil
	}
	// Anything else (the list's filter results, its status timers) belongs to the list.
	var cmd tea.Cmd
	a.list, cmd = a.list.Update(msg)
	return a, cmd
}

func (a App) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var relayout tea.Cmd
	if a.status != "" {
		a.status = ""
		relayout = a.layout()
	}
	typing := a.focus == focusList && a.list.Filtering()
	switch {
	case msg.String() == "ctrl+c", !typing && key.Matches(msg, a.keys.Quit):
		return a, tea.Quit
	case !typing && key.Matches(msg, a.keys.Help):
		a.help.ShowAll = !a.help.ShowAll
		return a, a.layout()
	}
	var cmd tea.Cmd
	switch a.focus {
	case focusReader:
		a.reader, cmd = a.reader.Update(msg)
	default:
		a.list, cmd = a.list.Update(msg)
	}
	return a, tea.Batch(relayout, cmd)
}

// open shows the article with this id in the reader.
func (a *App) open(id string) tea.Cmd {
	art, ok := a.list.ByID(id) // by id: the cursor may have moved since Enter
	if !ok {
		return nil
	}
	a.focus = focusReader
	return tea.Batch(a.layout(), a.reader.Open(art))
}

// step opens the previous or next brief of the list without leaving the reader.
func (a *App) step(msg reader.StepMsg) tea.Cmd {
	art, ok := a.list.Neighbor(msg.From, msg.Delta)
	if !ok {
		if msg.Delta < 0 {
			a.status = "This is the first brief."
		} else {
			a.status = "This is the last brief."
		}
		return a.layout()
	}
	a.list.Select(art.ID)
	return a.reader.Open(art)
}

// setDark rebuilds the styles for the terminal's background.
func (a *App) setDark(dark bool) tea.Cmd {
	if dark == a.st.Dark {
		return nil
	}
	a.st = theme.New(dark)
	a.help.Styles = a.st.Help
	a.list.SetStyles(a.st)
	return a.reader.SetStyles(a.st)
}

// chrome is what the root draws under the focused component: status, warnings, help.
func (a App) chrome() string {
	var lines []string
	if a.status != "" {
		lines = append(lines, a.st.Warning.Render(a.status))
	}
	if a.focus == focusList && len(a.warnings) > 0 {
		w := fmt.Sprintf("%d source(s) skipped: %s", len(a.warnings), a.warnings[0])
		lines = append(lines, a.st.Warning.Render(w))
	}
	a.help.SetWidth(a.width)
	lines = append(lines, a.help.View(a.helpKeys()))
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = lipgloss.NewStyle().MaxWidth(a.width).Render(l)
	}
	return strings.Join(out, "\n")
}

func (a App) helpKeys() helpKeys {
	root := []key.Binding{a.keys.Help, a.keys.Quit}
	var h helpKeys
	switch a.focus {
	case focusReader:
		h.short, h.full = a.reader.ShortHelp(), a.reader.FullHelp()
	default:
		h.short, h.full = a.list.ShortHelp(), a.list.FullHelp()
	}
	h.short = append(append([]key.Binding{}, h.short...), root...)
	h.full = append(append([][]key.Binding{}, h.full...), root)
	return h
}

// layout gives each component the room left by the chrome.
func (a *App) layout() tea.Cmd {
	h := max(a.height-lipgloss.Height(a.chrome()), 0)
	a.list.SetSize(a.width, h)
	return a.reader.SetSize(a.width, h)
}

// View draws the focused component over the chrome, in the alternate screen.
func (a App) View() tea.View {
	var body string
	if a.width > 0 && a.height > 0 {
		chrome := a.chrome()
		h := max(a.height-lipgloss.Height(chrome), 0)
		var main string
		switch a.focus {
		case focusReader:
			main = a.reader.View()
		default:
			main = a.list.View()
		}
		main = lipgloss.NewStyle().Width(a.width).Height(h).MaxHeight(h).MaxWidth(a.width).Render(main)
		if h == 0 {
			main = ""
		}
		body = lipgloss.JoinVertical(lipgloss.Left, main, chrome)
		body = lipgloss.NewStyle().MaxHeight(a.height).Render(body)
	}
	v := tea.NewView(body)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "briefs"
	return v
}
