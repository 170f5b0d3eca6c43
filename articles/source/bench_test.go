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
