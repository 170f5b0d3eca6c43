package ui

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"briefs/articles/store"
	"briefs/model"
	"briefs/ui/config"
	"briefs/ui/search"
)

// Watchlists (issue 23): saved searches with a name, kept in the reading
// state (store.Watch). The list shows each as a virtual source (W cycles
// through them, the list's title names it); a line under the list counts
// their briefs and unread ones. After each load the reader runs them again
// on the corpus index: briefs that match now and did not before are new,
// and the status line says so, with the bell or a desktop notification
// (config notify). reload_every loads the sources again in the background.

// WatchKeys are the keys of the watchlists.
type WatchKeys struct {
	WatchNext   key.Binding // the list shows the next watchlist's briefs, then all again (list only)
	WatchSave   key.Binding // save the search view's query as a watchlist (search view only)
	WatchRemove key.Binding // remove the watchlist the list shows (list only)
}

// DefaultWatchKeys returns W, ctrl+s and X.
func DefaultWatchKeys() WatchKeys {
	return WatchKeys{
		WatchNext:   key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "next watchlist")),
		WatchSave:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "watch this search")),
		WatchRemove: key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "remove watchlist")),
	}
}

// watchList is one watchlist with its matches at its last run.
type watchList struct {
	name, query string
	ids         map[string]bool // the briefs it matched at the last run; nil: not run yet
	err         error           // the query failed (a bad term)
	// whole: ids are of a run over a whole load (started after a load
	// ended), not of an index still filling: only then are later matches new
	whole bool
	kept  bool // read from the reading state at start (not saved in this session)
}

// watchState is what the App knows of the watchlists.
type watchState struct {
	keys   WatchKeys
	lists  []watchList     // by name
	loaded bool            // read from the reading state
	src    search.Searcher // the corpus index they run on (nil: not built yet)
	ran    bool            // a load has ended: runs may report new briefs
	shown  string          // the watchlist the list shows ("": none)
	gen    int             // the current run: older results are dropped
	notify string          // config.Notify*
	every  time.Duration   // reload_every: 0 never
	tick   int             // the current reload timer: older ticks are dropped
	// background: the running load is reload_every's, not the user's
	background bool
	// changes tells that the source has new briefs (Options.Changes): each
	// starts a background load as reload_every's timer does.
	changes <-chan struct{}
	// greeting is what the first whole run found unread, said on the
	// status line greetDelay after it (greetMsg); greeted: it was made
	greeting string
	greeted  bool
}

// greetMsg puts the watchlists' unread briefs found at start on the
// status line, in place of the load's message.
type greetMsg struct{}

// greetDelay is how long the load's message ("Loaded 12 briefs; search
// ready.") stays before the watchlists' greeting replaces it: both do not
// fit on one line at 80 columns.
const greetDelay = 3 * time.Second

// watchesMsg delivers the watchlists read from the reading state.
type watchesMsg struct {
	lists []store.Watch
	err   error
}

// watchRunMsg delivers the matches of every watchlist, by name.
type watchRunMsg struct {
	gen   int
	whole bool // the run started after a load ended
	ids   map[string]map[string]bool
	errs  map[string]error
}

// watchSavedMsg reports a watchlist saved or removed in the reading state.
type watchSavedMsg struct {
	name, query string // query "": removed
	err         error
}

// reloadTickMsg is the reload_every timer.
type reloadTickMsg struct{ n int }

// changedMsg says the source has new briefs (Options.Changes). again: a
// retry while a load was running, not a value of the channel.
type changedMsg struct{ again bool }

// changeRetry is how long a change that came during a load waits before
// its own load.
const changeRetry = time.Second

// waitChange waits for the source's next change.
func (a App) waitChange() tea.Cmd {
	ch := a.watch.changes
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		return changedMsg{}
	}
}

// configureWatch takes the config's notify and reload_every and the keys.
func (a *App) configureWatch(cfg config.Config, keys WatchKeys) {
	a.watch.keys, a.watch.notify, a.watch.every = keys, cfg.Notify, cfg.ReloadEvery
}

// readWatches reads the watchlists, once the reading state has been read
// (not beside it: a damaged file is repaired by one reader at a time).
func (a App) readWatches() tea.Cmd {
	st := a.state
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		ws, err := st.Watches()
		return watchesMsg{lists: ws, err: err}
	}
}

// reloadTimer waits reload_every for the next background load.
func (a App) reloadTimer() tea.Cmd {
	if a.watch.every <= 0 || a.ld.loader == nil {
		return nil
	}
	n := a.watch.tick
	return tea.Tick(a.watch.every, func(time.Time) tea.Msg { return reloadTickMsg{n: n} })
}

