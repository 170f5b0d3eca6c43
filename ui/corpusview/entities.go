package corpusview

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles/index"
	"briefs/model"
	"briefs/ui/querylist"
	"briefs/ui/theme"
)

// Limits of the Entities view.
const (
	maxRelated   = 20 // entities asked of CoOccurring for the detail
	maxFuzzy     = 30 // close matches asked of Suggest when no name holds the filter
	headerLines  = 3  // filter line, kind tabs, status line
	sideMinWidth = 100
	belowMinRows = 14 // the detail goes under the list from this height
)

// entityRow is one entity of the corpus with its names folded for the filter.
type entityRow struct {
	stat index.EntityStat
	// keys holds the folded name and aliases, each between NULs: "\x00sergei-lavrov\x00lavrov\x00".
	keys string
}

// entitiesMsg carries the entities of the corpus listed for source generation gen.
type entitiesMsg struct {
	gen  int
	rows []entityRow
}

// relatedMsg carries the entities most often named with entity id.
type relatedMsg struct {
	gen int
	id  string
	rel []index.Related
}

// fuzzyMsg carries the close matches of filter when no name holds it.
type fuzzyMsg struct {
	gen    int
	filter string
	ids    []string
}

// kindTabs are the tabs of the Entities view: every kind, then each kind.
var kindTabs = append([]model.EntityKind{""}, model.Kinds...)

// tabLabel names a tab in full and in short.
func tabLabel(k model.EntityKind) (long, short string) {
	switch k {
	case "":
		return "all", "all"
	case model.KindPerson:
		return "people", "pers"
	case model.KindCountry:
		return "countries", "ctry"
	case model.KindPlace:
		return "places", "plc"
	case model.KindOrganization:
		return "orgs", "org"
	case model.KindNationality:
		return "nationalities", "nat"
	case model.KindOther:
		return "other", "oth"
	}
	return string(k), string(k)
}

// EntitiesView lists every entity of the corpus by kind with its counts, and
// shows the selected one's aliases and the entities most often named with it.
// Typing filters by name; Tab and Shift+Tab change the kind; Enter sends
// SearchEntityMsg.
type EntitiesView struct {
	kinds  KeyMap // NextKind and PrevKind (the list's keys are list's)
	styles theme.Styles
	list   querylist.Model // the filter line over the entities shown, with the cursor
	src    Source

	inlineMax int  // corpora of fewer briefs are listed inside Update
	async     bool // the current source is listed in commands
	gen       int  // generation of the source: SetSource and Refresh bump it
	loading   bool

	all     []entityRow
	tab     int   // index into kindTabs
	rows    []int // indexes into all: the entities shown, in order
	counts  []int // per tab: entities that pass the filter
	fuzzy   bool  // rows are close matches from Suggest
	related map[string][]index.Related

	width, height int
}

// NewEntities builds the Entities view. src may be nil until the index is ready (SetSource).
func NewEntities(src Source, st theme.Styles) EntitiesView {
	m := EntitiesView{
		kinds:     DefaultKeyMap(),
		styles:    st,
		list:      querylist.New("filter: ", "a name: Lavrov, russian federation, UN…"),
		inlineMax: InlineLimit,
		counts:    make([]int, len(kindTabs)),
	}
	m.SetSize(80, 24)
	// A nil or small source is listed here; a large one by the command of Init.
	_ = m.SetSource(src)
	return m
}

// SetSource sets the corpus to list and lists it (in the returned command
// for a large corpus).
func (m *EntitiesView) SetSource(src Source) tea.Cmd {
	m.src = src
	return m.Refresh()
}

// Refresh lists the corpus again (after more briefs were indexed), keeping
// the selected entity when it is still listed.
func (m *EntitiesView) Refresh() tea.Cmd {
	m.gen++
	m.related = map[string][]index.Related{}
	if m.src == nil {
		m.all, m.loading = nil, false
		m.applyFilter()
		return nil
	}
	m.async = m.src.Len() >= m.inlineMax
	m.loading = true
	m.syncKeys()
	return m.exec(m.listCmd())
}

