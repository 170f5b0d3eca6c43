// Package store keeps what briefs has already read and extracted, so that an
// unchanged brief is never parsed or extracted twice, and the reader's own
// marks (read, starred, position) across restarts.
//
// The cache is one bbolt file in the XDG cache directory
// ($XDG_CACHE_HOME/briefs/cache.db). It maps a content key (a SHA-256 of
// the extractor version and the source bytes, or of the cleaned article when
// there are no bytes to hash, see SourceKey and ArticleKey) to the articles
// found there, with their entities and quotes, in a compact binary form (see
// EncodeArticles). A second table maps a file's path, size and modification
// time to the hash of its bytes, so a warm start does not even read files
// that have not changed. A third maps a URL to its last download and the
// validators its server sent, for conditional GET (see HTTPCache).
//
// The cache never stops briefs: a file another process holds is not waited
// on for long (Options.LockTimeout) and the run goes on without a cache; a
// corrupt or foreign file is moved aside (name.corrupt-<time>) and a new one
// made; a value that does not decode is a miss. Cache.Notes says what
// happened, for the status bar.
//
// Reading state lives apart, in the XDG data directory (see State), so that
// rebuilding the cache never loses it.
//
// Archive is the embedded implementation of articles/archive.Archive (the
// storage interface a server-backed archive implements too): a bbolt file
// of compact records (what the list shows), whole briefs (read when one is
// opened) and search postings, all by sequence number in put order. Its
// complete list is one read transaction over the records, never a decode of
// a body or an entity; its search reads postings in place. archivebench
// -archive SIZES measures it up to a million briefs.
//
// Figures: go test -run '^$' -bench . ./articles/store (codec against gob and
// JSON, cache lookups) and, over a synthetic archive made from
// ../shared/data, go run ./articles/store/cmd/archivebench -n 10000 (cold
// and warm loads, time to a complete index, peak memory, search latency).
package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adrg/xdg"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"briefs/model"
)

// DefaultLockTimeout is how long Open waits for a cache another process
// holds before going on without it.
const DefaultLockTimeout = 250 * time.Millisecond

// format marks a cache file as ours; a file without it is foreign.
const format = "briefs-cache/1"

var (
	bucketMeta   = []byte("meta")
	bucketValues = []byte("values")
	bucketFiles  = []byte("files")
	keyFormat    = []byte("format")
	keyVersion   = []byte("extractor")
)

// flushEvery and flushSize bound how long and how many written values wait
// before they are committed.
const (
	flushEvery = 100 * time.Millisecond
	flushSize  = 512
)

// racyWindow: a file modified this close to when its stamp was recorded may
// have changed again within the same clock tick, so its stamp is not trusted.
const racyWindow = 2 * time.Second

// Key is a content key: a SHA-256 digest.
type Key [sha256.Size]byte

// SourceKey is the key of one source file's bytes as read by extractor
// version. The name's extension counts (it can decide the format) but not
// the rest of the name: a moved file is still a hit.
func SourceKey(version, name string, data []byte) Key {
	h := sha256.New()
	h.Write([]byte("source\x00"))
	h.Write([]byte(version))
	h.Write([]byte{0})
	h.Write([]byte(extensions(name)))
	h.Write([]byte{0})
	h.Write(data)
	var k Key
	h.Sum(k[:0])
	return k
}

// extensions returns the lower-cased suffix of name's base from its first
// dot on ("x.json.gz" -> ".json.gz"), which is all of a name that parsing
// looks at.
func extensions(name string) string {
	base := strings.ToLower(filepath.Base(name))
	if i := strings.IndexByte(strings.TrimLeft(base, "."), '.'); i >= 0 {
		return strings.TrimLeft(base, ".")[i:]
	}
	return ""
}

