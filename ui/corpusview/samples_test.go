package corpusview

import (
	"context"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/articles/index"
	"briefs/articles/source"
	"briefs/model"
)

var samples struct {
	once sync.Once
	ix   *index.Index
	n    int
	err  error
}

// sampleIndex loads and extracts the built-in briefs and indexes them with the gazetteer.
func sampleIndex(t *testing.T) *index.Index {
	t.Helper()
	samples.once.Do(func() {
		arts, _, err := articles.Load(context.Background(), nil, source.Options{})
		if err != nil {
			samples.err = err
			return
		}
		samples.n = len(arts)
		samples.ix = index.Build(arts, articles.Resolver())
	})
	if samples.err != nil {
		t.Fatalf("load the built-in briefs: %v", samples.err)
	}
	if samples.n < 5 {
		t.Fatalf("only %d built-in briefs", samples.n)
	}
	return samples.ix
}

func TestSamplesEntitiesByKindAndFilter(t *testing.T) {
	ix := sampleIndex(t)
	m := newEntities(t, ix, 80, 24)
	all := m.Entities()
	if len(all) != len(ix.Entities("")) || len(all) < 20 {
		t.Fatalf("%d entities listed, the index has %d", len(all), len(ix.Entities("")))
	}
	// every kind tab lists exactly the index's entities of that kind
	for _, k := range model.Kinds {
		m, _ = press(m, tea.KeyPressMsg{Code: tea.KeyTab})
		if m.Kind() != k {
			t.Fatalf("tab went to %q, want %q", m.Kind(), k)
		}
		want := ix.Entities(k)
		got := m.Entities()
		if len(got) != len(want) {
			t.Errorf("%s: %d listed, the index has %d", k, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i].ID != want[i].ID {
				t.Errorf("%s: row %d is %s, want %s", k, i, got[i].ID, want[i].ID)
				break
			}
		}
	}
	m, _ = press(m, tea.KeyPressMsg{Code: tea.KeyTab}) // back to all
	if m.Kind() != "" {
		t.Fatalf("after the last kind: %q", m.Kind())
	}
	// the most named person, filtered by an alias that is not its name, then searched
	people := ix.Entities(model.KindPerson)
	var target index.EntityStat
	var alias string
	for _, p := range people {
		for _, a := range p.Aliases {
			if a != p.Name && len(a) >= 4 {
				target, alias = p, a
				break
			}
		}
		if alias != "" {
			break
		}
	}
	if alias == "" {
		t.Fatal("no person of the built-in briefs has an alias")
	}
	m = typeText(m, alias)
	got := m.Entities()
	if len(got) == 0 || len(got) >= len(all) {
		t.Fatalf("filter %q: %d of %d entities", alias, len(got), len(all))
	}
	at := -1
	for i, e := range got {
		if e.ID == target.ID {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("filter %q does not list %s", alias, target.ID)
	}
	for range at {
		m, _ = press(m, keyOf(tea.KeyDown))
	}
	s := screen(m)
	if !strings.Contains(s, target.Name) || !strings.Contains(s, "of "+itoa(len(all))+" entities") {
		t.Errorf("filter %q: view lacks %q or the count:\n%s", alias, target.Name, s)
	}
	_, out := press(m, keyOf(tea.KeyEnter))
	if len(out) != 1 || out[0] != (SearchEntityMsg{EntityID: target.ID, Name: target.Name}) {
		t.Errorf("enter on %s sent %v", target.ID, out)
	}
	// the detail names what the index says appears with it
	rel := ix.CoOccurring(target.ID, 1)
	m.SetSize(200, 50)
	if s := screen(m); len(rel) > 0 && !strings.Contains(s, rel[0].Name) {
		t.Errorf("detail of %s lacks %s, the entity most often named with it:\n%s", target.Name, rel[0].Name, s)
	}
	for _, sz := range [][2]int{{20, 5}, {80, 24}, {200, 50}} {
		m.SetSize(sz[0], sz[1])
		checkFits(t, m.View(), sz[0], sz[1])
	}
}

func TestSamplesQuotesBySpeaker(t *testing.T) {
	ix := sampleIndex(t)
	m := newQuotes(t, ix, 80, 24)
	total := len(m.Quotes())
	if total != len(ix.Quotes("", "")) || total < 5 {
		t.Fatalf("%d quotes listed, the index has %d", total, len(ix.Quotes("", "")))
	}
	// the person with the most quotes: speaker:ID lists exactly theirs
	var speaker index.EntityStat
	for _, e := range ix.Entities(model.KindPerson) {
		if e.Quotes > speaker.Quotes {
			speaker = e
		}
	}
	if speaker.Quotes == 0 {
		t.Fatal("no person of the built-in briefs is quoted")
	}
	m = typeText(m, "speaker:"+speaker.ID)
	got := m.Quotes()
	if len(got) != speaker.Quotes || len(got) >= total {
		t.Errorf("speaker:%s: %d quotes, the index counts %d of %d", speaker.ID, len(got), speaker.Quotes, total)
	}
	for _, q := range got {
		if q.SpeakerID != speaker.ID {
			t.Errorf("speaker:%s lists a quote of %q (%s)", speaker.ID, q.SpeakerName, q.SpeakerID)
		}
	}
	s := screen(m)
	if !strings.Contains(s, "speaker "+speaker.Name) || !strings.Contains(s, plural(len(got), "quote", "quotes")+" · 1 speaker") {
		t.Errorf("view lacks the speaker or the counts:\n%s", s)
	}
	m, out := press(m, keyOf(tea.KeyEnter))
	if len(out) != 1 {
		t.Fatalf("enter sent %v", out)
	}
	open := out[0].(OpenQuoteMsg)
	a, ok := ix.Article(open.ArticleID)
	if !ok {
		t.Fatalf("enter opens an unknown article %q", open.ArticleID)
	}
	found := false
	for _, q := range a.Quotes {
		if q.Start == open.Start && q.Field == open.Field && q.SpeakerEntity != "" {
			found = true
		}
	}
	if !found {
		t.Errorf("no quote of %q starts at %s byte %d", a.Title, open.Field, open.Start)
	}
	for _, sz := range [][2]int{{20, 5}, {80, 24}, {200, 50}} {
		m.SetSize(sz[0], sz[1])
		checkFits(t, m.View(), sz[0], sz[1])
	}
}
