package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/ui/internal/testbriefs"
	"briefs/ui/search"
)

func TestProgressLineWhileLoading(t *testing.T) {
	a := sized(t, 80, 24, nil)
	a.ld.loading = true
	// while files are being found the total grows with the count: no bar,
	// no time left (it said 99% and 0s for minutes: issue 20, defect 13)
	for i, total := range []int{120, 400, 800, 1000} {
		a, _ = step(t, a, ProgressMsg{Progress: articles.Progress{Done: 100 * (i + 1), Total: total, Rate: 500, ETA: 500 * time.Millisecond}})
		if s := screen(a); strings.Contains(s, "█") || strings.Contains(s, "left") || !strings.Contains(s, "finding files") {
			t.Fatalf("a growing total shows a bar or a time left:\n%s", s)
		}
	}
	for range steadyReports {
		a, _ = step(t, a, ProgressMsg{Progress: articles.Progress{Done: 250, Total: 1000, Rate: 500, ETA: 1500 * time.Millisecond}})
	}
	if s := screen(a); !strings.Contains(s, "Loading briefs: 250 of ~1000 · 500/s · 2s left") || !strings.Contains(s, "█████░") {
		t.Fatalf("no progress line while loading:\n%s", s)
	}
	a, _ = step(t, a, ArticlesMsg{Articles: testbriefs.MustLoad(t)[:2]})
	a, _ = step(t, a, ProgressMsg{Progress: articles.Progress{Done: 2, Total: 2, Final: true}})
	s := screen(a)
	if strings.Contains(s, "Loading briefs") {
		t.Fatalf("progress line stays after the load ended:\n%s", s)
	}
	if !strings.Contains(s, testbriefs.MustLoad(t)[0].Title[:20]) {
		t.Fatalf("arrived briefs not listed:\n%s", s)
	}
	if lines := strings.Count(s, "\n") + 1; lines > 24 {
		t.Fatalf("view is %d lines in a 24-line terminal", lines)
	}
}

func TestWarningsCountAndView(t *testing.T) {
	a := sized(t, 80, 24, testbriefs.MustLoad(t))
	a, _ = keys(t, a, "w") // no warnings: w says so
	if a.showWarnings || !strings.Contains(screen(a), "No warnings") {
		t.Fatalf("w with no warnings:\n%s", screen(a))
	}
	a, _ = step(t, a, WarningsMsg{Warnings: []string{"bad.json: malformed JSON at line 2, column 1", "bin.dat: binary file"}})
	s := screen(a)
	if !strings.Contains(s, "2 sources skipped (w: why)") {
		t.Fatalf("no warning count under the list:\n%s", s)
	}
	a, _ = keys(t, a, "w")
	s = screen(a)
	if !strings.Contains(s, "2 sources could not be read") || !strings.Contains(s, "bin.dat: binary file") || !strings.Contains(s, "line 2, column 1") {
		t.Fatalf("warnings view lacks the warnings:\n%s", s)
	}
	a, _ = keys(t, a, "esc")
	if a.showWarnings || !strings.Contains(screen(a), testbriefs.MustLoad(t)[0].Title[:20]) {
		t.Fatalf("esc did not go back to the list:\n%s", screen(a))
	}
}

// A long warnings view scrolls, says how much is below, and its help bar
// offers its own keys (issue 20, defect 4).
func TestWarningsViewScrolls(t *testing.T) {
	a := sized(t, 80, 24, testbriefs.MustLoad(t))
	var ws []string
	for i := range 268 {
		ws = append(ws, fmt.Sprintf("folder/brief-%03d.txt: not a brief", i))
	}
	a, _ = step(t, a, WarningsMsg{Warnings: ws})
	a, _ = keys(t, a, "w")
	s := screen(a)
	if !strings.Contains(s, "brief-000.txt") || !strings.Contains(s, "more lines") || !strings.Contains(s, "j/↓ scroll") || strings.Contains(s, "/ filter") {
		t.Fatalf("the warnings view's first page:\n%s", s)
	}
	for range 300 {
		a, _ = keys(t, a, "j")
	}
	s = screen(a)
	if !strings.Contains(s, "brief-267.txt") || strings.Contains(s, "brief-000.txt") || strings.Contains(s, "more lines") {
		t.Fatalf("the warnings view scrolled to its end:\n%s", s)
	}
	if n := strings.Count(s, "\n") + 1; n != 24 {
		t.Fatalf("%d lines on a 24-line screen", n)
	}
	a, _ = keys(t, a, "b")
	if s := screen(a); strings.Contains(s, "brief-267.txt") {
		t.Fatalf("b did not page up:\n%s", s)
	}
}

