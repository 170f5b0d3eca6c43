package articles

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/bits"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/tagger"
	"briefs/articles/lexicon"
	"briefs/articles/samples"
	"briefs/articles/source"
	"briefs/articles/store"
	"briefs/model"
)

// ExtractorRevision is the part of the extractor version set by hand: bump
// it when extraction or cleaning changes in a way the built-in samples do
// not show (see ExtractorVersion). The extractor packages expose no version
// or model digest to derive it from.
const ExtractorRevision = "briefs-extract/2026-12-08.2"

// ExtractorVersion names what p makes of a brief: ExtractorRevision, a
// checksum of the embedded data extraction reads (tagger weights, word
// clusters, gazetteer, people, word lists) and a digest of what p reads and
// extracts from the built-in sample briefs (cleaned text, entities,
// quotes). Cached extractions are keyed by it, so a new entity model or word
// list, or a quote or cleaning rule that changes anything in the samples,
// re-extracts everything once, with no number to remember to bump. It
// extracts the samples on all cores: a few milliseconds.
func ExtractorVersion(p *Pipeline) string {
	arts, _ := source.LoadFS(samples.FS, source.Options{})
	p.ExtractAll(arts)
	sum := sha256.Sum256(store.EncodeArticles(nil, arts))
	return fmt.Sprintf("%s+%016x+%s", ExtractorRevision, embeddedDataDigest(), hex.EncodeToString(sum[:8]))
}

// embeddedDataDigest combines the checksums of the extractors' embedded data.
var embeddedDataDigest = sync.OnceValue(func() uint64 {
	return tagger.DataDigest() ^ bits.RotateLeft64(gazetteer.DataDigest(), 21) ^ bits.RotateLeft64(lexicon.DataDigest(), 42)
})

// Defaults of StreamOptions.
const (
	DefaultBatchSize     = 256
	DefaultBatchInterval = 50 * time.Millisecond
	DefaultFetchers      = 8
	DefaultPerHost       = 2
	// ConnectTimeout bounds connecting to a host (and its TLS handshake),
	// ResponseTimeout the wait for its answer's headers, when Stream makes
	// the HTTP client (Source.HTTPClient nil); source.Options.Timeout still
	// bounds the whole download.
	ConnectTimeout  = 5 * time.Second
	ResponseTimeout = 15 * time.Second
	// SlowFetch is how long a download runs before Progress names it.
	SlowFetch = 2 * time.Second
)

// StreamOptions tune Stream. The zero value is ready to use: the cache in the
// XDG cache directory, all cores, batches of 256 articles or 50 ms.
type StreamOptions struct {
	// Source tunes reading (standard input, size limit, HTTP).
	Source source.Options
	// CachePath is the cache file; "" means store.DefaultPath().
	CachePath string
	// NoCache reads and extracts everything, and writes no cache.
	NoCache bool
	// Workers is how many briefs are read and extracted at once; zero
	// means GOMAXPROCS.
	Workers int
	// BatchSize and BatchInterval bound how many articles, and how long,
	// emit waits for: a batch goes out when it is full or the interval is
	// up, whichever comes first. Zero means the defaults.
	BatchSize     int
	BatchInterval time.Duration
	// Pipeline extracts; nil loads the embedded models (NewPipeline).
	Pipeline *Pipeline
	// MemoryBudget bounds the memory extraction uses at once, in bytes
	// (Pipeline.SetMemoryBudget, set on Pipeline before anything is
	// extracted; the config's extract_memory_mb); zero keeps the
	// Pipeline's (DefaultMemoryBudget).
	MemoryBudget int64
	// ArchivePath is the embedded archive (store.Archive) the load keeps
	// up to date: every brief emitted is put into it, on a goroutine of
	// its own, and Stream returns once all are there. "" means archive.db
	// beside the cache. None is kept with NoCache or NoArchive, or when
	// the cache is not used.
	ArchivePath string
	NoArchive   bool
	// Archive, when set, is the archive to keep up to date instead: one
	// already open (the reader holds its own for the session, and reads
	// briefs from it); Stream leaves it open.
	Archive *store.Archive
	// Kept, when set, is called with every batch emitted once the archive
	// is done with it, in the order emitted: stored reports that it is in
	// the archive (Put returned; Archive's Get finds its briefs), false
	// when no archive is kept or the Put failed. It is called from a
	// goroutine of its own (the keeper's), or from Stream's when no
	// archive is kept, and before Stream returns. What holds the whole
	// briefs only until they can be read back from the archive (the
	// reader's index and list) lets them go there.
	Kept func(batch []model.Article, stored bool)
	// Fetchers bounds how many URLs are downloaded at once, and PerHost
	// how many of them from one host; zero means DefaultFetchers and
	// DefaultPerHost. URLs never hold up local sources: their briefs are
	// emitted when they arrive, after the local ones before them.
	Fetchers, PerHost int

	version string // ExtractorVersion(Pipeline) when empty; tests set others
}

