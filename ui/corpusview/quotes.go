package corpusview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles/index"
	"briefs/model"
	"briefs/ui/querylist"
	"briefs/ui/theme"
)

// QuoteFilter is what the Quotes view's filter line asks for: the quotes of
// Speaker, about the entity About, whose words or speaker hold Words (each
// empty lets everything through).
type QuoteFilter struct {
	Speaker string
	About   string
	Words   string
}

// ParseQuoteFilter reads a filter line: `speaker:NAME` and `about:NAME`
// take a "quoted" name or the words up to the next operator; the words
// before the first operator (or after a quoted name) are searched in the
// quotes' text and speakers.
func ParseQuoteFilter(s string) QuoteFilter {
	var f QuoteFilter
	var words []string
	rest := s
	for {
		at, op := nextOperator(rest)
		if at < 0 {
			words = append(words, rest)
			break
		}
		words = append(words, rest[:at])
		rest = rest[at+len(op):]
		var val string
		if strings.HasPrefix(rest, `"`) {
			if end := strings.IndexByte(rest[1:], '"'); end >= 0 {
				val, rest = rest[1:1+end], rest[2+end:]
			} else {
				val, rest = rest[1:], "" // still typing the name
			}
		} else {
			next, _ := nextOperator(rest)
			if next < 0 {
				next = len(rest)
			}
			val, rest = rest[:next], rest[next:]
		}
		val = strings.Join(strings.Fields(val), " ")
		if op == "speaker:" {
			f.Speaker = val
		} else {
			f.About = val
		}
	}
	f.Words = strings.Join(strings.Fields(strings.Join(words, " ")), " ")
	return f
}

// nextOperator finds the next speaker: or about: that starts a word.
func nextOperator(s string) (at int, op string) {
	low := strings.ToLower(s)
	at = -1
	for _, o := range []string{"speaker:", "about:"} {
		for from := 0; ; {
			k := strings.Index(low[from:], o)
			if k < 0 {
				break
			}
			k += from
			if k == 0 || low[k-1] == ' ' {
				if at < 0 || k < at {
					at, op = k, o
				}
				break
			}
			from = k + len(o)
		}
	}
	return at, op
}

// quoteBase is what the source answered for one speaker and about, kept
// so that words typed after them filter it again without asking the source
// (listing every quote of 100,000 briefs takes ~200 ms). It is never
// changed once made: commands read it from other goroutines.
type quoteBase struct {
	source         int // the view's source generation it was asked of
	speaker, about string
	hits           []index.QuoteHit
	folded         []string // per hit: its words and speaker folded, made when words are first typed
	speakerName    string   // the entity the speaker stands for, or ""
	aboutName      string
	closeNames     []string // people whose names are close to a speaker that stands for no entity
}

// quotesMsg carries the quotes of the corpus for a filter line.
type quotesMsg struct {
	gen      int
	base     *quoteBase
	filter   string
	speakers int // distinct speakers among hits
	briefs   int // distinct briefs among hits
	// how the names were understood: the entity's name, or "" when the name stands for no entity
	speakerName, aboutName string
	closeNames             []string
	// pick lists the hits of base shown, by index; all of them when every is set
	pick  []int32
	every bool
}

// len is how many quotes the answer shows.
func (q *quotesMsg) len() int {
	switch {
	case q.base == nil:
		return 0
	case q.every:
		return len(q.base.hits)
	}
	return len(q.pick)
}

// at returns the i-th quote shown.
func (q *quotesMsg) at(i int) *index.QuoteHit {
	if q.every {
		return &q.base.hits[i]
	}
	return &q.base.hits[q.pick[i]]
}

// QuotesView lists every quote of the corpus, one a row: “quote…” —
// Speaker (brief title). The filter line takes speaker:NAME, about:NAME and
// words; Enter sends OpenQuoteMsg.
type QuotesView struct {
	styles theme.Styles
	list   querylist.Model // the filter line over the quotes shown, with the cursor
	src    Source

	inlineMax int
	async     bool
	gen       int // bumped by SetSource, Refresh and every change of the filter line
	source    int // bumped by SetSource and Refresh only
	base      *quoteBase
	loading   bool

	shown quotesMsg // the answer shown

	width, height int
}

// NewQuotes builds the Quotes view. src may be nil until the index is ready (SetSource).
func NewQuotes(src Source, st theme.Styles) QuotesView {
	m := QuotesView{
		styles:    st,
		list:      querylist.New("quotes: ", "speaker:Lavrov about:Iran, or words of the quote"),
		inlineMax: InlineLimit,
	}
	m.SetSize(80, 24)
	// A nil or small source is listed here; a large one by the command of Init.
	_ = m.SetSource(src)
	return m
}