// runLoad runs one load to its end and returns its searcher and its last message.
func runLoad(t *testing.T, load Loader) (search.Searcher, LoadedMsg) {
	t.Helper()
	ch := make(chan tea.Msg, 64)
	go func() {
		defer close(ch)
		load(context.Background(), ch)
	}()
	var s search.Searcher
	var done LoadedMsg
	for m := range ch {
		switch m := m.(type) {
		case SearcherMsg:
			s = m.Searcher
		case LoadedMsg:
			done = m
		case archiveMsg: // the App would close it at the end of the session
			t.Cleanup(func() { m.ar.Close() })
		}
	}
	if s == nil {
		t.Fatal("no searcher")
	}
	return s, done
}

func TestStreamLoaderKeepsAnIndexSnapshot(t *testing.T) {
	dir := t.TempDir()
	briefs := filepath.Join(dir, "briefs")
	if err := os.CopyFS(briefs, os.DirFS(testbriefs.Dir())); err != nil {
		t.Fatal(err)
	}
	opt := articles.StreamOptions{CachePath: filepath.Join(dir, "cache", "cache.db")}
	query := func(s search.Searcher) []string {
		res, err := s.Search("minister", 0)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ArticleID)
		}
		return ids
	}

	s1, done := runLoad(t, StreamLoader([]string{briefs}, opt))
	if len(done.Warnings) != 0 {
		t.Fatalf("first start warns: %v", done.Warnings)
	}
	snaps, _ := filepath.Glob(filepath.Join(dir, "cache", "index-*.bin"))
	if len(snaps) != 1 {
		t.Fatalf("snapshots after the first start: %v", snaps)
	}
	before, err := os.Stat(snaps[0])
	if err != nil {
		t.Fatal(err)
	}
	want := query(s1)
	if len(want) == 0 {
		t.Fatal("the query finds nothing: the test proves nothing")
	}

	// a second start reads the snapshot back: same answers, the file not
	// written again (a save renames a new file over it)
	s2, _ := runLoad(t, StreamLoader([]string{briefs}, opt))
	if got := query(s2); !slices.Equal(got, want) {
		t.Errorf("second start: %v, want %v", got, want)
	}
	after, err := os.Stat(snaps[0])
	if err != nil || !os.SameFile(before, after) {
		t.Errorf("the snapshot was written again on a start that matched it (%v)", err)
	}

	// a damaged snapshot is rebuilt, not fatal
	if err := os.WriteFile(snaps[0], []byte("BRIEFSIX garbage, not a snapshot"), 0o644); err != nil {
		t.Fatal(err)
	}
	s3, done := runLoad(t, StreamLoader([]string{briefs}, opt))
	if got := query(s3); !slices.Equal(got, want) || len(done.Warnings) != 0 {
		t.Errorf("over a damaged snapshot: %v (warnings %v), want %v", got, done.Warnings, want)
	}
	if info, err := os.Stat(snaps[0]); err != nil || info.Size() != before.Size() {
		t.Errorf("the damaged snapshot was not rewritten")
	}
}

// Messages waiting while the list was busy are taken in one step, in
// order: runs of briefs merged into one addition, runs of progress reports
// down to the last, everything else kept where it was.
func TestCoalesceWaitingMessages(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	ch := make(chan tea.Msg, 16)
	ch <- ProgressMsg{Progress: articles.Progress{Done: 1}}
	ch <- ArticlesMsg{Articles: arts[1:3]}
	ch <- ProgressMsg{Progress: articles.Progress{Done: 2}}
	ch <- ProgressMsg{Progress: articles.Progress{Done: 3}}
	ch <- LoadedMsg{Note: "end"}
	ch <- ArticlesMsg{Articles: arts[3:4]}
	first := arts[:1:1]
	msgs, done := coalesce(ArticlesMsg{Articles: first}, ch)
	if done || len(msgs) != 4 {
		t.Fatalf("got %d messages (done %v): %#v", len(msgs), done, msgs)
	}
	got, ok := msgs[0].(ArticlesMsg)
	if !ok || len(got.Articles) != 3 || got.Articles[0].ID != arts[0].ID || got.Articles[2].ID != arts[2].ID {
		t.Errorf("first message: %#v", msgs[0])
	}
	if p, ok := msgs[1].(ProgressMsg); !ok || p.Progress.Done != 3 {
		t.Errorf("second message: want the last progress report, got %#v", msgs[1])
	}
	if l, ok := msgs[2].(LoadedMsg); !ok || l.Note != "end" {
		t.Errorf("third message: %#v", msgs[2])
	}
	if a, ok := msgs[3].(ArticlesMsg); !ok || len(a.Articles) != 1 {
		t.Errorf("fourth message: %#v", msgs[3])
	}
	if len(first) != 1 || len(arts) < 4 {
		t.Fatal("the loader's slices changed")
	}
	close(ch)
	if _, done := coalesce(ProgressMsg{}, ch); !done {
		t.Error("a closed channel is not reported")
	}
}

