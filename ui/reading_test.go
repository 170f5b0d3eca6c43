package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles"
	"briefs/articles/store"
	"briefs/model"
	"briefs/ui/articlelist"
	"briefs/ui/config"
	"briefs/ui/internal/testbriefs"
)

// started is an App over arts configured with o (the list in load order),
// sized, with what Init starts (reading state, the loader) run to the end.
func started(t *testing.T, w, h int, arts []model.Article, o Options) App {
	t.Helper()
	o.Config = config.Default()
	o.Config.Sort = articlelist.SortLoad
	a := New(arts, nil)
	if err := a.Configure(o); err != nil {
		t.Fatal(err)
	}
	a, _ = step(t, a, tea.WindowSizeMsg{Width: w, Height: h})
	for _, msg := range runCmd(a.Init()) {
		a, _ = step(t, a, msg)
	}
	return a
}

// descLine is the list's description line under the brief titled title.
func descLine(t *testing.T, a App, title string) string {
	t.Helper()
	lines := strings.Split(screen(a), "\n")
	for i, l := range lines {
		if strings.Contains(l, title) && i+1 < len(lines) {
			return lines[i+1]
		}
	}
	t.Fatalf("%q not listed:\n%s", title, screen(a))
	return ""
}

func TestReadingStateMarksAndPersists(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	path := filepath.Join(t.TempDir(), "state.db")
	a := started(t, 80, 30, arts, Options{StatePath: path})
	first, second := arts[0].Title[:20], arts[1].Title[:20]
	if d := descLine(t, a, first); !strings.Contains(d, "•") || strings.Contains(d, "★") {
		t.Fatalf("a new brief is not shown unread: %q", d)
	}

	// Enter reads the first brief; * stars it from the reader.
	a, _ = keys(t, a, "enter")
	if !a.reading[arts[0].ID].Read || !a.list.Mark(arts[0].ID).Read {
		t.Fatal("opening a brief did not mark it read")
	}
	a, _ = keys(t, a, "*")
	if !a.list.Mark(arts[0].ID).Starred || !strings.Contains(screen(a), "★ ") {
		t.Fatalf("* did not star the open brief:\n%s", screen(a))
	}
	a, _ = keys(t, a, "esc")
	if d := descLine(t, a, first); strings.Contains(d, "•") || !strings.Contains(d, "★") {
		t.Fatalf("the read, starred brief shows %q", d)
	}
	if d := descLine(t, a, second); !strings.Contains(d, "•") {
		t.Fatalf("the unopened brief shows %q", d)
	}

	// A second reader over the same file sees it; * in the list unstars.
	b := started(t, 80, 30, arts, Options{StatePath: path})
	if mk := b.list.Mark(arts[0].ID); !mk.Read || !mk.Starred {
		t.Fatalf("second reader: marks %+v, want read and starred", mk)
	}
	if mk := b.list.Mark(arts[1].ID); mk.Read || mk.Starred {
		t.Fatalf("second reader: unopened brief has marks %+v", mk)
	}
	if d := descLine(t, b, first); strings.Contains(d, "•") || !strings.Contains(d, "★") {
		t.Fatalf("second reader shows %q", d)
	}
	b, _ = keys(t, b, "*")
	r, err := store.OpenState(path).Get(arts[0].ID)
	if err != nil || r.Starred || !r.Read {
		t.Fatalf("after * in the list the file says %+v (%v), want read, not starred", r, err)
	}
}

