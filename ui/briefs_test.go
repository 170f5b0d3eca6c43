package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/articles/store"
	"briefs/ui/internal/testbriefs"
)

// loadInto runs load to its end and hands its messages to a as the event
// loop would (through loadStep).
func loadInto(t *testing.T, a App, load Loader) App {
	t.Helper()
	ch := make(chan tea.Msg, 1<<12)
	load(context.Background(), ch)
	close(ch)
	first, ok := <-ch
	if !ok {
		t.Fatal("the loader sent nothing")
	}
	a, _ = step(t, a, loadStepMsg{gen: a.ld.gen, msg: first, next: ch})
	return a
}

func copyBriefs(t *testing.T) (briefs, cache string) {
	t.Helper()
	dir := t.TempDir()
	briefs = filepath.Join(dir, "briefs")
	if err := os.CopyFS(briefs, os.DirFS(testbriefs.Dir())); err != nil {
		t.Fatal(err)
	}
	return briefs, filepath.Join(dir, "cache", "cache.db")
}

// After a load, the list holds records only: the briefs are in the
// embedded archive, and opening one reads it from there, whole.
func TestBriefsReadFromTheArchive(t *testing.T) {
	briefs, cache := copyBriefs(t)
	a := sized(t, 120, 40, nil)
	defer a.ld.briefs.close()
	a = loadInto(t, a, StreamLoader([]string{briefs}, articles.StreamOptions{CachePath: cache}))
	if a.ld.briefs.ar == nil {
		t.Fatal("the loader handed over no archive")
	}
	if a.list.Len() < 3 {
		t.Fatalf("%d briefs listed", a.list.Len())
	}
	if n := len(a.ld.briefs.pending); n != 0 {
		t.Fatalf("memory still holds %d briefs after the load put them all in the archive", n)
	}
	id, _ := a.list.SelectedID()
	art, ok := a.list.ByID(id)
	if !ok || art.Body == "" || len(art.Entities) == 0 {
		t.Fatalf("the selected brief %q from the archive: found %v, %d entities", id, ok, len(art.Entities))
	}
	a, _ = keys(t, a, "enter")
	if a.focus != focusReader || !strings.Contains(screen(a), strings.Fields(art.Title)[0]) {
		t.Fatalf("Enter did not open %q:\n%s", art.Title, screen(a))
	}
}

// When another process holds the archive, the briefs stay in memory and
// the reader works as before, without a word about it.
func TestBriefsStayInMemoryWithoutTheArchive(t *testing.T) {
	briefs, cache := copyBriefs(t)
	os.MkdirAll(filepath.Dir(cache), 0o700)
	held, err := store.OpenArchive(articles.ArchivePathFor(articles.StreamOptions{CachePath: cache}), "")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	a := sized(t, 120, 40, nil)
	a = loadInto(t, a, StreamLoader([]string{briefs}, articles.StreamOptions{CachePath: cache}))
	if a.ld.briefs.ar != nil {
		t.Fatal("an archive held by another was handed over")
	}
	if len(a.ld.briefs.pending) != a.list.Len() || a.list.Len() < 3 {
		t.Fatalf("memory holds %d briefs of %d listed", len(a.ld.briefs.pending), a.list.Len())
	}
	for _, w := range a.warnings {
		if strings.Contains(w, "archive") {
			t.Errorf("a warning about the archive: %s", w)
		}
	}
	id, _ := a.list.SelectedID()
	if art, ok := a.list.ByID(id); !ok || art.Body == "" {
		t.Fatalf("the selected brief from memory: %v", ok)
	}
}
