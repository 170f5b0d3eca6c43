package store_test

import (
	"bytes"
	"context"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"briefs/articles"
	"briefs/articles/archive"
	"briefs/articles/source"
	"briefs/articles/store"
	"briefs/model"
)

// extracted returns the built-in sample briefs with their entities and
// quotes: real-sized values to encode.
func extracted(b *testing.B) []model.Article {
	b.Helper()
	arts, _, err := articles.Load(context.Background(), nil, source.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(arts) == 0 {
		b.Fatal("no sample briefs")
	}
	return arts
}

// codecs are the encodings weighed for cache values: one value per source,
// encoded on its own (a cache reads values one at a time, so gob pays for
// its type description in every value).
var codecs = []struct {
	name   string
	encode func([]model.Article) []byte
	decode func([]byte) ([]model.Article, error)
}{
	{"binary", func(a []model.Article) []byte { return store.EncodeArticles(nil, a) },
		func(b []byte) ([]model.Article, error) { return store.DecodeArticles(b, "x") }},
	{"gob", func(a []model.Article) []byte {
		var buf bytes.Buffer
		gob.NewEncoder(&buf).Encode(a)
		return buf.Bytes()
	}, func(b []byte) ([]model.Article, error) {
		var a []model.Article
		err := gob.NewDecoder(bytes.NewReader(b)).Decode(&a)
		return a, err
	}},
	{"json", func(a []model.Article) []byte {
		b, _ := json.Marshal(a)
		return b
	}, func(b []byte) ([]model.Article, error) {
		var a []model.Article
		err := json.Unmarshal(b, &a)
		return a, err
	}},
}

// BenchmarkDecode decodes each sample brief, one value per brief, as a warm
// start does; ns/article and B/article are the figures to compare.
func BenchmarkDecode(b *testing.B) {
	arts := extracted(b)
	for _, c := range codecs {
		b.Run(c.name, func(b *testing.B) {
			vals := make([][]byte, len(arts))
			size := 0
			for i := range arts {
				vals[i] = c.encode(arts[i : i+1])
				size += len(vals[i])
			}
			b.SetBytes(int64(size))
			b.ResetTimer()
			for b.Loop() {
				for _, v := range vals {
					if _, err := c.decode(v); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
			b.ReportMetric(float64(size)/float64(len(arts)), "B/article")
		})
	}
}

// BenchmarkEncode encodes each sample brief on its own, as a cold load does.
func BenchmarkEncode(b *testing.B) {
	arts := extracted(b)
	for _, c := range codecs {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for i := range arts {
					c.encode(arts[i : i+1])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
		})
	}
}

// BenchmarkCacheGet looks values up in a cache of 10,000 briefs and decodes
// them: the per-brief cost of a warm start, less reading the folder.
func BenchmarkCacheGet(b *testing.B) {
	arts := extracted(b)
	c := store.Open(filepath.Join(b.TempDir(), "cache.db"), store.Options{Version: "bench"})
	defer c.Close()
	const n = 10000
	keys := make([]store.Key, n)
	for i := range keys {
		keys[i] = store.SourceKey("bench", "x.txt", fmt.Appendf(nil, "brief %d", i))
		c.Put(keys[i], arts[i%len(arts):i%len(arts)+1])
	}
	if err := c.Flush(); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		if _, ok := c.Get(keys[i%n], "x.txt"); !ok {
			b.Fatal("miss")
		}
		i++
	}
}

// BenchmarkCacheWarmPass opens a cache of 10,000 briefs and reads every
// value once, as a warm start does (a new process: nothing of the file
// mapped yet, all of it in the page cache); one op is the whole pass.
func BenchmarkCacheWarmPass(b *testing.B) {
	arts := extracted(b)
	path := filepath.Join(b.TempDir(), "cache.db")
	c := store.Open(path, store.Options{Version: "bench"})
	const n = 10000
	keys := make([]store.Key, n)
	for i := range keys {
		keys[i] = store.SourceKey("bench", "x.txt", fmt.Appendf(nil, "brief %d", i))
		c.Put(keys[i], arts[i%len(arts):i%len(arts)+1])
	}
	if err := c.Close(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c := store.Open(path, store.Options{Version: "bench"})
		for _, k := range keys {
			if _, ok := c.Get(k, "x.txt"); !ok {
				b.Fatal("miss")
			}
		}
		c.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/brief")
}

// benchArchive is an embedded archive of n copies of the extracted sample
// briefs, each with its own id and title, made once per benchmark.
func benchArchive(b *testing.B, n int) *store.Archive {
	b.Helper()
	base := extracted(b)
	dir := b.TempDir()
	ar, err := store.OpenArchive(filepath.Join(dir, "archive.db"), filepath.Join(dir, "state.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ar.Close() })
	var batch []model.Article
	for i := range n {
		a := base[i%len(base)]
		a.ID = fmt.Sprintf("%s-%d", a.ID, i)
		a.Title = fmt.Sprintf("%s (%d)", a.Title, i)
		batch = append(batch, a)
		if len(batch) == 1000 || i == n-1 {
			if err := ar.Put(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	return ar
}

// BenchmarkArchiveList: the complete list of an archive of 10,000 briefs
// (every record, in order), as the reader's list would read it at start;
// ns/op over 10,000 is the cost a brief.
func BenchmarkArchiveList(b *testing.B) {
	ar := benchArchive(b, 10000)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		ar.List(ctx, 0, func(archiveRecord) bool { n++; return true })
		if n != 10000 {
			b.Fatalf("%d records", n)
		}
	}
}

// BenchmarkArchiveSearch: an entity, a speaker and a two-word full-text
// search over the same archive, all ids each.
func BenchmarkArchiveSearch(b *testing.B) {
	ar := benchArchive(b, 10000)
	ctx := context.Background()
	var ent, speaker, text string
	ar.List(ctx, 0, func(r archiveRecord) bool {
		a, err := ar.Get(ctx, r.ID)
		if err != nil {
			b.Fatal(err)
		}
		if ent == "" && len(a.Entities) > 0 {
			ent = a.Entities[0].ID
		}
		if speaker == "" && len(a.Quotes) > 0 && a.Quotes[0].SpeakerEntity != "" {
			speaker = a.Quotes[0].SpeakerEntity
		}
		if w := strings.Fields(a.Title); text == "" && len(w) > 2 {
			text = w[0] + " " + w[1]
		}
		return ent == "" || speaker == "" || text == ""
	})
	for _, q := range []struct {
		name string
		q    archive.Query
	}{{"entity", archive.Query{Entity: ent}}, {"speaker", archive.Query{Speaker: speaker}}, {"text", archive.Query{Text: text}}} {
		b.Run(q.name, func(b *testing.B) {
			ids, err := ar.Search(ctx, q.q)
			if err != nil || len(ids) == 0 {
				b.Fatalf("%+v: %d ids, %v", q.q, len(ids), err)
			}
			for b.Loop() {
				ar.Search(ctx, q.q)
			}
			b.ReportMetric(float64(len(ids)), "ids")
		})
	}
}

// BenchmarkArchiveGet: opening one brief of the archive.
func BenchmarkArchiveGet(b *testing.B) {
	ar := benchArchive(b, 10000)
	ctx := context.Background()
	var ids []string
	ar.List(ctx, 0, func(r archiveRecord) bool { ids = append(ids, r.ID); return len(ids) < 1000 })
	i := 0
	for b.Loop() {
		if _, err := ar.Get(ctx, ids[i%len(ids)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

type archiveRecord = archive.Record
