package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"briefs/articles/quotes"
	"briefs/model"
)

// explainView covers the screen with the trace of one quote: what `briefs
// explain --quote N` prints for it (the marks, the rule that kept it, the
// cue, the candidates with their scores, the rule or the ranker that chose,
// each coreference step). The explain key opens it on the selected quote
// (in the quotes pane, or the reader's); it scrolls with the reader's keys;
// Esc or the explain key closes it.
type explainView struct {
	open  bool
	title string
	lines []string
	top   int
}

// quoteTrace returns the trace of art's quote i (0-based), as `briefs
// explain --quote i+1` prints it. art keeps its quotes: the trace extracts
// them again, from the entities the brief holds, on a copy.
func quoteTrace(art model.Article, i int) string {
	var tr quotes.Trace
	quotes.ExtractTrace(&art, &tr)
	var b strings.Builder
	_ = tr.Write(&b, i+1) // a strings.Builder does not fail
	return b.String()
}

// openExplain opens the trace of the selected quote, or says there is none.
func (a *App) openExplain() tea.Cmd {
	art, ok := a.currentBrief()
	if !ok {
		return nil
	}
	i, ok := a.selectedQuote(art)
	if !ok {
		return a.layout()
	}
	text := strings.TrimRight(quoteTrace(art, i), "\n")
	if text == "" {
		text = "No trace for this quote: the brief changed since it was extracted."
	}
	a.explain = explainView{open: true, title: "Why this speaker: quote " + strconv.Itoa(i+1), lines: strings.Split(text, "\n")}
	return a.layout()
}

// updateExplain handles a key while the trace is open.
func (a *App) updateExplain(msg tea.KeyPressMsg) tea.Cmd {
	rk := a.reader.KeyMap()
	page := max(1, a.regions().h-2)
	switch {
	case key.Matches(msg, a.keys.Quit):
		return a.quit()
	case key.Matches(msg, a.keys.Back), key.Matches(msg, a.actions.ExplainQuote):
		a.explain = explainView{}
		return a.layout()
	case key.Matches(msg, rk.Down):
		a.explain.scroll(1, page)
	case key.Matches(msg, rk.Up):
		a.explain.scroll(-1, page)
	case key.Matches(msg, rk.PageDown):
		a.explain.scroll(page, page)
	case key.Matches(msg, rk.PageUp):
		a.explain.scroll(-page, page)
	}
	return nil
}

// scroll moves the first line shown by n, keeping a page of h lines full.
func (e *explainView) scroll(n, h int) {
	e.top = max(0, min(e.top+n, len(e.lines)-h))
}

// explainPage draws the title and the h-1 lines from the top (the caller
// cuts them to the width).
func (a App) explainPage(h int) string {
	e := a.explain
	out := []string{a.st.PaneTitle.Render(e.title)}
	for i := e.top; i < len(e.lines) && len(out) < h; i++ {
		out = append(out, e.lines[i])
	}
	return strings.Join(out, "\n")
}

// explainHelp is the help while the trace is open.
func (a App) explainHelp() helpKeys {
	back, rk := hint(a.keys.Back, "close"), a.reader.KeyMap()
	down, page := hint(rk.Down, "scroll"), hint(rk.PageDown, "page down")
	return helpKeys{short: []key.Binding{down, page, back, a.keys.Quit},
		full: [][]key.Binding{{rk.Down, rk.Up, rk.PageDown, rk.PageUp}, {back, a.actions.ExplainQuote, a.keys.Quit}}}
}