func TestReadingPositionRestored(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	path := filepath.Join(t.TempDir(), "state.db")
	a := started(t, 60, 16, arts, Options{StatePath: path})
	a, _ = keys(t, a, "enter", "j", "j", "j")
	if y := a.reader.YOffset(); y != 3 {
		t.Fatalf("at line %d, want 3", y)
	}
	// Away to the next brief and back: the first opens where it was left.
	a, _ = keys(t, a, "]")
	if y := a.reader.YOffset(); y != 0 {
		t.Fatalf("the next brief opened at line %d, want its top", y)
	}
	a, _ = keys(t, a, "[")
	if y := a.reader.YOffset(); y != 3 {
		t.Fatalf("back on the first brief at line %d, want 3", y)
	}
	a, _ = keys(t, a, "j")
	a, quit := keys(t, a, "q") // quitting saves the position
	if !quit {
		t.Fatal("q did not quit")
	}

	// Across a restart.
	b := started(t, 60, 16, arts, Options{StatePath: path})
	b, _ = keys(t, b, "enter")
	if got, _ := b.reader.Article(); got.ID != arts[0].ID {
		t.Fatalf("opened %q", got.Title)
	}
	if y := b.reader.YOffset(); y != 4 {
		t.Fatalf("after a restart the brief opens at line %d, want 4", y)
	}
	// On a screen the whole brief fits on, nothing moves: quitting keeps
	// the place saved for the small screen.
	c := started(t, 200, 50, arts, Options{StatePath: path})
	c, _ = keys(t, c, "enter")
	if !c.reader.AtEnd() || c.reader.YOffset() != 0 {
		t.Fatalf("the brief does not fit in 200x50 (at line %d): the test needs a short brief", c.reader.YOffset())
	}
	if _, quit := keys(t, c, "q"); !quit {
		t.Fatal("q did not quit")
	}
	if r, err := store.OpenState(path).Get(arts[0].ID); err != nil || r.Position != 4 {
		t.Fatalf("after reading it on a big screen the file says %+v (%v), want position 4", r, err)
	}
	// Read to the end, it opens at its top next time.
	b, _ = keys(t, b, "G", "]", "[")
	if y := b.reader.YOffset(); y != 0 {
		t.Fatalf("a brief read to its end reopens at line %d, want 0", y)
	}
}

func TestReadFilterShowsUnreadThenStarred(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	a := started(t, 80, 40, arts, Options{StatePath: filepath.Join(t.TempDir(), "state.db")})
	a, _ = keys(t, a, "enter", "esc", "j", "*") // read the first, star the second
	a, _ = keys(t, a, "U")
	if a.list.Show() != articlelist.ShowUnread {
		t.Fatalf("U shows %v", a.list.Show())
	}
	s := screen(a)
	if strings.Contains(s, arts[0].Title[:20]) || !strings.Contains(s, arts[1].Title[:20]) || !strings.Contains(s, "Briefs · unread") {
		t.Fatalf("unread view:\n%s", s)
	}
	// Reading a brief in this view leaves it listed until the view changes.
	a, _ = keys(t, a, "enter", "esc")
	if !strings.Contains(screen(a), arts[1].Title[:20]) {
		t.Fatalf("the brief just read left the unread view:\n%s", screen(a))
	}
	a, _ = keys(t, a, "U")
	s = screen(a)
	if a.list.Show() != articlelist.ShowStarred || !strings.Contains(s, arts[1].Title[:20]) || strings.Contains(s, arts[2].Title[:20]) {
		t.Fatalf("starred view:\n%s", s)
	}
	a, _ = keys(t, a, "U")
	if a.list.Show() != articlelist.ShowAll || !strings.Contains(screen(a), arts[2].Title[:20]) {
		t.Fatalf("U did not come back to all briefs:\n%s", screen(a))
	}
}

func TestReadingStateFailureIsAWarning(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := started(t, 80, 30, arts, Options{StatePath: filepath.Join(file, "state.db")})
	a, quit := keys(t, a, "enter", "*", "esc")
	if quit {
		t.Fatal("a state failure ended the reader")
	}
	if !a.list.Mark(arts[0].ID).Starred {
		t.Fatal("the star is lost in memory too")
	}
	found := false
	for _, w := range a.warnings {
		found = found || strings.HasPrefix(w, "reading state: ")
	}
	if !found {
		t.Fatalf("no reading state warning in %q", a.warnings)
	}
}

// fakeLoader sends the briefs of each call's batch, a final progress and
// LoadedMsg; calls counts its runs.
type fakeLoader struct {
	batches [][]model.Article
	calls   int
}

func (f *fakeLoader) load(ctx context.Context, out chan<- tea.Msg) {
	batch := f.batches[min(f.calls, len(f.batches)-1)]
	f.calls++
	out <- ArticlesMsg{Articles: batch}
	out <- ProgressMsg{Progress: articles.Progress{Done: len(batch), Total: len(batch), Final: true}}
	out <- LoadedMsg{Warnings: []string{"bad.json: broken"}}
}