// Progress says how far a Stream is.
type Progress struct {
	Done int // articles emitted so far
	// Total is the articles expected in all: an estimate until Final, from
	// the files listed so far (folders are listed as they are read, so it
	// grows while a big folder is being listed) at the articles per file
	// seen so far.
	Total  int
	Cached int // of Done, how many came from the cache
	// Rate is articles emitted per second over the last two seconds or so.
	Rate float64
	// ETA is the time left at Rate; zero when unknown.
	ETA     time.Duration
	Elapsed time.Duration // since Stream began
	Final   bool          // the last report: everything has been emitted
	// Slow names the downloads running for over SlowFetch, longest first
	// ("example.org/feed.rss (12s)").
	Slow []string
}

// Stream reads every source spec (files, folders, URLs, "-"; with none, the
// built-in samples), as Load does, but hands the articles over as they are
// ready: emit gets them in batches, with their entities and quotes, the
// local ones (files, folders, standard input) in the order Load would
// return them and each URL's (downloaded on a bounded pool, Fetchers at
// once and PerHost per host) when its download ends, so that a slow or
// dead host never holds up anything else; progress gets a report after each batch
// and a Final one at the end. Both are called from the goroutine that called
// Stream, one at a time; either may be nil.
//
// A brief found in the cache (same bytes or same cleaned text, same
// ExtractorVersion) is neither parsed nor extracted again; the others are
// read and extracted on Workers goroutines and written to the cache as they
// are done, so a process killed mid-way keeps what it had written. A cache
// that cannot be used (held by another process, unwritable) is left out,
// and a corrupt one is set aside and rebuilt: the returned warnings say so,
// with those of the sources that failed. Every brief emitted is also put
// into the embedded archive beside the cache (see StreamOptions.ArchivePath;
// unchanged briefs cost a read, not a write), so the archive is complete
// after any load. Stream returns when all is emitted (and put) or ctx is
// done.
func Stream(ctx context.Context, specs []string, opt StreamOptions, emit func([]model.Article), progress func(Progress)) []source.Warning {
	start := time.Now()
	s := &streamer{ctx: ctx, opt: opt, pipe: opt.Pipeline, version: opt.version}
	if s.pipe == nil {
		s.pipe, s.pipeErr = NewPipeline()
	}
	if s.pipe != nil && opt.MemoryBudget > 0 && opt.MemoryBudget != s.pipe.limit {
		s.pipe.SetMemoryBudget(opt.MemoryBudget) // before any extraction of this Stream
	}
	if s.version == "" && s.pipe != nil && !opt.NoCache {
		s.version = ExtractorVersion(s.pipe)
	}
	switch {
	case opt.NoCache:
		s.cache = store.Open("", store.Options{})
	case s.pipe == nil:
		// No extractor, no version: the cache is left alone, not emptied.
		s.cache = store.Open("", store.Options{})
		s.cacheWarn = append(s.cacheWarn, source.Warning{Source: "cache", Reason: "not used: the extractors did not load"})
	default:
		path := opt.CachePath
		if path == "" {
			var err error
			if path, err = store.DefaultPath(); err != nil {
				s.cacheWarn = append(s.cacheWarn, source.Warning{Source: "cache", Reason: err.Error()})
			}
		}
		s.cache = store.Open(path, store.Options{Version: s.version})
	}
	if s.opt.Source.HTTPClient == nil {
		s.opt.Source.HTTPClient = httpClient(s.opt.Source.Timeout, s.perHost())
	}
	s.fetching = map[string]time.Time{}
	if s.opt.Source.HTTPCache == nil && s.cache.Enabled() {
		s.opt.Source.HTTPCache = s.cache.HTTP() // conditional GET: an unchanged feed is not downloaded again
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan job, 4*workers)
	results := make(chan result, 4*workers)
	go s.produce(specs, jobs)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.worker(jobs, results)
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var keeper *archiveKeeper
	if s.cache.Enabled() {
		if path := ArchivePathFor(opt); path != "" || opt.Archive != nil {
			keeper = keepArchive(ctx, path, opt.Archive, opt.Kept)
		}
	}
	warns := s.collect(results, func(batch []model.Article, cached []bool) {
		if emit != nil {
			emit(batch)
		}
		if keeper != nil {
			keeper.put(batch, cached)
		} else if opt.Kept != nil {
			opt.Kept(batch, false)
		}
	}, progress, start)
	s.cacheWarn = append(s.cacheWarn, keeper.finish()...)
	if err := s.cache.Close(); err != nil {
		warns = append(warns, source.Warning{Source: source.CleanSource(s.cache.Path()), Reason: err.Error()})
	}
	for _, n := range s.cache.Notes() {
		s.cacheWarn = append(s.cacheWarn, source.Warning{Source: "cache", Reason: source.CleanTitle(n)})
	}
	if err := ctx.Err(); err != nil {
		warns = append(warns, source.Warning{Source: "briefs", Reason: fmt.Sprintf("stopped before the end: %v", err)})
	}
	if s.pipeErr != nil {
		s.cacheWarn = append(s.cacheWarn, source.Warning{Source: "extractors", Reason: s.pipeErr.Error()})
	}
	return append(s.cacheWarn, warns...)
}

