package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"briefs/articles/archive"
	"briefs/model"
)

// Archive is the embedded archive.Archive: one bbolt file of briefs (see
// OpenArchive) and the reading State beside it.
//
// The file holds, by sequence number (8 bytes, big-endian, so that bbolt's
// key order is put order): the compact record of each brief ("recs": id,
// title, date, outlet, source, counts: what List reads, in one read
// transaction, without touching a body) and the brief itself in the cache's
// codec ("briefs": read by Get only); the sequence number of each id
// ("ids"); and the postings of Search ("post": a kind byte, the term, a NUL
// and the sequence number, with no value), written in the same transaction
// as the brief, so that a brief and its postings are never apart.
//
// Damage: a file that is not a usable archive when opened (cut, mangled,
// foreign) is moved aside (name.corrupt-<time>) and a new one made, Notes
// says so, and the briefs come back as their sources are loaded again; a
// fault or panic while reading later is an error of that call, and the file
// is moved aside on Close.
type Archive struct {
	db    *bolt.DB
	path  string
	state *State
	// stateMu makes this process's calls on state take turns: each opens
	// and locks the file, and a second open in the same process would wait
	// on the first's lock for up to its timeout, then fail
	stateMu sync.Mutex

	mu     sync.Mutex
	notes  []string
	broken bool
}

const archiveFormat = "briefs-archive/1"

var (
	bucketRecs   = []byte("recs")
	bucketBriefs = []byte("briefs")
	bucketIDs    = []byte("ids")
	bucketPost   = []byte("post")
)

// The kinds of posting.
const (
	postEntity  = 'e'
	postSpeaker = 's'
	postWord    = 'w'
)

var _ archive.Archive = (*Archive)(nil)

// ErrArchiveInUse is wrapped by the error of OpenArchive when another
// process (or another Archive of this one) holds the file.
var ErrArchiveInUse = errors.New("in use by another briefs")

// DefaultArchivePath is where the embedded archive lives:
// $XDG_CACHE_HOME/briefs/archive.db, beside the cache (it is made from the
// sources again when lost).
func DefaultArchivePath() (string, error) {
	p, err := DefaultPath()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(p), "archive.db"), nil
}

// OpenArchive opens (or makes) the archive at path, with its reading state
// in the State file at statePath ("" keeps none: Reading finds nothing and
// UpdateReading fails). A damaged or foreign file is moved aside and a new
// one made (see Notes); an error means no archive could be opened at all
// (another process holds it past DefaultLockTimeout, a folder that may not be
// written).
func OpenArchive(path, statePath string) (*Archive, error) {
	ar := &Archive{path: path}
	if statePath != "" {
		ar.state = OpenState(statePath)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	for attempt := 0; ; attempt++ {
		db, err := openBolt(path, DefaultLockTimeout, false)
		if err == nil {
			if err = prepareArchive(db); err == nil {
				ar.db = db
				return ar, nil
			}
			db.Close()
		}
		if errors.Is(err, berrors.ErrTimeout) {
			return nil, fmt.Errorf("archive %s: %w", path, ErrArchiveInUse)
		}
		if !isCorrupt(err) || attempt > 0 {
			return nil, fmt.Errorf("archive: %w", err)
		}
		aside, merr := moveAside(path)
		if merr != nil {
			return nil, fmt.Errorf("archive: %w; %w", err, merr)
		}
		ar.note("archive %s was damaged (%v): moved to %s and made anew", path, err, filepath.Base(aside))
	}
}

// prepareArchive checks that db is an archive (or empty, and makes it one).
func prepareArchive(db *bolt.DB) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = damaged("check archive: %v", r)
		}
	}()
	defer guardFaults()()
	return db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			if !emptyTx(tx) {
				return errForeign
			}
			var err error
			if meta, err = tx.CreateBucket(bucketMeta); err != nil {
				return err
			}
			if err := meta.Put(keyFormat, []byte(archiveFormat)); err != nil {
				return err
			}
		} else if got := meta.Get(keyFormat); string(got) != archiveFormat {
			return fmt.Errorf("%w (format %q)", errForeign, got)
		}
		for _, b := range [][]byte{bucketRecs, bucketBriefs, bucketIDs, bucketPost} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
}

func (ar *Archive) note(format string, args ...any) {
	ar.mu.Lock()
	ar.notes = append(ar.notes, fmt.Sprintf(format, args...))
	ar.mu.Unlock()
}

