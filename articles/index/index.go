// Package index is the corpus index of briefs: it finds every brief that
// names an entity, every quote of a speaker, and briefs by their words.
//
// An Index is built from extracted articles ([]model.Article with Entities
// and Quotes filled), all at once with Build, or batch by batch with
// AddBatch (one at a time with Add) while the rest still loads; searches may
// run meanwhile. It holds:
//
//   - entity postings: entity id -> (article, mention count, named in the title);
//   - speaker postings: entity id -> the quotes attributed to it;
//   - an alias table: every Name, alias and mention text seen in the corpus,
//     folded (case, accents and punctuation ignored: "U.S." is "us"), -> the
//     entities it named, with counts; names it lacks are asked of a Resolver
//     (the gazetteer of articles/entities) and, for a lone surname, of the
//     people of the corpus;
//   - a full-text inverted index over titles and bodies: folded word ->
//     (article, count in body, count in title), ranked with BM25.
//
// # Use
//
//	ix := index.New(extractor)          // *entities.Extractor resolves gazetteer names
//	ix.AddBatch(batch)                  // per batch as briefs load; searches may run meanwhile
//	ix.Compact()                        // once loading is done
//	res, err := ix.Search(`Lavrov AND "peace talks"`, 50)
//	output.WriteHits(os.Stdout, output.FormatJSONL, res.Hits)     // briefs search
//	output.WriteEntities(w, f, ix.EntitiesWith(kind, 5))          // briefs entities [--kind]
//	output.WriteQuotes(w, f, ix.Quotes(speaker, about))           // briefs quotes
//
// Build(arts, r) does the first three at once. A reader's warm start goes
// through a Feed instead (see Warm start):
//
//	feed := index.NewFeed(ix, index.SnapshotPath(cacheDir, cachePath), version)
//	feed.Add(batch)                     // per batch; kept while a snapshot may match
//	feed.Finish()                       // restored from the snapshot, or built
//	feed.Save()                         // after a whole load: the snapshot for next time
//
// Suggest offers entities as a name is typed; Entity, CoOccurring and
// Resolve answer for one name.
//
// # Queries
//
//	entity:NAME      briefs that name the entity (any surface form; NAME may be
//	                 "quoted", a raw id such as country:russia, or several words:
//	                 the longest run of words that names an entity is taken)
//	speaker:NAME     briefs with a quote attributed to that entity (or, when the
//	                 name names no entity, to a speaker written that way)
//	kind:KIND        briefs that name an entity of that kind (person, country,
//	                 place, organization, nationality, other; a unique prefix
//	                 will do); it also limits which entities the other names of
//	                 the query resolve to
//	"some words"     the phrase, in the title or body ("one word" quoted is a
//	                 plain full-text word, never an entity)
//	word             full text; a run of bare words that names an entity
//	                 ("russian federation", "Lavrov") searches that entity
//	                 instead, so that every form of a name finds the same briefs
//	word*            also the words it starts ("sanc*" finds "sanctions"), as
//	                 the word being typed does in the search view
//	AND              optional: every clause must match anyway
//
// Words too common to index ("the", "of") are ignored outside phrases. Hits
// are ranked by the sum of their clauses' scores: for an entity, 1 + ln(1 +
// mentions), plus 1.5 when named in the title; for words, BM25 with a title
// word counting as three body words; then multiplied by 1 + 0.25 x recency
// (1 for the newest brief of the corpus, halving every 180 days).
//
// # Why its own inverted index
//
// The corpus lives in memory anyway (the reader shows it), article numbers
// are dense and only grow, and queries combine entity postings with words:
// sorted uint32 posting lists intersect in microseconds, take 8 bytes per
// (word, article) pair (the whole index, entities included, measured about
// 220 MB at 100,000 briefs), need no second copy of the text and no disk,
// and grow batch by batch while the rest loads.
// bleve keeps its own copy of every document and field (several times the
// memory) and SQLite FTS5 would have to be rebuilt or kept on disk beside the
// cache, joined back to the entity postings by id. Phrases are checked on the
// text of the candidate articles instead of storing word positions.
//
// # Warm start
//
// Building the index of 100,000 briefs costs about 4 CPU seconds (mostly
// splitting and counting words; 2.5-4.9 s wall on two cores beside the
// cache's decoding), more than the whole warm start may take (2 s). So a
// built index is kept: WriteSnapshot writes everything the index built
// except the articles (postings delta-coded as varints, the dictionary in
// term order, entities with their aliases and quotes, the alias table),
// 42-56 MB at 100,000 briefs, written in ~0.3 s; ReadSnapshot reads it
// back in ~0.6 s of one core into flat arrays (one allocation for all word
// postings), and Restore joins it to the articles, which the cache gives
// anyway, in ~20 ms (corpustest's BenchmarkSnapshot). A snapshot is keyed by the extractor version and checked
// against the ids of the articles in order: the same briefs restore it,
// new briefs after them are added to it, anything else (another version,
// briefs removed or reordered, a damaged file: CRC-32C, then every number
// bounds-checked) rebuilds. Feed does all this for a streaming load: it
// reads the snapshot while the cache is decoded and restores it when the
// last matching brief arrives, so a warm start is the cache's load plus a
// few tens of ms (archivebench's warmsnap: 1.0-1.2 s at 100,000 briefs,
// peak RSS ~1 GB).
// The cost: until then the index is empty (searches find nothing for that
// second), and a load that changed the index writes a new snapshot.
//
// Making the build itself cheaper could not reach 2 s on two cores: the
// cache's decoding alone takes ~1 s of the two, and word counting has to
// touch every token of 250 MB of text.
//
// # One person, several ids
//
// The extractor gives the same id to the same entity across articles when it
// can, but a person written "Lavrov" in one brief and "Sergei Lavrov" in
// another may arrive with two ids. The index ties ids into one canonical
// entity, recomputed whenever articles were added, by these rules in order:
//
//  1. the Resolver maps an entity's name to another id of the corpus: tied to it;
//  2. two person ids share a folded alias of two words or more ("Sergei
//     Lavrov" listed by both): tied;
//  3. two person ids have the same surname and first names that are spelling
//     variants (same initial, both at least five letters, edit distance one,
//     or two for names of seven letters or more: Sergey/Sergei,
//     Mohammed/Muhammad), and no article names both: tied;
//  4. a person known only by one word ("Lavrov") is tied to the person whose
//     surname it is when exactly one person of the corpus has that surname;
//     when several have, it stays apart (it is ambiguous).
//
// The canonical id of a group is the id the gazetteer gives, else the id of
// the member with a full name (two words or more) named in the most
// articles. Hits report both the canonical ids and the ids as each article
// names them (what the reader selects).
//
// A lone surname that several people share stays its own entity; but a
// query for one word that stands for a person ("Clinton", "Obama") searches
// every person the corpus calls by it, the lone surname included, so that
// no brief that writes the name is missed. A full name is searched alone.
package index

