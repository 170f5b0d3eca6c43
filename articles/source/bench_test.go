package source

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse measures each format on the same small brief.
func BenchmarkParse(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "same", "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse(f, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoadBBC loads the BBC politics folder (skipped when ../shared is absent).
func BenchmarkLoadBBC(b *testing.B) {
	dir := sharedDir(b, "data", "bbc", "politics")
	for b.Loop() {
		arts, warns := Load(context.Background(), []string{dir}, Options{})
		if len(warns) != 0 || len(arts) == 0 {
			b.Fatalf("%d articles, %d warnings", len(arts), len(warns))
		}
	}
}

// BenchmarkParsePages reads the 130 Readability test pages, one page per
// op (skipped when ../shared is absent).
func BenchmarkParsePages(b *testing.B) {
	dir := sharedDir(b, "data", "web", "readability-test-pages")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	var pages [][]byte
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
		size += len(data)
	}
	if len(pages) == 0 {
		b.Skip("no pages")
	}
	b.SetBytes(int64(size / len(pages)))
	i := 0
	for b.Loop() {
		Parse("page.html", pages[i%len(pages)])
		i++
	}
}

// BenchmarkParseFeeds reads the 327 feeds of the shared corpus, one feed
// per op (skipped when ../shared is absent).
func BenchmarkParseFeeds(b *testing.B) {
	dir := sharedDir(b, "data", "web", "feeds")
	var names []string
	var feeds [][]byte
	size := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, filepath.Base(p))
		feeds = append(feeds, data)
		size += len(data)
		return nil
	})
	if len(feeds) == 0 {
		b.Skip("no feeds")
	}
	b.SetBytes(int64(size / len(feeds)))
	i := 0
	for b.Loop() {
		Parse(names[i%len(feeds)], feeds[i%len(feeds)])
		i++
	}
}
