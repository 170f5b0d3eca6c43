package ui

import (
	"fmt"

	"charm.land/bubbles/v2/list"

	"briefs/articles/store"
	"briefs/ui/articlelist"
	"briefs/ui/config"
	"briefs/ui/reader"
	"briefs/ui/search"
	"briefs/ui/sidepane"
	"briefs/ui/theme"
)

// Options are the reader's settings: the config file's, and the environment's.
type Options struct {
	Config   config.Config
	NoColor  bool     // NO_COLOR: no colours, bold, underline and italics stay
	Problems []string // what was wrong in the config file, shown in the warnings view

	// ConfigPath is the config file, which the feeds view edits ("": none).
	ConfigPath string
	// StatePath is the reading state file (read, starred, position). Run
	// uses store.DefaultStatePath() when it is empty; an App configured
	// without one keeps no reading state.
	StatePath string
	// State keeps the reading state somewhere else than a file (the shared
	// archive's, per user); StateName names it in messages. When set,
	// StatePath is not used.
	State     StateStore
	StateName string
	// Changes, when set, tells that the source has new briefs (the shared
	// archive's LISTEN/NOTIFY): each value starts a load in the background,
	// as reload_every's timer does.
	Changes <-chan struct{}
	// Loader loads the briefs: Init starts it and r runs it again. Run
	// uses StreamLoader over its specs when it is nil; an App configured
	// without one shows the briefs given to New and has nothing to refresh.
	Loader Loader
}

// StateStore keeps the reading state: read and starred marks, positions
// and watchlists. store.State keeps them in a local file; the shared
// archive keeps them on its server, per user.
type StateStore interface {
	// All returns the reading state of every brief marked; with
	// store.ErrRepaired, what a damaged store kept.
	All() (map[string]store.Reading, error)
	// Update changes one brief's reading state with fn.
	Update(id string, fn func(*store.Reading)) error
	// Watches returns the watchlists, in the order of their names.
	Watches() ([]store.Watch, error)
	// UpdateWatch changes (or makes) the watchlist called name with fn.
	UpdateWatch(name string, fn func(*store.Watch)) error
	// RemoveWatch removes the watchlist called name; false when there was none.
	RemoveWatch(name string) (bool, error)
}

var _ StateStore = (*store.State)(nil)

// DefaultOptions are the settings without a config file.
func DefaultOptions() Options { return Options{Config: config.Default(), NoColor: config.NoColor()} }

// styles builds the theme for a background, with the glamour style the
// config asks for (or the one that follows the theme). Under NO_COLOR too:
// glamour's "notty" style prints Markdown's own marks (# and *), while the
// program's colour profile (Ascii) already drops the colours and keeps bold,
// italics and underline.
func (a App) styles(dark bool) theme.Styles {
	st := theme.New(dark)
	st.Glamour = a.cfg.Glamour(dark, false)
	return st
}

// Configure applies the settings: theme, glamour style, measure, layout,
// panes, the list's order and every component's keys (the defaults with
// the config's remappings, so help shows the keys in use).
func (a *App) Configure(o Options) error {
	a.cfg, a.noColor, a.problems = o.Config, o.NoColor, o.Problems
	switch {
	case o.State != nil:
		a.state, a.statePath = o.State, o.StateName
	case o.StatePath != "":
		a.state, a.statePath = store.OpenState(o.StatePath), o.StatePath
	}
	a.watch.changes = o.Changes
	if o.Loader != nil && a.ld.loader == nil {
		a.ld.loader = o.Loader
		a.ld.loading, a.ld.running = true, true // Init starts it
	}
	dark, fixed := a.cfg.FixedTheme()
	a.themeFixed = fixed
	if !fixed {
		dark = a.st.Dark // until the terminal answers
	}
	a.st = a.styles(dark)
	a.help.Styles = a.st.Help
	a.list.SetStyles(a.st)
	a.entities.SetStyles(a.st)
	a.quotes.SetStyles(a.st)
	a.reader.SetStyles(a.st)
	a.reader.SetMeasure(a.cfg.Measure(1 << 20))
	a.reader.SetSpeakerTags(a.cfg.SpeakerTags)

	switch {
	case len(a.cfg.Panes) == 0:
		a.sideOff = true
	case !a.cfg.ShowsPane(config.PaneEntities):
		a.sideTab = focusQuotes
	}
	sort := a.cfg.Sort
	if sort == "" {
		sort = articlelist.SortLoad
	}
	a.list.SetOrder(articlelist.Order{Sort: sort, Reverse: a.cfg.Reverse, Group: a.cfg.GroupBySource})

	keys, actions, watchKeys, briefKeys, feedKeys := DefaultKeyMap(), DefaultActionKeys(), DefaultWatchKeys(), DefaultBriefKeys(), DefaultFeedKeys()
	listKeys, navKeys := articlelist.DefaultKeyMap(), list.DefaultKeyMap()
	readerKeys, searchKeys := reader.DefaultKeyMap(), search.DefaultKeyMap()
	entityKeys, quoteKeys := sidepane.DefaultEntityKeys(), sidepane.DefaultQuoteKeys()
	for _, km := range []struct {
		table string
		keys  any
	}{
		{"", &keys}, {"", &actions}, {"", &watchKeys}, {"", &briefKeys}, {"", &feedKeys},
		{"list", &listKeys}, {"list", &navKeys},
		{"reader", &readerKeys}, {"search_view", &searchKeys},
		{"entities_pane", &entityKeys}, {"quotes_pane", &quoteKeys},
	} {
		if err := a.cfg.Apply(km.table, km.keys); err != nil {
			return fmt.Errorf("configure keys: %w", err)
		}
	}
	a.keys, a.actions = keys, actions
	a.configureWatch(a.cfg, watchKeys)
	a.briefKeys, a.feedsV.keys, a.feedsV.path = briefKeys, feedKeys, o.ConfigPath
	a.list.SetKeyMap(listKeys, navKeys)
	a.reader.SetKeyMap(readerKeys)
	a.search.SetKeyMap(searchKeys)
	a.entities.SetKeys(entityKeys)
	a.quotes.SetKeys(quoteKeys)
	if a.width > 0 {
		a.layout() // the reader re-renders on the next size or open
	}
	return nil
}
