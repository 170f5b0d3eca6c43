// Package ui is the terminal reader: the root model App routes messages to
// the component that has focus (the list of briefs, the reader, the
// entities pane or the quotes pane) and lays them out by the terminal's
// width, with one help bar. It keeps the reading state (read, starred, the
// place in each brief) in a file shared with other briefs processes (see
// reading.go), and loads the briefs in the background, again on r (see
// loading.go).
package ui

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles"
	"briefs/articles/store"
	"briefs/model"
	"briefs/ui/articlelist"
	"briefs/ui/cellwidth"
	"briefs/ui/clipboard"
	"briefs/ui/config"
	"briefs/ui/corpusview"
	"briefs/ui/reader"
	"briefs/ui/search"
	"briefs/ui/sidepane"
	"briefs/ui/theme"
)

// ArticlesMsg delivers articles that finished loading after the program
// started; they are appended to the list. An article with the id of one
// already listed replaces it (extraction finished later, say), in the
// reader and panes too when it is open.
type ArticlesMsg struct{ Articles []model.Article }

// SearcherMsg delivers the corpus index once it is built: the search view
// (s or :) answers from it, and Enter on an entity searches the corpus.
type SearcherMsg struct{ Searcher search.Searcher }

// focus is the component that receives keys.
type focus int

const (
	focusList focus = iota
	focusReader
	focusEntities
	focusQuotes
	focusSearch
	focusAllEntities // the corpus-wide entities view
	focusAllQuotes   // the corpus-wide quotes view
)

// Width thresholds of the layouts.
const (
	wideWidth   = 140 // list, reader and both panes side by side
	mediumWidth = 90  // reader and one pane with tabs; narrower: one thing at a time
)

// layoutMode is how the screen is shared at the current width.
type layoutMode int

const (
	narrow layoutMode = iota
	medium
	wide
)

// App is the root model of the reader: it routes messages to the
// components and keeps the screens in step. Its state comes in groups, each
// a type of its own (their fields are the App's through embedding).
type App struct {
	settings     // keys, styles, the config: how the reader looks and what keys do
	components   // the screens and panes it routes to
	router       // what is on screen: focus, the screen stack, the size
	notices      // the status line and the warnings
	readingState // read and starred marks, and the file they are kept in (reading.go)

	ctx          context.Context // the loads' (see loading.go)
	ld           loadRun
	watch        watchState // watchlists and reload_every (see watch.go)
	briefActions            // the brief's links, pipe, save, pager and editor (see links.go)

	explain explainView // the trace of a quote over the screen (explain.go)
}

// settings are how the reader looks and which keys do what.
type settings struct {
	keys    KeyMap
	actions ActionKeys
	st      theme.Styles
	help    help.Model

	cfg         config.Config
	noColor     bool
	themeFixed  bool               // the config fixed dark or light, or the terminal answered or timed out
	graphemes   bool               // the terminal clusters graphemes (mode 2027): emoji need no stand-ins
	writeSystem func(string) error // the system clipboard; tests put a fake here
}

// components are the screens and panes the App routes messages to.
type components struct {
	list     articlelist.Model
	reader   reader.Model
	entities sidepane.Entities
	quotes   sidepane.Quotes
	search   search.Model
	allEnts  corpusview.EntitiesView
	allQuots corpusview.QuotesView
	searcher bool // the search view has an index to ask
}

// router is what is on screen and where Esc goes back to.
type router struct {
	focus   focus
	back    []focus // the screen stack: the screens under this one, where Esc returns
	sideTab focus   // the pane shown when only one fits: focusEntities or focusQuotes
	sideOff bool    // the user hid the side panes
	helpTop int     // the first line shown of the full help when it is a page of its own (helpPaged)

	width, height int
}

// notices are the one-off message on the status line and the warnings.
type notices struct {
	warnings      []string // shown: startWarnings, the last load's, stateWarns
	startWarnings []string // given to New
	stateWarns    []string // reading state failures
	problems      []string // what is wrong in the config file, with file and line
	showWarnings  bool     // the warnings view covers the screen
	warnTop       int      // the first line of the warnings view shown
	status        string   // a one-off message, cleared by the next key
	statusWarn    bool     // the message is a problem: drawn in the warning colour
}

// say puts a message on the status line (until the next key).
func (n *notices) say(s string) { n.status, n.statusWarn = s, false }

// warn puts a problem on the status line, in the warning colour.
func (n *notices) warn(s string) { n.status, n.statusWarn = s, true }

// readingState is what the reader keeps of the briefs read and starred.
type readingState struct {
	state      StateStore               // nil: none kept
	statePath  string                   // where it is kept, for messages
	reading    map[string]store.Reading // by article id: the file's, with this session's changes
	stateReady bool                     // the file has been read (or failed to be)
	early      []stateChange            // changes made before, applied to what the file says
	writes     *stateWrites
}

// New builds the reader over arts; warnings are sources that failed to load,
// shown under the list. It starts with dark styles until the terminal says otherwise.
func New(arts []model.Article, warnings []string) App {
	st := theme.New(true)
	h := help.New()
	h.Styles = st.Help
	rd := reader.New(st)
	rd.SetMeasure(config.ReadableMeasure)
	briefs := newArchiveBriefs()
	return App{
		ld: loadRun{briefs: briefs},
		settings: settings{
			keys:        DefaultKeyMap(),
			actions:     DefaultActionKeys(),
			cfg:         config.Default(),
			writeSystem: clipboard.WriteSystem,
			st:          st,
			help:        h,
		},
		components: components{
			list:     articlelist.NewWith(arts, st, briefs),
			reader:   rd,
			entities: sidepane.NewEntities(st),
			quotes:   sidepane.NewQuotes(st),
			search:   search.New(nil, st),
			allEnts:  corpusview.NewEntities(nil, st),
			allQuots: corpusview.NewQuotes(nil, st),
		},
		router:       router{sideTab: focusEntities},
		notices:      notices{warnings: slices.Clone(warnings), startWarnings: warnings},
		readingState: readingState{reading: map[string]store.Reading{}, writes: &stateWrites{done: map[string]uint64{}}},
		ctx:          context.Background(),
		watch:        watchState{keys: DefaultWatchKeys(), notify: config.NotifyBell},
		briefActions: briefActions{briefKeys: DefaultBriefKeys(), feedsV: feedsView{keys: DefaultFeedKeys()}},
	}
}

