package ui

import (
	"strings"
	"testing"
)

// TestFindTypingIsNotAKey opens the seed and types /q e s: the letters are
// the find's query, not quit, the entities pane or search; enter confirms,
// n steps, esc clears and a second esc goes back to the list.
func TestFindTypingIsNotAKey(t *testing.T) {
	a := sized(t, 120, 40, seedFirst(t))
	a, _ = keys(t, a, "enter", "/")
	a, quit := keys(t, a, "q", "e", "s")
	if quit || a.focus != focusReader {
		t.Fatalf("typing the find's query acted as keys: quit %v, focus %d", quit, a.focus)
	}
	if q := a.reader.KeyMap().Find; !q.Enabled() {
		t.Fatal("the find key is disabled")
	}
	a, _ = keys(t, a, "backspace", "backspace", "backspace", "L", "a", "v", "r", "o", "v", "enter")
	if s := screen(a); !strings.Contains(s, "match 1 of") {
		t.Fatalf("no match count after /Lavrov:\n%s", s)
	}
	a, _ = keys(t, a, "n")
	if s := screen(a); !strings.Contains(s, "match 2 of") {
		t.Fatalf("n did not step to match 2:\n%s", s)
	}
	a, _ = keys(t, a, "esc")
	if a.focus != focusReader || strings.Contains(screen(a), "match 2 of") {
		t.Fatalf("esc did not just clear the find: focus %d\n%s", a.focus, screen(a))
	}
	a, _ = keys(t, a, "esc")
	if a.focus != focusList {
		t.Fatalf("second esc: focus %d, want the list", a.focus)
	}
}
