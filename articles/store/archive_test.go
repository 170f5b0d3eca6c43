package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"briefs/articles/archive"
	"briefs/articles/archive/archivetest"
	"briefs/model"
)

func openTestArchive(t *testing.T, dir, name string) *Archive {
	t.Helper()
	ar, err := OpenArchive(filepath.Join(dir, name+".db"), filepath.Join(dir, name+"-state.db"))
	if err != nil {
		t.Fatalf("OpenArchive: %v", err)
	}
	return ar
}

func TestArchiveConformance(t *testing.T) {
	dirs := map[*testing.T]string{}
	archivetest.Run(t, func(t *testing.T, name string) archive.Archive {
		dir, ok := dirs[t]
		if !ok {
			dir = t.TempDir()
			dirs[t] = dir
		}
		return openTestArchive(t, dir, name)
	})
}

// A damaged archive file is moved aside and made anew, with a note; the
// briefs put afterwards are kept.
func TestArchiveDamaged(t *testing.T) {
	ctx := context.Background()
	for name, mangle := range map[string]func(path string) error{
		"cut":     func(p string) error { return os.Truncate(p, 4096+100) },
		"garbage": func(p string) error { return os.WriteFile(p, []byte(strings.Repeat("not a bbolt file ", 1000)), 0o600) },
		"foreign": func(p string) error {
			c := Open(p+".cache", Options{Version: "v"}) // a valid bbolt file of another kind
			c.Close()
			return os.Rename(p+".cache", p)
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			ar := openTestArchive(t, dir, "a")
			var briefs = []string{"one", "two", "three"}
			for _, id := range briefs {
				if err := ar.Put(ctx, nil); err != nil {
					t.Fatal(err)
				}
				b := archivetest.Brief(id, "Brief "+id, strings.Repeat("Some words about trade. ", 400), 1)
				if err := ar.Put(ctx, []model.Article{b}); err != nil {
					t.Fatal(err)
				}
			}
			ar.Close()
			if err := mangle(filepath.Join(dir, "a.db")); err != nil {
				t.Fatal(err)
			}
			ar = openTestArchive(t, dir, "a")
			defer ar.Close()
			if notes := ar.Notes(); len(notes) != 1 || !strings.Contains(notes[0], "moved to") {
				t.Fatalf("notes = %q; want one saying the file was moved aside", notes)
			}
			if n, err := ar.Len(ctx); err != nil || n != 0 {
				t.Fatalf("Len of the new archive = %d, %v", n, err)
			}
			if err := ar.Put(ctx, []model.Article{archivetest.Brief("four", "Four", "More about trade.", 2)}); err != nil {
				t.Fatal(err)
			}
			if ids, err := ar.Search(ctx, archive.Query{Text: "trade"}); err != nil || len(ids) != 1 || ids[0] != "four" {
				t.Fatalf("Search in the new archive = %v, %v", ids, err)
			}
			aside, _ := filepath.Glob(filepath.Join(dir, "a.db.corrupt-*"))
			if len(aside) != 1 {
				t.Fatalf("moved aside: %v", aside)
			}
		})
	}
}

