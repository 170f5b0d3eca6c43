package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/articles/index"
	"briefs/articles/store"
	"briefs/model"
	"briefs/ui/config"
	"briefs/ui/internal/testbriefs"
)

// indexLoader is a loader that also builds the corpus index, as
// StreamLoader does: each call delivers the next batch (the last again
// when there are no more).
type indexLoader struct {
	batches [][]model.Article
	calls   int
}

func (f *indexLoader) load(ctx context.Context, out chan<- tea.Msg) {
	batch := f.batches[min(f.calls, len(f.batches)-1)]
	f.calls++
	out <- ArticlesMsg{Articles: batch}
	out <- SearcherMsg{Searcher: index.Build(batch, nil)}
	out <- ProgressMsg{Progress: articles.Progress{Done: len(batch), Total: len(batch), Final: true}}
	out <- LoadedMsg{}
}

// lavrovBrief is a new brief (invented) that names Lavrov.
func lavrovBrief() model.Article {
	a := testbriefs.Parse("Lavrov meets the Estmark envoy in Valletta\n\nThe two men spoke for an hour about harbour inspections, Lavrov's office said on Monday.")
	testbriefs.Annotate(&a, []testbriefs.Spec{{Name: "Lavrov", Kind: model.KindPerson}, {Name: "Estmark", Kind: model.KindCountry}})
	a.Published = time.Date(2026, 6, 8, 0, 0, 0, 0, time.UTC)
	return a
}

