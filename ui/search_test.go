package ui

import (
	"strings"
	"testing"

	"briefs/articles/index"
	"briefs/model"
)

func TestSearchOpensBriefWithEntitySelected(t *testing.T) {
	arts := seedFirst(t)
	a := sized(t, 120, 40, arts)
	a, _ = keys(t, a, "s")
	if a.focus != focusSearch {
		t.Fatal("s did not open the search view")
	}
	if s := screen(a); !strings.Contains(s, "index is being built") {
		t.Fatalf("without an index the view should say it is coming:\n%s", s)
	}
	a, _ = step(t, a, SearcherMsg{Searcher: index.Build(arts, nil)})
	a, quit := keys(t, a, "L", "a", "v", "r", "o", "v", "q")
	if quit {
		t.Fatal("q typed in the query quit the program")
	}
	a, _ = keys(t, a, "backspace")
	if s := screen(a); !strings.Contains(s, "US and Russia struggle") || strings.Contains(s, "Envoys agree on harbour") {
		t.Fatalf("search for Lavrov shows the wrong briefs:\n%s", s)
	}
	a, _ = keys(t, a, "enter")
	if a.focus != focusReader {
		t.Fatal("enter on a hit did not open the reader")
	}
	if got, _ := a.reader.Article(); got.ID != arts[0].ID {
		t.Fatalf("opened %q, want the seed", got.Title)
	}
	if got := a.reader.Selection().Entity; got != model.EntityID(model.KindPerson, "Lavrov") {
		t.Fatalf("entity selected in the reader: %q, want Lavrov", got)
	}

	// Enter on an entity in the pane searches the corpus for it.
	a, _ = keys(t, a, "e", "enter")
	if a.focus != focusSearch || !strings.Contains(a.search.Query(), "Lavrov") {
		t.Fatalf("enter on Lavrov in the pane: focus %d, query %q", a.focus, a.search.Query())
	}
	a, _ = keys(t, a, "esc")
	if a.focus != focusEntities {
		t.Fatalf("esc from the search view went to %d, want back to the entities pane", a.focus)
	}
}