// listCmd lists the entities of the source, for the current generation.
func (m EntitiesView) listCmd() func() tea.Msg {
	src, gen := m.src, m.gen
	return func() tea.Msg {
		stats := src.Entities("")
		rows := make([]entityRow, len(stats))
		for i, st := range stats {
			rows[i] = entityRow{stat: st, keys: foldKeys(st)}
		}
		return entitiesMsg{gen: gen, rows: rows}
	}
}

// foldKeys folds an entity's name and aliases for the filter.
func foldKeys(st index.EntityStat) string {
	var b strings.Builder
	b.WriteByte(0)
	for i := -1; i < len(st.Aliases); i++ {
		s := st.Name
		if i >= 0 {
			s = st.Aliases[i]
		}
		f := fold(s)
		if f == "" || strings.Contains(b.String(), "\x00"+f+"\x00") {
			continue
		}
		b.WriteString(f)
		b.WriteByte(0)
	}
	return b.String()
}

// exec runs f in a command for a large corpus, else at once, handing its
// message to Update.
func (m *EntitiesView) exec(f func() tea.Msg) tea.Cmd {
	if m.async {
		return f
	}
	var cmd tea.Cmd
	*m, cmd = m.Update(f())
	return cmd
}

// SetKeyMap replaces the view's keys (the parent may need Tab for itself).
func (m *EntitiesView) SetKeyMap(k KeyMap) {
	m.kinds = k
	m.list.SetKeyMap(k.KeyMap)
	m.syncKeys()
}

// syncKeys enables the keys that can act now, so that help tells the truth
// (the list's follow its rows).
func (m *EntitiesView) syncKeys() {
	m.kinds.NextKind.SetEnabled(len(m.all) > 0)
	m.kinds.PrevKind.SetEnabled(len(m.all) > 0)
}

// SetStyles restyles the view (after the terminal reported its background).
func (m *EntitiesView) SetStyles(st theme.Styles) { m.styles = st }

// SetSize gives the view its width and height in cells.
func (m *EntitiesView) SetSize(w, h int) tea.Cmd {
	m.width, m.height = max(w, 0), max(h, 0)
	m.list.SetWidth(m.width)
	m.list.SetVisible(m.listRows())
	return nil
}

// SetFilter replaces the filter, as if typed.
func (m *EntitiesView) SetFilter(s string) tea.Cmd {
	m.list.SetQuery(s)
	return m.filterChanged()
}

// Filter returns the text of the filter line.
func (m EntitiesView) Filter() string { return m.list.Query() }

// SetKind shows one kind of entity ("" for every kind); it reports whether the kind is known.
func (m *EntitiesView) SetKind(k model.EntityKind) bool {
	i := slices.Index(kindTabs, k)
	if i < 0 {
		return false
	}
	m.tab = i
	m.applyFilter()
	return true
}

// Kind returns the kind shown, "" for every kind.
func (m EntitiesView) Kind() model.EntityKind { return kindTabs[m.tab] }

// Focus gives the filter line the cursor.
func (m *EntitiesView) Focus() tea.Cmd { return m.list.Focus() }

// Blur takes the cursor away.
func (m *EntitiesView) Blur() { m.list.Blur() }

// Typing reports whether keys are text for the filter line: the parent must
// not take letters such as "q" for itself then.
func (m EntitiesView) Typing() bool { return m.list.Typing() }

// Loading reports whether the entities of the source are still being listed.
func (m EntitiesView) Loading() bool { return m.loading }

// Entities returns the entities shown, in order.
func (m EntitiesView) Entities() []index.EntityStat {
	out := make([]index.EntityStat, len(m.rows))
	for i, r := range m.rows {
		out[i] = m.all[r].stat
	}
	return out
}

// Selected returns the highlighted entity.
func (m EntitiesView) Selected() (index.EntityStat, bool) {
	c := m.list.Cursor()
	if !m.list.Selected() || c >= len(m.rows) {
		return index.EntityStat{}, false
	}
	return m.all[m.rows[c]].stat, true
}

