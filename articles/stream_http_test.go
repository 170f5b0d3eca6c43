package articles

import (
	"crypto/sha256"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"briefs/articles/source"
)

// feedOrigin serves an RSS feed of fictionBrief items with an ETag made
// from its content, answers If-None-Match, and counts what it sent.
type feedOrigin struct {
	mu          sync.Mutex
	items       []int // fictionBrief numbers, newest first
	full        int
	notModified int
	sent        int // body bytes sent
}

func (o *feedOrigin) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\"><channel><title>The Quenby Courier</title><link>https://courier.example/</link><description>Invented news</description>\n")
	for _, i := range o.items {
		title, body, _ := strings.Cut(fictionBrief(i), "\n\n")
		fmt.Fprintf(&b, "<item><title>%s</title><link>https://courier.example/%s/%d</link><guid>%s-%d</guid><description>%s</description></item>\n",
			html.EscapeString(title), r.URL.Path[1:], i, r.URL.Path[1:], i, html.EscapeString("<p>"+strings.ReplaceAll(body, "\n\n", "</p><p>")+"</p>"))
	}
	b.WriteString("</channel></rss>\n")
	sum := sha256.Sum256([]byte(b.String()))
	etag := fmt.Sprintf(`"%x"`, sum[:8])
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		o.notModified++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	o.full++
	o.sent += b.Len()
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, b.String())
}

func (o *feedOrigin) counts() (full, notModified int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.full, o.notModified
}

// Running Stream again over a feed URL (the reader's refresh) asks the
// server whether the feed changed: a 304 and every article from the cache;
// after a change, one download and only the new item extracted.
func TestStreamRefreshFeedConditionally(t *testing.T) {
	o := &feedOrigin{items: []int{3, 2, 1}}
	srv := httptest.NewServer(o)
	defer srv.Close()
	feed := srv.URL + "/diplomacy.rss"
	opt := StreamOptions{CachePath: filepath.Join(t.TempDir(), "cache.db"), version: "test-http"}

	first, warns, p := streamAll(t, []string{feed}, opt)
	if len(warns) != 0 || len(first) != 3 || p.Cached != 0 {
		t.Fatalf("first run: %d articles, %d cached, warnings %v", len(first), p.Cached, warns)
	}
	if len(first[0].Entities) == 0 {
		t.Errorf("first run: %q has no entities: not extracted", first[0].Title)
	}
	second, warns, p := streamAll(t, []string{feed}, opt)
	if len(warns) != 0 || p.Cached != 3 || p.Done != 3 {
		t.Fatalf("refresh: %d done, %d cached, warnings %v; want 3 and 3", p.Done, p.Cached, warns)
	}
	if full, nm := o.counts(); full != 1 || nm != 1 {
		t.Errorf("server after the refresh: %d full downloads, %d not-modified; want 1 and 1", full, nm)
	}
	sameArticles(t, second, first)

	o.mu.Lock()
	o.items = []int{4, 3, 2, 1}
	o.mu.Unlock()
	third, _, p := streamAll(t, []string{feed}, opt)
	if p.Done != 4 || p.Cached != 3 {
		t.Errorf("after a new item: %d done, %d cached; want 4 and 3", p.Done, p.Cached)
	}
	if len(third) != 4 || !strings.Contains(third[0].Title, "round 4") || len(third[0].Entities) == 0 {
		t.Errorf("the new item: %+v", third[0])
	}
	if full, nm := o.counts(); full != 2 || nm != 1 {
		t.Errorf("server after the change: %d full, %d not-modified; want 2 and 1", full, nm)
	}
}

// A feed list file's feeds are refreshed the same way, and their items
// looked up one by one.
func TestStreamRefreshFeedList(t *testing.T) {
	o := &feedOrigin{items: []int{12, 11, 10}}
	srv := httptest.NewServer(o)
	defer srv.Close()
	list := filepath.Join(t.TempDir(), "feeds.txt")
	if err := os.WriteFile(list, []byte(srv.URL+"/east.rss\n"+srv.URL+"/west.rss\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := StreamOptions{CachePath: filepath.Join(t.TempDir(), "cache.db"), version: "test-http"}
	first, warns, p := streamAll(t, []string{list}, opt)
	if len(warns) != 0 || len(first) != 6 || p.Cached != 0 {
		t.Fatalf("first run: %d articles, %d cached, warnings %v", len(first), p.Cached, warns)
	}
	second, warns, p := streamAll(t, []string{list}, opt)
	if len(warns) != 0 || p.Done != 6 || p.Cached != 6 {
		t.Fatalf("refresh: %d done, %d cached, warnings %v; want 6 and 6", p.Done, p.Cached, warns)
	}
	sameArticles(t, second, first)
	if full, nm := o.counts(); full != 2 || nm != 2 {
		t.Errorf("server: %d full downloads, %d not-modified; want 2 and 2", full, nm)
	}
}

// Without a cache every run downloads in full.
func TestStreamNoCacheDownloadsAgain(t *testing.T) {
	o := &feedOrigin{items: []int{5}}
	srv := httptest.NewServer(o)
	defer srv.Close()
	opt := StreamOptions{NoCache: true}
	for range 2 {
		if arts, warns, _ := streamAll(t, []string{srv.URL + "/x.rss"}, opt); len(arts) != 1 || len(warns) != 0 {
			t.Fatalf("%d articles, warnings %v", len(arts), warns)
		}
	}
	if full, nm := o.counts(); full != 2 || nm != 0 {
		t.Errorf("server: %d full, %d not-modified; want 2 and 0", full, nm)
	}
}

// noHTTPCache is an HTTPCache that keeps nothing: every fetch downloads.
type noHTTPCache struct{}

func (noHTTPCache) Get(string) (source.CachedResponse, bool) { return source.CachedResponse{}, false }
func (noHTTPCache) Put(string, source.CachedResponse)        {}
func (noHTTPCache) Delete(string)                            {}

// BenchmarkStreamFeedRefresh is a refresh of a 200-item feed whose articles
// are all cached: "conditional" gets a 304 and reads the stored body,
// "unconditional" downloads it again; both then parse it and find every
// article in the cache. body-bytes/op is what the server sent per refresh.
func BenchmarkStreamFeedRefresh(b *testing.B) {
	items := make([]int, 200)
	for i := range items {
		items[i] = 200 - i
	}
	for _, mode := range []string{"conditional", "unconditional"} {
		b.Run(mode, func(b *testing.B) {
			o := &feedOrigin{items: items}
			srv := httptest.NewServer(o)
			defer srv.Close()
			opt := StreamOptions{CachePath: filepath.Join(b.TempDir(), "cache.db"), version: "bench-http"}
			if mode == "unconditional" {
				opt.Source.HTTPCache = noHTTPCache{}
			}
			feed := srv.URL + "/feed.rss"
			streamAll(b, []string{feed}, opt) // cold: extract and cache
			b.ResetTimer()
			for b.Loop() {
				if _, _, p := streamAll(b, []string{feed}, opt); p.Cached != len(items) {
					b.Fatalf("%d of %d cached", p.Cached, len(items))
				}
			}
			b.StopTimer()
			full, nm := o.counts()
			o.mu.Lock()
			perDownload := o.sent / full
			o.mu.Unlock()
			b.ReportMetric(float64((full-1)*perDownload)/float64(b.N), "body-bytes/op")
			b.ReportMetric(float64(full-1)/float64(b.N), "downloads/op")
			b.ReportMetric(float64(nm)/float64(b.N), "304s/op")
		})
	}
}
