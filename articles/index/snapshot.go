package index

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefs/model"
)

// A snapshot is the built index written to one file, so that a warm start
// reads it back instead of analysing every brief again. It holds everything
// the index built except the articles themselves (the cache has them):
// for each article its id, length and raw entity numbers; the raw entities
// with their names, aliases, postings and quotes; the alias table; the
// postings by kind; the word dictionary and its postings. Numbers are
// unsigned varints, article numbers in postings delta-coded; the file ends
// with a CRC-32C of everything before it.
//
// The derived tables (canonical entities, suggestions) are not stored: they
// are recomputed on the first search, as after any AddBatch.

// snapshotMagic begins every snapshot file; the format number follows it.
const (
	snapshotMagic  = "BRIEFSIX"
	snapshotFormat = 1
)

// ErrSnapshotMismatch is returned by Restore when the articles are not
// those the snapshot was written from.
var ErrSnapshotMismatch = errors.New("index snapshot: the articles differ")

// Snapshot is an index read back from a file by ReadSnapshot, not yet
// joined to its articles (see Restore). It can restore one index only.
type Snapshot struct {
	ids      []string // article ids, in article number order
	docs     []doc    // art empty
	ents     []*rawEntity
	aliases  map[string][]aliasRef
	shared   []string
	kinds    map[model.EntityKind][]entPosting
	words    []string
	postings [][]textPosting
	totalLen uint64
	newest   int64
	used     bool
}

// Len returns how many articles the snapshot indexes.
func (s *Snapshot) Len() int { return len(s.ids) }

// ID returns the id of article number i of the snapshot.
func (s *Snapshot) ID(i int) string { return s.ids[i] }

// SnapshotPath names a snapshot file in dir keyed by parts (the cache path
// and the sources, say): "index-<hash>.bin".
func SnapshotPath(dir string, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return filepath.Join(dir, "index-"+hex.EncodeToString(h.Sum(nil))[:16]+".bin")
}

// WriteSnapshot writes the index to w as a snapshot tagged with version
// (what extracted the articles: a snapshot is only read back for the same
// version). Searches may run meanwhile; adding waits.
func (ix *Index) WriteSnapshot(w io.Writer, version string) error {
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	ix.mu.RLock()
	crc := crc32.New(castagnoli)
	var err error
	// written a chunk at a time: no second copy of the index in memory
	flush := func(b []byte, force bool) []byte {
		if err != nil || len(b) < snapshotChunk && !force {
			return b
		}
		crc.Write(b)
		_, err = w.Write(b)
		return b[:0]
	}
	b := ix.appendSnapshot(make([]byte, 0, 2*snapshotChunk), version, flush)
	ix.mu.RUnlock()
	flush(b, true)
	if err == nil {
		_, err = w.Write(binary.LittleEndian.AppendUint32(nil, crc.Sum32()))
	}
	if err != nil {
		return fmt.Errorf("write index snapshot: %w", err)
	}
	return nil
}

// snapshotChunk is how many bytes WriteSnapshot encodes before it writes them.
const snapshotChunk = 1 << 20

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// staleTemp is how old a temporary snapshot file is before a save removes
// it: older than any save that may still be writing it.
const staleTemp = 10 * time.Minute

// SaveSnapshot writes the index's snapshot to path atomically (a temporary
// file beside it, then renamed), so that a reader never sees half a file.
func (ix *Index) SaveSnapshot(path, version string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("save index snapshot: %w", err)
	}
	// temporary files of saves cut short (the process killed mid-way)
	if old, _ := filepath.Glob(path + ".tmp*"); len(old) > 0 {
		for _, f := range old {
			if info, err := os.Stat(f); err == nil && time.Since(info.ModTime()) > staleTemp {
				os.Remove(f)
			}
		}
	}
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("save index snapshot: %w", err)
	}
	tmp := f.Name()
	err = ix.WriteSnapshot(f, version)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("save index snapshot: %w", cerr)
	}
	if err == nil {
		if rerr := os.Rename(tmp, path); rerr != nil {
			err = fmt.Errorf("save index snapshot: %w", rerr)
		}
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// LoadSnapshot reads the snapshot file at path (see ReadSnapshot).
func LoadSnapshot(path, version string) (*Snapshot, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load index snapshot: %w", err)
	}
	s, err := ReadSnapshot(b, version)
	if err != nil {
		return nil, fmt.Errorf("load index snapshot %s: %w", path, err)
	}
	return s, nil
}

