package sidepane

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"briefs/model"
	"briefs/ui/theme"
)

// QuoteSelected says the quotes pane's cursor is on a quote of the brief
// ArticleID: Index into its quotes, -1 when it has none. The reader marks
// it; the parent drops one that is no longer the pane's selection.
type QuoteSelected struct {
	ArticleID string
	Index     int
}

// QuoteKeys is the quotes pane's keys.
type QuoteKeys struct{ NavKeys }

// DefaultQuoteKeys returns the quotes pane's keys.
func DefaultQuoteKeys() QuoteKeys { return QuoteKeys{defaultNavKeys("select quote")} }

// shortQuote is how many cells of a quote the pane shows before "…".
const shortQuote = 80

// Quotes is the quotes pane: each quote of the brief in reading order, with its speaker.
type Quotes struct {
	keys QuoteKeys
	st   theme.Styles
	art  model.Article
	rows rows
}

// NewQuotes returns an empty quotes pane.
func NewQuotes(st theme.Styles) Quotes { return Quotes{keys: DefaultQuoteKeys(), st: st} }

// SetArticle lists the quotes of a brief, cursor on the first.
func (m *Quotes) SetArticle(a model.Article) {
	m.art = a
	m.rebuild()
}

// ArticleID is the id of the brief listed.
func (m Quotes) ArticleID() string { return m.art.ID }

// SetStyles restyles the pane.
func (m *Quotes) SetStyles(st theme.Styles) {
	m.st = st
	keep := m.rows.cursor
	m.rebuild()
	if keep >= 0 && keep < len(m.rows.items) && m.rows.items[keep].selectable {
		m.rows.cursor = keep
	}
}

// SetSize gives the pane its inner width and height.
func (m *Quotes) SetSize(w, h int) tea.Cmd {
	m.rows.width, m.rows.height = max(w, 0), max(h, 0)
	m.rebuild() // quotes wrap to the width
	return nil
}

// Selected is the index of the quote under the cursor, or -1.
func (m Quotes) Selected() int {
	r, ok := m.rows.selected()
	if !ok {
		return -1
	}
	return r.ref
}

func (m *Quotes) rebuild() {
	keep := m.Selected()
	w := max(m.rows.width, 10)
	var items []row
	for i, q := range m.art.Quotes {
		whole := strings.Join(strings.Fields(q.Text), " ")
		short := whole
		if r := []rune(whole); len(r) > shortQuote {
			// cut at the end of a word, never inside one ("Russian Fede…")
			short = string(r[:shortQuote-1])
			if k := strings.LastIndexByte(short, ' '); k > 0 {
				short = strings.TrimRight(short[:k], ",;:")
			}
			short += "…"
		}
		who := q.Speaker
		if who == "" {
			who = "unattributed"
		}
		// a speaker the extractor is unsure of shows dimmed, with a "?"
		unsure := q.Speaker != "" && q.SpeakerConfidence > 0 && q.SpeakerConfidence < model.LowSpeakerConfidence
		if unsure {
			who += "?"
		}
		if q.SpeakerRole != "" {
			who += ", " + q.SpeakerRole
		}
		// the selected quote shows whole, the others cut to a few lines
		items = append(items, row{lines: m.quoteLines(i, short, who, unsure, w), full: m.quoteLines(i, whole, who, unsure, w), selectable: true, ref: i})
	}
	if len(items) == 0 {
		items = []row{{lines: []string{m.st.Faint.Render("No quotes found.")}}}
	}
	m.rows.set(items)
	if keep >= 0 {
		for i, r := range m.rows.items {
			if r.selectable && r.ref == keep {
				m.rows.cursor = i
				m.rows.follow()
			}
		}
	}
}

// quoteLines draws quote i: its number, its words wrapped at word ends
// and its speaker, in a column of width w (the first column left free
// for the selection's bar).
func (m Quotes) quoteLines(i int, text, who string, unsure bool, w int) []string {
	body := lipgloss.Wrap("“"+text+"”", max(w-4, 6), "")
	var lines []string
	for j, l := range strings.Split(body, "\n") {
		lead := "    "
		if j == 0 {
			lead = fmt.Sprintf("%3d ", i+1)
		}
		lines = append(lines, m.st.Faint.Render(lead)+m.st.Quote.Render(l))
	}
	style := m.st.Speaker
	if unsure {
		style = m.st.Faint
	}
	for _, l := range strings.Split(lipgloss.Wrap("— "+who, max(w-4, 6), ""), "\n") {
		lines = append(lines, "    "+style.Render(l))
	}
	return lines
}

// Select puts the cursor on quote i of the brief; false when it has no such quote.
func (m *Quotes) Select(i int) bool {
	for j, r := range m.rows.items {
		if r.selectable && r.ref == i {
			m.rows.cursor = j
			m.rows.follow()
			return true
		}
	}
	return false
}

// Announce says which quote the cursor is on (QuoteSelected): the parent
// asks when the pane takes the focus, so the reader shows it.
func (m Quotes) Announce() tea.Cmd {
	sel := QuoteSelected{ArticleID: m.art.ID, Index: m.Selected()}
	return func() tea.Msg { return sel }
}

// Update handles keys while the pane has focus. The quote under the cursor
// is the selection: a key that moves it says so (QuoteSelected).
func (m Quotes) Update(msg tea.Msg) (Quotes, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	before := m.Selected()
	if m.rows.navigate(k, m.keys.NavKeys) && m.Selected() != before {
		return m, m.Announce()
	}
	return m, nil
}

// View draws the pane's rows.
func (m Quotes) View() string {
	return m.rows.render(m.st.Selected)
}

// ShortHelp is the pane's part of the help bar.
func (m Quotes) ShortHelp() []key.Binding { return []key.Binding{m.keys.Down, m.keys.Top} }

// FullHelp is the pane's part of the full help.
func (m Quotes) FullHelp() [][]key.Binding { return [][]key.Binding{{m.keys.Down, m.keys.Top}} }

// SetKeys replaces the pane's keys (remapped by the user's config).
func (m *Quotes) SetKeys(k QuoteKeys) { m.keys = k }
