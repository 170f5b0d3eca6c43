// Command archivebench measures briefs at archive scale: it builds a
// synthetic archive of N briefs from ../shared/data (BBC and PolNeAR plain
// text, Reuters-21578 SGML bodies; copies past the real texts get their own
// title, so every file has its own bytes) and times
//
//   - cold load: articles.Stream with an empty cache, at each -cpus setting
//     (GOMAXPROCS), for extraction scaling;
//   - warm load: Stream again with the cache the cold load filled, the time
//     to the first batch (what the list waits for), to the last, and to a
//     complete corpus index, built two ways: batch by batch (Index.AddBatch
//     on a goroutine of its own) during the load, as the reader does, and
//     with index.Build after it; the entity model loads meanwhile;
//     and as the reader does it (index.Feed: the index snapshot beside the
//     cache is read back when it matches the briefs; the first such run
//     writes it);
//   - search latency over the index: entity and full-text queries;
//   - peak memory of each phase (getrusage maxrss; each phase runs in a
//     child process of its own, so the figures do not mix).
//
// Run it from the repository root:
//
//	go run ./articles/store/cmd/archivebench -n 10000
//	go run ./articles/store/cmd/archivebench -n 100000 -cpus 2
//
// The archive and caches live in a temporary folder that is removed at the
// end (-dir keeps them, and reuses an archive already built there).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"briefs/articles"
	"briefs/articles/entities"
	"briefs/articles/index"
	"briefs/model"
)

func main() {
	n := flag.Int("n", 10000, "briefs in the archive")
	data := flag.String("data", filepath.Join("..", "shared", "data"), "the shared data folder")
	dir := flag.String("dir", "", "folder for the archive and caches (default: a temporary one, removed)")
	cpus := flag.String("cpus", "1,2", "GOMAXPROCS settings for the cold loads, comma-separated")
	warmRuns := flag.Int("warm", 2, "warm loads to run (each both ways: index during and after the load)")
	phase := flag.String("phase", "", "run one phase in this process: cold; warm (index built during the load); warmbuild (index.Build after it); warmsnap (index.Feed: the index snapshot when it matches, as the reader does); load (no index)")
	cache := flag.String("cache", "", "internal: the cache file of a phase")
	profile := flag.String("cpuprofile", "", "write a CPU profile of a -phase run to this file")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	if *phase != "" {
		if err := runPhase(*phase, *dir, *cache); err != nil {
			fmt.Fprintln(os.Stderr, "archivebench:", err)
			os.Exit(1) //nolint: the profile of a failed run is not wanted
		}
		return
	}
	if err := run(*n, *data, *dir, *cpus, *warmRuns); err != nil {
		fmt.Fprintln(os.Stderr, "archivebench:", err)
		os.Exit(1)
	}
}

// phaseResult is what one phase measured; a child prints it as JSON.
type phaseResult struct {
	Phase      string
	CPU        int
	Articles   int
	Cached     int
	Warnings   int
	FirstBatch time.Duration
	Load       time.Duration
	Model      time.Duration // loading the entity model (warm: beside the load)
	Index      time.Duration // from the start to a complete index
	Build      time.Duration // index.Build alone
	Restored   int           // warmsnap: articles restored from the index snapshot
	Snapshot   string        // warmsnap: why the snapshot was not used, or ""
	Save       time.Duration // warmsnap: writing the snapshot (after the complete index)
	SnapMB     float64       // warmsnap: the snapshot file
	Indexed    int           // articles in the index
	EntityQ    []time.Duration
	TextQ      []time.Duration
	CPUSec     float64 // user and system time of the whole phase
	MaxRSSMB   float64
	HeapMB     float64
}