// roundDuration shows d to two significant figures or so: 85ms, 1.2s, 14s.
func roundDuration(d time.Duration) string {
	switch {
	case d < 100*time.Millisecond:
		return d.Round(time.Millisecond).String()
	case d < 10*time.Second:
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}

// ProgressMsg says how far the background load is.
type ProgressMsg struct{ Progress articles.Progress }

// WarningsMsg delivers sources that could not be read; they are added to
// the warnings view.
type WarningsMsg struct{ Warnings []string }

// Run runs the reader until the user quits, over the briefs of specs (the
// built-in samples when there are none). They load in the background (with
// o.Loader when set, else StreamLoader): the list shows at once and fills as
// briefs arrive, with a progress line, and the corpus index for the search
// view grows with it. r loads them again.
func Run(specs []string, opt articles.StreamOptions, o Options) error {
	m := New(nil, nil)
	if o.StatePath == "" && o.State == nil {
		path, err := store.DefaultStatePath()
		if err != nil {
			m.stateWarns = []string{"reading state: not kept: " + err.Error()}
			m.warnings = slices.Clone(m.stateWarns)
		}
		o.StatePath = path
	}
	if o.Loader == nil {
		if opt.MemoryBudget == 0 {
			opt.MemoryBudget = int64(o.Config.ExtractMemoryMB) << 20
		}
		o.Loader = StreamLoader(specs, opt)
	}
	if err := m.Configure(o); err != nil {
		return err
	}
	defer m.ld.briefs.close() // the archive the loader opened, after the load is cancelled
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m.ctx = ctx
	m.ld.start = time.Now()
	var popts []tea.ProgramOption
	if o.NoColor { // no colours; bold, underline and italics stay
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	p := tea.NewProgram(m, popts...)
	_, err := p.Run()
	// Writes whose command the program ended before running (a star
	// pressed just before q) are done now.
	if ferr := m.writes.Flush(); ferr != nil {
		fmt.Fprintln(os.Stderr, "briefs: save the reading state:", ferr)
	}
	if err != nil {
		return fmt.Errorf("run the reader: %w", err)
	}
	return nil
}

// Init asks the terminal for its background colour (unless the config
// fixes the theme); until (or unless) it answers within backgroundWait, the
// dark theme stays, so a silent terminal costs nothing.
//
// It also reads the reading state and, when the App has a loader, starts
// loading the briefs: both in the background.
func (a App) Init() tea.Cmd {
	cmds := []tea.Cmd{a.loadState(), a.list.Init(), a.reloadTimer(), a.waitChange()}
	if a.ld.loader != nil && a.ld.gen == 0 {
		cmds = append(cmds, a.initialLoad())
	}
	if !a.themeFixed {
		cmds = append(cmds, tea.RequestBackgroundColor, tea.Tick(backgroundWait, func(time.Time) tea.Msg { return backgroundTimeoutMsg{} }))
	}
	return tea.Batch(cmds...)
}

// backgroundWait is how long the terminal has to say its background: a
// later answer is ignored, so the colours never change under a reader.
const backgroundWait = time.Second

// backgroundTimeoutMsg ends the wait for the terminal's background colour.
type backgroundTimeoutMsg struct{}

// Update routes a message: window size and theme to everyone, keys to the
// focused component, component messages to the parent's handlers.
func (a App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		return a, a.layout()
	case tea.ModeReportMsg:
		if msg.Mode == ansi.ModeUnicodeCore && (msg.Value == ansi.ModeSet || msg.Value == ansi.ModeReset || msg.Value == ansi.ModePermanentlySet) {
			a.graphemes = true // the terminal and the renderer now count as lipgloss does
		}
		return a, nil
	case tea.BackgroundColorMsg:
		if a.themeFixed {
			return a, nil
		}
		a.themeFixed = true // one answer is enough
		return a, a.setDark(msg.IsDark())
	case backgroundTimeoutMsg:
		a.themeFixed = true // no answer in time: dark stays
		return a, nil
	case CopiedMsg:
		if msg.Error != nil {
			a.warn(fmt.Sprintf("Could not copy the %s: %v", msg.What, msg.Error))
		} else {
			a.say(fmt.Sprintf("Copied the %s (%s).", msg.What, msg.Via))
		}
		return a, a.layout()
	case ExportedMsg:
		if msg.Error != nil {
			a.warn("Export failed: " + msg.Error.Error())
		} else {
			a.say(exportedLine(msg.Path, a.width))
		}
		return a, a.layout()
	case BrowserMsg:
		if msg.Error != nil {
			a.warn(msg.Error.Error())
			return a, a.layout()
		}
		return a, nil
	case loadStepMsg:
		return a.loadStep(msg)
	case LoadedMsg:
		return a, a.watchLoaded(msg)
	case watchesMsg, watchRunMsg, watchSavedMsg, reloadTickMsg, changedMsg, greetMsg:
		return a.updateWatch(msg)
	case ExecDoneMsg:
		return a, a.execDone(msg)
	case stateLoadedMsg:
		return a, tea.Batch(a.stateLoaded(msg), a.readWatches())
	case stateErrorMsg:
		return a, a.stateFailed(msg.err)
	case ArticlesMsg:
		added, cmd := a.list.Append(msg.Articles)
		a.ld.added += added
		a.noteSeen(msg.Articles)
		cmds := []tea.Cmd{cmd}
		if open, ok := a.reader.Article(); ok {
			for _, art := range msg.Articles {
				if art.ID == open.ID && !reflect.DeepEqual(art, open) { // a fuller version of the open brief: show it
					a.reader.Forget(art.ID)
					cmds = append(cmds, a.show(art))
				}
			}
		}
		switch a.focus { // the corpus view on screen follows the briefs as they arrive
		case focusAllEntities:
			cmds = append(cmds, a.allEnts.Refresh())
		case focusAllQuotes:
			cmds = append(cmds, a.allQuots.Refresh())
		}
		return a, tea.Batch(cmds...)
	case articlelist.OpenMsg:
		return a, a.open(msg.ID)
	case reader.BackMsg:
		if art, ok := a.reader.Article(); ok {
			a.list.Select(art.ID)
		}
		if n := len(a.back); n > 0 && fullScreen(a.back[n-1]) {
			// opened from search or a corpus view: back to it, as it was
			return a, tea.Batch(a.savePosition(), a.pop())
		}
		a.back = a.back[:0]
		a.focus = focusList
		return a, tea.Batch(a.savePosition(), a.layout())
	case reader.StepMsg:
		return a, a.step(msg)
	case reader.RenderedMsg:
		return a, update(&a.reader, msg)
	case sidepane.EntitySelected, sidepane.QuoteSelected, sidepane.MentionStep:
		return a, a.paneSelection(msg)
	case sidepane.EntitySearchMsg:
		if !a.searcher {
			// No corpus index yet: the list filter finds the briefs that
			// name the entity (its FilterValue holds their entities).
			a.list.SetFilter(msg.Name)
			a.focus = focusList
			return a, a.layout()
		}
		return a, tea.Batch(a.openSearch(), a.search.SetQuery(fmt.Sprintf("entity:%q", msg.Name)))
	case ProgressMsg:
		wasLoading := a.ld.loading
		if msg.Progress.Total == a.ld.progress.Total {
			a.ld.steadyTotal++
		} else {
			a.ld.steadyTotal = 0
		}
		a.ld.progress, a.ld.loading = msg.Progress, !msg.Progress.Final
		if wasLoading != a.ld.loading {
			return a, a.layout() // the progress line comes or goes
		}
		return a, nil
	case WarningsMsg:
		a.warnings = append(a.warnings, msg.Warnings...)
		return a, a.layout()
	case SearcherMsg:
		a.searcher = msg.Searcher != nil
		a.watch.src = msg.Searcher
		cmds := []tea.Cmd{a.search.SetSearcher(msg.Searcher)}
		if src, ok := msg.Searcher.(corpusview.Source); ok {
			cmds = append(cmds, a.allEnts.SetSource(src), a.allQuots.SetSource(src))
		}
		return a, tea.Batch(cmds...)
	case corpusview.SearchEntityMsg:
		return a, tea.Batch(a.openSearch(), a.search.SetQuery(fmt.Sprintf("entity:%q", msg.Name)))
	case corpusview.OpenQuoteMsg:
		return a, a.openQuote(msg)
	case search.OpenMsg:
		return a, a.openFromSearch(msg)
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.MouseWheelMsg:
		return a, a.wheel(msg) // mouse.go
	case tea.MouseClickMsg:
		return a, a.click(msg) // mouse.go
	case tea.MouseMsg:
		return a, nil // motion and release: nothing to do
	}
	// Anything else is a component's own: the list's filter results and
	// timers, the search view's answers and cursor blinks.
	return a, tea.Batch(update(&a.list, msg), update(&a.search, msg), update(&a.allEnts, msg), update(&a.allQuots, msg))
}

// openSearch shows the search view with the cursor in its query line,
// over the screen that was showing.
func (a *App) openSearch() tea.Cmd {
	if a.focus != focusSearch {
		a.push()
	}
	a.focus = focusSearch
	return tea.Batch(a.layout(), a.search.Focus())
}

// fullScreen reports whether f is a screen of its own (search, the corpus
// views), which a brief opened from it returns to.
func fullScreen(f focus) bool {
	return f == focusSearch || f == focusAllEntities || f == focusAllQuotes
}

// push puts the screen showing on the stack, under the one about to show.
func (a *App) push() {
	if n := len(a.back); n == 0 || a.back[n-1] != a.focus {
		a.back = append(a.back, a.focus)
	}
}

// pop shows the screen under this one again, as it was: a full-screen
// view keeps its query, results and cursor. With nothing under it (or a
// brief no longer open) the list shows.
func (a *App) pop() tea.Cmd {
	to := focusList
	if n := len(a.back); n > 0 {
		to, a.back = a.back[n-1], a.back[:n-1]
	}
	a.search.Blur()
	a.allEnts.Blur()
	a.allQuots.Blur()
	var cmd tea.Cmd
	switch to {
	case focusSearch:
		a.focus = to
		cmd = a.search.Focus()
	case focusAllEntities:
		a.focus = to
		cmd = a.allEnts.Focus()
	case focusAllQuotes:
		a.focus = to
		cmd = a.allQuots.Focus()
	default:
		if _, ok := a.reader.Article(); !ok {
			to = focusList
		}
		return a.setFocus(to)
	}
	return tea.Batch(cmd, a.layout())
}

// openFromSearch opens a brief the search found, its matched entity selected.
func (a *App) openFromSearch(msg search.OpenMsg) tea.Cmd {
	art, ok := a.list.ByID(msg.ArticleID)
	if !ok {
		a.warn("That brief is not in the list.")
		return a.layout()
	}
	a.list.Select(art.ID)
	a.push()
	a.search.Blur()
	a.focus = focusReader
	cmd := a.show(art)
	if msg.EntityID != "" && a.entities.Select(msg.EntityID) {
		a.reader.SelectEntity(msg.EntityID)
	}
	return tea.Batch(cmd, a.layout())
}

func (a App) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var relayout tea.Cmd
	if a.status != "" {
		a.status = ""
		relayout = a.layout()
	}
	typing := a.focus == focusList && a.list.Filtering() || a.focus == focusReader && a.reader.Finding()
	if key.Matches(msg, a.keys.ForceQuit) {
		return a, a.quit()
	}
	if cmd, ok := a.overlayKey(msg); ok { // the links view or a prompt (links.go)
		return a, tea.Batch(relayout, cmd)
	}
	if a.helpPaged() {
		return a, tea.Batch(relayout, a.helpPageKey(msg))
	}
	if a.focus == focusAllEntities || a.focus == focusAllQuotes {
		// Every key but Esc is the view's: letters are its filter.
		if key.Matches(msg, a.keys.Back) {
			return a, tea.Batch(relayout, a.pop())
		}
		var cmd tea.Cmd
		if a.focus == focusAllEntities {
			cmd = update(&a.allEnts, msg)
		} else {
			cmd = update(&a.allQuots, msg)
		}
		return a, tea.Batch(relayout, cmd)
	}
	if a.focus == focusSearch {
		// Every key but Esc is the search view's: letters are the query, Tab completes.
		if key.Matches(msg, a.keys.Back) {
			return a, tea.Batch(relayout, a.pop())
		}
		if cmd, ok := a.dailyKey(msg); ok {
			return a, tea.Batch(relayout, cmd)
		}
		cmd := update(&a.search, msg)
		return a, tea.Batch(relayout, cmd)
	}
	if a.explain.open {
		return a, tea.Batch(relayout, a.updateExplain(msg))
	}
	if a.showWarnings {
		switch {
		case key.Matches(msg, a.keys.Quit):
			return a, a.quit()
		case key.Matches(msg, a.keys.Back), key.Matches(msg, a.keys.Warnings):
			a.showWarnings = false
			return a, a.layout()
		// it scrolls with the reader's keys
		case key.Matches(msg, a.reader.KeyMap().Down):
			a.scrollWarnings(1)
		case key.Matches(msg, a.reader.KeyMap().Up):
			a.scrollWarnings(-1)
		case key.Matches(msg, a.reader.KeyMap().PageDown):
			a.scrollWarnings(a.regions().h - 1)
		case key.Matches(msg, a.reader.KeyMap().PageUp):
			a.scrollWarnings(-(a.regions().h - 1))
		}
		return a, relayout
	}
	if !typing {
		switch {
		case key.Matches(msg, a.keys.Quit):
			return a, a.quit()
		case key.Matches(msg, a.keys.Warnings):
			if len(a.warnings)+len(a.problems) == 0 {
				a.say("No warnings: every source was read.")
				return a, a.layout()
			}
			a.showWarnings, a.warnTop = true, 0
			return a, a.layout()
		case key.Matches(msg, a.keys.Help):
			a.help.ShowAll, a.helpTop = !a.help.ShowAll, 0
			return a, a.layout()
		case key.Matches(msg, a.keys.NextFocus):
			return a, a.cycleFocus(1)
		case key.Matches(msg, a.keys.PrevFocus):
			return a, a.cycleFocus(-1)
		case key.Matches(msg, a.keys.Entities):
			return a, a.togglePane(focusEntities)
		case key.Matches(msg, a.keys.Quotes):
			return a, a.togglePane(focusQuotes)
		case key.Matches(msg, a.keys.AllEntities):
			return a, tea.Batch(relayout, a.openCorpus(focusAllEntities))
		case key.Matches(msg, a.keys.AllQuotes):
			return a, tea.Batch(relayout, a.openCorpus(focusAllQuotes))
		case key.Matches(msg, a.keys.Search):
			return a, tea.Batch(relayout, a.openSearch())
		}
		if cmd, ok := a.handleAction(msg); ok {
			return a, tea.Batch(relayout, cmd)
		}
		if cmd, ok := a.dailyKey(msg); ok {
			return a, tea.Batch(relayout, cmd)
		}
	}
	var cmd tea.Cmd
	switch a.focus {
	case focusReader:
		cmd = update(&a.reader, msg)
	case focusEntities:
		if key.Matches(msg, a.keys.Back) {
			return a, tea.Batch(relayout, a.setFocus(focusReader))
		}
		cmd = update(&a.entities, msg) // it says what it selects: see paneSelection
	case focusQuotes:
		if key.Matches(msg, a.keys.Back) {
			return a, tea.Batch(relayout, a.setFocus(focusReader))
		}
		cmd = update(&a.quotes, msg)
	default:
		cmd = update(&a.list, msg)
	}
	return a, tea.Batch(relayout, cmd)
}