// ArticleKey is the key of one cleaned article (for sources with no bytes
// of their own to hash: standard input, downloads, built-in samples): every
// field but Source, Entities and Quotes, and the extractor version.
func ArticleKey(version string, a *model.Article) Key {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	put := func(s string) {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	put("article")
	put(version)
	put(a.ID)
	put(a.Title)
	put(a.Body)
	put(a.URL)
	put(a.Author)
	put(a.Outlet)
	if !a.Published.IsZero() {
		t, _ := a.Published.MarshalBinary()
		put(string(t))
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// DefaultPath is where the cache lives: $XDG_CACHE_HOME/briefs/cache.db
// (~/.cache/briefs/cache.db), the folder made if need be.
func DefaultPath() (string, error) {
	p, err := xdg.CacheFile(filepath.Join("briefs", "cache.db"))
	if err != nil {
		return "", fmt.Errorf("cache path: %w", err)
	}
	return p, nil
}

// Options tune Open. The zero value is ready to use.
type Options struct {
	// Version is the extractor version. Values written by another version
	// are dropped when the file is opened (they could never be read).
	Version string
	// LockTimeout bounds the wait for a file another process holds; zero
	// means DefaultLockTimeout.
	LockTimeout time.Duration
}

// Cache is an open cache file. Its methods are safe for concurrent use. A
// Cache that could not be opened (Enabled is false) answers every Get with
// a miss and drops every Put, so callers need no special case.
type Cache struct {
	db   *bolt.DB
	path string

	mu       sync.Mutex
	notes    []string
	pending  []put
	broken   bool // a read panicked: the file is moved aside on Close
	readOnly bool // the file may not be written: reads only
	failed   bool // a write failed: no more writes

	kick chan struct{}
	done chan struct{}
	wg   sync.WaitGroup

	read atomic.Int64 // bytes read from the mapping since its pages were last dropped
}

type put struct {
	bucket []byte
	key    []byte
	val    []byte
}

// Open opens (or makes) the cache at path. It does not fail: a path that
// cannot be used gives a disabled Cache, and Notes says why. A corrupt or
// foreign file is moved aside and a new one made.
func Open(path string, opt Options) *Cache {
	c := &Cache{path: path, kick: make(chan struct{}, 1), done: make(chan struct{})}
	if path == "" {
		return c
	}
	timeout := opt.LockTimeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		c.note("cache not used: %v", err)
		return c
	}
	for attempt := 0; attempt < 2; attempt++ {
		db, err := openBolt(path, timeout, false)
		if errors.Is(err, fs.ErrPermission) {
			// A folder or file we may not write: read what it holds.
			if db, err = openBolt(path, timeout, true); err == nil {
				if err = checkReadOnly(db, opt.Version); err == nil {
					c.db, c.readOnly = db, true
					c.note("cache %s is read-only: it is read, nothing new is saved", path)
					return c
				}
				db.Close()
			}
			c.note("cache not used: %v", err)
			return c
		}
		if err == nil {
			err = prepare(db, opt.Version)
			if err == nil {
				c.db = db
				c.dropMapped() // what checking (or emptying) the file read
				break
			}
			db.Close()
		}
		if errors.Is(err, berrors.ErrTimeout) {
			c.note("cache %s is in use by another briefs: running without it", path)
			return c
		}
		if !isCorrupt(err) || attempt > 0 {
			c.note("cache not used: %v", err)
			return c
		}
		aside, merr := moveAside(path)
		if merr != nil {
			c.note("cache not used: %v; %v", err, merr)
			return c
		}
		c.note("cache %s was damaged (%v): moved to %s and rebuilt", path, err, filepath.Base(aside))
	}
	c.wg.Add(1)
	go c.flusher()
	return c
}

// errForeign marks a valid bbolt file that is not a briefs cache.
var errForeign = errors.New("not a briefs cache")

// isCorrupt reports whether err says the file is not a usable cache (as
// opposed to one we may not open, or cannot lock).
func isCorrupt(err error) bool {
	return !errors.Is(err, berrors.ErrTimeout) && !errors.Is(err, fs.ErrPermission) && !errors.Is(err, fs.ErrNotExist)
}

// openBolt checks the file (see checkFile) and opens it, turning a panic
// or a memory fault on a mangled file into an error.
func openBolt(path string, timeout time.Duration, readOnly bool) (db *bolt.DB, err error) {
	if err := checkFile(path); err != nil {
		return nil, err // says what is wrong; the caller names the file
	}
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, damaged("open: %v", r)
		}
	}()
	defer guardFaults()()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: readOnly})
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// prepare checks that db is ours (or empty, and makes it ours) and drops
// values of another extractor version or codec.
func prepare(db *bolt.DB, version string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("check cache: %v", r)
		}
	}()
	defer guardFaults()()
	return db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			empty := true
			tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
			if !empty {
				return errForeign
			}
			var err error
			if meta, err = tx.CreateBucket(bucketMeta); err != nil {
				return fmt.Errorf("make cache: %w", err)
			}
			if err := meta.Put(keyFormat, []byte(format)); err != nil {
				return fmt.Errorf("make cache: %w", err)
			}
		} else if got := meta.Get(keyFormat); string(got) != format {
			return fmt.Errorf("%w (format %q)", errForeign, got)
		}
		// Values of another extractor or codec version can never be read.
		version := fmt.Sprintf("%s/codec-%d", version, codecVersion)
		if string(meta.Get(keyVersion)) != version {
			if tx.Bucket(bucketValues) != nil {
				if err := tx.DeleteBucket(bucketValues); err != nil {
					return fmt.Errorf("drop old values: %w", err)
				}
			}
			if err := meta.Put(keyVersion, []byte(version)); err != nil {
				return fmt.Errorf("record version: %w", err)
			}
		}
		for _, b := range [][]byte{bucketValues, bucketFiles, bucketHTTP} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return fmt.Errorf("make cache: %w", err)
			}
		}
		return nil
	})
}

