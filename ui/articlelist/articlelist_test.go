package articlelist

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles/archive"
	"briefs/model"
	"briefs/ui/theme"
)

func brief(id, title, outlet string, day int, ents, quotes int) model.Article {
	a := model.Article{ID: id, Title: title, Outlet: outlet, Source: "/briefs/" + id + ".txt"}
	if day > 0 {
		a.Published = time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC)
	}
	a.Entities = make([]model.Entity, ents)
	a.Quotes = make([]model.Quote, quotes)
	return a
}

func ids(m Model) []string {
	var out []string
	for _, it := range m.list.Items() {
		if it, ok := it.(*item); ok { // not the group headers
			out = append(out, it.rec.ID)
		}
	}
	return out
}

func TestOrders(t *testing.T) {
	arts := []model.Article{
		brief("a", "Harbour talks", "Wire", 2, 3, 1),
		brief("b", "arms control", "", 0, 5, 0),
		brief("c", "Ceasefire", "Post", 9, 1, 4),
		brief("d", "Budget", "Wire", 5, 3, 2),
	}
	m := New(arts, theme.New(true))
	m.SetSize(60, 30)
	if got := ids(m); !slices.Equal(got, []string{"a", "b", "c", "d"}) {
		t.Fatalf("load order: %v", got)
	}
	for _, c := range []struct {
		o    Order
		want []string
	}{
		{Order{Sort: SortDate}, []string{"c", "d", "a", "b"}}, // newest first, undated last
		{Order{Sort: SortDate, Reverse: true}, []string{"b", "a", "d", "c"}},
		{Order{Sort: SortTitle}, []string{"b", "d", "c", "a"}},    // case folded
		{Order{Sort: SortEntities}, []string{"b", "d", "a", "c"}}, // ties newest first,
		{Order{Sort: SortQuotes}, []string{"c", "d", "a", "b"}},
		// Grouped: /briefs (no outlet), Post, Wire; by date within each.
		{Order{Sort: SortDate, Group: true}, []string{"b", "c", "d", "a"}},
	} {
		m.SetOrder(c.o)
		if got := ids(m); !slices.Equal(got, c.want) {
			t.Errorf("%v: %v, want %v", c.o, got, c.want)
		}
	}
	// Briefs arriving later take their place in the order.
	m.SetOrder(Order{Sort: SortDate})
	m.Append([]model.Article{brief("e", "Elections", "", 7, 0, 0)})
	if got := ids(m); !slices.Equal(got, []string{"c", "e", "d", "a", "b"}) {
		t.Errorf("after append: %v", got)
	}
	// S cycles date -> title -> entities -> quotes -> date; the cursor stays on its brief.
	m.list.Select(2) // d
	m.CycleSort()
	if o := m.Order(); o.Sort != SortTitle {
		t.Errorf("after date comes %q", o.Sort)
	}
	if a, _ := m.Selected(); a.ID != "d" {
		t.Errorf("the cursor moved to %q", a.ID)
	}
	m.ToggleGroup()
	if !m.Order().Group || m.list.Title != "Briefs · by title, grouped by source · 5 briefs in 3 sources, 5 unread" {
		t.Errorf("group: %+v, title %q", m.Order(), m.list.Title)
	}
}

