package articles

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"briefs/articles/source"
	"briefs/articles/store"
	"briefs/model"
)

// Invented people, places and bodies for generated briefs.
var (
	fictionPeople = []string{"Ada Quarrin", "Tomas Veldt", "Ilse Marrow", "Jonah Pellucid", "Mira Santovar",
		"Oskar Brindle", "Lena Hartwick", "Rafe Odunsi", "Cato Ferreira", "Yusra Kell"}
	fictionPlaces = []string{"Port Ismay", "Calder Reach", "Vostmark", "Elmhaven", "Quenby", "Sarrow Bay"}
	fictionBodies = []string{"Velorian Foreign Ministry", "Harbour League", "Council of the Northern Straits",
		"Grain Exchange Authority"}
	fictionTopics = []string{"grain corridor", "fishing rights", "border survey", "tariff truce", "pipeline tolls"}
)

// fictionBrief writes brief i of a generated archive: a title, then
// paragraphs with names, places and a quotation, all invented.
func fictionBrief(i int) string {
	p := func(k int) string { return fictionPeople[(i*7+k)%len(fictionPeople)] }
	pl := fictionPlaces[(i*5)%len(fictionPlaces)]
	body := fictionBodies[(i*3)%len(fictionBodies)]
	topic := fictionTopics[i%len(fictionTopics)]
	var b strings.Builder
	fmt.Fprintf(&b, "%s talks in %s reach round %d\n\n", strings.ToUpper(topic[:1])+topic[1:], pl, i)
	fmt.Fprintf(&b, "Envoys met in %s on day %d to discuss the %s, the %s said.\n\n", pl, i%28+1, topic, body)
	fmt.Fprintf(&b, "\"We are closer than we were, but not close enough,\" %s told reporters after the session.\n\n", p(0))
	fmt.Fprintf(&b, "%s, who leads the delegation of the %s, said a further round was planned. %s did not comment.\n", p(1), body, p(2))
	return b.String()
}

// writeArchive writes n generated briefs into dir, in a few sub-folders.
func writeArchive(t testing.TB, dir string, n int) {
	t.Helper()
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("part%02d", i%7))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("brief%05d.txt", i)), []byte(fictionBrief(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// mixedFolder is a folder of several formats, a bad file, a hidden file and
// a sub-folder.
func mixedFolder(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":          fictionBrief(1),
		"b.md":           "---\ntitle: Harbour League meets in Quenby\ndate: 2026-05-01T09:00:00+02:00\nauthor: Nell Ostrander\n---\n\n" + strings.SplitN(fictionBrief(2), "\n\n", 2)[1],
		"c.json":         `[{"title":"Tariff truce holds","body":"Mira Santovar said the truce \"will hold through spring\" in Vostmark.","date":"2026-04-02"},{"title":"Border survey resumes","text":"Oskar Brindle told the Harbour League that surveyors had returned to Elmhaven."}]`,
		"empty.txt":      "",
		".hidden.txt":    fictionBrief(3),
		"sub/d.txt":      fictionBrief(4),
		"sub-1.txt":      fictionBrief(5), // sorts before sub/d.txt ('-' < '/')
		"sub 2.txt":      fictionBrief(6),
		"sub0.txt":       fictionBrief(7), // after ('0' > '/')
		"sub/e.jsonl":    "{\"title\":\"Pipeline tolls cut\",\"body\":\"Rafe Odunsi said tolls would fall.\"}\n{broken\n",
		"sub/.git/x.txt": "not read",
		"z_binary.dat":   "\x00\x01\x02\x03binary\x00", // left out, as are the next two
		"sub/notes.go":   "package notes\n",
		"sub/old.tar.gz": "\x1f\x8b",
		"zz_noext":       fictionBrief(8), // no extension: read
		"zz.TXT.GZ":      gzipped(fictionBrief(9)),
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour) // older than the racy window: stamps are trusted
	filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error { return os.Chtimes(p, old, old) })
	return dir
}

