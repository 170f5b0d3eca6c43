package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/ui/internal/testbriefs"
	"briefs/ui/search"
)

func TestProgressLineWhileLoading(t *testing.T) {
	a := sized(t, 80, 24, nil)
	a.loading = true
	a, _ = step(t, a, ProgressMsg{Progress: articles.Progress{Done: 250, Total: 1000, Rate: 500}})
	if s := screen(a); !strings.Contains(s, "Loading briefs: 250 of ~1000 · 500/s") || !strings.Contains(s, "█████░") {
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
	a, _ = keys(t, a, "w") // no warnings: w does nothing
	if a.showWarnings {
		t.Fatal("warnings view opened with no warnings")
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
