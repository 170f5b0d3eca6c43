// Package articlelist is the list of loaded briefs: title, source and date,
// filtered with "/". Enter asks the parent to open the selected brief.
// Unread briefs have a bold title and a bullet, starred ones a star (see
// Mark); the list can show only the unread or only the starred (Show).
package articlelist

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/paginator"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles/archive"
	"briefs/articles/index"
	"briefs/articles/source"
	"briefs/model"
	"briefs/ui/theme"
)

// OpenMsg asks the parent to open the article with this id.
type OpenMsg struct{ ID string }

// KeyMap is the list's own keys, on top of the bubbles list navigation and filter keys.
type KeyMap struct {
	Open key.Binding
	// the first and middle brief on the page, as vim's H and M on the
	// screen (no L: it is the brief's links, ui.BriefKeys; G is the last brief)
	PageTop, PageMiddle key.Binding
}

// DefaultKeyMap returns the list's keys: enter, H and M.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read")),
		PageTop:    key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "top of the page")),
		PageMiddle: key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "middle of the page")),
	}
}

// Mark is what the reader did with a brief: read it, starred it.
type Mark struct {
	Read    bool
	Starred bool
}

// item adapts a brief to the bubbles list: its compact record (what the
// list shows and sorts by), never the brief itself (see Briefs).
type item struct {
	rec   archive.Record
	label string // source.Label of the brief: where it comes from, never a path
	mark  Mark
	// sort keys, computed once: the title and the group label in lower case
	low, group string
	// filter is FilterValue, computed once
	filter string
	// date sorts and shows the brief: its own, else the one its file name
	// carries, else its file's modification time (dateFrom says which)
	date     time.Time
	dateFrom dateFrom
}

// dateFrom is where a brief's date in the list comes from.
type dateFrom uint8

const (
	dateOwn      dateFrom = iota // the brief's own (or none)
	dateFileName                 // its file name's: "(file name)"
	dateFileTime                 // its file's modification time: "(file date)"
)

// newItem makes the list item of a, with its marks.
func newItem(a *model.Article, mk Mark) *item {
	// the item's strings are its own: a decoded brief's share one buffer
	// (store.DecodeArticles), which any of them kept would keep whole
	rec := archive.RecordOf(a).Own()
	label := GroupLabel(*a)
	switch label {
	case rec.Outlet:
		label = rec.Outlet
	case rec.Source:
		label = rec.Source
	default:
		label = strings.Clone(label)
	}
	it := &item{rec: rec, label: label, mark: mk, low: strings.ToLower(rec.Title), group: strings.ToLower(label), filter: filterValue(*a), date: a.Published}
	if it.date.IsZero() && a.Source != "" && !strings.Contains(a.Source, "://") {
		if d, ok := source.DateFromName(a.Source); ok {
			it.date, it.dateFrom = d, dateFileName // said as such in the list
		}
	}
	return it
}

// FileDatesMsg carries the modification times of the files of briefs that
// have no date of their own or in their file name, by brief id.
type FileDatesMsg struct{ Dates map[string]time.Time }

