// Package reader shows one brief rendered by glamour in a scrollable
// viewport. Rendering runs in a tea.Cmd and is cached per article, width and
// theme; a result that arrives for another article or width is kept in the
// cache but not shown.
package reader

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles/source"
	"briefs/model"
	"briefs/ui/theme"
)

// BackMsg asks the parent to leave the reader.
type BackMsg struct{}

// StepMsg asks the parent to open the brief Delta places away in the list (-1 previous, +1 next).
type StepMsg struct {
	From  string // id of the brief being read
	Delta int
}

// docKey names one rendering: which article, at what width, in which theme.
type docKey struct {
	id     string
	width  int
	style  string
	noTags bool // rendered without the speaker tags
}

// RenderedMsg carries a finished rendering back to the reader.
type RenderedMsg struct {
	key docKey
	Doc *Document
	Err error
}

// Model is the reader component.
type Model struct {
	keys   KeyMap
	st     theme.Styles
	vp     viewport.Model
	noTags bool // the speaker tags are hidden (config speaker_tags = false)

	art     model.Article
	has     bool
	width   int
	height  int
	measure int       // the widest the text is wrapped at; 0: the reader's width
	doc     *Document // what is on screen; may be for an older width while a new one renders
	docFor  docKey
	cache   map[docKey]*Document
	err     error
	pending map[docKey]bool

	sel     Selection
	jump    bool // scroll to the selection once the document is on screen
	restore int  // the line to show at the top once the document is on screen; -1: none
	anchor  int  // or the body byte offset to show there (see Anchor); -1: none
	starred bool // the status line shows a star

	fd find // find in the brief (/, n, N, esc)
}

// New returns an empty reader.
func New(st theme.Styles) Model {
	keys := DefaultKeyMap()
	keys.setMentionKeys(false)
	vp := viewport.New()
	vp.KeyMap = keys.viewportKeys()
	vp.MouseWheelEnabled = true
	return Model{
		keys:    keys,
		st:      st,
		vp:      vp,
		cache:   map[docKey]*Document{},
		pending: map[docKey]bool{},
		sel:     noSelection,
		fd:      find{cur: -1},
		restore: -1,
		anchor:  -1,
	}
}

// Article returns the brief being read; false when none is open.
func (m Model) Article() (model.Article, bool) { return m.art, m.has }

// Open shows a brief from its top and returns the command that renders it,
// if it is not cached. The brief already open stays where it is.
func (m *Model) Open(a model.Article) tea.Cmd { return m.OpenAt(a, Place{}) }

// Place is where a brief was left: the body text at the top of the screen
// (Anchor, its byte offset plus one; 0 when unknown), which stays put when
// the brief is wrapped at another width, else the line (Line).
type Place struct{ Line, Anchor int }

// OpenAt shows a brief from the place where the user left it last time, as
// Open does; the place is kept within the document once it is rendered.
func (m *Model) OpenAt(a model.Article, at Place) tea.Cmd {
	same := m.has && m.art.ID == a.ID
	m.art, m.has = a, true
	m.err = nil
	if !same {
		m.sel = noSelection
		m.keys.setMentionKeys(false)
		m.doc = nil
		m.vp.SetContent("")
		m.vp.GotoTop()
		m.starred = false
		m.fd = find{cur: -1}
		m.restore, m.anchor = -1, -1
		m.setPlace(at)
	} else if m.fd.on() {
		// a fuller or changed version of the brief: the find's offsets move with its text
		m.fd.matches = FindMatches(&m.art, m.fd.query)
		if m.fd.cur >= len(m.fd.matches) {
			m.fd.cur = len(m.fd.matches) - 1
		}
	}
	return m.ensure()
}

// Restore scrolls the open brief to a place, as OpenAt would have (for a
// place known only after the brief opened).
func (m *Model) Restore(at Place) {
	if !m.has || at.Line <= 0 && at.Anchor <= 0 {
		return
	}
	m.setPlace(at)
	if m.doc != nil {
		m.applyPlace()
	}
}

// setPlace keeps a place to scroll to once the document is on screen.
func (m *Model) setPlace(at Place) {
	if at.Anchor > 0 {
		m.anchor = at.Anchor - 1
	}
	if at.Line > 0 {
		m.restore = at.Line
	}
}