// Related returns the entities most often named with the selected one, once known.
func (m EntitiesView) Related() ([]index.Related, bool) {
	e, ok := m.Selected()
	if !ok {
		return nil, false
	}
	rel, ok := m.related[e.ID]
	return rel, ok
}

// Init lists a large source given to NewEntities; otherwise it does nothing.
func (m EntitiesView) Init() tea.Cmd {
	if m.loading && m.async && m.src != nil {
		return m.listCmd()
	}
	return nil
}

// Update handles keys when the view has focus, and the answers of its commands.
func (m EntitiesView) Update(msg tea.Msg) (EntitiesView, tea.Cmd) {
	switch msg := msg.(type) {
	case entitiesMsg:
		if msg.gen != m.gen {
			return m, nil // listed for an older source
		}
		keep, _ := m.Selected()
		m.all, m.loading = msg.rows, false
		m.applyFilter()
		m.selectID(keep.ID)
		return m, m.wantRelated()
	case relatedMsg:
		if msg.gen == m.gen {
			m.related[msg.id] = msg.rel
		}
		return m, nil
	case fuzzyMsg:
		if msg.gen != m.gen || msg.filter != m.list.Query() {
			return m, nil // for a filter since changed
		}
		m.applyFuzzy(msg.ids)
		return m, m.wantRelated()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.kinds.NextKind):
			return m, m.cycleKind(1)
		case key.Matches(msg, m.kinds.PrevKind):
			return m, m.cycleKind(-1)
		}
	}
	var ev querylist.Event
	var cmd tea.Cmd
	m.list, ev, cmd = m.list.Update(msg)
	switch ev {
	case querylist.Open:
		if e, ok := m.Selected(); ok {
			out := SearchEntityMsg{EntityID: e.ID, Name: e.Name}
			return m, func() tea.Msg { return out }
		}
	case querylist.Moved:
		return m, m.wantRelated()
	case querylist.Edited:
		return m, tea.Batch(cmd, m.filterChanged())
	}
	return m, cmd
}

func (m *EntitiesView) cycleKind(d int) tea.Cmd {
	keep, _ := m.Selected()
	m.tab = (m.tab + d + len(kindTabs)) % len(kindTabs)
	if m.fuzzy {
		return m.filterChanged() // close matches are asked per filter; ask again for this kind
	}
	m.applyFilter()
	m.selectID(keep.ID)
	return m.wantRelated()
}

// filterChanged refilters after the filter line changed: at once by
// substring, then by close matches when no name holds the filter.
func (m *EntitiesView) filterChanged() tea.Cmd {
	m.list.Select(0)
	m.applyFilter()
	filter := m.list.Query()
	if len(m.rows) > 0 || len(m.all) == 0 || len(fold(filter)) < 2 || m.src == nil {
		return m.wantRelated()
	}
	src, gen := m.src, m.gen
	return m.exec(func() tea.Msg {
		sugs := src.Suggest(filter, maxFuzzy)
		ids := make([]string, len(sugs))
		for i, s := range sugs {
			ids[i] = s.ID
		}
		return fuzzyMsg{gen: gen, filter: filter, ids: ids}
	})
}