// streamAll runs Stream and gathers everything it hands over.
func streamAll(t testing.TB, specs []string, opt StreamOptions) ([]model.Article, []source.Warning, Progress) {
	t.Helper()
	var arts []model.Article
	var last Progress
	reports := 0
	warns := Stream(context.Background(), specs, opt, func(b []model.Article) {
		if len(b) == 0 {
			t.Error("an empty batch")
		}
		arts = append(arts, b...)
	}, func(p Progress) {
		if p.Done != len(arts) {
			t.Errorf("progress says %d done, %d emitted", p.Done, len(arts))
		}
		if p.Done < last.Done || last.Final {
			t.Errorf("progress went from %+v to %+v", last, p)
		}
		last = p
		reports++
	})
	if !last.Final || reports == 0 {
		t.Errorf("no final progress report (%d reports, last %+v)", reports, last)
	}
	if last.Total != len(arts) {
		t.Errorf("final total %d, %d emitted", last.Total, len(arts))
	}
	return arts, warns, last
}

// sameArticles compares articles field by field, times by instant and zone
// offset, nil and empty slices alike.
func sameArticles(t testing.TB, got, want []model.Article) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d articles, want %d", len(got), len(want))
	}
	for i := range got {
		x, y := canon(got[i]), canon(want[i])
		if !reflect.DeepEqual(x, y) {
			t.Fatalf("article %d differs:\n got %+v\nwant %+v", i, x, y)
		}
	}
}

func canon(a model.Article) model.Article {
	_, off := a.Published.Zone()
	if !a.Published.IsZero() {
		a.URL += fmt.Sprintf(" @%d%+d", a.Published.Unix(), off) // compare the instant and offset only
	}
	a.Published = time.Time{}
	if len(a.Entities) == 0 {
		a.Entities = nil
	}
	if len(a.Quotes) == 0 {
		a.Quotes = nil
	}
	ents := make([]model.Entity, len(a.Entities))
	copy(ents, a.Entities)
	for i := range ents {
		if len(ents[i].Aliases) == 0 {
			ents[i].Aliases = nil
		}
		if len(ents[i].Mentions) == 0 {
			ents[i].Mentions = nil
		}
	}
	a.Entities = ents
	return a
}

func sameWarnings(t testing.TB, got, want []source.Warning) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("warnings\n got %v\nwant %v", got, want)
	}
}

func TestStreamMatchesLoadColdAndWarm(t *testing.T) {
	dir := mixedFolder(t)
	cache := filepath.Join(t.TempDir(), "cache.db")
	want, wantWarns, err := Load(context.Background(), []string{dir}, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 5 || len(wantWarns) < 2 {
		t.Fatalf("the folder should give articles and warnings: %d, %v", len(want), wantWarns)
	}
	opt := StreamOptions{CachePath: cache, BatchSize: 2}
	cold, warns, p := streamAll(t, []string{dir}, opt)
	sameArticles(t, cold, want)
	sameWarnings(t, warns, wantWarns)
	if len(warns) == 0 || !warns[0].Notice || !strings.Contains(warns[0].Reason, "3 file(s) left out") {
		t.Errorf("the folder's notice: %+v", warns)
	}
	if p.Cached != 0 {
		t.Errorf("cold run: %d from an empty cache", p.Cached)
	}

	warm, warns, p := streamAll(t, []string{dir}, opt)
	sameArticles(t, warm, want)
	sameWarnings(t, warns, wantWarns)
	// Files with warnings (the broken JSON Lines) are read again each time.
	if !strings.HasSuffix(cold[5].Source, "sub-1.txt") || !strings.HasSuffix(cold[6].Source, "d.txt") {
		t.Errorf("order: %s, %s", cold[5].Source, cold[6].Source)
	}
	if p.Cached != len(want)-1 {
		t.Errorf("warm run: %d of %d from the cache, want all but the broken file's one", p.Cached, len(want))
	}
	for _, a := range warm {
		if len(a.Entities) == 0 {
			t.Errorf("%s: no entities after a warm start", a.Source)
		}
	}
}

func TestStreamMovedFileAndChangedFile(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 20)
	old := time.Now().Add(-time.Hour)
	filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error { return os.Chtimes(p, old, old) })
	opt := StreamOptions{CachePath: filepath.Join(t.TempDir(), "cache.db")}
	first, _, _ := streamAll(t, []string{dir}, opt)

	changed := filepath.Join(dir, "part00", "brief00007.txt")
	os.WriteFile(changed, []byte(fictionBrief(1007)), 0o644)
	moved := t.TempDir() // the same bytes elsewhere are still hits
	data, _ := os.ReadFile(filepath.Join(dir, "part01", "brief00008.txt"))
	os.WriteFile(filepath.Join(moved, "renamed.txt"), data, 0o644)

	got, _, p := streamAll(t, []string{dir, moved}, opt)
	if p.Cached != len(first) {
		t.Errorf("%d cached, want %d (all but the changed file, plus the moved copy)", p.Cached, len(first))
	}
	want, _, _ := Load(context.Background(), []string{dir, moved}, source.Options{})
	sameArticles(t, got, want)
	if !strings.Contains(got[1].Title, "1007") {
		t.Errorf("the changed file reads %q", got[1].Title)
	}
}