import (
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"briefs/model"
)

// Resolver looks a surface form up in a gazetteer: "russian federation" ->
// "country:russia". entities.Extractor satisfies it. It must be safe for
// concurrent use: AddBatch asks it from several goroutines.
type Resolver interface {
	Resolve(name string) (id string, kind model.EntityKind, ok bool)
}

// entPosting says an entity is named in an article, how often, and whether
// in its title.
type entPosting struct {
	doc      uint32
	mentions uint16
	title    bool
}

// textPosting says a word occurs in an article: tf times in the body, ttf
// times in the title.
type textPosting struct {
	doc uint32
	tf  uint16
	ttf uint16
}

// quoteRef points at one quote: article number and index in its Quotes.
type quoteRef struct {
	doc uint32
	q   uint32
}

// rawEntity is one entity id as the articles give it.
type rawEntity struct {
	id       string
	kind     model.EntityKind
	names    []textCount  // Name as written, and how many articles give it
	top      string       // the most frequent of names (topName)
	topKey   string       // top, folded
	aliases  []aliasCount // every surface form, and how often it was used
	postings []entPosting
	quotes   []quoteRef // quotes attributed to it
	mentions int
	resolved string // what the Resolver says its name is, or ""
}

// aliasCount is how often a surface form named an entity, and its folded key.
// An entity has a handful: a slice searched in order beats a map.
type aliasCount struct {
	text, key string
	n         int
}

// textCount is how often a text was seen.
type textCount struct {
	text string
	n    int
}

