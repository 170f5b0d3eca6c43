package corpustest

import (
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"briefs/articles"
	"briefs/articles/entities"
	"briefs/articles/index"
	"briefs/articles/source"
	"briefs/model"
)

// dataDir is ../shared/data from the repository root.
var dataDir = filepath.Join("..", "..", "..", "..", "shared", "data")

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// archive is the synthetic archive, built once per test binary.
var archive struct {
	once     sync.Once
	arts     []model.Article
	real     int
	extract  time.Duration
	artBytes uint64
	err      error
	res      index.Resolver
}

// loadArchive extracts up to BRIEFS_BENCH_REAL real texts from ../shared/data
// (BBC, PolNeAR, then Reuters-21578) and replicates them, each copy with its
// own id, date and memory, to BRIEFS_BENCH_N briefs.
func loadArchive(b *testing.B) []model.Article {
	b.Helper()
	if _, err := os.Stat(dataDir); err != nil {
		b.Skipf("no shared data at %s", dataDir)
	}
	archive.once.Do(func() {
		realN, n := envInt("BRIEFS_BENCH_REAL", 3000), envInt("BRIEFS_BENCH_N", 100000)
		texts := readTexts(realN)
		p, err := articles.NewPipeline()
		if err != nil {
			archive.err = err
			return
		}
		x, err := entities.Default()
		if err != nil {
			archive.err = err
			return
		}
		archive.res = x
		start := time.Now()
		p.ExtractAll(texts)
		archive.extract = time.Since(start)
		archive.real = len(texts)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		archive.arts = replicate(texts, n)
		runtime.GC()
		runtime.ReadMemStats(&after)
		archive.artBytes = after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
	})
	if archive.err != nil {
		b.Fatal(archive.err)
	}
	if len(archive.arts) == 0 {
		b.Skip("no texts in the shared data")
	}
	return archive.arts
}

