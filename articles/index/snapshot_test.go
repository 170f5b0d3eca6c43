package index

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"briefs/model"
)

// snapshotQueries cover every kind of clause and the corpus views.
var snapshotQueries = []string{"Orlov", "Russia", "reactor", "speaker:Belov", "kind:person", "\"reactor on time\"",
	"entity:Kask", "Lind", "Hartmann AND Vienna", "speaker:deputies", "Rossiya", "entity:country:russia"}

// sameAnswers fails when two indexes answer any query, view or suggestion differently.
func sameAnswers(t *testing.T, got, want *Index) {
	t.Helper()
	if got.Len() != want.Len() {
		t.Errorf("Len = %d, want %d", got.Len(), want.Len())
	}
	for _, q := range snapshotQueries {
		a, errA := got.Search(q, 0)
		b, errB := want.Search(q, 0)
		if !reflect.DeepEqual(a, b) || (errA == nil) != (errB == nil) {
			t.Errorf("%q:\n got %+v %v\nwant %+v %v", q, a, errA, b, errB)
		}
	}
	if a, b := got.EntitiesWith("", 3), want.EntitiesWith("", 3); !reflect.DeepEqual(a, b) {
		t.Errorf("Entities:\n got %+v\nwant %+v", a, b)
	}
	if a, b := got.Quotes("", ""), want.Quotes("", ""); !reflect.DeepEqual(a, b) {
		t.Errorf("Quotes:\n got %+v\nwant %+v", a, b)
	}
	for _, p := range []string{"orl", "Rus", "kask"} {
		if a, b := got.Suggest(p, 5), want.Suggest(p, 5); !reflect.DeepEqual(a, b) {
			t.Errorf("Suggest(%q):\n got %+v\nwant %+v", p, a, b)
		}
	}
}

// snapCorpus is the test corpus with a duplicate, a brief with no id and
// an id the resolver ties back.
func snapCorpus() []model.Article {
	arts := corpus()
	arts = append(arts, arts[1]) // the same brief twice
	extra := mk("Rossiya statement", "Rossiya issued a statement.", "2024-08-01",
		[]ent{{"country:rossiya", model.KindCountry, "Rossiya", []string{"Rossiya"}}}, nil)
	extra.ID = ""
	return append(arts, extra)
}

var snapResolver = fakeResolver{"rossiya": "country:russia", "russia": "country:russia"}

