package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestExplainQuoteKey: i on a quote selected in the quotes pane covers the
// screen with its trace (as briefs explain --quote N prints it: the rule
// that chose its speaker), j scrolls it, Esc closes it; the key is in the
// help; with no quote selected i says so.
func TestExplainQuoteKey(t *testing.T) {
	a := opened(t, 120, 40)
	a, _ = keys(t, a, "i")
	if a.explain.open || !strings.Contains(screen(a), "No quote selected") {
		t.Fatalf("i with no quote selected:\n%s", screen(a))
	}
	a, q := selectQuote(t, a, "Vladimir Safronkov")
	if a.focus != focusQuotes {
		t.Fatalf("focus %d, want the quotes pane", a.focus)
	}
	helpHas := func(b key.Binding) bool {
		for _, col := range a.helpKeys().full {
			for _, k := range col {
				if k.Help().Key == b.Help().Key && k.Help().Desc == b.Help().Desc {
					return true
				}
			}
		}
		return false
	}
	if !helpHas(a.actions.ExplainQuote) {
		t.Error("the full help of the quotes pane lacks i explain quote")
	}
	a, _ = keys(t, a, "i")
	if !a.explain.open {
		t.Fatal("i did not open the trace")
	}
	s := screen(a)
	for _, want := range []string{"Why this speaker: quote", "kept: attributed", "speaker: \"Vladimir Safronkov\" by ", strings.Fields(q.Text)[0]} {
		if !strings.Contains(s, want) {
			t.Errorf("trace lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Briefs") {
		t.Errorf("the trace does not cover the list:\n%s", s)
	}
	// the trace is the one briefs explain prints for this quote
	art, _ := a.reader.Article()
	n := a.quotes.Selected()
	if got := quoteTrace(art, n); !strings.HasPrefix(got, "quote ") || !strings.Contains(got, "Vladimir Safronkov") {
		t.Errorf("quoteTrace(%d) = %q", n, got)
	}
	if len(art.Quotes) == 0 || art.Quotes[n].Speaker != "Vladimir Safronkov" {
		t.Error("explaining changed the brief's quotes")
	}
	a.explain.lines = append(a.explain.lines, make([]string, 100)...) // room to scroll
	a, _ = keys(t, a, "j")
	if a.explain.top != 1 {
		t.Errorf("j: top %d, want 1", a.explain.top)
	}
	a, _ = keys(t, a, "esc")
	if a.explain.open || a.focus != focusQuotes {
		t.Fatalf("esc: open %v, focus %d; want closed, back in the quotes pane", a.explain.open, a.focus)
	}
	if !strings.Contains(screen(a), "Briefs") && !strings.Contains(screen(a), "Quotes") {
		t.Errorf("esc did not bring the panes back:\n%s", screen(a))
	}
}
