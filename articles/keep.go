package articles

import (
	"context"
	"errors"
	"path/filepath"

	"briefs/articles/source"
	"briefs/articles/store"
	"briefs/model"
)

// archiveName is the embedded archive's file name, beside the cache.
const archiveName = "archive.db"

// ArchivePathFor is the embedded archive a load with opt keeps up to date:
// opt.ArchivePath, else archive.db beside the cache ("" when none is kept:
// NoCache, NoArchive, or no cache path).
func ArchivePathFor(opt StreamOptions) string {
	if opt.NoCache || opt.NoArchive {
		return ""
	}
	if opt.ArchivePath != "" {
		return opt.ArchivePath
	}
	cache := opt.CachePath
	if cache == "" {
		var err error
		if cache, err = store.DefaultPath(); err != nil {
			return ""
		}
	}
	return filepath.Join(filepath.Dir(cache), archiveName)
}

// keeperQueue is how many batches wait for the archive before emitting
// waits for it: a bound on what a slow disk makes the load hold.
const keeperQueue = 16

// keeperRun is how many briefs the keeper gathers for one Put (one write
// transaction): a cold load emits small batches as extraction finishes
// them, and each transaction rewrites the last postings chunk of every
// term its briefs hold: putting each batch made a cold load of 10,000
// briefs on one core cost 1,716-2,359 CPU µs a brief, against 684-748
// without the archive and 903-949 in runs of 1,024 (archivebench -n 10000
// -cpus 1).
const keeperRun = 1024

// archiveKeeper puts a load's briefs into the embedded archive on a
// goroutine of its own, batch by batch, as they are emitted: the archive is
// complete after any load. Briefs the archive holds unchanged cost a read
// (store.Archive.Put skips them).
type archiveKeeper struct {
	batches chan keptBatch
	done    chan struct{}
	warns   []source.Warning // read after done
}

// keepArchive starts putting batches into the archive at path, or into
// shared when it is set (open, and left open). kept, when set, gets each
// batch after its Put (StreamOptions.Kept).
func keepArchive(ctx context.Context, path string, shared *store.Archive, kept func([]model.Article, bool)) *archiveKeeper {
	k := &archiveKeeper{batches: make(chan keptBatch, keeperQueue), done: make(chan struct{})}
	go func() {
		defer close(k.done)
		ar := shared
		if ar == nil {
			var err error
			if ar, err = store.OpenArchive(path, ""); err != nil {
				// in use: the process that holds it (a reader) keeps it
				// up to date with its own loads
				if !errors.Is(err, store.ErrArchiveInUse) {
					k.warn(err.Error())
				}
				for b := range k.batches {
					if kept != nil {
						kept(b.arts, false)
					}
				}
				return
			}
		}
		failed := false
		var run []model.Article
		var known []bool              // of run: from the cache (store.Archive.PutKnown)
		var batches [][]model.Article // the batches of run, for kept
		put := func() {
			stored := false
			switch {
			case failed || ctx.Err() != nil || len(run) == 0:
			default:
				err := ar.PutKnown(ctx, run, known)
				stored = err == nil
				if err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
					k.warn("not kept up to date: " + err.Error())
					failed = true // one warning: the next batches would fail alike
				}
			}
			if kept != nil {
				for _, b := range batches {
					kept(b, stored)
				}
			}
			clear(run) // the briefs go with their batches
			run, known, batches = run[:0], known[:0], batches[:0]
		}
		for kb := range k.batches {
			b := kb.arts
			for i := range b {
				if b[i].ID != "" { // Put refuses a batch with a brief without one
					run = append(run, b[i])
					known = append(known, i < len(kb.cached) && kb.cached[i])
				}
			}
			if kept != nil {
				batches = append(batches, b)
			}
			if len(run) >= keeperRun {
				put()
			}
		}
		put()
		if shared != nil {
			return // its opener tells its notes, and closes it
		}
		for _, n := range ar.Notes() {
			k.warn(n)
		}
		if err := ar.Close(); err != nil {
			k.warn(err.Error())
		}
	}()
	return k
}

func (k *archiveKeeper) warn(reason string) {
	k.warns = append(k.warns, source.Warning{Source: "archive", Reason: source.CleanTitle(reason), Notice: true})
}

// keptBatch is a batch for the keeper, with which of its briefs came
// from the cache.
type keptBatch struct {
	arts   []model.Article
	cached []bool
}

// put hands a batch over (the emitter must not change it afterwards).
func (k *archiveKeeper) put(b []model.Article, cached []bool) {
	if k != nil && len(b) > 0 {
		k.batches <- keptBatch{b, cached}
	}
}

// finish waits for every batch to be put and returns the warnings.
func (k *archiveKeeper) finish() []source.Warning {
	if k == nil {
		return nil
	}
	close(k.batches)
	<-k.done
	return k.warns
}
