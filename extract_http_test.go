package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// `briefs extract URL` twice: the second run asks conditionally (the
// reader's HTTP cache serves every command), gets 304 and prints the same
// briefs without downloading the feed again.
func TestExtractURLTwiceIsConditional(t *testing.T) {
	const feed = `<rss version="2.0"><channel><title>Harbour news</title>` +
		`<item><title>Quay reopens after repairs</title><link>https://harbour.example.org/quay</link>` +
		`<description>The quay in Valparaiso reopened on Monday after two years of repairs.</description></item></channel></rss>`
	var mu sync.Mutex
	var sent []string
	full, notModified := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		inm := r.Header.Get("If-None-Match")
		sent = append(sent, inm)
		if inm == `"quay-1"` {
			notModified++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full++
		w.Header().Set("ETag", `"quay-1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(feed))
	}))
	defer srv.Close()
	url := srv.URL + "/conditional-feed.xml"
	code1, out1, err1 := runCLI(t, "", "extract", "--format", "jsonl", url)
	code2, out2, err2 := runCLI(t, "", "extract", "--format", "jsonl", url)
	if code1 != 0 || code2 != 0 || !strings.Contains(out1, "Quay reopens after repairs") || out1 != out2 {
		t.Fatalf("first: %d %q %q\nsecond: %d %q %q", code1, out1, err1, code2, out2, err2)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(sent) != 2 || sent[0] != "" || sent[1] != `"quay-1"` || full != 1 || notModified != 1 {
		t.Errorf("If-None-Match sent %q; %d full downloads, %d answered 304", sent, full, notModified)
	}
}