func run(n int, data, dir, cpus string, warmRuns int) error {
	if _, err := os.Stat(data); err != nil {
		return fmt.Errorf("no shared data (%w): run from the repository root or pass -data", err)
	}
	keep := dir != ""
	if !keep {
		var err error
		if dir, err = os.MkdirTemp("", "archivebench-"); err != nil {
			return fmt.Errorf("temp dir: %w", err)
		}
		defer os.RemoveAll(dir)
	}
	archive := filepath.Join(dir, "archive")
	start := time.Now()
	made, err := buildArchive(data, archive, n)
	if err != nil {
		return err
	}
	fmt.Printf("archive: %d briefs in %s (%d real texts; built in %v)\n", n, archive, made, time.Since(start).Round(time.Millisecond))

	var lastCache string
	for _, c := range strings.Split(cpus, ",") {
		cpu, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || cpu < 1 {
			return fmt.Errorf("bad -cpus %q", cpus)
		}
		lastCache = filepath.Join(dir, fmt.Sprintf("cache-cpu%d.db", cpu))
		os.Remove(lastCache)
		r, err := child("cold", archive, lastCache, cpu)
		if err != nil {
			return err
		}
		fmt.Printf("cold  cpu=%d: %d briefs in %v = %.0f briefs/s (%.1f CPU s); first batch %v; peak RSS %.0f MB (%d from cache, %d warnings)\n",
			cpu, r.Articles, r.Load.Round(time.Millisecond), float64(r.Articles)/r.Load.Seconds(), r.CPUSec,
			r.FirstBatch.Round(time.Millisecond), r.MaxRSSMB, r.Cached, r.Warnings)
	}
	if info, err := os.Stat(lastCache); err == nil {
		fmt.Printf("cache file: %.1f MB\n", float64(info.Size())/(1<<20))
	}
	snaps, _ := filepath.Glob(filepath.Join(filepath.Dir(lastCache), "index-*.bin"))
	for _, f := range snaps { // the first warmsnap run builds and writes it
		os.Remove(f)
	}
	for i := 0; i < warmRuns; i++ {
		for _, phase := range []string{"warm", "warmbuild", "warmsnap"} {
			r, err := child(phase, archive, lastCache, 0)
			if err != nil {
				return err
			}
			how := "index built batch by batch during the load"
			switch {
			case phase == "warmbuild":
				how = fmt.Sprintf("index.Build after the load: %v", r.Build.Round(time.Millisecond))
			case phase == "warmsnap" && r.Restored > 0:
				how = fmt.Sprintf("index snapshot restored (%d briefs)", r.Restored)
			case phase == "warmsnap":
				how = fmt.Sprintf("no snapshot (%s): built during the load, snapshot of %.0f MB written in %v after",
					r.Snapshot, r.SnapMB, r.Save.Round(time.Millisecond))
			}
			fmt.Printf("%-9s cpu=%d: %d briefs (%d from cache) loaded in %v, first batch %v; model %v; %s; complete index of %d at %v (%.1f CPU s); peak RSS %.0f MB, heap %.0f MB\n",
				phase, r.CPU, r.Articles, r.Cached, r.Load.Round(time.Millisecond), r.FirstBatch.Round(time.Microsecond),
				r.Model.Round(time.Millisecond), how, r.Indexed, r.Index.Round(time.Millisecond), r.CPUSec, r.MaxRSSMB, r.HeapMB)
			fmt.Printf("          search: entity queries %s; full-text queries %s\n", latency(r.EntityQ), latency(r.TextQ))
		}
	}
	return nil
}

// child runs one phase in a new process and reads its result.
func child(phase, archive, cache string, cpu int) (phaseResult, error) {
	var r phaseResult
	exe, err := os.Executable()
	if err != nil {
		return r, fmt.Errorf("find myself: %w", err)
	}
	cmd := exec.Command(exe, "-phase", phase, "-dir", archive, "-cache", cache)
	cmd.Env = os.Environ()
	if cpu > 0 {
		cmd.Env = append(cmd.Env, "GOMAXPROCS="+strconv.Itoa(cpu))
	}
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return r, fmt.Errorf("%s phase: %w", phase, err)
	}
	if err := json.Unmarshal(out, &r); err != nil {
		return r, fmt.Errorf("%s phase: %w", phase, err)
	}
	return r, nil
}

func latency(ds []time.Duration) string {
	if len(ds) == 0 {
		return "none"
	}
	slices.Sort(ds)
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return fmt.Sprintf("%d, mean %v, median %v, max %v", len(ds), (sum / time.Duration(len(ds))).Round(time.Microsecond),
		ds[len(ds)/2].Round(time.Microsecond), ds[len(ds)-1].Round(time.Microsecond))
}

