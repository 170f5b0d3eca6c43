package articles

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefs/articles/archive"
	"briefs/articles/index"
	"briefs/articles/store"
	"briefs/model"
)

// openKept opens the archive a load kept beside cache.
func openKept(t *testing.T, cache string) *store.Archive {
	t.Helper()
	ar, err := store.OpenArchive(filepath.Join(filepath.Dir(cache), archiveName), "")
	if err != nil {
		t.Fatal(err)
	}
	return ar
}

// keptIDs lists the ids of the archive beside cache, in put order.
func keptIDs(t *testing.T, cache string) []string {
	t.Helper()
	ar := openKept(t, cache)
	defer ar.Close()
	var ids []string
	if err := ar.List(context.Background(), 0, func(r archive.Record) bool { ids = append(ids, r.ID); return true }); err != nil {
		t.Fatal(err)
	}
	return ids
}

// Every load puts its briefs into the archive beside the cache: after a
// cold load it holds every brief, whole; a warm load adds nothing; a changed
// file adds its new brief at the end.
func TestStreamKeepsArchive(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 30)
	old := time.Now().Add(-time.Hour)
	filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error { return os.Chtimes(p, old, old) })
	cache := filepath.Join(t.TempDir(), "cache.db")
	opt := StreamOptions{CachePath: cache, BatchSize: 7}

	arts, warns, _ := streamAll(t, []string{dir}, opt)
	if len(warns) != 0 {
		t.Fatalf("warnings: %v", warns)
	}
	ids := keptIDs(t, cache)
	if len(ids) != len(arts) {
		t.Fatalf("the archive holds %d briefs after a load of %d", len(ids), len(arts))
	}
	for i := range arts {
		if ids[i] != arts[i].ID {
			t.Fatalf("brief %d: the archive holds %q, the load gave %q", i, ids[i], arts[i].ID)
		}
	}
	ar := openKept(t, cache)
	got, err := ar.Get(context.Background(), arts[3].ID)
	ar.Close()
	if err != nil {
		t.Fatal(err)
	}
	sameArticles(t, []model.Article{got}, []model.Article{arts[3]})

	streamAll(t, []string{dir}, opt) // warm: nothing new
	if again := keptIDs(t, cache); len(again) != len(ids) {
		t.Fatalf("a warm load changed the archive: %d briefs, had %d", len(again), len(ids))
	}

	changed := filepath.Join(dir, "part00", "brief00007.txt")
	os.WriteFile(changed, []byte(fictionBrief(1007)), 0o644)
	arts, _, _ = streamAll(t, []string{dir}, opt)
	after := keptIDs(t, cache)
	if len(after) != len(ids)+1 {
		t.Fatalf("after a file changed: %d briefs, want %d", len(after), len(ids)+1)
	}
	var fresh string
	for _, a := range arts {
		if strings.Contains(a.Title, "1007") {
			fresh = a.ID
		}
	}
	if fresh == "" || after[len(after)-1] != fresh {
		t.Fatalf("the changed file's brief %q is not last in the archive: %v", fresh, after[len(after)-3:])
	}
}

// A load without the cache keeps no archive; a damaged archive is made anew
// with a note, and the load goes on whole.
func TestStreamArchiveOffAndDamaged(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 5)
	cacheDir := t.TempDir()
	cache := filepath.Join(cacheDir, "cache.db")
	streamAll(t, []string{dir}, StreamOptions{CachePath: cache, NoArchive: true})
	if _, err := os.Stat(filepath.Join(cacheDir, archiveName)); !os.IsNotExist(err) {
		t.Fatalf("NoArchive made an archive: %v", err)
	}
	if ArchivePathFor(StreamOptions{CachePath: cache, NoCache: true}) != "" {
		t.Error("NoCache keeps an archive")
	}

	os.WriteFile(filepath.Join(cacheDir, archiveName), []byte(strings.Repeat("not an archive ", 500)), 0o600)
	arts, warns, _ := streamAll(t, []string{dir}, StreamOptions{CachePath: cache})
	if len(arts) != 5 {
		t.Fatalf("%d briefs with a damaged archive", len(arts))
	}
	if len(warns) != 1 || warns[0].Source != "archive" || !warns[0].Notice || !strings.Contains(warns[0].Reason, "moved to") {
		t.Fatalf("warnings %+v; want one notice that the archive was made anew", warns)
	}
	if ids := keptIDs(t, cache); len(ids) != 5 {
		t.Fatalf("the new archive holds %d briefs", len(ids))
	}
}

// archiveGets reads briefs from an archive for an index.
type archiveGets struct{ ar *store.Archive }

func (g archiveGets) Brief(id string) (model.Article, bool) {
	a, err := g.ar.Get(context.Background(), id)
	return a, err == nil
}

// A load into an archive that stays open leaves the briefs to it: the
// index gets each batch once it is stored, keeps none whole, and still
// finds and shows them; without the archive it keeps them whole.
func TestStreamIndexLeavesStoredBriefsToTheArchive(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 40)
	cache := filepath.Join(t.TempDir(), "cache.db")
	snap, version := SnapshotFor([]string{dir}, &StreamOptions{CachePath: cache})
	for _, start := range []string{"cold", "warm"} {
		ar := openKept(t, cache)
		ix := index.New(nil)
		ix.SetBriefs(archiveGets{ar})
		stored := 0
		var emitted []model.Article
		opt := StreamOptions{CachePath: cache, BatchSize: 7, Archive: ar, Kept: func(b []model.Article, ok bool) {
			if ok {
				stored += len(b)
			}
		}}
		warns := StreamIndex(context.Background(), []string{dir}, opt, ix, snap, version, func(b []model.Article) {
			emitted = append(emitted, b...)
		}, nil)
		if len(warns) != 0 || len(emitted) != 40 || stored != 40 {
			t.Fatalf("%s: %d emitted, %d stored, warnings %v", start, len(emitted), stored, warns)
		}
		if ix.Len() != 40 || ix.Whole() != 0 {
			t.Errorf("%s: the index holds %d briefs, %d whole", start, ix.Len(), ix.Whole())
		}
		word := strings.Fields(emitted[5].Title)[0]
		res, err := ix.Search(word, 0)
		if err != nil || len(res.Hits) == 0 || res.Hits[0].Snippet.Text == "" {
			t.Errorf("%s: search %q = %+v, %v", start, word, res.Hits, err)
		}
		if a, ok := ix.Article(emitted[5].ID); !ok || a.Body != emitted[5].Body {
			t.Errorf("%s: Article read back = %v", start, ok)
		}
		ar.Close()
	}
	ix := index.New(nil)
	StreamIndex(context.Background(), []string{dir}, StreamOptions{CachePath: cache, NoArchive: true}, ix, "", "", nil, nil)
	if ix.Len() != 40 || ix.Whole() != 40 {
		t.Errorf("without the archive: %d briefs, %d whole", ix.Len(), ix.Whole())
	}
}
