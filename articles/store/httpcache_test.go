package store

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"briefs/articles/source"
)

// The store's table is what source.Fetch expects.
var _ source.HTTPCache = (*HTTPCache)(nil)

const storedBrief = "Grain corridor reopens at Sarrow Bay\n\nInspectors of the Grain Exchange Authority returned on Monday.\n"

func TestHTTPCacheRoundTripAndReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	c := Open(path, Options{Version: "v1"})
	h := c.HTTP()
	if _, ok := h.Get("https://example.test/feed"); ok {
		t.Fatal("hit in an empty cache")
	}
	when := time.Date(2026, 11, 24, 12, 0, 0, 123, time.UTC)
	want := source.CachedResponse{ETag: `W/"abc"`, LastModified: "Tue, 24 Nov 2026 12:00:00 GMT", Body: []byte(storedBrief), Fetched: when}
	h.Put("https://example.test/feed", want)
	h.Put("https://example.test/gone", want)
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	h.Delete("https://example.test/gone")
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	// A new extractor version drops the articles, not the downloads.
	c = Open(path, Options{Version: "v2"})
	defer c.Close()
	got, ok := c.HTTP().Get("https://example.test/feed")
	if !ok || got.ETag != want.ETag || got.LastModified != want.LastModified || string(got.Body) != storedBrief || !got.Fetched.Equal(when) {
		t.Fatalf("after reopening: %+v, %v", got, ok)
	}
	if _, ok := c.HTTP().Get("https://example.test/gone"); ok {
		t.Error("a deleted entry is still there")
	}
}