// A load that ends says how many briefs it brought and that search is ready.
func TestLoadedSaysHowLong(t *testing.T) {
	a := sized(t, 80, 24, nil)
	a.ld.loading = true
	a.ld.start = time.Now().Add(-1500 * time.Millisecond)
	a, _ = step(t, a, ArticlesMsg{Articles: testbriefs.MustLoad(t)[:2]})
	a, _ = step(t, a, ProgressMsg{Progress: articles.Progress{Done: 2, Total: 2, Final: true}})
	a, _ = step(t, a, LoadedMsg{})
	// The time shown lies between the 1.5 s the load had run when the test
	// began and what it has run now (a busy machine adds to it).
	upper := time.Since(a.ld.start)
	s := screen(a)
	var shown time.Duration
	for _, f := range strings.Fields(s) {
		if d, err := time.ParseDuration(strings.TrimSuffix(f, ";")); err == nil && strings.HasSuffix(f, "s;") {
			shown = d
		}
	}
	if !strings.Contains(s, "Loaded 2 briefs in ") || !strings.Contains(s, "; search ready.") ||
		shown < 1500*time.Millisecond || shown > upper.Round(100*time.Millisecond) {
		t.Fatalf("no load time between 1.5s and %s shown:\n%s", upper, s)
	}
}

// Problems on the status line are drawn in the warning colour; news (a load
// that ended, a copy made) in the quiet status colour.
func TestStatusColours(t *testing.T) {
	a := sized(t, 80, 24, testbriefs.MustLoad(t))
	a.say("Loaded 11 briefs in 85ms; search ready.")
	if c := a.chrome(); !strings.Contains(c, a.st.Status.Render("Loaded 11 briefs in 85ms; search ready.")) {
		t.Errorf("news not in the status style:\n%q", c)
	}
	a.warn("That brief is not in the list.")
	if c := a.chrome(); !strings.Contains(c, a.st.Warning.Render("That brief is not in the list.")) {
		t.Errorf("a problem not in the warning style:\n%q", c)
	}
	if a.st.Status.Render("x") == a.st.Warning.Render("x") {
		t.Fatal("the status and warning styles look the same")
	}
}

// A load of some sources only (onlyKey: a feed fetched from the feeds
// view) reads those and adds to the index the last load built, which
// still finds the other sources' briefs; it writes no snapshot.
func TestStreamLoaderLoadsSomeSourcesOnly(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if err := os.CopyFS(a, os.DirFS(testbriefs.Dir())); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(b, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(b, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("one.txt", "Ferry crews in Valletta end their strike\n\nThe crews went back to work on Tuesday after a week ashore.")
	load := StreamLoader([]string{a, b}, articles.StreamOptions{CachePath: filepath.Join(dir, "cache", "cache.db")})
	hits := func(s search.Searcher, q string) int {
		res, err := s.Search(q, 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Hits)
	}
	s1, _ := runLoad(t, load)
	minister := hits(s1, "minister")
	if minister == 0 || hits(s1, "ferry") != 1 {
		t.Fatalf("first load: minister %d, ferry %d", minister, hits(s1, "ferry"))
	}
	snaps, _ := filepath.Glob(filepath.Join(dir, "cache", "index-*.bin"))
	write("two.txt", "Ferry owners ask the port for new berths\n\nThe owners wrote to the port authority on Wednesday.")
	ctx := context.WithValue(context.Background(), onlyKey{}, []string{b})
	ch := make(chan tea.Msg, 64)
	go func() {
		defer close(ch)
		load(ctx, ch)
	}()
	var got []string
	var s2 search.Searcher
	for m := range ch {
		switch m := m.(type) {
		case ArticlesMsg:
			for _, art := range m.Articles {
				got = append(got, art.Title)
			}
		case SearcherMsg:
			s2 = m.Searcher
		}
	}
	slices.Sort(got)
	if want := []string{"Ferry crews in Valletta end their strike", "Ferry owners ask the port for new berths"}; !slices.Equal(got, want) {
		t.Fatalf("the load of b delivered %q, want %q", got, want)
	}
	if s2 != s1 || hits(s2, "minister") != minister || hits(s2, "ferry") != 2 {
		t.Fatalf("after the load of b: same index %v, minister %d (want %d), ferry %d (want 2)", s2 == s1, hits(s2, "minister"), minister, hits(s2, "ferry"))
	}
	if after, _ := filepath.Glob(filepath.Join(dir, "cache", "index-*.bin")); !slices.Equal(after, snaps) {
		t.Fatalf("snapshots %v, then %v", snaps, after)
	}
}
