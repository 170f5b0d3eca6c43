package corpusview

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/articles/index"
	"briefs/model"
)

func newQuotes(t *testing.T, src Source, w, h int) QuotesView {
	t.Helper()
	m := NewQuotes(src, testStyles())
	m.list.SetVirtualCursor(false)
	m.SetSize(w, h)
	return m
}

func quoteTexts(m QuotesView) []string {
	var out []string
	for _, q := range m.Quotes() {
		out = append(out, q.Quote.Text)
	}
	return out
}

func TestParseQuoteFilter(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want QuoteFilter
	}{
		{"", QuoteFilter{}},
		{"bad deal", QuoteFilter{Words: "bad deal"}},
		{"speaker:Belov", QuoteFilter{Speaker: "Belov"}},
		{"speaker:Anton Belov about:Norway", QuoteFilter{Speaker: "Anton Belov", About: "Norway"}},
		{`Speaker:"Mara Lind" plan`, QuoteFilter{Speaker: "Mara Lind", Words: "plan"}},
		{"deal about:Russian Federation", QuoteFilter{About: "Russian Federation", Words: "deal"}},
		{`about:"Oslo`, QuoteFilter{About: "Oslo"}},
		{"loudspeaker:x", QuoteFilter{Words: "loudspeaker:x"}}, // an operator starts a word
		{"speaker:", QuoteFilter{}},
	} {
		if got := ParseQuoteFilter(tc.in); got != tc.want {
			t.Errorf("ParseQuoteFilter(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestQuotesListEveryQuoteWithCounts(t *testing.T) {
	m := newQuotes(t, testIndex(t), 80, 24)
	if got := len(m.Quotes()); got != 3 {
		t.Fatalf("%d quotes listed, want 3", got)
	}
	s := screen(m)
	for _, want := range []string{"3 quotes · 3 speakers · 3 briefs", "“We will not sign a bad deal,” — Anton Belov (Belov in Oslo)",
		"— a port official (Harbour reopens)", "every quote"} {
		if !strings.Contains(s, want) {
			t.Errorf("view lacks %q:\n%s", want, s)
		}
	}
	checkFits(t, m.View(), 80, 24)
}

func TestQuotesFilterNarrows(t *testing.T) {
	for _, tc := range []struct {
		typed  string
		want   []string
		status string
	}{
		{"speaker:Belov", []string{"We will not sign a bad deal,"}, "speaker Anton Belov"},
		{`speaker:"Mara Lind"`, []string{"The plan is dead,"}, "speaker Mara Lind"},
		{"speaker:port official", []string{"Ships can dock again,"}, `speaker "port official" as written`},
		{"speaker:Mara Lid", nil, "did you mean Mara Lind"},
		{"about:Norway", []string{"We will not sign a bad deal,", "The plan is dead,"}, "about Norway"},
		{"about:russian federation", []string{"The plan is dead,"}, "about Russia"},
		{"dock", []string{"Ships can dock again,"}, `words "dock"`},
		{"lind", []string{"The plan is dead,"}, `words "lind"`}, // words match the speaker too
		{"speaker:Belov about:Russia", nil, "no quote passes the filter"},
	} {
		m := newQuotes(t, testIndex(t), 80, 24)
		m = typeText(m, tc.typed)
		if got := quoteTexts(m); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("filter %q: %q, want %q", tc.typed, got, tc.want)
		}
		if s := screen(m); !strings.Contains(s, tc.status) {
			t.Errorf("filter %q: view lacks %q:\n%s", tc.typed, tc.status, s)
		}
	}
}

func TestQuotesEnterOpensTheQuote(t *testing.T) {
	ix := testIndex(t)
	m := newQuotes(t, ix, 80, 24)
	m, _ = press(m, keyOf(tea.KeyDown))
	m, out := press(m, keyOf(tea.KeyEnter))
	if len(out) != 1 {
		t.Fatalf("enter sent %v", out)
	}
	open, ok := out[0].(OpenQuoteMsg)
	if !ok {
		t.Fatalf("enter sent %#v", out[0])
	}
	a, ok := ix.Article(open.ArticleID)
	if !ok || a.Title != "Quota talks stall" {
		t.Fatalf("enter opens article %q", open.ArticleID)
	}
	if open.Field != "body" || !strings.HasPrefix(a.Body[open.Start:], "The plan is dead,") {
		t.Errorf("enter points at %s byte %d, not at the quote", open.Field, open.Start)
	}
	// the selected quote in full under the list
	if s := screen(m); !strings.Contains(s, "— Mara Lind (said)") || !strings.Contains(s, "Quota talks stall · 1 Apr 2024") {
		t.Errorf("no detail of the selected quote:\n%s", s)
	}
	m, out = press(m, keyOf(tea.KeyEscape))
	if len(out) != 0 {
		t.Errorf("esc sent %v", out)
	}
	m = typeText(m, "zzz")
	if _, out = press(m, keyOf(tea.KeyEnter)); len(out) != 0 || m.list.KeyMap().Open.Enabled() {
		t.Errorf("enter with no quote sent %v", out)
	}
}

func TestQuotesAnySize(t *testing.T) {
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {5, 2}, {20, 5}, {80, 24}, {200, 50}} {
		m := newQuotes(t, testIndex(t), sz[0], sz[1])
		m, _ = press(m, keyOf(tea.KeyDown))
		checkFits(t, m.View(), sz[0], sz[1])
	}
	m := newQuotes(t, testIndex(t), 20, 5)
	if s := screen(m); !strings.Contains(s, "▌ “We wil") || !strings.Contains(s, "3 quotes") {
		t.Errorf("20x5 shows no quote or count:\n%s", s)
	}
	// wide: the whole quote, speaker and title on one row
	m = newQuotes(t, testIndex(t), 200, 50)
	if s := screen(m); !strings.Contains(s, "“Ships can dock again,” — a port official (Harbour reopens)") {
		t.Errorf("200x50 truncates a short row:\n%s", s)
	}
}