// applyPlace scrolls to the kept place: the anchor's line at this width,
// else the kept line (the viewport keeps either within the document).
func (m *Model) applyPlace() {
	line := m.restore
	if m.anchor >= 0 && m.doc != nil {
		if l := m.doc.LineOfAnchor(m.anchor); l >= 0 {
			line = l
		}
	}
	if line >= 0 {
		m.vp.SetYOffset(line)
	}
	m.restore, m.anchor = -1, -1
}

// Place returns where the open brief is scrolled to: the top line and the
// body text shown there (see Place).
func (m Model) Place() Place {
	p := Place{Line: m.vp.YOffset()}
	if m.doc != nil {
		if off := m.doc.AnchorAt(p.Line); off >= 0 && p.Line > 0 {
			p.Anchor = off + 1
		}
	}
	return p
}

// SetStarred shows a star in the status line, or not.
func (m *Model) SetStarred(on bool) { m.starred = on }

// AtEnd reports whether the end of the brief is on screen (false while it renders).
func (m Model) AtEnd() bool { return m.doc != nil && m.vp.AtBottom() }

// SetStyles changes the theme and re-renders in it.
func (m *Model) SetStyles(st theme.Styles) tea.Cmd {
	m.st = st
	return m.ensure()
}

// SetSize gives the reader its width and height in cells, status line included.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.vp.SetWidth(m.textWidth())
	m.vp.SetHeight(max(m.height-1, 0))
	return m.ensure()
}

// SetMeasure caps the width the text is wrapped at (a readable measure on a
// wide screen); the text is centred in the room left. 0 or less: no cap.
func (m *Model) SetMeasure(cells int) tea.Cmd {
	m.measure = max(cells, 0)
	m.vp.SetWidth(m.textWidth())
	return m.ensure()
}

// textWidth is the width the brief is wrapped at.
func (m Model) textWidth() int {
	if m.measure > 0 && m.measure < m.width {
		return m.measure
	}
	return m.width
}

// margin is the blank room left of the text that centres it.
func (m Model) margin() int { return (m.width - m.textWidth()) / 2 }

// SetKeyMap replaces the reader's keys (remapped by the user's config); the
// help hints follow the new bindings.
func (m *Model) SetKeyMap(k KeyMap) {
	on := m.sel.Entity != ""
	k.backHint = hint(k.Back, k.Back.Help().Desc)
	k.mentionHint = hintPair(k.NextMention, k.PrevMention, "mentions")
	k.scrollHint = hintPair(k.Down, k.Up, "scroll")
	k.stepHint = hintPair(k.Prev, k.Next, "briefs")
	k.findHint = hint(k.Find, "find")
	k.setMentionKeys(on)
	m.keys = k
	m.vp.KeyMap = k.viewportKeys()
}

// KeyMap returns the reader's keys.
func (m Model) KeyMap() KeyMap { return m.keys }

func (m Model) key() docKey {
	return docKey{id: m.art.ID, width: m.textWidth(), style: m.st.Glamour, noTags: m.noTags}
}

// SetSpeakerTags shows or hides the "⟨Speaker⟩" tags in the text.
func (m *Model) SetSpeakerTags(on bool) tea.Cmd {
	if m.noTags == !on {
		return nil
	}
	m.noTags = !on
	return m.ensure()
}

// ensure shows the cached rendering for the current article, width and theme,
// or starts rendering it.
func (m *Model) ensure() tea.Cmd {
	if !m.has || m.width <= 0 {
		return nil
	}
	k := m.key()
	if d, ok := m.cache[k]; ok {
		m.show(k, d)
		return nil
	}
	if m.pending[k] {
		return nil
	}
	m.pending[k] = true
	a := m.art // the command must not read the model while Update changes it
	if k.noTags {
		a.Quotes = slices.Clone(a.Quotes)
		for i := range a.Quotes {
			a.Quotes[i].Speaker = "" // no "⟨Speaker⟩" in the text
		}
	}
	return func() tea.Msg {
		d, err := Render(&a, k.width, k.style)
		return RenderedMsg{key: k, Doc: d, Err: err}
	}
}

// Forget drops the cached renderings of a brief whose text, entities or
// quotes changed. If it is on screen, it shows again once re-rendered (its
// old rendering would not match the new offsets).
func (m *Model) Forget(id string) {
	for k := range m.cache {
		if k.id == id {
			delete(m.cache, k)
		}
	}
	if m.docFor.id == id && m.doc != nil {
		if m.has && m.art.ID == id && m.restore < 0 && m.anchor < 0 {
			m.setPlace(m.Place()) // the new rendering opens where the reader was
		}
		m.doc = nil
	}
}