// runPhase is one measured load in this process.
func runPhase(phase, archive, cache string) error {
	r := phaseResult{Phase: phase, CPU: runtime.GOMAXPROCS(0)}
	start := time.Now()
	if phase == "warmsnap" {
		return runSnapPhase(r, start, archive, cache)
	}
	indexing := phase == "warm" || phase == "warmbuild"
	var res *entities.Extractor
	modelDone := make(chan error, 1)
	if indexing {
		go func() { // the entity model (the index's resolver) loads beside the cache
			t := time.Now()
			x, err := entities.Default()
			res, r.Model = x, time.Since(t)
			modelDone <- err
		}()
	}
	// warm: the index grows batch by batch on a goroutine of its own while
	// the load goes on, as the reader does it; warmbuild: index.Build after.
	batches := make(chan []model.Article, 1<<12)
	indexed := make(chan *index.Index, 1)
	if phase == "warm" {
		go func() {
			var ix *index.Index
			if <-modelDone == nil {
				ix = index.New(res)
			}
			for b := range batches {
				if ix != nil {
					ix.AddBatch(b)
				}
			}
			indexed <- ix
		}()
	}
	var arts []model.Article
	warns := articles.Stream(context.Background(), []string{archive}, articles.StreamOptions{CachePath: cache},
		func(b []model.Article) {
			if arts == nil {
				r.FirstBatch = time.Since(start)
			}
			arts = append(arts, b...)
			if phase == "warm" {
				batches <- b
			}
		},
		func(p articles.Progress) {
			if p.Final {
				r.Cached = p.Cached
			}
		})
	r.Load = time.Since(start)
	r.Articles, r.Warnings = len(arts), len(warns)
	var ix *index.Index
	switch phase {
	case "warm":
		close(batches)
		if ix = <-indexed; ix == nil {
			return fmt.Errorf("entity model did not load")
		}
	case "warmbuild":
		if err := <-modelDone; err != nil {
			return fmt.Errorf("entity model: %w", err)
		}
		t := time.Now()
		ix = index.Build(arts, res)
		r.Build = time.Since(t)
	}
	if ix != nil {
		ix.Search("entity:Russia", 1) // derive the canonical tables too
		r.Index = time.Since(start)
		r.Indexed = ix.Len() // duplicates (same id) are indexed once
		r.EntityQ, r.TextQ = searches(ix, arts)
	}
	runtime.KeepAlive(arts)
	return report(r)
}

// report adds the memory and CPU figures of the process and prints r.
func report(r phaseResult) error {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	r.HeapMB = float64(ms.HeapAlloc) / (1 << 20)
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		r.MaxRSSMB = float64(ru.Maxrss) / 1024 // KB on Linux
		r.CPUSec = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}

// runSnapPhase is a warm load as the reader does it (ui.StreamLoader): the
// entity model and the extractor version first, then an index.Feed on a
// goroutine of its own, fed batch by batch, which restores the index
// snapshot beside the cache when it matches the briefs; the snapshot is
// written after a load that could not use it (its time is not counted in
// the time to a complete index).
func runSnapPhase(r phaseResult, start time.Time, archive, cache string) error {
	t := time.Now()
	pipe, err := articles.NewPipeline()
	if err != nil {
		return fmt.Errorf("entity model: %w", err)
	}
	version := articles.ExtractorVersion(pipe)
	r.Model = time.Since(t)
	path := index.SnapshotPath(filepath.Dir(cache), cache, archive)
	ix := index.New(articles.Resolver())
	feed := index.NewFeed(ix, path, version)
	batches := make(chan []model.Article, 1<<12)
	finished := make(chan error, 1)
	go func() {
		for b := range batches {
			feed.Add(b)
		}
		_, err := feed.Finish()
		finished <- err
	}()
	var arts []model.Article
	warns := articles.Stream(context.Background(), []string{archive}, articles.StreamOptions{CachePath: cache, Pipeline: pipe},
		func(b []model.Article) {
			if arts == nil {
				r.FirstBatch = time.Since(start)
			}
			arts = append(arts, b...)
			batches <- b
		},
		func(p articles.Progress) {
			if p.Final {
				r.Cached = p.Cached
			}
		})
	r.Load = time.Since(start)
	r.Articles, r.Warnings = len(arts), len(warns)
	close(batches)
	if err := <-finished; err != nil {
		r.Snapshot = err.Error()
	}
	ix.Search("entity:Russia", 1) // derive the canonical tables too
	r.Index = time.Since(start)
	r.Indexed = ix.Len()
	r.EntityQ, r.TextQ = searches(ix, arts)
	t = time.Now()
	wrote, err := feed.Save()
	if err != nil {
		return err
	}
	if wrote {
		r.Save = time.Since(t)
		if info, err := os.Stat(path); err == nil {
			r.SnapMB = float64(info.Size()) / (1 << 20)
		}
	}
	r.Restored = feed.Restored()
	runtime.KeepAlive(arts)
	return report(r)
}

