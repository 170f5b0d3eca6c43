// Command pgarchivebench measures the shared archive on PostgreSQL at scale:
// it extracts the built-in briefs and ../shared/data/bbc/politics (through
// the reader's cache), makes N briefs of them (copies get a numbered title,
// so each has its own id), writes them with -writers ingesters at once
// (Insert, batches of 256, as briefs ingest does), and reports
//
//   - the ingest: time, briefs per second, rows per table, disk used (the
//     database, each table with its indexes) and per brief;
//   - Search latency over loopback, p50/p95: by entity, by speaker, by one
//     word and by two words, all ids and the first 50;
//   - the list: the first screen (60 records) and the whole list; Get.
//
// Run it from the repository root (a private cluster is started and removed
// unless -url names a server):
//
//	go run ./articles/pgarchive/cmd/pgarchivebench -n 100000
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"time"

	"briefs/articles"
	"briefs/articles/archive"
	"briefs/articles/pgarchive"
	"briefs/articles/pgarchive/pgtest"
	"briefs/model"
)

func main() {
	n := flag.Int("n", 100000, "briefs in the archive")
	url := flag.String("url", "", "the server (default: a private cluster, removed at the end)")
	writers := flag.Int("writers", 2, "ingesters writing at once")
	queries := flag.Int("queries", 200, "queries of each kind")
	data := flag.String("data", filepath.Join("..", "shared", "data"), "the shared data folder")
	ingest := flag.Bool("ingest", true, "write the briefs (false: measure the archive -url holds)")
	flag.Parse()
	if err := bench(*n, *url, *writers, *queries, *data, *ingest); err != nil {
		fmt.Fprintln(os.Stderr, "pgarchivebench:", err)
		os.Exit(1)
	}
}