// SetSource sets the corpus to list and lists it (in the returned command
// for a large corpus).
func (m *QuotesView) SetSource(src Source) tea.Cmd {
	m.src = src
	return m.Refresh()
}

// Refresh lists the quotes again (after more briefs were indexed), keeping
// the selected quote when it is still listed.
func (m *QuotesView) Refresh() tea.Cmd {
	m.source++
	m.base = nil
	return m.relist()
}

// relist lists the quotes that pass the filter line.
func (m *QuotesView) relist() tea.Cmd {
	m.gen++
	if m.src == nil {
		m.shown, m.loading = quotesMsg{}, false
		m.list.SetLen(0)
		return nil
	}
	m.async = m.src.Len() >= m.inlineMax
	m.loading = true
	return m.exec(m.listCmd())
}

// listCmd lists the quotes that pass the filter line, for the current generation.
func (m QuotesView) listCmd() func() tea.Msg {
	src, gen, source, base, line := m.src, m.gen, m.source, m.base, m.list.Query()
	return func() tea.Msg { return listQuotes(src, gen, source, base, line) }
}

// listQuotes lists the quotes that pass a filter line: from base when it
// answers the same speaker and about, else from src.
func listQuotes(src Source, gen, source int, base *quoteBase, line string) quotesMsg {
	f := ParseQuoteFilter(line)
	if base == nil || base.source != source || base.speaker != f.Speaker || base.about != f.About {
		base = &quoteBase{source: source, speaker: f.Speaker, about: f.About, hits: src.Quotes(f.Speaker, f.About)}
		if f.Speaker != "" {
			if e, ok := src.Entity(f.Speaker); ok {
				base.speakerName = e.Name
			} else {
				for _, sg := range src.Suggest(f.Speaker, 8) {
					if sg.Kind == model.KindPerson && len(base.closeNames) < 3 {
						base.closeNames = append(base.closeNames, sg.Name)
					}
				}
			}
		}
		if f.About != "" {
			if e, ok := src.Entity(f.About); ok {
				base.aboutName = e.Name
			}
		}
	}
	msg := quotesMsg{gen: gen, filter: line, every: true, speakerName: base.speakerName, aboutName: base.aboutName,
		closeNames: base.closeNames}
	if words := strings.FieldsFunc(fold(f.Words), func(r rune) bool { return r == '-' }); len(words) > 0 {
		if base.folded == nil {
			folded := make([]string, len(base.hits))
			for i, h := range base.hits {
				folded[i] = fold(h.Quote.Text) + "\x00" + fold(h.SpeakerName) + "\x00" + fold(h.Quote.Speaker)
			}
			b := *base
			b.folded = folded
			base = &b
		}
		msg.every = false
		for i, text := range base.folded {
			ok := true
			for _, w := range words {
				if !strings.Contains(text, w) {
					ok = false
					break
				}
			}
			if ok {
				msg.pick = append(msg.pick, int32(i))
			}
		}
	}
	msg.base = base
	speakers, briefs := map[string]bool{}, map[string]bool{}
	for i := range msg.len() {
		h := msg.at(i)
		who := h.SpeakerID
		if who == "" {
			who = "\x00" + h.SpeakerName
		}
		speakers[who] = true
		briefs[h.ArticleID] = true
	}
	msg.speakers, msg.briefs = len(speakers), len(briefs)
	return msg
}

// exec runs f in a command for a large corpus, else at once, handing its
// message to Update.
func (m *QuotesView) exec(f func() tea.Msg) tea.Cmd {
	if m.async {
		return f
	}
	var cmd tea.Cmd
	*m, cmd = m.Update(f())
	return cmd
}

// SetKeyMap replaces the view's keys (the parent may need Tab for itself).
// (the view has no kinds: NextKind and PrevKind do nothing here).
func (m *QuotesView) SetKeyMap(k KeyMap) { m.list.SetKeyMap(k.KeyMap) }

// SetStyles restyles the view (after the terminal reported its background).
func (m *QuotesView) SetStyles(st theme.Styles) { m.styles = st }

// SetSize gives the view its width and height in cells.
func (m *QuotesView) SetSize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.list.SetWidth(m.width)
	m.list.SetVisible(m.listRows())
	return nil
}

// SetFilter replaces the filter line, as if typed ("speaker:Lavrov about:Iran").
func (m *QuotesView) SetFilter(s string) tea.Cmd {
	m.list.SetQuery(s)
	return m.relist()
}