func TestRefreshReplacesAndAdds(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	changed := arts[0]
	changed.Title = "Envoys sign the harbour accord"
	f := &fakeLoader{batches: [][]model.Article{arts[:2], {changed, arts[2]}}}
	a := started(t, 80, 40, nil, Options{Loader: f.load})
	if f.calls != 1 || a.list.Len() != 2 || a.ld.loading || a.ld.running {
		t.Fatalf("after start: %d loads, %d briefs, loading %v running %v", f.calls, a.list.Len(), a.ld.loading, a.ld.running)
	}
	a, _ = keys(t, a, "r")
	s := screen(a)
	// arts[1] is no longer delivered (its file was deleted): it goes
	if f.calls != 2 || a.list.Len() != 2 || !strings.Contains(s, "Envoys sign the harbour") || strings.Contains(s, arts[0].Title[:20]) {
		t.Fatalf("after r: %d loads, %d briefs:\n%s", f.calls, a.list.Len(), s)
	}
	if _, ok := a.list.ByID(arts[1].ID); ok {
		t.Fatalf("the brief the refresh did not find is still listed:\n%s", s)
	}
	if !strings.Contains(s, "Refreshed: 1 new brief, 1 gone.") {
		t.Fatalf("no refresh status:\n%s", s)
	}
	if len(a.warnings) != 1 { // the refresh's warnings replace the first load's
		t.Fatalf("warnings %q", a.warnings)
	}
}

// A load that delivers the same brief twice (two identical files) says so.
func TestLoadCountsIdenticalFiles(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	f := &fakeLoader{batches: [][]model.Article{{arts[0], arts[1], arts[0]}}}
	a := started(t, 100, 30, nil, Options{Loader: f.load})
	a.ld.start = time.Now()
	a.ld.seen, a.ld.dups, a.status = nil, 0, ""
	a, _ = step(t, a, ArticlesMsg{Articles: []model.Article{arts[0], arts[1], arts[0]}})
	a, _ = step(t, a, LoadedMsg{})
	if s := screen(a); a.list.Len() != 2 || !strings.Contains(s, "(1 duplicate file skipped)") {
		t.Fatalf("%d briefs listed; screen:\n%s", a.list.Len(), s)
	}
}

func TestRefreshWhileLoadingIsRefused(t *testing.T) {
	release := make(chan struct{})
	arts := testbriefs.MustLoad(t)
	calls := 0
	loader := func(ctx context.Context, out chan<- tea.Msg) {
		calls++
		out <- ProgressMsg{Progress: articles.Progress{Done: 1, Total: 4}}
		select {
		case <-release:
		case <-ctx.Done():
		}
		out <- ArticlesMsg{Articles: arts}
		out <- ProgressMsg{Progress: articles.Progress{Done: 4, Total: 4, Final: true}}
		out <- LoadedMsg{}
	}
	a := sized(t, 80, 24, nil)
	a.ld.loader = loader
	m, cmd := a.Update(press("r"))
	a = m.(App)
	if !a.ld.running || cmd == nil {
		t.Fatal("r did not start a load")
	}
	var first tea.Msg
	for _, msg := range runCmd(cmd) { // the loader's first message, the layout's
		if _, ok := msg.(loadStepMsg); ok {
			first = msg
		}
	}
	if first == nil {
		t.Fatal("the load sent nothing")
	}
	m, next := a.Update(first)
	a = m.(App)
	if s := screen(a); !strings.Contains(s, "Refreshing briefs: 1 ") {
		t.Fatalf("no progress line while refreshing:\n%s", s)
	}
	a, _ = keys(t, a, "r")
	if calls != 1 || !strings.Contains(screen(a), "Still loading") {
		t.Fatalf("a second r: %d loads, screen:\n%s", calls, screen(a))
	}
	close(release)
	for _, msg := range runCmd(next) {
		a, _ = step(t, a, msg)
	}
	if a.ld.running || a.ld.loading || a.list.Len() != len(arts) || strings.Contains(screen(a), "Refreshing") {
		t.Fatalf("after the load: running %v loading %v, %d briefs:\n%s", a.ld.running, a.ld.loading, a.list.Len(), screen(a))
	}
}

// A refresh delivers the open brief again: unchanged, nothing moves;
// changed (extraction filled it in), it re-renders where the reader was.
func TestRefreshKeepsTheOpenBriefsPlace(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	a := started(t, 60, 16, arts, Options{})
	a, _ = keys(t, a, "enter", "j", "j", "j")
	a, _ = step(t, a, ArticlesMsg{Articles: []model.Article{arts[0]}})
	if y := a.reader.YOffset(); y != 3 {
		t.Fatalf("the same brief again moved the reader to line %d, want 3", y)
	}
	fuller := arts[0]
	fuller.Quotes = nil
	a, _ = step(t, a, ArticlesMsg{Articles: []model.Article{fuller}})
	if got, _ := a.reader.Article(); len(got.Quotes) != 0 {
		t.Fatal("the changed brief did not replace the open one")
	}
	if y := a.reader.YOffset(); y != 3 || a.reader.Lines() == 0 {
		t.Fatalf("after re-rendering the reader is at line %d of %d, want 3", y, a.reader.Lines())
	}
}