// searches times entity queries for the most named people, countries and
// organisations, and full-text queries for words of the briefs.
func searches(ix *index.Index, arts []model.Article) (ent, text []time.Duration) {
	var qs []string
	for _, k := range []model.EntityKind{model.KindPerson, model.KindCountry, model.KindOrganization} {
		for _, e := range slices.Collect(func(yield func(index.EntityStat) bool) {
			for i, e := range ix.EntitiesWith(k, 2) {
				if i == 20 || !yield(e) {
					return
				}
			}
		}) {
			qs = append(qs, fmt.Sprintf("entity:%q", e.Name))
		}
	}
	for _, q := range qs {
		t := time.Now()
		ix.Search(q, 20)
		ent = append(ent, time.Since(t))
	}
	for i := 0; i < 50 && len(arts) > 0; i++ {
		words := strings.Fields(arts[(i*7919)%len(arts)].Title)
		if len(words) < 2 {
			continue
		}
		q := strings.Join(words[:2], " ")
		t := time.Now()
		ix.Search(q, 20)
		text = append(text, time.Since(t))
	}
	return ent, text
}

// text is one real brief read from the shared data.
type text struct{ title, body string }

// buildArchive writes n briefs as text files under dir, 1,000 to a folder,
// and returns how many real texts they were made from. An archive already
// there with n briefs is kept.
func buildArchive(data, dir string, n int) (int, error) {
	marker := filepath.Join(dir, ".briefs-archive")
	if b, err := os.ReadFile(marker); err == nil && strings.TrimSpace(string(b)) == strconv.Itoa(n) {
		return 0, nil
	}
	os.RemoveAll(dir)
	texts, err := readTexts(data)
	if err != nil {
		return 0, err
	}
	if len(texts) == 0 {
		return 0, fmt.Errorf("no texts in %s", data)
	}
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return 0, fmt.Errorf("archive: %w", err)
			}
		}
		t := texts[i%len(texts)]
		title := t.title
		if round := i / len(texts); round > 0 {
			title = fmt.Sprintf("%s (bulletin %d)", title, round)
		}
		f := filepath.Join(sub, fmt.Sprintf("%06d.txt", i))
		if err := os.WriteFile(f, []byte(title+"\n\n"+t.body+"\n"), 0o644); err != nil {
			return 0, fmt.Errorf("archive: %w", err)
		}
	}
	// Older than the cache's racy window, as an archive usually is.
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chtimes(p, old, old)
		}
		return nil
	})
	if err := os.WriteFile(marker, []byte(strconv.Itoa(n)), 0o644); err != nil {
		return 0, fmt.Errorf("archive: %w", err)
	}
	return len(texts), nil
}

// readTexts reads the BBC and PolNeAR texts (first line the title) and the
// Reuters-21578 stories that have a title and a body.
func readTexts(data string) ([]text, error) {
	var out []text
	for _, d := range []string{"bbc/politics", "bbc/business", "polnear/train/text", "polnear/dev/text"} {
		files, _ := filepath.Glob(filepath.Join(data, d, "*.txt"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", f, err)
			}
			title, body, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
			if strings.TrimSpace(body) != "" {
				out = append(out, text{strings.TrimSpace(title), strings.TrimSpace(body)})
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join(data, "reuters21578", "*.sgm"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		out = append(out, reuters(string(b))...)
	}
	return out, nil
}

var (
	reutersStory = regexp.MustCompile(`(?s)<REUTERS.*?</REUTERS>`)
	reutersTitle = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	reutersBody  = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
)

// reuters reads the stories of one SGML file: title, and body paragraphs
// (indented lines start them).
func reuters(sgml string) []text {
	var out []text
	for _, st := range reutersStory.FindAllString(sgml, -1) {
		t, b := reutersTitle.FindStringSubmatch(st), reutersBody.FindStringSubmatch(st)
		if t == nil || b == nil {
			continue
		}
		body := html.UnescapeString(b[1])
		body = strings.TrimSuffix(strings.TrimSpace(strings.Trim(body, "\x03 \n")), "Reuter")
		body = strings.ReplaceAll(body, "\n    ", "\n\n")
		title := strings.Join(strings.Fields(html.UnescapeString(t[1])), " ")
		if title != "" && strings.TrimSpace(body) != "" {
			out = append(out, text{title, strings.TrimSpace(body)})
		}
	}
	return out
}
