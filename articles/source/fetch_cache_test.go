package source

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// memCache is an HTTPCache in a map, counting its calls.
type memCache struct {
	mu      sync.Mutex
	m       map[string]CachedResponse
	puts    int
	deletes int
}

func newMemCache() *memCache { return &memCache{m: map[string]CachedResponse{}} }

func (c *memCache) Get(url string) (CachedResponse, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[url]
	return r, ok
}

func (c *memCache) Put(url string, r CachedResponse) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[url] = r
	c.puts++
}

func (c *memCache) Delete(url string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, url)
	c.deletes++
}

// origin is a server of one document whose body, validators and
// Cache-Control a test changes; it answers conditional requests as a real
// server does and counts full downloads and 304s.
type origin struct {
	mu           sync.Mutex
	body         string
	etag         string
	lastModified string
	cacheControl string
	full         int // 200 answers
	notModified  int // 304 answers
	ifNoneMatch  string
	ifModSince   string
}

func (o *origin) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.ifNoneMatch, o.ifModSince = r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
	if o.cacheControl != "" {
		w.Header().Set("Cache-Control", o.cacheControl)
	}
	if o.etag != "" {
		w.Header().Set("ETag", o.etag)
	}
	if o.lastModified != "" {
		w.Header().Set("Last-Modified", o.lastModified)
	}
	match := o.ifNoneMatch != "" && o.ifNoneMatch == o.etag
	if o.ifNoneMatch == "" && o.ifModSince != "" && o.ifModSince == o.lastModified {
		match = true
	}
	if match {
		o.notModified++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	o.full++
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprint(w, o.body)
}

func (o *origin) set(fn func(o *origin)) {
	o.mu.Lock()
	fn(o)
	o.mu.Unlock()
}

func (o *origin) counts() (full, notModified int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.full, o.notModified
}

func (o *origin) conditions() (ifNoneMatch, ifModSince string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.ifNoneMatch, o.ifModSince
}

func serve(t *testing.T, o *origin) string {
	t.Helper()
	srv := httptest.NewServer(o)
	t.Cleanup(srv.Close)
	return srv.URL + "/brief"
}

func fetchBody(t *testing.T, u string, opt Options) string {
	t.Helper()
	data, err := Fetch(context.Background(), u, opt)
	if err != nil {
		t.Fatalf("fetch: %v", err)
	}
	return string(data)
}

const cachedBrief = "Harbour talks resume in Quenby\n\nEnvoys of the Harbour League met again on Tuesday.\n"

func TestFetchConditionalETag(t *testing.T) {
	o := &origin{body: cachedBrief, etag: `"v1"`}
	u := serve(t, o)
	cache := newMemCache()
	opt := Options{HTTPCache: cache}

	if got := fetchBody(t, u, opt); got != cachedBrief {
		t.Fatalf("first fetch: %q", got)
	}
	if inm, _ := o.conditions(); inm != "" {
		t.Errorf("first fetch sent If-None-Match %q with an empty cache", inm)
	}
	c, ok := cache.Get(u)
	if !ok || c.ETag != `"v1"` || string(c.Body) != cachedBrief || c.Fetched.IsZero() {
		t.Fatalf("after the first fetch the cache holds %+v, %v", c, ok)
	}

	if got := fetchBody(t, u, opt); got != cachedBrief {
		t.Fatalf("second fetch: %q", got)
	}
	if inm, _ := o.conditions(); inm != `"v1"` {
		t.Errorf("second fetch sent If-None-Match %q, want the stored ETag", inm)
	}
	if full, nm := o.counts(); full != 1 || nm != 1 {
		t.Errorf("server: %d full downloads, %d not-modified; want 1 and 1", full, nm)
	}
	if cache.puts != 1 {
		t.Errorf("%d writes to the cache, want 1 (a 304 with the same validators writes nothing)", cache.puts)
	}

	// New content, new ETag: downloaded and stored.
	changed := cachedBrief + "\nA second round is planned for May.\n"
	o.set(func(o *origin) { o.body, o.etag = changed, `"v2"` })
	if got := fetchBody(t, u, opt); got != changed {
		t.Fatalf("after a change: %q", got)
	}
	if c, _ := cache.Get(u); c.ETag != `"v2"` || string(c.Body) != changed {
		t.Errorf("after a change the cache holds %q %q", c.ETag, c.Body)
	}
	if full, _ := o.counts(); full != 2 {
		t.Errorf("server: %d full downloads, want 2", full)
	}
}

func TestFetchConditionalLastModified(t *testing.T) {
	lm := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC).Format(http.TimeFormat)
	o := &origin{body: cachedBrief, lastModified: lm}
	u := serve(t, o)
	opt := Options{HTTPCache: newMemCache()}
	fetchBody(t, u, opt)
	if got := fetchBody(t, u, opt); got != cachedBrief {
		t.Fatalf("second fetch: %q", got)
	}
	if inm, ims := o.conditions(); inm != "" || ims != lm {
		t.Errorf("sent If-None-Match %q, If-Modified-Since %q; want only %q", inm, ims, lm)
	}
	if full, nm := o.counts(); full != 1 || nm != 1 {
		t.Errorf("server: %d full, %d not-modified", full, nm)
	}
}

func TestFetchWithoutValidatorsAlwaysDownloads(t *testing.T) {
	o := &origin{body: cachedBrief}
	u := serve(t, o)
	cache := newMemCache()
	opt := Options{HTTPCache: cache}
	for range 3 {
		if got := fetchBody(t, u, opt); got != cachedBrief {
			t.Fatalf("fetch: %q", got)
		}
	}
	if full, nm := o.counts(); full != 3 || nm != 0 {
		t.Errorf("server: %d full, %d not-modified; want 3 and 0", full, nm)
	}
	if _, ok := cache.Get(u); ok || cache.puts != 0 {
		t.Errorf("a response without validators was stored (%d puts)", cache.puts)
	}
}

