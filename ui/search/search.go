// Package search is the search view: a query line with entity suggestions as
// you type, and the matching briefs ranked, each with a snippet where it
// matched. Enter asks the parent to open a brief with the matched entity
// selected (OpenMsg). Queries run in a tea.Cmd against a Searcher
// (*index.Index); a late answer to an older query is dropped.
package search

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles/index"
	"briefs/ui/querylist"
	"briefs/ui/theme"
)

// Searcher answers queries and suggests entities; *index.Index is one.
type Searcher interface {
	Search(q string, limit int) (index.Result, error)
	Suggest(pattern string, n int) []index.Suggestion
}

// TypingSearcher is a Searcher that takes the last word of a query being
// typed as the start of a word ("ceasefir" finds "ceasefire").
type TypingSearcher interface {
	SearchTyping(q string, limit int) (index.Result, error)
}

// startingWith keeps the suggestions whose name (or the form that matched)
// has a word that starts with what was typed, at most maxSuggestions:
// those whose whole name starts with it first, then by how many briefs
// name them. (The index's suggestions are fuzzy, letters in order: "saf"
// would offer Russian Federation.)
func startingWith(sugs []index.Suggestion, typed string) []index.Suggestion {
	want := strings.Join(index.FoldWords(typed), " ")
	if want == "" {
		return nil
	}
	rank := func(s index.Suggestion) int {
		best := 0
		for _, text := range []string{s.Name, s.Text} {
			key := strings.Join(index.FoldWords(text), " ")
			switch {
			case strings.HasPrefix(key, want):
				return 2
			case strings.Contains(" "+key, " "+want):
				best = 1
			}
		}
		return best
	}
	type ranked struct {
		s index.Suggestion
		r int
	}
	var keep []ranked
	for _, s := range sugs {
		if r := rank(s); r > 0 {
			keep = append(keep, ranked{s, r})
		}
	}
	slices.SortStableFunc(keep, func(a, b ranked) int {
		if a.r != b.r {
			return b.r - a.r
		}
		return b.s.Articles - a.s.Articles
	})
	out := make([]index.Suggestion, 0, min(len(keep), maxSuggestions))
	for _, k := range keep[:min(len(keep), maxSuggestions)] {
		out = append(out, k.s)
	}
	return out
}

// Placeholder is the query line's example when it is empty: each of its
// queries finds briefs among the built-in samples (a test checks it).
const Placeholder = `Lavrov, entity:"Russian Federation", speaker:Safronkov, sanction, "arms control"`

// OpenMsg asks the parent to open a brief; EntityID, when not empty, is the
// matched entity as that brief names it, to select in the reader.
type OpenMsg struct {
	ArticleID string
	EntityID  string
}

// resultMsg carries the answer to query number seq.
type resultMsg struct {
	seq      int
	res      index.Result
	err      error
	sugs     []index.Suggestion
	sugStart int  // where in query the name the suggestions are for starts
	sugInOp  bool // that name follows entity: or speaker:
	query    string
}

// KeyMap is the search view's keys: the query list's (move, open) and Tab
// to complete a name, on top of the query line's editing keys.
type KeyMap struct {
	querylist.KeyMap
	Complete key.Binding
}

// DefaultKeyMap returns the search view's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		KeyMap:   querylist.DefaultKeyMap(),
		Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete name")),
	}
}

// Limits of one query.
const (
	maxHits        = 200
	maxSuggestions = 5
	linesPerHit    = 3 // title, snippet, blank
	headerLines    = 3 // input, suggestions, status
)

// completion remembers a Tab completion so that Tab again offers the next name.
type completion struct {
	prefix string // the value before the completed name
	sugs   []index.Suggestion
	i      int
	value  string // the value the last completion produced
}

// Model is the search view: a query list (querylist.Model) whose rows are
// the hits of the query, with a line of suggested names over them.
type Model struct {
	complete key.Binding // Tab: the next suggested name
	styles   theme.Styles
	list     querylist.Model
	src      Searcher

	seq     int // number of the latest query sent
	shown   int // number of the query whose answer is shown
	query   string
	res     index.Result
	err     error
	sugs    []index.Suggestion
	sugAt   int  // where the suggested-for name starts in query
	sugOp   bool // it follows entity: or speaker:
	comp    *completion
	width   int
	height  int
	pending bool
}