// streamer is one Stream's state shared by its goroutines.
type streamer struct {
	ctx     context.Context
	opt     StreamOptions
	version string
	cache   *store.Cache
	pipe    *Pipeline // nil when the models did not load: articles go on unextracted
	pipeErr error

	listed atomic.Int64 // jobs made so far

	fetchMu  sync.Mutex
	fetching map[string]time.Time // downloads running, since when

	cacheWarn []source.Warning // set before produce starts or after collect ends
	listWarns []keyedWarning   // written by produce, read once the workers are done
}

// job is one unit of work, numbered in Load's order: a local file to look up
// or read, or articles already read (standard input, URLs, samples), or a
// warning to pass on in its place.
type job struct {
	seq   int
	loose bool // a download's: emitted when done, not in seq order (seq is then meaningless)
	path  string
	abs   string // path made absolute, when the producer knows it
	arts  []model.Article
	warns []source.Warning
}

// result is a job done: its articles, extracted, and its warnings.
type result struct {
	seq    int
	loose  bool
	arts   []model.Article
	warns  []source.Warning
	cached int
}

// produce makes the jobs, in order, and closes jobs.
func (s *streamer) produce(specs []string, jobs chan<- job) {
	var fetches sync.WaitGroup
	defer close(jobs)
	defer fetches.Wait() // downloads send their jobs until they are done
	seq := 0
	send := func(j job) {
		j.seq = seq
		seq++
		s.listed.Add(1)
		jobs <- j // workers drain jobs even after ctx is done
	}
	loose := func(j job) {
		j.loose = true
		s.listed.Add(1)
		jobs <- j
	}
	pool := newHostPool(s.fetchers(), s.perHost())
	if len(specs) == 0 {
		arts, warns := source.LoadFS(samples.FS, s.opt.Source)
		for _, a := range arts {
			send(job{arts: []model.Article{a}})
		}
		if len(warns) > 0 {
			send(job{warns: warns})
		}
		return
	}
	for _, spec := range specs {
		if err := s.ctx.Err(); err != nil {
			send(job{warns: []source.Warning{{Source: source.CleanSource(spec), Reason: fmt.Sprintf("not read: %v", err)}}})
			return
		}
		if source.IsURL(spec) {
			fetches.Add(1)
			go func() {
				defer fetches.Done()
				s.fetch(spec, pool, loose)
			}()
			continue
		}
		if spec == "-" {
			source.Walk(s.ctx, []string{spec}, s.opt.Source,
				func(a model.Article) { send(job{arts: []model.Article{a}}) },
				func(w source.Warning) { send(job{warns: []source.Warning{w}}) })
			continue
		}
		info, err := os.Stat(spec)
		if err != nil || !info.IsDir() {
			send(job{path: spec}) // a file, or a failure the worker reports as Walk words it
			continue
		}
		first := seq
		ok := source.ListFolder(spec, func(f, abs string) bool {
			if s.ctx.Err() != nil {
				return false
			}
			send(job{path: f, abs: abs})
			return true
		}, func(w source.Warning) {
			s.listWarns = append(s.listWarns, keyedWarning{seq: first, w: w})
		})
		if !ok {
			send(job{warns: []source.Warning{{Source: source.CleanSource(spec), Reason: fmt.Sprintf("not read: %v", s.ctx.Err())}}})
			return
		}
	}
}

