package articles

import (
	"context"
	"path/filepath"
	"slices"

	"briefs/articles/index"
	"briefs/articles/source"
	"briefs/articles/store"
	"briefs/model"
)

// SnapshotFor returns where the index snapshot of a load of specs lives and
// the extractor version it is kept for; "" when none is kept (no cache,
// standard input, the extractors did not load). It loads opt's Pipeline
// when it has none, so that Stream and the version use the same one.
func SnapshotFor(specs []string, opt *StreamOptions) (path, version string) {
	if opt.NoCache || slices.Contains(specs, "-") {
		return "", ""
	}
	cache := opt.CachePath
	if cache == "" {
		var err error
		if cache, err = store.DefaultPath(); err != nil {
			return "", "" // Stream warns about it
		}
	}
	if opt.Pipeline == nil {
		p, err := NewPipeline()
		if err != nil {
			return "", "" // Stream warns about it
		}
		opt.Pipeline = p
	}
	return index.SnapshotPath(filepath.Dir(cache), append([]string{cache}, specs...)...), ExtractorVersion(opt.Pipeline)
}

// StreamIndex is Stream that also builds the corpus index: the reader and
// every command load through it. Each batch goes to emit as Stream emits it,
// and to ix once the archive is done with it (StreamOptions.Kept; on a
// goroutine of its own, so that decoding the cache and indexing overlap):
// a batch the archive stored goes in with AddStored, so that an index with
// Briefs (the reader's, over the archive it keeps open) keeps only what
// searching needs of it; the others go in whole. Progress is Stream's.
//
// With snapPath (see SnapshotFor), a load whose briefs are those of the
// snapshot, in the same order (new ones at the end are fine), reads the
// index back instead of indexing every brief, and a load that changed the
// index writes the snapshot again before StreamIndex returns (unless ctx
// was cancelled: a partial load would make a snapshot that never matches).
// A snapshot that cannot be written is one more warning.
func StreamIndex(ctx context.Context, specs []string, opt StreamOptions, ix *index.Index, snapPath, version string,
	emit func([]model.Article), progress func(Progress)) []source.Warning {
	feed := index.NewFeed(ix, snapPath, version)
	type keptBatch struct {
		arts   []model.Article
		stored bool
	}
	batches := make(chan keptBatch, 1<<12) // never full: 1M briefs at the default batch size
	fed := make(chan struct{})
	go func() {
		defer close(fed)
		for b := range batches {
			if b.stored {
				feed.AddStored(b.arts)
			} else {
				feed.Add(b.arts)
			}
		}
		feed.Finish() // a snapshot that could not be used is rebuilt: no warning
	}()
	kept := opt.Kept
	opt.Kept = func(batch []model.Article, stored bool) {
		batches <- keptBatch{batch, stored}
		if kept != nil {
			kept(batch, stored)
		}
	}
	warns := Stream(ctx, specs, opt, emit, progress)
	close(batches)
	<-fed
	if ctx.Err() == nil {
		if _, err := feed.Save(); err != nil {
			warns = append(warns, source.Warning{Source: "index snapshot", Reason: err.Error()})
		}
	}
	return warns
}
