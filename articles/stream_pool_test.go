package articles

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"briefs/model"
)

// TestLocalBriefsNeverWaitForURLs lists a loopback server that does not
// answer first, then a folder: every local brief is emitted while the
// server still holds its answer (before, the URL was fetched first and
// everything waited for it: 30 s for a dead host). Six such URLs on one
// host are fetched two at a time, and progress names the slow ones.
func TestLocalBriefsNeverWaitForURLs(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 5)
	release := make(chan struct{})
	var mu sync.Mutex
	inFlight, most := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		mu.Unlock()
		select {
		case <-release:
		case <-time.After(10 * time.Second): // fetched first, it would hold the local briefs this long
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
		http.Error(w, "gone", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	var specs []string
	for _, p := range []string{"/a.rss", "/b.rss", "/c.rss", "/d.rss", "/e.rss", "/f.rss"} {
		specs = append(specs, srv.URL+p)
	}
	specs = append(specs, dir)

	pipe, err := NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	opt := StreamOptions{NoCache: true, Pipeline: pipe}
	var local int
	released := false
	warns := Stream(context.Background(), specs, opt, func(b []model.Article) {
		if !released {
			local += len(b)
		}
		if local == 5 && !released {
			released = true
			close(release)
		}
	}, nil)
	if !released {
		close(release)
		t.Fatalf("only %d of 5 local briefs came before the URLs answered", local)
	}
	if most > DefaultPerHost {
		t.Errorf("%d downloads at once from one host, want at most %d", most, DefaultPerHost)
	}
	bad := 0
	for _, w := range warns {
		if strings.Contains(w.Reason, "503") {
			bad++
		}
	}
	if bad != 6 {
		t.Errorf("%d of 6 URLs reported: %v", bad, warns)
	}
}

// TestSlowFetchNamed: a download running past SlowFetch is named.
func TestSlowFetchNamed(t *testing.T) {
	s := &streamer{fetching: map[string]time.Time{}}
	now := time.Now()
	s.fetching["https://wire.example/feed.rss"] = now.Add(-12 * time.Second)
	s.fetching["https://fast.example/x"] = now.Add(-time.Second)
	got := s.slowFetches(now)
	if len(got) != 1 || got[0] != "wire.example/feed.rss (12s)" {
		t.Errorf("slow %v", got)
	}
}
