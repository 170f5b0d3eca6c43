package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/articles/index"
	"briefs/articles/store"
	"briefs/model"
)

// Loader loads the briefs once, sending what it finds on out: ArticlesMsg
// batches, ProgressMsg reports (a Final one at the end), SearcherMsg and a
// LoadedMsg last. It returns when done or when ctx is done; the reader runs
// it in the background at start and again for each refresh (r).
type Loader func(ctx context.Context, out chan<- tea.Msg)

// LoadedMsg ends a load: the warnings of its sources (they replace those of
// the load before), and a note for the status line.
type LoadedMsg struct {
	Warnings []string
	Note     string
	// settled: every brief the load delivered is in the archive the
	// loader handed over (archiveMsg), so memory may let them go
	settled bool
}

// loadStepMsg carries one message of a load, with the channel the next
// comes from; done when the loader has returned.
type loadStepMsg struct {
	gen  int
	msg  tea.Msg
	next <-chan tea.Msg
	done bool
}

// StreamLoader loads specs with articles.StreamIndex (the load path of
// every command too), indexing the briefs for the search view on the way. A refresh builds a new index, so that search
// forgets the briefs that are gone. Standard input is read once: a refresh leaves
// it out.
//
// The index is fed on a goroutine of its own (index.Feed), so that decoding
// the cache and indexing overlap. With a cache, a snapshot of the index is
// kept beside it (index.SnapshotPath of the cache path and the specs): a
// start whose briefs are those of the snapshot, in the same order (new ones
// at the end are fine), reads it back instead of indexing every brief; the
// search view then answers once the last brief has arrived. A load that
// changed the index writes the snapshot again before it ends. Nothing is
// kept when standard input is read (it changes every time).
//
// The first load opens the embedded archive (articles.ArchivePathFor) and
// keeps it open for the session: every load keeps it up to date
// (StreamOptions.Archive), and the list reads the briefs it opens from it
// (archiveBriefs). When it cannot be opened (another reader holds it) the
// briefs stay in memory.
func StreamLoader(specs []string, opt articles.StreamOptions) Loader {
	ix := index.New(articles.Resolver())
	loads := 0
	snapPath, version := "", ""
	var archiveNotes []string // said with the first load's warnings
	return func(ctx context.Context, out chan<- tea.Msg) {
		send := func(m tea.Msg) {
			select {
			case out <- m:
			case <-ctx.Done():
			}
		}
		loads++ // loads never overlap: the reader runs one at a time
		specs, snapPath := specs, snapPath
		only, _ := ctx.Value(onlyKey{}).([]string)
		if only != nil { // some sources only (a feed fetched from the feeds view): into the index as it is, no snapshot
			specs, snapPath = only, ""
		}
		if loads > 1 && slices.Contains(specs, "-") {
			specs = slices.DeleteFunc(slices.Clone(specs), func(s string) bool { return s == "-" })
			if len(specs) == 0 { // with no specs Stream would read the built-in samples
				send(ProgressMsg{Progress: articles.Progress{Final: true}})
				send(LoadedMsg{Note: "Nothing to refresh: standard input is read once."})
				return
			}
		}
		if loads == 1 {
			snapPath, version = articles.SnapshotFor(specs, &opt)
			if path := articles.ArchivePathFor(opt); path != "" {
				ar, err := store.OpenArchive(path, "")
				switch {
				case err == nil:
					opt.Archive = ar
					archiveNotes = ar.Notes()
					send(archiveMsg{ar: ar, owned: true})
				case !errors.Is(err, store.ErrArchiveInUse):
					archiveNotes = []string{err.Error()}
				}
			}
		} else if only == nil {
			// a fresh index: one kept from the last load would still find
			// the briefs whose files were deleted or changed since
			ix = index.New(articles.Resolver())
		}
		if opt.Archive != nil {
			// the index keeps only what searching needs of the briefs
			// the archive holds, and reads them back from it
			ix.SetBriefs(archiveReader{opt.Archive})
			opt.Kept = func(batch []model.Article, stored bool) {
				if stored {
					ids := make([]string, len(batch))
					for i := range batch {
						ids[i] = batch[i].ID
					}
					send(storedMsg{ids: ids})
				}
			}
		}
		first := true
		warns := articles.StreamIndex(ctx, specs, opt, ix, snapPath, version, func(batch []model.Article) {
			send(ArticlesMsg{Articles: batch})
			if first {
				send(SearcherMsg{Searcher: ix})
				first = false
			}
		}, func(pr articles.Progress) {
			send(ProgressMsg{Progress: pr})
		})
		if first { // nothing loaded: the search view still answers (with nothing)
			send(SearcherMsg{Searcher: ix})
		}
		lines := make([]string, 0, len(warns)+len(archiveNotes))
		for _, n := range archiveNotes {
			lines = append(lines, "archive: "+n)
		}
		archiveNotes = nil
		settled := opt.Archive != nil && ctx.Err() == nil
		for _, w := range warns {
			lines = append(lines, w.Error())
			if w.Source == "archive" || w.Source == "cache" { // not kept, or not all of it
				settled = false
			}
		}
		send(LoadedMsg{Warnings: lines, settled: settled})
	}
}

