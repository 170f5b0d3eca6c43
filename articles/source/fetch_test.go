package source

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// server serves the same-article fixtures and some misbehaving routes on loopback.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	fixture := func(name, ctype string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			data, err := os.ReadFile(filepath.Join("testdata", "same", name))
			if err != nil {
				http.Error(w, err.Error(), 500)
				return
			}
			w.Header().Set("Content-Type", ctype)
			w.Write(data)
		}
	}
	mux.HandleFunc("/feed", fixture("brief.rss", "application/rss+xml"))
	mux.HandleFunc("/atom", fixture("brief.atom", "application/atom+xml"))
	mux.HandleFunc("/story", fixture("brief.html", "text/html; charset=utf-8"))
	mux.HandleFunc("/ua", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "Agent\n\n%s\n", r.UserAgent())
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("Big\n\n"))
		w.Write([]byte(strings.Repeat("word ", 1000)))
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/story", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchFormats(t *testing.T) {
	srv := server(t)
	for _, p := range []string{"/feed", "/atom", "/story", "/redirect"} {
		arts, warns := Load(context.Background(), []string{srv.URL + p}, Options{})
		if len(warns) != 0 || len(arts) != 1 {
			t.Errorf("%s: %d articles, warnings %v", p, len(arts), warns)
			continue
		}
		a := arts[0]
		if a.Title != sameTitle || a.Body != sameBody || a.Source != srv.URL+p {
			t.Errorf("%s: source %q title %q body %q", p, a.Source, a.Title, a.Body)
		}
	}
}

func TestFetchUserAgent(t *testing.T) {
	srv := server(t)
	arts, _ := Load(context.Background(), []string{srv.URL + "/ua"}, Options{})
	if len(arts) != 1 || arts[0].Body != DefaultUserAgent {
		t.Fatalf("default agent: %+v", arts)
	}
	arts, _ = Load(context.Background(), []string{srv.URL + "/ua"}, Options{UserAgent: "tester/1"})
	if len(arts) != 1 || arts[0].Body != "tester/1" {
		t.Errorf("custom agent: %+v", arts)
	}
}

func TestFetchFailures(t *testing.T) {
	srv := server(t)
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	tests := []struct {
		url  string
		opt  Options
		want string
	}{
		{srv.URL + "/missing", Options{}, "HTTP 404"},
		{srv.URL + "/big", Options{MaxFileSize: 1000}, "size limit"},
		{srv.URL + "/loop", Options{}, "stopped after 10 redirects"},
		{srv.URL + "/to-file", Options{}, `refused a redirect to a "file" URL`},
		{srv.URL + "/slow", Options{Timeout: 100 * time.Millisecond}, "timed out"},
		{closedURL + "/gone", Options{}, "refused"},
	}
	for _, tt := range tests {
		arts, warns := Load(context.Background(), []string{tt.url, srv.URL + "/feed"}, tt.opt)
		if len(arts) != 1 {
			t.Errorf("%s: the good URL after it gave %d articles", tt.url, len(arts))
		}
		if len(warns) != 1 || warns[0].Source != tt.url || !strings.Contains(warns[0].Reason, tt.want) {
			t.Errorf("%s: warnings %v, want one saying %q", tt.url, warns, tt.want)
		}
	}
}

func TestFetchRefusesOtherSchemes(t *testing.T) {
	if _, err := Fetch(context.Background(), "ftp://example.org/x", Options{}); err == nil || !strings.Contains(err.Error(), "not an http") {
		t.Errorf("ftp: %v", err)
	}
}

func TestFetchCancelled(t *testing.T) {
	srv := server(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	_, err := Fetch(ctx, srv.URL+"/slow", Options{})
	if err == nil {
		t.Fatal("a cancelled fetch succeeded")
	}
}

func TestFeedListFiles(t *testing.T) {
	srv := server(t)
	dir := t.TempDir()
	opml := `<?xml version="1.0"?>
<opml version="2.0"><head><title>Subscriptions</title></head><body>
<outline text="News"><outline type="rss" text="Ledger" xmlUrl="` + srv.URL + `/feed"/></outline>
<outline type="rss" text="Atom" xmlUrl="` + srv.URL + `/atom"/>
</body></opml>`
	writeFiles(t, dir, map[string]string{
		"feeds.txt": "# followed feeds\n" + srv.URL + "/feed\n\n" + srv.URL + "/missing\n",
		"subs.opml": opml,
	})
	arts, warns := Load(context.Background(), []string{filepath.Join(dir, "feeds.txt"), filepath.Join(dir, "subs.opml")}, Options{})
	if len(arts) != 3 {
		t.Errorf("%d articles, want 3", len(arts))
	}
	for _, a := range arts {
		if a.Title != sameTitle || !strings.HasPrefix(a.Source, srv.URL) {
			t.Errorf("article %q from %q", a.Title, a.Source)
		}
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Source, "/missing") {
		t.Errorf("warnings %v", warns)
	}
}
