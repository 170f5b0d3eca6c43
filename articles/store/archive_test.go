package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefs/articles/archive"
	"briefs/articles/archive/archivetest"
	"briefs/model"
)

func openTestArchive(t *testing.T, dir, name string) *Archive {
	t.Helper()
	ar, err := OpenArchive(filepath.Join(dir, name+".db"), filepath.Join(dir, name+"-state.db"))
	if err != nil {
		t.Fatalf("OpenArchive: %v", err)
	}
	return ar
}

func TestArchiveConformance(t *testing.T) {
	dirs := map[*testing.T]string{}
	archivetest.Run(t, func(t *testing.T, name string) archive.Archive {
		dir, ok := dirs[t]
		if !ok {
			dir = t.TempDir()
			dirs[t] = dir
		}
		return openTestArchive(t, dir, name)
	})
}

// A damaged archive file is moved aside and made anew, with a note; the
// briefs put afterwards are kept.
func TestArchiveDamaged(t *testing.T) {
	ctx := context.Background()
	for name, mangle := range map[string]func(path string) error{
		"cut":     func(p string) error { return os.Truncate(p, 4096+100) },
		"garbage": func(p string) error { return os.WriteFile(p, []byte(strings.Repeat("not a bbolt file ", 1000)), 0o600) },
		"foreign": func(p string) error {
			c := Open(p+".cache", Options{Version: "v"}) // a valid bbolt file of another kind
			c.Close()
			return os.Rename(p+".cache", p)
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			ar := openTestArchive(t, dir, "a")
			var briefs = []string{"one", "two", "three"}
			for _, id := range briefs {
				if err := ar.Put(ctx, nil); err != nil {
					t.Fatal(err)
				}
				b := archivetest.Brief(id, "Brief "+id, strings.Repeat("Some words about trade. ", 400), 1)
				if err := ar.Put(ctx, []model.Article{b}); err != nil {
					t.Fatal(err)
				}
			}
			ar.Close()
			if err := mangle(filepath.Join(dir, "a.db")); err != nil {
				t.Fatal(err)
			}
			ar = openTestArchive(t, dir, "a")
			defer ar.Close()
			if notes := ar.Notes(); len(notes) != 1 || !strings.Contains(notes[0], "moved to") {
				t.Fatalf("notes = %q; want one saying the file was moved aside", notes)
			}
			if n, err := ar.Len(ctx); err != nil || n != 0 {
				t.Fatalf("Len of the new archive = %d, %v", n, err)
			}
			if err := ar.Put(ctx, []model.Article{archivetest.Brief("four", "Four", "More about trade.", 2)}); err != nil {
				t.Fatal(err)
			}
			if ids, err := ar.Search(ctx, archive.Query{Text: "trade"}); err != nil || len(ids) != 1 || ids[0] != "four" {
				t.Fatalf("Search in the new archive = %v, %v", ids, err)
			}
			aside, _ := filepath.Glob(filepath.Join(dir, "a.db.corrupt-*"))
			if len(aside) != 1 {
				t.Fatalf("moved aside: %v", aside)
			}
		})
	}
}