// New builds the search view. src may be nil until the index is ready (SetSearcher).
func New(src Searcher, st theme.Styles) Model {
	m := Model{complete: DefaultKeyMap().Complete, styles: st, list: querylist.New("search: ", Placeholder), src: src}
	m.syncKeys()
	return m
}

// SetSearcher sets what answers the queries and reruns the current one.
func (m *Model) SetSearcher(src Searcher) tea.Cmd {
	m.src = src
	return m.Refresh()
}

// Refresh reruns the current query (after more briefs were indexed).
func (m *Model) Refresh() tea.Cmd { return m.run() }

// SetKeyMap replaces the view's keys (the parent may need Tab for itself).
func (m *Model) SetKeyMap(k KeyMap) {
	m.list.SetKeyMap(k.KeyMap)
	m.complete = k.Complete
	m.syncKeys()
}

// syncKeys enables the keys that can act now, so that help tells the truth
// (the list's follow its rows).
func (m *Model) syncKeys() {
	m.complete.SetEnabled(len(m.sugs) > 0)
}

// SetStyles restyles the view (after the terminal reported its background).
func (m *Model) SetStyles(st theme.Styles) { m.styles = st }

// SetSize gives the view its width and height in cells.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.list.SetWidth(m.width)
	m.list.SetVisible(m.visibleHits())
	return nil
}

// SetQuery replaces the query, as if typed, and runs it.
func (m *Model) SetQuery(q string) tea.Cmd {
	m.list.SetQuery(q)
	m.comp = nil
	return m.run()
}

// Query returns the text of the query line.
func (m Model) Query() string { return m.list.Query() }

// Focus gives the query line the cursor.
func (m *Model) Focus() tea.Cmd { return m.list.Focus() }

// Typing reports whether keys are text for the query line (it has the
// cursor): the parent must not take letters such as "q" for itself then.
func (m Model) Typing() bool { return m.list.Typing() }

// Blur takes the cursor away.
func (m *Model) Blur() { m.list.Blur() }

// Hits returns the hits shown, best first.
func (m Model) Hits() []index.Hit { return m.res.Hits }

// Total is how many briefs matched the query shown.
func (m Model) Total() int { return m.res.Total }

// Suggestions returns the entities suggested for the name being typed.
func (m Model) Suggestions() []index.Suggestion { return m.sugs }

// Selected returns the highlighted hit.
func (m Model) Selected() (index.Hit, bool) {
	if c := m.list.Cursor(); m.list.Selected() && c < len(m.res.Hits) {
		return m.res.Hits[c], true
	}
	return index.Hit{}, false
}

// Err is the error of the query shown (a malformed query), or nil.
func (m Model) Err() error { return m.err }

// Init starts the cursor blinking.
func (m Model) Init() tea.Cmd { return textinput.Blink }

// Update handles keys when the view has focus, and the answers to its queries.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case resultMsg:
		if msg.seq < m.shown {
			return m, nil // an older query's late answer
		}
		m.shown = msg.seq
		m.pending = msg.seq != m.seq
		// the same query again (Refresh as briefs arrive): stay on the same brief
		var keep string
		if h, ok := m.Selected(); ok && msg.query == m.query {
			keep = h.ArticleID
		}
		m.query, m.err, m.sugs = msg.query, msg.err, msg.sugs
		m.sugAt, m.sugOp = msg.sugStart, msg.sugInOp
		if msg.err == nil {
			m.res = msg.res
		}
		m.list.SetLen(len(m.res.Hits))
		m.list.Select(0)
		for i, h := range m.res.Hits {
			if h.ArticleID == keep {
				m.list.Select(i)
				break
			}
		}
		m.syncKeys()
		return m, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, m.complete) {
			return m, m.completeName()
		}
	}
	var ev querylist.Event
	var cmd tea.Cmd
	m.list, ev, cmd = m.list.Update(msg)
	switch ev {
	case querylist.Open:
		h, ok := m.Selected()
		if !ok {
			return m, cmd
		}
		open := OpenMsg{ArticleID: h.ArticleID}
		if len(h.Entities) > 0 {
			open.EntityID = h.Entities[0]
		}
		return m, func() tea.Msg { return open }
	case querylist.Edited:
		m.comp = nil
		return m, tea.Batch(cmd, m.run())
	}
	return m, cmd
}