// Filter returns the text of the filter line.
func (m QuotesView) Filter() string { return m.list.Query() }

// Focus gives the filter line the cursor.
func (m *QuotesView) Focus() tea.Cmd { return m.list.Focus() }

// Blur takes the cursor away.
func (m *QuotesView) Blur() { m.list.Blur() }

// Typing reports whether keys are text for the filter line: the parent must
// not take letters such as "q" for itself then.
func (m QuotesView) Typing() bool { return m.list.Typing() }

// Loading reports whether quotes for the filter line are still being listed.
func (m QuotesView) Loading() bool { return m.loading }

// Quotes returns the quotes shown, in corpus order.
func (m QuotesView) Quotes() []index.QuoteHit {
	out := make([]index.QuoteHit, m.shown.len())
	for i := range out {
		out[i] = *m.shown.at(i)
	}
	return out
}

// Selected returns the highlighted quote.
func (m QuotesView) Selected() (index.QuoteHit, bool) {
	c := m.list.Cursor()
	if !m.list.Selected() || c >= m.shown.len() {
		return index.QuoteHit{}, false
	}
	return *m.shown.at(c), true
}

// Init lists a large source given to NewQuotes; otherwise it does nothing.
func (m QuotesView) Init() tea.Cmd {
	if m.loading && m.async && m.src != nil {
		return m.listCmd()
	}
	return nil
}

// Update handles keys when the view has focus, and the answers of its commands.
func (m QuotesView) Update(msg tea.Msg) (QuotesView, tea.Cmd) {
	switch msg := msg.(type) {
	case quotesMsg:
		if msg.gen != m.gen {
			return m, nil // for an older filter or source
		}
		keep, kept := m.Selected()
		sameFilter := msg.filter == m.shown.filter
		m.shown, m.loading, m.base = msg, false, msg.base
		m.list.SetLen(msg.len())
		m.list.Select(0)
		if kept && sameFilter {
			for i := range msg.len() {
				h := msg.at(i)
				if h.ArticleID == keep.ArticleID && h.Quote.Start == keep.Quote.Start && h.Quote.Field == keep.Quote.Field {
					m.list.Select(i)
					break
				}
			}
		}
		return m, nil
	}
	var ev querylist.Event
	var cmd tea.Cmd
	m.list, ev, cmd = m.list.Update(msg)
	switch ev {
	case querylist.Open:
		if h, ok := m.Selected(); ok {
			out := OpenQuoteMsg{ArticleID: h.ArticleID, Start: h.Quote.Start, Field: h.Quote.Field}
			return m, func() tea.Msg { return out }
		}
	case querylist.Edited:
		return m, tea.Batch(cmd, m.relist())
	}
	return m, cmd
}

// layout says how many rows the list has and how many lines the selected
// quote's detail under it takes (0: no room for it).
func (m QuotesView) layout() (rows, detailH int) {
	rows = max(m.height-headerLines, 0)
	if m.height >= belowMinRows {
		detailH = min(10, m.height/3)
		rows -= detailH + 1
	}
	return rows, detailH
}

func (m QuotesView) listRows() int {
	rows, _ := m.layout()
	return max(rows, 1)
}

// View draws the filter line, how it was understood, the counts, the quotes
// and the selected quote in full, in at most the view's width and height.
func (m QuotesView) View() string {
	if m.width < 1 || m.height < 1 {
		return ""
	}
	w := m.width
	rows, detailH := m.layout()
	lines := []string{clip(m.list.InputView(), w), m.filterLine(w), m.statusLine(w)}
	from, to := m.list.Window()
	to = min(to, from+max(rows, 0))
	for i := from; i < to; i++ {
		lines = append(lines, m.row(m.shown.at(i), i == m.list.Cursor(), w))
	}
	if detailH > 0 {
		for len(lines) < headerLines+rows {
			lines = append(lines, "")
		}
		lines = append(lines, m.styles.Faint.Render(strings.Repeat("─", w)))
		lines = append(lines, m.detail(w, detailH)...)
	}
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	for i := range lines {
		lines[i] = clip(strings.TrimRight(lines[i], " "), w)
	}
	return strings.Join(lines, "\n")
}