// Notes says what a user should know: the file was damaged and made anew.
func (ar *Archive) Notes() []string {
	ar.mu.Lock()
	defer ar.mu.Unlock()
	return slices.Clone(ar.notes)
}

// Path is the archive file's path.
func (ar *Archive) Path() string { return ar.path }

// run runs fn in a transaction; a panic or fault inside (a page damaged
// since the file was opened) is an error, and the file is moved aside on
// Close.
func (ar *Archive) run(write bool, fn func(tx *bolt.Tx) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			ar.mu.Lock()
			ar.broken = true
			ar.mu.Unlock()
			err = fmt.Errorf("archive %s is damaged (%v): it is made anew next time", ar.path, r)
		}
	}()
	defer guardFaults()()
	if write {
		return ar.db.Update(fn)
	}
	return ar.db.View(fn)
}

func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// A term's postings are the sequence numbers of the briefs that have it, in
// chunks of at most chunkMax: the key is a kind byte, the term, a NUL and the
// chunk's first number (8 bytes, big-endian), the value the numbers as
// uvarint gaps from the first. So a term's chunks are neighbours in key
// order, in number order, and a batch of new briefs rewrites the last chunk
// of each of its terms, not a key per brief and term (which made the file
// ~30 bytes per word of each brief, and bbolt's in-transaction nodes, which
// split only at commit, quadratic).
const chunkMax = 512

// termPrefix is the key prefix of a term's chunks.
func termPrefix(kind byte, term string) []byte {
	k := make([]byte, 0, 2+len(term)+8)
	k = append(k, kind)
	k = append(k, term...)
	return append(k, 0)
}

// terms are the posting prefixes of a.
func terms(a *model.Article) []string {
	var out []string
	for _, id := range archive.EntityIDs(a) {
		out = append(out, string(termPrefix(postEntity, id)))
	}
	for _, s := range archive.Speakers(a) {
		out = append(out, string(termPrefix(postSpeaker, s)))
	}
	for _, w := range archive.BriefWords(a) {
		out = append(out, string(termPrefix(postWord, w)))
	}
	return out
}

func encodeChunk(seqs []uint64) []byte {
	b := make([]byte, 0, len(seqs)*2)
	prev := seqs[0]
	for _, s := range seqs {
		b = binary.AppendUvarint(b, s-prev)
		prev = s
	}
	return b
}

// decodeChunk appends the numbers of a chunk whose first is first to dst;
// a bad chunk gives what could be read.
func decodeChunk(dst []uint64, first uint64, v []byte) []uint64 {
	s := first
	for len(v) > 0 {
		d, n := binary.Uvarint(v)
		if n <= 0 {
			break
		}
		s += d
		dst = append(dst, s)
		v = v[n:]
	}
	return dst
}

// chunkAt finds the chunk of prefix that holds seq, or would: the one with
// the greatest first number not above seq, else the term's first chunk. It
// returns the chunk's key and value (nil when the term has none), and the
// first number of the chunk after it (0: none).
func chunkAt(b *bolt.Bucket, prefix []byte, seq uint64) (key, val []byte, next uint64) {
	c := b.Cursor()
	isChunk := func(k []byte) bool { return k != nil && len(k) == len(prefix)+8 && bytes.HasPrefix(k, prefix) }
	k, v := c.Seek(append(slices.Clip(prefix), seqKey(seq)...))
	if !isChunk(k) || binary.BigEndian.Uint64(k[len(prefix):]) != seq {
		if pk, pv := c.Prev(); isChunk(pk) {
			k, v = pk, pv
		} else if !isChunk(k) {
			return nil, nil, 0 // no chunk at all
		} else {
			c.Seek(k) // k is the term's first chunk, after seq: back to it, so Next finds the one after
		}
	}
	key, val = bytes.Clone(k), bytes.Clone(v)
	if nk, _ := c.Next(); isChunk(nk) {
		next = binary.BigEndian.Uint64(nk[len(prefix):])
	}
	return key, val, next
}

// putChunks replaces the chunk at old (nil: none) by seqs, cut into chunks
// of at most chunkMax.
func putChunks(b *bolt.Bucket, prefix, old []byte, seqs []uint64) error {
	if old != nil {
		if err := b.Delete(old); err != nil {
			return err
		}
	}
	for len(seqs) > 0 {
		n := min(len(seqs), chunkMax)
		if err := b.Put(append(slices.Clip(prefix), seqKey(seqs[0])...), encodeChunk(seqs[:n])); err != nil {
			return err
		}
		seqs = seqs[n:]
	}
	return nil
}