// updateWatch handles the watchlists' messages.
func (a App) updateWatch(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case watchesMsg:
		if msg.err != nil {
			a.warn("Watchlists not read: " + msg.err.Error())
		}
		a.watch.loaded = true
		for _, w := range msg.lists {
			a.setWatch(w.Name, w.Query)
			a.watch.lists[a.watchIndex(w.Name)].kept = true
		}
		return a, tea.Batch(a.layout(), a.runWatches())
	case watchRunMsg:
		if msg.gen != a.watch.gen {
			return a, nil
		}
		return a, a.watchResults(msg)
	case greetMsg:
		return a, a.greet()
	case watchSavedMsg:
		if msg.err != nil {
			a.warn("Watchlist not saved: " + msg.err.Error())
		}
		return a, a.layout()
	case reloadTickMsg:
		if msg.n != a.watch.tick {
			return a, nil
		}
		a.watch.tick++
		var load tea.Cmd
		if !a.ld.running { // quietly: the status line is the reader's
			a.ld.refreshing, a.watch.background = true, true
			load = a.startLoad()
		}
		return a, tea.Batch(load, a.reloadTimer(), a.layout())
	case changedMsg:
		var next tea.Cmd
		if !msg.again {
			next = a.waitChange()
		}
		if a.ld.running { // after this load, so that it reads what it may have missed
			return a, tea.Batch(next, tea.Tick(changeRetry, func(time.Time) tea.Msg { return changedMsg{again: true} }))
		}
		a.ld.refreshing, a.watch.background = true, true
		return a, tea.Batch(next, a.startLoad(), a.layout())
	}
	return a, nil
}

// setWatch adds a watchlist, or changes the query of one of that name
// (its matches are then unknown until it runs again).
func (a *App) setWatch(name, query string) {
	i, found := slices.BinarySearchFunc(a.watch.lists, name, func(w watchList, n string) int { return strings.Compare(w.name, n) })
	if found {
		if a.watch.lists[i].query != query {
			a.watch.lists[i] = watchList{name: name, query: query}
		}
		return
	}
	a.watch.lists = slices.Insert(a.watch.lists, i, watchList{name: name, query: query})
}

// watchIndex returns the position of the watchlist called name, or -1.
func (a App) watchIndex(name string) int {
	return slices.IndexFunc(a.watch.lists, func(w watchList) bool { return w.name == name })
}

// runWatches runs every watchlist on the corpus index in the background,
// once both are there.
func (a *App) runWatches() tea.Cmd {
	src := a.watch.src
	if src == nil || !a.watch.loaded || len(a.watch.lists) == 0 {
		return nil
	}
	a.watch.gen++
	gen, whole := a.watch.gen, a.watch.ran
	queries := map[string]string{}
	for _, w := range a.watch.lists {
		queries[w.name] = w.query
	}
	return func() tea.Msg {
		out := watchRunMsg{gen: gen, whole: whole, ids: map[string]map[string]bool{}, errs: map[string]error{}}
		for name, q := range queries {
			res, err := src.Search(q, 0)
			if err != nil {
				out.errs[name] = err
				continue
			}
			ids := make(map[string]bool, len(res.Hits))
			for _, h := range res.Hits {
				ids[h.ArticleID] = true
			}
			out.ids[name] = ids
		}
		return out
	}
}