// mode is the layout for the current width.
func (a App) mode() layoutMode {
	switch a.cfg.Layout {
	case config.LayoutWide:
		return wide
	case config.LayoutMedium:
		return medium
	case config.LayoutNarrow:
		return narrow
	}
	switch {
	case a.width >= wideWidth:
		return wide
	case a.width >= mediumWidth:
		return medium
	}
	return narrow
}

// focusOrder is what Tab moves through: the panes only while a brief is
// open, and not while the user has hidden them on a screen that shows them.
func (a App) focusOrder() []focus {
	if _, ok := a.reader.Article(); !ok {
		return []focus{focusList}
	}
	if a.sideOff && a.mode() != narrow {
		return []focus{focusList, focusReader}
	}
	return []focus{focusList, focusReader, focusEntities, focusQuotes}
}

func (a *App) cycleFocus(delta int) tea.Cmd {
	order := a.focusOrder()
	i := 0
	for j, f := range order {
		if f == a.focus {
			i = j
		}
	}
	return a.setFocus(order[(i+delta+len(order))%len(order)])
}

// setFocus moves the focus; a pane that gets it selects what its cursor is on.
func (a *App) setFocus(f focus) tea.Cmd {
	if f != focusList {
		if _, ok := a.reader.Article(); !ok {
			return nil
		}
	}
	a.focus = f
	switch f {
	case focusEntities:
		a.sideTab, a.sideOff = f, false
		return tea.Batch(a.layout(), a.entities.Announce())
	case focusQuotes:
		a.sideTab, a.sideOff = f, false
		return tea.Batch(a.layout(), a.quotes.Announce())
	}
	return a.layout()
}