// addPostings adds seqs (ascending) to the term of prefix.
func addPostings(b *bolt.Bucket, prefix []byte, seqs []uint64) error {
	for len(seqs) > 0 {
		key, val, next := chunkAt(b, prefix, seqs[0])
		take := len(seqs)
		if next != 0 {
			take, _ = slices.BinarySearch(seqs, next)
			take = max(take, 1)
		}
		var have []uint64
		if key != nil {
			have = decodeChunk(nil, binary.BigEndian.Uint64(key[len(prefix):]), val)
		}
		merged := append(have, seqs[:take]...)
		slices.Sort(merged)
		merged = slices.Compact(merged)
		if err := putChunks(b, prefix, key, merged); err != nil {
			return err
		}
		seqs = seqs[take:]
	}
	return nil
}

// removePosting takes seq out of the term of prefix.
func removePosting(b *bolt.Bucket, prefix []byte, seq uint64) error {
	key, val, _ := chunkAt(b, prefix, seq)
	if key == nil {
		return nil
	}
	have := decodeChunk(nil, binary.BigEndian.Uint64(key[len(prefix):]), val)
	i, ok := slices.BinarySearch(have, seq)
	if !ok {
		return nil
	}
	return putChunks(b, prefix, key, slices.Delete(have, i, i+1))
}

// postingsOf reads the numbers of the term of prefix, ascending; with
// limit > 0, at least the first limit of them.
func postingsOf(b *bolt.Bucket, prefix []byte, limit int) []uint64 {
	var out []uint64
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != len(prefix)+8 {
			continue
		}
		out = decodeChunk(out, binary.BigEndian.Uint64(k[len(prefix):]), v)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out
}

// Put stores briefs in one transaction (see archive.Archive).
func (ar *Archive) Put(ctx context.Context, briefs []model.Article) error {
	return ar.PutKnown(ctx, briefs, nil)
}

// PutKnown is Put, told which briefs are known: known[i] says briefs[i] is
// what the current extractor made of a text it had seen before (the cache
// gave it), so that when the archive holds it under the same record it is
// taken as unchanged without being compared whole (a warm load reads the
// records, not every body). known may be shorter than briefs, or nil.
func (ar *Archive) PutKnown(ctx context.Context, briefs []model.Article, known []bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for i := range briefs {
		if briefs[i].ID == "" {
			return fmt.Errorf("%w (brief %d of %d, %q)", archive.ErrNoID, i+1, len(briefs), briefs[i].Title)
		}
	}
	if len(briefs) == 0 {
		return nil
	}
	// the last of an id wins
	last := make(map[string]int, len(briefs))
	for i := range briefs {
		last[briefs[i].ID] = i
	}
	// Briefs the archive holds as they are cost a read, not a write: every
	// load puts all its briefs, and most are unchanged. They are compared
	// encoded into one reused buffer, so that a warm load of 100,000 briefs
	// does not make 360 MB of garbage (the reader's peak grew by as much).
	var fresh []*model.Article
	err := ar.run(false, func(tx *bolt.Tx) error {
		defer dropTx(tx) // the bodies compared are not needed again: their pages go (as List's)
		recs, bodies, ids := tx.Bucket(bucketRecs), tx.Bucket(bucketBriefs), tx.Bucket(bucketIDs)
		var rec, val []byte
		one := make([]model.Article, 1)
		for i := range briefs {
			a := &briefs[i]
			if last[a.ID] != i {
				continue
			}
			if seq := ids.Get([]byte(a.ID)); len(seq) == 8 {
				rec = encodeRecord(rec[:0], archive.RecordOf(a))
				if bytes.Equal(recs.Get(seq), rec) {
					if i < len(known) && known[i] {
						continue
					}
					one[0] = *a
					val = EncodeArticles(val[:0], one)
					if bytes.Equal(bodies.Get(seq), val) {
						continue
					}
				}
			}
			fresh = append(fresh, a)
		}
		return nil
	})
	if err != nil || len(fresh) == 0 {
		return err
	}
	// the others are encoded outside the write transaction
	type enc struct {
		a        *model.Article
		rec, val []byte
	}
	encs := make([]enc, 0, len(fresh))
	for _, a := range fresh {
		encs = append(encs, enc{a, encodeRecord(nil, archive.RecordOf(a)), EncodeArticles(nil, []model.Article{*a})})
	}
	return ar.run(true, func(tx *bolt.Tx) error {
		recs, bodies, ids, post := tx.Bucket(bucketRecs), tx.Bucket(bucketBriefs), tx.Bucket(bucketIDs), tx.Bucket(bucketPost)
		adds := map[string][]uint64{}
		type removal struct {
			prefix string
			seq    uint64
		}
		var removals []removal
		for _, e := range encs {
			var seq []byte
			if old := ids.Get([]byte(e.a.ID)); len(old) == 8 {
				seq = bytes.Clone(old)
				// the old version's postings go
				if v := bodies.Get(seq); v != nil {
					if arts, err := DecodeArticles(v, ""); err == nil && len(arts) == 1 {
						for _, t := range terms(&arts[0]) {
							removals = append(removals, removal{t, binary.BigEndian.Uint64(seq)})
						}
					}
				}
			} else {
				n, err := recs.NextSequence()
				if err != nil {
					return err
				}
				seq = seqKey(n)
				if err := ids.Put([]byte(e.a.ID), seq); err != nil {
					return err
				}
			}
			if err := recs.Put(seq, e.rec); err != nil {
				return err
			}
			if err := bodies.Put(seq, e.val); err != nil {
				return err
			}
			n := binary.BigEndian.Uint64(seq)
			for _, t := range terms(e.a) {
				adds[t] = append(adds[t], n)
			}
		}
		for _, r := range removals {
			if err := removePosting(post, []byte(r.prefix), r.seq); err != nil {
				return err
			}
		}
		// in key order: bbolt splits its nodes only at commit, and inserts
		// in order keep each insert at the end of its node
		keys := make([]string, 0, len(adds))
		for t := range adds {
			keys = append(keys, t)
		}
		slices.Sort(keys)
		for _, t := range keys {
			seqs := adds[t]
			slices.Sort(seqs)
			if err := addPostings(post, []byte(t), seqs); err != nil {
				return err
			}
		}
		return nil
	})
}

