package main

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/articles/index"
	"briefs/articles/pgarchive"
	"briefs/model"
	"briefs/ui"
)

// serverLoader is the reader's loader over the shared archive: the briefs
// the server holds, in the order they were ingested, in batches (the first
// screen's worth first), indexed for the search view on the way as the
// sources' loader does. A refresh (r) reads the archive again, with what
// was ingested since.
func serverLoader(ar *pgarchive.Archive) ui.Loader {
	return func(ctx context.Context, out chan<- tea.Msg) {
		send := func(m tea.Msg) {
			select {
			case out <- m:
			case <-ctx.Done():
			}
		}
		start := time.Now()
		ix := index.New(articles.Resolver())
		total, err := ar.Len(ctx)
		if err != nil {
			send(SearcherOf(ix))
			send(ui.ProgressMsg{Progress: articles.Progress{Final: true, Elapsed: time.Since(start)}})
			send(ui.LoadedMsg{Warnings: []string{fmt.Sprintf("the archive at %s: %v", ar, err)}})
			return
		}
		done := 0
		first := true
		batch := make([]model.Article, 0, 64) // a first screen at once, then bigger batches
		flush := func() {
			ix.AddBatch(batch)
			send(ui.ArticlesMsg{Articles: batch})
			if first {
				send(SearcherOf(ix))
				first = false
			}
			done += len(batch)
			send(ui.ProgressMsg{Progress: articles.Progress{Done: done, Total: max(total, done), Elapsed: time.Since(start)}})
			batch = make([]model.Article, 0, articles.DefaultBatchSize)
		}
		err = ar.Each(ctx, 0, func(_ int64, b model.Article) bool {
			batch = append(batch, b)
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
		var warns []string
		if err != nil && ctx.Err() == nil {
			warns = append(warns, fmt.Sprintf("the archive at %s: %v", ar, err))
		}
		send(ui.LoadedMsg{Warnings: warns})
	}
}

// SearcherOf is the message that hands the index to the search view.
func SearcherOf(ix *index.Index) tea.Msg { return ui.SearcherMsg{Searcher: ix} }