// paneSelection shows in the reader what a side pane selected (its typed
// messages: sidepane.EntitySelected, QuoteSelected, MentionStep). A message
// for another brief, or no longer the pane's selection (a key typed after
// it moved on), is dropped: the newer one is on its way.
func (a *App) paneSelection(msg tea.Msg) tea.Cmd {
	open, ok := a.reader.Article()
	sel := a.reader.Selection()
	switch msg := msg.(type) {
	case sidepane.EntitySelected:
		if ok && msg.ArticleID == open.ID && msg.ID == a.entities.SelectedID() && msg.ID != sel.Entity {
			a.reader.SelectEntity(msg.ID)
		}
	case sidepane.QuoteSelected:
		if ok && msg.ArticleID == open.ID && msg.Index == a.quotes.Selected() && msg.Index != sel.Quote {
			a.reader.SelectQuote(msg.Index)
		}
	case sidepane.MentionStep:
		if !ok || msg.ArticleID != open.ID || msg.ID != a.entities.SelectedID() {
			return nil
		}
		if msg.ID != sel.Entity {
			a.reader.SelectEntity(msg.ID)
		}
		a.reader.StepMention(msg.Delta)
		if a.mode() == narrow && a.focus == focusEntities { // the pane covers the reader: show the mention
			return a.setFocus(focusReader)
		}
	}
	return nil
}

// togglePane shows and focuses a pane, or hides it again when it has focus.
func (a *App) togglePane(p focus) tea.Cmd {
	if _, ok := a.reader.Article(); !ok {
		return nil
	}
	if a.focus == p {
		if a.mode() != narrow {
			a.sideOff = true
		}
		return a.setFocus(focusReader)
	}
	return a.setFocus(p)
}

// open shows the article with this id in the reader and its panes.
func (a *App) open(id string) tea.Cmd {
	art, ok := a.list.ByID(id) // by id: the cursor may have moved since Enter
	if !ok {
		return nil
	}
	a.back = a.back[:0] // opened from the list: Esc goes back to it
	a.focus = focusReader
	show := a.show(art) // first: the layout depends on whether a brief is open
	return tea.Batch(show, a.layout())
}