// encodeRecord appends r's compact form (its Seq is the key, its Flags come
// from the reading state).
func encodeRecord(dst []byte, r archive.Record) []byte {
	e := encoder{b: dst}
	e.str(r.ID)
	e.str(r.Title)
	if r.Published.IsZero() {
		e.bool(false)
	} else {
		e.bool(true)
		e.b = binary.AppendVarint(e.b, r.Published.Unix())
		e.uint(uint64(r.Published.Nanosecond()))
	}
	e.str(r.Outlet)
	e.str(r.Source)
	e.uint(uint64(r.Entities))
	e.uint(uint64(r.Quotes))
	return e.b
}

// decodeRecord reads what encodeRecord wrote. Bad input is an error.
func decodeRecord(v []byte) (archive.Record, error) {
	d := decoder{s: string(v)}
	var r archive.Record
	r.ID = d.str()
	r.Title = d.str()
	if d.bool() {
		sec, n := binary.Varint([]byte(d.s[min(d.i, len(d.s)):]))
		if n <= 0 {
			d.fail(errors.New("bad date"))
		} else {
			d.i += n
			r.Published = time.Unix(sec, int64(d.uint())).UTC()
		}
	}
	r.Outlet = d.str()
	r.Source = d.str()
	r.Entities = int(d.uint())
	r.Quotes = int(d.uint())
	if d.err == nil && d.i != len(d.s) {
		d.err = fmt.Errorf("%d bytes left over", len(d.s)-d.i)
	}
	if d.err != nil {
		return r, fmt.Errorf("archive record: %w", d.err)
	}
	return r, nil
}

// recordID reads only the id of an encoded record.
func recordID(v []byte) string {
	n, k := binary.Uvarint(v)
	if k <= 0 || n > uint64(len(v)-k) {
		return ""
	}
	return string(v[k : k+int(n)]) // the id alone: not a copy of the whole record
}

// readings is every brief's reading flags, by id.
func (ar *Archive) readings() (map[string]archive.Flags, error) {
	if ar.state == nil {
		return nil, nil
	}
	ar.stateMu.Lock()
	all, err := ar.state.All()
	ar.stateMu.Unlock()
	if err != nil && !errors.Is(err, ErrRepaired) {
		return nil, err
	}
	flags := make(map[string]archive.Flags, len(all))
	for id, r := range all {
		if f := fromState(r).Flags(); f != 0 {
			flags[id] = f
		}
	}
	return flags, nil
}

