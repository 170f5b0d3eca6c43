package reader

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/model"
	"briefs/ui/internal/testbriefs"
	"briefs/ui/theme"
)

func TestFindMatchesFoldCase(t *testing.T) {
	a := model.Article{Title: "Talks in Zürich", Body: "The envoy left ZÜRICH early; zürich officials stayed. Zuerich is not it."}
	got := FindMatches(&a, "zürich")
	if len(got) != 3 {
		t.Fatalf("want 3 matches (title, ZÜRICH, zürich), got %d: %+v", len(got), got)
	}
	if got[0].Field != model.FieldTitle || a.Body[got[1].Start:got[1].End] != "ZÜRICH" || a.Body[got[2].Start:got[2].End] != "zürich" {
		t.Fatalf("matches in the wrong places: %+v", got)
	}
	if FindMatches(&a, "") != nil {
		t.Fatal("an empty query matches nothing")
	}
}

func typeKeys(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

func status(m Model) string {
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	return lines[len(lines)-1]
}

// TestFindSteps types /lavrov in the seed: the count follows the typing,
// enter confirms, n and N step (wrapping) and scroll to each match, n
// steps matches rather than the selected entity's mentions while the find
// is active, esc clears it and leaves the reader open, and the next esc
// leaves the reader.
func TestFindSteps(t *testing.T) {
	seed := testbriefs.Seed(t)
	want := len(FindMatches(&seed, "Lavrov"))
	if want < 3 {
		t.Fatalf("the seed names Lavrov %d times, want at least 3", want)
	}
	m := New(theme.New(true))
	m.SetSize(60, 8)
	m, _ = m.Update(render(t, m.Open(seed)))

	m, _ = m.Update(press("/"))
	if !m.Finding() {
		t.Fatal("/ did not open the find prompt")
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyTab, Text: "\t"}) // not part of a query
	m = typeKeys(m, "lavrox")
	if s := status(m); !strings.Contains(s, "/lavrox") || !strings.Contains(s, "0 matches") {
		t.Fatalf("prompt status %q", s)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	m = typeKeys(m, "v")
	if s := status(m); !strings.Contains(s, "/lavrov") || !strings.Contains(s, " matches") {
		t.Fatalf("prompt status after backspace %q", s)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if m.Finding() {
		t.Fatal("enter did not confirm the find")
	}
	_, matches, cur := m.Find()
	if len(matches) != want || cur != 0 {
		t.Fatalf("after enter: %d matches (want %d), current %d (want 0)", len(matches), want, cur)
	}
	m.SelectEntity(model.EntityID(model.KindPerson, "Lavrov")) // n must step the find, not the mentions
	for i := 1; i < want; i++ {
		m, _ = m.Update(press("n"))
		_, _, cur = m.Find()
		if cur != i {
			t.Fatalf("n #%d: current match %d", i, cur)
		}
		if s := status(m); !strings.Contains(s, "match "+itoa(i+1)+" of "+itoa(want)) {
			t.Fatalf("n #%d: status %q", i, s)
		}
		f := matches[i]
		line := m.doc.Line(f.Field, f.Start, f.End)
		if line < m.YOffset() || line >= m.YOffset()+7 {
			t.Fatalf("n #%d: match on line %d, screen shows %d..%d", i, line, m.YOffset(), m.YOffset()+6)
		}
	}
	if m.Selection().Mention >= 0 {
		t.Fatal("n stepped the entity's mentions while the find was active")
	}
	m, _ = m.Update(press("n"))
	if _, _, cur = m.Find(); cur != 0 {
		t.Fatalf("n past the last match: current %d, want 0 (wrap)", cur)
	}
	m, _ = m.Update(press("N"))
	if _, _, cur = m.Find(); cur != want-1 {
		t.Fatalf("N from the first match: current %d, want %d", cur, want-1)
	}

	m, cmd := m.Update(press("esc"))
	if cmd != nil {
		t.Fatal("esc with a find active left the reader; want it to clear the find")
	}
	if q, _, _ := m.Find(); q != "" {
		t.Fatalf("esc left the find %q", q)
	}
	m, _ = m.Update(press("n")) // back to the mentions
	if m.Selection().Mention != 0 {
		t.Fatalf("n after the find was cleared: mention %d, want 0", m.Selection().Mention)
	}
	if _, cmd = m.Update(press("esc")); cmd == nil {
		t.Fatal("esc with no find did not leave the reader")
	}

	m, _ = m.Update(press("/"))
	m = typeKeys(m, "Wakanda")
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if s := status(m); !strings.Contains(s, "no match for Wakanda") {
		t.Fatalf("status for a missing word %q", s)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestFindFollowsAChangedBrief: a fuller version of the open brief (same
// id, text moved) keeps the find, its matches at the new offsets.
func TestFindFollowsAChangedBrief(t *testing.T) {
	seed := testbriefs.Seed(t)
	m := New(theme.New(true))
	m.SetSize(60, 8)
	m, _ = m.Update(render(t, m.Open(seed)))
	m, _ = m.Update(press("/"))
	m = typeKeys(m, "Lavrov")
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	_, before, _ := m.Find()

	fuller := seed
	fuller.Body = "Lavrov opened the day. " + seed.Body
	fuller.Entities, fuller.Quotes = nil, nil
	m.Forget(seed.ID)
	if cmd := m.OpenAt(fuller, Place{}); cmd != nil {
		m, _ = m.Update(render(t, cmd))
	}
	q, after, _ := m.Find()
	if q != "Lavrov" || len(after) != len(before)+1 {
		t.Fatalf("after the brief changed: find %q with %d matches, want Lavrov with %d", q, len(after), len(before)+1)
	}
	for _, f := range after {
		if got := fuller.Text(f.Field)[f.Start:f.End]; got != "Lavrov" {
			t.Fatalf("a match points at %q", got)
		}
	}
}

// A URL too wide for the reader shows shortened ("https://exam…etta"): a
// find in its start, its end or the part the ellipsis leaves out still has
// a place on screen (the ellipsis stands for that part), so n scrolls to
// it and the mark shows (issue 20: finding a shortened URL with /).
func TestFindInAShortenedURL(t *testing.T) {
	url := "https://example.org/briefs/2026/03/harbour-inspections-draft-accord-valletta"
	a := model.Article{ID: "u", Title: "Harbour accord",
		Body: "Ministers met on Monday.\n\nThe full text of the draft is at " + url + " for anyone to read.\n\nThe ministers sign on Friday."}
	m := New(theme.New(true))
	m.SetSize(40, 20)
	m, _ = m.Update(render(t, m.Open(a)))
	if strings.Contains(ansi.Strip(m.View()), url) {
		t.Fatalf("the URL is not shortened at 40 cells:\n%s", ansi.Strip(m.View()))
	}
	for _, q := range []string{"https://example", "draft-accord", "valletta"} {
		m, _ = m.Update(press("/"))
		m = typeKeys(m, q)
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		_, matches, _ := m.Find()
		if len(matches) != 1 {
			t.Fatalf("%q: %d matches", q, len(matches))
		}
		f := matches[0]
		if line := m.doc.Line(f.Field, f.Start, f.End); line < 0 {
			t.Fatalf("%q: the match has no place on screen", q)
		}
		m, _ = m.Update(press("esc"))
	}
}