// show puts an article in the reader and the panes, where the user left
// it last time, and marks it read. The brief it replaces keeps its position.
func (a *App) show(art model.Article) tea.Cmd {
	var save tea.Cmd
	if open, ok := a.reader.Article(); ok && open.ID != art.ID {
		save = a.savePosition()
	}
	a.entities.SetArticle(art)
	a.quotes.SetArticle(art)
	r := a.reading[art.ID]
	cmd := a.reader.OpenAt(art, reader.Place{Line: r.Position, Anchor: r.Anchor})
	a.reader.SetStarred(r.Starred)
	return tea.Batch(save, cmd, a.markRead(art.ID))
}

// step opens the previous or next brief of the list without leaving the reader.
func (a *App) step(msg reader.StepMsg) tea.Cmd {
	art, ok := a.list.Neighbor(msg.From, msg.Delta)
	if !ok {
		if msg.Delta < 0 {
			a.say("This is the first brief.")
		} else {
			a.say("This is the last brief.")
		}
		return a.layout()
	}
	a.list.Select(art.ID)
	return a.show(art)
}

// setDark rebuilds the styles for the terminal's background.
func (a *App) setDark(dark bool) tea.Cmd {
	if dark == a.st.Dark {
		return nil
	}
	a.st = a.styles(dark)
	a.help.Styles = a.st.Help
	a.list.SetStyles(a.st)
	a.entities.SetStyles(a.st)
	a.quotes.SetStyles(a.st)
	return a.reader.SetStyles(a.st)
}

// chrome is what the root draws under the components: status, warnings, help.
func (a App) chrome() string {
	var lines []string
	if a.status != "" {
		style := a.st.Status
		if a.statusWarn {
			style = a.st.Warning
		}
		lines = append(lines, style.Render(a.status))
	}
	if a.ld.loading {
		lines = append(lines, a.progressLine())
	}
	if len(lines) == 0 && a.height >= messageLineHeight {
		// the message line stays when empty: a message coming or going
		// would resize the list, and its page count would change
		lines = append(lines, "")
	}
	if w := a.watchLine(); w != "" {
		lines = append(lines, w)
	}
	if p := a.promptLine(); p != "" {
		lines = append(lines, p)
	}
	if a.focus == focusList && len(a.problems) > 0 && !a.showWarnings {
		w := fmt.Sprintf("%s in the config (w: all): %s", plural(len(a.problems), "problem"), a.problems[0])
		lines = append(lines, a.st.Warning.Render(w))
	}
	if a.focus == focusList && len(a.warnings) > 0 && !a.showWarnings {
		w := fmt.Sprintf("%s skipped (w: why): %s", plural(len(a.warnings), "source"), a.warnings[0])
		lines = append(lines, a.st.Warning.Render(w))
	}
	lines = append(lines, a.helpBar())
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = lipgloss.NewStyle().MaxWidth(a.width).Render(l)
	}
	return strings.Join(out, "\n")
}

// messageLineHeight is the least height at which the message line is kept
// when there is no message (a short terminal keeps its lines for briefs).
const messageLineHeight = 10

// helpBar is the help at the foot of the screen. The short bar keeps its
// last keys (the root's: help, quit) whatever the width: the component's
// keys go from the end until it fits.
func (a App) helpBar() string {
	h := a.helpKeys()
	a.help.SetWidth(a.width)
	if a.helpPaged() { // the help covers the screen: the bar says how to move and close it
		return a.help.ShortHelpView([]key.Binding{hint(a.reader.KeyMap().Down, "scroll"), hint(a.keys.Help, "close")})
	}
	if a.help.ShowAll {
		return a.fullHelpRows(h.full)
	}
	keep := 0 // the root's keys at the end
	root := []string{a.keys.Help.Help().Key, a.keys.Quit.Help().Key, a.keys.ForceQuit.Help().Key, a.keys.Back.Help().Key}
	for i := len(h.short) - 1; i >= 0 && slices.Contains(root, h.short[i].Help().Key); i-- {
		keep++
	}
	a.help.SetWidth(0) // measure without bubbles' ellipsis
	for len(h.short) > keep && lipgloss.Width(a.help.ShortHelpView(h.short)) > a.width {
		cut := len(h.short) - keep - 1 // the last of the component's keys
		for cut > 0 && !h.short[cut].Enabled() {
			cut--
		}
		h.short = slices.Delete(slices.Clone(h.short), cut, cut+1)
	}
	a.help.SetWidth(a.width)
	return a.help.ShortHelpView(h.short)
}

// fullHelpRows lays the full help's columns out in as many rows as the
// width needs: bubbles draws them in one row and cuts what does not fit
// (at 80 columns the reader lost the root's column, quit among it).
func (a App) fullHelpRows(cols [][]key.Binding) string {
	a.help.SetWidth(0) // measure whole: the rows are made to fit
	var rows []string
	var row [][]key.Binding
	for _, c := range cols {
		wider := append(slices.Clone(row), c)
		if len(row) > 0 && lipgloss.Width(a.help.FullHelpView(wider)) > a.width {
			rows = append(rows, a.help.FullHelpView(row))
			row = [][]key.Binding{c}
			continue
		}
		row = wider
	}
	if len(row) > 0 {
		rows = append(rows, a.help.FullHelpView(row))
	}
	return strings.Join(rows, "\n")
}

// entitiesKeys are the entities pane's keys, for the reader's full help.
func (a App) entitiesKeys() sidepane.EntityKeys { return a.entities.Keys() }

