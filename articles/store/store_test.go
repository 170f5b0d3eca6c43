package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"briefs/model"
)

// fiction is an article of our own with entities and quotes whose offsets
// point into its text, as the extractors leave them.
func fiction(n int) model.Article {
	title := "Velorian envoy warns of grain talks collapse"
	body := "Minister Ada Quarrin said on Tuesday that \"the talks are close to failing\" in Port Ismay.\n\n" +
		"The Velorian delegation left early, Quarrin told reporters."
	if n > 0 {
		body += strings.Repeat("\n\nAnother paragraph of invented detail.", n)
	}
	a := model.Article{
		Title:     title,
		Body:      body,
		Published: time.Date(2026, 3, 4, 10, 30, 0, 0, time.FixedZone("", 3600)),
		URL:       "https://example.test/velor",
		Author:    "Nell Ostrander",
		Outlet:    "The Harbour Gazette",
		Source:    "somewhere.txt",
	}
	a.ID = model.ArticleID(a.Title, a.Body)
	at := func(f model.Field, s string) model.Mention {
		t := a.Text(f)
		i := strings.Index(t, s)
		return model.Mention{Field: f, Start: i, End: i + len(s), Text: s}
	}
	m1, m2 := at(model.FieldBody, "Ada Quarrin"), at(model.FieldBody, "Quarrin told")
	m2.End = m2.Start + len("Quarrin")
	m2.Text = "Quarrin"
	a.Entities = []model.Entity{
		{ID: "person:ada-quarrin", Name: "Ada Quarrin", Kind: model.KindPerson, Aliases: []string{"Ada Quarrin", "Quarrin"}, Mentions: []model.Mention{m1, m2}},
		{ID: "place:port-ismay", Name: "Port Ismay", Kind: model.KindPlace, Mentions: []model.Mention{at(model.FieldBody, "Port Ismay")}, Country: "country:velor"},
		{ID: "nationality:velorian", Name: "Velorian", Kind: model.KindNationality, Mentions: []model.Mention{at(model.FieldTitle, "Velorian"), at(model.FieldBody, "Velorian")}},
	}
	q := at(model.FieldBody, "the talks are close to failing")
	a.Quotes = []model.Quote{{Field: q.Field, Start: q.Start, End: q.End, Text: q.Text, Speaker: "Ada Quarrin",
		SpeakerEntity: "person:ada-quarrin", SpeakerMention: &m1, SpeakerRole: "Minister", Cue: "said"}}
	return a
}

func TestCodecRoundTrip(t *testing.T) {
	a, b := fiction(0), fiction(3)
	a.Links = []string{"https://example.test/velor/grain", "https://example.test/port-ismay?x=1"}
	b.Published = time.Time{}
	b.Entities[0].Mentions[0].Text = "not the slice" // kept verbatim
	b.Quotes[0].Partial = true
	b.Quotes[0].SpeakerMention = nil
	empty := model.Article{Title: "Only a title"}
	// The smallest quotation there is: every string empty or a slice.
	bare := model.Article{Title: `A "BARE" TITLE`, Quotes: []model.Quote{{Field: model.FieldTitle, Start: 3, End: 7, Text: "BARE"}}}
	in := []model.Article{a, b, empty, bare, bare}
	enc := EncodeArticles(nil, in)
	out, err := DecodeArticles(enc, "elsewhere.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i := range in {
		in[i].Source = "elsewhere.txt"
	}
	if !sameArticles(in, out) {
		t.Fatalf("round trip changed the articles:\n in %+v\nout %+v", in, out)
	}
	if _, off := out[0].Published.Zone(); off != 3600 {
		t.Errorf("zone offset %d, want 3600", off)
	}
	enc[len(enc)/2] ^= 0xff // never a panic; an error or other values
	DecodeArticles(enc, "")
	for n := range len(enc) {
		if _, err := DecodeArticles(enc[:n], ""); err == nil {
			t.Fatalf("decoding %d of %d bytes: no error", n, len(enc))
		}
	}
}