// checkReadOnly checks that a cache opened read-only is ours and of this
// extractor version (it cannot be brought up to date).
func checkReadOnly(db *bolt.DB, version string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("check cache: %v", r)
		}
	}()
	defer guardFaults()()
	return db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || string(meta.Get(keyFormat)) != format {
			return errForeign
		}
		if string(meta.Get(keyVersion)) != fmt.Sprintf("%s/codec-%d", version, codecVersion) {
			return fmt.Errorf("read-only cache %s is of another extractor version", db.Path())
		}
		return nil
	})
}

// moveAside renames path to path.corrupt-<time> and returns the new name.
func moveAside(path string) (string, error) {
	aside := path + ".corrupt-" + time.Now().UTC().Format("20060102T150405.000Z")
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("move aside: %w", err)
	}
	return aside, nil
}

func (c *Cache) note(format string, args ...any) {
	c.mu.Lock()
	c.notes = append(c.notes, fmt.Sprintf(format, args...))
	c.mu.Unlock()
}

// Enabled reports whether the cache is in use.
func (c *Cache) Enabled() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.db != nil && !c.broken
}

// Path is the cache file's path ("" when none was asked for).
func (c *Cache) Path() string { return c.path }

// Notes returns what a user should know about the cache: it was in use by
// another process, it was corrupt and moved aside, a write failed.
func (c *Cache) Notes() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.notes...)
}

// view runs fn in a read transaction; a panic inside (bbolt panics on some
// corrupt pages) marks the cache broken and is an error.
func (c *Cache) view(fn func(tx *bolt.Tx) error) (err error) {
	if !c.Enabled() {
		return errors.New("cache disabled")
	}
	defer func() {
		if r := recover(); r != nil {
			c.mu.Lock()
			if !c.broken {
				c.notes = append(c.notes, fmt.Sprintf("cache %s is corrupt (%v): running without it; it is rebuilt next time", c.path, r))
			}
			c.broken = true
			c.mu.Unlock()
			err = fmt.Errorf("read cache: %v", r)
		}
	}()
	defer guardFaults()()
	return c.db.View(fn)
}