// maxCached bounds the renderings kept: past it, those of other briefs go.
const maxCached = 48

// remember caches a rendering, dropping other briefs' when the cache is full.
func (m *Model) remember(k docKey, d *Document) {
	if len(m.cache) >= maxCached {
		for old := range m.cache {
			if old.id != k.id && old.id != m.art.ID {
				delete(m.cache, old)
			}
		}
	}
	m.cache[k] = d
}

// show puts a rendering on screen, keeping the reading position where it can.
func (m *Model) show(k docKey, d *Document) {
	if m.doc == d {
		return
	}
	// the same brief at another width or theme: the text that was at the
	// top stays at the top
	frac, anchor := 0.0, -1
	if m.doc != nil && m.docFor.id == k.id && m.vp.TotalLineCount() > 0 {
		frac = float64(m.vp.YOffset()) / float64(m.vp.TotalLineCount())
		if m.vp.YOffset() > 0 {
			anchor = m.doc.AnchorAt(m.vp.YOffset())
		}
	}
	m.doc, m.docFor = d, k
	m.refresh()
	if l := d.LineOfAnchor(anchor); l >= 0 {
		m.vp.SetYOffset(l)
	} else {
		m.vp.SetYOffset(int(frac * float64(len(d.Lines))))
	}
	if m.restore >= 0 || m.anchor >= 0 {
		m.applyPlace()
	}
	if m.jump {
		m.scrollToSelection()
	}
}

// Selection returns what is selected in the brief.
func (m Model) Selection() Selection { return m.sel }

// SelectEntity marks every mention of the entity and scrolls to the first;
// "" clears it. n and N then step through the mentions.
func (m *Model) SelectEntity(id string) {
	m.sel = Selection{Entity: id, Mention: -1, Quote: -1}
	m.keys.setMentionKeys(id != "")
	m.refresh()
	m.jump = true
	m.scrollToSelection()
}

// StepMention makes the next (delta 1) or previous (-1) mention of the
// selected entity the current one, wrapping around, and scrolls to it.
func (m *Model) StepMention(delta int) {
	e := m.art.EntityByID(m.sel.Entity)
	if e == nil || len(e.Mentions) == 0 {
		return
	}
	n := len(e.Mentions)
	m.sel.Mention = step(m.sel.Mention, delta, n)
	m.refresh()
	m.jump = true
	m.scrollToSelection()
}

// SelectQuote marks a quote (by index into the article's quotes) and
// scrolls to it; -1 clears it.
func (m *Model) SelectQuote(i int) {
	m.sel = Selection{Mention: -1, Quote: i}
	m.keys.setMentionKeys(false)
	m.refresh()
	m.jump = true
	m.scrollToSelection()
}

// ClearSelection removes every mark.
func (m *Model) ClearSelection() {
	m.sel = noSelection
	m.keys.setMentionKeys(false)
	m.refresh()
}

// scrollToSelection brings the current mention, the selected quote or the
// selected entity's first mention on screen, a third of the way down when it
// has to move.
func (m *Model) scrollToSelection() {
	if m.doc == nil {
		return
	}
	m.jump = false
	line := -1
	switch {
	case m.sel.Quote >= 0 && m.sel.Quote < len(m.art.Quotes):
		q := m.art.Quotes[m.sel.Quote]
		line = m.doc.Line(q.Field, q.Start, q.End)
	case m.sel.Entity != "":
		e := m.art.EntityByID(m.sel.Entity)
		if e == nil || len(e.Mentions) == 0 {
			return
		}
		mm := e.Mentions[max(m.sel.Mention, 0)]
		line = m.doc.Line(mm.Field, mm.Start, mm.End)
	}
	if line < 0 {
		return
	}
	h := m.vp.Height()
	if y := m.vp.YOffset(); line >= y && line < y+h {
		return
	}
	m.vp.SetYOffset(max(line-h/3, 0))
}

// refresh redraws the document's lines with the current highlights.
func (m *Model) refresh() {
	if m.doc == nil {
		return
	}
	m.vp.SetContent(strings.Join(decorate(m.doc, &m.art, m.sel, m.fd.matches, m.fd.cur, m.st), "\n"))
}

// Finding reports whether the find prompt is open: every key but ctrl+c is
// the reader's then (letters are the query).
func (m Model) Finding() bool { return m.fd.typing }

// Find returns the confirmed find's query, its matches and the current
// one (-1 for none yet); "" when no find is active.
func (m Model) Find() (query string, matches []Match, cur int) {
	if !m.fd.on() {
		return "", nil, -1
	}
	return m.fd.query, m.fd.matches, m.fd.cur
}