// watchResults takes a run's matches: briefs a watchlist matches now and
// did not at its last whole run are announced (the first whole run only
// learns what is there; its unread matches, those that came while the
// reader was closed among them, are said greetDelay later: greetMsg).
func (a *App) watchResults(msg watchRunMsg) tea.Cmd {
	var news, unread []string
	total := 0
	for i := range a.watch.lists {
		w := &a.watch.lists[i]
		if err, bad := msg.errs[w.name]; bad {
			w.err, w.ids = err, nil
			continue
		}
		ids, ok := msg.ids[w.name]
		if !ok {
			continue // saved while the run was on: the next one has it
		}
		n := 0
		if w.ids != nil && w.whole && msg.whole {
			for id := range ids {
				if !w.ids[id] {
					n++
				}
			}
		}
		w.ids, w.err, w.whole = ids, nil, msg.whole
		if _, u := a.unreadOf(*w); u > 0 && w.kept && msg.whole && !a.watch.greeted {
			unread = append(unread, fmt.Sprintf("%s %d", w.name, u))
		}
		if n > 0 {
			news = append(news, fmt.Sprintf("%s: %s", w.name, plural(n, "new brief")))
			total += n
		}
	}
	var cmds []tea.Cmd
	if i := a.watchIndex(a.watch.shown); a.watch.shown != "" && i >= 0 {
		cmds = append(cmds, a.list.SetOnly(a.watch.shown, maps.Clone(a.watch.lists[i].ids)))
	}
	if total > 0 {
		text := "Watchlist " + strings.Join(news, "; ")
		a.say(text + " (" + a.watch.keys.WatchNext.Help().Key + " shows them)")
		cmds = append(cmds, a.alert(text))
	}
	if msg.whole && !a.watch.greeted {
		a.watch.greeted = true
		if len(unread) > 0 {
			a.watch.greeting = "Unread in watchlists: " + strings.Join(unread, " · ") + " (" + a.watch.keys.WatchNext.Help().Key + " shows them)"
			cmds = append(cmds, tea.Tick(greetDelay, func(time.Time) tea.Msg { return greetMsg{} }))
		}
	}
	return tea.Batch(append(cmds, a.layout())...)
}

// greet says the greeting, unless the status line says something newer
// than the load's message (then it stays: the watch line counts them too).
func (a *App) greet() tea.Cmd {
	text := a.watch.greeting
	a.watch.greeting = ""
	if text == "" || a.status != "" && !strings.HasPrefix(a.status, "Loaded ") {
		return nil
	}
	a.say(text)
	return a.layout()
}

// alert rings the bell or sends a desktop notification through the
// terminal, as the config's notify says.
func (a App) alert(text string) tea.Cmd {
	text = strings.Map(func(r rune) rune { // no control characters inside the sequence
		if r < 0x20 || r == 0x7f || r == ';' && a.watch.notify == config.NotifyOSC777 {
			return ' '
		}
		return r
	}, text)
	switch a.watch.notify {
	case config.NotifyNone:
		return nil
	case config.NotifyOSC9:
		return tea.Raw("\x1b]9;briefs: " + text + "\x07")
	case config.NotifyOSC777:
		return tea.Raw("\x1b]777;notify;briefs;" + text + "\x07")
	}
	return tea.Raw("\a")
}

// watchLoaded ends a load (loaded) and runs the watchlists again on the
// new index; from now on their new briefs are announced. A background
// load (reload_every) that found nothing new leaves the status line as it
// was.
func (a *App) watchLoaded(msg LoadedMsg) tea.Cmd {
	status, warn := a.status, a.statusWarn
	whole := a.ld.only == nil
	cmd := a.loaded(msg)
	if whole {
		a.feedsV.lastLoad = time.Now()
	}
	if a.watch.background {
		a.watch.background = false
		if a.ld.added == 0 && msg.Note == "" {
			a.status, a.statusWarn = status, warn
		}
	}
	a.watch.ran = true // before the run: its matches are of a whole load
	return tea.Batch(cmd, a.runWatches())
}

// handleWatchKey runs a watchlist key; ok is false when msg is none.
func (a *App) handleWatchKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case a.focus == focusSearch && key.Matches(msg, a.watch.keys.WatchSave):
		return a.askWatchName(a.search.Query()), true
	case a.focus != focusList:
		return nil, false
	case key.Matches(msg, a.watch.keys.WatchNext):
		return a.nextWatch(), true
	case key.Matches(msg, a.watch.keys.WatchRemove):
		if a.watch.shown == "" {
			a.say("The list shows no watchlist (" + a.watch.keys.WatchNext.Help().Key + " shows one).")
			return a.layout(), true
		}
		return a.removeWatch(a.watch.shown), true
	}
	return nil, false
}

// askWatchName asks for the name of a watchlist of the search view's
// query (the query itself is offered); enter saves it (saveWatch).
func (a *App) askWatchName(typed string) tea.Cmd {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		a.say("Type a search to watch first.")
		return a.layout()
	}
	if a.state == nil {
		a.warn("No reading state is kept: the watchlist would not be saved.")
		return a.layout()
	}
	cmd := a.ask("watch", model.Article{}, "watch as: ", typed)
	a.prompt.query = watchQuery(a.search.Query())
	return cmd
}