func bench(n int, url string, writers, queries int, data string, ingest bool) error {
	ctx := context.Background()
	if url == "" {
		c, err := pgtest.Start()
		if err != nil {
			return err
		}
		defer c.Stop()
		url = c.URL()
	}
	specs := []string{}
	if _, err := os.Stat(filepath.Join(data, "bbc", "politics")); err == nil {
		specs = append(specs, filepath.Join(data, "bbc", "politics"))
	}
	var base []model.Article
	for _, s := range [][]string{nil, specs} {
		if s != nil && len(s) == 0 {
			continue
		}
		articles.Stream(ctx, s, articles.StreamOptions{}, func(b []model.Article) { base = append(base, b...) }, nil)
	}
	fmt.Printf("base: %d extracted briefs; archive of %d on %s\n", len(base), n, pgarchive.Redact(url))
	ar, err := pgarchive.Open(ctx, url, pgarchive.Options{Migrate: true, MaxConns: 16})
	if err != nil {
		return err
	}
	defer ar.Close()
	brief := func(i int) model.Article {
		a := base[i%len(base)]
		if i >= len(base) {
			a.Title = fmt.Sprintf("%s (%d)", a.Title, i)
			a.Source = fmt.Sprintf("%s#%d", a.Source, i)
		}
		a.ID = model.ArticleID(a.Title, a.Body)
		return a
	}

	// ingest
	if !ingest {
		writers = 0
	}
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	var mu sync.Mutex
	written := 0
	const batch = 256
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for from := w * batch; from < n; from += writers * batch {
				var b []model.Article
				for i := from; i < min(from+batch, n); i++ {
					b = append(b, brief(i))
				}
				k, err := ar.Insert(ctx, b)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				written += k
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}
	took := time.Since(start)
	held, _ := ar.Len(ctx)
	fmt.Printf("ingest: %d briefs written (%d held) by %d writers in %.1fs: %.0f briefs/s\n", written, held, writers, took.Seconds(), float64(written)/took.Seconds())
	pool := ar.Pool()
	pool.Exec(ctx, "VACUUM")
	ar.Analyze(ctx) // as briefs ingest does after a pass
	var dbSize int64
	pool.QueryRow(ctx, "SELECT pg_database_size(current_database())").Scan(&dbSize)
	fmt.Printf("disk: %.1f MB in all, %.1f KB per brief\n", float64(dbSize)/1e6, float64(dbSize)/float64(held)/1e3)
	for _, t := range []string{"briefs", "brief_entities", "mentions", "quotes", "entities", "entity_aliases"} {
		var rows, size, idx int64
		pool.QueryRow(ctx, "SELECT count(*) FROM "+t).Scan(&rows)
		pool.QueryRow(ctx, "SELECT pg_total_relation_size($1), pg_indexes_size($1)", t).Scan(&size, &idx)
		fmt.Printf("  %-15s %9d rows %8.1f MB (indexes %.1f MB)\n", t, rows, float64(size)/1e6, float64(idx)/1e6)
	}

	// queries, drawn from the briefs
	rng := rand.New(rand.NewPCG(1, 2))
	var ents, speakers, words []string
	for _, a := range base {
		ents = append(ents, archive.EntityIDs(&a)...)
		speakers = append(speakers, archive.Speakers(&a)...)
		ws := archive.Words(a.Body)
		for _, w := range ws {
			if len(w) >= 4 {
				words = append(words, w)
			}
		}
	}
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	kinds := []struct {
		name string
		q    func() archive.Query
	}{
		{"entity", func() archive.Query { return archive.Query{Entity: pick(ents)} }},
		{"speaker", func() archive.Query { return archive.Query{Speaker: pick(speakers)} }},
		{"one word", func() archive.Query { return archive.Query{Text: pick(words)} }},
		{"two words", func() archive.Query { return archive.Query{Text: pick(words) + " " + pick(words)} }},
	}
	fmt.Println("Search over loopback (p50 / p95, ids found: median):")
	for _, k := range kinds {
		for _, limit := range []int{0, 50} {
			var lat []time.Duration
			var found []int
			for range queries {
				q := k.q()
				q.Limit = limit
				t0 := time.Now()
				ids, err := ar.Search(ctx, q)
				if err != nil {
					return err
				}
				lat = append(lat, time.Since(t0))
				found = append(found, len(ids))
			}
			sort.Ints(found)
			p50, p95 := pct(lat, 50), pct(lat, 95)
			fmt.Printf("  %-9s limit %-3d %7.2f ms / %7.2f ms, %d ids\n", k.name, limit, ms(p50), ms(p95), found[len(found)/2])
		}
	}

	// the list and opening briefs
	var firstScreen, whole []time.Duration
	for range 5 {
		t0 := time.Now()
		k := 0
		ar.List(ctx, 0, func(archive.Record) bool { k++; return k < 60 })
		firstScreen = append(firstScreen, time.Since(t0))
		t0 = time.Now()
		ar.List(ctx, 0, func(archive.Record) bool { return true })
		whole = append(whole, time.Since(t0))
	}
	var opens []time.Duration // what the reader waits for before its first frame
	for range 5 {
		t0 := time.Now()
		o, err := pgarchive.Open(ctx, url, pgarchive.Options{})
		if err != nil {
			return err
		}
		opens = append(opens, time.Since(t0))
		o.Close()
	}
	fmt.Printf("Open (connect, check the schema): %.1f ms (p50 of 5)\n", ms(pct(opens, 50)))
	var firstBatch []time.Duration // what the reader's loader waits for: Len, then 64 whole briefs
	for range 5 {
		t0 := time.Now()
		ar.Len(ctx)
		k := 0
		ar.Each(ctx, 0, func(int64, model.Article) bool { k++; return k < 64 })
		firstBatch = append(firstBatch, time.Since(t0))
	}
	fmt.Printf("reader over the archive: first batch of 64 whole briefs %.1f ms (p50 of 5)\n", ms(pct(firstBatch, 50)))
	var gets []time.Duration
	for range queries {
		id := brief(rng.IntN(n)).ID
		t0 := time.Now()
		if _, err := ar.Get(ctx, id); err != nil {
			return err
		}
		gets = append(gets, time.Since(t0))
	}
	fmt.Printf("list: first 60 records %.2f ms (p50 of 5), all %d records %.0f ms; Get p50 %.2f ms, p95 %.2f ms\n",
		ms(pct(firstScreen, 50)), held, ms(pct(whole, 50)), ms(pct(gets, 50)), ms(pct(gets, 95)))
	return nil
}

func pct(d []time.Duration, p int) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
