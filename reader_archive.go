package main

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/articles/archive"
	"briefs/articles/index"
	"briefs/articles/pgarchive"
	"briefs/articles/store"
	"briefs/model"
	"briefs/ui"
)

// serverLoader is the reader's loader over the shared archive: the briefs
// the server holds, in the order they were ingested, in batches (the first
// screen's worth first), indexed for the search view on the way as the
// sources' loader does.
//
// A refresh (r, or the config's reload_every in the background) asks the
// server only for the briefs ingested since the last load (by Seq) and adds
// them to the same index; the briefs loaded before are sent again from
// memory, since the reader drops what a refresh does not deliver (briefs
// are never taken out of the archive). New briefs reach an open reader that
// way (polling). When the server cannot be reached, the reader keeps what
// it shows and says so (see unreachable).
func serverLoader(ar *pgarchive.Archive) ui.Loader {
	ix := index.New(articles.Resolver())
	var kept [][]model.Article // every batch delivered so far
	var lastSeq int64          // the last brief delivered
	return func(ctx context.Context, out chan<- tea.Msg) {
		send := func(m tea.Msg) {
			select {
			case out <- m:
			case <-ctx.Done():
			}
		}
		start := time.Now()
		total, err := ar.Len(ctx) // and whether the server answers
		if err != nil {
			send(ui.ProgressMsg{Progress: articles.Progress{Final: true, Elapsed: time.Since(start)}})
			send(unreachable(ar, err))
			return
		}
		done := 0
		first := true
		deliver := func(batch []model.Article) {
			send(ui.ArticlesMsg{Articles: batch})
			if first {
				send(SearcherOf(ix))
				first = false
			}
			done += len(batch)
			send(ui.ProgressMsg{Progress: articles.Progress{Done: done, Total: max(total, done), Elapsed: time.Since(start)}})
		}
		for _, b := range kept {
			deliver(b)
		}
		batch := make([]model.Article, 0, 64) // a first screen at once, then bigger batches
		flush := func() {
			ix.AddBatch(batch)
			kept = append(kept, batch)
			deliver(batch)
			batch = make([]model.Article, 0, articles.DefaultBatchSize)
		}
		err = ar.Each(ctx, lastSeq, func(seq int64, b model.Article) bool {
			batch = append(batch, b)
			lastSeq = seq
			if len(batch) == cap(batch) {
				flush()
			}
			return ctx.Err() == nil
		})
		if len(batch) > 0 {
			flush()
		}
		if first {
			send(SearcherOf(ix))
		}
		ix.Compact()
		send(ui.ProgressMsg{Progress: articles.Progress{Done: done, Total: done, Elapsed: time.Since(start), Final: true}})
		if err != nil && ctx.Err() == nil {
			send(unreachable(ar, err))
			return
		}
		send(ui.LoadedMsg{})
	}
}

// unreachable ends a load that could not read the archive. It carries a
// note, so that the reader keeps the briefs it shows (a refresh that ends
// without one drops the briefs it did not deliver) and says why; the next
// refresh (r, or the config's reload_every) connects again.
func unreachable(ar *pgarchive.Archive, err error) ui.LoadedMsg {
	// The pool's connections may be dead (a server stopped or restarted):
	// drop them all, so that the next refresh connects anew instead of
	// drawing another dead one.
	ar.Pool().Reset()
	return ui.LoadedMsg{
		Warnings: []string{fmt.Sprintf("the archive at %s: %v", ar, err)},
		Note:     "The shared archive cannot be reached: the list is kept; r tries again (w says why).",
	}
}

// SearcherOf is the message that hands the index to the search view.
func SearcherOf(ix *index.Index) tea.Msg { return ui.SearcherMsg{Searcher: ix} }

// serverState keeps the reader's reading state (marks, positions,
// watchlists) on the shared archive, under the archive's user name (the
// database role, or the config's archive_user), instead of the local file.
type serverState struct {
	ar *pgarchive.Archive
}

var _ ui.StateStore = serverState{}

// stateTimeout bounds one reading-state call to the server: the reader
// runs them in commands, and a stopped server must not hold them forever.
const stateTimeout = 10 * time.Second

func (s serverState) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), stateTimeout)
}

func (s serverState) All() (map[string]store.Reading, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	all, err := s.ar.AllReading(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]store.Reading, len(all))
	for id, r := range all {
		out[id] = store.Reading{Read: r.Read, Starred: r.Starred, Position: r.Position, Anchor: r.Anchor, Updated: r.Updated}
	}
	return out, nil
}

func (s serverState) Update(id string, fn func(*store.Reading)) error {
	ctx, cancel := s.ctx()
	defer cancel()
	return s.ar.UpdateReading(ctx, id, func(r *archive.Reading) {
		sr := store.Reading{Read: r.Read, Starred: r.Starred, Position: r.Position, Anchor: r.Anchor, Updated: r.Updated}
		fn(&sr)
		r.Read, r.Starred, r.Position, r.Anchor = sr.Read, sr.Starred, sr.Position, sr.Anchor
	})
}

func (s serverState) Watches() ([]store.Watch, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	ws, err := s.ar.Watches(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]store.Watch, len(ws))
	for i, w := range ws {
		out[i] = store.Watch{Name: w.Name, Query: w.Query, Reported: w.Reported, Updated: w.Updated}
	}
	return out, nil
}

func (s serverState) UpdateWatch(name string, fn func(*store.Watch)) error {
	ctx, cancel := s.ctx()
	defer cancel()
	return s.ar.UpdateWatch(ctx, name, func(w *pgarchive.Watch) {
		sw := store.Watch{Name: w.Name, Query: w.Query, Reported: w.Reported, Updated: w.Updated}
		fn(&sw)
		w.Query, w.Reported = sw.Query, sw.Reported
	})
}

func (s serverState) RemoveWatch(name string) (bool, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	return s.ar.RemoveWatch(ctx, name)
}

// changes tells the reader when briefs are ingested into ar: a value
// (coalesced: at most one waits) each time the archive's NOTIFY, or its
// poll every minute, lists briefs put since the reader opened, until ctx is
// done. The reader then loads what is new in the background.
func changes(ctx context.Context, ar *pgarchive.Archive) <-chan struct{} {
	ch := make(chan struct{}, 1)
	go func() {
		after, err := ar.LastSeq(ctx)
		if err != nil {
			after = 0 // the first load says what is wrong; a signal then is harmless
		}
		ar.Watch(ctx, after, time.Minute, func(archive.Record) {
			select {
			case ch <- struct{}{}:
			default:
			}
		}, nil)
	}()
	return ch
}