// Get returns the articles stored under k, their Source set to source.
func (c *Cache) Get(k Key, source string) ([]model.Article, bool) {
	var arts []model.Article
	var derr error
	var drop bool
	err := c.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketValues)
		if b == nil {
			return nil
		}
		v := b.Get(k[:])
		if v == nil {
			return nil
		}
		arts, derr = DecodeArticles(v, source) // copies v
		drop = c.readMapped(len(v), 1)
		return nil
	})
	if drop {
		c.dropMapped()
	}
	if err != nil || derr != nil || arts == nil {
		return nil, false
	}
	return arts, true
}

// Put stores arts under k. The write is committed within flushEvery, or
// at Flush or Close; each commit is atomic, so a crash loses at most the
// writes of the last 100 ms, never what was committed before.
func (c *Cache) Put(k Key, arts []model.Article) {
	c.queue(bucketValues, k[:], EncodeArticles(nil, arts))
}

// PutEncoded stores a value EncodeArticles made under k, as Put does; the
// cache keeps val, which must not change afterwards.
func (c *Cache) PutEncoded(k Key, val []byte) {
	c.queue(bucketValues, k[:], val)
}

func (c *Cache) queue(bucket, key, val []byte) {
	c.mu.Lock()
	if c.db == nil || c.broken || c.failed || c.readOnly {
		c.mu.Unlock()
		return
	}
	c.pending = append(c.pending, put{bucket, bytes.Clone(key), val})
	full := len(c.pending) >= flushSize
	c.mu.Unlock()
	if full {
		select {
		case c.kick <- struct{}{}:
		default:
		}
	}
}

// Stamp is what the cache remembers of a file: its size, modification
// time, inode and status-change time (the last two where the system tells)
// when its bytes hashed to Key.
type Stamp struct {
	Size    int64
	ModTime time.Time
	Inode   uint64
	Change  int64 // status-change time, ns
	Key     Key
	Seen    time.Time // when the stamp was recorded
}

// stampOf is the stamp of the file info describes, hashed to k.
func stampOf(info fs.FileInfo, k Key) Stamp {
	ino, change := fileIdentity(info)
	return Stamp{Size: info.Size(), ModTime: info.ModTime(), Inode: ino, Change: change, Key: k, Seen: time.Now()}
}

// Lookup returns the articles of the file at path (an absolute path), with
// their Source set to source, when info still matches the file's stamp (see
// FileKey): a warm start's whole work for one file, in one transaction.
func (c *Cache) Lookup(path string, info fs.FileInfo, source string) ([]model.Article, bool) {
	var arts []model.Article
	var drop bool
	c.view(func(tx *bolt.Tx) error {
		files, values := tx.Bucket(bucketFiles), tx.Bucket(bucketValues)
		if files == nil || values == nil {
			return nil
		}
		st, ok := decodeStamp(files.Get([]byte(path)))
		if !ok || !st.matches(info) {
			return nil
		}
		if v := values.Get(st.Key[:]); v != nil {
			arts, _ = DecodeArticles(v, source) // copies v; a bad value is a miss
			drop = c.readMapped(len(v), 1)
		}
		return nil
	})
	if drop {
		c.dropMapped()
	}
	return arts, arts != nil
}

// FileLookup is one file of LookupFiles: its absolute path, what os.Stat
// said of it, and the Source its articles get.
type FileLookup struct {
	Path   string
	Info   fs.FileInfo
	Source string
}

