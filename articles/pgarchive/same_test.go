package pgarchive

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"briefs/articles"
	"briefs/articles/archive"
	"briefs/articles/index"
	"briefs/articles/output"
	"briefs/articles/pgarchive/pgtest"
	"briefs/articles/store"
	"briefs/model"
)

// extracted reads specs (nil: the built-in briefs) through the load path,
// extracting with no cache.
func extracted(t *testing.T, specs []string) []model.Article {
	t.Helper()
	var arts []model.Article
	warns := articles.Stream(context.Background(), specs, articles.StreamOptions{NoCache: true}, func(b []model.Article) {
		arts = append(arts, b...)
	}, nil)
	for _, w := range warns {
		if !w.Notice {
			t.Fatalf("load %v: %v", specs, w.Error())
		}
	}
	if len(arts) == 0 {
		t.Fatalf("no briefs in %v", specs)
	}
	return arts
}

// readBack is every brief of ar, whole, in list order.
func readBack(t *testing.T, ar archive.Archive) []model.Article {
	t.Helper()
	ctx := context.Background()
	var ids []string
	if err := ar.List(ctx, 0, func(r archive.Record) bool { ids = append(ids, r.ID); return true }); err != nil {
		t.Fatal(err)
	}
	out := make([]model.Article, len(ids))
	for i, id := range ids {
		b, err := ar.Get(ctx, id)
		if err != nil {
			t.Fatalf("Get %s: %v", id, err)
		}
		out[i] = b
	}
	return out
}

// TestSameAsEmbedded puts the same briefs in the embedded archive and in
// PostgreSQL and checks both give the same answers: the list, every brief
// whole, Search by every entity, every speaker and words, and what the
// commands make of the briefs read back (briefs search, entities, quotes by
// speaker, export). For the built-in briefs and, when ../shared is there,
// the BBC politics briefs.
func TestSameAsEmbedded(t *testing.T) {
	sets := []struct {
		name  string
		specs []string
	}{{"samples", nil}}
	bbc := filepath.Join("..", "..", "..", "shared", "data", "bbc", "politics")
	if _, err := os.Stat(bbc); err == nil {
		sets = append(sets, struct {
			name  string
			specs []string
		}{"bbc-politics", []string{bbc}})
	} else {
		t.Logf("%s not found: the BBC politics briefs are not compared", bbc)
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			if testing.Short() && set.specs != nil {
				t.Skip("-short: the BBC briefs take a few seconds to extract")
			}
			compareArchives(t, extracted(t, set.specs))
		})
	}
}

