package index

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefs/model"
)

// Feed fills an index batch by batch as a load streams its articles, from a
// snapshot file when one matches them: a warm start then reads the index
// instead of building it (see the package doc, "Warm start").
//
// NewFeed starts reading the snapshot in the background. While it is read,
// and while the articles arriving are those it was written from, Add only
// keeps them; once they cover the snapshot, the index is restored from it and
// later articles are added as usual. When the snapshot is missing, damaged,
// of another version, or the articles differ, what was kept is added with
// AddBatch and the feed goes on as AddBatch alone would. Finish ends the
// load; Save writes the snapshot for the next start when it changed.
//
// A Feed is used from one goroutine; the index may be searched meanwhile
// (it is empty until the snapshot is restored).
type Feed struct {
	ix      *Index
	path    string
	version string

	snapCh chan snapResult // nil once received, or when no snapshot is tried
	snap   *Snapshot
	keep   []entry // articles kept while the snapshot may still match
	seen   map[string]uint32
	k      int // snapshot articles matched by keep
	next   int // keep[next:] not yet matched
	direct bool

	why      error // why the snapshot was not used
	restored int   // articles that came from the snapshot
	stale    bool  // the index holds more or less than the snapshot file
}

type snapResult struct {
	s   *Snapshot
	err error
}

// NewFeed returns a feed into ix that tries the snapshot at path written for
// version. With path "", or when ix already holds articles (a refresh), it
// only adds.
func NewFeed(ix *Index, path, version string) *Feed {
	f := &Feed{ix: ix, path: path, version: version, stale: true}
	if path == "" || ix.Len() > 0 {
		f.direct, f.stale = true, false
		return f
	}
	f.snapCh = make(chan snapResult, 1)
	f.seen = map[string]uint32{}
	go func() {
		pruneSnapshots(path)
		s, err := LoadSnapshot(path, version)
		if err == nil { // in use: not pruned
			now := time.Now()
			os.Chtimes(path, now, now)
		}
		f.snapCh <- snapResult{s, err}
	}()
	return f
}

// Add indexes a batch of articles, or keeps it while the snapshot may cover it.
func (f *Feed) Add(batch []model.Article) {
	if f.direct {
		if f.ix.AddBatch(batch) > 0 {
			f.stale = true
		}
		return
	}
	for i := range batch {
		f.keep = append(f.keep, wholeEntry(batch[i]))
	}
	f.try(false)
}

// AddStored is Add for articles the index's Briefs hold (see
// Index.AddStored): the index, and the feed while it waits for the
// snapshot, keep only what searching needs of them.
func (f *Feed) AddStored(batch []model.Article) {
	if f.direct {
		if f.ix.AddStored(batch) > 0 {
			f.stale = true
		}
		return
	}
	lean := f.ix.lean()
	for i := range batch {
		if lean && batch[i].ID != "" {
			f.keep = append(f.keep, storedEntry(&batch[i]))
		} else {
			f.keep = append(f.keep, wholeEntry(batch[i]))
		}
	}
	f.try(false)
}

// addKept indexes kept entries in order: whole ones with AddBatch, stored
// ones read back through the index's Briefs with AddStored (one the Briefs
// no longer hold is indexed by its title).
func (f *Feed) addKept(es []entry) {
	var run []model.Article
	stored := false
	flush := func() {
		if stored {
			f.ix.AddStored(run)
		} else {
			f.ix.AddBatch(run)
		}
		run = run[:0]
	}
	for i := range es {
		e := &es[i]
		if (e.whole == nil) != stored && len(run) > 0 {
			flush()
		}
		stored = e.whole == nil
		if e.whole != nil {
			run = append(run, *e.whole)
			continue
		}
		a, ok := f.ix.brief(e.id)
		if !ok {
			a = model.Article{ID: e.id, Title: e.title, Published: e.published}
		}
		run = append(run, a)
		if len(run) >= batchChunk {
			flush()
		}
	}
	if len(run) > 0 {
		flush()
	}
}

// Finish indexes what is still kept: after it the index is complete. It
// returns how many articles came from the snapshot, and why none did
// (nil when the snapshot was used or none was tried; an fs.ErrNotExist
// error when there was none yet).
func (f *Feed) Finish() (int, error) {
	if !f.direct {
		f.try(true)
	}
	return f.restored, f.why
}

// try matches the kept articles against the snapshot once it is read; at
// the end (final) it waits for it. It returns why the snapshot was not used.
func (f *Feed) try(final bool) error {
	if f.snap == nil {
		if final {
			r := <-f.snapCh
			f.snap, f.snapCh = r.s, nil
			if r.err != nil {
				return f.fallBack(r.err)
			}
		} else {
			select {
			case r := <-f.snapCh:
				f.snap, f.snapCh = r.s, nil
				if r.err != nil {
					return f.fallBack(r.err)
				}
			default:
				return nil // still reading: keep
			}
		}
	}
	s := f.snap
	for ; f.next < len(f.keep) && f.k < len(s.ids); f.next++ {
		a := &f.keep[f.next]
		if _, dup := f.seen[a.id]; dup {
			continue
		}
		if a.id != s.ids[f.k] {
			return f.fallBack(ErrSnapshotMismatch)
		}
		f.seen[a.id] = uint32(f.k)
		f.k++
	}
	if f.k < len(s.ids) {
		if final {
			return f.fallBack(ErrSnapshotMismatch) // briefs were removed
		}
		return nil
	}
	if err := f.ix.restore(s, f.keep[:f.next], f.seen); err != nil {
		return f.fallBack(err)
	}
	f.restored = f.k
	f.stale = f.next < len(f.keep)
	f.addKept(f.keep[f.next:])
	f.keep, f.seen, f.snap, f.direct = nil, nil, nil, true
	return nil
}

// fallBack gives up the snapshot: what was kept is added.
func (f *Feed) fallBack(err error) error {
	f.addKept(f.keep)
	f.keep, f.seen, f.snap, f.direct = nil, nil, nil, true
	f.why = err
	return err
}

// Save writes the index's snapshot to the feed's path when the index is not
// the one the snapshot file already holds; call it once a load has finished
// whole (a partial load would make a snapshot that never matches). It
// reports whether it wrote.
func (f *Feed) Save() (bool, error) {
	if f.path == "" || !f.stale {
		return false, nil
	}
	if err := f.ix.SaveSnapshot(f.path, f.version); err != nil {
		return false, err
	}
	f.stale = false
	return true, nil
}

// Restored returns how many articles came from the snapshot.
func (f *Feed) Restored() int { return f.restored }

// SnapshotMaxAge is how long a snapshot that no start has used is kept
// beside the one in use: the snapshots of sources no longer opened go.
const SnapshotMaxAge = 30 * 24 * time.Hour

// pruneSnapshots removes the other snapshots (index-*.bin) of path's folder
// that no start has read or written for SnapshotMaxAge.
func pruneSnapshots(path string) {
	others, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "index-*.bin"))
	for _, o := range others {
		if o == path || !strings.HasSuffix(o, ".bin") {
			continue
		}
		if info, err := os.Stat(o); err == nil && time.Since(info.ModTime()) > SnapshotMaxAge {
			os.Remove(o)
		}
	}
}