// A value of version 3 (before links) is still read, with no links: the
// embedded archive's briefs stay readable until a load stores them again.
func TestCodecReadsVersion3(t *testing.T) {
	a := fiction(1)
	a.Source = "x"
	enc := EncodeArticles(nil, []model.Article{a})
	// the same bytes without the links count (0) after the outlet
	i := 2
	for _, s := range []string{a.ID, a.Title, a.Body, a.URL, a.Author, a.Outlet} {
		i += len(binary.AppendUvarint(nil, uint64(len(s)))) + len(s)
	}
	if enc[i] != 0 {
		t.Fatalf("byte %d is %d, not the links count", i, enc[i])
	}
	old := append(append([]byte{codecNoLinks}, enc[1:i]...), enc[i+1:]...)
	out, err := DecodeArticles(old, "x")
	if err != nil || len(out) != 1 || !sameArticles([]model.Article{a}, out) {
		t.Fatalf("a version 3 value: %+v (%v)", out, err)
	}
	if _, err := DecodeArticles(append([]byte{2}, enc[1:]...), "x"); err == nil {
		t.Fatal("a version 2 value was read")
	}
}

func FuzzDecodeArticles(f *testing.F) {
	f.Add(EncodeArticles(nil, []model.Article{fiction(1)}))
	f.Add([]byte{codecVersion, 1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := DecodeArticles(data, "x")
		if err != nil {
			return
		}
		for _, a := range arts { // every text slice must be inside its field
			for _, e := range a.Entities {
				for _, m := range e.Mentions {
					_ = m.Text
				}
			}
		}
		again, err := DecodeArticles(EncodeArticles(nil, arts), "x")
		if err != nil || !sameArticles(arts, again) {
			t.Fatalf("re-encoding changed %+v (%v)", arts, err)
		}
	})
}

// sameArticles compares articles field by field, times by instant and offset.
func sameArticles(a, b []model.Article) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		_, ox := x.Published.Zone()
		_, oy := y.Published.Zone()
		if !x.Published.Equal(y.Published) || ox != oy {
			return false
		}
		x.Published, y.Published = time.Time{}, time.Time{}
		if !reflect.DeepEqual(norm(x), norm(y)) {
			return false
		}
	}
	return true
}

// norm makes empty and nil slices alike.
func norm(a model.Article) model.Article {
	if len(a.Entities) == 0 {
		a.Entities = nil
	}
	if len(a.Quotes) == 0 {
		a.Quotes = nil
	}
	for i := range a.Entities {
		if len(a.Entities[i].Aliases) == 0 {
			a.Entities[i].Aliases = nil
		}
		if len(a.Entities[i].Mentions) == 0 {
			a.Entities[i].Mentions = nil
		}
	}
	return a
}

func TestCacheHitMissAndVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c", "cache.db")
	a := fiction(0)
	k1 := SourceKey("v1", "a.txt", []byte("bytes"))
	if k1 == SourceKey("v2", "a.txt", []byte("bytes")) || k1 == SourceKey("v1", "a.json", []byte("bytes")) ||
		k1 == SourceKey("v1", "a.txt", []byte("bytez")) {
		t.Fatal("the key ignores the version, the extension or the bytes")
	}
	if k1 != SourceKey("v1", "/else/where/B.TXT", []byte("bytes")) {
		t.Error("the key depends on more of the name than its extension")
	}
	c := Open(path, Options{Version: "v1"})
	if !c.Enabled() {
		t.Fatalf("not enabled: %v", c.Notes())
	}
	if _, ok := c.Get(k1, "a.txt"); ok {
		t.Fatal("hit in an empty cache")
	}
	c.Put(k1, []model.Article{a})
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	c = Open(path, Options{Version: "v1"})
	got, ok := c.Get(k1, "b.txt")
	if !ok || len(got) != 1 || got[0].Source != "b.txt" || got[0].Body != a.Body || len(got[0].Quotes) != 1 {
		t.Fatalf("after reopening: %v %+v", ok, got)
	}
	c.Close()

	c = Open(path, Options{Version: "v2"})
	defer c.Close()
	if _, ok := c.Get(k1, "a.txt"); ok {
		t.Fatal("a value of extractor v1 survived the move to v2")
	}
	if len(c.Notes()) != 0 {
		t.Errorf("notes on a clean open: %v", c.Notes())
	}
}