// typeFind handles a key while the find prompt is open: FindAccept
// confirms and goes to the first match from the top of the screen on,
// FindClear drops the find, backspace edits, text extends the query and the
// marks follow as it is typed.
func (m Model) typeFind(msg tea.KeyPressMsg) Model {
	switch {
	case key.Matches(msg, m.keys.FindAccept):
		m.fd.typing = false
		if m.fd.query == "" {
			m.ClearFind()
			return m
		}
		m.fd.active = true
		m.fd.cur = -1
		if len(m.fd.matches) > 0 {
			m.fd.cur = m.firstMatchOnScreen()
			m.refresh()
			m.scrollToMatch()
		}
		return m
	case key.Matches(msg, m.keys.FindClear):
		m.ClearFind()
		return m
	case msg.Code == tea.KeyBackspace:
		if r := []rune(m.fd.query); len(r) > 0 {
			m.fd.query = string(r[:len(r)-1])
		}
	case msg.Text != "" && !strings.ContainsFunc(msg.Text, unicode.IsControl):
		m.fd.query += msg.Text
	default:
		return m
	}
	m.fd.matches = FindMatches(&m.art, m.fd.query)
	m.refresh()
	return m
}

// firstMatchOnScreen is the first match at the top of the screen or below,
// else the first.
func (m Model) firstMatchOnScreen() int {
	if m.doc == nil {
		return 0
	}
	top := m.vp.YOffset()
	for i, f := range m.fd.matches {
		if l := m.doc.Line(f.Field, f.Start, f.End); l >= top {
			return i
		}
	}
	return 0
}

// StepFind makes the next (delta 1) or previous (-1) match the current
// one, wrapping around, and scrolls to it.
func (m *Model) StepFind(delta int) {
	n := len(m.fd.matches)
	if !m.fd.active || n == 0 {
		return
	}
	m.fd.cur = step(m.fd.cur, delta, n)
	m.refresh()
	m.scrollToMatch()
}

// ClearFind drops the find and its marks; n and N step through mentions again.
func (m *Model) ClearFind() {
	m.fd = find{cur: -1}
	m.refresh()
}

// scrollToMatch brings the current match on screen, a third of the way
// down when it has to move.
func (m *Model) scrollToMatch() {
	if m.doc == nil || m.fd.cur < 0 || m.fd.cur >= len(m.fd.matches) {
		return
	}
	f := m.fd.matches[m.fd.cur]
	line := m.doc.Line(f.Field, f.Start, f.End)
	if line < 0 {
		return
	}
	h := m.vp.Height()
	if y := m.vp.YOffset(); line >= y && line < y+h {
		return
	}
	m.vp.SetYOffset(max(line-h/3, 0))
}

// Init does nothing: the parent opens articles.
func (m Model) Init() tea.Cmd { return nil }

// Update handles the reader's keys and mouse when it has focus, and renderings at any time.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case RenderedMsg:
		delete(m.pending, msg.key)
		if msg.Err != nil {
			if msg.key == m.key() {
				m.err = msg.Err
			}
			return m, nil
		}
		m.remember(msg.key, msg.Doc)
		if m.has && msg.key == m.key() {
			m.show(msg.key, msg.Doc)
		}
		return m, nil
	case tea.KeyPressMsg:
		if m.fd.typing {
			return m.typeFind(msg), nil
		}
		switch {
		case key.Matches(msg, m.keys.Find) && m.has:
			m.fd = find{typing: true, cur: -1}
			m.refresh()
			return m, nil
		case m.fd.active && key.Matches(msg, m.keys.FindClear):
			m.ClearFind()
			return m, nil
		case m.fd.active && key.Matches(msg, m.keys.FindNext):
			m.StepFind(+1)
			return m, nil
		case m.fd.active && key.Matches(msg, m.keys.FindPrev):
			m.StepFind(-1)
			return m, nil
		case key.Matches(msg, m.keys.Back):
			return m, func() tea.Msg { return BackMsg{} }
		case key.Matches(msg, m.keys.Prev):
			id := m.art.ID
			return m, func() tea.Msg { return StepMsg{From: id, Delta: -1} }
		case key.Matches(msg, m.keys.Next):
			id := m.art.ID
			return m, func() tea.Msg { return StepMsg{From: id, Delta: +1} }
		case key.Matches(msg, m.keys.Top):
			m.vp.GotoTop()
			return m, nil
		case key.Matches(msg, m.keys.Bottom):
			m.vp.GotoBottom()
			return m, nil
		case key.Matches(msg, m.keys.NextMention):
			m.StepMention(+1)
			return m, nil
		case key.Matches(msg, m.keys.PrevMention):
			m.StepMention(-1)
			return m, nil
		}
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return m, cmd
}