// fetch downloads one URL spec on the pool and sends its briefs and
// warnings as one loose job (work extracts a feed's items on all cores).
func (s *streamer) fetch(spec string, pool *hostPool, send func(job)) {
	host := spec
	if u, err := url.Parse(spec); err == nil {
		host = strings.ToLower(u.Host)
	}
	if !pool.acquire(s.ctx, host) {
		send(job{warns: []source.Warning{{Source: source.CleanSource(spec), Reason: fmt.Sprintf("not read: %v", s.ctx.Err())}}})
		return
	}
	s.fetchMu.Lock()
	s.fetching[spec] = time.Now()
	s.fetchMu.Unlock()
	var arts []model.Article
	var warns []source.Warning
	source.Walk(s.ctx, []string{spec}, s.opt.Source,
		func(a model.Article) { arts = append(arts, a) },
		func(w source.Warning) { warns = append(warns, w) })
	s.fetchMu.Lock()
	delete(s.fetching, spec)
	s.fetchMu.Unlock()
	pool.release(host)
	if len(arts) > 0 || len(warns) > 0 {
		send(job{arts: arts, warns: warns}) // one job: a feed's items stay in order
	}
}

// slowFetches names the downloads running for over SlowFetch, longest first.
func (s *streamer) slowFetches(now time.Time) []string {
	s.fetchMu.Lock()
	defer s.fetchMu.Unlock()
	type run struct {
		spec string
		age  time.Duration
	}
	var slow []run
	for spec, since := range s.fetching {
		if d := now.Sub(since); d >= SlowFetch {
			slow = append(slow, run{spec, d})
		}
	}
	sort.Slice(slow, func(i, j int) bool { return slow[i].age > slow[j].age })
	out := make([]string, len(slow))
	for i, r := range slow {
		name := strings.TrimPrefix(strings.TrimPrefix(source.CleanSource(r.spec), "https://"), "http://")
		out[i] = fmt.Sprintf("%s (%s)", name, r.age.Round(time.Second))
	}
	return out
}

func (s *streamer) fetchers() int {
	if s.opt.Fetchers > 0 {
		return s.opt.Fetchers
	}
	return DefaultFetchers
}

func (s *streamer) perHost() int {
	if s.opt.PerHost > 0 {
		return s.opt.PerHost
	}
	return DefaultPerHost
}

// hostPool bounds downloads: n at once, perHost from one host.
type hostPool struct {
	all     chan struct{}
	perHost int
	mu      sync.Mutex
	hosts   map[string]chan struct{}
}

func newHostPool(n, perHost int) *hostPool {
	return &hostPool{all: make(chan struct{}, n), perHost: perHost, hosts: map[string]chan struct{}{}}
}

// acquire waits for a place for host; false when ctx ended first.
func (p *hostPool) acquire(ctx context.Context, host string) bool {
	p.mu.Lock()
	h := p.hosts[host]
	if h == nil {
		h = make(chan struct{}, p.perHost)
		p.hosts[host] = h
	}
	p.mu.Unlock()
	select { // the host's place first, so one slow host never holds the others' places
	case h <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	select {
	case p.all <- struct{}{}:
		return true
	case <-ctx.Done():
		<-h
		return false
	}
}

func (p *hostPool) release(host string) {
	p.mu.Lock()
	h := p.hosts[host]
	p.mu.Unlock()
	<-p.all
	<-h
}

// httpClient is the client Stream downloads with: a short connect and TLS
// handshake timeout, a bound on the wait for an answer, timeout (or
// source.DefaultTimeout) on the whole download, and perHost connections
// kept per host.
func httpClient(timeout time.Duration, perHost int) *http.Client {
	if timeout <= 0 {
		timeout = source.DefaultTimeout
	}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: ConnectTimeout, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   ConnectTimeout,
			ResponseHeaderTimeout: ResponseTimeout,
			MaxIdleConnsPerHost:   perHost,
			IdleConnTimeout:       90 * time.Second,
			ForceAttemptHTTP2:     true,
		},
	}
}