func TestCorruptFileMovedAsideAndRebuilt(t *testing.T) {
	for name, content := range map[string][]byte{
		"garbage": bytes.Repeat([]byte("not a database at all "), 3000),
		"short":   []byte("x"),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "cache.db")
			os.WriteFile(path, content, 0o600)
			c := Open(path, Options{Version: "v1"})
			if !c.Enabled() {
				t.Fatalf("not rebuilt: %v", c.Notes())
			}
			if n := c.Notes(); len(n) != 1 || !strings.Contains(n[0], "moved to") {
				t.Errorf("notes %v", n)
			}
			k := SourceKey("v1", "a.txt", []byte("a"))
			c.Put(k, []model.Article{fiction(0)})
			c.Close()
			aside, _ := filepath.Glob(path + ".corrupt-*")
			if len(aside) != 1 {
				t.Fatalf("set aside: %v", aside)
			}
			if kept, _ := os.ReadFile(aside[0]); !bytes.Equal(kept, content) {
				t.Error("the corrupt file was not kept as it was")
			}
			c = Open(path, Options{Version: "v1"})
			defer c.Close()
			if _, ok := c.Get(k, "a.txt"); !ok {
				t.Error("the rebuilt cache lost its value")
			}
		})
	}
}

func TestForeignBoltFileSetAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	st := OpenState(path) // a valid bbolt file, but a state file, not a cache
	if err := st.Update("x", func(r *Reading) { r.Read = true }); err != nil {
		t.Fatal(err)
	}
	c := Open(path, Options{})
	defer c.Close()
	if !c.Enabled() || len(c.Notes()) != 1 {
		t.Fatalf("enabled %v, notes %v", c.Enabled(), c.Notes())
	}
}

func TestTwoOpensDoNotHangOrCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	k := SourceKey("v1", "a.txt", []byte("a"))
	first := Open(path, Options{Version: "v1"})
	first.Put(k, []model.Article{fiction(0)})
	first.Flush()

	start := time.Now()
	second := Open(path, Options{Version: "v1", LockTimeout: 100 * time.Millisecond})
	if second.Enabled() {
		t.Fatal("two processes' worth of opens both hold the cache")
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Fatalf("waited %v for the lock", waited)
	}
	if n := second.Notes(); len(n) != 1 || !strings.Contains(n[0], "in use") {
		t.Errorf("notes %v", n)
	}
	second.Put(k, []model.Article{{Title: "must not land"}}) // dropped, no panic
	if _, ok := second.Get(k, ""); ok {
		t.Error("a disabled cache answered")
	}
	second.Close()

	// Many goroutines reading and writing one open cache.
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				kk := SourceKey("v1", "a.txt", []byte{byte(g), byte(i)})
				first.Put(kk, []model.Article{fiction(i % 3)})
				first.Get(k, "a.txt")
			}
		}()
	}
	wg.Wait()
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	c := Open(path, Options{Version: "v1"})
	defer c.Close()
	if got, ok := c.Get(k, "a.txt"); !ok || got[0].Title != fiction(0).Title {
		t.Fatal("the first value is gone")
	}
	if got, ok := c.Get(SourceKey("v1", "a.txt", []byte{7, 49}), "a.txt"); !ok || got[0].Body != fiction(49%3).Body {
		t.Fatal("a concurrent write is gone")
	}
}