// filterLine says how the filter line was understood.
func (m QuotesView) filterLine(w int) string {
	f := ParseQuoteFilter(m.shown.filter)
	var parts []string
	name := func(typed, resolved string) string {
		if resolved != "" {
			return resolved
		}
		return fmt.Sprintf("%q as written", typed)
	}
	if f.Speaker != "" {
		parts = append(parts, "speaker "+m.styles.Header.Render(name(f.Speaker, m.shown.speakerName)))
		if len(m.shown.closeNames) > 0 {
			parts = append(parts, m.styles.Faint.Render("did you mean ")+strings.Join(m.shown.closeNames, ", "))
		}
	}
	if f.About != "" {
		parts = append(parts, "about "+m.styles.Header.Render(name(f.About, m.shown.aboutName)))
	}
	if f.Words != "" {
		parts = append(parts, fmt.Sprintf("words %q", f.Words))
	}
	if len(parts) == 0 {
		return clip(m.styles.Faint.Render("every quote · filter with speaker:NAME about:NAME or words"), w)
	}
	return clip(m.styles.Faint.Render("filter: ")+strings.Join(parts, m.styles.Faint.Render(" · ")), w)
}

// statusLine gives the counts.
func (m QuotesView) statusLine(w int) string {
	var s string
	switch {
	case m.src == nil:
		s = m.styles.Faint.Render("the index is still loading…")
	case m.loading && m.shown.gen == 0:
		s = m.styles.Faint.Render("listing the quotes…")
	case m.shown.len() == 0 && strings.TrimSpace(m.shown.filter) == "":
		s = m.styles.Faint.Render("no quotes in the corpus yet")
	case m.shown.len() == 0:
		s = m.styles.Warning.Render("no quote passes the filter")
	default:
		s = m.styles.Status.Render(fmt.Sprintf("%s · %s · %s", plural(m.shown.len(), "quote", "quotes"),
			plural(m.shown.speakers, "speaker", "speakers"), plural(m.shown.briefs, "brief", "briefs")))
	}
	if m.loading && m.shown.gen != 0 {
		s += m.styles.Faint.Render("  …")
	}
	return clip(s, w)
}

// row draws “quote…” — Speaker (brief title), the title left out when narrow.
func (m QuotesView) row(h *index.QuoteHit, selected bool, w int) string {
	inner := w - 2
	speaker := h.SpeakerName
	if speaker == "" {
		speaker = "unattributed"
	}
	speaker = clip(speaker, max(min(28, inner/4), 6))
	var title string
	if inner >= 50 {
		title = " (" + clip(h.Title, max(inner/4, 10)) + ")"
	}
	tail := " — " + speaker + title
	quoteW := inner - ansi.StringWidth(tail) - 2 // the marks
	text := strings.Join(strings.Fields(h.Quote.Text), " ")
	var quote string
	if quoteW < 4 {
		quote = clip("“"+text+"”", max(inner-ansi.StringWidth(tail), 1))
	} else {
		quote = "“" + clip(text, quoteW) + "”"
	}
	marker := "  "
	if selected {
		marker = m.styles.Header.Render("▌ ")
		return clip(marker+m.styles.Selected.Render(quote+" — "+speaker)+m.styles.Faint.Render(title), w)
	}
	return clip(marker+m.styles.Quote.Render(quote)+m.styles.Speaker.Render(" — ")+speaker+m.styles.Faint.Render(title), w)
}

// detail draws the selected quote in full: its words, who said it and where.
func (m QuotesView) detail(w, h int) []string {
	q, ok := m.Selected()
	if !ok || h < 1 {
		return nil
	}
	who := q.SpeakerName
	if who == "" {
		who = "unattributed"
	}
	if q.Quote.SpeakerRole != "" {
		who += ", " + q.Quote.SpeakerRole
	}
	if q.Quote.Cue != "" {
		who += " (" + q.Quote.Cue + ")"
	}
	where := q.Title
	if !q.Published.IsZero() {
		where += " · " + q.Published.Format("2 Jan 2006")
	}
	text := wrap("“"+q.Quote.Text+"”", w)
	room := max(h-2, 1)
	if len(text) > room {
		text = text[:room]
		text[room-1] = clip(text[room-1]+" …", w)
	}
	var lines []string
	for _, l := range text {
		lines = append(lines, m.styles.Quote.Render(l))
	}
	lines = append(lines, clip(m.styles.Speaker.Render("— ")+who, w), clip(m.styles.Faint.Render(where), w))
	if len(lines) > h {
		lines = lines[:h]
	}
	return lines
}

// ShortHelp is the view's part of the help bar.
func (m QuotesView) ShortHelp() []key.Binding {
	k := m.list.KeyMap()
	return []key.Binding{k.Open, k.Up, k.Down}
}

// FullHelp is the view's part of the full help.
func (m QuotesView) FullHelp() [][]key.Binding {
	k := m.list.KeyMap()
	return [][]key.Binding{{k.Open}, {k.Up, k.Down, k.PageUp, k.PageDown}}
}