// readTexts reads up to n articles: BBC and PolNeAR plain text through the
// source package, Reuters SGML stories with a small reader of its own.
func readTexts(n int) []model.Article {
	var out []model.Article
	for _, dir := range []string{"bbc/politics", "bbc/business", "polnear/train/text", "polnear/dev/text"} {
		files, _ := filepath.Glob(filepath.Join(dataDir, dir, "*.txt"))
		for _, f := range files {
			if len(out) >= n/2 {
				break
			}
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			arts, err := source.Parse(f, data)
			if err == nil {
				out = append(out, arts...)
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(dataDir, "reuters21578", "*.sgm"))
	for _, f := range files {
		if len(out) >= n {
			break
		}
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		out = append(out, reuters(string(data), f, n-len(out))...)
	}
	return out
}

var (
	reutersStory = regexp.MustCompile(`(?s)<REUTERS.*?</REUTERS>`)
	reutersTitle = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	reutersBody  = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
	reutersDate  = regexp.MustCompile(`<DATE>\s*(\d+-[A-Z]{3}-\d{4})`)
)

// reuters reads up to n stories with a title and a body from one SGML file.
func reuters(sgml, name string, n int) []model.Article {
	var out []model.Article
	for _, st := range reutersStory.FindAllString(sgml, -1) {
		if len(out) >= n {
			break
		}
		t, bd := reutersTitle.FindStringSubmatch(st), reutersBody.FindStringSubmatch(st)
		if t == nil || bd == nil {
			continue
		}
		title := source.CleanTitle(html.UnescapeString(t[1]))
		text := html.UnescapeString(bd[1])
		text = strings.TrimSuffix(strings.TrimSpace(strings.Trim(text, "\x03 \n")), "Reuter")
		text = strings.ReplaceAll(text, "\n    ", "\n\n")
		body := source.Body(title, text)
		a := model.Article{Title: title, Body: body, Source: name, ID: model.ArticleID(title, body)}
		if d := reutersDate.FindStringSubmatch(st); d != nil {
			a.Published, _ = time.Parse("2-Jan-2006", d[1]) // month names match in any case
		}
		out = append(out, a)
	}
	return out
}

// replicate makes n briefs from the extracted texts: copy i of a text gets
// its own id, a date moved by i/len(texts) weeks, and its own copy of the
// title, body, entities and quotes (so memory is counted as for n real briefs).
func replicate(texts []model.Article, n int) []model.Article {
	out := make([]model.Article, n)
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range out {
		src := texts[i%len(texts)]
		round := i / len(texts)
		a := src
		a.Title = strings.Clone(src.Title)
		a.Body = strings.Clone(src.Body)
		a.ID = fmt.Sprintf("%s-%d", src.ID, round)
		if a.Published.IsZero() {
			a.Published = base.Add(time.Duration(i%len(texts)) * time.Hour)
		}
		a.Published = a.Published.AddDate(0, 0, 7*round)
		a.Entities = make([]model.Entity, len(src.Entities))
		for k, e := range src.Entities {
			e.Aliases = slices.Clone(e.Aliases)
			e.Mentions = slices.Clone(e.Mentions)
			for m := range e.Mentions {
				e.Mentions[m].Text = a.Text(e.Mentions[m].Field)[e.Mentions[m].Start:e.Mentions[m].End]
			}
			a.Entities[k] = e
		}
		a.Quotes = slices.Clone(src.Quotes)
		for k := range a.Quotes {
			q := &a.Quotes[k]
			q.Text = a.Text(q.Field)[q.Start:q.End]
		}
		out[i] = a
	}
	return out
}

// built is the index over the archive, shared by the query benchmarks.
var built struct {
	once sync.Once
	ix   *index.Index
}

func archiveIndex(b *testing.B) *index.Index {
	arts := loadArchive(b)
	built.once.Do(func() { built.ix = index.Build(arts, archive.res) })
	return built.ix
}

// BenchmarkBuild reports the time and memory to index the whole archive.
func BenchmarkBuild(b *testing.B) {
	arts := loadArchive(b)
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start, cpu0 := time.Now(), cpuTime()
		ix := index.Build(arts, archive.res)
		took, cpu := time.Since(start), cpuTime()-cpu0
		ix.Search("entity:Russia", 1) // derive the canonical tables too
		derived := time.Since(start)
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(took.Seconds(), "build-s")
		b.ReportMetric(cpu.Seconds(), "build-cpu-s")
		b.ReportMetric(derived.Seconds(), "build+derive-s")
		b.ReportMetric(float64(after.HeapAlloc-min(before.HeapAlloc, after.HeapAlloc))/(1<<20), "index-MB")
		b.ReportMetric(float64(after.HeapAlloc)/(1<<20), "heap-total-MB")
		runtime.KeepAlive(ix)
	}
	// after the loop: b.Loop resets the metrics reported before it
	b.ReportMetric(float64(len(arts)), "briefs")
	b.ReportMetric(float64(archive.real), "real-texts")
	b.ReportMetric(archive.extract.Seconds(), "extract-real-s")
	b.ReportMetric(float64(archive.artBytes)/(1<<20), "articles-MB")
}

// cpuTime is the processor time the process has used, user and system, on
// all threads: on a shared machine it says more than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// latencies runs every query once per iteration and reports percentiles.
func latencies(b *testing.B, queries []string, run func(q string) int) {
	b.Helper()
	var ds []time.Duration
	found := 0
	b.ResetTimer()
	for b.Loop() {
		for _, q := range queries {
			start := time.Now()
			found += run(q)
			ds = append(ds, time.Since(start))
		}
	}
	b.StopTimer()
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	pct := func(p float64) float64 {
		return float64(ds[min(int(p*float64(len(ds))), len(ds)-1)].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.90), "p90-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(found)/float64(len(ds)), "hits/query")
	b.ReportMetric(float64(len(queries)), "queries")
}

// entityQueries picks entity names: the 100 most named and 200 at random
// from the rest, written as the corpus writes them (an alias when there is one).
func entityQueries(ix *index.Index) []string {
	ents := ix.Entities("")
	r := rand.New(rand.NewPCG(1, 2))
	var qs []string
	for i, e := range ents {
		if i >= 100 {
			break
		}
		qs = append(qs, "entity:\""+e.Name+"\"")
	}
	for range 200 {
		e := ents[r.IntN(len(ents))]
		name := e.Name
		if len(e.Aliases) > 1 {
			name = e.Aliases[r.IntN(len(e.Aliases))]
		}
		qs = append(qs, "entity:\""+name+"\"")
	}
	return qs
}

// BenchmarkEntityQuery reports the latency of entity queries (top 20 hits
// with snippets) over the archive.
func BenchmarkEntityQuery(b *testing.B) {
	ix := archiveIndex(b)
	qs := entityQueries(ix)
	latencies(b, qs, func(q string) int {
		res, err := ix.Search(q, 20)
		if err != nil {
			b.Fatal(err)
		}
		return res.Total
	})
}

// BenchmarkEntityAndQuery reports the latency of two entities ANDed.
func BenchmarkEntityAndQuery(b *testing.B) {
	ix := archiveIndex(b)
	one := entityQueries(ix)
	var qs []string
	for i := 0; i+1 < len(one); i += 2 {
		qs = append(qs, one[i]+" AND "+one[i+1])
	}
	latencies(b, qs, func(q string) int {
		res, err := ix.Search(q, 20)
		if err != nil {
			b.Fatal(err)
		}
		return res.Total
	})
}

var (
	wordRE   = regexp.MustCompile(`\b[a-z]{5,}\b`)
	phraseRE = regexp.MustCompile(`\b[a-z]{4,} [a-z]{4,}\b`)
)

// textQueries picks lower-case words from random briefs: 150 single words,
// 100 pairs of words from different briefs and 50 two-word phrases.
func textQueries(arts []model.Article) []string {
	r := rand.New(rand.NewPCG(3, 4))
	pick := func(re *regexp.Regexp) string {
		for {
			a := arts[r.IntN(len(arts))]
			if ws := re.FindAllString(a.Body, -1); len(ws) > 0 {
				return ws[r.IntN(len(ws))]
			}
		}
	}
	var qs []string
	for range 150 {
		qs = append(qs, pick(wordRE))
	}
	for range 100 {
		qs = append(qs, pick(wordRE)+" "+pick(wordRE))
	}
	for range 50 {
		qs = append(qs, `"`+pick(phraseRE)+`"`)
	}
	return qs
}

// BenchmarkFullTextQuery reports the latency of full-text queries (words,
// pairs of words, phrases; top 20 hits with snippets) over the archive.
func BenchmarkFullTextQuery(b *testing.B) {
	ix := archiveIndex(b)
	qs := textQueries(archive.arts)
	latencies(b, qs, func(q string) int {
		res, err := ix.Search(q, 20)
		if err != nil {
			b.Fatal(err)
		}
		return res.Total
	})
}

// BenchmarkSuggest reports the latency of the suggestions offered as a name is typed.
func BenchmarkSuggest(b *testing.B) {
	ix := archiveIndex(b)
	var qs []string
	for _, q := range entityQueries(ix)[:100] {
		name := strings.Trim(strings.TrimPrefix(q, "entity:"), `"`)
		for k := 2; k <= min(len(name), 6); k += 2 {
			qs = append(qs, name[:k])
		}
	}
	latencies(b, qs, func(q string) int { return len(ix.Suggest(q, 5)) })
}

// BenchmarkQuotes reports the latency of listing one speaker's quotes.
func BenchmarkQuotes(b *testing.B) {
	ix := archiveIndex(b)
	var qs []string
	for _, e := range ix.Entities(model.KindPerson) {
		if e.Quotes > 0 {
			qs = append(qs, e.ID)
		}
		if len(qs) == 100 {
			break
		}
	}
	latencies(b, qs, func(q string) int { return len(ix.Quotes(q, "")) })
}

// BenchmarkEntities reports the time to list every entity of the archive
// with its counts (the Entities view), and then the 5 entities most often
// named with each of the 100 most named.
func BenchmarkEntities(b *testing.B) {
	ix := archiveIndex(b)
	var n int
	var list, co time.Duration
	for b.Loop() {
		start := time.Now()
		ents := ix.Entities("")
		list += time.Since(start)
		n = len(ents)
		start = time.Now()
		for _, e := range ents[:min(100, len(ents))] {
			ix.CoOccurring(e.ID, 5)
		}
		co += time.Since(start)
	}
	b.ReportMetric(float64(n), "entities")
	b.ReportMetric(list.Seconds()*1000/float64(b.N), "list-ms")
	b.ReportMetric(co.Seconds()*1000/float64(b.N)/100, "cooccurring-ms/entity")
}

// BenchmarkIncremental adds the archive in batches of 1,000 as a background
// load does, with a search and a suggestion after every batch (each of which
// brings the merged person table and the suggestion list up to date).
func BenchmarkIncremental(b *testing.B) {
	arts := loadArchive(b)
	for b.Loop() {
		start, cpu0 := time.Now(), cpuTime()
		ix := index.New(archive.res)
		var worst time.Duration
		for lo := 0; lo < len(arts); lo += 1000 {
			ix.AddBatch(arts[lo:min(lo+1000, len(arts))])
			q := time.Now()
			if _, err := ix.Search("entity:Russia", 20); err != nil {
				b.Fatal(err)
			}
			ix.Suggest("ru", 5)
			worst = max(worst, time.Since(q))
		}
		b.ReportMetric(time.Since(start).Seconds(), "total-s")
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "total-cpu-s")
		b.ReportMetric(float64(worst.Microseconds())/1000, "worst-query-after-batch-ms")
	}
}

// BenchmarkSnapshot writes the archive's index as a snapshot, reads it back
// and restores it with the articles: what a warm start does instead of
// building (BenchmarkBuild). It reports each step and the file's size.
func BenchmarkSnapshot(b *testing.B) {
	ix := archiveIndex(b)
	arts := archive.arts
	path := filepath.Join(b.TempDir(), "index.bin")
	b.ResetTimer()
	for range b.N {
		t := time.Now()
		if err := ix.SaveSnapshot(path, "bench"); err != nil {
			b.Fatal(err)
		}
		write := time.Since(t)
		t, cpu0 := time.Now(), cpuTime()
		s, err := index.LoadSnapshot(path, "bench")
		if err != nil {
			b.Fatal(err)
		}
		read := time.Since(t)
		t2 := time.Now()
		restored := index.New(archive.res)
		n, err := restored.Restore(s, arts)
		if err != nil || n != ix.Len() {
			b.Fatalf("Restore = %d, %v; want %d", n, err, ix.Len())
		}
		restore := time.Since(t2)
		b.ReportMetric(write.Seconds()*1000, "write-ms")
		b.ReportMetric(read.Seconds()*1000, "read-ms")
		b.ReportMetric(restore.Seconds()*1000, "restore-ms")
		b.ReportMetric((cpuTime() - cpu0).Seconds(), "read+restore-cpu-s")
	}
	b.StopTimer()
	if info, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(info.Size())/(1<<20), "file-MB")
	}
}

// BenchmarkTypingQuery reports the latency of the search view's queries
// as a word is typed: the first four letters of a word of the archive,
// which stand for every word they start (and their stems), top 200 hits.
func BenchmarkTypingQuery(b *testing.B) {
	ix := archiveIndex(b)
	var qs []string
	for _, q := range textQueries(archive.arts)[:150] { // the single words
		if r := []rune(q); len(r) > 4 {
			q = string(r[:4])
		}
		qs = append(qs, q)
	}
	latencies(b, qs, func(q string) int {
		res, err := ix.SearchTyping(q, 200)
		if err != nil {
			b.Fatal(err)
		}
		return res.Total
	})
}