func ctrl(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

// TestWatchlistSaveShowAlertRemove: ctrl+s in the search view saves the
// query as a watchlist (in the reading state); the line under the list
// counts its briefs and unread ones; W shows only its briefs (the title
// names it); A marks them read and the count follows; a refresh that
// brings a new match says so on the status line and rings the bell; X
// removes it (from the state file too).
func TestWatchlistSaveShowAlertRemove(t *testing.T) {
	arts := seedFirst(t)
	path := filepath.Join(t.TempDir(), "state.db")
	fresh := lavrovBrief()
	f := &indexLoader{batches: [][]model.Article{arts, append(slices.Clone(arts), fresh)}}
	a := started(t, 120, 40, nil, Options{StatePath: path, Loader: f.load})
	if a.list.Len() != len(arts) || a.watch.src == nil {
		t.Fatalf("after start: %d briefs, index %v", a.list.Len(), a.watch.src)
	}
	a, _ = keys(t, a, "W")
	if !strings.Contains(a.status, "No watchlist") {
		t.Fatalf("W without watchlists: status %q", a.status)
	}

	a, _ = keys(t, a, "s", "L", "a", "v", "r", "o", "v")
	a, _ = step(t, a, ctrl('s'))
	a, _ = keys(t, a, "enter") // the name offered: the query as typed
	if a.focus != focusSearch || !strings.Contains(a.status, "Watching Lavrov") {
		t.Fatalf("ctrl+s in the search view: focus %d, status %q", a.focus, a.status)
	}
	ws, err := store.OpenState(path).Watches()
	if err != nil || len(ws) != 1 || ws[0].Name != "Lavrov" || ws[0].Query != "Lavrov*" {
		t.Fatalf("the state file's watchlists: %+v (%v)", ws, err)
	}
	res, _ := index.Build(arts, nil).Search("Lavrov", 0)
	want := len(res.Hits)
	if want == 0 {
		t.Fatal("no brief names Lavrov in the test briefs")
	}
	a, _ = keys(t, a, "esc")
	line := func(a App) string {
		for _, l := range strings.Split(screen(a), "\n") {
			if strings.Contains(l, "Watchlists (W):") {
				return strings.TrimSpace(l)
			}
		}
		return ""
	}
	if got, w := line(a), "Lavrov "+strconv.Itoa(want)+" ("+strconv.Itoa(want)+" unread)"; !strings.Contains(got, w) {
		t.Fatalf("watch line %q, want %q:\n%s", got, w, screen(a))
	}

	// W: the list shows the watchlist's briefs only
	a, _ = keys(t, a, "W")
	if ids := a.list.ShownIDs(); len(ids) != want || !strings.Contains(screen(a), "watch: Lavrov") {
		t.Fatalf("W: %d briefs shown, want %d:\n%s", len(ids), want, screen(a))
	}
	a, _ = keys(t, a, "A")
	if got := line(a); !strings.Contains(got, "▸Lavrov "+strconv.Itoa(want)) || strings.Contains(got, "unread") {
		t.Fatalf("after A the watch line is %q", got)
	}
	if n, _ := store.OpenState(path).All(); len(n) != want {
		t.Fatalf("A marked %d briefs read in the file, want %d", len(n), want)
	}

	// a refresh brings a brief that names Lavrov: announced, counted, shown
	m, cmd := a.Update(press("r"))
	a = m.(App)
	var bell bool
	queue := runCmd(cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if raw, ok := msg.(tea.RawMsg); ok && raw.Msg == "\a" {
			bell = true
		}
		m, cmd := a.Update(msg)
		a = m.(App)
		queue = append(queue, runCmd(cmd)...)
	}
	if !bell {
		t.Error("the refresh's new match did not ring the bell")
	}
	if !strings.Contains(a.status, "Watchlist Lavrov: 1 new brief") {
		t.Fatalf("after the refresh: status %q", a.status)
	}
	if got := line(a); !strings.Contains(got, "Lavrov "+strconv.Itoa(want+1)+" (1 unread)") {
		t.Fatalf("after the refresh the watch line is %q", got)
	}
	if !slices.Contains(a.list.ShownIDs(), fresh.ID) || len(a.list.ShownIDs()) != want+1 {
		t.Fatalf("the list showing the watchlist lacks the new brief: %v", a.list.ShownIDs())
	}

	// X removes it; W then has nothing to show
	a, _ = keys(t, a, "X")
	if ws, _ := store.OpenState(path).Watches(); len(ws) != 0 || line(a) != "" || len(a.list.ShownIDs()) != len(arts)+1 {
		t.Fatalf("after X: watchlists %+v, line %q, %d shown", ws, line(a), len(a.list.ShownIDs()))
	}
	// a second reader starts without it; a saved one comes back
	store.OpenState(path).UpdateWatch("Estmark", func(w *store.Watch) { w.Query = "entity:Estmark after:2026-06" })
	b := started(t, 120, 40, nil, Options{StatePath: path, Loader: (&indexLoader{batches: [][]model.Article{append(slices.Clone(arts), fresh)}}).load})
	if got := line(b); !strings.Contains(got, "Estmark 1 (1 unread)") || strings.Contains(got, "Lavrov") {
		t.Fatalf("a second reader's watch line %q", got)
	}
}

// TestWatchAlertKinds: the config's notify picks the bell, OSC 9, OSC 777
// or nothing; no control character of a name reaches the terminal.
func TestWatchAlertKinds(t *testing.T) {
	for _, tc := range []struct {
		notify, want string
	}{
		{config.NotifyBell, "\a"},
		{config.NotifyOSC9, "\x1b]9;briefs: Watchlist x y: 1 new brief\x07"},
		{config.NotifyOSC777, "\x1b]777;notify;briefs;Watchlist x y: 1 new brief\x07"},
		{config.NotifyNone, ""},
	} {
		a := New(nil, nil)
		a.watch.notify = tc.notify
		cmd := a.alert("Watchlist x\x1by: 1 new brief")
		got := ""
		if cmd != nil {
			got, _ = cmd().(tea.RawMsg).Msg.(string)
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.notify, got, tc.want)
		}
	}
}