// List yields the records after the cursor, in one read transaction.
func (ar *Archive) List(ctx context.Context, after int64, fn func(archive.Record) bool) error {
	flags, err := ar.readings()
	if err != nil {
		return err
	}
	return ar.run(false, func(tx *bolt.Tx) error {
		defer dropTx(tx)
		c := tx.Bucket(bucketRecs).Cursor()
		from := uint64(max(after, 0)) + 1
		read := 0
		for k, v := c.Seek(seqKey(from)); k != nil; k, v = c.Next() {
			if len(k) != 8 {
				continue
			}
			r, err := decodeRecord(v)
			if err != nil {
				continue // a bad record is no brief
			}
			r.Seq = int64(binary.BigEndian.Uint64(k))
			r.Flags = flags[r.ID]
			if !fn(r) {
				return nil
			}
			if r.Seq&1023 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if read += len(v); read >= dropListEvery {
				dropTx(tx)
				read = 0
			}
		}
		return nil
	})
}

// dropListEvery is how many bytes of records List reads between two
// dropTx: the records' pages lie among the briefs' in the file, and the
// kernel maps up to 64 KiB around each page faulted in, so reading 100,000
// records (~10 MB) put 130 MB of the file in the resident set.
const dropListEvery = 1 << 20

// dropIDsEvery is how many records Search reads ids from between two
// dropTx (~8 MB of records). Each drop costs the next searches the
// refaults of the tree's pages: at 1M briefs, every 8,192 records made
// the entity p50 24 ms instead of 7 ms (peak RSS 1.5 GB instead of 2.1).

const dropIDsEvery = 65536

// dropTx takes the file's mapped pages out of the resident set (see
// dropPages; the mapping cannot move while tx is open).
func dropTx(tx *bolt.Tx) {
	if info := tx.DB().Info(); info != nil {
		dropPages(info.Data, uintptr(tx.Size()))
	}
}

// Len is how many briefs the archive holds.
func (ar *Archive) Len(ctx context.Context) (int, error) {
	n := 0
	err := ar.run(false, func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketIDs).Stats().KeyN
		return nil
	})
	return n, err
}

// Get decodes the whole brief with that id.
func (ar *Archive) Get(ctx context.Context, id string) (model.Article, error) {
	var a model.Article
	found := false
	err := ar.run(false, func(tx *bolt.Tx) error {
		seq := tx.Bucket(bucketIDs).Get([]byte(id))
		if seq == nil {
			return nil
		}
		rv, bv := tx.Bucket(bucketRecs).Get(seq), tx.Bucket(bucketBriefs).Get(seq)
		if rv == nil || bv == nil {
			return nil
		}
		rec, err := decodeRecord(rv)
		if err != nil {
			return err
		}
		arts, err := DecodeArticles(bv, rec.Source) // copies bv
		if err != nil {
			return err
		}
		if len(arts) != 1 {
			return fmt.Errorf("archive: %d briefs stored under %q", len(arts), id)
		}
		a, found = arts[0], true
		return nil
	})
	if err != nil {
		return model.Article{}, err
	}
	if !found {
		return model.Article{}, fmt.Errorf("%w: %q", archive.ErrNotFound, id)
	}
	return a, nil
}

// eachPage is how many briefs Each decodes in one read transaction: a
// transaction held for a whole archive would keep a writer that must grow
// the file waiting.
const eachPage = 512

var _ archive.Streamer = (*Archive)(nil)