// keyedWarning is a warning about listing a folder, to be put before the
// warnings of the job numbered seq (source.Walk lists a whole folder before
// it reads any file in it).
type keyedWarning struct {
	seq int
	w   source.Warning
}

// maxRun is the most local files a worker looks up in one read
// transaction of the cache.
const maxRun = 64

// worker does jobs until there are none. Local files are looked up in the
// cache in runs, one read transaction each: a run starts at one file and
// doubles (up to maxRun) while every file of the last was a hit, so a warm
// start takes few transactions, and a cold one (each file a miss, to be
// extracted) never holds files another worker could extract meanwhile.
func (s *streamer) worker(jobs <-chan job, results chan<- result) {
	run := 1
	var batch []job
	for j := range jobs {
		batch = append(batch[:0], j)
		if j.path != "" && s.cache.Enabled() {
		more:
			for len(batch) < run {
				select {
				case j2, ok := <-jobs:
					if !ok {
						break more
					}
					batch = append(batch, j2)
				default:
					break more
				}
			}
		}
		if len(batch) == 1 && (j.path == "" || !s.cache.Enabled()) {
			results <- s.work(j)
			continue
		}
		hits := s.lookupRun(batch, results)
		if hits == len(batch) {
			run = min(run*2, maxRun)
		} else {
			run = 1
		}
	}
}

// lookupRun looks the local files of batch up in one read transaction,
// sends the results of the hits, does the other jobs one by one (work), and
// returns how many were hits.
func (s *streamer) lookupRun(batch []job, results chan<- result) int {
	type pending struct {
		j  job
		at int // index in files, or -1: not looked up
	}
	var files []store.FileLookup
	todo := make([]pending, len(batch))
	for i, j := range batch {
		todo[i] = pending{j: j, at: -1}
		if j.path == "" || s.ctx.Err() != nil {
			continue
		}
		info, err := os.Stat(j.path)
		if err != nil || !info.Mode().IsRegular() || info.Size() > s.maxSize() {
			continue
		}
		abs := j.abs
		if abs == "" {
			if abs, err = filepath.Abs(j.path); err != nil {
				continue
			}
		}
		todo[i].at = len(files)
		files = append(files, store.FileLookup{Path: abs, Info: info, Source: source.CleanSource(j.path)})
	}
	found := s.cache.LookupFiles(files)
	hits := 0
	for _, p := range todo {
		if p.at >= 0 && found[p.at] != nil {
			hits++
			results <- result{seq: p.j.seq, loose: p.j.loose, warns: p.j.warns, arts: found[p.at], cached: len(found[p.at])}
			continue
		}
		results <- s.work(p.j)
	}
	return hits
}

// work does one job: a cache hit, or reading and extracting.
func (s *streamer) work(j job) result {
	r := result{seq: j.seq, loose: j.loose, warns: j.warns}
	if s.ctx.Err() != nil {
		return r // Stream says once that it stopped
	}
	if j.path != "" {
		return s.file(j, r)
	}
	if len(j.arts) > 1 && s.pipe != nil {
		return s.many(j, r)
	}
	for _, a := range j.arts {
		k := store.ArticleKey(s.version, &a)
		if got, ok := s.cache.Get(k, a.Source); ok && len(got) == 1 {
			r.arts = append(r.arts, got[0])
			r.cached++
			continue
		}
		if p := s.pipe; p != nil {
			p.Extract(&a)
			s.cache.Put(k, []model.Article{a})
		}
		r.arts = append(r.arts, a)
	}
	return r
}

// many does a job of several articles (a download's): each looked up in
// the cache, the others extracted on all cores.
func (s *streamer) many(j job, r result) result {
	r.cached += s.lookupOrExtract(j.arts)
	r.arts = j.arts
	return r
}

