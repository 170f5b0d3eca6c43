package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"briefs/articles/store"
	"briefs/ui/internal/testbriefs"
)

// TestMarkByHandAndAllRead: N in the list marks the selected brief read,
// N again unread, A marks every brief shown read; the header counts
// "4 briefs, 3 unread" and the marks reach the reading state file. In the
// reader N stays the reader's (previous mention or match), not a mark.
func TestMarkByHandAndAllRead(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	n := len(arts)
	path := filepath.Join(t.TempDir(), "state.db")
	a := started(t, 100, 30, arts, Options{StatePath: path})
	header := func(read int) string { return fmt.Sprintf("%d briefs, %d unread", n, n-read) }
	if s := screen(a); !strings.Contains(s, header(0)) {
		t.Fatalf("header lacks %q:\n%s", header(0), s)
	}
	a, _ = keys(t, a, "N")
	if !a.list.Mark(arts[0].ID).Read || !strings.Contains(screen(a), header(1)) {
		t.Fatalf("N did not mark the selected brief read:\n%s", screen(a))
	}
	if r, err := store.OpenState(path).Get(arts[0].ID); err != nil || !r.Read {
		t.Fatalf("the state file says %+v (%v) after N", r, err)
	}
	a, _ = keys(t, a, "N")
	if a.list.Mark(arts[0].ID).Read || !strings.Contains(screen(a), header(0)) {
		t.Fatalf("N again did not mark it unread:\n%s", screen(a))
	}
	if r, err := store.OpenState(path).Get(arts[0].ID); err != nil || r.Read {
		t.Fatalf("the state file says %+v (%v) after N N", r, err)
	}

	// In the reader N is not a mark.
	a, _ = keys(t, a, "j", "enter", "N", "esc")
	if got := a.list.Mark(arts[0].ID).Read; got {
		t.Fatal("N in the reader changed the first brief's mark")
	}
	if !strings.Contains(screen(a), header(1)) { // the second brief was opened: read
		t.Fatalf("after opening one brief the header is not %q:\n%s", header(1), screen(a))
	}

	a, _ = keys(t, a, "A")
	if !strings.Contains(screen(a), header(n)) {
		t.Fatalf("A did not mark every brief read:\n%s", screen(a))
	}
	all, err := store.OpenState(path).All()
	if err != nil {
		t.Fatal(err)
	}
	for _, art := range arts {
		if !all[art.ID].Read {
			t.Fatalf("%q not read in the state file after A", art.Title)
		}
	}
	b := started(t, 100, 30, arts, Options{StatePath: path})
	if !strings.Contains(screen(b), header(n)) {
		t.Fatalf("a second reader does not see the marks:\n%s", screen(b))
	}
}