// Each calls fn with every brief whose Seq is greater than after, whole, in
// Seq order, until fn returns false (see archive.Streamer). A brief that
// does not decode is left out.
func (ar *Archive) Each(ctx context.Context, after int64, fn func(seq int64, b model.Article) bool) error {
	next := uint64(max(after, 0)) + 1
	for {
		type one struct {
			seq int64
			a   model.Article
		}
		var page []one
		err := ar.run(false, func(tx *bolt.Tx) error {
			recs, bodies := tx.Bucket(bucketRecs), tx.Bucket(bucketBriefs)
			c := recs.Cursor()
			for k, v := c.Seek(seqKey(next)); k != nil && len(page) < eachPage; k, v = c.Next() {
				if len(k) != 8 {
					continue
				}
				n := binary.BigEndian.Uint64(k)
				next = n + 1
				rec, err := decodeRecord(v)
				if err != nil {
					continue
				}
				arts, err := DecodeArticles(bodies.Get(k), rec.Source)
				if err != nil || len(arts) != 1 {
					continue
				}
				page = append(page, one{int64(n), arts[0]})
			}
			dropTx(tx)
			return nil
		})
		if err != nil {
			return err
		}
		for _, o := range page {
			if !fn(o.seq, o.a) {
				return nil
			}
		}
		if len(page) < eachPage {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// Search intersects the postings of each clause of q.
func (ar *Archive) Search(ctx context.Context, q archive.Query) ([]string, error) {
	if q.Empty() {
		return nil, nil
	}
	type term struct {
		kind byte
		s    string
	}
	var terms []term
	if q.Entity != "" {
		terms = append(terms, term{postEntity, q.Entity})
	}
	if q.Speaker != "" {
		terms = append(terms, term{postSpeaker, archive.Fold(q.Speaker)})
	}
	for _, w := range archive.Words(q.Text) {
		terms = append(terms, term{postWord, w})
	}
	var out []string
	err := ar.run(false, func(tx *bolt.Tx) error {
		post := tx.Bucket(bucketPost)
		lists := make([][]uint64, len(terms))
		for i, t := range terms {
			limit := 0
			if len(terms) == 1 {
				limit = q.Limit // one term: its first postings are the answer
			}
			lists[i] = postingsOf(post, termPrefix(t.kind, t.s), limit)
			if len(lists[i]) == 0 {
				return nil
			}
		}
		read := 0
		for _, l := range lists {
			read += len(l)
		}
		if read > dropListEvery/4 { // a few MB of postings read: their pages go
			dropTx(tx)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		// the shortest first: each step keeps those of the next list too
		slices.SortFunc(lists, func(a, b []uint64) int { return len(a) - len(b) })
		seqs := lists[0]
		for _, l := range lists[1:] {
			kept := seqs[:0:0]
			for _, s := range seqs {
				if _, ok := slices.BinarySearch(l, s); ok {
					kept = append(kept, s)
				}
			}
			if seqs = kept; len(seqs) == 0 {
				return nil
			}
		}
		// the ids, from the records: the numbers ascend, so a cursor steps
		// to the next when it is near and seeks only across gaps
		c := tx.Bucket(bucketRecs).Cursor()
		var k, v []byte
		walked := 0
		for _, s := range seqs {
			if q.Limit > 0 && len(out) >= q.Limit {
				break
			}
			for step := 0; len(k) == 8 && binary.BigEndian.Uint64(k) < s && step < 16; step++ {
				k, v = c.Next()
			}
			if len(k) != 8 || binary.BigEndian.Uint64(k) < s {
				k, v = c.Seek(seqKey(s))
			}
			if walked++; walked%dropIDsEvery == 0 { // the records' pages go, as List's do
				dropTx(tx)
			}
			if len(k) == 8 && binary.BigEndian.Uint64(k) == s {
				out = append(out, recordID(v))
			}
		}
		return nil
	})
	return out, err
}

func fromState(r Reading) archive.Reading {
	return archive.Reading{Read: r.Read, Starred: r.Starred, Position: r.Position, Anchor: r.Anchor, Updated: r.Updated}
}

// Reading returns the reading state of id, from the State file.
func (ar *Archive) Reading(ctx context.Context, id string) (archive.Reading, error) {
	if ar.state == nil {
		return archive.Reading{}, nil
	}
	ar.stateMu.Lock()
	r, err := ar.state.Get(id)
	ar.stateMu.Unlock()
	if err != nil && !errors.Is(err, ErrRepaired) {
		return archive.Reading{}, err
	}
	return fromState(r), nil
}

// UpdateReading changes the reading state of id in the State file, in one
// transaction.
func (ar *Archive) UpdateReading(ctx context.Context, id string, fn func(*archive.Reading)) error {
	if id == "" {
		return archive.ErrNoID
	}
	if ar.state == nil {
		return errors.New("archive: no reading state file")
	}
	ar.stateMu.Lock()
	defer ar.stateMu.Unlock()
	err := ar.state.Update(id, func(r *Reading) {
		ar := fromState(*r)
		fn(&ar)
		r.Read, r.Starred, r.Position, r.Anchor = ar.Read, ar.Starred, ar.Position, ar.Anchor
	})
	if errors.Is(err, ErrRepaired) {
		return nil
	}
	return err
}

// Close closes the file; one found damaged while in use is moved aside.
func (ar *Archive) Close() error {
	err := ar.db.Close()
	ar.mu.Lock()
	broken := ar.broken
	ar.mu.Unlock()
	if broken {
		if _, merr := moveAside(ar.path); merr != nil && !errors.Is(merr, fs.ErrNotExist) {
			err = errors.Join(err, merr)
		}
	}
	if err != nil {
		return fmt.Errorf("close archive: %w", err)
	}
	return nil
}
