package source

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"briefs/model"
)

func TestLabel(t *testing.T) {
	for _, tc := range []struct {
		a    model.Article
		want string
	}{
		{model.Article{Outlet: "Briefs Wire", Source: "/home/ann/briefs/a.md"}, "Briefs Wire"},
		{model.Article{Source: "/data/polnear/train/text/nyt_2016-10-02_trump-taxes.txt"}, "New York Times"},
		{model.Article{Source: "/data/polnear/train/text/wash-post_2016-10-02_x.txt"}, "Washington Post"},
		{model.Article{Source: "/data/polnear/train/text/usa-today_2016-10-02_x.txt"}, "USA Today"},
		{model.Article{Source: "https://www.reuters.com/world/story"}, "Reuters"},
		{model.Article{Source: "https://news.example.org/a/b"}, "news.example.org"},
		{model.Article{Source: "/home/ann/bbc/politics/001.txt"}, "politics"},
		{model.Article{Source: "-"}, "standard input"},
		{model.Article{Source: "000_94817b14d6ffb8f5.txt"}, "built-in sample"},
		{model.Article{Source: "/home/ann/x.txt", URL: "https://www.bbc.co.uk/news/1"}, "bbc.co.uk"},
	} {
		if got := Label(tc.a); got != tc.want {
			t.Errorf("Label(%q, outlet %q) = %q, want %q", tc.a.Source, tc.a.Outlet, got, tc.want)
		}
	}
}

func TestDateFromName(t *testing.T) {
	for name, want := range map[string]string{
		"nyt_2016-10-02_trump-taxes.txt": "2016-10-02",
		"briefing-20240315.md":           "2024-03-15",
		"2019_01_31 notes.txt":           "2019-01-31",
		"000_94817b14d6ffb8f5.txt":       "",
		"report-2016-13-45.txt":          "",
	} {
		got, ok := DateFromName("/x/" + name)
		if want == "" {
			if ok {
				t.Errorf("%s: found %v, want no date", name, got)
			}
			continue
		}
		if w, _ := time.Parse("2006-01-02", want); !ok || !got.Equal(w) {
			t.Errorf("%s: %v %v, want %s", name, got, ok, want)
		}
	}
}

// A brief with no date of its own or in its name takes its file's
// modification time; standard input, URLs and the built-in samples have none
// (issue 20, defect 10).
func TestFileTime(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "harbour-notes.txt")
	if err := os.WriteFile(path, []byte("Harbour notes\n\nText."), 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2025, 11, 3, 9, 30, 0, 0, time.UTC)
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
	if got, ok := FileTime(path); !ok || !got.Equal(when) {
		t.Errorf("FileTime(%s) = %v %v, want %v", path, got, ok, when)
	}
	for _, src := range []string{"", "-", "https://example.org/a.txt", "000_94817b14d6ffb8f5.txt", filepath.Join(dir, "gone.txt"), dir} {
		if got, ok := FileTime(src); ok {
			t.Errorf("FileTime(%q) = %v, want none", src, got)
		}
	}
}