func appendUvarint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

func appendString(b []byte, s string) []byte {
	return append(appendUvarint(b, uint64(len(s))), s...)
}

func appendEntPostings(b []byte, ps []entPosting) []byte {
	b = appendUvarint(b, uint64(len(ps)))
	prev := uint32(0)
	for _, p := range ps {
		t := uint64(0)
		if p.title {
			t = 1
		}
		b = appendUvarint(b, uint64(p.doc-prev))
		b = appendUvarint(b, uint64(p.mentions)<<1|t)
		prev = p.doc
	}
	return b
}

// appendSnapshot encodes the index. It runs under the read lock.
// flush writes b out when it has grown past a chunk and returns what to
// append to next.
func (ix *Index) appendSnapshot(b []byte, version string, flush func(b []byte, force bool) []byte) []byte {
	b = append(b, snapshotMagic...)
	b = appendUvarint(b, snapshotFormat)
	b = appendString(b, version)
	b = appendUvarint(b, uint64(len(ix.docs)))
	b = appendUvarint(b, uint64(len(ix.ents)))
	for i := range ix.docs {
		d := &ix.docs[i]
		b = appendString(b, d.id)
		b = appendUvarint(b, uint64(d.length))
		b = appendUvarint(b, uint64(len(d.ents)))
		for _, r := range d.ents {
			b = appendUvarint(b, uint64(r))
		}
		b = flush(b, false)
	}
	b = appendUvarint(b, ix.totalLen)
	b = binary.AppendVarint(b, ix.newest)
	for _, e := range ix.ents {
		b = appendString(b, e.id)
		b = appendString(b, string(e.kind))
		b = appendUvarint(b, uint64(len(e.names)))
		for _, n := range e.names {
			b = appendString(b, n.text)
			b = appendUvarint(b, uint64(n.n))
		}
		b = appendString(b, e.top)
		b = appendString(b, e.topKey)
		b = appendUvarint(b, uint64(len(e.aliases)))
		for _, a := range e.aliases {
			b = appendString(b, a.text)
			b = appendString(b, a.key)
			b = appendUvarint(b, uint64(a.n))
		}
		b = appendEntPostings(b, e.postings)
		b = appendUvarint(b, uint64(len(e.quotes)))
		prev := uint32(0)
		for _, q := range e.quotes {
			b = appendUvarint(b, uint64(q.doc-prev))
			b = appendUvarint(b, uint64(q.q))
			prev = q.doc
		}
		b = appendUvarint(b, uint64(e.mentions))
		b = appendString(b, e.resolved)
		b = flush(b, false)
	}
	b = appendUvarint(b, uint64(len(ix.aliases)))
	for key, refs := range ix.aliases {
		b = appendString(b, key)
		b = appendUvarint(b, uint64(len(refs)))
		for _, r := range refs {
			b = appendUvarint(b, uint64(r.ent))
			b = appendUvarint(b, uint64(r.n))
		}
		b = flush(b, false)
	}
	b = appendUvarint(b, uint64(len(ix.sharedKeys)))
	for _, k := range ix.sharedKeys {
		b = appendString(b, k)
	}
	b = appendUvarint(b, uint64(len(ix.kinds)))
	for k, ps := range ix.kinds {
		b = appendString(b, string(k))
		b = appendEntPostings(b, ps)
		b = flush(b, false)
	}
	// the dictionary, in term number order
	words := make([]string, len(ix.postings))
	for w, t := range ix.termNum {
		words[t] = w
	}
	total := 0
	for _, ps := range ix.postings {
		total += len(ps)
	}
	b = appendUvarint(b, uint64(len(words)))
	b = appendUvarint(b, uint64(total))
	for t, w := range words {
		ps := ix.postings[t]
		b = appendString(b, w)
		b = appendUvarint(b, uint64(len(ps)))
		prev := uint32(0)
		for _, p := range ps {
			b = appendUvarint(b, uint64(p.doc-prev))
			b = appendUvarint(b, uint64(p.tf))
			b = appendUvarint(b, uint64(p.ttf))
			prev = p.doc
		}
		b = flush(b, false)
	}
	return b
}