func (a App) helpKeys() helpKeys {
	var h helpKeys
	filtering := a.focus == focusList && a.list.Filtering()
	if a.explain.open {
		return a.explainHelp()
	}
	if a.prompt.kind != "" { // the prompt's: enter does it, esc drops it
		verb := map[string]string{"pipe": "run", "save": "save", "feed": "add feed", "watch": "save watchlist"}[a.prompt.kind]
		enter := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", verb))
		h.short = []key.Binding{enter, hint(a.keys.Back, "cancel")}
		h.full = [][]key.Binding{h.short}
		return h
	}
	if a.feedsV.open { // the feeds view's own keys
		fk := a.feedsV.keys
		h.short = []key.Binding{fk.FeedAdd, fk.FeedRemove, fk.FeedFetch, a.actions.Refresh, a.keys.Back}
		h.full = [][]key.Binding{{fk.FeedAdd, fk.FeedRemove, fk.FeedFetch, a.actions.Refresh}, {a.reader.KeyMap().Down, a.reader.KeyMap().Up, a.keys.Back}}
		return h
	}
	if a.links.open { // the links view's own keys
		lk := a.briefKeys
		h.short = []key.Binding{lk.LinkNumber, lk.LinkOpen, a.actions.CopyURL, a.keys.Back}
		h.full = [][]key.Binding{{lk.LinkNumber, lk.LinkOpen, a.actions.CopyURL}, {a.reader.KeyMap().Down, a.reader.KeyMap().Up, a.keys.Back}}
		return h
	}
	if a.showWarnings { // the warnings view's own keys
		back, rk := hint(a.keys.Back, "back"), a.reader.KeyMap()
		down, page := hint(rk.Down, "scroll"), hint(rk.PageDown, "page down")
		h.short = []key.Binding{down, page, back, a.keys.Quit}
		h.full = [][]key.Binding{{rk.Down, rk.Up, rk.PageDown, rk.PageUp}, {back, a.keys.Quit}}
		return h
	}
	c := a.focused()
	h.short, h.full = c.ShortHelp(), c.FullHelp()
	switch a.focus {
	case focusReader:
		if n := len(h.full); n > 0 { // the entities pane's a, under n/N
			h.full[n-1] = append(slices.Clone(h.full[n-1]), a.entitiesKeys().Aliases)
		}
	case focusEntities, focusQuotes:
		h.short = append(h.short, a.keys.Back)
	case focusSearch:
		h.short = append(h.short, a.keys.Back)
		h.full = append(h.full, []key.Binding{a.watch.keys.WatchSave, a.keys.Back})
		return h // letters are the query here: no root keys but Esc
	case focusAllEntities, focusAllQuotes:
		h.short = append(h.short, a.keys.Back)
		h.full = append(h.full, []key.Binding{a.keys.Back})
		return h // letters filter here: no root keys but Esc
	default:
		if filtering { // letters are the filter: only its own keys and ctrl+c
			h.short = append(h.short, a.keys.ForceQuit)
			return h
		}
	}
	root := []key.Binding{a.keys.Help, a.keys.Quit}
	if a.focus == focusList {
		root = append([]key.Binding{a.keys.Search}, root...) // elsewhere the bar is full: ? shows it
	}
	column := []key.Binding{a.keys.Search, a.keys.AllEntities, a.keys.AllQuotes, a.actions.Refresh, a.keys.Warnings, a.keys.Help, a.keys.Quit} // the root's column of the full help
	if _, ok := a.reader.Article(); ok && !(a.focus == focusList && a.list.Filtering()) {
		root = append([]key.Binding{a.keys.NextFocus}, root...)
		column = append([]key.Binding{a.keys.NextFocus, a.keys.PrevFocus, a.keys.Entities, a.keys.Quotes}, column...)
	}
	h.short = append(append([]key.Binding{}, h.short...), root...)
	h.full = append(append([][]key.Binding{}, h.full...), column)
	if _, ok := a.currentBrief(); ok && !(a.focus == focusList && a.list.Filtering()) {
		acts := []key.Binding{a.actions.Star, a.actions.OpenURL, a.actions.CopyURL, a.actions.Export}
		if a.focus != focusList {
			acts = append(acts, a.actions.CopyQuote, a.actions.ExplainQuote)
		} else {
			acts = append(acts, a.actions.Sort, a.actions.Group, a.actions.ReadFilter, a.actions.ToggleRead, a.actions.AllRead)
		}
		h.full = append(h.full, acts) // a column of its own: fullHelpRows wraps what does not fit
	}
	if daily := a.dailyHelp(); len(daily) > 0 { // under the last column (links.go)
		last := len(h.full) - 1
		h.full[last] = append(slices.Clone(h.full[last]), daily...)
	}
	return h
}

// regions is where each component goes: widths and heights in cells, 0 for
// a component not shown.
type regions struct {
	listW, readerW, sideW int
	searchW               int
	corpusW               int // the corpus-wide entities or quotes view
	h                     int // height above the chrome
	entH, quoH            int // heights of the pane boxes in the side column (wide)
}

// regions shares the screen out by layout mode and focus.
func (a App) regions() regions {
	r := regions{h: max(a.height-lipgloss.Height(a.chrome()), 0)}
	if a.focus == focusSearch {
		r.searchW = a.width
		return r
	}
	if a.focus == focusAllEntities || a.focus == focusAllQuotes {
		r.corpusW = a.width
		return r
	}
	_, open := a.reader.Article()
	switch a.mode() {
	case wide:
		r.listW = clamp(a.width/4, 28, 50)
		if !open {
			r.listW = a.width
			return r
		}
		if !a.sideOff {
			r.sideW = clamp(a.width/5, 30, 46)
			r.entH = r.h / 2
			r.quoH = r.h - r.entH
		}
		r.readerW = a.width - r.listW - r.sideW - 1 // one column between list and reader
	case medium:
		switch {
		case a.focus == focusList || !open:
			r.listW = a.width
		case a.sideOff:
			r.readerW = a.width
		default:
			r.sideW = clamp(a.width/3, 30, 46)
			r.readerW = a.width - r.sideW
			r.entH = r.h
		}
	default:
		switch a.focus {
		case focusReader:
			r.readerW = a.width
		case focusEntities, focusQuotes:
			r.sideW = a.width
			r.entH = r.h
		default:
			r.listW = a.width
		}
	}
	return r
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// boxInner is the room inside a pane box: a border and a space on each
// side, and a title line. A box shorter than framedHeight has no border
// (20x5 would leave one line of a quote): a space on the left, the title
// line, then the rows.
func boxInner(w, h int) (int, int) {
	if h < framedHeight {
		return max(w-1, 0), max(h-1, 0)
	}
	return max(w-4, 0), max(h-3, 0)
}

// framedHeight is the least height of a pane drawn in a border.
const framedHeight = 8

// layout gives each component the room its region leaves it, through
// the resizable interface.
func (a *App) layout() tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range a.placements() {
		cmds = append(cmds, p.c.SetSize(p.w, p.h))
	}
	return tea.Batch(cmds...)
}

// placement is a component and the room it gets.
type placement struct {
	c    resizable
	w, h int
}

// placements are the components on screen and their rooms: a pane gets the
// inside of its box.
func (a *App) placements() []placement {
	r := a.regions()
	var out []placement
	if r.listW > 0 {
		out = append(out, placement{&a.list, r.listW, r.h})
	}
	if r.sideW > 0 {
		ew, eh := boxInner(r.sideW, r.entH)
		qw, qh := ew, eh // one box with tabs, or the upper one
		if r.quoH > 0 {
			qw, qh = boxInner(r.sideW, r.quoH)
		}
		out = append(out, placement{&a.entities, ew, eh}, placement{&a.quotes, qw, qh})
	}
	if r.corpusW > 0 {
		out = append(out, placement{&a.allEnts, r.corpusW, r.h}, placement{&a.allQuots, r.corpusW, r.h})
	}
	if r.searchW > 0 {
		out = append(out, placement{&a.search, r.searchW, r.h})
	}
	if r.readerW > 0 {
		out = append(out, placement{&a.reader, r.readerW, r.h})
	}
	return out
}