// View draws the brief and a status line under it.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var body string
	switch {
	case !m.has:
		body = m.st.Faint.Render("No brief open.")
	case m.err != nil:
		body = m.st.Warning.Render("Cannot show this brief: " + m.err.Error())
	case m.doc == nil:
		body = m.st.Faint.Render("Rendering…")
	default:
		body = m.vp.View()
	}
	if pad := m.margin(); pad > 0 {
		lines := strings.Split(body, "\n")
		for i, l := range lines {
			lines[i] = strings.Repeat(" ", pad) + l
		}
		body = strings.Join(lines, "\n")
	}
	body = lipgloss.NewStyle().Width(m.width).Height(max(m.height-1, 0)).MaxHeight(max(m.height-1, 0)).MaxWidth(m.width).Render(body)
	if m.height == 1 {
		return m.status()
	}
	return body + "\n" + m.status()
}

// status is the line under the brief: where it came from and how far down the reader is.
func (m Model) status() string {
	if !m.has {
		return ""
	}
	pct := fmt.Sprintf("%3.0f%%", m.vp.ScrollPercent()*100)
	left := sourceOf(m.art)
	if m.starred {
		left = "★ " + left
	}
	if m.fd.on() {
		left = m.fd.status()
	} else if e := m.art.EntityByID(m.sel.Entity); e != nil {
		left = fmt.Sprintf("%s: %d mentions · n/N to step", e.Name, len(e.Mentions))
		if m.sel.Mention >= 0 {
			left = fmt.Sprintf("%s: mention %d of %d · n/N to step", e.Name, m.sel.Mention+1, len(e.Mentions))
		}
	} else if m.sel.Quote >= 0 && m.sel.Quote < len(m.art.Quotes) {
		left = fmt.Sprintf("quote %d of %d", m.sel.Quote+1, len(m.art.Quotes))
		if sp := m.art.Quotes[m.sel.Quote].Speaker; sp != "" {
			left += " · " + sp
		}
	}
	// The last cell stays blank: beside a pane the percentage would run
	// into its border ("100%╰").
	w := m.width - 1
	room := w - lipgloss.Width(pct) - 1
	if room < 1 {
		return m.st.Status.Render(truncate(pct, m.width))
	}
	left = truncate(left, room)
	gap := strings.Repeat(" ", max(w-lipgloss.Width(left)-lipgloss.Width(pct), 1))
	return m.st.Status.Render(left + gap + pct + " ")
}

func sourceOf(a model.Article) string { return source.Label(a) }

// truncate cuts s to w cells, with an ellipsis when it cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// YOffset is the first line of the document on screen.
func (m Model) YOffset() int { return m.vp.YOffset() }

// Lines is the number of lines of the rendered document, 0 while it renders.
func (m Model) Lines() int {
	if m.doc == nil {
		return 0
	}
	return len(m.doc.Lines)
}

// ShortHelp is the reader's part of the help bar.
func (m Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.scrollHint, m.keys.backHint, m.keys.stepHint, m.keys.mentionHint, m.keys.findHint}
}

// FullHelp is the reader's part of the full help.
func (m Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{m.keys.Down, m.keys.Up, m.keys.PageDown, m.keys.PageUp, m.keys.Find, m.keys.FindNext},
		{m.keys.HalfDown, m.keys.HalfUp, m.keys.Top, m.keys.Bottom, m.keys.FindPrev, m.keys.FindClear},
		{m.keys.Back, m.keys.Prev, m.keys.Next, enabled(m.keys.NextMention), enabled(m.keys.PrevMention)},
	}
}

// enabled is b switched on: the full help lists n/N even before an entity
// is selected, so that they can be found.
func enabled(b key.Binding) key.Binding {
	b.SetEnabled(true)
	return b
}

// step moves cur by delta among n places, wrapping around; from no place
// (cur < 0) a step back goes to the last and a step forward to the first.
func step(cur, delta, n int) int {
	switch {
	case cur < 0 && delta < 0:
		return n - 1
	case cur < 0:
		return 0
	default:
		return ((cur+delta)%n + n) % n
	}
}