// snapReader decodes a snapshot; the first fault sticks in err and every
// later read returns zero.
type snapReader struct {
	b   []byte
	err error
}

func (r *snapReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("corrupt snapshot: %s", what)
	}
	r.b = nil
}

func (r *snapReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("bad number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a number of items, each taking at least min bytes: more than
// the bytes left is a fault (and no large allocation is made for it).
func (r *snapReader) count(min int) int {
	v := r.uvarint()
	if v > uint64(len(r.b)/min) {
		r.fail("count past the end")
		return 0
	}
	return int(v)
}

// below reads a number that must be less than n.
func (r *snapReader) below(n uint64) uint32 {
	v := r.uvarint()
	if v >= n || v > math.MaxUint32 {
		r.fail("number out of range")
		return 0
	}
	return uint32(v)
}

func (r *snapReader) u16() uint16 {
	v := r.uvarint()
	if v > math.MaxUint16 {
		r.fail("count out of range")
		return 0
	}
	return uint16(v)
}

func (r *snapReader) str() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail("string past the end")
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// docNum reads a delta-coded article number: ascending (strictly after the
// first) and less than ndocs.
func (r *snapReader) docNum(prev uint32, first bool, ndocs int) uint32 {
	d := r.uvarint()
	v := uint64(prev) + d
	if !first && d == 0 || v >= uint64(ndocs) {
		r.fail("article number out of order")
		return 0
	}
	return uint32(v)
}

func (r *snapReader) entPostings(ndocs int) []entPosting {
	n := r.count(2)
	ps := make([]entPosting, n)
	prev := uint32(0)
	for i := range ps {
		prev = r.docNum(prev, i == 0, ndocs)
		m := r.uvarint()
		if m>>1 > math.MaxUint16 {
			r.fail("mentions out of range")
		}
		ps[i] = entPosting{doc: prev, mentions: uint16(m >> 1), title: m&1 == 1}
	}
	return ps
}

// ReadSnapshot decodes a snapshot written by WriteSnapshot with the same
// version. A snapshot of another version, another format, or damaged in any
// way is an error, never a panic.
func ReadSnapshot(b []byte, version string) (*Snapshot, error) {
	if len(b) < len(snapshotMagic)+4 || string(b[:len(snapshotMagic)]) != snapshotMagic {
		return nil, errors.New("not an index snapshot")
	}
	body := b[:len(b)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(b[len(b)-4:]) {
		return nil, errors.New("corrupt snapshot: checksum")
	}
	r := &snapReader{b: body[len(snapshotMagic):]}
	if f := r.uvarint(); f != snapshotFormat {
		return nil, fmt.Errorf("snapshot format %d, want %d", f, snapshotFormat)
	}
	if v := r.str(); v != version || r.err != nil {
		return nil, fmt.Errorf("snapshot of extractor %q, want %q", v, version)
	}
	s := &Snapshot{}
	ndocs := r.count(3)
	nents := r.count(4)
	s.ids = make([]string, ndocs)
	s.docs = make([]doc, ndocs)
	// one backing array for every article's entity numbers
	var entsPool []uint32
	for i := 0; i < ndocs && r.err == nil; i++ {
		s.ids[i] = r.str()
		length := r.uvarint()
		if length > math.MaxUint32 {
			r.fail("length out of range")
		}
		n := r.count(1)
		if len(entsPool) < n {
			entsPool = make([]uint32, max(n, 4096))
		}
		ents := entsPool[:n:n]
		entsPool = entsPool[n:]
		for k := range ents {
			ents[k] = r.below(uint64(nents))
		}
		s.docs[i] = doc{ents: ents, length: uint32(length)}
	}
	s.totalLen = r.uvarint()
	if v, n := binary.Varint(r.b); n > 0 {
		s.newest, r.b = v, r.b[n:]
	} else {
		r.fail("bad number")
	}
	s.ents = make([]*rawEntity, nents)
	for i := 0; i < nents && r.err == nil; i++ {
		e := &rawEntity{id: r.str(), kind: model.EntityKind(r.str())}
		e.names = make([]textCount, r.count(2))
		for k := range e.names {
			e.names[k] = textCount{text: r.str(), n: int(r.uvarint())}
		}
		e.top, e.topKey = r.str(), r.str()
		e.aliases = make([]aliasCount, r.count(3))
		for k := range e.aliases {
			e.aliases[k] = aliasCount{text: r.str(), key: r.str(), n: int(r.uvarint())}
		}
		e.postings = r.entPostings(ndocs)
		e.quotes = make([]quoteRef, r.count(2))
		prev := uint32(0)
		for k := range e.quotes {
			prev = r.uvarint32Doc(prev, ndocs)
			e.quotes[k] = quoteRef{doc: prev, q: r.below(math.MaxUint32)}
		}
		e.mentions = int(r.uvarint())
		e.resolved = r.str()
		s.ents[i] = e
	}
	nal := r.count(2)
	s.aliases = make(map[string][]aliasRef, nal)
	for i := 0; i < nal && r.err == nil; i++ {
		key := r.str()
		refs := make([]aliasRef, r.count(2))
		for k := range refs {
			refs[k] = aliasRef{ent: r.below(uint64(nents)), n: uint32(r.below(math.MaxUint32))}
		}
		s.aliases[key] = refs
	}
	s.shared = make([]string, r.count(1))
	for i := range s.shared {
		s.shared[i] = r.str()
	}
	nk := r.count(2)
	s.kinds = make(map[model.EntityKind][]entPosting, nk)
	for i := 0; i < nk && r.err == nil; i++ {
		k := model.EntityKind(r.str())
		s.kinds[k] = r.entPostings(ndocs)
	}
	nw := r.count(2)
	total := r.count(3)
	s.words = make([]string, nw)
	s.postings = make([][]textPosting, nw)
	pool := make([]textPosting, total)
	for t := 0; t < nw && r.err == nil; t++ {
		s.words[t] = r.str()
		n := r.count(3)
		if n > len(pool) {
			r.fail("more postings than counted")
			break
		}
		ps := pool[:n:n]
		pool = pool[n:]
		prev := uint32(0)
		for i := range ps {
			// the fast path: three one-byte numbers (most postings)
			if b := r.b; len(b) >= 3 && b[0]|b[1]|b[2] < 0x80 && (b[0] > 0 || i == 0) && int(prev)+int(b[0]) < ndocs {
				prev += uint32(b[0])
				ps[i] = textPosting{doc: prev, tf: uint16(b[1]), ttf: uint16(b[2])}
				r.b = b[3:]
				continue
			}
			prev = r.docNum(prev, i == 0, ndocs)
			ps[i] = textPosting{doc: prev, tf: r.u16(), ttf: r.u16()}
		}
		s.postings[t] = ps
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("bytes after the end")
	}
	if r.err != nil {
		return nil, r.err
	}
	return s, nil
}

// uvarint32Doc reads a delta-coded article number of a quote list
// (ascending, equal allowed: one article has several quotes).
func (r *snapReader) uvarint32Doc(prev uint32, ndocs int) uint32 {
	v := uint64(prev) + r.uvarint()
	if v >= uint64(ndocs) {
		r.fail("article number out of range")
		return 0
	}
	return uint32(v)
}

// Restore fills an empty index from a snapshot and the articles it was
// written from, in the same order (duplicates and all, as they were given
// to AddBatch); articles past those the snapshot holds are then added with
// AddBatch. It returns how many articles came from the snapshot. When the
// articles are not those of the snapshot (ids, entities or quotes differ)
// it returns ErrSnapshotMismatch and leaves the index empty.
func (ix *Index) Restore(s *Snapshot, arts []model.Article) (int, error) {
	byID := make(map[string]uint32, len(s.ids))
	k, i := 0, 0
	for ; i < len(arts) && k < len(s.ids); i++ {
		id := arts[i].ID
		if id == "" {
			id = model.ArticleID(arts[i].Title, arts[i].Body)
		}
		if _, dup := byID[id]; dup {
			continue
		}
		if id != s.ids[k] {
			return 0, ErrSnapshotMismatch
		}
		byID[id] = uint32(k)
		k++
	}
	if k < len(s.ids) {
		return 0, ErrSnapshotMismatch
	}
	ents := make([]entry, i)
	for j := range ents {
		ents[j] = wholeEntry(arts[j])
	}
	if err := ix.restore(s, ents, byID); err != nil {
		return 0, err
	}
	ix.AddBatch(arts[i:])
	return k, nil
}

// entry is an article on its way into the index by a snapshot (see Feed):
// whole, or (stored) only what the index keeps of a stored article, read
// back whole through the index's Briefs.
type entry struct {
	id, title string
	published time.Time
	nents     int
	speakers  []string
	whole     *model.Article // nil when stored
}

// wholeEntry is the entry of a, kept whole (its id made when it has none).
func wholeEntry(a model.Article) entry {
	if a.ID == "" {
		a.ID = model.ArticleID(a.Title, a.Body)
	}
	return entry{id: a.ID, title: a.Title, published: a.Published, nents: len(a.Entities), speakers: speakersOf(&a), whole: &a}
}

// storedEntry is the entry of a stored article (which has an id), its
// strings copied out of the article's (see doc.own).
func storedEntry(a *model.Article) entry {
	sp := speakersOf(a)
	ownAll(sp)
	return entry{id: strings.Clone(a.ID), title: strings.Clone(a.Title), published: a.Published, nents: len(a.Entities), speakers: sp}
}

// restore installs the snapshot with its articles (arts, duplicates
// included; byID already numbers them as the snapshot does).
func (ix *Index) restore(s *Snapshot, arts []entry, byID map[string]uint32) error {
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if len(ix.docs) != 0 {
		return errors.New("restore index snapshot: the index is not empty")
	}
	if s.used {
		return errors.New("restore index snapshot: already used")
	}
	docs := s.docs
	quotes := make([]quoteRef, 0, len(arts))
	k := 0
	for i := range arts {
		a := &arts[i]
		if n, ok := byID[a.id]; !ok || int(n) != k || k >= len(docs) {
			continue // a duplicate
		}
		if len(docs[k].ents) != a.nents {
			return ErrSnapshotMismatch
		}
		for qi := range a.speakers {
			quotes = append(quotes, quoteRef{doc: uint32(k), q: uint32(qi)})
		}
		d := &docs[k]
		d.id, d.title, d.published, d.speakers, d.art = s.ids[k], a.title, a.published, a.speakers, a.whole
		k++
	}
	for _, e := range s.ents {
		for _, q := range e.quotes {
			if int(q.q) >= len(docs[q.doc].speakers) {
				return ErrSnapshotMismatch
			}
		}
	}
	s.used = true
	ix.docs = docs
	ix.byID = byID
	ix.ents = s.ents
	ix.entNum = make(map[string]uint32, len(s.ents))
	for r, e := range s.ents {
		ix.entNum[e.id] = uint32(r)
	}
	ix.aliases = s.aliases
	ix.sharedKeys = s.shared
	ix.kinds = s.kinds
	ix.termNum = make(map[string]uint32, len(s.words))
	for t, w := range s.words {
		ix.termNum[w] = uint32(t)
	}
	ix.postings = s.postings
	ix.totalLen = s.totalLen
	ix.quotes = quotes
	ix.newest = s.newest
	ix.canon, ix.members, ix.surnames, ix.suggest = nil, nil, nil, nil
	ix.dirty = true
	return nil
}