// box draws a pane in a rounded border with a title line (tabs when several share it).
func (a App) box(title, content string, w, h int, focused bool) string {
	st := a.st.Pane
	if focused {
		st = a.st.PaneFocused
	}
	iw, ih := boxInner(w, h)
	if iw <= 0 || ih <= 0 {
		return lipgloss.NewStyle().Width(w).Height(h).MaxHeight(h).Render("")
	}
	head := lipgloss.NewStyle().MaxWidth(iw).Render(title)
	body := lipgloss.NewStyle().Width(iw).Height(ih).MaxHeight(ih).MaxWidth(iw).Render(content)
	if h < framedHeight {
		return lipgloss.NewStyle().PaddingLeft(1).Width(w).MaxWidth(w).Height(h).MaxHeight(h).Render(head + "\n" + body)
	}
	return st.Padding(0, 1).Width(w).Height(h).MaxHeight(h).Render(head + "\n" + body)
}

func (a App) entitiesBox(w, h int, tabs bool) string {
	return a.box(a.paneTitle(focusEntities, tabs), a.entities.View(), w, h, a.focus == focusEntities)
}

func (a App) quotesBox(w, h int, tabs bool) string {
	return a.box(a.paneTitle(focusQuotes, tabs), a.quotes.View(), w, h, a.focus == focusQuotes)
}

// paneTitle is a pane's title line: its name, or both names as tabs.
func (a App) paneTitle(p focus, tabs bool) string {
	name := map[focus]string{focusEntities: "Entities", focusQuotes: "Quotes"}
	if !tabs {
		return a.st.PaneTitle.Render(name[p])
	}
	var parts []string
	for _, f := range []focus{focusEntities, focusQuotes} {
		if f == p {
			parts = append(parts, a.st.TabActive.Render(name[f]))
		} else {
			parts = append(parts, a.st.Tab.Render(name[f]))
		}
	}
	return strings.Join(parts, a.st.Faint.Render("|"))
}

// View draws the components in their regions over the chrome, in the alternate screen.
func (a App) View() tea.View {
	var body string
	if a.width > 0 && a.height > 0 {
		chrome := a.chrome()
		r := a.regions()
		var cols []string
		fit := func(s string, w int) string {
			return lipgloss.NewStyle().Width(w).MaxWidth(w).Height(r.h).MaxHeight(r.h).Render(s)
		}
		if a.showWarnings {
			cols = append(cols, fit(a.warningsPage(r.h), a.width))
		} else if r.corpusW > 0 {
			title, view := "All entities", a.allEnts.View()
			if a.focus == focusAllQuotes {
				title, view = "All quotes", a.allQuots.View()
			}
			if !a.searcher {
				view = a.st.Faint.Render("The corpus index is being built…") + "\n" + view
			}
			cols = append(cols, fit(a.st.PaneTitle.Render(title)+"\n"+view, r.corpusW))
		} else if r.searchW > 0 {
			view := a.search.View()
			if !a.searcher {
				view = a.st.Faint.Render("The corpus index is being built…") + "\n" + view
			}
			cols = append(cols, fit(view, r.searchW))
		}
		if r.listW > 0 && !a.showWarnings {
			cols = append(cols, fit(a.list.View(), r.listW))
			if r.readerW > 0 { // a rule between list and reader: their title bars apart
				rule := strings.TrimSuffix(strings.Repeat("│\n", r.h), "\n")
				cols = append(cols, fit(a.st.Faint.Render(rule), 1))
			}
		}
		if r.readerW > 0 && !a.showWarnings {
			cols = append(cols, fit(a.reader.View(), r.readerW))
		}
		if r.sideW > 0 && !a.showWarnings {
			switch {
			case r.quoH > 0:
				cols = append(cols, lipgloss.JoinVertical(lipgloss.Left,
					a.entitiesBox(r.sideW, r.entH, false), a.quotesBox(r.sideW, r.quoH, false)))
			case a.sideTab == focusQuotes:
				cols = append(cols, a.quotesBox(r.sideW, r.entH, true))
			default:
				cols = append(cols, a.entitiesBox(r.sideW, r.entH, true))
			}
		}
		if a.helpPaged() {
			cols = []string{fit(a.page(a.helpColumn(), a.helpTop, r.h), a.width)}
		} else if a.links.open {
			cols = []string{fit(a.linksPage(r.h), a.width)}
		} else if a.feedsV.open {
			cols = []string{fit(a.feedsPage(r.h), a.width)}
		}
		main := ""
		if r.h > 0 {
			main = lipgloss.NewStyle().MaxWidth(a.width).MaxHeight(r.h).Render(lipgloss.JoinHorizontal(lipgloss.Top, cols...))
			main += "\n"
		}
		if a.explain.open && r.h > 0 {
			main = lipgloss.NewStyle().Width(a.width).MaxWidth(a.width).Height(r.h).MaxHeight(r.h).Render(a.explainPage(r.h)) + "\n"
		}
		body = lipgloss.NewStyle().MaxHeight(a.height).MaxWidth(a.width).Render(main + chrome)
		// Emoji sequences drawn as wide as lipgloss measured them, on any
		// terminal and by any renderer measure (see cellwidth).
		if !a.graphemes {
			body = cellwidth.Frame(body)
		}
	}
	v := tea.NewView(body)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "briefs"
	return v
}

// progressLine says how far the background load is: count, rate, time left.
func (a App) progressLine() string {
	pr := a.ld.progress
	verb := "Loading"
	if a.ld.refreshing {
		verb = "Refreshing"
	}
	text := fmt.Sprintf("%s briefs: %d", verb, pr.Done)
	// While folders are still being listed the estimated total grows with
	// the count, and a bar or a time left would say 99% and 0s for minutes:
	// they show once the total holds (steadyTotal reports in a row).
	steady := a.ld.steadyTotal >= steadyReports
	switch {
	case pr.Total > pr.Done && steady:
		text += fmt.Sprintf(" of ~%d", pr.Total)
	case pr.Total > pr.Done:
		text += fmt.Sprintf(" · finding files (%d so far)", pr.Total)
	}
	if pr.Rate > 0 {
		text += fmt.Sprintf(" · %.0f/s", pr.Rate)
	}
	if pr.ETA >= time.Second && steady {
		text += " · " + pr.ETA.Round(time.Second).String() + " left"
	}
	if len(pr.Slow) > 0 { // which download the load is waiting for
		text += " · waiting for " + pr.Slow[0]
		if n := len(pr.Slow) - 1; n > 0 {
			text += fmt.Sprintf(" and %d more", n)
		}
	}
	if pr.Total > 0 && steady {
		const barW = 20
		filled := min(barW, barW*pr.Done/pr.Total)
		text = "[" + strings.Repeat("█", filled) + strings.Repeat("░", barW-filled) + "] " + text
	}
	return a.st.Faint.Render(text)
}