// lookupOrExtract replaces each of arts by its cached extraction, extracts
// the others on all cores and caches them; it returns how many were cached.
func (s *streamer) lookupOrExtract(arts []model.Article) (cached int) {
	keys := make([]store.Key, len(arts))
	var miss []model.Article
	var at []int
	for i := range arts {
		keys[i] = store.ArticleKey(s.version, &arts[i])
		if got, ok := s.cache.Get(keys[i], arts[i].Source); ok && len(got) == 1 {
			arts[i] = got[0]
			cached++
		} else {
			miss, at = append(miss, arts[i]), append(at, i)
		}
	}
	s.pipe.ExtractAll(miss)
	for n, i := range at {
		arts[i] = miss[n]
		s.cache.Put(keys[i], arts[i:i+1])
	}
	return cached
}

// file looks one local file up by its stamp, then by its bytes, and reads
// and extracts it (through source.Walk, for Walk's exact reading and
// warnings) when neither is in the cache.
func (s *streamer) file(j job, r result) result {
	path := j.path
	name := source.CleanSource(path)
	info, err := os.Stat(path)
	if err == nil && info.IsDir() {
		return r // a symlink to a folder inside a folder: not followed, as Walk does
	}
	if err != nil || !info.Mode().IsRegular() || info.Size() > s.maxSize() {
		return s.readAndExtract(path, r, nil, store.Key{}, "")
	}
	abs := j.abs
	if abs == "" {
		if abs, err = filepath.Abs(path); err != nil {
			abs = ""
		}
	}
	cacheOn := s.cache.Enabled() && abs != ""
	if cacheOn {
		if arts, ok := s.cache.Lookup(abs, info, name); ok {
			r.arts, r.cached = arts, len(arts)
			return r
		}
	}
	if !cacheOn {
		return s.readAndExtract(path, r, nil, store.Key{}, "")
	}
	data, err := readFile(path, s.maxSize())
	if err != nil {
		return s.readAndExtract(path, r, nil, store.Key{}, "")
	}
	k := store.SourceKey(s.version, path, data)
	if arts, ok := s.cache.Get(k, name); ok {
		s.cache.RecordFile(abs, info, k)
		r.arts, r.cached = arts, len(arts)
		return r
	}
	return s.readAndExtract(path, r, info, k, abs)
}

// readAndExtract reads path with source.Walk, extracts its articles and,
// when info is set and the file read cleanly and did not change meanwhile,
// caches them under k.
func (s *streamer) readAndExtract(path string, r result, info fs.FileInfo, k store.Key, abs string) result {
	var arts []model.Article
	var warns []source.Warning
	source.Walk(s.ctx, []string{path}, s.opt.Source,
		func(a model.Article) { arts = append(arts, a) },
		func(w source.Warning) { warns = append(warns, w) })
	name := source.CleanSource(path)
	if len(arts) > 0 && arts[0].Source != name && s.pipe != nil {
		// A feed list's downloads: each looked up as a URL's articles are, so
		// a refresh extracts only new or changed items (on all cores).
		r.cached += s.lookupOrExtract(arts)
		r.arts, r.warns = arts, append(r.warns, warns...)
		return r
	}
	if p := s.pipe; p != nil {
		if len(arts) > 1 {
			p.ExtractAll(arts) // one file of many briefs: on all cores
		} else {
			for i := range arts {
				p.Extract(&arts[i])
			}
		}
	} else {
		info = nil // not extracted: not cached
	}
	r.arts = arts
	r.warns = append(r.warns, warns...)
	if info == nil || len(warns) > 0 {
		return r
	}
	for _, a := range arts {
		if a.Source != name { // a feed list's downloads: not this file's bytes
			return r
		}
	}
	if now, err := os.Stat(path); err != nil || now.Size() != info.Size() || !now.ModTime().Equal(info.ModTime()) {
		return r
	}
	val := store.EncodeArticles(nil, arts)
	s.cache.PutEncoded(k, val)
	s.cache.RecordFile(abs, info, k)
	// Hand on the decoded copy: the same values a warm start gives, in one
	// string per article instead of the extractors' many small pieces.
	if compact, err := store.DecodeArticles(val, name); err == nil {
		r.arts = compact
	}
	return r
}

