package corpusview

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/articles/index"
	"briefs/model"
)

// bench is a synthetic corpus of invented briefs, built once per test binary.
var bench struct {
	once sync.Once
	ix   *index.Index
}

// benchIndex indexes BRIEFS_BENCH_N (default 100,000) invented briefs: each
// names six entities drawn from 30,000 (people, places, organizations,
// countries; a few named very often) and carries two quotes.
func benchIndex(b *testing.B) *index.Index {
	b.Helper()
	bench.once.Do(func() {
		n := 100000
		if v, err := strconv.Atoi(os.Getenv("BRIEFS_BENCH_N")); err == nil && v > 0 {
			n = v
		}
		syll := []string{"ka", "lo", "mi", "ren", "sto", "va", "dri", "nel", "por", "tu", "zan", "bel", "or", "qui", "sel"}
		word := func(r *rand.Rand, k int) string {
			var s strings.Builder
			for range k {
				s.WriteString(syll[r.IntN(len(syll))])
			}
			w := s.String()
			return strings.ToUpper(w[:1]) + w[1:]
		}
		r := rand.New(rand.NewPCG(1, 2))
		kinds := []model.EntityKind{model.KindPerson, model.KindPerson, model.KindPlace, model.KindOrganization, model.KindCountry}
		pool := make([]model.Entity, 30000)
		for i := range pool {
			k := kinds[i%len(kinds)]
			name := word(r, 2) + " " + word(r, 3)
			if k == model.KindCountry {
				name = word(r, 3) + "ia"
			}
			name = fmt.Sprintf("%s %d", name, i) // distinct names
			pool[i] = model.Entity{ID: model.EntityID(k, name), Name: name, Kind: k, Aliases: []string{name}}
		}
		arts := make([]model.Article, n)
		for i := range arts {
			var ents []model.Entity
			var parts []string
			for j := range 6 {
				e := pool[int(float64(len(pool))*r.Float64()*r.Float64()*r.Float64())] // skewed: some entities are everywhere
				if j < 2 && e.Kind != model.KindPerson {
					e = pool[(r.IntN(len(pool)/5))*5] // a person
				}
				ents = append(ents, e)
				parts = append(parts, e.Name)
			}
			q1 := fmt.Sprintf("We spoke of %s today,", word(r, 3))
			q2 := fmt.Sprintf("Nothing was agreed on %s,", word(r, 2))
			body := fmt.Sprintf(`%s met %s in %s. "%s" %s said. %s and %s watched. "%s" said %s.`,
				parts[0], parts[1], parts[2], q1, parts[0], parts[3], parts[4], q2, parts[1])
			title := fmt.Sprintf("Brief %d on %s", i, parts[5])
			a := model.Article{ID: model.ArticleID(title, body), Title: title, Body: body}
			for _, e := range ents {
				if k := strings.Index(body, e.Name); k >= 0 {
					e.Mentions = []model.Mention{{Field: model.FieldBody, Start: k, End: k + len(e.Name), Text: e.Name}}
					a.Entities = append(a.Entities, e)
				}
			}
			for qi, q := range []string{q1, q2} {
				k := strings.Index(body, q)
				who := ents[qi]
				a.Quotes = append(a.Quotes, model.Quote{Field: model.FieldBody, Start: k, End: k + len(q), Text: q,
					Speaker: who.Name, SpeakerEntity: who.ID, Cue: "said"})
			}
			arts[i] = a
		}
		bench.ix = index.Build(arts, nil)
		bench.ix.Compact()
	})
	return bench.ix
}

// BenchmarkEntitiesList is the listing of every entity of the corpus (the
// work of the command a large corpus is listed by).
func BenchmarkEntitiesList(b *testing.B) {
	ix := benchIndex(b)
	m := NewEntities(nil, testStyles())
	m.src = ix
	var rows int
	for b.Loop() {
		rows = len(m.listCmd()().(entitiesMsg).rows)
	}
	b.ReportMetric(float64(rows), "entities")
}

// BenchmarkEntitiesFilterKey is one key typed in the filter (done inside Update).
func BenchmarkEntitiesFilterKey(b *testing.B) {
	ix := benchIndex(b)
	m := NewEntities(ix, testStyles())
	m.list.SetVirtualCursor(false)
	m, _ = settle(m, m.Init())
	if len(m.Entities()) == 0 {
		b.Fatal("nothing listed")
	}
	m.async = false
	m.SetFilter("kalo")
	for b.Loop() {
		m.applyFilter()
	}
	b.ReportMetric(float64(len(m.rows)), "shown")
}

// BenchmarkEntitiesDetail is the co-occurring entities of the most named entity.
func BenchmarkEntitiesDetail(b *testing.B) {
	ix := benchIndex(b)
	top := ix.Entities("")[0]
	for b.Loop() {
		ix.CoOccurring(top.ID, maxRelated)
	}
	b.ReportMetric(float64(top.Articles), "briefs")
}

// BenchmarkQuotesList lists every quote, then the quotes holding a word.
func BenchmarkQuotesList(b *testing.B) {
	ix := benchIndex(b)
	for _, line := range []string{"", "agreed", "speaker:" + ix.Entities(model.KindPerson)[0].ID} {
		b.Run(strconv.Quote(line), func(b *testing.B) {
			var n int
			for b.Loop() {
				msg := listQuotes(ix, 1, 1, nil, line)
				n = msg.len()
			}
			b.ReportMetric(float64(n), "quotes")
		})
	}
}

// BenchmarkQuotesWordKey is a word typed after every quote was listed:
// the listing is filtered again, the source is not asked.
func BenchmarkQuotesWordKey(b *testing.B) {
	ix := benchIndex(b)
	base := listQuotes(ix, 1, 1, nil, "agreed").base // folded once
	var n int
	for b.Loop() {
		msg := listQuotes(ix, 1, 1, base, "agreed on")
		n = msg.len()
	}
	b.ReportMetric(float64(n), "quotes")
}

// BenchmarkView draws both views at 200x50 over the whole corpus.
func BenchmarkView(b *testing.B) {
	ix := benchIndex(b)
	e := NewEntities(ix, testStyles())
	e, _ = settle(e, e.Init())
	e.SetSize(200, 50)
	q := NewQuotes(ix, testStyles())
	q, _ = settle(q, q.Init())
	q.SetSize(200, 50)
	e, _ = e.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	for b.Loop() {
		_ = e.View()
		_ = q.View()
	}
}