func TestMarksAndShow(t *testing.T) {
	m := New([]model.Article{brief("a", "Alpha", "Wire", 1, 0, 0), brief("b", "Beta", "Wire", 2, 0, 0), brief("c", "Gamma", "Wire", 3, 0, 0)}, theme.New(true))
	m.SetSize(60, 30)
	m.SetMarks(map[string]Mark{"a": {Read: true}, "b": {Read: true, Starred: true}})
	for id, want := range map[string]string{"a": "Wire", "b": "★ Wire", "c": "• Wire"} {
		it := m.all[slices.IndexFunc(m.all, func(x list.Item) bool { return x.(*item).rec.ID == id })].(*item)
		if d := it.Description(); !strings.HasPrefix(d, want+" ·") {
			t.Errorf("%s: description %q, want it to open with %q", id, d, want)
		}
	}
	m.SetShow(ShowUnread)
	if got := ids(m); !slices.Equal(got, []string{"c"}) {
		t.Fatalf("unread: %v", got)
	}
	m.SetMark("c", Mark{Read: true}) // read while shown: stays until the view changes
	if got := ids(m); !slices.Equal(got, []string{"c"}) || !m.Mark("c").Read {
		t.Fatalf("after reading c: %v %+v", got, m.Mark("c"))
	}
	if n, _ := m.Append([]model.Article{brief("d", "Delta", "Wire", 4, 0, 0), brief("a", "Alpha 2", "Wire", 1, 0, 0)}); n != 1 {
		t.Fatalf("Append counted %d new, want 1", n)
	}
	if got := ids(m); !slices.Equal(got, []string{"c", "d"}) || m.Len() != 4 {
		t.Fatalf("unread after append: %v (%d in all)", got, m.Len())
	}
	m.SetShow(ShowStarred)
	if got := ids(m); !slices.Equal(got, []string{"b"}) || m.list.Title != "Briefs · starred" {
		t.Fatalf("starred: %v, title %q", got, m.list.Title)
	}
	if a, ok := m.ByID("a"); !ok || a.Title != "Alpha 2" {
		t.Fatalf("ByID of a hidden brief: %q %v", a.Title, ok)
	}
}

// Briefs arriving in batches end in the order one sort of them all gives
// (Append merges each batch into the sorted list), and a later, fuller
// version of a brief replaces it where its new fields sort it.
func TestAppendInBatchesKeepsTheOrder(t *testing.T) {
	var arts []model.Article
	outlets := []string{"Wire", "Post", ""}
	for i := range 60 {
		title := []string{"Talks", "arms", "Budget", "ceasefire"}[i%4]
		arts = append(arts, brief(string(rune('A'+i)), title, outlets[i%3], (i*7)%11, i%5, (i*3)%4))
	}
	for _, o := range []Order{{Sort: SortDate}, {Sort: SortTitle, Reverse: true}, {Sort: SortEntities, Group: true}, {Sort: SortQuotes}, {Sort: SortLoad}} {
		whole := New(nil, theme.New(true))
		whole.SetSize(60, 30)
		whole.SetOrder(o)
		whole.Append(arts)
		batched := New(nil, theme.New(true))
		batched.SetSize(60, 30)
		batched.SetOrder(o)
		for i := 0; i < len(arts); i += 7 {
			batched.Append(arts[i:min(i+7, len(arts))])
		}
		all := items(arts, nil)
		o.arrange(all)
		var wantIDs []string
		for _, it := range all {
			wantIDs = append(wantIDs, it.(*item).rec.ID)
		}
		if got := ids(batched); !slices.Equal(got, wantIDs) {
			t.Errorf("%v: batches give %v, want %v", o, got, wantIDs)
		}
		if got := ids(whole); !slices.Equal(got, wantIDs) {
			t.Errorf("%v: one append gives %v, want %v", o, got, wantIDs)
		}
		if n, _ := batched.Append(arts[:3]); n != 0 || batched.Len() != len(arts) {
			t.Errorf("%v: appending known briefs added %d, list of %d", o, n, batched.Len())
		}
	}
	// a fuller version of "A" (now with the most entities) moves to the top
	m := New(nil, theme.New(true))
	m.SetSize(60, 30)
	m.SetOrder(Order{Sort: SortEntities})
	m.Append(arts)
	fuller := arts[0]
	fuller.Entities = make([]model.Entity, 50)
	if n, _ := m.Append([]model.Article{fuller}); n != 0 {
		t.Errorf("a fuller version counted as new")
	}
	if got := ids(m); got[0] != "A" || m.Len() != len(arts) {
		t.Errorf("fuller version: first %q of %d briefs, want A of %d", got[0], m.Len(), len(arts))
	}
}

