package pgarchive

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"briefs/articles/archive"
	"briefs/articles/pgarchive/pgtest"
	"briefs/model"
)

// copyOf is brief i of an endless corpus made of base: a copy with a
// numbered title, so with an id of its own.
func copyOf(base []model.Article, i int) model.Article {
	a := base[i%len(base)]
	a.Title = fmt.Sprintf("%s (%d)", a.Title, i)
	a.ID = model.ArticleID(a.Title, a.Body)
	return a
}

// TestLoad: 8 readers (list, search, open) and 2 ingesters writing the same
// briefs (each its own order) at once over loopback, for
// $BRIEFS_PG_LOAD_SECONDS (5 by default; the README's figure is 60): no
// error, no brief twice, every brief an ingester wrote readable afterwards.
func TestLoad(t *testing.T) {
	seconds := 5
	if s := os.Getenv("BRIEFS_PG_LOAD_SECONDS"); s != "" {
		seconds, _ = strconv.Atoi(s)
	}
	if testing.Short() {
		seconds = 1
	}
	ctx := context.Background()
	u := pgtest.URL(t)
	base := extracted(t, nil)
	ar := open(t, u, Options{MaxConns: 12})
	defer ar.Close()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var errs sync.Map
	var searches, gets, lists, inserted, batches atomic.Int64
	fail := func(who string, err error) { errs.Store(who+": "+err.Error(), true) }

	var ents, words []string
	for _, a := range base {
		ents = append(ents, archive.EntityIDs(&a)...)
		words = append(words, archive.Words(a.Title)...)
	}
	var written sync.Map // id -> true, for every brief an Insert stored
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// both walk the same briefs, one forwards and one in steps of 7
			// from its own start: they meet often
			for k := 0; ; k++ {
				select {
				case <-stop:
					return
				default:
				}
				var b []model.Article
				for j := range 16 {
					i := k*16 + j
					if w == 1 {
						i = (k*16+j)*7%4096 + k/256*4096
					}
					b = append(b, copyOf(base, i))
				}
				n, err := ar.Insert(ctx, b)
				if err != nil {
					fail("ingester", err)
					return
				}
				inserted.Add(int64(n))
				batches.Add(1)
				for _, a := range b {
					written.Store(a.ID, true)
				}
			}
		}()
	}
	for r := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(r), 9))
			for {
				select {
				case <-stop:
					return
				default:
				}
				q := archive.Query{Limit: 50}
				switch rng.IntN(3) {
				case 0:
					q.Entity = ents[rng.IntN(len(ents))]
				case 1:
					q.Text = words[rng.IntN(len(words))]
				default:
					q.Text = words[rng.IntN(len(words))]
					q.Entity = ents[rng.IntN(len(ents))]
				}
				ids, err := ar.Search(ctx, q)
				if err != nil {
					fail("reader search", err)
					return
				}
				searches.Add(1)
				if len(ids) > 0 {
					if _, err := ar.Get(ctx, ids[rng.IntN(len(ids))]); err != nil {
						fail("reader get", err)
						return
					}
					gets.Add(1)
				}
				if rng.IntN(20) == 0 {
					k := 0
					if err := ar.List(ctx, 0, func(archive.Record) bool { k++; return k < 60 }); err != nil {
						fail("reader list", err)
						return
					}
					lists.Add(1)
				}
			}
		}()
	}
	time.Sleep(time.Duration(seconds) * time.Second)
	close(stop)
	wg.Wait()
	errs.Range(func(k, _ any) bool { t.Error(k); return true })

	ids := map[string]bool{}
	if err := ar.List(ctx, 0, func(r archive.Record) bool {
		if ids[r.ID] {
			t.Errorf("brief %s listed twice", r.ID)
		}
		ids[r.ID] = true
		return true
	}); err != nil {
		t.Fatal(err)
	}
	n, err := ar.Len(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	written.Range(func(k, _ any) bool {
		want++
		if !ids[k.(string)] {
			t.Errorf("brief %s was written but is not listed", k)
		}
		return true
	})
	if n != want || len(ids) != want || int(inserted.Load()) != want {
		t.Errorf("%d briefs written (inserted %d), %d listed, Len %d; want all equal", want, inserted.Load(), len(ids), n)
	}
	unreadable := 0
	for id := range ids {
		if _, err := ar.Get(ctx, id); err != nil {
			unreadable++
		}
	}
	if unreadable > 0 || searches.Load() == 0 || batches.Load() == 0 {
		t.Errorf("%d briefs unreadable; %d searches, %d batches", unreadable, searches.Load(), batches.Load())
	}
	t.Logf("%d s: 2 ingesters wrote %d briefs in %d batches of 16 (each brief once); 8 readers ran %d searches, %d gets, %d list screens; all %d briefs read back",
		seconds, want, batches.Load(), searches.Load(), gets.Load(), lists.Load(), len(ids))
}

// Watch tells a brief put by another writer, through LISTEN/NOTIFY.
func TestWatch(t *testing.T) {
	u := pgtest.URL(t)
	base := extracted(t, nil)[:3]
	reader, writer := open(t, u, Options{}), open(t, u, Options{})
	defer reader.Close()
	defer writer.Close()
	if err := writer.Put(context.Background(), base[:1]); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan archive.Record, 10)
	go reader.Watch(ctx, 0, time.Hour, func(r archive.Record) { got <- r }, nil) // an hour: only NOTIFY can tell the second
	first := <-got
	if first.ID != base[0].ID {
		t.Fatalf("first record %s; want %s", first.ID, base[0].ID)
	}
	time.Sleep(200 * time.Millisecond) // listening by now
	start := time.Now()
	if err := writer.Put(context.Background(), base[1:2]); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-got:
		if r.ID != base[1].ID || r.Seq <= first.Seq {
			t.Fatalf("told %+v; want %s after seq %d", r, base[1].ID, first.Seq)
		}
		t.Logf("told %v after the commit", time.Since(start))
	case <-time.After(10 * time.Second):
		t.Fatal("a brief put by another writer was not told within 10 s")
	}
}
