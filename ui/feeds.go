package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"briefs/articles/archive"
	"briefs/model"
	"briefs/ui/config"
)

// The feeds view (issue 23): the config's feeds with their title, URL, the
// briefs the list holds from each, whether the last load read them (or
// why not) and when; a to add a feed, d to remove the selected one (the
// config file edited in place, comments kept: config.AddFeeds), r to load
// everything again, f to fetch the selected feed alone (one added here
// too, before the next start: refreshFeed).

// FeedKeys are the keys of the feeds view.
type FeedKeys struct {
	FeedsView  key.Binding // open the feeds view (list only)
	FeedAdd    key.Binding // add a feed (in the feeds view)
	FeedRemove key.Binding // remove the selected feed (in the feeds view)
	FeedFetch  key.Binding // fetch the selected feed again, alone (in the feeds view)
}

// DefaultFeedKeys returns F, a, d and f.
func DefaultFeedKeys() FeedKeys {
	return FeedKeys{
		FeedsView:  key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "feeds")),
		FeedAdd:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add feed")),
		FeedRemove: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "remove feed")),
		FeedFetch:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "fetch this feed")),
	}
}

// feedsView is the screen of the configured feeds.
type feedsView struct {
	keys     FeedKeys
	open     bool
	sel      int
	feeds    []config.FeedEntry   // as the config file writes them
	path     string               // the config file ("" : none known)
	lastLoad time.Time            // when the last load ended
	fetched  map[string]time.Time // when a feed was last fetched alone (f), by URL
}

// feedsFile reads the feeds of the config file, titles included; without
// a file, those of the config in use.
func (a *App) readFeeds() error {
	fv := &a.feedsV
	fv.feeds = nil
	if fv.path != "" {
		data, err := os.ReadFile(fv.path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err == nil {
			fv.feeds, err = config.ReadFeeds(data)
			return err
		}
	}
	for _, u := range a.cfg.Feeds {
		fv.feeds = append(fv.feeds, config.FeedEntry{URL: u})
	}
	return nil
}

// openFeeds shows the feeds view.
func (a *App) openFeeds() tea.Cmd {
	if err := a.readFeeds(); err != nil {
		a.warn("Feeds: " + err.Error())
	}
	a.feedsV.open, a.feedsV.sel = true, 0
	return a.layout()
}

// feedsKey moves in the feeds view, adds, removes or refreshes, or leaves.
func (a *App) feedsKey(msg tea.KeyPressMsg) tea.Cmd {
	fv := &a.feedsV
	rk := a.reader.KeyMap()
	switch {
	case key.Matches(msg, a.keys.Back), key.Matches(msg, fv.keys.FeedsView), key.Matches(msg, a.keys.Quit):
		fv.open = false
		return a.layout()
	case key.Matches(msg, rk.Down):
		fv.sel = min(fv.sel+1, max(len(fv.feeds)-1, 0))
	case key.Matches(msg, rk.Up):
		fv.sel = max(fv.sel-1, 0)
	case key.Matches(msg, fv.keys.FeedFetch):
		return a.refreshFeed()
	case key.Matches(msg, a.actions.Refresh):
		return a.refresh()
	case key.Matches(msg, fv.keys.FeedAdd):
		return a.ask("feed", model.Article{}, "add feed: ", "https://")
	case key.Matches(msg, fv.keys.FeedRemove):
		if len(fv.feeds) == 0 {
			return nil
		}
		return a.editFeeds(func(data []byte) ([]byte, string, error) {
			f := fv.feeds[fv.sel]
			out, _, err := config.RemoveFeed(data, f.URL)
			return out, "Removed " + f.URL + " from " + shortPath(fv.path) + ".", err
		})
	}
	return nil
}

// refreshFeed fetches the selected feed alone, in the background: its new
// briefs join the list, the others stay (loadedOnly).
func (a *App) refreshFeed() tea.Cmd {
	fv := &a.feedsV
	switch {
	case len(fv.feeds) == 0:
		return nil
	case a.ld.loader == nil:
		a.say("Nothing to fetch: the briefs were given at start.")
		return a.layout()
	case a.ld.running:
		a.say("Still loading: fetch when this load ends.")
		return a.layout()
	}
	u := fv.feeds[fv.sel].URL
	a.ld.refreshing, a.ld.only = true, []string{u}
	cmd := a.startLoad()
	a.say("Fetching " + u + "…")
	return tea.Batch(cmd, a.layout())
}

// loadedOnly ends the load of some sources only (refreshFeed): their
// warnings replace those that named them, every brief stays listed, and
// the status line says what came.
func (a *App) loadedOnly(only []string, msg LoadedMsg) tea.Cmd {
	names := func(w string) bool {
		return slices.ContainsFunc(only, func(s string) bool { return strings.Contains(w, s) })
	}
	a.warnings = append(slices.DeleteFunc(a.warnings, names), msg.Warnings...)
	if msg.settled {
		a.ld.briefs.settle()
	}
	if a.feedsV.fetched == nil {
		a.feedsV.fetched = map[string]time.Time{}
	}
	now := time.Now()
	for _, s := range only {
		a.feedsV.fetched[s] = now
	}
	failed := slices.ContainsFunc(msg.Warnings, names)
	switch {
	case msg.Note != "":
		a.say(msg.Note)
	case failed:
		a.warn("Fetched " + strings.Join(only, ", ") + ": it failed (see the feeds view).")
	default:
		a.say(fmt.Sprintf("Fetched %s: %s.", strings.Join(only, ", "), plural(a.ld.added, "new brief")))
	}
	a.ld.only, a.ld.start, a.ld.refreshing, a.ld.seen = nil, time.Time{}, false, nil
	return a.layout()
}

// addFeed adds the feed the prompt was given.
func (a *App) addFeed(u string) tea.Cmd {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		a.warn(fmt.Sprintf("%q is not an http or https URL.", u))
		return a.layout()
	}
	return a.editFeeds(func(data []byte) ([]byte, string, error) {
		out, n, err := config.AddFeeds(data, []config.FeedEntry{{URL: u}})
		if err == nil && n == 0 {
			return nil, u + " is a feed already.", nil
		}
		return out, "Added " + u + " to " + shortPath(a.feedsV.path) + ": f fetches it now.", err
	})
}