// addText adds n to the count of text.
func addText(cs []textCount, text string, n int) []textCount {
	for i := range cs {
		if cs[i].text == text {
			cs[i].n += n
			return cs
		}
	}
	return append(cs, textCount{text: strings.Clone(text), n: n}) // see doc.own
}

// doc is one indexed article: what searching needs of it, and the whole
// article unless the index reads it back through its Briefs (see
// AddStored).
type doc struct {
	id        string
	title     string
	published time.Time
	ents      []uint32 // raw entity numbers, in the order of the article's Entities
	speakers  []string // Speaker of each of its Quotes, as written
	length    uint32   // words in title and body, for BM25
	art       *model.Article
}

// Briefs is where an index that keeps only what searching needs (see
// AddStored) reads a whole article back, by id: the archive the load puts
// every brief in. It must be safe for concurrent use.
type Briefs interface {
	Brief(id string) (model.Article, bool)
}

// aliasRef counts how often a folded alias named a raw entity.
type aliasRef struct {
	ent uint32
	n   uint32
}

// Index is the corpus index. It is safe for concurrent use: Add may run
// while other goroutines search.
type Index struct {
	mu       sync.RWMutex
	resolver Resolver

	docs   []doc
	byID   map[string]uint32
	ents   []*rawEntity
	entNum map[string]uint32

	aliases    map[string][]aliasRef // folded alias -> raw entities
	sharedKeys []string              // folded aliases of two words or more that name two entities or more
	kinds      map[model.EntityKind][]entPosting

	termNum  map[string]uint32
	postings [][]textPosting
	totalLen uint64
	vocabMu  sync.Mutex // guards vocab, which searches under the read lock rebuild
	vocab    []string   // the words of termNum in order (see vocabulary)
	quotes   []quoteRef
	newest   int64 // unix seconds of the most recent Published

	// derived, recomputed when dirty
	dirty    bool
	canon    []uint32            // raw -> canonical raw
	members  map[uint32][]uint32 // canonical raw -> its raw members (only groups of 2+)
	surnames map[string][]uint32 // folded surname -> canonical persons of 2+ words
	suggest  *suggestList

	addMu     sync.Mutex     // one AddBatch at a time
	analyzers [2][]*analyzer // two sets: one analyses a chunk while the other's is added

	briefs Briefs // where stored articles are read back (SetBriefs); nil: every article is kept whole
}

// New returns an empty index. r may be nil: names are then resolved from the
// corpus alone.
func New(r Resolver) *Index {
	return &Index{
		resolver: r,
		byID:     map[string]uint32{},
		entNum:   map[string]uint32{},
		aliases:  map[string][]aliasRef{},
		kinds:    map[model.EntityKind][]entPosting{},
		termNum:  map[string]uint32{},
	}
}

// Build indexes every article of arts.
func Build(arts []model.Article, r Resolver) *Index {
	ix := New(r)
	ix.docs = make([]doc, 0, len(arts))
	ix.AddBatch(arts)
	ix.Compact()
	return ix
}

// Compact lets go of the scratch that speeds up adding (the analysers' own
// dictionaries, tens of MB at 100,000 briefs). Call it once the corpus has
// finished loading; adding afterwards still works, a little slower at first.
func (ix *Index) Compact() {
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	ix.analyzers = [2][]*analyzer{}
}

// Len returns how many articles are indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.docs)
}

// Article returns the indexed article with that id (read back through the
// Briefs when the index did not keep it whole).
func (ix *Index) Article(id string) (*model.Article, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n, ok := ix.byID[id]
	if !ok {
		return nil, false
	}
	return ix.article(n), true
}

// Whole returns how many articles the index keeps whole (the others it
// reads back through its Briefs).
func (ix *Index) Whole() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n := 0
	for i := range ix.docs {
		if ix.docs[i].art != nil {
			n++
		}
	}
	return n
}

// SetBriefs says where the index reads back the articles AddStored did not
// keep whole. Call it before the first AddStored.
func (ix *Index) SetBriefs(b Briefs) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.briefs = b
}

// lean reports whether the index leaves stored articles to its Briefs.
func (ix *Index) lean() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.briefs != nil
}