func TestStreamVersionChangeReextracts(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 10)
	opt := StreamOptions{CachePath: filepath.Join(t.TempDir(), "cache.db"), version: "test-1"}
	streamAll(t, []string{dir}, opt)
	if _, _, p := streamAll(t, []string{dir}, opt); p.Cached != 10 {
		t.Fatalf("same version: %d cached", p.Cached)
	}
	opt.version = "test-2"
	if _, _, p := streamAll(t, []string{dir}, opt); p.Cached != 0 {
		t.Fatalf("new version: %d cached, want everything extracted again", p.Cached)
	}
	if _, _, p := streamAll(t, []string{dir}, opt); p.Cached != 10 {
		t.Fatalf("new version, second run: %d cached", p.Cached)
	}
}

func TestStreamSamplesAndStdin(t *testing.T) {
	opt := StreamOptions{CachePath: filepath.Join(t.TempDir(), "cache.db")}
	want, _, err := Load(context.Background(), nil, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, _, _ := streamAll(t, nil, opt)
	sameArticles(t, got, want)
	got, _, p := streamAll(t, nil, opt)
	sameArticles(t, got, want)
	if p.Cached != len(want) {
		t.Errorf("samples, warm: %d of %d cached", p.Cached, len(want))
	}

	in := fictionBrief(42)
	opt.Source.Stdin = strings.NewReader(in)
	streamAll(t, []string{"-"}, opt)
	opt.Source.Stdin = strings.NewReader(in)
	got, _, p = streamAll(t, []string{"-"}, opt)
	if len(got) != 1 || p.Cached != 1 || len(got[0].Entities) == 0 || got[0].Source != "-" {
		t.Errorf("stdin, warm: %d cached, %+v", p.Cached, got)
	}
}

func TestStreamCorruptCacheRebuilt(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 10)
	cache := filepath.Join(t.TempDir(), "cache.db")
	opt := StreamOptions{CachePath: cache}
	want, _, _ := streamAll(t, []string{dir}, opt)
	os.WriteFile(cache, []byte(strings.Repeat("garbage in the cache ", 1000)), 0o600)

	got, warns, p := streamAll(t, []string{dir}, opt)
	sameArticles(t, got, want)
	if p.Cached != 0 || len(warns) != 1 || !strings.Contains(warns[0].Reason, "moved to") {
		t.Errorf("cached %d, warnings %v", p.Cached, warns)
	}
	if aside, _ := filepath.Glob(cache + ".corrupt-*"); len(aside) != 1 {
		t.Errorf("set aside: %v", aside)
	}
	if _, _, p := streamAll(t, []string{dir}, opt); p.Cached != 10 {
		t.Errorf("after the rebuild: %d cached", p.Cached)
	}
}

func TestStreamTwoAtOnce(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 60)
	cache := filepath.Join(t.TempDir(), "cache.db")
	want, _, _ := Load(context.Background(), []string{dir}, source.Options{})
	var wg sync.WaitGroup
	results := make([][]model.Article, 2)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _, _ = streamAll(t, []string{dir}, StreamOptions{CachePath: cache})
		}()
	}
	wg.Wait()
	for _, got := range results {
		sameArticles(t, got, want)
	}
	got, warns, p := streamAll(t, []string{dir}, StreamOptions{CachePath: cache})
	sameArticles(t, got, want)
	if p.Cached != len(want) || len(warns) != 0 {
		t.Errorf("after two at once: %d of %d cached, warnings %v", p.Cached, len(want), warns)
	}
}

func TestStreamCancel(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, 200)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	warns := Stream(ctx, []string{dir}, StreamOptions{NoCache: true, BatchSize: 1}, func(b []model.Article) {
		n += len(b)
		cancel()
	}, nil)
	if n == 0 || n >= 200 {
		t.Errorf("%d articles after cancelling at the first", n)
	}
	if len(warns) == 0 || !strings.Contains(warns[len(warns)-1].Reason, "canceled") {
		t.Errorf("warnings %v", warns)
	}
}

