package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/articles/index"
	"briefs/ui/corpusview"
	"briefs/ui/internal/testbriefs"
)

// TestCorpusViews opens the corpus-wide entities and quotes views from the
// list, follows an entity into the search view and a quote into the reader.
func TestCorpusViews(t *testing.T) {
	arts := append(testbriefs.MustLoad(t), testbriefs.Seed(t))
	a := sized(t, 120, 40, arts)
	a, _ = step(t, a, SearcherMsg{Searcher: index.Build(arts, nil)})

	// @: every entity of the corpus; typing filters it.
	person := ""
	for _, e := range arts[len(arts)-1].Entities {
		if e.Kind == "person" && strings.Contains(e.Name, " ") {
			person = e.Name
			break
		}
	}
	if person == "" {
		t.Fatal("the seed names no person with a full name")
	}
	a, _ = keys(t, a, "@")
	if a.focus != focusAllEntities || !strings.Contains(screen(a), "All entities") {
		t.Fatalf("@ did not open the entities view:\n%s", screen(a))
	}
	for _, r := range strings.ToLower(person) {
		a, _ = keys(t, a, string(r))
	}
	if s := screen(a); !strings.Contains(s, "1 of ") || !strings.Contains(s, person) {
		t.Fatalf("filtering by %q did not narrow the view:\n%s", person, s)
	}
	// Enter searches the corpus for it.
	a, _ = keys(t, a, "enter")
	if a.focus != focusSearch || !strings.Contains(screen(a), "entity:") {
		t.Fatalf("enter on an entity did not search for it:\n%s", screen(a))
	}
	// esc pops the screen stack: the entities view as it was, then the list
	a, _ = keys(t, a, "esc")
	if s := screen(a); a.focus != focusAllEntities || !strings.Contains(s, "1 of ") || !strings.Contains(s, person) {
		t.Fatalf("esc from the search went to focus %d, want the entities view still filtered:\n%s", a.focus, s)
	}
	a, _ = keys(t, a, "esc")
	if a.focus != focusList {
		t.Fatalf("esc went to focus %d, want the list", a.focus)
	}

	// ": every quote; enter opens its brief with the quote selected.
	a, _ = keys(t, a, `"`)
	if a.focus != focusAllQuotes || !strings.Contains(screen(a), "All quotes") {
		t.Fatalf(`" did not open the quotes view:\n%s`, screen(a))
	}
	a, _ = keys(t, a, "enter")
	art, ok := a.reader.Article()
	if a.focus != focusReader || !ok {
		t.Fatalf("enter on a quote did not open its brief (focus %d)", a.focus)
	}
	sel := a.reader.Selection()
	if sel.Quote < 0 || sel.Quote >= len(art.Quotes) {
		t.Fatalf("no quote selected in %q: %+v", art.Title, sel)
	}
	// esc: back to the quotes view, then the list
	a, _ = keys(t, a, "esc")
	if a.focus != focusAllQuotes {
		t.Fatalf("esc from a brief opened from the quotes view went to focus %d", a.focus)
	}
	// The help bar is true to the root's keys.
	a, _ = keys(t, a, "esc", "?")
	if s := screen(a); !strings.Contains(s, "all entities") || !strings.Contains(s, "all quotes") {
		t.Fatalf("full help lacks the corpus views:\n%s", s)
	}
}

// TestQuoteOpenedFromTheCorpusIsThePanes: a quote opened from the corpus
// quotes view (") is the quotes pane's selection too, so that moving to
// the pane keeps it in the reader instead of jumping to the brief's first.
func TestQuoteOpenedFromTheCorpusIsThePanes(t *testing.T) {
	arts := append(testbriefs.MustLoad(t), testbriefs.Seed(t))
	a := sized(t, 120, 40, arts)
	a, _ = step(t, a, SearcherMsg{Searcher: index.Build(arts, nil)})
	a, _ = keys(t, a, `"`)
	var want corpusview.OpenQuoteMsg
	for range 8 { // down to a quote that is not its brief's first
		h, _ := a.allQuots.Selected()
		if art, ok := a.list.ByID(h.ArticleID); ok && len(art.Quotes) > 0 && art.Quotes[0].Start != h.Quote.Start {
			want = corpusview.OpenQuoteMsg{ArticleID: h.ArticleID, Start: h.Quote.Start}
			break
		}
		a, _ = step(t, a, tea.KeyPressMsg{Code: tea.KeyDown})
	}
	if want.ArticleID == "" {
		t.Fatal("no quote past its brief's first in the corpus view")
	}
	a, _ = keys(t, a, "enter")
	q := a.reader.Selection().Quote
	if q <= 0 || a.quotes.Selected() != q {
		t.Fatalf("reader on quote %d, the pane on %d", q, a.quotes.Selected())
	}
	a, _ = keys(t, a, "Q")
	if a.focus != focusQuotes || a.reader.Selection().Quote != q {
		t.Fatalf("moving to the quotes pane moved the reader from quote %d to %d", q, a.reader.Selection().Quote)
	}
}