// steadyReports is how many progress reports in a row must keep the same
// estimated total before the progress line shows a bar and a time left.
const steadyReports = 3

// warningsView lists the config file's problems and every source that
// could not be read, and why.
func (a App) warningsView() string {
	var b strings.Builder
	if len(a.problems) > 0 {
		b.WriteString(a.st.Warning.Render(fmt.Sprintf("%s in the config file (those settings keep their defaults)", plural(len(a.problems), "problem"))))
		b.WriteString("\n\n")
		for _, p := range a.problems {
			b.WriteString("  • " + p + "\n")
		}
		b.WriteString("\n")
	}
	if len(a.warnings) > 0 {
		b.WriteString(a.st.Warning.Render(fmt.Sprintf("%s could not be read", plural(len(a.warnings), "source"))))
		b.WriteString("\n\n")
		for _, w := range a.warnings {
			b.WriteString("  • " + w + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(a.st.Faint.Render("esc or w: back"))
	return b.String()
}

// warningsPage is the part of the warnings view that fits in h lines from
// warnTop, with a last line saying how many more there are.
func (a App) warningsPage(h int) string {
	return a.page(strings.Split(a.warningsView(), "\n"), a.warnTop, h)
}

// page is the part of lines that fits in h lines from top, with a last
// line saying how many more there are.
func (a App) page(lines []string, top, h int) string {
	top = min(top, max(len(lines)-h, 0))
	page := lines[top:]
	if len(page) > h && h > 0 {
		more := len(page) - (h - 1)
		page = append(page[:h-1:h-1], a.st.Faint.Render(fmt.Sprintf("… and %d more lines", more)))
	}
	return strings.Join(page, "\n")
}

// scrolled is top moved by d lines within n lines shown h at a time.
func scrolled(top, d, n, h int) int { return max(0, min(top+d, n-h)) }

// scrollWarnings moves the warnings view by d lines, within its length.
func (a *App) scrollWarnings(d int) {
	n := strings.Count(a.warningsView(), "\n") + 1
	a.warnTop = scrolled(a.warnTop, d, n, a.regions().h)
}

// helpPaged reports whether the full help is open and too tall to sit
// under the screen (at 20x5, say): it then covers the screen, one key a
// line, and scrolls, so that every key can be read, quit among them.
func (a App) helpPaged() bool {
	return a.help.ShowAll && a.height > 0 && lipgloss.Height(a.fullHelpRows(a.helpKeys().full)) > a.height-2
}

// helpColumn is the full help as one column: a key and what it does, a line.
func (a App) helpColumn() []string {
	var keys []key.Binding
	kw := 0
	for _, col := range a.helpKeys().full {
		for _, b := range col {
			if b.Enabled() && b.Help().Key != "" {
				keys = append(keys, b)
				kw = max(kw, lipgloss.Width(b.Help().Key))
			}
		}
	}
	lines := make([]string, len(keys))
	for i, b := range keys {
		k := b.Help().Key
		line := a.help.Styles.FullKey.Render(k+strings.Repeat(" ", kw-lipgloss.Width(k))) + " " + a.help.Styles.FullDesc.Render(b.Help().Desc)
		lines[i] = ansi.Truncate(line, a.width, "…") // one line each: the count of lines is the count of keys
	}
	return lines
}

// helpPageKey scrolls the paged help with the reader's keys; esc or ?
// closes it, q quits.
func (a *App) helpPageKey(msg tea.KeyPressMsg) tea.Cmd {
	rk, h := a.reader.KeyMap(), a.regions().h
	n := len(a.helpColumn())
	switch {
	case key.Matches(msg, a.keys.Quit):
		return a.quit()
	case key.Matches(msg, a.keys.Back), key.Matches(msg, a.keys.Help):
		a.help.ShowAll, a.helpTop = false, 0
		return a.layout()
	case key.Matches(msg, rk.Down):
		a.helpTop = scrolled(a.helpTop, 1, n, h)
	case key.Matches(msg, rk.Up):
		a.helpTop = scrolled(a.helpTop, -1, n, h)
	case key.Matches(msg, rk.PageDown):
		a.helpTop = scrolled(a.helpTop, h-1, n, h)
	case key.Matches(msg, rk.PageUp):
		a.helpTop = scrolled(a.helpTop, -(h - 1), n, h)
	}
	return nil
}

// hint is b with another description in help ("esc back").
func hint(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}

// plural writes n with its noun, in the plural when n is not one.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// openCorpus shows the corpus-wide entities or quotes view (f) with the
// cursor in its filter line.
func (a *App) openCorpus(f focus) tea.Cmd {
	if a.focus != f {
		a.push()
	}
	a.search.Blur()
	a.focus = f
	var cmd tea.Cmd
	if f == focusAllEntities {
		a.allQuots.Blur()
		cmd = tea.Batch(a.allEnts.Refresh(), a.allEnts.Focus())
	} else {
		a.allEnts.Blur()
		cmd = tea.Batch(a.allQuots.Refresh(), a.allQuots.Focus())
	}
	return tea.Batch(a.layout(), cmd)
}

// openQuote opens the brief a quote of the corpus view is in, with the
// quote selected and scrolled to.
func (a *App) openQuote(msg corpusview.OpenQuoteMsg) tea.Cmd {
	art, ok := a.list.ByID(msg.ArticleID)
	if !ok {
		a.warn("That brief is not in the list.")
		return a.layout()
	}
	a.allQuots.Blur()
	a.list.Select(art.ID)
	a.push()
	a.focus = focusReader
	cmd := a.show(art)
	for i, q := range art.Quotes {
		if q.Start == msg.Start && (msg.Field == "" || q.Field == msg.Field) {
			a.quotes.Select(i) // the pane's cursor too: tab to it keeps this quote
			a.reader.SelectQuote(i)
			break
		}
	}
	return tea.Batch(cmd, a.layout())
}