// onlyKey is the context key of a load of some sources only: its value is
// their specs (see startLoad, StreamLoader). A loader that does not know it
// loads everything.
type onlyKey struct{}

// loadRun is what the App knows of the loads: the loader, which load is
// current, how far it is and what it delivered.
type loadRun struct {
	loader     Loader // nil: the briefs were given to New, nothing to refresh
	gen        int    // which load's messages are current
	running    bool   // a load is running: r waits for it to end
	refreshing bool   // the running load is a refresh (r)
	loading    bool   // briefs are still arriving: the progress line shows
	progress   articles.Progress
	// steadyTotal counts the progress reports in a row whose estimated
	// total did not change
	steadyTotal int
	briefs      *archiveBriefs  // where the list reads the briefs it opens (briefs.go)
	added       int             // briefs the running load added to the list
	seen        map[string]bool // ids the running load delivered: a refresh drops the others
	dups        int             // briefs the running load delivered twice (identical files)
	start       time.Time       // when the running load started (zero: not known)
	only        []string        // the running load reads these sources only (a feed of the feeds view): it drops no brief
}

// initialLoad is the first load, which Init starts (Configure marked it running).
func (a App) initialLoad() tea.Cmd { return runLoader(a.ctx, a.ld.loader, a.ld.gen) }

// startLoad runs the loader again in the background.
func (a *App) startLoad() tea.Cmd {
	if a.ld.loader == nil {
		return nil
	}
	a.ld.gen++
	a.ld.running, a.ld.loading = true, true
	a.ld.progress = articles.Progress{}
	a.ld.added, a.ld.seen, a.ld.dups = 0, nil, 0
	a.ld.start = time.Now()
	ctx := a.ctx
	if a.ld.only != nil {
		ctx = context.WithValue(ctx, onlyKey{}, a.ld.only)
	}
	return runLoader(ctx, a.ld.loader, a.ld.gen)
}

// runLoader runs loader in a goroutine; its messages come back one by one
// through loadStepMsg.
func runLoader(ctx context.Context, loader Loader, gen int) tea.Cmd {
	return func() tea.Msg {
		ch := make(chan tea.Msg, 64)
		go func() {
			defer close(ch)
			loader(ctx, ch)
		}()
		return nextLoad(gen, ch)()
	}
}

// nextLoad waits for the load's next message.
func nextLoad(gen int, ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		return loadStepMsg{gen: gen, msg: msg, next: ch, done: !ok}
	}
}

// loadStep handles one message of a load and asks for the next.
func (a App) loadStep(msg loadStepMsg) (tea.Model, tea.Cmd) {
	if msg.done {
		if msg.gen != a.ld.gen {
			return a, nil
		}
		a.ld.running = false
		if a.ld.loading { // the loader stopped without a final report
			a.ld.loading = false
			return a, a.layout()
		}
		return a, nil
	}
	// Briefs that arrived while the list was busy are added in one go:
	// each addition re-sorts the whole list, so at 100k briefs one
	// addition per batch of 256 would cost seconds.
	msgs, done := coalesce(msg.msg, msg.next)
	var m tea.Model = a
	cmds := make([]tea.Cmd, 0, len(msgs)+1)
	for _, one := range msgs {
		switch m := one.(type) {
		case archiveMsg:
			a.ld.briefs.ar, a.ld.briefs.owned = m.ar, m.owned // shared by every copy of the App
			continue
		case storedMsg:
			a.ld.briefs.Forget(m.ids)
			continue
		}
		var cmd tea.Cmd
		m, cmd = m.Update(one)
		cmds = append(cmds, cmd)
	}
	if done {
		cmds = append(cmds, func() tea.Msg { return loadStepMsg{gen: msg.gen, done: true} })
	} else {
		cmds = append(cmds, nextLoad(msg.gen, msg.next))
	}
	return m, tea.Batch(cmds...)
}