func TestQuotesLongListScrolls(t *testing.T) {
	m := newQuotes(t, manyPeople(t, 60), 80, 24)
	for range 45 {
		m, _ = press(m, keyOf(tea.KeyDown))
	}
	sel, _ := m.Selected()
	if sel.Quote.Text != "Talk 45 went well," {
		t.Fatalf("45 downs selected %q", sel.Quote.Text)
	}
	if s := screen(m); !strings.Contains(s, "▌ “Talk 45 went well,”") {
		t.Errorf("the selected quote is not on screen:\n%s", s)
	}
	m, _ = press(m, keyOf(tea.KeyPgUp))
	m, _ = press(m, keyOf(tea.KeyPgUp))
	m, _ = press(m, keyOf(tea.KeyPgUp))
	m, _ = press(m, keyOf(tea.KeyPgUp))
	if sel, _ = m.Selected(); sel.Quote.Text != "Talk 0 went well," {
		t.Errorf("page up past the top selected %q", sel.Quote.Text)
	}
	checkFits(t, m.View(), 80, 24)
}

func TestQuotesLargeCorpusListsInACommand(t *testing.T) {
	m := NewQuotes(nil, testStyles())
	m.inlineMax = 1
	m.list.SetVirtualCursor(false)
	m.SetSize(80, 24)
	if s := screen(m); !strings.Contains(s, "index is still loading") {
		t.Errorf("without a source:\n%s", s)
	}
	cmd := m.SetSource(testIndex(t))
	if cmd == nil || len(m.Quotes()) != 0 {
		t.Fatal("a large corpus was listed inside Update")
	}
	m, _ = settle(m, cmd)
	if len(m.Quotes()) != 3 || m.Loading() {
		t.Fatalf("%d quotes after the listing", len(m.Quotes()))
	}
	// typing twice: the answer to the first key arrives after the second's, and is dropped
	m, first := m.Update(tea.KeyPressMsg{Code: 'd', Text: "d"})
	m, second := m.Update(tea.KeyPressMsg{Code: 'o', Text: "o"})
	m, _ = settle(m, second)
	if got := quoteTexts(m); len(got) != 1 || got[0] != "Ships can dock again," {
		t.Fatalf("after do: %q", got)
	}
	m, _ = settle(m, first)
	if got := quoteTexts(m); len(got) != 1 {
		t.Errorf("the late answer for %q replaced the one for %q: %q", "d", "do", got)
	}
}

// fold's ASCII path must give what model.Slug gives.
func TestFoldMatchesSlug(t *testing.T) {
	for _, s := range []string{"", "Sergei Lavrov", "U.S.", "O'Brien", "  --a--b  ", "Bashar al-Assad", "NATO's 2024 summit!",
		"Sergéi Lavróv", "Ångström", "x.y.z", "'", "A1 b2"} {
		if got, want := fold(s), model.Slug(s); got != want {
			t.Errorf("fold(%q) = %q, model.Slug gives %q", s, got, want)
		}
	}
}

// countingSource counts the listings asked of an index.
type countingSource struct {
	*index.Index
	quotes int
}

func (c *countingSource) Quotes(speaker, about string) []index.QuoteHit {
	c.quotes++
	return c.Index.Quotes(speaker, about)
}

// Words typed after speaker: and about: filter the listing already made;
// only a new speaker, about or Refresh asks the source again.
func TestQuotesWordsDoNotAskTheSourceAgain(t *testing.T) {
	arts := testArticles(t)
	ix := index.Build(arts[:2], nil)
	src := &countingSource{Index: ix}
	m := newQuotes(t, src, 80, 24)
	m = typeText(m, `about:"Norway" `)
	asked := src.quotes
	m = typeText(m, "plan")
	if src.quotes != asked {
		t.Errorf("typing words asked the source %d more times", src.quotes-asked)
	}
	if got := quoteTexts(m); len(got) != 1 || got[0] != "The plan is dead," {
		t.Fatalf(`about:"Norway" plan: %q`, got)
	}
	m, _ = settle(m, m.SetFilter(""))
	ix.Add(arts[2])
	m, _ = settle(m, m.SetFilter("dock"))
	if len(m.Quotes()) != 0 {
		t.Fatalf("words filtered a listing other than the one made before the brief was added")
	}
	m, _ = settle(m, m.Refresh())
	if got := quoteTexts(m); len(got) != 1 || got[0] != "Ships can dock again," {
		t.Errorf("after Refresh: %q", got)
	}
}