// watchQuery is the query a watchlist keeps for what the search view
// shows: the word being typed there also finds the words it starts, so it
// is kept as a prefix ("Lav" -> "Lav*"). A query that ends in a space,
// a quote or a term (entity:, after:) is kept as it is.
func watchQuery(q string) string {
	if q == "" || strings.ContainsAny(q[len(q)-1:], " \t\"*") {
		return strings.TrimSpace(q)
	}
	cut := strings.LastIndexAny(q, " \t\"") + 1
	last := q[cut:]
	if strings.Contains(last, ":") || strings.HasSuffix(strings.TrimSpace(q[:cut]), ":") || last == "AND" || last == "&&" || strings.Count(q, `"`)%2 == 1 {
		return q
	}
	return q + "*"
}

// saveWatch saves a query as a watchlist called name.
func (a *App) saveWatch(name, query string) tea.Cmd {
	if i := a.watchIndex(name); i >= 0 {
		a.say("Already watched: " + name)
		return a.layout()
	}
	a.setWatch(name, query)
	what := name
	if query != name {
		what += ": " + query
	}
	a.say("Watching " + what + " (" + a.watch.keys.WatchNext.Help().Key + " in the list shows its briefs).")
	st := a.state
	save := func() tea.Msg {
		return watchSavedMsg{name: name, query: query, err: st.UpdateWatch(name, func(w *store.Watch) { w.Query = query })}
	}
	return tea.Batch(save, a.runWatches(), a.layout())
}

// removeWatch removes a watchlist; the list shows all briefs again when it showed it.
func (a *App) removeWatch(name string) tea.Cmd {
	i := a.watchIndex(name)
	if i < 0 {
		return nil
	}
	a.watch.lists = slices.Delete(a.watch.lists, i, i+1)
	var show tea.Cmd
	if a.watch.shown == name {
		a.watch.shown = ""
		show = a.list.SetOnly("", nil)
	}
	a.say("No longer watching " + name + ".")
	var save tea.Cmd
	if st := a.state; st != nil {
		save = func() tea.Msg {
			_, err := st.RemoveWatch(name)
			return watchSavedMsg{name: name, err: err}
		}
	}
	return tea.Batch(show, save, a.layout())
}

// nextWatch shows the next watchlist's briefs in the list, after the last
// all briefs again.
func (a *App) nextWatch() tea.Cmd {
	if len(a.watch.lists) == 0 {
		a.say("No watchlist: in the search view (" + a.keys.Search.Help().Key + "), " + a.watch.keys.WatchSave.Help().Key + " watches the search.")
		return a.layout()
	}
	next := 0
	if i := a.watchIndex(a.watch.shown); a.watch.shown != "" && i >= 0 {
		next = i + 1
	}
	if next >= len(a.watch.lists) {
		a.watch.shown = ""
		a.say("Showing all briefs")
		return tea.Batch(a.list.SetOnly("", nil), a.layout())
	}
	w := a.watch.lists[next]
	a.watch.shown = w.name
	switch {
	case w.err != nil:
		a.warn(fmt.Sprintf("Watchlist %s: %v", w.name, w.err))
	case w.ids == nil:
		a.say(fmt.Sprintf("Watchlist %s (%s): not run yet, the index is being built", w.name, w.query))
	default:
		a.say(fmt.Sprintf("Watchlist %s (%s)", w.name, w.query))
	}
	ids := maps.Clone(w.ids)
	if ids == nil {
		ids = map[string]bool{}
	}
	return tea.Batch(a.list.SetOnly(w.name, ids), a.layout())
}

// unreadOf counts a watchlist's briefs and the unread ones among them.
func (a App) unreadOf(w watchList) (n, unread int) {
	for id := range w.ids {
		n++
		if !a.reading[id].Read {
			unread++
		}
	}
	return n, unread
}

// watchLine is the line under the list that counts each watchlist's
// briefs: "Watchlists: Lavrov 3 (1 unread) · Iran AND IAEA 2"; "" with none.
func (a App) watchLine() string {
	if len(a.watch.lists) == 0 || a.focus != focusList {
		return ""
	}
	parts := make([]string, 0, len(a.watch.lists))
	for _, w := range a.watch.lists {
		name := w.name
		if w.name == a.watch.shown {
			name = "▸" + name
		}
		n, unread := a.unreadOf(w)
		switch {
		case w.err != nil:
			parts = append(parts, name+" (bad query)")
		case w.ids == nil:
			parts = append(parts, name+" …")
		case unread > 0:
			parts = append(parts, fmt.Sprintf("%s %d (%d unread)", name, n, unread))
		default:
			parts = append(parts, fmt.Sprintf("%s %d", name, n))
		}
	}
	return a.st.Faint.Render("Watchlists (" + a.watch.keys.WatchNext.Help().Key + "): " + strings.Join(parts, " · "))
}