// maxCoalesce bounds how many waiting messages one step takes, so the
// screen still updates while a fast load pours in.
const maxCoalesce = 256

// coalesce takes first and the messages already waiting on ch (without
// blocking), in order, merging runs of ArticlesMsg into one and keeping
// only the last ProgressMsg of a run. done reports that ch was closed.
func coalesce(first tea.Msg, ch <-chan tea.Msg) (msgs []tea.Msg, done bool) {
	add := func(m tea.Msg) {
		if am, ok := m.(ArticlesMsg); ok { // never append into the loader's slices
			m = ArticlesMsg{Articles: slices.Clip(am.Articles)}
		}
		if n := len(msgs); n > 0 {
			switch m := m.(type) {
			case ArticlesMsg:
				if prev, ok := msgs[n-1].(ArticlesMsg); ok {
					msgs[n-1] = ArticlesMsg{Articles: append(prev.Articles, m.Articles...)}
					return
				}
				// a progress report between two batches waits for the second
				if _, ok := msgs[n-1].(ProgressMsg); ok && n > 1 {
					if prev, ok := msgs[n-2].(ArticlesMsg); ok {
						msgs[n-2] = ArticlesMsg{Articles: append(prev.Articles, m.Articles...)}
						return
					}
				}
			case ProgressMsg:
				if _, ok := msgs[n-1].(ProgressMsg); ok {
					msgs[n-1] = m
					return
				}
			}
		}
		msgs = append(msgs, m)
	}
	add(first)
	for range maxCoalesce {
		select {
		case m, ok := <-ch:
			if !ok {
				return msgs, true
			}
			add(m)
		default:
			return msgs, false
		}
	}
	return msgs, false
}

// refresh loads the sources again, unless a load is running.
func (a *App) refresh() tea.Cmd {
	if a.ld.loader == nil {
		a.say("Nothing to refresh.")
		return a.layout()
	}
	if a.ld.running {
		a.say("Still loading: refresh when this load ends.")
		return a.layout()
	}
	a.ld.refreshing = true
	cmd := a.startLoad()
	a.say("Refreshing…")
	return tea.Batch(cmd, a.layout())
}

// noteSeen records the ids a load delivered: a brief delivered twice in
// one load is an identical copy (another file with the same text), which
// the list shows once.
func (a *App) noteSeen(arts []model.Article) {
	if a.ld.seen == nil {
		a.ld.seen = make(map[string]bool, len(arts))
	}
	for _, art := range arts {
		if a.ld.seen[art.ID] {
			a.ld.dups++
			continue
		}
		a.ld.seen[art.ID] = true
	}
}

// loaded ends a load: its warnings replace the last load's, and a refresh
// says what it found. A refresh that ran to its end drops the briefs it did
// not deliver: their files were deleted, or changed (a changed text is a
// new brief with a new id).
func (a *App) loaded(msg LoadedMsg) tea.Cmd {
	if only := a.ld.only; only != nil {
		return a.loadedOnly(only, msg)
	}
	a.warnings = append(slices.Clone(a.startWarnings), msg.Warnings...)
	if msg.settled {
		a.ld.briefs.settle()
	}
	a.warnings = append(a.warnings, a.stateWarns...)
	var cmd tea.Cmd
	gone := 0
	if a.ld.refreshing && msg.Note == "" && a.ctx.Err() == nil {
		seen := a.ld.seen
		gone, cmd = a.list.Retain(func(id string) bool { return seen[id] })
	}
	dups := ""
	if a.ld.dups > 0 {
		dups = fmt.Sprintf(" (%s skipped)", plural(a.ld.dups, "duplicate file"))
	}
	switch {
	case msg.Note != "":
		a.say(msg.Note)
	case a.ld.refreshing:
		s := fmt.Sprintf("Refreshed: %s", plural(a.ld.added, "new brief"))
		if gone > 0 {
			s += fmt.Sprintf(", %d gone", gone)
		}
		a.say(s + dups + ".")
	case !a.ld.start.IsZero() && a.status == "":
		// briefs and search index both ready: say so, and how long it took
		a.say(fmt.Sprintf("Loaded %s%s in %s; search ready.", plural(a.ld.added, "brief"), dups, roundDuration(time.Since(a.ld.start))))
	}
	a.ld.start = time.Time{}
	a.ld.refreshing = false
	a.ld.seen = nil
	return tea.Batch(cmd, a.layout())
}