// killEnv names the folder and cache for the child process of the SIGKILL test.
const killEnv = "BRIEFS_STREAM_KILL_CHILD"

// TestStreamKilledMidway cold-loads 2,000 briefs in a child process, kills it
// with SIGKILL part-way, and checks that the next run finds what the child
// had cached and ends with what a clean run gives.
func TestStreamKilledMidway(t *testing.T) {
	if spec := os.Getenv(killEnv); spec != "" {
		dir, cache, _ := strings.Cut(spec, string(os.PathListSeparator))
		Stream(context.Background(), []string{dir}, StreamOptions{CachePath: cache, BatchSize: 16},
			nil, func(p Progress) { fmt.Printf("done %d\n", p.Done) })
		fmt.Println("finished")
		return
	}
	if testing.Short() {
		t.Skip("cold-loads 2,000 briefs")
	}
	const n = 2000
	dir, cache := t.TempDir(), filepath.Join(t.TempDir(), "cache.db")
	writeArchive(t, dir, n)
	cmd := exec.Command(os.Args[0], "-test.run=^TestStreamKilledMidway$")
	cmd.Env = append(os.Environ(), killEnv+"="+dir+string(os.PathListSeparator)+cache)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	killedAt := -1
	for sc.Scan() {
		if d, ok := strings.CutPrefix(sc.Text(), "done "); ok {
			if k, _ := strconv.Atoi(d); k >= n/2 {
				cmd.Process.Signal(syscall.SIGKILL)
				killedAt = k
				break
			}
		}
	}
	cmd.Wait() // killed: it writes no more
	if killedAt < 0 {
		t.Fatal("the child ended before it could be killed")
	}

	got, warns, p := streamAll(t, []string{dir}, StreamOptions{CachePath: cache})
	t.Logf("killed at %d done; next run: %d of %d from the cache", killedAt, p.Cached, len(got))
	if len(warns) != 0 {
		t.Errorf("warnings after the kill: %v", warns)
	}
	if p.Cached == 0 || p.Cached >= n {
		t.Errorf("%d of %d cached after a kill at %d", p.Cached, n, killedAt)
	}
	clean, _, _ := streamAll(t, []string{dir}, StreamOptions{NoCache: true})
	sameArticles(t, got, clean)
	if _, _, p := streamAll(t, []string{dir}, StreamOptions{CachePath: cache}); p.Cached != n {
		t.Errorf("third run: %d of %d cached", p.Cached, n)
	}
}

// BenchmarkStreamWarm loads 2,000 generated briefs from a full cache: the
// per-brief cost of a warm start (see store/cmd/archivebench for real
// archives of 10,000 and more).
func BenchmarkStreamWarm(b *testing.B) {
	dir := b.TempDir()
	writeArchive(b, dir, 2000)
	old := time.Now().Add(-time.Hour)
	filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error { return os.Chtimes(p, old, old) })
	opt := StreamOptions{CachePath: filepath.Join(b.TempDir(), "cache.db")}
	streamAll(b, []string{dir}, opt)
	b.ResetTimer()
	for b.Loop() {
		if _, _, p := streamAll(b, []string{dir}, opt); p.Cached != 2000 {
			b.Fatalf("%d cached", p.Cached)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*2000), "ns/brief")
}

// BenchmarkStreamCold loads 200 generated briefs into an empty cache each
// time: reading, extracting on all cores and writing the cache and the
// archive.
func BenchmarkStreamCold(b *testing.B) {
	dir := b.TempDir()
	writeArchive(b, dir, 200)
	p, err := NewPipeline()
	if err != nil {
		b.Fatal(err)
	}
	cacheDir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		opt := StreamOptions{CachePath: filepath.Join(cacheDir, fmt.Sprintf("cache%d.db", i)), Pipeline: p,
			ArchivePath: filepath.Join(cacheDir, fmt.Sprintf("archive%d.db", i))} // each an empty archive too
		if _, _, pr := streamAll(b, []string{dir}, opt); pr.Cached != 0 || pr.Done != 200 {
			b.Fatalf("%+v", pr)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*200), "ns/brief")
}

// versionEnv asks the test binary to print the extractor version and stop.
const versionEnv = "BRIEFS_STREAM_VERSION_CHILD"