// editFeeds changes the config file's feeds with edit (nil data: nothing
// to write) and reads them back.
func (a *App) editFeeds(edit func([]byte) ([]byte, string, error)) tea.Cmd {
	path := a.feedsV.path
	if path == "" {
		a.warn("No config file is known: add feeds with briefs feeds add URL.")
		return a.layout()
	}
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		a.warn("Feeds: " + err.Error())
		return a.layout()
	}
	out, note, err := edit(data)
	if err == nil && out != nil {
		err = config.WriteFile(path, out)
	}
	if err != nil {
		a.warn("Feeds: " + err.Error())
		return a.layout()
	}
	if rerr := a.readFeeds(); rerr != nil {
		a.warn("Feeds: " + rerr.Error())
		return a.layout()
	}
	a.feedsV.sel = min(a.feedsV.sel, max(len(a.feedsV.feeds)-1, 0))
	a.say(note)
	return a.layout()
}

// feedStatus is what the last load did with a feed: the briefs the list
// holds from it, or the warning that names it.
func (a App) feedStatus(f config.FeedEntry) (string, bool) {
	for _, w := range a.warnings {
		if strings.Contains(w, f.URL) {
			return "failed: " + strings.TrimPrefix(strings.TrimPrefix(w, f.URL), ": "), false
		}
	}
	n := a.list.Count(func(r archive.Record) bool { return r.Source == f.URL })
	return plural(n, "brief"), true
}

// feedsPage draws the feeds view in h lines.
func (a App) feedsPage(h int) string {
	fv := a.feedsV
	head := "Feeds"
	if fv.path != "" {
		head += " of " + shortPath(fv.path)
	}
	lines := []string{a.st.PaneTitle.Render(head), ""}
	if len(fv.feeds) == 0 {
		lines = append(lines, a.st.Faint.Render("No feed: a adds one."))
	}
	for i, f := range fv.feeds {
		fetched, at := "not fetched yet", fv.lastLoad
		if t := fv.fetched[f.URL]; t.After(at) {
			at = t
		}
		if !at.IsZero() {
			fetched = "fetched " + at.Format("15:04:05")
		}
		mark := "  "
		if i == fv.sel {
			mark = "▌ "
		}
		title := f.Title
		if title == "" {
			title = f.URL
			if u, err := url.Parse(f.URL); err == nil && u.Host != "" {
				title = u.Host
			}
		}
		status, ok := a.feedStatus(f)
		st := a.st.Faint
		if !ok {
			st = a.st.Warning
		}
		lines = append(lines, mark+title, "    "+f.URL, "    "+st.Render(status+" · "+fetched))
	}
	k := fv.keys
	lines = append(lines, "", a.st.Faint.Render(k.FeedAdd.Help().Key+": add · "+k.FeedRemove.Help().Key+": remove · "+k.FeedFetch.Help().Key+": fetch this one · "+a.actions.Refresh.Help().Key+": fetch all · esc: back"))
	top := max(0, min(2+fv.sel*3+3-h, len(lines)-h))
	if top > 0 {
		lines = lines[top:]
	}
	return strings.Join(lines, "\n")
}