func TestFileStamp(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	os.WriteFile(f, []byte("Title\n\nBody."), 0o600)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(f, old, old)
	info, _ := os.Stat(f)
	c := Open(filepath.Join(dir, "cache.db"), Options{})
	defer c.Close()
	k := SourceKey("v", f, []byte("Title\n\nBody."))
	if _, ok := c.FileKey(f, info); ok {
		t.Fatal("a stamp before any was recorded")
	}
	// record stores a stamp as if taken long after the file last changed.
	record := func(info os.FileInfo) {
		st := stampOf(info, k)
		st.Seen = time.Now().Add(time.Hour)
		c.queue(bucketFiles, []byte(f), encodeStamp(st))
		c.Flush()
	}
	record(info)
	if got, ok := c.FileKey(f, info); !ok || got != k {
		t.Fatal("the stamp was not found")
	}
	os.WriteFile(f, []byte("Title\n\nBody!"), 0o600)
	os.Chtimes(f, old.Add(time.Second), old.Add(time.Second))
	info2, _ := os.Stat(f)
	if _, ok := c.FileKey(f, info2); ok {
		t.Error("a changed file matched its old stamp")
	}
	// Same size, the old modification time put back: the status-change
	// time still tells (on systems that give it).
	info3, _ := os.Stat(f)
	record(info3)
	if _, ok := c.FileKey(f, info3); !ok {
		t.Fatal("a stamp of the file as it is did not match")
	}
	time.Sleep(10 * time.Millisecond)
	os.WriteFile(f, []byte("Title\n\nBodx!"), 0o600)
	os.Chtimes(f, info3.ModTime(), info3.ModTime())
	info4, _ := os.Stat(f)
	if _, change := fileIdentity(info4); change != 0 {
		if _, ok := c.FileKey(f, info4); ok {
			t.Error("a rewrite with size and time put back matched the old stamp")
		}
	}

	os.Chtimes(f, time.Now(), time.Now())
	now, _ := os.Stat(f)
	c.RecordFile(f, now, k)
	c.Flush()
	if _, ok := c.FileKey(f, now); ok {
		t.Error("a stamp recorded in the same moment as the change was trusted")
	}
}

func TestReadingStateSurvivesCacheRebuild(t *testing.T) {
	dir := t.TempDir()
	cachePath := filepath.Join(dir, "cache", "cache.db")
	st := OpenState(filepath.Join(dir, "data", "state.db"))
	if err := st.Update("a1", func(r *Reading) { r.Read, r.Position = true, 42 }); err != nil {
		t.Fatal(err)
	}
	if err := st.Update("a2", func(r *Reading) { r.Starred = true }); err != nil {
		t.Fatal(err)
	}
	c := Open(cachePath, Options{})
	c.Close()
	os.WriteFile(cachePath, []byte("garbage garbage garbage"), 0o600)
	c = Open(cachePath, Options{})
	c.Close()
	if len(c.Notes()) == 0 {
		t.Fatal("the cache was not rebuilt")
	}
	all, err := OpenState(filepath.Join(dir, "data", "state.db")).All()
	if err != nil {
		t.Fatal(err)
	}
	if r := all["a1"]; !r.Read || r.Position != 42 || r.Starred || r.Updated.IsZero() {
		t.Errorf("a1: %+v", r)
	}
	if r, _ := st.Get("a2"); !r.Starred || r.Read {
		t.Errorf("a2: %+v", r)
	}
	if r, _ := st.Get("none"); r != (Reading{}) {
		t.Errorf("unknown id: %+v", r)
	}
}

func TestReadingStateCorruptAndBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	os.WriteFile(path, bytes.Repeat([]byte{0xde, 0xad}, 5000), 0o600)
	st := OpenState(path)
	err := st.Update("a", func(r *Reading) { r.Starred = true })
	if err == nil || !strings.Contains(err.Error(), "moved to") {
		t.Fatalf("err %v", err)
	}
	if r, err := st.Get("a"); err != nil || !r.Starred {
		t.Fatalf("after the rebuild: %+v %v", r, err)
	}
	holder, err := bolt.Open(path, 0o600, nil) // hold the lock as another process would
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	st.LockTimeout = 50 * time.Millisecond
	if _, err := st.Get("a"); !errors.Is(err, ErrBusy) {
		t.Fatalf("got %v, want ErrBusy", err)
	}
}

// TestCorruptPagesNeverPanic mangles the data pages of a cache whose meta
// pages are intact: reads and writes may fail but never panic, and the next
// Open gives a working cache.
func TestCorruptPagesNeverPanic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	c := Open(path, Options{Version: "v"})
	keys := make([]Key, 300)
	for i := range keys {
		keys[i] = SourceKey("v", "a.txt", []byte{byte(i), byte(i >> 8)})
		c.Put(keys[i], []model.Article{fiction(i % 4)})
	}
	c.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4 * 4096; i < len(data); i += 7 {
		data[i] ^= 0x5a
	}
	os.WriteFile(path, data, 0o600)

	c = Open(path, Options{Version: "v"})
	for _, k := range keys {
		c.Get(k, "a.txt")
	}
	c.Put(SourceKey("v", "b.txt", nil), []model.Article{fiction(0)})
	c.Close()
	t.Logf("notes: %v", c.Notes())

	c = Open(path, Options{Version: "v"})
	defer c.Close()
	k := SourceKey("v", "c.txt", nil)
	c.Put(k, []model.Article{fiction(1)})
	c.Flush()
	if got, ok := c.Get(k, "c.txt"); !ok || got[0].Body != fiction(1).Body {
		t.Fatalf("the cache after the corruption does not work: %v", c.Notes())
	}
}

// LookupFiles answers as Lookup does for each file, in one transaction: a
// hit with its articles and source, a changed file and an unknown one a miss.
func TestLookupFiles(t *testing.T) {
	dir := t.TempDir()
	c := Open(filepath.Join(dir, "cache.db"), Options{Version: "v1"})
	defer c.Close()
	old := time.Now().Add(-time.Hour)
	var files []FileLookup
	for i, body := range []string{"First body.", "Second body.", "Third body."} {
		f := filepath.Join(dir, fmt.Sprintf("b%d.txt", i))
		os.WriteFile(f, []byte("Title\n\n"+body), 0o600)
		os.Chtimes(f, old, old)
		info, _ := os.Stat(f)
		if i < 2 {
			k := SourceKey("v1", f, []byte(body))
			c.Put(k, []model.Article{{ID: fmt.Sprint("id", i), Title: "Title", Body: body}})
			st := stampOf(info, k)
			st.Seen = time.Now().Add(time.Hour) // as if taken long after the file last changed
			c.queue(bucketFiles, []byte(f), encodeStamp(st))
		}
		files = append(files, FileLookup{Path: f, Info: info, Source: fmt.Sprint("src", i)})
	}
	c.Flush()
	// the second file changed since its stamp
	os.WriteFile(files[1].Path, []byte("Title\n\nSecond body, changed."), 0o600)
	os.Chtimes(files[1].Path, old.Add(time.Minute), old.Add(time.Minute))
	files[1].Info, _ = os.Stat(files[1].Path)
	got := c.LookupFiles(files)
	if len(got) != 3 || len(got[0]) != 1 || got[0][0].ID != "id0" || got[0][0].Source != "src0" || got[0][0].Body != "First body." {
		t.Fatalf("LookupFiles[0] = %+v", got)
	}
	if got[1] != nil || got[2] != nil {
		t.Fatalf("a changed and an unknown file were hits: %+v, %+v", got[1], got[2])
	}
	if want, ok := c.Lookup(files[0].Path, files[0].Info, "src0"); !ok || want[0].Body != got[0][0].Body {
		t.Fatal("Lookup and LookupFiles differ")
	}
}
