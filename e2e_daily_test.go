package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestEndToEndFindInBrief opens the seed in tmux, types /Lavrov and enter,
// then n: the status line counts "match 2 of N" and the reader scrolls to
// each match; esc clears the find and the reader stays open (issue 23).
func TestEndToEndFindInBrief(t *testing.T) {
	bin := buildForE2E(t)
	s, _ := startBriefs(t, bin, "find")
	s.keys("Enter")
	s.waitText("The US ambassador however added")
	s.keys("/")
	s.keys("-l", "Lavrov")
	s.waitText("/Lavrov")
	s.keys("Enter")
	first := s.waitText("match 1 of")
	total := regexp.MustCompile(`match 1 of (\d+) for Lavrov`).FindStringSubmatch(first)
	if total == nil || total[1] == "1" {
		t.Fatalf("want several matches of Lavrov in the seed:\n%s", first)
	}
	s.keys("n")
	s.waitText("match 2 of " + total[1] + " for Lavrov")
	s.keys("N")
	s.waitText("match 1 of " + total[1])
	s.keys("N")
	s.waitText("match " + total[1] + " of " + total[1]) // wraps to the last
	s.keys("Escape")
	scr := s.waitFor("the find cleared", func(scr string) bool { return !strings.Contains(scr, "for Lavrov") })
	if !strings.Contains(scr, "esc back") {
		t.Fatalf("esc with a find left the reader:\n%s", scr)
	}
	s.keys("q")
	s.waitText("EXIT=0")
}

// TestEndToEndMarks reads the header's count of unread briefs, presses A:
// every brief is read ("0 unread"); N marks the selected one unread again
// (issue 23).
func TestEndToEndMarks(t *testing.T) {
	bin := buildForE2E(t)
	s, list := startBriefs(t, bin, "marks")
	m := regexp.MustCompile(`(\d+) briefs, (\d+) unread`).FindStringSubmatch(list)
	if m == nil || m[2] == "0" {
		t.Fatalf("the header does not count unread briefs:\n%s", list)
	}
	s.keys("A")
	s.waitText(m[1] + " briefs, 0 unread")
	s.keys("N")
	s.waitText(m[1] + " briefs, 1 unread")
	s.keys("q")
	s.waitText("EXIT=0")
}

// TestEndToEndWatchlistAlert: a loopback feed server, a watchlist saved
// with briefs watch add, and a reader with reload_every = "1s". The server
// gains an item that names the IAEA: without a key pressed, the status line
// announces it and the watchlists' line counts it; W shows it alone, A
// marks it read and the count changes (issue 23).
func TestEndToEndWatchlistAlert(t *testing.T) {
	bin := buildForE2E(t)
	var mu sync.Mutex
	items := []string{feedItem("Harbour pilots in Quenby agree on new rules",
		"The harbour commission of Quenby agreed on Friday to new rules for its pilots after a month of talks.", 1)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Cache-Control", "no-cache")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Quenby Desk</title><link>%s</link>%s</channel></rss>`, "http://"+r.Host+"/", strings.Join(items, ""))
	}))
	defer srv.Close()

	dir := filepath.Dir(bin)
	xdgDir := filepath.Join(dir, "xdg")
	cfg := filepath.Join(xdgDir, "config", "briefs", "config.toml")
	os.MkdirAll(filepath.Dir(cfg), 0o700)
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("feeds = [%q]\nreload_every = \"1s\"\n", srv.URL+"/feed.xml")), 0o600); err != nil {
		t.Fatal(err)
	}
	env := "XDG_CACHE_HOME=" + xdgDir + "/cache XDG_DATA_HOME=" + xdgDir + "/data XDG_CONFIG_HOME=" + xdgDir + "/config"
	s := tmuxSession{t: t, socket: fmt.Sprintf("daily-watch-%d", os.Getpid())}
	s.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "-c", dir, "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.keys(env+" ./briefs watch add Atom IAEA && "+env+" ./briefs; echo EXIT=$?", "Enter")
	s.waitText("Harbour pilots in Quenby")
	s.waitText("Watchlists (W): Atom 0")

	mu.Lock()
	items = append(items, feedItem("Inspectors of the IAEA return to the Quenby reactor",
		"A team from the International Atomic Energy Agency (IAEA) arrived in Quenby on Monday to inspect the reactor, the harbour commission said.", 2))
	mu.Unlock()
	start := time.Now()
	scr := s.waitText("Watchlist Atom: 1 new brief")
	t.Logf("the alert showed %v after the feed gained the item, no key pressed", time.Since(start).Round(100*time.Millisecond))
	if !strings.Contains(scr, "Atom 1 (1 unread)") || !strings.Contains(scr, "Inspectors of the IAEA") {
		t.Fatalf("the alert without the count or the brief:\n%s", scr)
	}
	s.keys("W")
	s.waitFor("the list showing the watchlist", func(scr string) bool {
		return strings.Contains(scr, "watch: Atom") && strings.Contains(scr, "Inspectors of the IAEA") && !strings.Contains(scr, "Harbour pilots in Quenby")
	})
	s.keys("A")
	s.waitFor("the count without unread", func(scr string) bool {
		return strings.Contains(scr, "▸Atom 1") && !strings.Contains(scr, "Atom 1 (1 unread)")
	})
	s.keys("q")
	s.waitText("EXIT=0")
}

