package corpusview

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles/index"
	"briefs/model"
	"briefs/ui/theme"
)

// quoteSpec is a quotation to mark in an invented brief.
type quoteSpec struct {
	text, speaker, speakerID string
}

// brief builds an invented article: every occurrence of an entity's aliases
// is a mention, every quote's text is found in the body.
func brief(t testing.TB, title, body, day string, ents []model.Entity, quotes ...quoteSpec) model.Article {
	t.Helper()
	a := model.Article{Title: title, Body: body, ID: model.ArticleID(title, body)}
	a.Published, _ = time.Parse("2006-01-02", day)
	for _, e := range ents {
		for _, form := range e.Aliases {
			for at := 0; ; {
				k := strings.Index(body[at:], form)
				if k < 0 {
					break
				}
				// a longer alias already covers this place ("Anton Belov" holds "Belov")
				start, end := at+k, at+k+len(form)
				covered := false
				for _, m := range e.Mentions {
					if start >= m.Start && end <= m.End {
						covered = true
					}
				}
				if !covered {
					e.Mentions = append(e.Mentions, model.Mention{Field: model.FieldBody, Start: start, End: end, Text: form})
				}
				at = end
			}
		}
		a.Entities = append(a.Entities, e)
	}
	for _, q := range quotes {
		k := strings.Index(body, q.text)
		if k < 0 {
			t.Fatalf("quote %q not in the body of %q", q.text, title)
		}
		a.Quotes = append(a.Quotes, model.Quote{Field: model.FieldBody, Start: k, End: k + len(q.text), Text: q.text,
			Speaker: q.speaker, SpeakerEntity: q.speakerID, Cue: "said"})
	}
	return a
}

var (
	belov  = model.Entity{ID: "person:anton-belov", Name: "Anton Belov", Kind: model.KindPerson, Aliases: []string{"Anton Belov", "Belov"}}
	lind   = model.Entity{ID: "person:mara-lind", Name: "Mara Lind", Kind: model.KindPerson, Aliases: []string{"Mara Lind"}}
	russia = model.Entity{ID: "country:russia", Name: "Russia", Kind: model.KindCountry, Aliases: []string{"Russian Federation", "Russia"}}
	norway = model.Entity{ID: "country:norway", Name: "Norway", Kind: model.KindCountry, Aliases: []string{"Norway"}}
	oslo   = model.Entity{ID: "place:oslo", Name: "Oslo", Kind: model.KindPlace, Aliases: []string{"Oslo"}}
	fleet  = model.Entity{ID: "organization:northern-fleet-board", Name: "Northern Fleet Board", Kind: model.KindOrganization, Aliases: []string{"Northern Fleet Board"}}
)

// testArticles are three invented briefs with their entities and quotes.
func testArticles(t testing.TB) []model.Article {
	return []model.Article{
		brief(t, "Belov in Oslo",
			`Foreign Minister Anton Belov arrived in Oslo for talks on fishing quotas. "We will not sign a bad deal," Belov said. Norway hosted the meeting.`,
			"2024-03-01", []model.Entity{belov, oslo, norway},
			quoteSpec{"We will not sign a bad deal,", "Belov", belov.ID}),
		brief(t, "Quota talks stall",
			`The Russian Federation rejected the quota plan. "The plan is dead," said Mara Lind, Norway's envoy. Belov told reporters in Oslo that Russia would wait.`,
			"2024-04-01", []model.Entity{russia, lind, norway, belov, oslo},
			quoteSpec{"The plan is dead,", "Mara Lind", lind.ID}),
		brief(t, "Harbour reopens",
			`The harbour in Oslo reopened after the storm. The Northern Fleet Board approved it. "Ships can dock again," a port official said.`,
			"2024-05-01", []model.Entity{oslo, fleet},
			quoteSpec{"Ships can dock again,", "a port official", ""}),
	}
}

func testIndex(t testing.TB) *index.Index { return index.Build(testArticles(t), nil) }

// manyPeople is an index of n invented briefs, each naming its own person and Oslo.
func manyPeople(t testing.TB, n int) *index.Index {
	arts := make([]model.Article, n)
	for i := range arts {
		name := fmt.Sprintf("Envoy Number%03d", i)
		p := model.Entity{ID: model.EntityID(model.KindPerson, name), Name: name, Kind: model.KindPerson, Aliases: []string{name}}
		body := fmt.Sprintf(`%s met officials in Oslo. "Talk %d went well," %s said.`, name, i, name)
		arts[i] = brief(t, fmt.Sprintf("Brief %03d", i), body, "2024-01-01", []model.Entity{p, oslo},
			quoteSpec{fmt.Sprintf("Talk %d went well,", i), name, p.ID})
	}
	return index.Build(arts, nil)
}

func testStyles() theme.Styles { return theme.New(true) }

// run executes cmd and any batch it returns, collecting the messages.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, run(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// view is the part of the views both kinds share for these helpers.
type view[M any] interface {
	Update(tea.Msg) (M, tea.Cmd)
	View() string
}

// settle runs the commands a step returned and feeds their answers back,
// until none is left; it returns the messages meant for the parent.
func settle[M view[M]](m M, cmd tea.Cmd) (M, []tea.Msg) {
	var out []tea.Msg
	queue := run(cmd)
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		switch msg.(type) {
		case SearchEntityMsg, OpenQuoteMsg:
			out = append(out, msg)
			continue
		}
		var c tea.Cmd
		m, c = m.Update(msg)
		queue = append(queue, run(c)...)
	}
	return m, out
}

// typeText types s key by key, settling each key's commands.
func typeText[M view[M]](m M, s string) M {
	for _, r := range s {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		m, _ = settle(m, cmd)
	}
	return m
}

// press sends one key and settles its commands, returning the parent's messages.
func press[M view[M]](m M, k tea.KeyPressMsg) (M, []tea.Msg) {
	m, cmd := m.Update(k)
	return settle(m, cmd)
}

func keyOf(code rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: code} }

// checkFits fails when a view is taller or wider than its size.
func checkFits(t *testing.T, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if v == "" {
		lines = nil
	}
	if len(lines) > h {
		t.Errorf("%d lines for a height of %d:\n%s", len(lines), h, v)
	}
	for _, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line of %d cells for a width of %d: %q", n, w, ansi.Strip(l))
		}
	}
}

// screen is the view without its styles.
func screen[M view[M]](m M) string { return ansi.Strip(m.View()) }
