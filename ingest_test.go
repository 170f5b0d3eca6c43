package main

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"briefs/model"
	"briefs/ui"
	"briefs/ui/search"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"briefs/articles/pgarchive"
	"briefs/articles/pgarchive/pgtest"
)

// runBriefs runs briefs in this process and returns its exit status and
// standard error.
func runBriefs(args ...string) (int, string) {
	var out, errb strings.Builder
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, errb.String()
}

var ingestLine = regexp.MustCompile(`briefs: (\d+) briefs? read, (\d+) new in the archive at (\S+) \((\d+) there already\)`)

// newCount is what an ingest's summary says it wrote.
func newCount(t *testing.T, stderr string) (read, written int) {
	t.Helper()
	m := ingestLine.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary in %q", stderr)
	}
	read, _ = strconv.Atoi(m[1])
	written, _ = strconv.Atoi(m[2])
	return read, written
}

func pgPassword(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	p, _ := u.User.Password()
	return p
}

func archiveLen(t *testing.T, u string) int {
	t.Helper()
	a, err := pgarchive.Open(context.Background(), u, pgarchive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	n, err := a.Len(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestIngest(t *testing.T) {
	u := pgtest.URL(t)
	pw := pgPassword(u)

	code, stderr := runBriefs("ingest", "--archive", u, "--samples")
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	read, written := newCount(t, stderr)
	if read == 0 || written != read || archiveLen(t, u) != written {
		t.Fatalf("first ingest: %d read, %d written, %d in the archive; want all read written", read, written, archiveLen(t, u))
	}
	if pw == "" || strings.Contains(stderr, pw) || !strings.Contains(stderr, ":xxxxx@") {
		t.Errorf("the password is printed: %s", stderr)
	}

	// again: nothing new
	code, stderr = runBriefs("ingest", "--archive", u, "--samples", "--migrate")
	if code != 0 {
		t.Fatalf("second ingest: exit %d: %s", code, stderr)
	}
	if r2, w2 := newCount(t, stderr); r2 != read || w2 != 0 || archiveLen(t, u) != written {
		t.Fatalf("second ingest: %d read, %d written, %d in the archive; want %d, 0, %d", r2, w2, archiveLen(t, u), read, written)
	}

	// two ingesters at once into a new archive: each brief written once
	u2 := pgtest.URL(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, stderr := runBriefs("ingest", "--archive", u2, "--samples")
			mu.Lock()
			defer mu.Unlock()
			if code != 0 {
				t.Errorf("concurrent ingest: exit %d: %s", code, stderr)
				return
			}
			m := ingestLine.FindStringSubmatch(stderr)
			if m == nil {
				t.Errorf("no summary in %q", stderr)
				return
			}
			n, _ := strconv.Atoi(m[2])
			total += n
		}()
	}
	wg.Wait()
	if n := archiveLen(t, u2); total != written || n != written {
		t.Fatalf("two ingesters at once wrote %d briefs, the archive holds %d; want %d", total, n, written)
	}
}

// A wrong password or host is one line naming the archive without its
// password, and exit status 1; no archive at all is a usage error.
func TestIngestCannotConnect(t *testing.T) {
	u, err := url.Parse(pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword("postgres", "wr0ng-s3cret")
	for _, addr := range []string{u.String(), "postgres://ana:wr0ng-s3cret@127.0.0.1:1/briefs"} {
		code, stderr := runBriefs("ingest", "--archive", addr, "--samples")
		if code != exitFailure {
			t.Errorf("exit %d; want 1 (%s)", code, stderr)
		}
		if strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.HasPrefix(stderr, "briefs: cannot open the archive at ") {
			t.Errorf("want one line 'briefs: cannot open the archive at ...', got %q", stderr)
		}
		if strings.Contains(stderr, "wr0ng") {
			t.Errorf("the password is printed: %s", stderr)
		}
	}
	t.Setenv(envArchive, "")
	if code, stderr := runBriefs("ingest", "--samples"); code != exitUsage || !strings.Contains(stderr, "--archive") {
		t.Errorf("no archive: exit %d, %q; want 2 naming --archive", code, stderr)
	}
}

// runOut runs briefs in this process and returns its exit status, standard
// output and standard error.
func runOut(args ...string) (int, string, string) {
	var out, errb strings.Builder
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// The commands say the same over the shared archive as over the briefs it
// was filled from: search, entities, quotes by speaker, export, extract.
func TestCommandsReadTheArchive(t *testing.T) {
	u := pgtest.URL(t)
	if code, stderr := runBriefs("ingest", "--archive", u, "--samples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	for _, args := range [][]string{
		{"search", "russian federation", "-f", "jsonl"},
		{"search", "speaker:Lavrov", "-f", "json"},
		{"search", "talks", "--limit", "3", "-f", "text"},
		{"entities", "-f", "jsonl"},
		{"entities", "--kind", "country", "-f", "text"},
		{"quotes", "--speaker", "Sergei Lavrov", "-f", "jsonl"},
		{"quotes", "-f", "jsonl"},
		{"export", "Lavrov"},
		{"export", "Syria", "-f", "json"},
		{"extract", "-f", "jsonl"},
	} {
		code1, local, stderr1 := runOut(append(slices.Clone(args), "--samples")...)
		code2, server, stderr2 := runOut(append(slices.Clone(args), "--archive", u)...)
		if code1 != 0 || code2 != 0 {
			t.Fatalf("%v: exit %d (%s) with --samples, %d (%s) with --archive", args, code1, stderr1, code2, stderr2)
		}
		if len(local) < 50 || local != server {
			t.Errorf("%v: %d bytes with --samples, %d with --archive; want the same", args, len(local), len(server))
		}
	}
	// --archive with a PATH or --samples is a usage error
	if code, _, stderr := runOut("search", "Lavrov", "--archive", u, "--samples"); code != exitUsage || !strings.Contains(stderr, "--archive") {
		t.Errorf("--archive with --samples: exit %d, %q; want 2", code, stderr)
	}
	// $BRIEFS_ARCHIVE does what --archive does
	t.Setenv(envArchive, u)
	code1, viaEnv, _ := runOut("entities", "-f", "jsonl")
	_, viaFlag, _ := runOut("entities", "-f", "jsonl", "--archive", u)
	if code1 != 0 || viaEnv != viaFlag {
		t.Errorf("$%s: exit %d, %d bytes; --archive %d bytes", envArchive, code1, len(viaEnv), len(viaFlag))
	}
}

// The reader's loader over the shared archive sends every brief (a first
// screen's worth first), the search index, and ends with LoadedMsg.
func TestServerLoader(t *testing.T) {
	u := pgtest.URL(t)
	if code, stderr := runBriefs("ingest", "--archive", u, "--samples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	ar, err := pgarchive.Open(context.Background(), u, pgarchive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ar.Close()
	want, _ := ar.Len(context.Background())
	out := make(chan tea.Msg, 1000)
	start := time.Now()
	go func() { serverLoader(ar)(context.Background(), out); close(out) }()
	var got []model.Article
	var firstBatch time.Duration
	var searcher search.Searcher
	var last tea.Msg
	for m := range out {
		switch m := m.(type) {
		case ui.ArticlesMsg:
			if got == nil {
				firstBatch = time.Since(start)
			}
			got = append(got, m.Articles...)
		case ui.SearcherMsg:
			searcher = m.Searcher
		}
		last = m
	}
	if len(got) != want || want == 0 {
		t.Fatalf("the loader sent %d briefs; the archive holds %d", len(got), want)
	}
	if l, ok := last.(ui.LoadedMsg); !ok || len(l.Warnings) != 0 {
		t.Fatalf("last message %#v; want a LoadedMsg with no warning", last)
	}
	if searcher == nil {
		t.Fatal("no index for the search view")
	}
	if res, err := searcher.Search("Lavrov", 0); err != nil || len(res.Hits) == 0 {
		t.Fatalf("the index finds no Lavrov: %v", err)
	}
	t.Logf("%d briefs; the first batch after %v", len(got), firstBatch)
}

// loadAll runs the server loader once and returns the briefs it sent and
// its last message.
func loadAll(t *testing.T, load ui.Loader) ([]model.Article, ui.LoadedMsg) {
	t.Helper()
	out := make(chan tea.Msg, 1000)
	go func() { load(context.Background(), out); close(out) }()
	var got []model.Article
	var last tea.Msg
	for m := range out {
		if a, ok := m.(ui.ArticlesMsg); ok {
			got = append(got, a.Articles...)
		}
		last = m
	}
	l, ok := last.(ui.LoadedMsg)
	if !ok {
		t.Fatalf("the load ended with %#v, not a LoadedMsg", last)
	}
	return got, l
}

// The server stopped while the reader is open: the next refresh sends no
// brief and ends with a note (so the reader keeps its list) and a warning
// naming the archive without its password; once the server is back, the
// refresh after reads every brief again.
func TestServerLoaderServerAway(t *testing.T) {
	c, err := pgtest.Start()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("no PostgreSQL: %v", err)
	}
	defer c.Stop()
	u := c.URL()
	if code, stderr := runBriefs("ingest", "--archive", u, "--samples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	ar, err := pgarchive.Open(context.Background(), u, pgarchive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ar.Close()
	load := serverLoader(ar)
	before, l := loadAll(t, load)
	if len(before) == 0 || l.Note != "" || len(l.Warnings) != 0 {
		t.Fatalf("first load: %d briefs, %+v", len(before), l)
	}
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	got, l := loadAll(t, load)
	if len(got) != 0 || l.Note == "" || len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], ":xxxxx@") || strings.Contains(l.Warnings[0], pgPassword(u)) {
		t.Fatalf("server stopped: %d briefs, %+v; want none, a note and one warning without the password", len(got), l)
	}
	t.Logf("server away: %s / %s", l.Note, l.Warnings[0])
	if err := c.StartServer(); err != nil {
		t.Fatal(err)
	}
	after, l := loadAll(t, load)
	if len(after) != len(before) || l.Note != "" || len(l.Warnings) != 0 {
		t.Fatalf("server back: %d briefs (want %d), %+v", len(after), len(before), l)
	}
	// a brief ingested meanwhile: the next refresh sends it after the others
	extra := before[0]
	extra.Title += " (a later edition)"
	extra.ID = model.ArticleID(extra.Title, extra.Body)
	if err := ar.Put(context.Background(), []model.Article{extra}); err != nil {
		t.Fatal(err)
	}
	again, l := loadAll(t, load)
	if len(again) != len(before)+1 || again[len(again)-1].ID != extra.ID || l.Note != "" {
		t.Fatalf("after one more brief: %d briefs, last %s; want %d, last %s", len(again), again[len(again)-1].ID, len(before)+1, extra.ID)
	}
}