func TestHTTPCacheDisabledAndOddURLs(t *testing.T) {
	off := Open("", Options{})
	h := off.HTTP()
	h.Put("https://example.test/a", source.CachedResponse{ETag: `"1"`, Body: []byte("x")})
	h.Delete("https://example.test/a")
	if _, ok := h.Get("https://example.test/a"); ok {
		t.Error("a disabled cache answered a Get")
	}

	path := filepath.Join(t.TempDir(), "cache.db")
	c := Open(path, Options{})
	h = c.HTTP()
	long := "https://example.test/" + strings.Repeat("a", 40000) // over bbolt's key limit
	h.Put(long, source.CachedResponse{ETag: `"1"`, Body: []byte("x")})
	h.Put("", source.CachedResponse{ETag: `"1"`, Body: []byte("x")})
	h.Put("https://example.test/ok", source.CachedResponse{ETag: `"1"`, Body: []byte("x")})
	if err := c.Flush(); err != nil {
		t.Fatalf("a long URL broke the writes: %v", err)
	}
	if _, ok := h.Get(long); ok {
		t.Error("a URL over the key limit was stored")
	}
	if r, ok := h.Get("https://example.test/ok"); !ok || string(r.Body) != "x" {
		t.Errorf("the ordinary URL: %+v, %v", r, ok)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestDecodeResponseRefusesDamage(t *testing.T) {
	v := encodeResponse(source.CachedResponse{ETag: `"e"`, Body: []byte(storedBrief), Fetched: time.Now()})
	if r, err := decodeResponse(v); err != nil || string(r.Body) != storedBrief {
		t.Fatalf("intact value: %q, %v", r.Body, err)
	}
	for i := range v {
		bad := append([]byte(nil), v...)
		bad[i] ^= 0x20
		if _, err := decodeResponse(bad); err == nil {
			t.Errorf("a flipped byte at %d was read", i)
		}
	}
	for n := range len(v) {
		if _, err := decodeResponse(v[:n]); err == nil {
			t.Errorf("a value cut to %d bytes was read", n)
		}
	}
}

func FuzzDecodeResponse(f *testing.F) {
	f.Add(encodeResponse(source.CachedResponse{ETag: `"e"`, LastModified: "x", Body: []byte("body"), Fetched: time.Unix(1, 0)}))
	f.Add(encodeResponse(source.CachedResponse{}))
	f.Add([]byte{httpCodec, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, v []byte) {
		at, atOK := fetchedAt(v)
		r, err := decodeResponse(v)
		if err != nil {
			return
		}
		if !atOK || !at.Equal(r.Fetched) {
			t.Fatalf("fetchedAt says %v, %v; decodeResponse %v", at, atOK, r.Fetched)
		}
		again, err := decodeResponse(encodeResponse(r))
		if err != nil || again.ETag != r.ETag || again.LastModified != r.LastModified || string(again.Body) != string(r.Body) || !again.Fetched.Equal(r.Fetched) {
			t.Fatalf("round trip of %+v: %+v, %v", r, again, err)
		}
	})
}

// countingServer serves storedBrief with an ETag, answering If-None-Match,
// and counts full downloads and 304s.
func countingServer(t *testing.T) (url string, full, notModified *atomic.Int64) {
	full, notModified = new(atomic.Int64), new(atomic.Int64)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"brief-1"`)
		if r.Header.Get("If-None-Match") == `"brief-1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		fmt.Fprint(w, storedBrief)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/brief.txt", full, notModified
}

// fetchVia opens the cache at path, fetches url through it and closes it.
func fetchVia(t *testing.T, path, url string) string {
	t.Helper()
	c := Open(path, Options{})
	defer func() {
		if err := c.Close(); err != nil {
			t.Error(err)
		}
	}()
	data, err := source.Fetch(context.Background(), url, source.Options{HTTPCache: c.HTTP()})
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestHTTPCacheConditionalAcrossRuns(t *testing.T) {
	url, full, notModified := countingServer(t)
	path := filepath.Join(t.TempDir(), "cache.db")
	for run := range 3 {
		if got := fetchVia(t, path, url); got != storedBrief {
			t.Fatalf("run %d: %q", run, got)
		}
	}
	if full.Load() != 1 || notModified.Load() != 2 {
		t.Errorf("server: %d full, %d not-modified; want 1 and 2", full.Load(), notModified.Load())
	}
}

func TestHTTPCacheCorruptEntryRefetches(t *testing.T) {
	url, full, notModified := countingServer(t)
	path := filepath.Join(t.TempDir(), "cache.db")
	fetchVia(t, path, url)

	// Damage the stored body in place, as a bad disk would.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHTTP)
		v := append([]byte(nil), b.Get([]byte(url))...)
		if len(v) < 10 {
			return fmt.Errorf("no entry to damage: %q", v)
		}
		v[len(v)-10] ^= 0xff
		return b.Put([]byte(url), v)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	if got := fetchVia(t, path, url); got != storedBrief {
		t.Fatalf("after damage: %q", got)
	}
	if full.Load() != 2 || notModified.Load() != 0 {
		t.Errorf("server: %d full, %d not-modified; want the damaged entry downloaded again", full.Load(), notModified.Load())
	}
	// The new download replaced the damaged entry.
	fetchVia(t, path, url)
	if full.Load() != 2 || notModified.Load() != 1 {
		t.Errorf("server: %d full, %d not-modified after the repair", full.Load(), notModified.Load())
	}
}

// A second process finds the cache held: it downloads in full and writes
// nothing, and the holder's entries are there once it lets go.
func TestHTTPCacheHeldByAnother(t *testing.T) {
	url, full, notModified := countingServer(t)
	path := filepath.Join(t.TempDir(), "cache.db")
	first := Open(path, Options{})
	if _, err := source.Fetch(context.Background(), url, source.Options{HTTPCache: first.HTTP()}); err != nil {
		t.Fatal(err)
	}
	second := Open(path, Options{LockTimeout: 50 * time.Millisecond}) // bbolt's flock holds within one process too
	if second.Enabled() {
		t.Fatal("a second open of a held cache is enabled")
	}
	if _, err := source.Fetch(context.Background(), url, source.Options{HTTPCache: second.HTTP()}); err != nil {
		t.Fatal(err)
	}
	second.Close()
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	fetchVia(t, path, url)
	if full.Load() != 2 || notModified.Load() != 1 {
		t.Errorf("server: %d full, %d not-modified; want 2 and 1", full.Load(), notModified.Load())
	}
}

func TestHTTPDropsOldEntries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	c := Open(path, Options{})
	h := c.HTTP()
	now := time.Now()
	h.Put("https://example.test/old", source.CachedResponse{ETag: `"1"`, Body: []byte("old"), Fetched: now.Add(-HTTPMaxAge - time.Hour)})
	h.Put("https://example.test/undated", source.CachedResponse{ETag: `"1"`, Body: []byte("undated")})
	h.Put("https://example.test/new", source.CachedResponse{ETag: `"1"`, Body: []byte("new"), Fetched: now.Add(-HTTPMaxAge + time.Hour)})
	c.queue(bucketHTTP, []byte("https://example.test/junk"), []byte{httpCodec, 0xff})
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c = Open(path, Options{})
	h = c.HTTP()
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	if r, ok := h.Get("https://example.test/new"); !ok || string(r.Body) != "new" {
		t.Errorf("a recent entry was dropped: %+v, %v", r, ok)
	}
	var left []string
	c.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketHTTP).ForEach(func(k, _ []byte) error { left = append(left, string(k)); return nil })
	})
	if len(left) != 1 {
		t.Errorf("entries left: %q, want only the recent one", left)
	}
	c.Close()
}

// BenchmarkHTTPPrune is the cost HTTP() adds to every Stream: scanning a
// table of 1,000 downloads of 50 KB for entries to drop (none are old).
func BenchmarkHTTPPrune(b *testing.B) {
	c := Open(filepath.Join(b.TempDir(), "cache.db"), Options{})
	defer c.Close()
	h := c.HTTP()
	body := []byte(strings.Repeat("Envoys met again in Port Ismay. ", 1600))
	for i := range 1000 {
		h.Put(fmt.Sprintf("https://example.test/feed/%d", i), source.CachedResponse{ETag: `"x"`, Body: body, Fetched: time.Now()})
	}
	if err := c.Flush(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c.HTTP()
	}
}