// run sends the current query to the searcher in a command.
func (m *Model) run() tea.Cmd {
	m.seq++
	seq, q, src := m.seq, m.list.Query(), m.src
	m.pending = true
	if src == nil {
		return nil
	}
	return func() tea.Msg {
		msg := resultMsg{seq: seq, query: q}
		if strings.TrimSpace(q) != "" {
			if ts, ok := src.(TypingSearcher); ok { // the word being typed matches the words it starts
				msg.res, msg.err = ts.SearchTyping(q, maxHits)
			} else {
				msg.res, msg.err = src.Search(q, maxHits)
			}
		}
		// the longest run of words being typed that some entity matches
		start, pattern, inOp := completionTarget(q)
		for pattern != "" {
			if msg.sugs = startingWith(src.Suggest(pattern, maxSuggestions*8), pattern); len(msg.sugs) > 0 || inOp {
				break
			}
			k := strings.IndexByte(pattern, ' ')
			if k < 0 {
				break
			}
			start += k + 1
			pattern = strings.TrimLeft(pattern[k+1:], " ")
		}
		msg.sugStart, msg.sugInOp = start, inOp
		return msg
	}
}

// completeName replaces the name being typed with the next suggested entity.
func (m *Model) completeName() tea.Cmd {
	v := m.list.Query()
	if m.comp == nil || v != m.comp.value {
		// the suggestions shown are for the query shown; an answer may still be on its way
		if len(m.sugs) == 0 || v != m.query || m.sugAt > len(v) {
			return nil
		}
		prefix, inOp := v[:m.sugAt], m.sugOp
		if !inOp {
			prefix += "entity:"
		}
		m.comp = &completion{prefix: prefix, sugs: m.sugs, i: -1}
	}
	m.comp.i = (m.comp.i + 1) % len(m.comp.sugs)
	s := m.comp.sugs[m.comp.i]
	m.comp.value = m.comp.prefix + `"` + s.Name + `" `
	m.list.SetQuery(m.comp.value)
	comp := m.comp
	cmd := m.run()
	m.comp = comp
	return cmd
}

// completionTarget finds the name being typed at the end of a query: where
// it starts, the text typed so far, and whether it follows entity: or
// speaker: (else it is a run of up to three bare words).
func completionTarget(q string) (start int, pattern string, inOp bool) {
	if strings.HasSuffix(q, " ") && strings.Count(q, `"`)%2 == 0 {
		return len(q), "", false
	}
	// an open quote after an operator: entity:"Sergei Lav
	if strings.Count(q, `"`)%2 == 1 {
		open := strings.LastIndexByte(q, '"')
		before := q[:open]
		for _, op := range []string{"entity:", "speaker:"} {
			if strings.HasSuffix(strings.ToLower(before), op) {
				return open, strings.TrimSpace(q[open+1:]), true
			}
		}
		return len(q), "", false
	}
	words := strings.Fields(q)
	if len(words) == 0 {
		return len(q), "", false
	}
	last := words[len(words)-1]
	lastAt := strings.LastIndex(q, last)
	if p, rest, ok := strings.Cut(last, ":"); ok {
		switch strings.ToLower(p) {
		case "entity", "speaker":
			return lastAt + len(p) + 1, rest, true
		}
		return len(q), "", false
	}
	start = lastAt
	n := 1
	for i := len(words) - 2; i >= 0 && n < 3; i-- {
		w := words[i]
		if w == "AND" || strings.ContainsAny(w, `:"`) {
			break
		}
		start = strings.LastIndex(q[:start], w)
		n++
	}
	return start, strings.TrimSpace(q[start:]), false
}

// visibleHits is how many hits fit under the header lines.
func (m Model) visibleHits() int {
	return max((m.height-headerLines)/linesPerHit, 1)
}

