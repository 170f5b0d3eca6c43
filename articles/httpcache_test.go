package articles

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"briefs/articles/source"
)

// Two runs of a command that fetch the same URL through OpenHTTPCache:
// the second asks conditionally, gets 304 and reads the same briefs.
func TestOpenHTTPCacheConditionalSecondRun(t *testing.T) {
	const feed = `<rss version="2.0"><channel><title>Harbour news</title><item><title>Quay reopens</title><description>The quay reopened on Monday.</description></item></channel></rss>`
	var mu sync.Mutex
	var conditional []string
	full, notModified := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		inm := r.Header.Get("If-None-Match")
		conditional = append(conditional, inm)
		if inm == `"v1"` {
			notModified++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full++
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(feed))
	}))
	defer srv.Close()
	p, err := NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cache.db")
	run := func() []string {
		cache, closeCache, warns := OpenHTTPCache(path, p)
		if cache == nil {
			t.Fatalf("no cache: %v", warns)
		}
		defer func() {
			if err := closeCache(); err != nil {
				t.Error(err)
			}
		}()
		arts, warns := source.Load(context.Background(), []string{srv.URL + "/feed"}, source.Options{HTTPCache: cache})
		if len(warns) != 0 {
			t.Errorf("warnings %v", warns)
		}
		var titles []string
		for _, a := range arts {
			titles = append(titles, a.Title)
		}
		return titles
	}
	first, second := run(), run()
	if len(first) != 1 || first[0] != "Quay reopens" || len(second) != 1 || second[0] != first[0] {
		t.Errorf("first run %q, second %q", first, second)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(conditional) != 2 || conditional[0] != "" || conditional[1] != `"v1"` || full != 1 || notModified != 1 {
		t.Errorf("If-None-Match sent %q; %d full downloads, %d 304s", conditional, full, notModified)
	}
}