func (s *streamer) maxSize() int64 {
	if s.opt.Source.MaxFileSize > 0 {
		return s.opt.Source.MaxFileSize
	}
	return source.DefaultMaxFileSize
}

// readFile reads at most limit bytes of path.
func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("read %s: over the size limit", path)
	}
	return data, nil
}

// collect puts results back in order and hands them on in batches, with
// progress; it returns the warnings in order, with the folders' first.
//
// emit gets each batch with which of its briefs came from the cache whole
// (cached[i]: the current extractor's output for a text seen before).
func (s *streamer) collect(results <-chan result, emit func(batch []model.Article, cached []bool), progress func(Progress), start time.Time) []source.Warning {
	size, every := s.opt.BatchSize, s.opt.BatchInterval
	if size <= 0 {
		size = DefaultBatchSize
	}
	if every <= 0 {
		every = DefaultBatchInterval
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	var (
		warns   []keyedWarning
		batch   []model.Article
		cached  []bool // of batch
		pending = map[int]result{}
		next    int
		loose   int // loose results received
		p       Progress
		rates   rateWindow
	)
	report := func(final bool) {
		if len(batch) > 0 && emit != nil {
			emit(batch, cached)
		}
		batch, cached = nil, nil
		if progress == nil {
			return
		}
		now := time.Now()
		p.Elapsed = now.Sub(start)
		p.Rate = rates.add(now, p.Done)
		left := int(s.listed.Load()) - next - loose // jobs not yet emitted
		perJob := 1.0
		if next+loose > 0 && p.Done > 0 {
			perJob = float64(p.Done) / float64(next+loose)
		}
		p.Slow = s.slowFetches(now)
		p.Total = p.Done + int(float64(left)*perJob+0.5)
		p.ETA = 0
		if p.Rate > 0 && p.Total > p.Done {
			p.ETA = time.Duration(float64(p.Total-p.Done) / p.Rate * float64(time.Second))
		}
		p.Final = final
		if final {
			p.Total = p.Done
		}
		progress(p)
	}
	for {
		select {
		case r, ok := <-results:
			if !ok {
				report(true)
				// Results are done, so produce is: listWarns is complete.
				all := append(s.listWarns, warns...)
				sort.SliceStable(all, func(i, j int) bool { return all[i].seq < all[j].seq })
				out := make([]source.Warning, len(all))
				for i, k := range all {
					out[i] = k.w
				}
				return out
			}
			if r.loose {
				// A download's: emitted now, its warnings after the rest.
				loose++
				batch, cached = append(batch, r.arts...), appendCached(cached, r)
				for _, w := range r.warns {
					warns = append(warns, keyedWarning{seq: math.MaxInt, w: w})
				}
				p.Done += len(r.arts)
				p.Cached += r.cached
				if len(batch) >= size || p.Done == len(batch) && len(batch) > 0 {
					report(false)
				}
				continue
			}
			pending[r.seq] = r
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				batch, cached = append(batch, r.arts...), appendCached(cached, r)
				for _, w := range r.warns {
					warns = append(warns, keyedWarning{seq: r.seq, w: w})
				}
				p.Done += len(r.arts)
				p.Cached += r.cached
			}
			if len(batch) >= size || p.Done == len(batch) && len(batch) > 0 {
				report(false) // full, or the first: the list need not wait for it
			}
		case <-tick.C:
			report(false)
		}
	}
}

// appendCached appends to cached whether each brief of r came from the
// cache: all of them when the cache gave every one, else none (a file the
// cache only partly held is compared whole).
func appendCached(cached []bool, r result) []bool {
	all := r.cached == len(r.arts)
	for range r.arts {
		cached = append(cached, all)
	}
	return cached
}

// rateWindow measures a rate over roughly the last two seconds.
type rateWindow struct {
	at   []time.Time
	done []int
}

func (w *rateWindow) add(now time.Time, done int) float64 {
	w.at = append(w.at, now)
	w.done = append(w.done, done)
	for len(w.at) > 2 && now.Sub(w.at[1]) >= 2*time.Second {
		w.at, w.done = w.at[1:], w.done[1:]
	}
	dt := now.Sub(w.at[0]).Seconds()
	if dt <= 0 {
		return 0
	}
	return float64(done-w.done[0]) / dt
}