// Postings over several chunks: briefs added in batches, some replaced
// (dropping or gaining a word, in the middle and before the first chunk),
// searches equal a plain scan, after a reopen too.
func TestArchivePostingChunks(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ar := openTestArchive(t, dir, "chunks")
	const n = 3*chunkMax + 100
	has := map[string]map[string]bool{"common": {}, "even": {}, "late": {}}
	brief := func(i int, words ...string) model.Article {
		id := fmt.Sprintf("b%05d", i)
		for _, w := range words {
			has[w][id] = true
		}
		return archivetest.Brief(id, "Brief "+id, strings.Join(words, " "), i%300)
	}
	var batch []model.Article
	for i := range n {
		words := []string{"common"}
		if i%2 == 0 {
			words = append(words, "even")
		}
		batch = append(batch, brief(i, words...))
		if len(batch) == 300 || i == n-1 {
			if err := ar.Put(ctx, batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	// replaced: 0 (before every chunk's first, after it loses the words),
	// some in the middle lose "common", and gain "late"
	var again []model.Article
	for _, i := range []int{0, 1, chunkMax - 1, chunkMax, chunkMax + 1, 2*chunkMax + 7, n - 1} {
		id := fmt.Sprintf("b%05d", i)
		delete(has["common"], id)
		delete(has["even"], id)
		again = append(again, brief(i, "late"))
	}
	if err := ar.Put(ctx, again); err != nil {
		t.Fatal(err)
	}
	// and 1 gets "common" back: an insert into the middle of a chunk
	if err := ar.Put(ctx, []model.Article{brief(1, "common", "late")}); err != nil {
		t.Fatal(err)
	}
	check := func(ar *Archive) {
		t.Helper()
		for w, want := range has {
			ids, err := ar.Search(ctx, archive.Query{Text: w})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for i, id := range ids {
				got[id] = true
				if i > 0 && id <= ids[i-1] { // ids are numbered in put order
					t.Fatalf("%s: %s after %s", w, id, ids[i-1])
				}
			}
			if len(got) != len(want) || len(ids) != len(want) {
				t.Fatalf("%s finds %d briefs, want %d", w, len(ids), len(want))
			}
			for id := range want {
				if !got[id] {
					t.Fatalf("%s does not find %s", w, id)
				}
			}
		}
		if ids, _ := ar.Search(ctx, archive.Query{Text: "common even", Limit: 5}); len(ids) != 5 || ids[0] != "b00002" {
			t.Fatalf("common even, 5: %v", ids)
		}
		if ids, _ := ar.Search(ctx, archive.Query{Text: "common", Limit: 3}); strings.Join(ids, " ") != "b00001 b00002 b00003" {
			t.Fatalf("common, 3: %v", ids)
		}
	}
	check(ar)
	ar.Close()
	ar = openTestArchive(t, dir, "chunks")
	defer ar.Close()
	check(ar)
}

// Each hands over every brief after the cursor, whole and in order, across
// pages, and stops when told.
func TestArchiveEach(t *testing.T) {
	ctx := context.Background()
	ar := openTestArchive(t, t.TempDir(), "each")
	defer ar.Close()
	n := eachPage + 40
	var batch []model.Article
	for i := range n {
		batch = append(batch, archivetest.Brief(fmt.Sprintf("e%04d", i), fmt.Sprintf("Brief %d", i), fmt.Sprintf("Body of brief %d.", i), i%30))
	}
	if err := ar.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	var seqs []int64
	var got []model.Article
	if err := ar.Each(ctx, 0, func(seq int64, a model.Article) bool { seqs, got = append(seqs, seq), append(got, a); return true }); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("Each gave %d briefs, want %d", len(got), n)
	}
	for i, a := range got {
		if a.ID != batch[i].ID || a.Body != batch[i].Body || a.Source != batch[i].Source || i > 0 && seqs[i] <= seqs[i-1] {
			t.Fatalf("brief %d: %s %q %q (seq %d)", i, a.ID, a.Body, a.Source, seqs[i])
		}
	}
	k := 0
	ar.Each(ctx, seqs[n-3], func(seq int64, a model.Article) bool { k++; return true })
	if k != 2 {
		t.Fatalf("after the third last: %d briefs, want 2", k)
	}
	k = 0
	ar.Each(ctx, 0, func(int64, model.Article) bool { k++; return k < 5 })
	if k != 5 {
		t.Fatalf("stopped at 5: %d calls", k)
	}
}

// A brief put again as it is costs no write: the file's transaction id
// stays; a changed one is written.
func TestArchivePutUnchangedWritesNothing(t *testing.T) {
	ctx := context.Background()
	ar := openTestArchive(t, t.TempDir(), "a")
	defer ar.Close()
	txid := func() int { return lastTxID(ar) }
	one := archivetest.Brief("one", "Envoys meet", "Ada Quarrin spoke of the grain corridor.", 1)
	two := archivetest.Brief("two", "Talks resume", "The Harbour League met again.", 2)
	if err := ar.Put(ctx, []model.Article{one, two}); err != nil {
		t.Fatal(err)
	}
	before := txid()
	if err := ar.Put(ctx, []model.Article{one, two}); err != nil {
		t.Fatal(err)
	}
	if after := txid(); after != before {
		t.Fatalf("putting unchanged briefs wrote: transaction %d, was %d", after, before)
	}
	two.Body = "The Harbour League met again on fishing rights."
	if err := ar.Put(ctx, []model.Article{one, two}); err != nil {
		t.Fatal(err)
	}
	if after := txid(); after == before {
		t.Fatal("a changed brief was not written")
	}
	if ids, err := ar.Search(ctx, archive.Query{Text: "fishing"}); err != nil || len(ids) != 1 || ids[0] != "two" {
		t.Fatalf("the changed brief is not found by its new words: %v, %v", ids, err)
	}
}

// A brief known to be the cache's (PutKnown) is taken as unchanged on its
// record alone; an unknown one is compared whole; a known one whose record
// changed is written.
func TestArchivePutKnownComparesRecordsOnly(t *testing.T) {
	ctx := context.Background()
	ar := openTestArchive(t, t.TempDir(), "a")
	defer ar.Close()
	txid := func() int { return lastTxID(ar) }
	one := archivetest.Brief("one", "Envoys meet", "Ada Quarrin spoke of the grain corridor.", 1)
	if err := ar.Put(ctx, []model.Article{one}); err != nil {
		t.Fatal(err)
	}
	before := txid()
	same := one
	same.Body = "Ada Quarrin spoke of the grain corridor and the harbour." // same record, other body
	if err := ar.PutKnown(ctx, []model.Article{same}, []bool{true}); err != nil {
		t.Fatal(err)
	}
	if after := txid(); after != before {
		t.Fatalf("a known brief with the same record was written: transaction %d, was %d", after, before)
	}
	if err := ar.PutKnown(ctx, []model.Article{same}, []bool{false}); err != nil {
		t.Fatal(err)
	}
	if got, _ := ar.Get(ctx, "one"); got.Body != same.Body {
		t.Fatalf("an unknown changed brief was not written: %q", got.Body)
	}
	before = txid()
	retitled := same
	retitled.Title = "Envoys meet again"
	if err := ar.PutKnown(ctx, []model.Article{retitled}, []bool{true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := ar.Get(ctx, "one"); got.Title != retitled.Title || txid() == before {
		t.Fatalf("a known brief with another record was not written: %q", got.Title)
	}
}

// lastTxID is the id of the archive file's last transaction: a write moves it.
func lastTxID(ar *Archive) int {
	var id int
	ar.db.View(func(tx *bolt.Tx) error { id = tx.ID(); return nil })
	return id
}
