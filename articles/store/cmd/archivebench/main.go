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
	archivepkg "briefs/articles/archive"
	"briefs/articles/entities"
	"briefs/articles/index"
	"briefs/articles/store"
	"briefs/model"
)

func main() {
	n := flag.Int("n", 10000, "briefs in the archive")
	data := flag.String("data", filepath.Join("..", "shared", "data"), "the shared data folder")
	dir := flag.String("dir", "", "folder for the archive and caches (default: a temporary one, removed)")
	cpus := flag.String("cpus", "1,2", "GOMAXPROCS settings for the cold loads, comma-separated; 'none' runs no cold load and uses the cache the last run with -dir left (cache-cpuN.db, the highest N)")
	warmRuns := flag.Int("warm", 2, "warm loads to run (each both ways: index during and after the load)")
	phase := flag.String("phase", "", "run one phase in this process: cold; warm (index built during the load); warmbuild (index.Build after it); warmsnap (index.Feed: the index snapshot when it matches, as the reader does); load (no index)")
	cache := flag.String("cache", "", "internal: the cache file of a phase")
	adb := flag.String("adb", "", "internal: the archive file of an archive phase")
	profile := flag.String("cpuprofile", "", "write a CPU profile of a -phase run to this file")
	memprofile := flag.String("memprofile", "", "write a heap profile of a -phase run to this file, at its end")
	texts := flag.String("texts", "mixed", "the texts briefs are made of: mixed (BBC, PolNeAR and short Reuters items, 1.15 KB a brief on average) or news (BBC and PolNeAR only, news length: ~3.5 KB)")
	snapOnly := flag.Bool("snaponly", false, "of the warm loads, run only warmsnap (the reader's way)")
	archiveN := flag.String("archive", "", "also measure the embedded archive (store.Archive) at these sizes, comma-separated (1000000 is fine): filled with copies of the warm load's briefs, each with its own id and title, then read as the list does (complete list, search, opening briefs), -warm times each")
	flag.Parse()
	memProfile = *memprofile
	textsKind = *texts
	onlySnap = *snapOnly
	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	if *phase != "" {
		if err := runPhase(*phase, *dir, *cache, *n, *adb); err != nil {
			fmt.Fprintln(os.Stderr, "archivebench:", err)
			os.Exit(1) //nolint: the profile of a failed run is not wanted
		}
		return
	}
	if err := run(*n, *data, *dir, *cpus, *warmRuns, *archiveN); err != nil {
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
	Whole      int           // reader: articles the index keeps whole
	EntityQ    []time.Duration
	TextQ      []time.Duration
	CPUSec     float64 // user and system time of the whole phase
	MaxRSSMB   float64 // VmHWM of /proc/self/status (getrusage's maxrss elsewhere)
	HeapMB     float64

	// the archive phases
	Records  int             // archivewarm: records listed (the complete list)
	List     time.Duration   // archivewarm: from opening the archive to the complete list
	Open     time.Duration   // archivewarm: opening the file
	SpeakerQ []time.Duration // archivewarm: speaker searches
	GetQ     []time.Duration // archivewarm: opening a brief (Get)
	FileMB   float64         // the archive file
	RSSOpen  float64         // archivewarm: resident MB once the file is open
	RSSList  float64         // archivewarm: resident MB at the complete list
}

// memProfile and textsKind are the -memprofile and -texts flags.
var memProfile, textsKind string

// onlySnap is the -snaponly flag.
var onlySnap bool

func run(n int, data, dir, cpus string, warmRuns int, archiveSizes string) error {
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
	fmt.Printf("archive: %d briefs (%s texts) in %s (%d real texts; built in %v)\n", n, textsKind, archive, made, time.Since(start).Round(time.Millisecond))
	fmt.Printf("load average at start: %s\n", loadAvg())

	var lastCache string
	settings := strings.Split(cpus, ",")
	if cpus == "none" {
		settings = nil
		caches, _ := filepath.Glob(filepath.Join(dir, "cache-cpu*.db"))
		if len(caches) == 0 {
			return fmt.Errorf("-cpus none: no cache in %s", dir)
		}
		slices.Sort(caches)
		lastCache = caches[len(caches)-1]
	}
	for _, c := range settings {
		cpu, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || cpu < 1 {
			return fmt.Errorf("bad -cpus %q", cpus)
		}
		lastCache = filepath.Join(dir, fmt.Sprintf("cache-cpu%d.db", cpu))
		os.Remove(lastCache)
		os.Remove(streamOptions(lastCache).ArchivePath)
		r, err := child("cold", archive, lastCache, cpu)
		if err != nil {
			return err
		}
		fmt.Printf("cold  cpu=%d: %d briefs in %v = %.0f briefs/s (%.1f CPU s = %.0f CPU µs a brief); first batch %v; peak RSS %.0f MB = %.1f KB a brief (%d from cache, %d warnings)\n",
			cpu, r.Articles, r.Load.Round(time.Millisecond), float64(r.Articles)/r.Load.Seconds(), r.CPUSec, perBrief(r.CPUSec*1e6, r.Articles),
			r.FirstBatch.Round(time.Millisecond), r.MaxRSSMB, perBrief(r.MaxRSSMB*1024, r.Articles), r.Cached, r.Warnings)
	}
	if info, err := os.Stat(lastCache); err == nil {
		fmt.Printf("cache file: %.1f MB\n", float64(info.Size())/(1<<20))
	}
	snaps, _ := filepath.Glob(filepath.Join(filepath.Dir(lastCache), "index-*.bin"))
	for _, f := range snaps { // the first warmsnap run builds and writes it
		os.Remove(f)
	}
	phases := []string{"warm", "warmbuild", "warmsnap", "reader"}
	if onlySnap {
		phases = []string{"warmsnap", "reader"}
	}
	for i := 0; i < warmRuns; i++ {
		for _, phase := range phases {
			r, err := child(phase, archive, lastCache, 0)
			if err != nil {
				return err
			}
			how := "index built batch by batch during the load"
			switch {
			case phase == "warmbuild":
				how = fmt.Sprintf("index.Build after the load: %v", r.Build.Round(time.Millisecond))
			case phase == "reader":
				how = fmt.Sprintf("as the reader: the archive open, records listed, the index reading briefs back from the archive (%d kept whole)", r.Whole)
			case phase == "warmsnap" && r.Restored > 0:
				how = fmt.Sprintf("index snapshot restored (%d briefs)", r.Restored)
			case phase == "warmsnap":
				how = fmt.Sprintf("no snapshot (%s): built during the load, snapshot of %.0f MB written in %v after",
					r.Snapshot, r.SnapMB, r.Save.Round(time.Millisecond))
			}
			fmt.Printf("%-9s cpu=%d: %d briefs (%d from cache) loaded in %v, first batch %v; model %v; %s; complete index of %d at %v = %.1f µs a brief (%.1f CPU s); peak RSS %.0f MB = %.1f KB a brief, heap %.0f MB\n",
				phase, r.CPU, r.Articles, r.Cached, r.Load.Round(time.Millisecond), r.FirstBatch.Round(time.Microsecond),
				r.Model.Round(time.Millisecond), how, r.Indexed, r.Index.Round(time.Millisecond), perBrief(float64(r.Index.Microseconds()), r.Articles),
				r.CPUSec, r.MaxRSSMB, perBrief(r.MaxRSSMB*1024, r.Articles), r.HeapMB)
			fmt.Printf("          search: entity queries %s; full-text queries %s\n", latency(r.EntityQ), latency(r.TextQ))
		}
	}
	if archiveSizes == "" {
		return nil
	}
	for _, f := range strings.Split(archiveSizes, ",") {
		size, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || size < 1 {
			return fmt.Errorf("bad -archive %q", archiveSizes)
		}
		adb := filepath.Join(dir, fmt.Sprintf("archive-%d.db", size))
		os.Remove(adb)
		r, err := child("archivefill", archive, lastCache, 0, "-n", strconv.Itoa(size), "-adb", adb)
		if err != nil {
			return err
		}
		fmt.Printf("archive fill: %d briefs put in %v (%.1f CPU s = %.0f CPU µs a brief; the warm load of the copies' originals included); peak RSS %.0f MB; file %.0f MB = %.2f KB a brief\n",
			r.Articles, r.Load.Round(time.Millisecond), r.CPUSec, perBrief(r.CPUSec*1e6, r.Articles), r.MaxRSSMB, r.FileMB, perBrief(r.FileMB*1024, r.Articles))
		for i := 0; i < warmRuns; i++ {
			r, err := child("archivewarm", archive, lastCache, 0, "-adb", adb)
			if err != nil {
				return err
			}
			fmt.Printf("archive warm (load %s): %d records, complete list at %v = %.2f µs a brief (open %v, %.2f CPU s); peak RSS %.0f MB at the complete list = %.2f KB a brief (%.0f MB once open), %.0f MB after the searches, heap %.0f MB\n",
				loadAvg(), r.Records, r.List.Round(time.Millisecond), perBrief(float64(r.List.Nanoseconds())/1e3, r.Records), r.Open.Round(time.Microsecond), r.CPUSec,
				r.RSSList, perBrief(r.RSSList*1024, r.Records), r.RSSOpen, r.MaxRSSMB, r.HeapMB)
			fmt.Printf("          search (all ids): entity %s; speaker %s; full text %s; opening a brief %s\n",
				latency(r.EntityQ), latency(r.SpeakerQ), latency(r.TextQ), latency(r.GetQ))
		}
	}
	return nil
}

// perBrief is total/n (0 for no briefs).
func perBrief(total float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return total / float64(n)
}

// loadAvg is the machine's 1-, 5- and 15-minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// peakRSS is the process's peak resident set (VmHWM), in MB; 0 when the
// system does not say.
func peakRSS() float64 { return rss("VmHWM:") }

// rss is the field of /proc/self/status (VmHWM:, VmRSS:) in MB; 0 when the
// system does not say.
func rss(field string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}

// child runs one phase in a new process and reads its result.
func child(phase, archive, cache string, cpu int, extra ...string) (phaseResult, error) {
	var r phaseResult
	exe, err := os.Executable()
	if err != nil {
		return r, fmt.Errorf("find myself: %w", err)
	}
	cmd := exec.Command(exe, append([]string{"-phase", phase, "-dir", archive, "-cache", cache, "-texts", textsKind, "-memprofile", memProfile}, extra...)...)
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
func runPhase(phase, archive, cache string, n int, adb string) error {
	r := phaseResult{Phase: phase, CPU: runtime.GOMAXPROCS(0)}
	start := time.Now()
	switch phase {
	case "archivefill":
		return fillArchive(r, start, archive, cache, n, adb)
	case "archivewarm":
		return warmArchive(r, start, adb)
	}
	if phase == "warmsnap" {
		return runSnapPhase(r, start, archive, cache)
	}
	if phase == "reader" {
		return runReaderPhase(r, start, archive, cache)
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
	warns := articles.Stream(context.Background(), []string{archive}, streamOptions(cache),
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
	if hwm := peakRSS(); hwm > 0 {
		r.MaxRSSMB = hwm
	}
	if memProfile != "" {
		if f, err := os.Create(fmt.Sprintf("%s.%s", memProfile, r.Phase)); err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
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
	warns := articles.Stream(context.Background(), []string{archive}, withPipeline(streamOptions(cache), pipe),
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

// runReaderPhase is a warm load as the reader does it with the embedded
// archive (ui.StreamLoader): the archive beside the cache open for the
// session, the index reading briefs back from it (index.SetBriefs) and
// fed each batch once stored (articles.StreamIndex), the list keeping a
// record per brief (archive.RecordOf), not the briefs.
func runReaderPhase(r phaseResult, start time.Time, archive, cache string) error {
	t := time.Now()
	pipe, err := articles.NewPipeline()
	if err != nil {
		return fmt.Errorf("entity model: %w", err)
	}
	opt := withPipeline(streamOptions(cache), pipe)
	snap, version := articles.SnapshotFor([]string{archive}, &opt)
	r.Model = time.Since(t)
	ar, err := store.OpenArchive(opt.ArchivePath, "")
	if err != nil {
		return err
	}
	defer ar.Close()
	opt.Archive = ar
	ix := index.New(articles.Resolver())
	ix.SetBriefs(briefsOf{ar})
	var recs []archivepkg.Record
	warns := articles.StreamIndex(context.Background(), []string{archive}, opt, ix, snap, version,
		func(b []model.Article) {
			if recs == nil {
				r.FirstBatch = time.Since(start)
			}
			for i := range b {
				recs = append(recs, archivepkg.RecordOf(&b[i]).Own())
			}
		},
		func(p articles.Progress) {
			if p.Final {
				r.Cached = p.Cached
			}
		})
	for _, w := range warns {
		fmt.Fprintln(os.Stderr, "warning:", w.Error())
	}
	r.Load = time.Since(start)
	r.Articles, r.Warnings = len(recs), len(warns)
	ix.Search("entity:Russia", 1) // derive the canonical tables too
	r.Index = time.Since(start)
	r.Indexed, r.Whole = ix.Len(), ix.Whole()
	titles := make([]string, len(recs))
	for i := range recs {
		titles[i] = recs[i].Title
	}
	r.EntityQ, r.TextQ = searchTitles(ix, titles)
	runtime.KeepAlive(recs)
	return report(r)
}

// briefsOf reads briefs back from the archive for the index.
type briefsOf struct{ ar *store.Archive }

func (b briefsOf) Brief(id string) (model.Article, bool) {
	a, err := b.ar.Get(context.Background(), id)
	return a, err == nil
}

// searches times entity queries for the most named people, countries and
// organisations, and full-text queries for words of the briefs.
func searches(ix *index.Index, arts []model.Article) (ent, text []time.Duration) {
	titles := make([]string, len(arts))
	for i := range arts {
		titles[i] = arts[i].Title
	}
	return searchTitles(ix, titles)
}

// searchTitles is searches with the briefs' titles only.
func searchTitles(ix *index.Index, titles []string) (ent, text []time.Duration) {
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
	for i := 0; i < 50 && len(titles) > 0; i++ {
		words := strings.Fields(titles[(i*7919)%len(titles)])
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
	want := fmt.Sprintf("%d %s", n, textsKind)
	if b, err := os.ReadFile(marker); err == nil && strings.TrimSpace(string(b)) == want {
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
	if err := os.WriteFile(marker, []byte(want), 0o644); err != nil {
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
	if textsKind == "news" {
		return out, nil
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

// fillArchive puts n briefs into a new embedded archive at adb: the warm
// load's briefs, copied as often as it takes, each copy with its own id,
// title and source, in batches of 1,000 (one transaction each).
func fillArchive(r phaseResult, start time.Time, archive, cache string, n int, adb string) error {
	var base []model.Article
	articles.Stream(context.Background(), []string{archive}, streamOptions(cache),
		func(b []model.Article) { base = append(base, b...) }, nil)
	if len(base) == 0 {
		return fmt.Errorf("no briefs in the cache %s", cache)
	}
	ar, err := store.OpenArchive(adb, filepath.Join(filepath.Dir(adb), "archive-state.db"))
	if err != nil {
		return err
	}
	ctx := context.Background()
	batch := make([]model.Article, 0, 1000)
	for i := range n {
		a := base[i%len(base)]
		if round := i / len(base); round > 0 {
			a.ID = fmt.Sprintf("%s-%d", a.ID, round)
			a.Title = fmt.Sprintf("%s (copy %d)", a.Title, round)
			a.Source = fmt.Sprintf("%s#%d", a.Source, round)
		}
		batch = append(batch, a)
		if len(batch) == cap(batch) || i == n-1 {
			if err := ar.Put(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := ar.Close(); err != nil {
		return err
	}
	r.Load = time.Since(start)
	r.Articles = n
	if info, err := os.Stat(adb); err == nil {
		r.FileMB = float64(info.Size()) / (1 << 20)
	}
	runtime.KeepAlive(base)
	return report(r)
}

// warmArchive opens the archive at adb and reads it as the list does: every
// record, in order, into memory (the complete list: its search index is the
// file's postings, read in place). Then it times searches for entities and
// speakers of briefs spread over the archive, and for two words of their
// titles, and opening briefs.
func warmArchive(r phaseResult, start time.Time, adb string) error {
	ar, err := store.OpenArchive(adb, filepath.Join(filepath.Dir(adb), "archive-state.db"))
	if err != nil {
		return err
	}
	defer ar.Close()
	r.Open = time.Since(start)
	r.RSSOpen = rss("VmRSS:")
	ctx := context.Background()
	var recs []archivepkg.Record
	if err := ar.List(ctx, 0, func(rec archivepkg.Record) bool { recs = append(recs, rec); return true }); err != nil {
		return err
	}
	r.List = time.Since(start)
	r.RSSList = rss("VmHWM:")
	r.Records = len(recs)
	if len(recs) == 0 {
		return report(r)
	}
	var ents, speakers, texts []string
	for i := range 50 {
		rec := recs[(i*7919)%len(recs)]
		t := time.Now()
		a, err := ar.Get(ctx, rec.ID)
		r.GetQ = append(r.GetQ, time.Since(t))
		if err != nil {
			return err
		}
		if len(a.Entities) > 0 {
			ents = append(ents, a.Entities[i%len(a.Entities)].ID)
		}
		if sp := archivepkg.Speakers(&a); len(sp) > 0 {
			speakers = append(speakers, sp[0])
		}
		if w := strings.Fields(a.Title); len(w) >= 2 {
			texts = append(texts, w[0]+" "+w[1])
		}
	}
	timeQ := func(q archivepkg.Query) time.Duration {
		t := time.Now()
		ar.Search(ctx, q)
		return time.Since(t)
	}
	for _, e := range ents {
		r.EntityQ = append(r.EntityQ, timeQ(archivepkg.Query{Entity: e}))
	}
	for _, s := range speakers {
		r.SpeakerQ = append(r.SpeakerQ, timeQ(archivepkg.Query{Speaker: s}))
	}
	for _, s := range texts {
		r.TextQ = append(r.TextQ, timeQ(archivepkg.Query{Text: s}))
	}
	runtime.KeepAlive(recs)
	return report(r)
}

// streamOptions are a phase's: its cache, and the embedded archive every
// load keeps up to date beside it, one per cache (the cold loads at each
// -cpus setting each fill their own).
func streamOptions(cache string) articles.StreamOptions {
	return articles.StreamOptions{CachePath: cache, ArchivePath: strings.TrimSuffix(cache, ".db") + "-archive.db"}
}

func withPipeline(o articles.StreamOptions, p *articles.Pipeline) articles.StreamOptions {
	o.Pipeline = p
	return o
}
