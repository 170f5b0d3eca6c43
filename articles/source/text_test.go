package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir returns a folder of ../shared (the repo's sibling), skipping the test when it is absent.
func sharedDir(t testing.TB, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s absent: %v", p, err)
	}
	return p
}

func TestSeedBrief(t *testing.T) {
	dir := sharedDir(t, "seed")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed brief in %s", dir)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	arts, err := Parse(files[0], data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	a := arts[0]
	if a.Title != "US and Russia struggle to overcome rifts in Moscow" {
		t.Errorf("title %q", a.Title)
	}
	if strings.Contains(a.Body, a.Title) {
		t.Errorf("body still repeats the title")
	}
	if strings.Contains(a.Body, "Related news") {
		t.Errorf("body keeps the trailing boilerplate")
	}
	if n := len(a.Paragraphs()); n != 15 {
		t.Errorf("%d body paragraphs, want 15", n)
	}
	if a.Source != files[0] || a.ID == "" {
		t.Errorf("source %q id %q", a.Source, a.ID)
	}
}