// feedItem is an RSS item published n days after 1 June 2026.
func feedItem(title, body string, n int) string {
	day := time.Date(2026, 6, 1+n, 9, 0, 0, 0, time.UTC).Format(time.RFC1123Z)
	return fmt.Sprintf("<item><title>%s</title><link>http://quenby.example/%d</link><guid>q-%d</guid><pubDate>%s</pubDate><description>%s</description></item>", title, n, n, day, body)
}

// TestEndToEndFetchOneFeed: two loopback feeds; the second gains an item;
// in the feeds view f on it fetches that feed alone (the server sees no
// request for the first), the new brief joins and the first feed's stay.
// The item's <a href> is numbered in the links view (issue 23).
func TestEndToEndFetchOneFeed(t *testing.T) {
	bin := buildForE2E(t)
	var mu sync.Mutex
	items := map[string][]string{
		"/a.xml": {feedItem("Quenby ferry timetable changes for the summer", "Ferries to the islands leave an hour earlier from June, the operator said.", 1)},
		"/b.xml": {feedItem("Harbour commission meets on Friday", "The commission of Quenby meets on Friday to discuss pilot rules.", 2)},
	}
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		hits[r.URL.Path]++
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Cache-Control", "no-cache")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk %s</title><link>%s</link>%s</channel></rss>`, r.URL.Path, "http://"+r.Host+"/", strings.Join(items[r.URL.Path], ""))
	}))
	defer srv.Close()

	dir := filepath.Dir(bin)
	xdgDir := filepath.Join(dir, "xdg")
	cfg := filepath.Join(xdgDir, "config", "briefs", "config.toml")
	os.MkdirAll(filepath.Dir(cfg), 0o700)
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("feeds = [%q, %q]\n", srv.URL+"/a.xml", srv.URL+"/b.xml")), 0o600); err != nil {
		t.Fatal(err)
	}
	env := "XDG_CACHE_HOME=" + xdgDir + "/cache XDG_DATA_HOME=" + xdgDir + "/data XDG_CONFIG_HOME=" + xdgDir + "/config"
	s := tmuxSession{t: t, socket: fmt.Sprintf("daily-fetch-%d", os.Getpid())}
	s.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "-c", dir, "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.keys(env+" ./briefs; echo EXIT=$?", "Enter")
	s.waitText("Quenby ferry timetable")
	s.waitText("Harbour commission meets")
	s.waitText("search ready")

	mu.Lock()
	items["/b.xml"] = append(items["/b.xml"], feedItem("Pilots accept the new harbour rules",
		`<p>The pilots of Quenby voted for the rules on Monday; <a href="https://quenby.example/rules.pdf">the rules</a> take effect in July.</p>`, 3))
	before := hits["/a.xml"]
	mu.Unlock()
	s.keys("F")
	s.waitText("/b.xml")
	s.keys("j", "f")
	s.waitText("1 new brief.")
	mu.Lock()
	again := hits["/a.xml"] - before
	mu.Unlock()
	if again != 0 {
		t.Fatalf("f on the second feed fetched the first %d times", again)
	}
	s.keys("Escape")
	scr := s.waitFor("the list with the new brief", func(scr string) bool {
		return !strings.Contains(scr, "Feeds of") && strings.Contains(scr, "Pilots accept the new harbour rules")
	})
	if !strings.Contains(scr, "Quenby ferry timetable") || !strings.Contains(scr, "3 briefs") {
		t.Fatalf("after fetching one feed the list lost the other's briefs:\n%s", scr)
	}
	s.selectUntil("j", "│ Pilots accept the new harbour rules")
	s.keys("L")
	s.waitText("https://quenby.example/rules.pdf  linked")
	s.keys("Escape")
	s.waitFor("the list again", func(scr string) bool { return !strings.Contains(scr, "Links of") })
	s.keys("q")
	s.waitText("EXIT=0")
}