func compareArchives(t *testing.T, briefs []model.Article) {
	ctx := context.Background()
	dir := t.TempDir()
	emb, err := store.OpenArchive(filepath.Join(dir, "archive.db"), filepath.Join(dir, "state"))
	if err != nil {
		t.Fatal(err)
	}
	defer emb.Close()
	pg := open(t, pgtest.URL(t), Options{})
	defer pg.Close()
	// in batches, as ingest writes
	for i := 0; i < len(briefs); i += 64 {
		b := briefs[i:min(i+64, len(briefs))]
		if err := emb.Put(ctx, b); err != nil {
			t.Fatal(err)
		}
		if err := pg.Put(ctx, b); err != nil {
			t.Fatal(err)
		}
	}

	// the list and the briefs
	type rec struct {
		ID, Title, Outlet, Source string
		Published                 int64
		Entities, Quotes          int
	}
	records := func(ar archive.Archive) []rec {
		var out []rec
		ar.List(ctx, 0, func(r archive.Record) bool {
			out = append(out, rec{r.ID, r.Title, r.Outlet, r.Source, r.Published.Unix(), r.Entities, r.Quotes})
			return true
		})
		return out
	}
	er, pr := records(emb), records(pg)
	unique := map[string]bool{}
	for _, b := range briefs {
		unique[b.ID] = true
	}
	if len(er) != len(unique) || !slices.Equal(er, pr) {
		for i := range min(len(er), len(pr)) {
			if er[i] != pr[i] {
				t.Errorf("record %d: embedded %+v, PostgreSQL %+v", i, er[i], pr[i])
				break
			}
		}
		t.Fatalf("the lists differ: embedded %d records, PostgreSQL %d; %d briefs put", len(er), len(pr), len(briefs))
	}
	eb, pb := readBack(t, emb), readBack(t, pg)
	for i := range eb {
		ej, _ := eb[i].MarshalJSON()
		pj, _ := pb[i].MarshalJSON()
		if !bytes.Equal(ej, pj) {
			t.Fatalf("brief %s differs:\nembedded   %s\nPostgreSQL %s", eb[i].ID, ej, pj)
		}
	}

	// Search: every entity, every speaker, words of the titles
	var queries []archive.Query
	seenQ := map[archive.Query]bool{}
	add := func(q archive.Query) {
		if !seenQ[q] {
			seenQ[q] = true
			queries = append(queries, q)
		}
	}
	for _, b := range briefs {
		for _, id := range archive.EntityIDs(&b) {
			add(archive.Query{Entity: id})
		}
		for _, s := range archive.Speakers(&b) {
			add(archive.Query{Speaker: s})
		}
		if w := archive.Words(b.Title); len(w) > 0 {
			add(archive.Query{Text: w[0]})
			add(archive.Query{Text: b.Title})
			if len(b.Entities) > 0 {
				add(archive.Query{Text: w[len(w)-1], Entity: b.Entities[0].ID, Limit: 3})
			}
		}
	}
	found := 0
	for _, q := range queries {
		e, err1 := emb.Search(ctx, q)
		p, err2 := pg.Search(ctx, q)
		if err1 != nil || err2 != nil {
			t.Fatalf("Search %+v: %v, %v", q, err1, err2)
		}
		if !slices.Equal(e, p) {
			t.Fatalf("Search %+v: embedded %v, PostgreSQL %v", q, e, p)
		}
		found += len(e)
	}
	if found == 0 {
		t.Fatalf("%d queries found nothing in either archive", len(queries))
	}

	// what the commands make of them: search, entities, quotes by speaker, export
	ei, pi := index.Build(eb, articles.Resolver()), index.Build(pb, articles.Resolver())
	render := func(ix *index.Index, arts []model.Article) string {
		var w bytes.Buffer
		ents := ix.Entities("")
		if err := output.WriteEntities(&w, output.FormatJSONL, ents); err != nil {
			t.Fatal(err)
		}
		speakers := 0
		for _, e := range ents {
			if e.Quotes > 0 && speakers < 20 {
				speakers++
				output.WriteQuotes(&w, output.FormatJSONL, ix.Quotes(e.Name, ""))
			}
		}
		byID := map[string]model.Article{}
		for _, a := range arts {
			byID[a.ID] = a
		}
		for i, e := range ents {
			if i == 20 {
				break
			}
			res, err := ix.Search(e.Name, 0)
			if err != nil {
				t.Fatal(err)
			}
			output.WriteHits(&w, output.FormatJSONL, res.Hits)
			var matched []model.Article
			for _, h := range res.Hits {
				matched = append(matched, byID[h.ArticleID])
			}
			output.Export(&w, e.Name, matched)
		}
		return w.String()
	}
	eo, po := render(ei, eb), render(pi, pb)
	if eo != po {
		t.Fatalf("the commands' output differs (embedded %d bytes, PostgreSQL %d)", len(eo), len(po))
	}
	if len(ei.Entities("")) == 0 {
		t.Fatal("no entities in the briefs: nothing was compared")
	}
	t.Logf("%d briefs (%d distinct), %d searches (%d ids), %d bytes of command output: the same", len(briefs), len(unique), len(queries), found, len(eo))
}

// Both archives hold the same briefs when several writers put them at once
// into PostgreSQL with Insert: each once.
func TestInsertIdempotent(t *testing.T) {
	ctx := context.Background()
	u := pgtest.URL(t)
	briefs := extracted(t, nil)
	a := open(t, u, Options{})
	defer a.Close()
	errs := make(chan error, 4)
	counts := make(chan int, 4)
	for w := 0; w < 4; w++ {
		go func() {
			b, err := Open(ctx, u, Options{})
			if err != nil {
				counts <- 0
				errs <- err
				return
			}
			defer b.Close()
			n := 0
			for i := 0; i < len(briefs); i += 3 {
				k, err := b.Insert(ctx, briefs[i:min(i+3, len(briefs))])
				if err != nil {
					counts <- 0
					errs <- err
					return
				}
				n += k
			}
			counts <- n
			errs <- nil
		}()
	}
	total := 0
	for w := 0; w < 4; w++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
		total += <-counts
	}
	ids := map[string]bool{}
	for _, b := range briefs {
		ids[b.ID] = true
	}
	n, err := a.Len(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if total != len(ids) || n != len(ids) {
		t.Fatalf("4 writers inserted %d briefs and the archive holds %d; want %d", total, n, len(ids))
	}
	var dup int
	if err := a.pool.QueryRow(ctx, "SELECT count(*) FROM (SELECT brief_id, ord FROM quotes GROUP BY 1, 2 HAVING count(*) > 1) d").Scan(&dup); err != nil || dup != 0 {
		t.Fatalf("duplicate quotes: %d, %v", dup, err)
	}
	got := readBack(t, a)
	sort.Slice(got, func(i, j int) bool { return got[i].ID < got[j].ID })
	want := slices.Clone(briefs)
	sort.Slice(want, func(i, j int) bool { return want[i].ID < want[j].ID })
	for i := range want {
		if fmt.Sprint(len(got[i].Entities), len(got[i].Quotes)) != fmt.Sprint(len(want[i].Entities), len(want[i].Quotes)) {
			t.Fatalf("%s: %d entities, %d quotes read back; want %d, %d", want[i].ID, len(got[i].Entities), len(got[i].Quotes), len(want[i].Entities), len(want[i].Quotes))
		}
	}
}