// brief reads the article with that id from the Briefs.
func (ix *Index) brief(id string) (model.Article, bool) {
	ix.mu.RLock()
	b := ix.briefs
	ix.mu.RUnlock()
	if b == nil {
		return model.Article{}, false
	}
	return b.Brief(id)
}

// article returns article n whole: kept, or read back through the Briefs.
// When the Briefs no longer hold it as it was indexed (gone, or put again
// with other entities or quotes), it is the article's id, title and date
// with empty entities and quotes of the indexed number, so that every
// posting still points inside it. It runs under the read lock.
func (ix *Index) article(n uint32) *model.Article {
	d := &ix.docs[n]
	if d.art != nil {
		return d.art
	}
	if ix.briefs != nil {
		if a, ok := ix.briefs.Brief(d.id); ok && a.ID == d.id && len(a.Entities) == len(d.ents) && len(a.Quotes) == len(d.speakers) {
			return &a
		}
	}
	a := &model.Article{ID: d.id, Title: d.title, Published: d.published,
		Entities: make([]model.Entity, len(d.ents)), Quotes: make([]model.Quote, len(d.speakers))}
	for i, sp := range d.speakers {
		a.Quotes[i].Speaker = sp
	}
	return a
}

// own copies the doc's strings out of the article's: a decoded article's
// strings share one buffer (store.DecodeArticles), which any of them kept
// would keep whole, body and all.
func (d *doc) own() {
	d.id, d.title = strings.Clone(d.id), strings.Clone(d.title)
	ownAll(d.speakers)
}

// ownAll copies each string of ss (see doc.own).
func ownAll(ss []string) {
	for i := range ss {
		ss[i] = strings.Clone(ss[i])
	}
}

// speakersOf returns the Speaker of each quote of a.
func speakersOf(a *model.Article) []string {
	if len(a.Quotes) == 0 {
		return nil
	}
	out := make([]string, len(a.Quotes))
	for i := range a.Quotes {
		out[i] = a.Quotes[i].Speaker
	}
	return out
}

// Add indexes one article. An article whose id is already indexed is
// skipped (ids are content hashes: the same id is the same brief); one with
// no id gets model.ArticleID of its title and body. It reports whether the
// article was added. To add many, AddBatch is faster.
func (ix *Index) Add(a model.Article) bool {
	return ix.AddBatch([]model.Article{a}) == 1
}

// batchChunk is how many articles AddBatch analyses before it takes the
// write lock to add them: searches wait at most one chunk.
const batchChunk = 1024

// AddBatch indexes many articles, analysing their text on all cores, and
// returns how many were added (see Add). Searches may run meanwhile: the
// write lock is taken for one chunk of articles at a time, while the next
// chunk is being analysed.
func (ix *Index) AddBatch(arts []model.Article) int {
	return ix.addBatch(arts, false)
}

// AddStored is AddBatch for articles the index's Briefs (SetBriefs) hold:
// it keeps only what searching needs of them (ids, titles, dates, postings)
// and reads an article back whole when a search needs it (phrases,
// snippets, quotes). Without Briefs it is AddBatch.
func (ix *Index) AddStored(arts []model.Article) int {
	return ix.addBatch(arts, ix.lean())
}