// The filter wants every word typed, in any case, anywhere in the title,
// outlet, source or entity names; briefs with all of them in the title
// come first; the letters matched in the title are the ones highlighted.
func TestFilterWords(t *testing.T) {
	lavrov := brief("a", "Talks stall in Geneva", "Wire", 2, 0, 0)
	lavrov.Entities = []model.Entity{{Name: "Sergei Lavrov", Kind: model.KindPerson}}
	inTitle := brief("b", "Lavrov meets envoy in Geneva", "Post", 3, 0, 0)
	scattered := brief("c", "Revenue of oil firms", "Wire", 4, 0, 0) // l-a-v-r-o-v in order, no "lavrov"
	targets := []string{filterValue(lavrov), filterValue(inTitle), filterValue(scattered)}
	got := filterWords("LAVROV", targets)
	if len(got) != 2 || got[0].Index != 1 || got[1].Index != 0 {
		t.Fatalf("filter lavrov: %+v, want brief 1 (title) then 0 (entity)", got)
	}
	if want := []int{0, 1, 2, 3, 4, 5}; !slices.Equal(got[0].MatchedIndexes, want) {
		t.Errorf("highlight %v, want %v", got[0].MatchedIndexes, want)
	}
	if got := filterWords("geneva lavrov", targets); len(got) != 2 {
		t.Errorf("two words: %+v", got)
	}
	if got := filterWords("geneva paris", targets); len(got) != 0 {
		t.Errorf("a word no brief has: %+v", got)
	}
	if got := filterWords("post", targets); len(got) != 1 || got[0].Index != 1 || got[0].MatchedIndexes != nil {
		t.Errorf("outlet only: %+v", got)
	}
	// rune positions, not bytes, after a wide letter
	if got := filterWords("house", []string{filterValue(model.Article{Title: "Höfði house"})}); len(got) != 1 || !slices.Equal(got[0].MatchedIndexes, []int{6, 7, 8, 9, 10}) {
		t.Errorf("runes after ö and ð: %+v", got)
	}
	// the search view's word rules: stems, the word typed as a prefix, words joined or apart
	sanctions := brief("s", "EU widens sanctions on tankers", "Wire", 5, 0, 0)
	truce := brief("t", "A cease-fire holds in the valley", "Wire", 6, 0, 0)
	more := []string{filterValue(sanctions), filterValue(truce)}
	for _, tc := range []struct {
		typed string
		want  int
	}{{"sanction", 0}, {"sanctioned", 0}, {"sanc", 0}, {"ceasefire", 1}, {"cease-fire", 1}, {"ceasef", 1}} {
		if got := filterWords(tc.typed, more); len(got) != 1 || got[0].Index != tc.want || got[0].MatchedIndexes == nil {
			t.Errorf("%q: %+v, want brief %d highlighted", tc.typed, got, tc.want)
		}
	}
	if got := filterWords("tion", more); len(got) != 0 {
		t.Errorf("the middle of a word matched: %+v", got)
	}
	// through the list, as typed after "/"
	m := New([]model.Article{lavrov, inTitle, scattered}, theme.New(true))
	m.SetSize(60, 30)
	m.SetFilter("lavrov")
	var shown []string
	for _, it := range m.list.VisibleItems() {
		shown = append(shown, it.(*item).rec.ID)
	}
	if !slices.Equal(shown, []string{"b", "a"}) {
		t.Errorf("list filtered to %v, want [b a]", shown)
	}
}