// A brief opened before the state file is read gets its star and place
// from the file once it is: the session's changes go over it field by field.
func TestStateArrivingLateKeepsTheFilesFields(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	path := filepath.Join(t.TempDir(), "state.db")
	if err := store.OpenState(path).Update(arts[0].ID, func(r *store.Reading) { r.Starred, r.Position = true, 5 }); err != nil {
		t.Fatal(err)
	}
	o := Options{Config: config.Default(), StatePath: path}
	o.Config.Sort = articlelist.SortLoad
	a := New(arts, nil)
	if err := a.Configure(o); err != nil {
		t.Fatal(err)
	}
	a, _ = step(t, a, tea.WindowSizeMsg{Width: 60, Height: 16})
	a, _ = keys(t, a, "enter") // before Init's state load has answered
	if y := a.reader.YOffset(); y != 0 {
		t.Fatalf("opened at line %d before the state was known", y)
	}
	a, _ = step(t, a, a.loadState()())
	if mk := a.list.Mark(arts[0].ID); !mk.Read || !mk.Starred {
		t.Fatalf("marks %+v, want read (this session) and starred (the file)", mk)
	}
	if y := a.reader.YOffset(); y != 5 {
		t.Fatalf("the open brief is at line %d, want the file's 5", y)
	}
	if !strings.Contains(screen(a), "★ ") {
		t.Fatalf("no star in the reader's status line:\n%s", screen(a))
	}
}

// TestReadingPlaceAcrossWidths: a brief left at some paragraph reopens at
// that paragraph in a terminal of another width (the saved place is a
// point in the text, not only a line number).
func TestReadingPlaceAcrossWidths(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	path := filepath.Join(t.TempDir(), "state.db")
	a := started(t, 70, 14, arts, Options{StatePath: path})
	a, _ = keys(t, a, "enter", "j", "j", "j", "j", "j")
	if _, quit := keys(t, a, "q"); !quit {
		t.Fatal("q did not quit")
	}
	r, err := store.OpenState(path).Get(arts[0].ID)
	if err != nil || r.Position != 5 || r.Anchor <= 0 {
		t.Fatalf("the file says %+v (%v), want line 5 and an anchor", r, err)
	}
	word := strings.Fields(arts[0].Body[r.Anchor-1:])[0]
	word = strings.Trim(word, `.,;:"“”'’()`)

	b := started(t, 44, 14, arts, Options{StatePath: path})
	b, _ = keys(t, b, "enter")
	top := strings.SplitN(ansi.Strip(b.reader.View()), "\n", 2)[0]
	if !strings.Contains(top, word) {
		t.Fatalf("at width 44 the brief opens with %q on top (line %d), want the line with %q", top, b.reader.YOffset(), word)
	}
}

// TestStarPressedBeforeQuitIsKept: the program may end before it runs the
// command that writes a star pressed just before q (the fault-injection
// test lost one that way: 3 stars pressed, 2 in the file); Run flushes the
// writes left, so the file has it, and the command running late changes
// nothing.
func TestStarPressedBeforeQuitIsKept(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	path := filepath.Join(t.TempDir(), "state.db")
	a := started(t, 80, 30, arts, Options{StatePath: path})
	m, cmd := a.Update(press("*")) // the command is not run: the program ended first
	a = m.(App)
	if cmd == nil || !a.list.Mark(arts[0].ID).Starred {
		t.Fatal("* starred nothing")
	}
	if r, err := store.OpenState(path).Get(arts[0].ID); err != nil || r.Starred {
		t.Fatalf("the file has the star before any write ran: %+v %v", r, err)
	}
	if err := a.writes.Flush(); err != nil {
		t.Fatal(err)
	}
	if r, err := store.OpenState(path).Get(arts[0].ID); err != nil || !r.Starred {
		t.Fatalf("after Flush the file says %+v (%v), want starred", r, err)
	}
	// Unstar, flush, then the first command runs late: the file stays unstarred.
	m, cmd2 := a.Update(press("*"))
	a = m.(App)
	if err := a.writes.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []tea.Cmd{cmd, cmd2} {
		runAll(c)
	}
	if r, err := store.OpenState(path).Get(arts[0].ID); err != nil || r.Starred {
		t.Fatalf("a late command undid the newer write: %+v (%v)", r, err)
	}
}

// runAll runs a command and the commands of any batch it returns.
func runAll(c tea.Cmd) {
	if c == nil {
		return
	}
	if b, ok := c().(tea.BatchMsg); ok {
		for _, c := range b {
			runAll(c)
		}
	}
}