// applyFilter lists the entities of the current kind whose name or an
// alias holds every word of the filter: a form equal to the filter first,
// then a form starting with it, then the rest, each most briefs first.
func (m *EntitiesView) applyFilter() {
	// fresh slices: an older copy of the model may still hold the old ones
	m.fuzzy = false
	m.counts = make([]int, len(kindTabs))
	m.rows = nil
	pat := fold(m.list.Query())
	words := strings.FieldsFunc(pat, func(r rune) bool { return r == '-' })
	kind := kindTabs[m.tab]
	var tier []int8
	for i := range m.all {
		r := &m.all[i]
		t := int8(0)
		if pat != "" {
			matched := true
			for _, w := range words {
				if !strings.Contains(r.keys, w) {
					matched = false
					break
				}
			}
			if !matched {
				continue
			}
			switch {
			case strings.Contains(r.keys, "\x00"+pat+"\x00"):
				t = 0
			case strings.Contains(r.keys, "\x00"+pat):
				t = 1
			default:
				t = 2
			}
		}
		m.counts[0]++
		if k := slices.Index(kindTabs, r.stat.Kind); k > 0 {
			m.counts[k]++
		}
		if kind != "" && r.stat.Kind != kind {
			continue
		}
		m.rows = append(m.rows, i)
		tier = append(tier, t)
	}
	if pat != "" {
		order := make([]int, len(m.rows))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return int(tier[a]) - int(tier[b]) })
		sorted := make([]int, len(order))
		for i, o := range order {
			sorted[i] = m.rows[o]
		}
		m.rows = sorted
	}
	m.list.SetLen(len(m.rows))
	m.syncKeys()
}

// applyFuzzy shows the close matches ids (in their order) of the current kind.
func (m *EntitiesView) applyFuzzy(ids []string) {
	at := make(map[string]int, len(m.all))
	for i := range m.all {
		at[m.all[i].stat.ID] = i
	}
	m.counts = make([]int, len(kindTabs))
	m.rows = nil
	kind := kindTabs[m.tab]
	for _, id := range ids {
		i, ok := at[id]
		if !ok {
			continue
		}
		m.counts[0]++
		if k := slices.Index(kindTabs, m.all[i].stat.Kind); k > 0 {
			m.counts[k]++
		}
		if kind == "" || m.all[i].stat.Kind == kind {
			m.rows = append(m.rows, i)
		}
	}
	m.fuzzy = len(m.rows) > 0
	m.list.SetLen(len(m.rows))
	m.list.Select(0)
	m.syncKeys()
}

// selectID puts the cursor on entity id when it is shown.
func (m *EntitiesView) selectID(id string) {
	if id == "" {
		return
	}
	for i, r := range m.rows {
		if m.all[r].stat.ID == id {
			m.list.Select(i)
			return
		}
	}
}

// wantRelated asks for the entities named with the selected one, unless known.
func (m *EntitiesView) wantRelated() tea.Cmd {
	e, ok := m.Selected()
	if !ok || m.src == nil {
		return nil
	}
	if _, ok := m.related[e.ID]; ok {
		return nil
	}
	src, gen, id := m.src, m.gen, e.ID
	return m.exec(func() tea.Msg {
		return relatedMsg{gen: gen, id: id, rel: src.CoOccurring(id, maxRelated)}
	})
}

// layout says where the detail goes: beside the list (sideW > 0), under it
// (belowH > 0) or nowhere, and how many rows the list has.
func (m EntitiesView) layout() (listW, sideW, belowH, rows int) {
	listW, rows = m.width, max(m.height-headerLines, 0)
	switch {
	case m.width >= sideMinWidth && rows >= 4:
		// the list needs about 76 cells (name, kind, counts): the rest is the detail's
		listW = min(m.width-37, 76)
		sideW = m.width - listW - 3 // " │ " between them
	case m.height >= belowMinRows:
		belowH = min(10, m.height/3)
		rows -= belowH + 1 // a rule above the detail
	}
	return listW, sideW, belowH, rows
}

func (m EntitiesView) listRows() int {
	_, _, _, rows := m.layout()
	return max(rows, 1)
}