func snapshotOf(t *testing.T, ix *Index, version string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ix.WriteSnapshot(&buf, version); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSnapshotRestoresTheSameIndex(t *testing.T) {
	arts := snapCorpus()
	built := Build(arts, snapResolver)
	s, err := ReadSnapshot(snapshotOf(t, built, "v1"), "v1")
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != built.Len() || s.ID(0) != arts[0].ID {
		t.Fatalf("snapshot of %d briefs, first %q", s.Len(), s.ID(0))
	}
	ix := New(snapResolver)
	n, err := ix.Restore(s, arts)
	if err != nil || n != built.Len() {
		t.Fatalf("Restore = %d, %v", n, err)
	}
	sameAnswers(t, ix, built)
	if _, err := New(nil).Restore(s, arts); err == nil {
		t.Error("a snapshot restored twice")
	}
	// adding after a restore works as adding to the built index
	more := mk("Orlov returns", "Dmitri Orlov returned to Vienna.", "2024-09-01", []ent{orlovI, vienna}, nil)
	ix.Add(more)
	built.Add(more)
	sameAnswers(t, ix, built)
}

func TestSnapshotOfAPrefixAddsTheRest(t *testing.T) {
	arts := snapCorpus()
	s, err := ReadSnapshot(snapshotOf(t, Build(arts[:4], snapResolver), "v1"), "v1")
	if err != nil {
		t.Fatal(err)
	}
	ix := New(snapResolver)
	if n, err := ix.Restore(s, arts); err != nil || n != 4 {
		t.Fatalf("Restore = %d, %v", n, err)
	}
	sameAnswers(t, ix, Build(arts, snapResolver))
}

func TestSnapshotOfOtherArticlesIsRefused(t *testing.T) {
	arts := snapCorpus()
	b := snapshotOf(t, Build(arts, nil), "v1")
	for name, other := range map[string][]model.Article{
		"reordered": append([]model.Article{arts[1], arts[0]}, arts[2:]...),
		"fewer":     arts[:3],
		"other":     append([]model.Article{mk("Other", "Other text.", "", nil, nil)}, arts...),
	} {
		s, err := ReadSnapshot(b, "v1")
		if err != nil {
			t.Fatal(err)
		}
		ix := New(nil)
		if _, err := ix.Restore(s, other); !errors.Is(err, ErrSnapshotMismatch) {
			t.Errorf("%s: Restore error %v", name, err)
		}
		if ix.Len() != 0 {
			t.Errorf("%s: %d briefs after a refused restore", name, ix.Len())
		}
	}
	// same ids, other entities (another extractor left unversioned)
	changed := snapCorpus()
	changed[2].Entities = changed[2].Entities[:1]
	s, _ := ReadSnapshot(b, "v1")
	if _, err := New(nil).Restore(s, changed); !errors.Is(err, ErrSnapshotMismatch) {
		t.Errorf("other entities: Restore error %v", err)
	}
}

// recrc replaces the checksum at the end of a snapshot.
func recrc(b []byte) []byte {
	body := b[:len(b)-4]
	return binary.LittleEndian.AppendUint32(append([]byte(nil), body...), crc32.Checksum(body, castagnoli))
}

func TestDamagedSnapshotIsAnErrorNotAPanic(t *testing.T) {
	good := snapshotOf(t, Build(snapCorpus(), snapResolver), "v1")
	if _, err := ReadSnapshot(good, "v2"); err == nil {
		t.Error("another version was read")
	}
	for _, bad := range [][]byte{nil, []byte("BRIEFSIX"), good[:len(good)/2], append(append([]byte(nil), good...), 0),
		[]byte("not a snapshot at all, but long enough")} {
		if _, err := ReadSnapshot(bad, "v1"); err == nil {
			t.Errorf("%d bytes read as a snapshot", len(bad))
		}
	}
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/3] ^= 0x40
	if _, err := ReadSnapshot(flipped, "v1"); err == nil {
		t.Error("a flipped byte went unnoticed")
	}
	// damage past the checksum's reach: every byte changed, the checksum
	// made right again; whatever it decodes to, nothing panics, and a
	// restore either refuses or answers
	for i := len(snapshotMagic); i < len(good)-4; i++ {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			b := append([]byte(nil), good...)
			b[i] ^= x
			s, err := ReadSnapshot(recrc(b), "v1")
			if err != nil {
				continue
			}
			ix := New(nil)
			if _, err := ix.Restore(s, snapCorpus()); err == nil {
				ix.Search("Orlov", 5)
				ix.Entities("")
				ix.Quotes("Belov", "")
			}
		}
	}
}

func FuzzReadSnapshot(f *testing.F) {
	var buf bytes.Buffer
	Build(snapCorpus(), nil).WriteSnapshot(&buf, "v1")
	f.Add(buf.Bytes()[:len(buf.Bytes())-4])
	f.Fuzz(func(t *testing.T, body []byte) {
		s, err := ReadSnapshot(binary.LittleEndian.AppendUint32(append([]byte(nil), body...), crc32.Checksum(body, castagnoli)), "v1")
		if err == nil {
			ix := New(nil)
			if _, err := ix.Restore(s, snapCorpus()); err == nil {
				ix.Search("Orlov reactor", 5)
			}
		}
	})
}

// feedAll feeds arts in batches of two and finishes.
func feedAll(f *Feed, arts []model.Article) (int, error) {
	for i := 0; i < len(arts); i += 2 {
		f.Add(arts[i:min(i+2, len(arts))])
	}
	return f.Finish()
}