func (ix *Index) addBatch(arts []model.Article, lean bool) int {
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	workers := max(1, min(runtime.GOMAXPROCS(0), (len(arts)+63)/64))
	for k := range ix.analyzers {
		for len(ix.analyzers[k]) < workers {
			ix.analyzers[k] = append(ix.analyzers[k], newAnalyzer())
		}
	}
	var bufs [2][]prepared
	share := func(n int) int { return (n + workers - 1) / workers }
	// prepare analyses chunk with analyser set k; worker w takes a
	// contiguous share, so that its terms are merged in article order
	prepare := func(k int, chunk []model.Article) {
		if cap(bufs[k]) < len(chunk) {
			bufs[k] = make([]prepared, len(chunk))
		}
		bufs[k] = bufs[k][:len(chunk)]
		per := share(len(chunk))
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			from, to := w*per, min((w+1)*per, len(chunk))
			if from >= to {
				break
			}
			an := ix.analyzers[k][w]
			an.arena = an.arena[:0]
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := from; i < to; i++ {
					bufs[k][i] = an.prepare(chunk[i], ix.resolver)
				}
			}()
		}
		wg.Wait()
	}
	added := 0
	commit := func(k int) {
		preps := bufs[k]
		per := share(len(preps))
		ix.mu.Lock()
		defer ix.mu.Unlock()
		for i := range preps {
			if ix.commit(&preps[i], ix.analyzers[k][i/per], lean) {
				added++
			}
			preps[i] = prepared{}
		}
		for _, an := range ix.analyzers[k] {
			an.flushSurfaces(ix)
		}
	}
	// analyse chunk c+1 while chunk c is added
	var chunks [][]model.Article
	for lo := 0; lo < len(arts); lo += batchChunk {
		chunks = append(chunks, arts[lo:min(lo+batchChunk, len(arts))])
	}
	for c := range chunks {
		done := make(chan struct{})
		go func() {
			defer close(done)
			prepare(c%2, chunks[c])
		}()
		if c > 0 {
			commit((c - 1) % 2)
		}
		<-done
	}
	if len(chunks) > 0 {
		commit((len(chunks) - 1) % 2)
	}
	for _, set := range ix.analyzers {
		for _, an := range set {
			an.trim()
		}
	}
	return added
}

// commit adds one analysed article, whole unless lean. It runs under the
// write lock.
func (ix *Index) commit(p *prepared, an *analyzer, lean bool) bool {
	a := p.art
	if _, dup := ix.byID[a.ID]; dup {
		an.tally(&p.art, -1)
		return false
	}
	n := uint32(len(ix.docs))
	d := doc{id: a.ID, title: a.Title, published: a.Published, ents: make([]uint32, len(a.Entities)),
		speakers: speakersOf(&a), length: p.length}
	if !lean || p.madeID {
		d.art = &a
	} else {
		d.own()
	}
	ix.byID[d.id] = n
	if !a.Published.IsZero() && a.Published.Unix() > ix.newest {
		ix.newest = a.Published.Unix()
	}

	for i, e := range a.Entities {
		r := ix.internEntity(e, an.resolved)
		d.ents[i] = r
		re := ix.ents[r]
		inTitle := false
		for _, m := range e.Mentions {
			if m.Field == model.FieldTitle {
				inTitle = true
			}
		}
		cnt := len(e.Mentions)
		re.mentions += cnt
		re.postings = appendPosting(re.postings, entPosting{doc: n, mentions: clamp16(cnt), title: inTitle})
		ix.kinds[e.Kind] = appendPosting(ix.kinds[e.Kind], entPosting{doc: n, mentions: clamp16(cnt), title: inTitle})
	}
	for qi, q := range a.Quotes {
		ref := quoteRef{doc: n, q: uint32(qi)}
		ix.quotes = append(ix.quotes, ref)
		if q.SpeakerEntity != "" {
			r, ok := ix.entNum[q.SpeakerEntity]
			if !ok {
				// a speaker the article does not list among its entities
				kind, _, _ := strings.Cut(q.SpeakerEntity, ":")
				r = ix.internEntity(model.Entity{ID: q.SpeakerEntity, Kind: model.EntityKind(kind)}, nil)
				if q.Speaker != "" {
					ix.ents[r].noteName(q.Speaker)
					ix.addAlias(q.Speaker, r)
				}
			}
			ix.ents[r].quotes = append(ix.ents[r].quotes, ref)
		}
	}
	for _, tc := range p.terms {
		g := an.globalTerm(ix, tc.t)
		ix.postings[g] = append(ix.postings[g], textPosting{doc: n, tf: tc.c[0], ttf: tc.c[1]})
	}
	ix.totalLen += uint64(d.length)
	ix.docs = append(ix.docs, d)
	ix.dirty = true
	return true
}

// appendPosting adds p, folding it into the last posting when an article
// lists the same entity twice.
func appendPosting(ps []entPosting, p entPosting) []entPosting {
	if k := len(ps) - 1; k >= 0 && ps[k].doc == p.doc {
		ps[k].mentions = clamp16(int(ps[k].mentions) + int(p.mentions))
		ps[k].title = ps[k].title || p.title
		return ps
	}
	return append(ps, p)
}

func clamp16(n int) uint16 {
	if n > math.MaxUint16 {
		return math.MaxUint16
	}
	return uint16(n)
}

