package reader

import (
	"briefs/model"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/ui/internal/testbriefs"
	"briefs/ui/theme"
)

func press(s string) tea.KeyPressMsg {
	switch s {
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// render runs a render command as the event loop would.
func render(t *testing.T, cmd tea.Cmd) RenderedMsg {
	t.Helper()
	if cmd == nil {
		t.Fatal("expected a render command")
	}
	msg, ok := cmd().(RenderedMsg)
	if !ok {
		t.Fatalf("command gave %T, want RenderedMsg", msg)
	}
	return msg
}

func TestRenderIsCachedAndLateResultsDropped(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	m := New(theme.New(true))
	if cmd := m.SetSize(80, 20); cmd != nil {
		t.Fatal("no article open: nothing to render")
	}
	first := render(t, m.Open(arts[0]))
	second := m.Open(arts[1]) // the user moved on before the first finished
	m, _ = m.Update(first)
	if strings.Contains(m.View(), arts[0].Title) {
		t.Fatal("a late rendering of the previous brief was shown")
	}
	if !strings.Contains(m.View(), "Rendering") {
		t.Fatalf("want a rendering notice, got %q", m.View())
	}
	m, _ = m.Update(render(t, second))
	if !strings.Contains(ansi.Strip(m.View()), "Security Council delays vote") {
		t.Fatalf("second brief not shown:\n%s", ansi.Strip(m.View()))
	}
	if cmd := m.Open(arts[0]); cmd != nil {
		t.Fatal("the first brief was rendered already: want it from the cache")
	}
	if !strings.Contains(ansi.Strip(m.View()), "Envoys agree on harbour") {
		t.Fatal("cached brief not shown")
	}

	// A new width renders again; a late result for the old width is dropped.
	narrow := m.SetSize(50, 20)
	old := m.SetSize(80, 20)
	if old != nil {
		t.Fatal("width 80 is cached")
	}
	m, _ = m.Update(render(t, narrow))
	for _, l := range strings.Split(m.View(), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("line %d cells wide in an 80-cell reader", w)
		}
	}
	if m.doc != m.cache[docKey{id: arts[0].ID, width: 80, style: "dark"}] {
		t.Fatal("the 50-cell rendering replaced the 80-cell one on screen")
	}
	if m.cache[docKey{id: arts[0].ID, width: 50, style: "dark"}] == nil {
		t.Fatal("the 50-cell rendering was not cached")
	}
}

func openRendered(t *testing.T, w, h int) Model {
	t.Helper()
	m := New(theme.New(true))
	m.SetSize(w, h)
	m, _ = m.Update(render(t, m.Open(testbriefs.MustLoad(t)[0])))
	return m
}

func TestScrollKeys(t *testing.T) {
	m := openRendered(t, 40, 10)
	if m.Lines() <= 9 {
		t.Fatalf("brief too short to scroll: %d lines", m.Lines())
	}
	steps := []struct {
		key  string
		want func(y, max int) bool
	}{
		{"j", func(y, _ int) bool { return y == 1 }},
		{"j", func(y, _ int) bool { return y == 2 }},
		{"k", func(y, _ int) bool { return y == 1 }},
		{"space", func(y, _ int) bool { return y == 10 }},
		{"b", func(y, _ int) bool { return y == 1 }},
		{"G", func(y, max int) bool { return y == max }},
		{"g", func(y, _ int) bool { return y == 0 }},
		{"d", func(y, _ int) bool { return y == 4 }},
	}
	for i, s := range steps {
		m, _ = m.Update(press(s.key))
		if max := m.Lines() - 9; !s.want(m.YOffset(), max) {
			t.Fatalf("step %d (%s): y offset %d (last %d)", i, s.key, m.YOffset(), max)
		}
	}
	m, _ = m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.YOffset() != 7 {
		t.Fatalf("mouse wheel: y offset %d, want 7", m.YOffset())
	}
}

func TestNavigationMessages(t *testing.T) {
	m := openRendered(t, 60, 12)
	id := testbriefs.MustLoad(t)[0].ID
	cases := []struct {
		key  tea.KeyPressMsg
		want tea.Msg
	}{
		{press("esc"), BackMsg{}},
		{press("h"), BackMsg{}},
		{press("]"), StepMsg{From: id, Delta: 1}},
		{press("["), StepMsg{From: id, Delta: -1}},
	}
	for _, c := range cases {
		_, cmd := m.Update(c.key)
		if cmd == nil {
			t.Fatalf("%s: no message", c.key)
		}
		if got := cmd(); got != c.want {
			t.Fatalf("%s: got %#v, want %#v", c.key, got, c.want)
		}
	}
}

func TestTinySizesDoNotCrash(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	for _, sz := range [][2]int{{20, 5}, {1, 1}, {0, 0}, {3, 2}} {
		m := New(theme.New(false))
		m.SetSize(sz[0], sz[1])
		if cmd := m.Open(arts[3]); cmd != nil {
			m, _ = m.Update(cmd())
		}
		m, _ = m.Update(press("G"))
		v := m.View()
		if lines := strings.Count(v, "\n") + 1; v != "" && lines > sz[1] {
			t.Errorf("%dx%d: %d lines", sz[0], sz[1], lines)
		}
		for _, l := range strings.Split(v, "\n") {
			if ansi.StringWidth(l) > sz[0] {
				t.Errorf("%dx%d: line %q too wide", sz[0], sz[1], ansi.Strip(l))
			}
		}
	}
}

func TestCacheIsBounded(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	m := New(theme.New(true))
	m.SetSize(60, 10)
	for i := range 3 * maxCached {
		a := arts[i%len(arts)]
		a.ID = fmt.Sprintf("brief-%d", i)
		if cmd := m.Open(a); cmd != nil {
			m, _ = m.Update(cmd())
		}
	}
	if n := len(m.cache); n > maxCached {
		t.Fatalf("%d renderings cached, want at most %d", n, maxCached)
	}
	if m.cache[m.key()] == nil {
		t.Fatal("the brief on screen lost its rendering")
	}
}

// firstWordAt returns the word of the body that starts at byte offset off
// (the anchor of a Place, minus one).
func firstWordAt(body string, off int) string {
	w := strings.Fields(body[off:])
	if len(w) == 0 {
		return ""
	}
	return strings.Trim(w[0], `.,;:"“”'’()`)
}

// topLine returns the first line of the reader's view, without styles.
func topLine(m Model) string {
	return strings.SplitN(ansi.Strip(m.View()), "\n", 2)[0]
}

func TestPlaceSurvivesAnotherWidth(t *testing.T) {
	art := testbriefs.MustLoad(t)[0]
	m := openRendered(t, 60, 10)
	for range 6 {
		m, _ = m.Update(press("j"))
	}
	at := m.Place()
	if at.Line != 6 || at.Anchor <= 0 {
		t.Fatalf("place %+v, want line 6 and an anchor in the body", at)
	}
	word := firstWordAt(art.Body, at.Anchor-1)
	if word == "" || !strings.Contains(topLine(m), word) {
		t.Fatalf("anchor word %q is not on the top line %q", word, topLine(m))
	}

	// Reopened in a narrower reader, the same text is at the top.
	n := New(theme.New(true))
	n.SetSize(30, 10)
	n, _ = n.Update(render(t, n.OpenAt(art, at)))
	if n.YOffset() == at.Line {
		t.Fatalf("at width 30 the brief opened at line %d, as at width 60: wrapping changed nothing?", n.YOffset())
	}
	if !strings.Contains(topLine(n), word) {
		t.Fatalf("at width 30 the top line is %q, want the one with %q", topLine(n), word)
	}

	// Resizing an open brief keeps that text at the top too.
	m, _ = m.Update(render(t, m.SetSize(34, 10)))
	if !strings.Contains(topLine(m), word) {
		t.Fatalf("after resizing to 34 the top line is %q, want the one with %q", topLine(m), word)
	}

	// A place without an anchor (saved by an older version) is a line.
	o := New(theme.New(true))
	o.SetSize(60, 10)
	o, _ = o.Update(render(t, o.OpenAt(art, Place{Line: 3})))
	if o.YOffset() != 3 {
		t.Fatalf("a line-only place opened at line %d, want 3", o.YOffset())
	}
}

// speaker_tags = false leaves the text as written: no "⟨Speaker⟩" after a
// quotation (issue 20, defect 9).
func TestSpeakerTagsCanBeHidden(t *testing.T) {
	seed := testbriefs.Seed(t)
	m := New(theme.New(true))
	m.SetSize(100, 40)
	m, _ = m.Update(render(t, m.Open(seed)))
	if !strings.Contains(ansi.Strip(m.View()), "⟨Bashar al-Assad⟩") {
		t.Fatalf("no speaker tag by default:\n%s", ansi.Strip(m.View()))
	}
	m, _ = m.Update(render(t, m.SetSpeakerTags(false)))
	view := ansi.Strip(m.View())
	if strings.Contains(view, "⟨Bashar al-Assad⟩") || !strings.Contains(view, "The US ambassador however added") {
		t.Fatalf("speaker tags still shown, or the text gone:\n%s", view)
	}
}

// The byline's URL reaches the screen as an OSC 8 hyperlink, whole (issue
// 20, defect 11).
func TestURLIsAHyperlinkOnScreen(t *testing.T) {
	url := "https://example.org/briefs/2026/03/harbour-inspections"
	a := model.Article{ID: "u", Title: "Harbour accord", URL: url, Body: "Envoys from Norland signed the draft on Friday."}
	m := New(theme.New(true))
	m.SetSize(100, 20)
	m, _ = m.Update(render(t, m.Open(a)))
	v := m.View()
	if !strings.Contains(v, ansi.SetHyperlink(url)) || !strings.Contains(ansi.Strip(v), url) {
		t.Fatalf("no hyperlink to %s on screen:\n%q", url, v)
	}
}