// LookupFiles is Lookup for many files in one read transaction (a warm
// start's files come in runs of hits): out[i] is the articles of files[i],
// nil when it is not in the cache or its stamp does not match.
func (c *Cache) LookupFiles(files []FileLookup) [][]model.Article {
	out := make([][]model.Article, len(files))
	var drop bool
	c.view(func(tx *bolt.Tx) error {
		stamps, values := tx.Bucket(bucketFiles), tx.Bucket(bucketValues)
		if stamps == nil || values == nil {
			return nil
		}
		read := 0
		for i, f := range files {
			st, ok := decodeStamp(stamps.Get([]byte(f.Path)))
			if !ok || !st.matches(f.Info) {
				continue
			}
			if v := values.Get(st.Key[:]); v != nil {
				out[i], _ = DecodeArticles(v, f.Source) // copies v; a bad value is a miss
				read += len(v)
			}
		}
		drop = c.readMapped(read, len(files))
		return nil
	})
	if drop {
		c.dropMapped()
	}
	return out
}

// matches reports whether info is the file the stamp was taken of, and the
// stamp was not taken so soon after a change that another could hide in the
// same clock tick.
func (st Stamp) matches(info fs.FileInfo) bool {
	ino, change := fileIdentity(info)
	last := info.ModTime()
	if c := time.Unix(0, change); change != 0 && c.After(last) {
		last = c
	}
	return st.Size == info.Size() && st.ModTime.Equal(info.ModTime()) && st.Inode == ino && st.Change == change &&
		st.Seen.Sub(last) >= racyWindow
}

// FileKey returns the key recorded for the file at path (an absolute path)
// when info still matches its stamp, so the file need not be read. A stamp
// recorded within racyWindow of the file's modification is not trusted.
func (c *Cache) FileKey(path string, info fs.FileInfo) (Key, bool) {
	var st Stamp
	var ok bool
	c.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFiles)
		if b == nil {
			return nil
		}
		st, ok = decodeStamp(b.Get([]byte(path)))
		return nil
	})
	if !ok || !st.matches(info) {
		return Key{}, false
	}
	return st.Key, true
}

// RecordFile remembers that the file at path, as info describes it, hashed
// to k.
func (c *Cache) RecordFile(path string, info fs.FileInfo, k Key) {
	c.queue(bucketFiles, []byte(path), encodeStamp(stampOf(info, k)))
}

// stampSize is the length of an encoded stamp; one of another length (an
// older layout) is no stamp, and the file is hashed again.
const stampSize = 8*5 + len(Key{})

func encodeStamp(st Stamp) []byte {
	b := make([]byte, 0, stampSize)
	b = binary.BigEndian.AppendUint64(b, uint64(st.Size))
	b = binary.BigEndian.AppendUint64(b, uint64(st.ModTime.UnixNano()))
	b = binary.BigEndian.AppendUint64(b, st.Inode)
	b = binary.BigEndian.AppendUint64(b, uint64(st.Change))
	b = binary.BigEndian.AppendUint64(b, uint64(st.Seen.UnixNano()))
	return append(b, st.Key[:]...)
}

func decodeStamp(v []byte) (Stamp, bool) {
	var st Stamp
	if len(v) != stampSize {
		return st, false
	}
	st.Size = int64(binary.BigEndian.Uint64(v))
	st.ModTime = time.Unix(0, int64(binary.BigEndian.Uint64(v[8:])))
	st.Inode = binary.BigEndian.Uint64(v[16:])
	st.Change = int64(binary.BigEndian.Uint64(v[24:]))
	st.Seen = time.Unix(0, int64(binary.BigEndian.Uint64(v[32:])))
	copy(st.Key[:], v[40:])
	return st, true
}

// flusher commits pending writes every flushEvery, or sooner when many wait.
func (c *Cache) flusher() {
	defer c.wg.Done()
	t := time.NewTicker(flushEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-c.kick:
		case <-c.done:
			return
		}
		c.Flush()
	}
}

// Flush commits every pending write now.
func (c *Cache) Flush() error {
	c.mu.Lock()
	batch := c.pending
	c.pending = nil
	db, off := c.db, c.broken || c.failed
	c.mu.Unlock()
	if len(batch) == 0 || db == nil || off {
		return nil
	}
	err := c.update(db, batch)
	if err != nil {
		c.mu.Lock()
		c.failed = true
		c.notes = append(c.notes, fmt.Sprintf("cache %s: write failed (%v): no more writes this run", c.path, err))
		c.mu.Unlock()
		return fmt.Errorf("write cache: %w", err)
	}
	return nil
}