func TestFeedUsesAMatchingSnapshot(t *testing.T) {
	arts := snapCorpus()
	path := SnapshotPath(t.TempDir(), "cache.db", "archive")
	want := Build(arts, snapResolver)

	// first start: no snapshot yet, the index is built and saved
	ix := New(snapResolver)
	f := NewFeed(ix, path, "v1")
	if n, err := feedAll(f, arts); n != 0 || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("first start: %d restored, %v", n, err)
	}
	sameAnswers(t, ix, want)
	if wrote, err := f.Save(); !wrote || err != nil {
		t.Fatalf("first Save = %v, %v", wrote, err)
	}

	// second start: restored whole, nothing to save
	ix = New(snapResolver)
	f = NewFeed(ix, path, "v1")
	if n, err := feedAll(f, arts); n != want.Len() || err != nil {
		t.Errorf("second start: %d restored, %v", n, err)
	}
	sameAnswers(t, ix, want)
	if wrote, err := f.Save(); wrote || err != nil {
		t.Errorf("second Save = %v, %v", wrote, err)
	}
	// a refresh that brings nothing new does not write; one that does, does
	f = NewFeed(ix, path, "v1")
	feedAll(f, arts)
	if wrote, _ := f.Save(); wrote {
		t.Error("a refresh with nothing new wrote the snapshot")
	}

	// a new brief at the end: the snapshot, then the brief
	more := append(snapCorpus(), mk("Orlov returns", "Dmitri Orlov returned to Vienna.", "2024-09-01", []ent{orlovI, vienna}, nil))
	ix = New(snapResolver)
	f = NewFeed(ix, path, "v1")
	if n, err := feedAll(f, more); n != want.Len() || err != nil {
		t.Errorf("one more: %d restored, %v", n, err)
	}
	sameAnswers(t, ix, Build(more, snapResolver))
	if wrote, err := f.Save(); !wrote || err != nil {
		t.Errorf("Save after one more = %v, %v", wrote, err)
	}

	// another version, or other briefs: built as if there were none
	for name, c := range map[string]struct {
		version string
		arts    []model.Article
	}{"version": {"v2", more}, "removed": {"v1", more[2:]}} {
		ix = New(snapResolver)
		f = NewFeed(ix, path, c.version)
		if n, err := feedAll(f, c.arts); n != 0 || err == nil {
			t.Errorf("%s: %d restored, %v", name, n, err)
		}
		sameAnswers(t, ix, Build(c.arts, snapResolver))
	}
}

func TestFeedRebuildsOverADamagedSnapshot(t *testing.T) {
	arts := snapCorpus()
	path := filepath.Join(t.TempDir(), "index.bin")
	if err := Build(arts, nil).SaveSnapshot(path, "v1"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0xff
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ix := New(nil)
	f := NewFeed(ix, path, "v1")
	if n, err := feedAll(f, arts); n != 0 || err == nil {
		t.Errorf("damaged: %d restored, %v", n, err)
	}
	sameAnswers(t, ix, Build(arts, nil))
	if wrote, err := f.Save(); !wrote || err != nil {
		t.Fatalf("Save = %v, %v", wrote, err)
	}
	if _, err := LoadSnapshot(path, "v1"); err != nil {
		t.Errorf("the rewritten snapshot: %v", err)
	}
	if left, _ := filepath.Glob(path + ".tmp*"); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// failingWriter fails once more than n bytes were written.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestSnapshotOfManyChunksRoundTrips(t *testing.T) {
	// invented briefs of numbered words: a snapshot of several chunks
	var arts []model.Article
	for i := range 5000 {
		var body []byte
		for j := range 150 {
			body = fmt.Appendf(body, "w%d ", (i*7+j*13)%20000)
		}
		arts = append(arts, mk(fmt.Sprintf("Brief %d", i), string(body), "2024-01-02", []ent{russia}, nil))
	}
	built := Build(arts, nil)
	b := snapshotOf(t, built, "v1")
	if len(b) < 2*snapshotChunk {
		t.Fatalf("snapshot of %d bytes: under two chunks", len(b))
	}
	s, err := ReadSnapshot(b, "v1")
	if err != nil {
		t.Fatal(err)
	}
	ix := New(nil)
	if _, err := ix.Restore(s, arts); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"w1", "w0 AND w13", "\"w13 w26\"", "Russia"} {
		a, _ := ix.Search(q, 10)
		want, _ := built.Search(q, 10)
		if !reflect.DeepEqual(a, want) || want.Total == 0 {
			t.Errorf("%q: restored %d hits, built %d", q, a.Total, want.Total)
		}
	}
	if err := built.WriteSnapshot(&failingWriter{n: len(b) / 2}, "v1"); err == nil {
		t.Error("a failed write was not reported")
	}
}

func TestFeedPrunesSnapshotsLongUnused(t *testing.T) {
	dir := t.TempDir()
	path := SnapshotPath(dir, "cache.db", "archive")
	old, recent := filepath.Join(dir, "index-0000000000000000.bin"), filepath.Join(dir, "index-1111111111111111.bin")
	for _, f := range []string{old, recent} {
		if err := os.WriteFile(f, []byte("a snapshot of other sources"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-SnapshotMaxAge - time.Hour)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	f := NewFeed(New(nil), path, "v1")
	feedAll(f, corpus())
	if _, err := os.Stat(old); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a snapshot unused for %v is still there (%v)", SnapshotMaxAge, err)
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("a recent snapshot was removed: %v", err)
	}
}