// TestExtractorVersionStable: the version must be the same in every process
// (else every start would empty the cache) and name the revision.
func TestExtractorVersionStable(t *testing.T) {
	p, err := NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv(versionEnv) != "" {
		fmt.Println("version", ExtractorVersion(p))
		return
	}
	start := time.Now()
	v := ExtractorVersion(p)
	t.Logf("%s in %v", v, time.Since(start))
	if !strings.HasPrefix(v, ExtractorRevision+"+") || len(v) != len(ExtractorRevision)+34 {
		t.Fatalf("version %q", v)
	}
	if again := ExtractorVersion(p); again != v {
		t.Fatalf("two calls: %q, %q", v, again)
	}
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestExtractorVersionStable$")
		cmd.Env = append(os.Environ(), versionEnv+"=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "version "+v+"\n") {
			t.Fatalf("another process says %q, this one %q", out, v)
		}
	}
}

// heldEnv names the folder and cache for the child of the held-cache test.
const heldEnv = "BRIEFS_STREAM_HELD_CHILD"

// TestStreamCacheHeldByAnotherProcess: while this process holds the cache,
// a second process loads without it, says so, and does not wait long.
func TestStreamCacheHeldByAnotherProcess(t *testing.T) {
	if spec := os.Getenv(heldEnv); spec != "" {
		dir, cache, _ := strings.Cut(spec, string(os.PathListSeparator))
		start := time.Now()
		arts, warns, _ := streamAll(t, []string{dir}, StreamOptions{CachePath: cache})
		fmt.Printf("articles %d in %v\n", len(arts), time.Since(start))
		for _, w := range warns {
			fmt.Printf("warning %s\n", w.Reason)
		}
		return
	}
	dir, cache := t.TempDir(), filepath.Join(t.TempDir(), "cache.db")
	writeArchive(t, dir, 20)
	holder := store.Open(cache, store.Options{})
	defer holder.Close()
	if !holder.Enabled() {
		t.Fatal(holder.Notes())
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestStreamCacheHeldByAnotherProcess$")
	cmd.Env = append(os.Environ(), heldEnv+"="+dir+string(os.PathListSeparator)+cache)
	done := make(chan struct{})
	var out []byte
	var err error
	go func() { out, err = cmd.Output(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("the second process hung on the held cache")
	}
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !strings.Contains(string(out), "articles 20 ") || !strings.Contains(string(out), "in use by another briefs") {
		t.Fatalf("the second process said:\n%s", out)
	}
}

// TestStreamRelativeFolder: a folder named relative to the working directory
// is cached under its absolute paths, and found again.
func TestStreamRelativeFolder(t *testing.T) {
	parent := t.TempDir()
	writeArchive(t, filepath.Join(parent, "arch"), 12)
	old := time.Now().Add(-time.Hour)
	filepath.Walk(parent, func(p string, _ os.FileInfo, _ error) error { return os.Chtimes(p, old, old) })
	t.Chdir(parent)
	opt := StreamOptions{CachePath: filepath.Join(t.TempDir(), "cache.db")}
	want, _, _ := Load(context.Background(), []string{"./arch/"}, source.Options{})
	streamAll(t, []string{"./arch/"}, opt)
	got, _, p := streamAll(t, []string{"./arch/"}, opt)
	sameArticles(t, got, want)
	if p.Cached != 12 || !strings.HasPrefix(got[0].Source, "arch/") {
		t.Errorf("%d cached, first from %q", p.Cached, got[0].Source)
	}
	got, _, p = streamAll(t, []string{filepath.Join(parent, "arch")}, opt)
	if p.Cached != 12 || !filepath.IsAbs(got[0].Source) {
		t.Errorf("by its absolute path: %d cached, first from %q", p.Cached, got[0].Source)
	}
}

// TestExtractorVersionFollowsEmbeddedData: a new entity model or word list
// that leaves the built-in samples' output as it was still changes the
// version, so briefs cached with the old model are extracted again (a
// retrained tagger once scored the same as its predecessor on every dev
// split because extract read the old tagger's entities from the cache).
func TestExtractorVersionFollowsEmbeddedData(t *testing.T) {
	p, err := NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	v := ExtractorVersion(p)
	if d := embeddedDataDigest(); d == 0 || !strings.Contains(v, fmt.Sprintf("+%016x+", d)) {
		t.Fatalf("version %q does not carry the data digest %016x", v, d)
	}
	old := embeddedDataDigest
	t.Cleanup(func() { embeddedDataDigest = old })
	embeddedDataDigest = func() uint64 { return old() + 1 }
	if w := ExtractorVersion(p); w == v {
		t.Fatalf("other embedded data, same version %q", v)
	}
}