// update writes batch in one transaction. A panic inside (bbolt panics on
// some corrupt pages) marks the cache broken, to be moved aside on Close.
func (c *Cache) update(db *bolt.DB, batch []put) (err error) {
	defer func() {
		if r := recover(); r != nil {
			c.mu.Lock()
			c.broken = true
			c.mu.Unlock()
			err = fmt.Errorf("corrupt file: %v", r)
		}
	}()
	defer guardFaults()()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, p := range batch {
			b := tx.Bucket(p.bucket)
			if b == nil {
				return fmt.Errorf("no bucket %s", p.bucket)
			}
			if p.val == nil { // a deletion (HTTPCache.Delete)
				if err := b.Delete(p.key); err != nil {
					return err
				}
				continue
			}
			if err := b.Put(p.key, p.val); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		// The pages each write read on its way down (the leaves hold the
		// short values): dropped after every commit, which cost a cold
		// extract of 50,000 briefs 1.5 s of system time more than a drop
		// every 64 MB written, and saved 27 MB of its peak RSS (244 MB).
		c.dropMapped()
	}
	return err
}

// dropEvery is how many bytes of values are read from the mapped file
// between two dropMapped calls: the bound on what reading adds to the
// resident set (a warm start reads every value once). Each drop costs the
// refaults of the tree pages the next lookups walk: a warm extract of
// 50,000 briefs (a 150 MB file) took 0.76-0.86 s of system time at 16 MB
// and peaked at 108-115 MB of RSS, 0.59-0.73 s and 139-148 MB at 64 MB
// (0.24-0.48 s, 213-220 MB never dropping). A variable for the tests.
var dropEvery int64 = 64 << 20

// lookupPages is what one lookup is counted to map besides its value: the
// pages it walks, and the neighbours the kernel maps with each page it
// faults in (Linux's fault-around: up to 64 KiB).
const lookupPages = 64 << 10

// readMapped counts n bytes just read from the mapping by so many lookups
// (lookupPages each), and says when dropEvery are reached: the caller then
// calls dropMapped, once its read transaction is over (a transaction
// opened inside another can wait forever on a writer waiting on the first).
func (c *Cache) readMapped(n, lookups int) bool {
	if c.read.Add(int64(n)+int64(lookups)*lookupPages) < dropEvery {
		return false
	}
	c.read.Store(0)
	return true
}

// dropMapped takes the file's mapped pages out of the resident set (see
// dropPages): without it every page a warm start or a cold load's writes
// touched would count in the process's memory until the file is closed
// (a 50,000-brief cache is 150 MB). The pages stay in the page cache. It
// holds a read transaction, during which the mapping cannot move.
func (c *Cache) dropMapped() {
	c.view(func(tx *bolt.Tx) error {
		if info := tx.DB().Info(); info != nil {
			dropPages(info.Data, uintptr(tx.Size()))
		}
		return nil
	})
}

// Close commits pending writes and closes the file, releasing it to other
// processes. A cache found corrupt while reading is moved aside, so the next
// Open makes a new one. Call it once, after every other call has returned.
func (c *Cache) Close() error {
	c.mu.Lock()
	db := c.db
	c.mu.Unlock()
	if db == nil {
		return nil
	}
	close(c.done)
	c.wg.Wait()
	ferr := c.Flush()
	c.mu.Lock()
	c.db = nil
	broken := c.broken
	c.mu.Unlock()
	if err := db.Close(); err != nil {
		return fmt.Errorf("close cache: %w", err)
	}
	if broken {
		if _, err := moveAside(c.path); err != nil {
			return fmt.Errorf("close cache: %w", err)
		}
	}
	return ferr
}