// TestReloadEvery: with reload_every the reader loads its sources again
// when the timer fires, without a key; a stale timer (from before a load
// it started) does nothing; without a loader there is no timer.
func TestReloadEvery(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	f := &indexLoader{batches: [][]model.Article{arts[:2], arts}}
	o := Options{Loader: f.load}
	a := New(nil, nil)
	o.Config = config.Default()
	o.Config.ReloadEvery = time.Minute
	if err := a.Configure(o); err != nil {
		t.Fatal(err)
	}
	a, _ = step(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
	for _, msg := range runCmd(a.Init()) {
		a, _ = step(t, a, msg)
	}
	if f.calls != 1 || a.list.Len() != 2 || a.reloadTimer() == nil {
		t.Fatalf("after start: %d loads, %d briefs, timer %v", f.calls, a.list.Len(), a.reloadTimer() != nil)
	}
	a, _ = step(t, a, reloadTickMsg{n: a.watch.tick})
	if f.calls != 2 || a.list.Len() != len(arts) {
		t.Fatalf("after the timer: %d loads, %d briefs", f.calls, a.list.Len())
	}
	a, _ = step(t, a, reloadTickMsg{n: a.watch.tick - 1})
	if f.calls != 2 {
		t.Fatalf("a stale timer loaded again: %d loads", f.calls)
	}
	// a background load that finds nothing new leaves the status line alone
	a.say("Copied the URL.")
	a, _ = step(t, a, reloadTickMsg{n: a.watch.tick})
	if f.calls != 3 || a.status != "Copied the URL." {
		t.Fatalf("a quiet reload: %d loads, status %q", f.calls, a.status)
	}
	if b := New(arts, nil); b.reloadTimer() != nil {
		t.Fatal("a timer without a loader")
	}
}

// TestChangesReload: a change the source tells of (the shared archive's
// NOTIFY, Options.Changes) loads in the background without a key, and the
// reader waits for the next one; a change that comes during a load waits
// for it to end instead of being lost.
func TestChangesReload(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	f := &indexLoader{batches: [][]model.Article{arts[:2], arts, arts}}
	ch := make(chan struct{}, 1)
	a := New(nil, nil)
	if err := a.Configure(Options{Loader: f.load, Changes: ch, Config: config.Default()}); err != nil {
		t.Fatal(err)
	}
	if a.Init() == nil || a.watch.changes == nil {
		t.Fatal("Configure did not take the changes")
	}
	a.watch.changes = nil // start without the wait (a blocked one would take the change below)
	a, _ = step(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
	for _, msg := range runCmd(a.Init()) {
		a, _ = step(t, a, msg)
	}
	a.watch.changes = ch
	if f.calls != 1 || a.list.Len() != 2 {
		t.Fatalf("after start: %d loads, %d briefs", f.calls, a.list.Len())
	}
	ch <- struct{}{}
	msgs := runCmd(a.waitChange())
	if len(msgs) != 1 {
		t.Fatalf("the wait for a change gave %v", msgs)
	}
	a, _ = step(t, a, msgs[0])
	if f.calls != 2 || a.list.Len() != len(arts) || !strings.Contains(a.status, "2 new briefs") {
		t.Fatalf("after a change: %d loads, %d briefs, status %q; want a second load that says what is new", f.calls, a.list.Len(), a.status)
	}
	a.ld.running = true
	m, cmd := a.Update(changedMsg{})
	a = m.(App)
	if f.calls != 2 || cmd == nil {
		t.Fatalf("a change during a load: %d loads, cmd %v; want none now and a retry", f.calls, cmd != nil)
	}
	a.ld.running = false
	a, _ = step(t, a, changedMsg{again: true})
	if f.calls != 3 {
		t.Fatalf("the retry after the load: %d loads, want 3", f.calls)
	}
	if New(arts, nil).waitChange() != nil {
		t.Fatal("a wait for changes without a source of them")
	}
}

// TestWatchlistGreetingAtStart: unread briefs of a watchlist kept from an
// earlier session (those that came while the reader was closed among
// them) are said on the status line a few seconds after the load's
// message, which they replace (both would not fit at 80 columns); a
// watchlist saved in this session, or one with nothing unread, is not.
func TestWatchlistGreetingAtStart(t *testing.T) {
	arts := seedFirst(t)
	path := filepath.Join(t.TempDir(), "state.db")
	if err := store.OpenState(path).UpdateWatch("Lavrov", func(w *store.Watch) { w.Query = "Lavrov" }); err != nil {
		t.Fatal(err)
	}
	res, _ := index.Build(arts, nil).Search("Lavrov", 0)
	n := len(res.Hits)
	f := &indexLoader{batches: [][]model.Article{arts}}
	a := started(t, 80, 24, nil, Options{StatePath: path, Loader: f.load})
	if a.watch.greeting == "" || strings.Contains(a.status, "watchlists") {
		t.Fatalf("after start: greeting %q, status %q", a.watch.greeting, a.status)
	}
	a, _ = step(t, a, greetMsg{})
	want := "Unread in watchlists: Lavrov " + strconv.Itoa(n) + " (W shows them)"
	if a.status != want || !strings.Contains(screen(a), want) {
		t.Fatalf("the greeting: status %q, want %q:\n%s", a.status, want, screen(a))
	}
	if a, _ = step(t, a, greetMsg{}); a.status != want {
		t.Fatalf("a second greetMsg changed the status to %q", a.status)
	}

	// a newer message is not replaced
	b := started(t, 80, 24, nil, Options{StatePath: path, Loader: (&indexLoader{batches: [][]model.Article{arts}}).load})
	b.say("Copied the URL.")
	if b, _ = step(t, b, greetMsg{}); b.status != "Copied the URL." {
		t.Fatalf("the greeting replaced a newer message: %q", b.status)
	}

	// all read: no greeting; a watchlist saved now: none either
	b, _ = keys(t, b, "A")
	c := started(t, 80, 24, nil, Options{StatePath: path, Loader: (&indexLoader{batches: [][]model.Article{arts}}).load})
	if c.watch.greeting != "" {
		t.Fatalf("with every brief read the greeting is %q", c.watch.greeting)
	}
	d := started(t, 80, 24, nil, Options{StatePath: filepath.Join(t.TempDir(), "state.db"), Loader: (&indexLoader{batches: [][]model.Article{arts}}).load})
	d, _ = keys(t, d, "s", "L", "a", "v", "r", "o", "v")
	d, _ = step(t, d, ctrl('s'))
	d, _ = keys(t, d, "enter")
	if len(d.watch.lists) != 1 || d.watch.greeting != "" {
		t.Fatalf("a watchlist saved in the session greets: %q", d.watch.greeting)
	}
}

// TestWatchlistNameAndPrefix: ctrl+s asks for the watchlist's name,
// offering the query; the word being typed is kept as a prefix ("Lav*"),
// so the watchlist finds what the search view showed; esc saves nothing.
func TestWatchlistNameAndPrefix(t *testing.T) {
	arts := seedFirst(t)
	path := filepath.Join(t.TempDir(), "state.db")
	a := started(t, 80, 24, nil, Options{StatePath: path, Loader: (&indexLoader{batches: [][]model.Article{arts}}).load})
	a, _ = keys(t, a, "s", "L", "a", "v")
	shown := len(a.search.Hits())
	a, _ = step(t, a, ctrl('s'))
	if !strings.Contains(screen(a), "watch as: Lav") || !strings.Contains(screen(a), "enter save watchlist • esc cancel") {
		t.Fatalf("ctrl+s does not ask for a name:\n%s", screen(a))
	}
	a, _ = keys(t, a, "esc")
	if a.prompt.kind != "" || a.focus != focusSearch || len(a.watch.lists) != 0 {
		t.Fatalf("esc: prompt %q, focus %d, %d watchlists", a.prompt.kind, a.focus, len(a.watch.lists))
	}
	a, _ = step(t, a, ctrl('s'))
	a, _ = step(t, a, ctrl('u'))
	a, _ = keys(t, a, "R", "u", "s", "s", "i", "a", "n", " ", "F", "M", "enter")
	ws, err := store.OpenState(path).Watches()
	if err != nil || len(ws) != 1 || ws[0].Name != "Russian FM" || ws[0].Query != "Lav*" {
		t.Fatalf("the state file's watchlists: %+v (%v)", ws, err)
	}
	if i := a.watchIndex("Russian FM"); i < 0 || shown == 0 || len(a.watch.lists[i].ids) != shown {
		t.Fatalf("the watchlist matches %d briefs, the search view showed %d", len(a.watch.lists[max(i, 0)].ids), shown)
	}
	for q, want := range map[string]string{
		"Lav": "Lav*", "Iran AND IAEA": "Iran AND IAEA*", "Lavrov ": "Lavrov", `"peace talks"`: `"peace talks"`,
		"entity:Lav": "entity:Lav", "entity: Lav": "entity: Lav", "after:2026-06": "after:2026-06", "sanc*": "sanc*",
		"Iran AND": "Iran AND", `"peace ta`: `"peace ta`,
	} {
		if got := watchQuery(q); got != want {
			t.Errorf("watchQuery(%q) = %q, want %q", q, got, want)
		}
	}
}