func (ix *Index) internEntity(e model.Entity, resolved map[string]string) uint32 {
	if r, ok := ix.entNum[e.ID]; ok {
		return r
	}
	r := uint32(len(ix.ents))
	re := &rawEntity{id: strings.Clone(e.ID), kind: e.Kind} // see doc.own
	if resolved != nil {
		re.resolved = resolved[e.ID]
	}
	ix.ents = append(ix.ents, re)
	ix.entNum[re.id] = r
	return r
}

// addAlias counts surface as a name of raw entity r.
func (ix *Index) addAlias(surface string, r uint32) {
	ix.addAliasKey(surface, nameKey(surface), r, 1)
}

// addAliasKey counts n uses of surface, folded to key, for raw entity r.
func (ix *Index) addAliasKey(surface, key string, r uint32, n int) {
	if key == "" {
		return
	}
	re := ix.ents[r]
	found := false
	for i := range re.aliases {
		if re.aliases[i].text == surface {
			re.aliases[i].n += n
			found = true
			break
		}
	}
	if !found {
		surface, key = strings.Clone(surface), strings.Clone(key) // see doc.own
		re.aliases = append(re.aliases, aliasCount{text: surface, key: key, n: n})
	}
	refs := ix.aliases[key]
	for i := range refs {
		if refs[i].ent == r {
			refs[i].n += uint32(n)
			return
		}
	}
	if len(refs) == 1 && strings.IndexByte(key, ' ') >= 0 {
		ix.sharedKeys = append(ix.sharedKeys, key) // now names two entities
	}
	ix.aliases[key] = append(refs, aliasRef{ent: r, n: uint32(n)})
}

// noteName counts one article giving name as the entity's Name.
func (re *rawEntity) noteName(name string) {
	re.names = addText(re.names, name, 1)
	if name != re.top {
		if t := topName(re.names); t != re.top {
			re.top, re.topKey = t, nameKey(t)
		}
	}
}

// read takes the read lock, first bringing the derived tables up to date.
// Call the returned function to release it.
func (ix *Index) read() func() {
	ix.mu.RLock()
	if ix.dirty {
		ix.mu.RUnlock()
		ix.mu.Lock()
		if ix.dirty {
			ix.derive()
		}
		ix.mu.Unlock()
		ix.mu.RLock()
	}
	return ix.mu.RUnlock
}

// canonOf returns the canonical raw entity of r.
func (ix *Index) canonOf(r uint32) uint32 {
	if int(r) < len(ix.canon) {
		return ix.canon[r]
	}
	return r
}

// group returns the raw members of canonical entity c.
func (ix *Index) group(c uint32) []uint32 {
	if m, ok := ix.members[c]; ok {
		return m
	}
	return []uint32{c}
}