// View draws the filter line, the kind tabs, a status line, the entities and
// the selected one's detail, in at most the view's width and height.
func (m EntitiesView) View() string {
	if m.width < 1 || m.height < 1 {
		return ""
	}
	w := m.width
	listW, sideW, belowH, rows := m.layout()
	lines := []string{clip(m.list.InputView(), w), m.tabLine(w), m.statusLine(listW)}
	from, to := m.list.Window()
	to = min(to, from+max(rows, 0))
	body := make([]string, 0, rows)
	for i := from; i < to; i++ {
		body = append(body, m.row(&m.all[m.rows[i]], i == m.list.Cursor(), listW))
	}
	switch {
	case sideW > 0:
		detail := m.detail(sideW, rows)
		rule := m.styles.Faint.Render(" │ ")
		for i := 0; i < rows; i++ {
			var l, r string
			if i < len(body) {
				l = body[i]
			}
			if i < len(detail) {
				r = detail[i]
			}
			lines = append(lines, fit(l, listW)+rule+clip(r, sideW))
		}
	case belowH > 0:
		for len(body) < rows {
			body = append(body, "")
		}
		lines = append(lines, body...)
		lines = append(lines, m.styles.Faint.Render(strings.Repeat("─", w)))
		lines = append(lines, m.detail(w, belowH)...)
	default:
		lines = append(lines, body...)
	}
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	for i := range lines {
		lines[i] = clip(strings.TrimRight(lines[i], " "), w)
	}
	return strings.Join(lines, "\n")
}

// tabLine draws the kinds with their counts, shortened to fit.
func (m EntitiesView) tabLine(w int) string {
	for _, short := range []bool{false, true} {
		parts := make([]string, len(kindTabs))
		for i, k := range kindTabs {
			long, sh := tabLabel(k)
			label := long
			if short {
				label = sh
			}
			label += " " + itoa(m.counts[i])
			if i == m.tab {
				parts[i] = m.styles.TabActive.Render(label)
			} else {
				parts[i] = m.styles.Tab.Render(label)
			}
		}
		if s := strings.Join(parts, ""); ansi.StringWidth(s) <= w {
			return s
		}
	}
	long, _ := tabLabel(kindTabs[m.tab])
	return clip(m.styles.TabActive.Render(fmt.Sprintf("‹ %s %s ›", long, itoa(m.counts[m.tab]))), w)
}

// statusLine says how many entities are shown and heads the count columns.
func (m EntitiesView) statusLine(w int) string {
	var left string
	filter := strings.TrimSpace(m.list.Query())
	switch {
	case m.src == nil:
		left = m.styles.Faint.Render("the index is still loading…")
	case m.loading && len(m.all) == 0:
		left = m.styles.Faint.Render("listing the entities…")
	case len(m.all) == 0:
		left = m.styles.Faint.Render("no entities in the corpus yet")
	case m.fuzzy:
		left = m.styles.Status.Render(fmt.Sprintf("no name holds %q · close matches: %d", filter, len(m.rows)))
	case len(m.rows) == 0 && filter != "":
		left = m.styles.Warning.Render(fmt.Sprintf("no entity named like %q", filter))
	case filter != "":
		left = m.styles.Status.Render(fmt.Sprintf("%d of %s", len(m.rows), plural(len(m.all), "entity", "entities")))
	default:
		left = m.styles.Status.Render(plural(len(m.rows), "entity", "entities"))
	}
	if m.loading && len(m.all) > 0 {
		left += m.styles.Faint.Render("  …")
	}
	cols := m.columns(w)
	if cols.counts == 0 || len(m.rows) == 0 {
		return clip(left, w)
	}
	head := fmt.Sprintf("%*s", cols.briefs, "briefs")
	if cols.mentions > 0 {
		head += fmt.Sprintf(" %*s", cols.mentions, "mentions")
	}
	room := w - cols.counts - 1
	return fit(left, room) + " " + m.styles.Faint.Render(head)
}

// entityCols is how wide the columns of an entity row are.
type entityCols struct {
	kind, briefs, mentions, counts int
}

func (m EntitiesView) columns(w int) entityCols {
	var c entityCols
	switch {
	case w >= 40:
		c.briefs, c.mentions = 6, 8
		c.counts = c.briefs + 1 + c.mentions
	case w >= 24:
		c.briefs = 6
		c.counts = c.briefs
	}
	if kindTabs[m.tab] == "" && w >= 60 {
		c.kind = 13
	}
	return c
}