// View draws the query line, the suggestions, a status line and the hits.
func (m Model) View() string {
	w := max(m.width, 20)
	lines := []string{m.list.InputView(), m.suggestionLine(w), m.statusLine(w)}
	from, to := m.list.Window()
	for i := from; i < to && i < len(m.res.Hits); i++ {
		lines = append(lines, m.hitLines(m.res.Hits[i], i == m.list.Cursor(), w)...)
	}
	if m.height > 0 && len(lines) > m.height {
		lines = lines[:m.height]
	}
	return strings.Join(lines, "\n")
}

func (m Model) suggestionLine(w int) string {
	if len(m.sugs) == 0 {
		return ""
	}
	parts := make([]string, 0, len(m.sugs))
	for i, s := range m.sugs {
		name := m.styles.EntityStyle(s.Kind).Render(s.Name)
		if m.comp != nil && m.comp.i == i && m.list.Query() == m.comp.value {
			name = m.styles.Selected.Render(s.Name)
		}
		parts = append(parts, fmt.Sprintf("%s %s", name, m.styles.Faint.Render(fmt.Sprintf("%s·%d", s.Kind, s.Articles))))
	}
	return ansi.Truncate(m.styles.Faint.Render("tab ▸ ")+strings.Join(parts, "  "), w, "…")
}

func (m Model) statusLine(w int) string {
	var s string
	switch {
	case m.src == nil:
		s = m.styles.Faint.Render("the index is still loading…")
	case m.err != nil:
		s = m.styles.Warning.Render(m.err.Error())
	case strings.TrimSpace(m.query) == "":
		s = m.styles.Faint.Render("type a name, words or a \"phrase\"")
	default:
		noun := "briefs"
		if m.res.Total == 1 {
			noun = "brief"
		}
		about := ""
		if m.res.Checked > 0 {
			about = "about " // a phrase over many briefs: the total is estimated
		}
		s = m.styles.Status.Render(fmt.Sprintf("%s%d %s  ·  %s", about, m.res.Total, noun, strings.Join(m.res.Terms, " ")))
		if m.pending {
			s += m.styles.Faint.Render("  …")
		}
	}
	return ansi.Truncate(s, w, "…")
}

func (m Model) hitLines(h index.Hit, selected bool, w int) []string {
	title := h.Title
	if !h.Published.IsZero() {
		title += m.styles.Faint.Render("  " + h.Published.Format("2 Jan 2006"))
	}
	marker := "  "
	if selected {
		marker = m.styles.Header.Render("▌ ")
		title = lipgloss.NewStyle().Bold(true).Render(h.Title)
		if !h.Published.IsZero() {
			title += m.styles.Faint.Render("  " + h.Published.Format("2 Jan 2006"))
		}
	}
	return []string{
		ansi.Truncate(marker+title, w, "…"),
		ansi.Truncate("  "+m.snippet(h.Snippet, w-2), w, "…"),
		"",
	}
}

// snippet renders a snippet with its highlights marked, starting near the
// first highlight so that it shows within width w.
func (m Model) snippet(s index.Snippet, w int) string {
	text := s.Text
	from := 0
	if len(s.Highlights) > 0 && ansi.StringWidth(text[:s.Highlights[0].End]) > w-2 {
		// the first match would fall off the line: start a little before it, at a word
		from = max(s.Highlights[0].Start-w/4, 0)
		if k := strings.IndexByte(text[from:s.Highlights[0].Start], ' '); k >= 0 {
			from += k + 1
		}
		for from < len(text) && (text[from]&0xC0) == 0x80 {
			from++
		}
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	at := from
	for _, hl := range s.Highlights {
		if hl.Start < at || hl.End > len(text) {
			continue
		}
		b.WriteString(m.styles.Faint.Render(text[at:hl.Start]))
		b.WriteString(m.styles.Mention.Render(text[hl.Start:hl.End]))
		at = hl.End
	}
	b.WriteString(m.styles.Faint.Render(text[at:]))
	return b.String()
}

// ShortHelp is the view's part of the help bar.
func (m Model) ShortHelp() []key.Binding {
	k := m.list.KeyMap()
	return []key.Binding{k.Open, k.Up, k.Down, m.complete}
}

// FullHelp is the view's part of the full help.
func (m Model) FullHelp() [][]key.Binding {
	k := m.list.KeyMap()
	return [][]key.Binding{{k.Open, m.complete}, {k.Up, k.Down, k.PageUp, k.PageDown}}
}