// derive recomputes the canonical entities and the suggestion list. It runs
// under the write lock.
func (ix *Index) derive() {
	n := len(ix.ents)
	parent := make([]uint32, n)
	for i := range parent {
		parent[i] = uint32(i)
	}
	find := func(x uint32) uint32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	union := func(a, b uint32) {
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[ra] = rb
		}
	}

	// 1. the resolver ties a name to another id of the corpus.
	for i, e := range ix.ents {
		if e.resolved != "" && e.resolved != e.id {
			if r, ok := ix.entNum[e.resolved]; ok && ix.ents[r].kind == e.kind {
				union(uint32(i), r)
			}
		}
	}
	// 2. people sharing a folded alias of two words or more.
	for _, key := range ix.sharedKeys {
		refs := ix.aliases[key]
		var first uint32
		have := false
		for _, ref := range refs {
			if ix.ents[ref.ent].kind != model.KindPerson {
				continue
			}
			if have {
				union(first, ref.ent)
			} else {
				first, have = ref.ent, true
			}
		}
	}
	// 3. same surname, given names that are spelling variants.
	bySurname := map[string][]uint32{}
	for i, e := range ix.ents {
		if e.kind != model.KindPerson {
			continue
		}
		key := e.topKey
		if firstWord(key) == key {
			continue
		}
		bySurname[lastWord(key)] = append(bySurname[lastWord(key)], uint32(i))
	}
	for _, ids := range bySurname {
		for a := 0; a < len(ids); a++ {
			fa := firstWord(ix.ents[ids[a]].topKey)
			for b := a + 1; b < len(ids); b++ {
				fb := firstWord(ix.ents[ids[b]].topKey)
				// two people an article names side by side are two people
				if variantGiven(fa, fb) && !sharePosting(ix.ents[ids[a]].postings, ix.ents[ids[b]].postings) {
					union(ids[a], ids[b])
				}
			}
		}
	}
	// 4. a lone surname held by exactly one person group.
	surnames := map[string][]uint32{}
	for s, ids := range bySurname {
		var roots []uint32
		for _, id := range ids {
			roots = appendUnique(roots, find(id))
		}
		surnames[s] = roots
	}
	for i, e := range ix.ents {
		if e.kind != model.KindPerson {
			continue
		}
		key := e.topKey
		if key == "" || firstWord(key) != key {
			continue
		}
		if roots := surnames[key]; len(roots) == 1 {
			union(uint32(i), roots[0])
		}
	}

	// Pick each group's canonical member.
	groups := map[uint32][]uint32{}
	for i := range ix.ents {
		r := find(uint32(i))
		groups[r] = append(groups[r], uint32(i))
	}
	ix.canon = make([]uint32, n)
	ix.members = map[uint32][]uint32{}
	for _, ms := range groups {
		best := ms[0]
		for _, m := range ms[1:] {
			if ix.betterCanon(m, best) {
				best = m
			}
		}
		for _, m := range ms {
			ix.canon[m] = best
		}
		if len(ms) > 1 {
			sort.Slice(ms, func(a, b int) bool { return ms[a] < ms[b] })
			ix.members[best] = ms
		}
	}
	ix.surnames = map[string][]uint32{}
	for s, roots := range surnames {
		var cs []uint32
		for _, r := range roots {
			cs = appendUnique(cs, ix.canon[find(r)])
		}
		ix.surnames[s] = cs
	}
	ix.dirty = false
}

// betterCanon reports whether raw entity a makes a better canonical id than
// b: the gazetteer's id, else a full name (two words or more) over a lone
// one, then the one named in more articles ("Bernie Sanders" over a
// tagger's "Vermonter Bernie Sanders"), then more words.
func (ix *Index) betterCanon(a, b uint32) bool {
	ea, eb := ix.ents[a], ix.ents[b]
	ga, gb := ea.resolved == ea.id, eb.resolved == eb.id
	if ga != gb {
		return ga
	}
	wa, wb := strings.Count(ea.topKey, " "), strings.Count(eb.topKey, " ")
	if (wa > 0) != (wb > 0) {
		return wa > 0
	}
	if len(ea.postings) != len(eb.postings) {
		return len(ea.postings) > len(eb.postings)
	}
	if wa != wb {
		return wa > wb
	}
	return ea.id < eb.id
}

// sharePosting reports whether two posting lists have an article in common.
func sharePosting(a, b []entPosting) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].doc < b[j].doc:
			i++
		case a[i].doc > b[j].doc:
			j++
		default:
			return true
		}
	}
	return false
}

// variantGiven reports whether two folded given names are spelling variants.
func variantGiven(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 5 || len(b) < 5 || a[0] != b[0] {
		return false
	}
	d := editDistance(a, b)
	return d == 1 || d == 2 && len(a) >= 7 && len(b) >= 7
}

func appendUnique(s []uint32, v uint32) []uint32 {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// topName returns the most frequent of names, the longest on a tie.
func topName(names []textCount) string {
	best, bn := "", -1
	for _, c := range names {
		if s, n := c.text, c.n; n > bn || n == bn && (len(s) > len(best) || len(s) == len(best) && s < best) {
			best, bn = s, n
		}
	}
	return best
}

// recency scores how recent an article is, from 1 (the newest of the corpus)
// falling by half every 180 days; 0 when its date is unknown.
func (ix *Index) recency(n uint32) float64 {
	p := ix.docs[n].published
	if p.IsZero() || ix.newest == 0 {
		return 0
	}
	age := float64(ix.newest-p.Unix()) / float64(24*time.Hour/time.Second)
	if age < 0 {
		age = 0
	}
	return math.Exp2(-age / 180)
}