// fileDates returns the command that reads the modification times of the
// undated items' files (off the update loop), or nil when none needs one.
func fileDates(items []list.Item) tea.Cmd {
	var ids, paths []string
	for _, li := range items {
		if it, ok := li.(*item); ok && it.date.IsZero() && it.rec.Source != "" && !strings.Contains(it.rec.Source, "://") {
			ids, paths = append(ids, it.rec.ID), append(paths, it.rec.Source)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return func() tea.Msg {
		dates := map[string]time.Time{}
		for i, p := range paths {
			if t, ok := source.FileTime(p); ok {
				dates[ids[i]] = t
			}
		}
		return FileDatesMsg{Dates: dates}
	}
}

// setFileDates gives undated briefs their files' dates and merges them in
// where they now sort, in time linear in the list (a load of many undated
// files sends one message per batch).
func (m *Model) setFileDates(dates map[string]time.Time) tea.Cmd {
	rest := make([]list.Item, 0, len(m.all))
	var moved []list.Item
	changed := 0
	for _, li := range m.all {
		it := li.(*item)
		d, ok := dates[it.rec.ID]
		if !ok || !it.date.IsZero() {
			rest = append(rest, li)
			continue
		}
		c := *it
		c.date, c.dateFrom = d, dateFileTime
		m.byID[c.rec.ID] = &c
		changed++
		if m.order.Sort == SortLoad && !m.order.Group {
			rest = append(rest, &c) // load order: it stays where it is
			continue
		}
		moved = append(moved, &c)
	}
	if changed == 0 {
		return nil
	}
	m.order.arrange(moved)
	return m.setArranged(m.order.merge(rest, moved))
}

// withMark returns a copy of it with other marks (the bubbles list keeps
// the old item until it is given the new one).
func (i *item) withMark(mk Mark) *item {
	c := *i
	c.mark = mk
	return &c
}

// Title is the item's first line: the brief's title. (Marks go on the
// second line: the filter's match highlights count runes of the title.)
func (i item) Title() string { return i.rec.Title }

// Description is the item's second line: the marks ("•" unread, "★"
// starred), where the brief comes from and its date.
func (i item) Description() string {
	marks := ""
	if !i.mark.Read {
		marks += "• "
	}
	if i.mark.Starred {
		marks += "★ "
	}
	parts := []string{i.label}
	switch {
	case i.dateFrom == dateFileName:
		parts = append(parts, i.date.Format("2 Jan 2006")+" (file name)")
	case i.dateFrom == dateFileTime:
		parts = append(parts, i.date.Format("2 Jan 2006")+" (file date)")
	case !i.date.IsZero():
		parts = append(parts, i.date.Format("2 Jan 2006"))
	}
	return marks + strings.Join(parts, " · ")
}

// FilterValue lets "/" match the title, the outlet, the source and the
// names of the entities the brief names: in lower case, the title first
// and alone on its line (see filterWords).
func (i item) FilterValue() string { return i.filter }

func filterValue(a model.Article) string {
	// three lines: the title in lower case (for the highlights), then the
	// folded words of the title, then those of the rest, each joined by
	// single spaces: the filter matches words without folding again at
	// every key
	var rest strings.Builder
	rest.WriteString(source.Label(a) + " " + a.Outlet + " " + a.Source)
	for _, e := range a.Entities {
		rest.WriteString(" " + e.Name)
	}
	title := strings.ReplaceAll(a.Title, "\n", " ")
	v := strings.ToLower(title) + "\n" + strings.Join(index.FoldWords(title), " ") + "\n" + strings.Join(index.FoldWords(rest.String()), " ")
	if !a.Published.IsZero() {
		v += "\n" + a.Published.Format(time.RFC3339) // for the date terms (after:2026-06)
	}
	return v
}

// filterWords is the list's filter: a brief matches when each word typed
// is in its filter value (title, outlet, source, entity names) by the
// search view's word rules (index.Matcher: a word that starts with it,
// one with the same stem, two that join into it: "sanction" finds
// "sanctions", "ceasefire" finds "cease-fire"); briefs with every word in
// the title come first, then the others, each in list order. Unlike the
// bubbles default (fuzzy: letters in order anywhere), "lavrov" finds the
// briefs that name Lavrov, not most of an archive of 100k.
func filterWords(term string, targets []string) []list.Rank {
	var typed [][]string
	var dates []index.DateTerm
	for _, f := range strings.Fields(term) {
		if index.IsDateTerm(f) {
			// after:2026-06 as in search; one still being typed filters nothing yet
			if d, err := index.ParseDateTerm(f); err == nil {
				dates = append(dates, d)
			}
			continue
		}
		if w := index.FoldWords(f); len(w) > 0 {
			typed = append(typed, w)
		}
	}
	mt := index.NewMatcher(typed, true)
	var inTitle, others []list.Rank
	for i, t := range targets {
		title, folded, _ := strings.Cut(t, "\n")
		titleWords, rest, _ := strings.Cut(folded, "\n")
		if len(dates) > 0 && !datesHold(dates, rest) {
			continue
		}
		rest, _, _ = strings.Cut(rest, "\n")
		all, titleOnly := true, true
		for k := range mt.Len() {
			switch {
			case mt.MatchOne(k, titleWords):
			case mt.MatchOne(k, rest):
				titleOnly = false
			default:
				all = false
			}
			if !all {
				break
			}
		}
		if !all {
			continue
		}
		r := list.Rank{Index: i, MatchedIndexes: matchedRunes(title, typed, mt)}
		if mt.Len() > 0 && titleOnly {
			inTitle = append(inTitle, r)
		} else {
			others = append(others, r)
		}
	}
	return append(inTitle, others...)
}

// datesHold reports whether the date at the end of a filter value (after
// its third line) meets every date term.
func datesHold(dates []index.DateTerm, rest string) bool {
	_, stamp, ok := strings.Cut(rest, "\n")
	if !ok {
		return false // undated
	}
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return false
	}
	for _, d := range dates {
		if !d.Holds(t) {
			return false
		}
	}
	return true
}

// matchedRunes lists the rune positions of the title's words that a typed
// word matches, in order, for the list to highlight.
func matchedRunes(title string, typed [][]string, mt *index.Matcher) []int {
	var words []string
	var spans [][2]int
	index.EachWord(title, func(w string, start, end int) {
		words = append(words, w)
		spans = append(spans, [2]int{start, end})
	})
	var byteIdx []int
	mark := func(k int) {
		for b := spans[k][0]; b < spans[k][1]; b++ {
			byteIdx = append(byteIdx, b)
		}
	}
	for k, w := range words {
		for j, tw := range typed {
			one := mt.MatchOne(j, w) || len(tw) > 1 && slices.Contains(tw, w)
			if one {
				mark(k)
				break
			}
			// two words that join into the typed one: "cease fire" for "ceasefire"
			if k+1 < len(words) && !mt.MatchOne(j, words[k+1]) && mt.MatchOne(j, w+" "+words[k+1]) {
				mark(k)
				mark(k + 1)
				break
			}
		}
	}
	slices.Sort(byteIdx)
	byteIdx = slices.Compact(byteIdx)
	if len(byteIdx) == 0 {
		return nil
	}
	var out []int
	r, next := 0, 0
	for b := range title {
		for next < len(byteIdx) && byteIdx[next] < b {
			next++
		}
		if next < len(byteIdx) && byteIdx[next] == b {
			out = append(out, r)
		}
		r++
	}
	return out
}

// GroupLabel is what groups a brief by source: its outlet label
// (source.Label: the outlet, a URL's host, a known outlet in its file
// name, else its folder).
func GroupLabel(a model.Article) string { return source.Label(a) }

// Sort orders of the list (the config's names).
const (
	SortLoad     = ""         // the order the briefs arrived in
	SortDate     = "date"     // newest first, undated last
	SortTitle    = "title"    // A to Z
	SortEntities = "entities" // most entities first
	SortQuotes   = "quotes"   // most quotes first
)

// Sorts are the orders the sort key cycles through.
var Sorts = []string{SortDate, SortTitle, SortEntities, SortQuotes}

// Order is how the list is arranged.
type Order struct {
	Sort    string // SortDate, SortTitle, SortEntities, SortQuotes or SortLoad
	Reverse bool   // the other way round
	Group   bool   // grouped by outlet or source, in sort order within each group
}

// String names the order for the list's title ("by date, grouped by source").
func (o Order) String() string {
	var parts []string
	if o.Sort != SortLoad {
		s := "by " + o.Sort
		if o.Reverse {
			s += " (reversed)"
		}
		parts = append(parts, s)
	}
	if o.Group {
		parts = append(parts, "grouped by source")
	}
	return strings.Join(parts, ", ")
}

// Show is which briefs the list shows.
type Show int

// The views of the list (the read filter key cycles through them).
const (
	ShowAll     Show = iota // every brief
	ShowUnread              // the unread ones
	ShowStarred             // the starred ones
)

// String names what is shown, for the list's title ("" for all).
func (s Show) String() string {
	switch s {
	case ShowUnread:
		return "unread"
	case ShowStarred:
		return "starred"
	}
	return ""
}

// Model is the list component.
type Model struct {
	list  list.Model
	keys  KeyMap
	order Order

	all   []list.Item     // every brief, in order; the bubbles list holds those shown
	marks map[string]Mark // by article id, for briefs arriving later
	show  Show
	// keep holds briefs shown under ShowUnread or ShowStarred that no longer
	// match (read or unstarred since): they stay until the view changes, so
	// opening a brief does not pull it from under the cursor.
	keep map[string]bool
	// byID holds every brief of all by its id
	byID map[string]*item
	// groupNote is what the title says of the briefs and sources when grouped
	groupNote string
	// undated: no brief has a date (the date sort is then by title)
	undated bool
	// only, when not nil, limits the list to these briefs (a watchlist's,
	// named onlyName in the title)
	only     map[string]bool
	onlyName string
	// briefs holds the whole briefs behind the items
	briefs Briefs
	// d is the list's delegate: its spacing is none under smallHeight
	d delegate
}

// Briefs is where the list finds the whole brief behind an item: the list
// holds a compact record per brief (archive.Record, its label and filter
// words), and reads the brief itself only when it is asked for one
// (Selected, ByID, Neighbor: the brief being opened).
type Briefs interface {
	// Keep is told of the briefs delivered to the list (Append, New).
	Keep(arts []model.Article)
	// Brief returns the whole brief with that id.
	Brief(id string) (model.Article, bool)
	// Forget is told of the briefs the list dropped (Retain).
	Forget(ids []string)
}

// MemoryBriefs keeps the briefs in memory, by id: the list's store when it
// is given none.
type MemoryBriefs struct{ byID map[string]model.Article }

// NewMemoryBriefs returns an empty MemoryBriefs.
func NewMemoryBriefs() *MemoryBriefs { return &MemoryBriefs{byID: map[string]model.Article{}} }

// Keep keeps arts; a brief with an id kept before replaces it.
func (b *MemoryBriefs) Keep(arts []model.Article) {
	for i := range arts {
		b.byID[arts[i].ID] = arts[i]
	}
}

// Brief returns the brief kept with that id.
func (b *MemoryBriefs) Brief(id string) (model.Article, bool) {
	a, ok := b.byID[id]
	return a, ok
}

// Forget drops the briefs with those ids.
func (b *MemoryBriefs) Forget(ids []string) {
	for _, id := range ids {
		delete(b.byID, id)
	}
}

// New builds the list over arts, kept in memory (see NewWith).
func New(arts []model.Article, st theme.Styles) Model {
	return NewWith(arts, st, NewMemoryBriefs())
}

// NewWith builds the list over arts, whose whole briefs briefs keeps.
func NewWith(arts []model.Article, st theme.Styles, briefs Briefs) Model {
	briefs.Keep(arts)
	all := items(arts, nil)
	d := newDelegate(st)
	l := list.New(all, d, 0, 0)
	l.Title = "Briefs"
	l.Styles = st.List
	l.SetShowHelp(false) // the root draws one help bar for everything
	l.DisableQuitKeybindings()
	l.SetStatusBarItemName("brief", "briefs")
	// "page 3/120", not a row of dots: it reads at any count (bubbles
	// builds the dots on every update, in time that grows with the
	// square of the pages: seconds at 100k briefs), and says the count
	l.Paginator.Type = paginator.Arabic
	l.Paginator.ArabicFormat = "page %d/%d"
	l.Filter = filterWords
	byID := make(map[string]*item, len(arts))
	for _, it := range all {
		byID[it.(*item).rec.ID] = it.(*item)
	}
	m := Model{list: l, d: d, keys: DefaultKeyMap(), all: all, marks: map[string]Mark{}, keep: map[string]bool{}, byID: byID, briefs: briefs}
	m.undated = !slices.ContainsFunc(all, func(it list.Item) bool { return !it.(*item).date.IsZero() })
	return m
}

// delegate draws unread briefs with a bold title, read ones as the bubbles
// default does.
type delegate struct {
	read, unread  list.DefaultDelegate
	header, count lipgloss.Style // a group's header line and its count
}

func newDelegate(st theme.Styles) delegate {
	d := delegate{read: list.NewDefaultDelegate(), unread: list.NewDefaultDelegate(),
		header: st.Header.PaddingLeft(2), count: st.Faint.PaddingLeft(5)}
	d.read.Styles = st.ListItem
	u := st.ListItem
	u.NormalTitle = u.NormalTitle.Bold(true)
	u.SelectedTitle = u.SelectedTitle.Bold(true)
	u.DimmedTitle = u.DimmedTitle.Bold(true)
	d.unread.Styles = u
	return d
}

// Height is an item's height: title and description.
func (d delegate) Height() int { return d.read.Height() }

// Spacing is the blank lines between items.
func (d delegate) Spacing() int { return d.read.Spacing() }

// setSpacing sets the blank lines between items.
func (d *delegate) setSpacing(n int) {
	d.read.SetSpacing(n)
	d.unread.SetSpacing(n)
}

// Update has nothing to do: the list handles the keys.
func (d delegate) Update(msg tea.Msg, m *list.Model) tea.Cmd { return d.read.Update(msg, m) }

// Render draws one item, bold when unread.
func (d delegate) Render(w io.Writer, m list.Model, index int, it list.Item) {
	if h, ok := it.(groupHeader); ok {
		desc := h.Description() + fmt.Sprintf(", %d unread", groupUnread(m.VisibleItems(), index))
		fmt.Fprintf(w, "%s\n%s", d.header.Render(ansi.Truncate("── "+h.label, max(m.Width()-2, 1), "…")), d.count.Render(desc))
		return
	}
	if i, ok := it.(*item); ok && !i.mark.Read {
		d.unread.Render(w, m, index, it)
		return
	}
	d.read.Render(w, m, index, it)
}

// groupUnread counts the unread briefs of the group whose header is at index.
func groupUnread(vis []list.Item, index int) int {
	n := 0
	for _, it := range vis[min(index+1, len(vis)):] {
		i, ok := it.(*item)
		if !ok {
			break // the next group's header
		}
		if !i.mark.Read {
			n++
		}
	}
	return n
}

// SetKeyMap replaces the list's keys: its own and the bubbles list's
// navigation and filter keys (remapped by the user's config).
func (m *Model) SetKeyMap(own KeyMap, nav list.KeyMap) {
	m.keys = own
	m.list.KeyMap = nav
	m.list.DisableQuitKeybindings()
}

// KeyMaps returns the list's own keys and the bubbles list's.
func (m Model) KeyMaps() (KeyMap, list.KeyMap) { return m.keys, m.list.KeyMap }

func items(arts []model.Article, marks map[string]Mark) []list.Item {
	out := make([]list.Item, len(arts))
	for i := range arts {
		out[i] = newItem(&arts[i], marks[arts[i].ID])
	}
	return out
}

// SetStyles restyles the list (after the terminal reported its background).
func (m *Model) SetStyles(st theme.Styles) {
	sp := m.d.Spacing()
	m.d = newDelegate(st)
	m.d.setSpacing(sp)
	m.list.SetDelegate(m.d)
	m.list.Styles = st.List
}

// SetSize gives the list its width and height in cells.
func (m *Model) SetSize(w, h int) tea.Cmd {
	// a short terminal (20x5) keeps its lines for the briefs: no title,
	// status or page dots
	small := h < smallHeight
	m.list.SetShowTitle(!small)
	m.list.SetShowStatusBar(!small && !m.order.Group)
	m.list.SetShowPagination(!small)
	if sp := spacing(small); sp != m.d.Spacing() { // no blank line between briefs: two fit at 20x5, not one
		m.d.setSpacing(sp)
		m.list.SetDelegate(m.d)
	}
	m.list.SetSize(max(w, 0), max(h, 0))
	m.showFilterLine()
	return nil
}

// showFilterLine keeps the list's top line (its title, or the filter being
// typed) above smallHeight; below it the line shows only while a filter is
// typed: at 20x5 it was a blank line over the one brief that fits.
func (m *Model) showFilterLine() {
	m.list.SetShowFilter(m.list.Height() >= smallHeight || m.list.SettingFilter())
}

// smallHeight is the height under which the list shows only its briefs,
// with no blank line between them.
const smallHeight = 10

// spacing is the blank lines between briefs: none on a small screen.
func spacing(small bool) int {
	if small {
		return 0
	}
	return 1
}

// Append adds articles at the end of the list and returns how many were
// new. An article whose id is already listed replaces it in place (a
// later, fuller version: say once extraction has filled its entities and
// quotes, or a refresh).
func (m *Model) Append(arts []model.Article) (int, tea.Cmd) {
	m.briefs.Keep(arts)
	var fresh []list.Item
	all := m.all
	replaced := false
	for i := range arts {
		a := &arts[i]
		if old, ok := m.byID[a.ID]; ok {
			// the same brief again (a copy elsewhere, a refresh), shown as
			// it is: nothing to do
			if old.sameAs(a) {
				continue
			}
			if !replaced { // the list's slice is the bubbles list's too: change a copy
				all = slices.Clone(all)
				replaced = true
			}
			it := newItem(a, m.marks[a.ID])
			m.byID[a.ID] = it
			if i := slices.Index(all, list.Item(old)); i >= 0 {
				all[i] = it
			} else if i := slices.Index(fresh, list.Item(old)); i >= 0 {
				fresh[i] = it
			}
			continue
		}
		it := newItem(a, m.marks[a.ID])
		m.byID[a.ID] = it
		fresh = append(fresh, it)
	}
	if replaced { // a fuller version may sort elsewhere: sort it all
		all = append(slices.Clip(all), fresh...)
		return len(fresh), tea.Batch(m.setItems(all), fileDates(all))
	}
	if len(fresh) == 0 {
		return 0, nil
	}
	// the list is in order already: sort the new briefs and merge them in,
	// each after the equal ones already there (what a stable sort of the
	// whole would do), in time linear in the list
	m.order.arrange(fresh)
	return len(fresh), tea.Batch(m.setArranged(m.order.merge(all, fresh)), fileDates(fresh))
}

// sameAs reports whether the list shows a as it shows i: the same record
// and words, but perhaps for where it was read from.
func (i *item) sameAs(a *model.Article) bool {
	c := *a
	c.Source = i.rec.Source
	n := newItem(&c, i.mark)
	if i.dateFrom == dateFileTime { // read from the file after the item was made
		n.date, n.dateFrom = i.date, i.dateFrom
	}
	return *n == *i
}

// setItems puts items in the list in the current order, those the view
// shows in the bubbles list, the cursor staying on the brief it was on.
func (m *Model) setItems(all []list.Item) tea.Cmd {
	m.order.arrange(all)
	return m.setArranged(all)
}

// setArranged is setItems for items already in the current order.
func (m *Model) setArranged(all []list.Item) tea.Cmd {
	sel, had := m.SelectedID()
	top := m.list.Index() == 0 // briefs arriving do not pull the cursor down from the top
	m.all = all
	if undated := !slices.ContainsFunc(all, func(it list.Item) bool { return !it.(*item).date.IsZero() }); undated != m.undated {
		m.undated = undated
		m.setTitle() // "by date" is said only of a list that has dates
	}
	shown := all
	if m.show != ShowAll || m.only != nil {
		shown = make([]list.Item, 0, len(all))
		for _, it := range all {
			if m.shows(it.(*item)) {
				shown = append(shown, it)
			}
		}
	}
	if m.order.Group {
		// the bubbles status bar would count the headers as briefs: the
		// title says how many briefs and sources instead
		n := len(shown)
		shown = withHeaders(shown)
		m.groupNote = " · " + plural(n, "brief") + " in " + plural(len(shown)-n, "source")
	} else {
		m.groupNote = ""
	}
	m.list.SetShowStatusBar(!m.order.Group && m.list.Height() >= smallHeight)
	cmd := m.list.SetItems(shown)
	m.setCounts()
	switch {
	case had && !top:
		if !m.Select(sel) && len(shown) > 0 {
			m.list.Select(0)
		}
	case len(shown) > 0:
		m.list.Select(0)
	}
	m.offHeader(1)
	return cmd
}

// groupHeader is the line above each group when the list is grouped by
// source: the outlet and how many briefs it has. It cannot be opened; the
// cursor steps over it.
type groupHeader struct {
	label string
	n     int
}

// FilterValue is empty: a filter never shows a header.
func (h groupHeader) FilterValue() string { return "" }

// Title is the group's name.
func (h groupHeader) Title() string { return h.label }

// Description says how many briefs the group holds.
func (h groupHeader) Description() string {
	if h.n == 1 {
		return "1 brief"
	}
	return fmt.Sprintf("%d briefs", h.n)
}

// withHeaders puts a header before each group of items (in group order).
func withHeaders(items []list.Item) []list.Item {
	out := make([]list.Item, 0, len(items)+8)
	for i := 0; i < len(items); {
		g := items[i].(*item).group
		j := i
		for j < len(items) && items[j].(*item).group == g {
			j++
		}
		label := items[i].(*item).label
		if label == "" {
			label = "unknown source"
		}
		out = append(out, groupHeader{label: label, n: j - i})
		out = append(out, items[i:j]...)
		i = j
	}
	return out
}

// pageRow selects the first brief of the page shown, or its middle one.
func (m *Model) pageRow(middle bool) {
	vis := m.list.VisibleItems()
	if len(vis) == 0 {
		return
	}
	start, end := m.list.Paginator.GetSliceBounds(len(vis))
	var briefs []int
	for i := start; i < end; i++ {
		if _, ok := vis[i].(*item); ok {
			briefs = append(briefs, i)
		}
	}
	if len(briefs) == 0 {
		return
	}
	i := briefs[0]
	if middle {
		i = briefs[(len(briefs)-1)/2]
	}
	m.list.Select(i)
}

// offHeader moves the cursor off a group header, in direction dir (+1
// down, -1 up), or the other way at either end.
func (m *Model) offHeader(dir int) {
	vis := m.list.VisibleItems()
	i := m.list.Index()
	if i < 0 || i >= len(vis) {
		return
	}
	if _, ok := vis[i].(groupHeader); !ok {
		return
	}
	for _, d := range []int{dir, -dir} {
		for j := i + d; j >= 0 && j < len(vis); j += d {
			if _, ok := vis[j].(*item); ok {
				m.list.Select(j)
				return
			}
		}
	}
}

// shows reports whether the current view shows it.
func (m Model) shows(it *item) bool {
	if m.only != nil && !m.only[it.rec.ID] {
		return false
	}
	switch m.show {
	case ShowUnread:
		return !it.mark.Read || m.keep[it.rec.ID]
	case ShowStarred:
		return it.mark.Starred || m.keep[it.rec.ID]
	}
	return true
}

// SetMarks sets the marks of every brief (the reading state, once loaded);
// briefs not in marks are unread and not starred.
func (m *Model) SetMarks(marks map[string]Mark) tea.Cmd {
	m.marks = maps.Clone(marks)
	if m.marks == nil {
		m.marks = map[string]Mark{}
	}
	all := make([]list.Item, len(m.all))
	for i, it := range m.all {
		n := it.(*item).withMark(m.marks[it.(*item).rec.ID])
		all[i] = n
		m.byID[n.rec.ID] = n
	}
	return m.setItems(all)
}

// SetMark changes one brief's marks. Under ShowUnread or ShowStarred the
// brief stays shown until the view changes.
func (m *Model) SetMark(id string, mk Mark) {
	m.marks[id] = mk
	if m.show != ShowAll {
		m.keep[id] = true
	}
	old, ok := m.byID[id]
	if !ok {
		return
	}
	n := old.withMark(mk)
	m.byID[id] = n
	if i := slices.Index(m.all, list.Item(old)); i >= 0 {
		m.all[i] = n
	}
	if i := slices.Index(m.list.Items(), list.Item(old)); i >= 0 {
		m.list.SetItem(i, n)
	}
	m.setCounts()
}

// Unread counts the unread briefs the list holds in its view (all, unread
// or starred), a filter being typed or not.
func (m Model) Unread() int {
	n := 0
	for _, it := range m.list.Items() {
		if i, ok := it.(*item); ok && !i.mark.Read {
			n++
		}
	}
	return n
}

// ShownIDs returns the ids of the briefs the list shows: its view, and the
// filter when one is applied; in the list's order.
func (m Model) ShownIDs() []string {
	var out []string
	for _, it := range m.list.VisibleItems() {
		if i, ok := it.(*item); ok {
			out = append(out, i.rec.ID)
		}
	}
	return out
}

// setCounts says how many briefs are unread in the header: "11 briefs, 7
// unread" in the status bar, or after the sources in the title when grouped.
func (m *Model) setCounts() {
	u := fmt.Sprintf("%d unread", m.Unread())
	m.setTitle()
	if m.groupNote != "" {
		m.list.Title += m.groupNote + ", " + u
	}
	if len(m.list.Items()) == 0 {
		m.list.SetStatusBarItemName("brief", "briefs")
		return
	}
	m.list.SetStatusBarItemName("brief, "+u, "briefs, "+u)
}

// Mark returns a brief's marks.
func (m Model) Mark(id string) Mark { return m.marks[id] }

// Show returns which briefs the list shows.
func (m Model) Show() Show { return m.show }

// SetShow shows every brief, the unread or the starred.
func (m *Model) SetShow(s Show) tea.Cmd {
	m.show = s
	clear(m.keep)
	m.setTitle()
	return m.setItems(slices.Clone(m.all))
}

// SetOnly limits the list to the briefs of ids, a watchlist's, which the
// title names; nil ids shows every brief again.
func (m *Model) SetOnly(name string, ids map[string]bool) tea.Cmd {
	m.only, m.onlyName = ids, name
	if ids == nil {
		m.onlyName = ""
	}
	m.setTitle()
	return m.setItems(slices.Clone(m.all))
}

// CycleShow moves to the next view: all, unread, starred, all.
func (m *Model) CycleShow() tea.Cmd { return m.SetShow((m.show + 1) % 3) }

// setTitle names the view and the order in the list's title.
func (m *Model) setTitle() {
	m.list.Title = "Briefs"
	if m.onlyName != "" {
		m.list.Title += " · watch: " + m.onlyName
	}
	if s := m.show.String(); s != "" {
		m.list.Title += " · " + s
	}
	if s := m.OrderName(); s != "" {
		m.list.Title += " · " + s
	}
}

// OrderName says how the list is arranged, honestly: a list sorted by date
// in which no brief has a date is in title order, and says so.
func (m Model) OrderName() string {
	o := m.order
	if o.Sort == SortDate && m.undated && len(m.all) > 0 {
		o.Sort = SortTitle // ties under the date sort go by title
		return strings.Replace(o.String(), "by title", "by title (no dates)", 1)
	}
	return o.String()
}

// Order returns how the list is arranged.
func (m Model) Order() Order { return m.order }

// SetOrder arranges the list: sorted, maybe reversed, maybe grouped by source.
func (m *Model) SetOrder(o Order) tea.Cmd {
	m.order = o
	m.setTitle()
	return m.setItems(slices.Clone(m.all))
}

// CycleSort moves to the next sort order (date, title, entities, quotes).
func (m *Model) CycleSort() tea.Cmd {
	o := m.order
	i := slices.Index(Sorts, o.Sort)
	o.Sort = Sorts[(i+1)%len(Sorts)]
	return m.SetOrder(o)
}

// ToggleGroup groups the list by source, or stops grouping it.
func (m *Model) ToggleGroup() tea.Cmd {
	o := m.order
	o.Group = !o.Group
	return m.SetOrder(o)
}

// arrange sorts items in place; equal ones keep their order.
func (o Order) arrange(items []list.Item) {
	if o.Sort == SortLoad && !o.Group {
		return
	}
	slices.SortStableFunc(items, o.compareItems)
}

// merge returns the items of a and b, both in order, in order; of equal
// ones, a's come first.
func (o Order) merge(a, b []list.Item) []list.Item {
	out := make([]list.Item, 0, len(a)+len(b))
	if o.Sort == SortLoad && !o.Group {
		return append(append(out, a...), b...)
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if o.compareItems(b[j], a[i]) < 0 {
			out = append(out, b[j])
			j++
		} else {
			out = append(out, a[i])
			i++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// compareItems orders two list items: by group when grouping, then by the sort.
func (o Order) compareItems(x, y list.Item) int {
	a, b := x.(*item), y.(*item)
	if o.Group {
		if c := strings.Compare(a.group, b.group); c != 0 {
			return c
		}
	}
	c := o.compare(a, b)
	if o.Reverse {
		c = -c
	}
	return c
}

// compare orders two briefs by the sort, the first to show first; ties go
// newest first, then by title.
func (o Order) compare(a, b *item) int {
	if o.Sort == SortLoad {
		return 0
	}
	if c := compareBy(o.Sort, a, b); c != 0 {
		return c
	}
	if c := compareBy(SortDate, a, b); c != 0 {
		return c
	}
	return compareBy(SortTitle, a, b)
}

func compareBy(sort string, x, y *item) int {
	a, b := &x.rec, &y.rec
	switch sort {
	case SortDate:
		switch {
		case x.date.Equal(y.date):
			return 0
		case x.date.IsZero():
			return 1
		case y.date.IsZero():
			return -1
		}
		return y.date.Compare(x.date)
	case SortTitle:
		return strings.Compare(x.low, y.low)
	case SortEntities:
		return b.Entities - a.Entities
	case SortQuotes:
		return b.Quotes - a.Quotes
	}
	return 0
}

// Len is the number of articles in the list, filtered or not, shown or not.
func (m Model) Len() int { return len(m.all) }

// Filtering reports whether the user is typing a filter: keys are text then.
func (m Model) Filtering() bool { return m.list.SettingFilter() }

// SetFilter filters the list to text, as if the user had typed it after "/".
func (m *Model) SetFilter(text string) {
	m.list.SetFilterText(text)
}

// Selected returns the highlighted article, whole (read from Briefs).
func (m Model) Selected() (model.Article, bool) {
	it, ok := m.list.SelectedItem().(*item)
	if !ok {
		return model.Article{}, false
	}
	return m.briefs.Brief(it.rec.ID)
}

// SelectedID returns the id of the highlighted brief.
func (m Model) SelectedID() (string, bool) {
	it, ok := m.list.SelectedItem().(*item)
	if !ok {
		return "", false
	}
	return it.rec.ID, true
}

// Count returns how many of the list's briefs (filtered out or not, shown
// or not) keep holds for.
func (m Model) Count(keep func(archive.Record) bool) int {
	n := 0
	for _, it := range m.all {
		if i, ok := it.(*item); ok && keep(i.rec) {
			n++
		}
	}
	return n
}

// ByID returns the article with this id, filtered out or not, shown or
// not, whole (read from Briefs).
func (m Model) ByID(id string) (model.Article, bool) {
	if _, ok := m.byID[id]; !ok {
		return model.Article{}, false
	}
	return m.briefs.Brief(id)
}

// Select moves the cursor to the visible article with this id; false when it is not visible.
func (m *Model) Select(id string) bool {
	for i, it := range m.list.VisibleItems() {
		if it, ok := it.(*item); ok && it.rec.ID == id {
			m.list.Select(i)
			return true
		}
	}
	return false
}

// Neighbor returns the visible article delta places from the one with this id
// (for "[" and "]" in the reader); false at either end.
func (m Model) Neighbor(id string, delta int) (model.Article, bool) {
	var vis []*item // the briefs shown, without the group headers
	for _, it := range m.list.VisibleItems() {
		if it, ok := it.(*item); ok {
			vis = append(vis, it)
		}
	}
	for i, it := range vis {
		if it.rec.ID != id {
			continue
		}
		j := i + delta
		if j < 0 || j >= len(vis) {
			return model.Article{}, false
		}
		return m.briefs.Brief(vis[j].rec.ID)
	}
	return model.Article{}, false
}

// Init reads the file dates of the briefs the list started with that have
// no date of their own or in their file name.
func (m Model) Init() tea.Cmd { return fileDates(m.all) }

// Update handles keys when the list has focus, and the list's own messages.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if d, ok := msg.(FileDatesMsg); ok {
		return m, m.setFileDates(d.Dates)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.list.SettingFilter() && key.Matches(k, m.keys.Open) {
		if id, ok := m.SelectedID(); ok {
			return m, func() tea.Msg { return OpenMsg{ID: id} }
		}
		return m, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.list.SettingFilter() && key.Matches(k, m.keys.PageTop, m.keys.PageMiddle) {
		m.pageRow(key.Matches(k, m.keys.PageMiddle))
		return m, nil
	}
	// Enter while typing a filter: filter now. The bubbles list filters in a
	// command, and takes Enter before the matches of the last keys came back
	// for "nothing matched": a quick "/haiti⏎" (or any filter at 100k
	// briefs) was thrown away.
	if k, ok := msg.(tea.KeyPressMsg); ok && m.list.FilterState() == list.Filtering && key.Matches(k, m.list.KeyMap.AcceptWhileFiltering) {
		m.list.SetFilterText(m.list.FilterInput.Value())
		m.list.FilterInput.Blur()
		if len(m.list.VisibleItems()) == 0 {
			m.list.ResetFilter() // nothing matched: the whole list, as bubbles does
		}
		m.showFilterLine()
		return m, nil
	}
	sel, had := m.SelectedID()
	filtered := m.list.FilterState() != list.Unfiltered
	before := m.list.Index()
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	m.showFilterLine() // the filter line comes and goes with typing at small heights
	if d := m.list.Index() - before; d < 0 {
		m.offHeader(-1)
	} else {
		m.offHeader(1)
	}
	if had && filtered && m.list.FilterState() == list.Unfiltered {
		m.Select(sel) // the filter cleared: the cursor stays on its brief
	}
	return m, cmd
}

// View draws the list.
func (m Model) View() string { return m.list.View() }

// ShortHelp is the list's part of the help bar.
func (m Model) ShortHelp() []key.Binding {
	if m.list.SettingFilter() {
		return m.withoutHelpKeys(m.list.ShortHelp())
	}
	return append([]key.Binding{m.keys.Open}, m.withoutHelpKeys(m.list.ShortHelp())...)
}

// FullHelp is the list's part of the full help.
func (m Model) FullHelp() [][]key.Binding {
	out := [][]key.Binding{{m.keys.Open, m.keys.PageTop, m.keys.PageMiddle}}
	for _, g := range m.list.FullHelp() {
		if g = m.withoutHelpKeys(g); len(g) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// withoutHelpKeys drops the list's own "?" bindings: the root owns help.
func (m Model) withoutHelpKeys(bs []key.Binding) []key.Binding {
	out := make([]key.Binding, 0, len(bs))
	for _, b := range bs {
		if b.Help() == m.list.KeyMap.ShowFullHelp.Help() || b.Help() == m.list.KeyMap.CloseFullHelp.Help() {
			continue
		}
		out = append(out, b)
	}
	return out
}

// Retain keeps the briefs whose id keep accepts and drops the others (a
// refresh that no longer finds them); it returns how many went. The cursor
// stays on its brief when that one stays.
func (m *Model) Retain(keep func(id string) bool) (int, tea.Cmd) {
	all := make([]list.Item, 0, len(m.all))
	var dropped []string
	for _, it := range m.all {
		if id := it.(*item).rec.ID; keep(id) {
			all = append(all, it)
		} else {
			delete(m.byID, id)
			dropped = append(dropped, id)
		}
	}
	m.briefs.Forget(dropped)
	gone := len(m.all) - len(all)
	if gone == 0 {
		return 0, nil
	}
	return gone, m.setArranged(all)
}

// plural writes n with its noun, in the plural when n is not one.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Step moves the cursor d briefs down (up when negative), over the group
// headers: the mouse wheel over the list.
func (m *Model) Step(d int) {
	for ; d > 0; d-- {
		m.list.CursorDown()
		m.offHeader(1)
	}
	for ; d < 0; d++ {
		m.list.CursorUp()
		m.offHeader(-1)
	}
}