// row draws one entity: its name in its kind's style, its kind when every
// kind is shown, the briefs that name it and its mentions.
func (m EntitiesView) row(r *entityRow, selected bool, w int) string {
	cols := m.columns(w)
	nameW := w - 2 - cols.counts - cols.kind
	if cols.counts > 0 {
		nameW--
	}
	nameW = max(nameW, 1)
	name := clip(r.stat.Name, nameW)
	pad := strings.Repeat(" ", max(nameW-ansi.StringWidth(name), 0))
	marker := "  "
	if selected {
		marker = m.styles.Header.Render("▌ ")
		name = m.styles.Selected.Render(name + pad)
	} else {
		name = m.styles.EntityStyle(r.stat.Kind).Render(name) + pad
	}
	s := marker + name
	if cols.kind > 0 {
		s += " " + m.styles.Faint.Render(fit(string(r.stat.Kind), cols.kind-1))
	}
	if cols.counts > 0 {
		s += " " + fmt.Sprintf("%*s", cols.briefs, itoa(r.stat.Articles))
		if cols.mentions > 0 {
			s += " " + m.styles.Faint.Render(fmt.Sprintf("%*s", cols.mentions, itoa(r.stat.Mentions)))
		}
	}
	return s
}

// detail draws the selected entity: name, kind and counts, aliases, and the
// entities most often named with it, in at most h lines of w cells.
func (m EntitiesView) detail(w, h int) []string {
	e, ok := m.Selected()
	if !ok || h < 1 {
		return nil
	}
	lines := []string{
		clip(m.styles.EntityStyle(e.Kind).Render(e.Name)+m.styles.Faint.Render("  "+string(e.Kind)+" · "+e.ID), w),
		clip(m.styles.Status.Render(fmt.Sprintf("%s · %s · %s", plural(e.Articles, "brief", "briefs"),
			plural(e.Mentions, "mention", "mentions"), plural(e.Quotes, "quote", "quotes"))), w),
	}
	var aliases []string
	for _, a := range e.Aliases {
		if a != e.Name {
			aliases = append(aliases, a)
		}
	}
	if len(aliases) > 0 {
		al := wrap("also: "+strings.Join(aliases, ", "), w)
		if keep := max(h/6, 2); len(al) > keep {
			al = al[:keep]
			al[keep-1] = clip(al[keep-1]+" …", w)
		}
		for _, l := range al {
			lines = append(lines, m.styles.Faint.Render(l))
		}
	}
	if len(e.Members) > 1 {
		var others []string
		for _, id := range e.Members {
			if id != e.ID {
				others = append(others, id)
			}
		}
		lines = append(lines, clip(m.styles.Faint.Render("tied ids: "+strings.Join(others, ", ")), w))
	}
	rel, known := m.related[e.ID]
	switch {
	case !known:
		lines = append(lines, m.styles.Faint.Render("often named with: …"))
	case len(rel) == 0:
		lines = append(lines, m.styles.Faint.Render("named with no other entity"))
	default:
		lines = append(lines, m.styles.Kind.Render("often named with"))
		for _, r := range rel {
			if len(lines) >= h {
				break
			}
			count := " " + plural(r.Articles, "brief", "briefs")
			nameW := max(w-2-len(count), 1)
			lines = append(lines, "  "+m.styles.EntityStyle(r.Kind).Render(clip(r.Name, nameW))+m.styles.Faint.Render(count))
		}
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return lines
}

// ShortHelp is the view's part of the help bar.
func (m EntitiesView) ShortHelp() []key.Binding {
	k := m.list.KeyMap()
	return []key.Binding{k.Open, k.Up, k.Down, m.kinds.NextKind}
}

// FullHelp is the view's part of the full help.
func (m EntitiesView) FullHelp() [][]key.Binding {
	k := m.list.KeyMap()
	return [][]key.Binding{{k.Open, m.kinds.NextKind, m.kinds.PrevKind}, {k.Up, k.Down, k.PageUp, k.PageDown}}
}