// "/", a word and Enter typed faster than the list filters (its matches
// come back in a command) still filter the list.
func TestFilterAcceptedBeforeItsMatchesArrive(t *testing.T) {
	haiti := brief("h", "Council renews Haiti mission", "Wire", 3, 0, 0)
	other := brief("o", "OPEC ministers meet", "Wire", 2, 0, 0)
	m := New([]model.Article{haiti, other}, theme.New(true))
	m.SetSize(60, 30)
	press := func(k tea.KeyPressMsg) {
		m, _ = m.Update(k) // the commands (the async matches) are dropped on purpose
	}
	press(tea.KeyPressMsg{Code: '/', Text: "/"})
	for _, r := range "haiti" {
		press(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	press(tea.KeyPressMsg{Code: tea.KeyEnter})
	if m.list.FilterState() != list.FilterApplied {
		t.Fatalf("filter state %v after Enter, want applied", m.list.FilterState())
	}
	var shown []string
	for _, it := range m.list.VisibleItems() {
		shown = append(shown, it.(*item).rec.ID)
	}
	if !slices.Equal(shown, []string{"h"}) {
		t.Errorf("shown %v, want [h]", shown)
	}
	// a word nothing has: Enter shows the whole list again
	press(tea.KeyPressMsg{Code: '/', Text: "/"})
	for _, r := range "zzz" {
		press(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	press(tea.KeyPressMsg{Code: tea.KeyEnter})
	if n := len(m.list.VisibleItems()); n != 2 || m.list.FilterState() != list.Unfiltered {
		t.Errorf("after a filter with no match: %d shown, state %v", n, m.list.FilterState())
	}
}

// Clearing a filter (esc) leaves the cursor on the brief it was on, not on
// the first of the list (issue 20, defect 3).
func TestClearingTheFilterKeepsTheSelection(t *testing.T) {
	arts := []model.Article{
		brief("a", "Envoys meet in Geneva", "Wire", 5, 0, 0),
		brief("b", "Ministers meet in Oslo", "Wire", 4, 0, 0),
		brief("c", "Harbour talks in Valletta", "Wire", 3, 0, 0),
		brief("d", "Quota talks in Reykjavik", "Wire", 2, 0, 0),
	}
	m := New(arts, theme.New(true))
	m.SetSize(60, 30)
	press := func(k tea.KeyPressMsg) { m, _ = m.Update(k) }
	press(tea.KeyPressMsg{Code: '/', Text: "/"})
	for _, r := range "talks" {
		press(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	press(tea.KeyPressMsg{Code: tea.KeyEnter})
	press(tea.KeyPressMsg{Code: 'j', Text: "j"})
	if a, _ := m.Selected(); a.ID != "d" {
		t.Fatalf("selected %q in the filtered list, want d", a.ID)
	}
	press(tea.KeyPressMsg{Code: tea.KeyEscape})
	if m.list.FilterState() != list.Unfiltered {
		t.Fatal("esc did not clear the filter")
	}
	if a, _ := m.Selected(); a.ID != "d" {
		t.Fatalf("after clearing the filter the cursor is on %q, want d", a.ID)
	}
}

// A brief without outlet or date shows the outlet and date its file name
// carries (said as such), never a path, and sorts by that date (issue 20,
// defect 10).
func TestLabelsAndDatesFromFileNames(t *testing.T) {
	older := model.Article{ID: "o", Title: "Zebra crossing debate", Source: "/home/ann/polnear/nyt_2016-10-02_zebra.txt"}
	newer := model.Article{ID: "n", Title: "Aardvark census", Source: "/home/ann/polnear/wash-post_2016-11-05_aardvark.txt"}
	plain := model.Article{ID: "p", Title: "Budget notes", Source: "/home/ann/notes/budget.txt"}
	m := New([]model.Article{older, plain, newer}, theme.New(true))
	m.SetSize(80, 30)
	m.SetOrder(Order{Sort: SortDate})
	if got := ids(m); !slices.Equal(got, []string{"n", "o", "p"}) {
		t.Errorf("by date: %v, want the file names' dates newest first, the undated last", got)
	}
	want := map[string]string{
		"o": "New York Times · 2 Oct 2016 (file name)",
		"n": "Washington Post · 5 Nov 2016 (file name)",
		"p": "notes",
	}
	for _, it := range m.all {
		d := it.(*item).Description()
		if !strings.HasSuffix(d, want[it.(*item).rec.ID]) || strings.Contains(d, "/") {
			t.Errorf("%s: description %q, want it to end %q", it.(*item).rec.ID, d, want[it.(*item).rec.ID])
		}
	}
}

// A brief with no date of its own or in its file name takes its file's
// modification time, said "(file date)", and sorts by it; a list with no
// date at all is said to be in title order, never "by date" (issue 20,
// defect 10).
func TestFileDatesAndAnHonestOrder(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, when time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
		return p
	}
	old := model.Article{ID: "old", Title: "Aardvark census", Source: write("census.txt", time.Date(2025, 3, 1, 12, 0, 0, 0, time.Local))}
	recent := model.Article{ID: "new", Title: "Zebra crossing debate", Source: write("zebra.txt", time.Date(2025, 9, 14, 12, 0, 0, 0, time.Local))}
	stdin := model.Article{ID: "in", Title: "Budget notes", Source: "-"}
	m := New([]model.Article{old, stdin, recent}, theme.New(true))
	m.SetSize(80, 30)
	m.SetOrder(Order{Sort: SortDate})
	if title := m.list.Title; strings.Contains(title, "by date") || !strings.Contains(title, "by title (no dates)") {
		t.Errorf("undated list titled %q: it is in title order", title)
	}
	if got := ids(m); !slices.Equal(got, []string{"old", "in", "new"}) {
		t.Errorf("undated order %v, want by title", got)
	}
	cmd := m.Init()
	if cmd == nil {
		t.Fatal("no command reads the files' dates")
	}
	m, _ = m.Update(cmd())
	if got := ids(m); !slices.Equal(got, []string{"new", "old", "in"}) {
		t.Errorf("by file date: %v, want newest first, standard input (no file) last", got)
	}
	if title := m.list.Title; !strings.Contains(title, "by date") {
		t.Errorf("dated list titled %q", title)
	}
	want := map[string]string{"new": "14 Sep 2025 (file date)", "old": "1 Mar 2025 (file date)", "in": "standard input"}
	for _, it := range m.all {
		if d := it.(*item).Description(); !strings.HasSuffix(d, want[it.(*item).rec.ID]) {
			t.Errorf("%s: description %q, want it to end %q", it.(*item).rec.ID, d, want[it.(*item).rec.ID])
		}
	}
	// briefs appended later get their file dates too
	late := model.Article{ID: "late", Title: "Mid-year review", Source: write("review.txt", time.Date(2025, 6, 1, 12, 0, 0, 0, time.Local))}
	_, cmd = m.Append([]model.Article{late})
	m = runBatch(t, m, cmd)
	if got := ids(m); !slices.Equal(got, []string{"new", "late", "old", "in"}) {
		t.Errorf("after an append: %v", got)
	}
}

// runBatch runs cmd and its batched commands and gives the list their
// file-date messages (the bubbles list's own are dropped).
func runBatch(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			m = runBatch(t, m, c)
		}
	case FileDatesMsg:
		m, _ = m.Update(msg)
	}
	return m
}

// Grouped by source, each group has a header line with its outlet and
// count, the cursor steps over the headers, and a folder whose outlets are
// in the file names groups by them (issue 20, defect 5).
func TestGroupHeaders(t *testing.T) {
	arts := []model.Article{
		{ID: "a", Title: "One", Source: "/p/nyt_2016-10-02_one.txt"},
		{ID: "b", Title: "Two", Source: "/p/politico_2016-10-03_two.txt"},
		{ID: "c", Title: "Three", Source: "/p/nyt_2016-10-04_three.txt"},
	}
	m := New(arts, theme.New(true))
	m.SetSize(60, 40)
	m.SetOrder(Order{Sort: SortDate, Group: true})
	view := ansi.Strip(m.View())
	for _, want := range []string{"── New York Times", "2 briefs", "── Politico", "1 brief"} {
		if !strings.Contains(view, want) {
			t.Fatalf("grouped view lacks %q:\n%s", want, view)
		}
	}
	m.SetMark("a", Mark{Read: true})
	view = ansi.Strip(m.View())
	for _, want := range []string{"2 briefs, 1 unread", "1 brief, 1 unread", "3 briefs in 2 sources, 2 unread"} {
		if !strings.Contains(view+m.list.Title, want) {
			t.Fatalf("grouped view lacks the unread count %q after a brief was read:\n%s", want, view)
		}
	}
	if got := ids(m); !slices.Equal(got, []string{"c", "a", "b"}) {
		t.Errorf("grouped order %v, want [c a b]", got)
	}
	if a, ok := m.Selected(); !ok || a.ID != "c" {
		t.Fatalf("the cursor is on %q, want the first brief (not the header)", a.ID)
	}
	press := func(k string) { m, _ = m.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k}) }
	press("j")
	press("j") // over the Politico header
	if a, ok := m.Selected(); !ok || a.ID != "b" {
		t.Fatalf("j j: on %q, want b past the header", a.ID)
	}
	press("k")
	if a, ok := m.Selected(); !ok || a.ID != "a" {
		t.Fatalf("k: on %q, want a", a.ID)
	}
	if n, ok := m.Neighbor("a", 1); !ok || n.ID != "b" {
		t.Fatalf("the brief after a is %q, want b (headers are not briefs)", n.ID)
	}
}

// countingBriefs is a Briefs that counts what the list asks of it.
type countingBriefs struct {
	*MemoryBriefs
	asked  []string
	forgot []string
}

func (c *countingBriefs) Brief(id string) (model.Article, bool) {
	c.asked = append(c.asked, id)
	return c.MemoryBriefs.Brief(id)
}

func (c *countingBriefs) Forget(ids []string) {
	c.forgot = append(c.forgot, ids...)
	c.MemoryBriefs.Forget(ids)
}

// The list holds records: it reads a whole brief from its Briefs only when
// asked for one, and the brief it hands over is the latest kept; Retain
// tells Briefs what went.
func TestListReadsBriefsWhenAsked(t *testing.T) {
	store := &countingBriefs{MemoryBriefs: NewMemoryBriefs()}
	m := NewWith([]model.Article{brief("a", "Alpha", "Wire", 1, 2, 1), brief("b", "Beta", "Wire", 2, 0, 0)}, theme.New(true), store)
	m.SetSize(60, 20)
	m.View()
	m.SetOrder(Order{Sort: SortEntities})
	if len(store.asked) != 0 {
		t.Fatalf("drawing and sorting read briefs: %v", store.asked)
	}
	if got := ids(m); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("by entities (from the records' counts): %v", got)
	}
	fuller := brief("b", "Beta", "Wire", 2, 0, 0)
	fuller.Body = "The whole text, kept by Briefs, not by the list."
	if n, _ := m.Append([]model.Article{fuller}); n != 0 {
		t.Fatalf("the same brief again counted as new: %d", n)
	}
	got, ok := m.ByID("b")
	if !ok || got.Body != fuller.Body || !slices.Equal(store.asked, []string{"b"}) {
		t.Fatalf("ByID(b) = %q, %v; asked %v", got.Body, ok, store.asked)
	}
	if _, ok := m.ByID("zz"); ok || len(store.asked) != 1 {
		t.Fatalf("a brief the list does not hold was looked up: %v", store.asked)
	}
	if gone, _ := m.Retain(func(id string) bool { return id == "a" }); gone != 1 || !slices.Equal(store.forgot, []string{"b"}) {
		t.Fatalf("Retain dropped %d, forgot %v", gone, store.forgot)
	}
	if n := m.Count(func(r archive.Record) bool { return r.Entities == 2 }); n != 1 {
		t.Fatalf("Count over the records: %d", n)
	}
}