func TestFetchNoStore(t *testing.T) {
	o := &origin{body: cachedBrief, etag: `"v1"`}
	u := serve(t, o)
	cache := newMemCache()
	opt := Options{HTTPCache: cache}
	fetchBody(t, u, opt)
	if _, ok := cache.Get(u); !ok {
		t.Fatal("not stored before no-store")
	}
	// The server now forbids storing: the next answer (a full one, the
	// content changed) is not stored and the old entry goes.
	o.set(func(o *origin) { o.body, o.etag, o.cacheControl = cachedBrief+"\nMore.\n", `"v2"`, "private, No-Store" })
	fetchBody(t, u, opt)
	if _, ok := cache.Get(u); ok {
		t.Error("a no-store response left an entry")
	}
	fetchBody(t, u, opt)
	if inm, _ := o.conditions(); inm != "" {
		t.Errorf("sent If-None-Match %q after no-store", inm)
	}
	if full, _ := o.counts(); full != 3 {
		t.Errorf("server: %d full downloads, want 3", full)
	}
	// no-store on a 304 drops the entry too, but the body is still served.
	o.set(func(o *origin) { o.cacheControl = "" })
	fetchBody(t, u, opt)
	o.set(func(o *origin) { o.cacheControl = "no-store" })
	if got := fetchBody(t, u, opt); !strings.HasSuffix(got, "More.\n") {
		t.Errorf("304 with no-store served %q", got)
	}
	if _, nm := o.counts(); nm != 1 {
		t.Errorf("%d not-modified answers, want 1", nm)
	}
	if _, ok := cache.Get(u); ok {
		t.Error("a no-store 304 left the entry")
	}
}

func TestFetchUnusableEntryDownloads(t *testing.T) {
	o := &origin{body: cachedBrief, etag: `"v1"`}
	u := serve(t, o)
	for _, tc := range []struct {
		name  string
		entry CachedResponse
	}{
		{"no body", CachedResponse{ETag: `"v1"`}},
		{"no validator", CachedResponse{Body: []byte("stale")}},
		{"over the size limit", CachedResponse{ETag: `"v1"`, Body: []byte(strings.Repeat("x", 5000))}},
	} {
		cache := newMemCache()
		cache.Put(u, tc.entry)
		got := fetchBody(t, u, Options{HTTPCache: cache, MaxFileSize: 4096})
		if got != cachedBrief {
			t.Errorf("%s: got %q", tc.name, got)
		}
		if inm, _ := o.conditions(); inm != "" {
			t.Errorf("%s: sent If-None-Match %q", tc.name, inm)
		}
		if c, _ := cache.Get(u); string(c.Body) != cachedBrief || c.ETag != `"v1"` {
			t.Errorf("%s: entry not replaced: %+v", tc.name, c)
		}
	}
}

// A 304 that names new validators updates the entry without a download.
func TestFetchNotModifiedUpdatesValidators(t *testing.T) {
	cache := newMemCache()
	full := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") != "" {
			w.Header().Set("ETag", `"v1b"`)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full++
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, cachedBrief)
	}))
	defer srv.Close()
	opt := Options{HTTPCache: cache}
	fetchBody(t, srv.URL, opt)
	if got := fetchBody(t, srv.URL, opt); got != cachedBrief {
		t.Fatalf("304: %q", got)
	}
	if c, _ := cache.Get(srv.URL); c.ETag != `"v1b"` || string(c.Body) != cachedBrief || full != 1 {
		t.Errorf("entry %q %q after %d downloads", c.ETag, c.Body, full)
	}
}

// A 304 to a request that was not conditional is an error, as before.
func TestFetchUnaskedNotModified(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotModified)
	}))
	defer srv.Close()
	if _, err := Fetch(context.Background(), srv.URL, Options{HTTPCache: newMemCache()}); err == nil || !strings.Contains(err.Error(), "304") {
		t.Errorf("err = %v, want an HTTP 304 error", err)
	}
}

// Load reads a cached download as it reads a fresh one.
func TestLoadThroughHTTPCache(t *testing.T) {
	o := &origin{body: cachedBrief, etag: `"v1"`}
	u := serve(t, o)
	opt := Options{HTTPCache: newMemCache()}
	first, w1 := Load(context.Background(), []string{u}, opt)
	second, w2 := Load(context.Background(), []string{u}, opt)
	if len(w1)+len(w2) != 0 || len(first) != 1 || len(second) != 1 {
		t.Fatalf("articles %d, %d; warnings %v %v", len(first), len(second), w1, w2)
	}
	if first[0].Title != second[0].Title || first[0].Body != second[0].Body || first[0].Title != "Harbour talks resume in Quenby" {
		t.Errorf("first %q / %q, second %q / %q", first[0].Title, first[0].Body, second[0].Title, second[0].Body)
	}
	if full, nm := o.counts(); full != 1 || nm != 1 {
		t.Errorf("server: %d full, %d not-modified", full, nm)
	}
}

func TestHasDirective(t *testing.T) {
	for _, tc := range []struct {
		values []string
		want   bool
	}{
		{[]string{"no-store"}, true},
		{[]string{"max-age=60, NO-STORE"}, true},
		{[]string{"public", "no-store"}, true},
		{[]string{"no-cache"}, false},
		{[]string{`private="no-store"`}, false},
		{nil, false},
	} {
		if got := hasDirective(tc.values, "no-store"); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.values, got, tc.want)
		}
	}
}
