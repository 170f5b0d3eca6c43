package ui

import (
	"strings"
	"testing"

	"briefs/articles"
	"briefs/ui/internal/testbriefs"
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
