package tagger

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefs/articles/lexicon"
)

// The fast path of TagDoc. It gives exactly the labels that Extractor,
// Greedy and History give (fast_test.go holds it to them), with far fewer
// lookups in the weight tables, which cost a cache miss each:
//
//   - the features of a word alone (its form, shape, affixes, clusters) and
//     those it gives its neighbours (LowerM1 of the next word is its lower
//     case) are summed once per distinct word and kept in a cache that
//     outlives the article (a scratch per concurrent call, so calls share nothing);
//   - features with few values (gazetteer codes, word classes, document
//     flags, previous labels, stage-one history codes) are summed into small
//     arrays when the model loads;
//   - features of two adjacent words (bigrams, a word with its neighbour's
//     shape) are summed once per distinct pair, for both stages at once
//     (their weights share a slot), and kept in a second cache;
//   - features of a word with its document flags, stage-one history code
//     or previous label are kept with the word for every value it meets;
//   - all these sums are interned (scratch.parts): a rare word, whose own
//     weights the model mostly lacks, and most pairs share theirs, so the
//     caches stay small, and on long runs of text, where TagDoc waits on
//     memory more than it computes, a token reads few cache lines.
//
// A token of words and pairs seen before costs a handful of array additions
// and rarely a lookup; a new word costs 26 lookups and a new pair 7, where the
// plain scorer makes 42-47 per token and stage. Sums are exact integers as in
// the plain scorer (packed two labels to an int64, see psums), so the order
// of addition changes nothing. Everything that does not depend on labels is
// summed for both stages in one pass over each sentence (static), leaving
// the greedy passes (tagSentence, stage one right after static, while the
// sums are in the first-level cache) a few additions per token. Memory per
// scratch: up to 32k words of 320 bytes (10 MB), ~40k interned parts of
// 80 bytes for news text (emptied with the words past maxParts), a word
// index of 1.5 MB and a pair index of 4 MB; one scratch stays with the
// model (a collection does not empty it), others wait in a sync.Pool. On PolNeAR train with warm
// caches (BenchmarkTagDocPolNeAR) that is 5.8-6.4M tokens per CPU second
// (2026-11-25; 4.2M side by side before the sums moved into registers),
// 2.8-2.9M before these caches were packed and interned.

// Parts of a word's cached sums. The base comes last: it is kept in the
// entry itself, the others as indices (wordEntry.part).
const (
	pM1   = iota // as the previous word: LowerM1, ShapeM1, ClusM1
	pP1          // as the next word: LowerP1, ShapeP1, ClusP1
	pM2          // LowerM2
	pP2          // LowerP2
	pP1O         // P1Lower and P1Shape after O
	pBase        // bias, word, lower, shape, affixes, length, clusters; GazShape outside gazetteer names (wordEntry.base adds pP1O)
	nParts
)

// Index ranges of the small tables.
const (
	nGaz   = 13 // gazetteer codes 0..11, and 12 for past the sentence's end (99)
	nClass = 7  // word classes 0..5, and 6 for past the end (9)
	nHist  = 12 // history codes: 0 for 15 (seen nowhere else, the commonest), 1..10 for 0..9, 11 for past the end (31)
	nDoc   = 16 // document flags
)

type sums = [NumLabels]int32

// psums are one stage's sums packed two labels to an int64: lane k holds
// labels 2k and 2k+1 as int64(s[2k+1])<<32 + int64(s[2k]), the last lane
// label 8 alone. Packed values add as plain int64s, exactly: the low half
// of a sum is its even label (every sum fits an int32, as in the plain
// scorer) and the rest, shifted down, its odd one. So a token's sums take 5
// additions instead of 9.
type psums [5]int64

// dsums are the packed sums of both stages side by side.
type dsums [2]psums

func pack(s *sums) psums {
	return psums{
		int64(s[1])<<32 + int64(s[0]),
		int64(s[3])<<32 + int64(s[2]),
		int64(s[5])<<32 + int64(s[4]),
		int64(s[7])<<32 + int64(s[6]),
		int64(s[8]),
	}
}

func packD(s *[2]sums) dsums { return dsums{pack(&s[0]), pack(&s[1])} }

func unpack(p *psums) sums {
	l0, l1, l2, l3 := int32(p[0]), int32(p[1]), int32(p[2]), int32(p[3])
	return sums{
		l0, int32((p[0] - int64(l0)) >> 32),
		l1, int32((p[1] - int64(l1)) >> 32),
		l2, int32((p[2] - int64(l2)) >> 32),
		l3, int32((p[3] - int64(l3)) >> 32),
		int32(p[4]),
	}
}

// Range test of packed sums: sums in [-2^24, 2^24), those that convert to
// float32 exactly, are those that inBias brings into [0, 2^25) in both
// halves of a lane, leaving no bit of outOfRange set. A half out of the
// range sets one: past 2^25 a bit of its own, below zero its top bit (or,
// for the high half, the lane's top bit, as adding its borrow leaves it).
const (
	inBias     = 1<<56 | 1<<24
	outOfRange = ^uint64(1<<57 - 1<<32 | 1<<25 - 1)
)

// exact tells whether every sum of acc is in [-2^24, 2^24).
func exact(acc *psums) bool { return exactLanes(acc[0], acc[1], acc[2], acc[3], acc[4]) }

// exactLanes is exact of the lanes a0..a4.
func exactLanes(a0, a1, a2, a3, a4 int64) bool {
	return (uint64(a0+inBias)|uint64(a1+inBias)|uint64(a2+inBias)|uint64(a3+inBias))&outOfRange == 0 &&
		uint64(a4+1<<24) < 1<<25
}

// bestWide is bestOf through Best, for sums that float32 may not hold exactly.
func bestWide(acc *psums, prev Label) Label {
	s := unpack(acc)
	var scores [NumLabels]float32
	for l := range NumLabels {
		scores[l] = float32(s[l])
	}
	return Best(&scores, prev)
}

// bestOf is Best of the packed sums a0..a4 (one stage's lanes, passed in
// registers): the first highest-scoring label allowed after prev, that is
// O, any B- label, or the I- label of prev's type. Sums below 2^24 in magnitude convert to float32
// exactly, so they compare as integers; larger ones go through Best.
// Written out: this runs twice per token.
func bestOf(a0, a1, a2, a3, a4 int64, prev Label) Label {
	if !exactLanes(a0, a1, a2, a3, a4) {
		return bestWide(&psums{a0, a1, a2, a3, a4}, prev)
	}
	s0, s2, s4, s6 := int32(a0), int32(a1), int32(a2), int32(a3)
	s1, s3 := int32((a0-int64(s0))>>32), int32((a1-int64(s2))>>32)
	s5, s7 := int32((a2-int64(s4))>>32), int32((a3-int64(s6))>>32)
	s8 := int32(a4)
	in := Label(0) // the I- label allowed after prev, if any
	if prev != 0 {
		in = Inside(prev.Type())
	}
	best, bs := Label(0), s0
	if s1 > bs {
		best, bs = 1, s1
	}
	if in == 2 && s2 > bs {
		best, bs = 2, s2
	}
	if s3 > bs {
		best, bs = 3, s3
	}
	if in == 4 && s4 > bs {
		best, bs = 4, s4
	}
	if s5 > bs {
		best, bs = 5, s5
	}
	if in == 6 && s6 > bs {
		best, bs = 6, s6
	}
	if s7 > bs {
		best, bs = 7, s7
	}
	if in == 8 && s8 > bs {
		best = 8
	}
	return best
}

// fixedPacked are the small tables TagDoc adds, packed, both stages side by side.
type fixedPacked struct {
	bM1, bP1, bM2, bP2 dsums
	gazWin             [nGaz][nGaz - 1][nGaz]dsums
	classWin           [nClass][nClass][nClass]dsums
	docClass, upperDoc [nDoc][nClass]dsums
	p1All              [NumLabels][NumLabels][nGaz - 1]dsums
	histWin            [nHist][nHist - 1][nHist]psums // stage two only
}

// fixedSums are one stage's sums of the features with few values.
type fixedSums struct {
	bM1, bP1, bM2, bP2 sums // neighbours past the sentence's ends
	gazM1, gaz, gazP1  [nGaz]sums
	classWin           [nClass][nClass][nClass]sums // previous, own, next class
	docClass, upperDoc [nDoc][nClass]sums
	p1                 [NumLabels]sums
	p1p2               [NumLabels][NumLabels]sums
	p1Gaz              [NumLabels][nGaz]sums
	hist               [nHist]sums
	histM1, histP1     [nHist][nHist]sums // by (previous, own) and (own, next)

	// The above added up as a token meets them: fewer additions per token.
	gazWin  [nGaz][nGaz - 1][nGaz]sums           // gazM1 + gaz + gazP1 by previous, own, next code
	p1All   [NumLabels][NumLabels][nGaz - 1]sums // p1 + p1p2 + p1Gaz by p1, p2, own code
	histWin [nHist][nHist - 1][nHist]sums        // hist + histM1 + histP1 by previous, own, next code
}

// combine fills the added-up tables.
func (f *fixedSums) combine() {
	for a := range nGaz {
		for b := range nGaz - 1 {
			for c := range nGaz {
				s := &f.gazWin[a][b][c]
				addSums(s, &f.gazM1[a])
				addSums(s, &f.gaz[b])
				addSums(s, &f.gazP1[c])
			}
		}
	}
	for p := range NumLabels {
		for q := range NumLabels {
			for g := range nGaz - 1 {
				s := &f.p1All[p][q][g]
				addSums(s, &f.p1[p])
				addSums(s, &f.p1p2[p][q])
				addSums(s, &f.p1Gaz[p][g])
			}
		}
	}
	for a := range nHist {
		for b := range nHist - 1 { // a token's own code is never "past the end"
			for c := range nHist {
				s := &f.histWin[a][b][c]
				addSums(s, &f.hist[b])
				addSums(s, &f.histM1[a][b])
				addSums(s, &f.histP1[b][c])
			}
		}
	}
}

func gazValue(i int) uint64 {
	if i == nGaz-1 {
		return 99
	}
	return uint64(i)
}

func classValue(i int) uint64 {
	if i == nClass-1 {
		return 9
	}
	return uint64(i)
}

func histValue(i int) uint64 {
	switch i {
	case 0:
		return 15
	case 11:
		return 31
	}
	return uint64(i - 1)
}

func histIndex(code uint8) int {
	switch code {
	case 15:
		return 0
	case 31:
		return 11
	}
	return int(code) + 1
}

func clusEnc(k uint64) uint64 { return k&0xFFFF | k>>32<<20 }

// add adds the stage-st weights of feature key to acc.
func (t *table) add(acc *sums, key uint64, st int) {
	if r := t.row(key); r != nil {
		addRow(acc, &r[st])
	}
}

// add2 adds the weights of feature key in stage one to a and in stage two to b.
func (t *table) add2(a, b *sums, key uint64) {
	if r := t.row(key); r != nil {
		addRow(a, &r[0])
		addRow(b, &r[1])
	}
}

// sub2 takes the weights of feature key in stage one from a and in stage two from b.
func (t *table) sub2(a, b *sums, key uint64) {
	if r := t.row(key); r != nil {
		for l := range NumLabels {
			a[l] -= int32(r[0][l])
			b[l] -= int32(r[1][l])
		}
	}
}

// stageTable is the table seen from one stage.
type stageTable struct {
	t  *table
	st int
}

func (s stageTable) add(acc *sums, key uint64) { s.t.add(acc, key, s.st) }

func addRow(acc *sums, r *[NumLabels]int16) {
	// Unrolled: the compiler does not unroll loops.
	acc[0] += int32(r[0])
	acc[1] += int32(r[1])
	acc[2] += int32(r[2])
	acc[3] += int32(r[3])
	acc[4] += int32(r[4])
	acc[5] += int32(r[5])
	acc[6] += int32(r[6])
	acc[7] += int32(r[7])
	acc[8] += int32(r[8])
}

func addSums(acc, s *sums) {
	// Unrolled: the compiler does not unroll loops.
	acc[0] += s[0]
	acc[1] += s[1]
	acc[2] += s[2]
	acc[3] += s[3]
	acc[4] += s[4]
	acc[5] += s[5]
	acc[6] += s[6]
	acc[7] += s[7]
	acc[8] += s[8]
}

// buildFixed fills the small tables of both stages.
func (m *Model) buildFixed() {
	fixed := new([2]fixedSums)
	for st := range fixed {
		t, f := stageTable{&m.w, st}, &fixed[st]
		t.add(&f.bM1, mix(tLowerM1, hStart))
		t.add(&f.bM1, mix(tShapeM1, hStart))
		t.add(&f.bM1, mix(tClusM1, clusEnc(3<<32)))
		t.add(&f.bP1, mix(tLowerP1, hEnd))
		t.add(&f.bP1, mix(tShapeP1, hEnd))
		t.add(&f.bP1, mix(tClusP1, clusEnc(5<<32)))
		t.add(&f.bM2, mix(tLowerM2, hStart))
		t.add(&f.bP2, mix(tLowerP2, hEnd))
		for g := range nGaz {
			t.add(&f.gazM1[g], mix(tGazM1, gazValue(g)))
			t.add(&f.gaz[g], mix(tGaz, gazValue(g)))
			t.add(&f.gazP1[g], mix(tGazP1, gazValue(g)))
			for p := range NumLabels {
				t.add(&f.p1Gaz[p][g], mix(tP1Gaz, uint64(p)<<8|gazValue(g)))
			}
		}
		for a := range nClass {
			for b := range nClass {
				for c := range nClass {
					t.add(&f.classWin[a][b][c], mix(tClassWindow, classValue(a)<<8|classValue(b)<<4|classValue(c)))
				}
			}
		}
		for d := range nDoc {
			for c := range nClass {
				t.add(&f.docClass[d][c], mix(tDocClass, uint64(d)<<4|classValue(c)))
				t.add(&f.upperDoc[d][c], mix(tUpperDoc, uint64(d)<<4|classValue(c)))
			}
		}
		for p := range NumLabels {
			t.add(&f.p1[p], mix(tP1, uint64(p)))
			for q := range NumLabels {
				t.add(&f.p1p2[p][q], mix(tP1P2, uint64(p)<<8|uint64(q)))
			}
		}
		for h := range nHist {
			t.add(&f.hist[h], mix(tHist, histValue(h)))
			for o := range nHist {
				t.add(&f.histM1[o][h], mix(tHistM1, histValue(o)<<8|histValue(h)))
				t.add(&f.histP1[h][o], mix(tHistP1, histValue(h)<<8|histValue(o)))
			}
		}
		f.combine()
	}
	a, b, p := &fixed[0], &fixed[1], &m.fx
	both := func(x, y *sums) dsums { return dsums{pack(x), pack(y)} }
	p.bM1, p.bP1, p.bM2, p.bP2 = both(&a.bM1, &b.bM1), both(&a.bP1, &b.bP1), both(&a.bM2, &b.bM2), both(&a.bP2, &b.bP2)
	for i := range p.gazWin {
		for j := range p.gazWin[i] {
			for k := range p.gazWin[i][j] {
				p.gazWin[i][j][k] = both(&a.gazWin[i][j][k], &b.gazWin[i][j][k])
			}
		}
	}
	for i := range p.classWin {
		for j := range p.classWin[i] {
			for k := range p.classWin[i][j] {
				p.classWin[i][j][k] = both(&a.classWin[i][j][k], &b.classWin[i][j][k])
			}
		}
	}
	for i := range p.docClass {
		for j := range p.docClass[i] {
			p.docClass[i][j] = both(&a.docClass[i][j], &b.docClass[i][j])
			p.upperDoc[i][j] = both(&a.upperDoc[i][j], &b.upperDoc[i][j])
		}
	}
	for i := range p.p1All {
		for j := range p.p1All[i] {
			for k := range p.p1All[i][j] {
				p.p1All[i][j][k] = both(&a.p1All[i][j][k], &b.p1All[i][j][k])
			}
		}
	}
	for i := range p.histWin {
		for j := range p.histWin[i] {
			for k := range p.histWin[i][j] {
				p.histWin[i][j][k] = pack(&b.histWin[i][j][k])
			}
		}
	}
}

// wordEntry is what the tagger knows of one distinct word whatever its context.
type wordEntry struct {
	// Fields in the order a token first needs them, in 320 bytes: five
	// cache lines, on whose boundaries the entries of a large ents array
	// fall. The first line holds what addEvidence, then static for a
	// word and its neighbours read; static then reads base and doc.

	// Keys of document evidence (see Doc): the word itself, strings.ToLower
	// of it, and its rune-by-rune lower case, interned in the scratch.
	selfID, addID, getID int32
	nUp, nLow            int32 // upper- and lower-case letters

	// The parts other than pBase, as indices into scratch.parts: parts are
	// interned, so that a rare word, whose own weights the model mostly
	// lacks, shares them with every word of its shape and cluster (and
	// all-zero parts are parts[0]), and its entry stays a few cache lines.
	part [pBase]int32

	firstLower bool // starts with a lower-case letter
	firstUpper bool // starts with a capital
	openQuote  bool // isOpenQuote
	corp       bool // a company word (corpWords)
	title      bool // a personal title (personTitles)
	letter     bool // has a letter
	class      uint8

	lower, shape uint64 // as in tokenInfo

	base dsums // the pBase part and the pP1O part, both stages

	// The sums of the features this word makes with its document flags
	// (DocLower, both stages), with the previous label when not O (P1Lower
	// and P1Shape, by stage and label-1) and with its stage-one history
	// code (HistShape and HistLower, stage two, by histIndex), for each
	// value it has met, as indices into scratch.parts plus one (0: not
	// yet). They change from article to article but take few values. The
	// values of 98-99% of tokens (flags 0-3, history codes 15 and 0-6)
	// share base's last cache line (docPart, histPart), the rest follow.
	docHot   [nDocHot]int32
	histHot  [nHistHot]int32
	p1       [2][NumLabels - 1]int32
	docRest  [nDoc - nDocHot]int32
	histRest [nHist - 1 - nHistHot]int32

	coarse uint32 // tokenInfo.clus>>16, the coarse cluster
}

// The values of wordEntry.doc and hist kept beside base.
const (
	nDocHot  = 4
	nHistHot = 8
)

// docPart is the part of e's DocLower features with document flags d.
func (e *wordEntry) docPart(d int) *int32 {
	if d < nDocHot {
		return &e.docHot[d]
	}
	return &e.docRest[d-nDocHot]
}

// histPart is the part of e's HistShape and HistLower features with the
// history code of index hi (histIndex).
func (e *wordEntry) histPart(hi int) *int32 {
	if hi < nHistHot {
		return &e.histHot[hi]
	}
	return &e.histRest[hi-nHistHot]
}

// maxWords bounds the word cache of one scratch (320 bytes a word and its
// share of the interned parts);
// a fuller cache is emptied before the next article.
const maxWords = 1 << 15

// maxPairs bounds the cache of adjacent word pairs (16 bytes of index a pair: their
// sums are interned parts, most of them shared by the many pairs whose
// words the model has no pair weights for). Pairs met once it is full are
// summed afresh each time.
const maxPairs = 1 << 18

// initialSlots is the first size of the word and pair indexes: a scratch
// that tags a few briefs (the built-in ones, at start) does not clear
// megabytes it will not use; the indexes double as they fill.
const initialSlots = 1 << 12

// maxParts bounds the interned parts (80 bytes each); a scratch with more
// is emptied before the next article.
const maxParts = 1 << 17

// scratch is the working memory of TagDoc: the word cache, which lasts, and
// per-article arrays, which are reused.
type scratch struct {
	words  wordIndex // word -> ents
	ents   []wordEntry
	parts  []dsums          // interned parts of entries; parts[0] is zero
	partOf map[dsums]int32  // parts -> index
	pairs  pairIndex        // pairKey(a, b) -> its parts
	keys   map[string]int32 // interned evidence keys
	fx     Extractor        // for fillWord

	// Per article, by evidence key id.
	ev  []evidence
	gen uint32

	// Per token of the article.
	tok   []int32 // entry
	gaz   []uint8 // gazetteer code
	doc   []uint8 // document flags
	hist  []uint8 // stage-one history code, as its index (histIndex)
	get   []int32 // the entry's getID, read here rather than from the entry again
	add   []int32 // the entry's addID if it has a letter, else -1 (history's key)
	stat  []dsums // per stage, the sums of the features that do not depend on labels
	first []Label // stage-one labels
	web   bool    // the article reads as web text (styleCount.web)
}

// evidence is what an article says of one evidence key (see Doc and
// History); its values are stale unless seen is the scratch's gen.
type evidence struct {
	seen   uint32
	flags  uint8
	code0  uint8 // history's code for a token of the key labelled O, plus one; 0 until worked out
	counts [5]int32
}

// begin readies the scratch for a new article.
func (sc *scratch) begin() {
	if len(sc.ents) > maxWords || len(sc.parts) > maxParts {
		sc.words.clear()
		clear(sc.keys)
		sc.ents = sc.ents[:0]
		sc.parts = sc.parts[:1]
		clear(sc.partOf)
		sc.pairs.clear()
		sc.ev = sc.ev[:0]
	}
	sc.gen++
	if sc.gen == 0 {
		for i := range sc.ev {
			sc.ev[i].seen = 0
		}
		sc.gen = 1
	}
	sc.tok, sc.gaz, sc.doc, sc.hist, sc.stat, sc.first = sc.tok[:0], sc.gaz[:0], sc.doc[:0], sc.hist[:0], sc.stat[:0], sc.first[:0]
	sc.get, sc.add = sc.get[:0], sc.add[:0]
}

// key interns an evidence key.
func (sc *scratch) key(s string) int32 {
	if id, ok := sc.keys[s]; ok {
		return id
	}
	id := int32(len(sc.ev))
	sc.keys[strings.Clone(s)] = id
	sc.ev = append(sc.ev, evidence{})
	return id
}

// fresh makes key id current in this article.
func (sc *scratch) fresh(id int32) {
	if v := &sc.ev[id]; v.seen != sc.gen {
		*v = evidence{seen: sc.gen}
	}
}

func (sc *scratch) flag(id int32, f uint8) {
	sc.fresh(id)
	sc.ev[id].flags |= f
}

func (sc *scratch) flagsOf(id int32) uint8 {
	if v := &sc.ev[id]; v.seen == sc.gen {
		return v.flags
	}
	return 0
}

// intern returns the index of p in sc.parts, adding it if new.
func (sc *scratch) intern(p dsums) int32 {
	if p == (dsums{}) {
		return 0
	}
	if id, ok := sc.partOf[p]; ok {
		return id
	}
	id := int32(len(sc.parts))
	sc.parts = append(sc.parts, p)
	sc.partOf[p] = id
	return id
}

// entry returns the cache index of word w, adding it if new.
func (sc *scratch) entry(m *Model, w string) int32 {
	h := lexicon.WordHash(w) // a few loads, where hstr's FNV went byte by byte
	sl := sc.words.find(h, w)
	if sl.id != 0 {
		return sl.id - 1
	}
	w = strings.Clone(w) // the word is a piece of the article: keep only the word
	var e wordEntry
	lower := string(sc.fx.lowerBytes(w))
	var ti tokenInfo
	sc.fx.fillWord(&ti, m.lex, nil, w)
	t := &ti
	e.lower, e.shape, e.coarse, e.class = t.lower, t.shape, uint32(t.clus>>16), uint8(t.class)
	var ws [2][nParts]sums
	s1, s2 := &ws[0], &ws[1]
	add := func(part int, key uint64) { m.w.add2(&s1[part], &s2[part], key) }
	add(pBase, mix(tBias, 0))
	add(pBase, mix(tWord, t.word))
	add(pBase, mix(tLower, t.lower))
	add(pBase, mix(tShape, t.shape))
	add(pBase, mix(tPre2, t.pre[0]))
	add(pBase, mix(tPre3, t.pre[1]))
	add(pBase, mix(tPre4, t.pre[2]))
	add(pBase, mix(tSuf1, t.suf[0]))
	add(pBase, mix(tSuf2, t.suf[1]))
	add(pBase, mix(tSuf3, t.suf[2]))
	add(pBase, mix(tSuf4, t.suf[3]))
	add(pBase, mix(tLenClass, t.length<<4|t.class))
	add(pBase, mix(tClus, clusEnc(t.clus)))
	add(pBase, mix(tClusCoarse, t.clus>>16))
	add(pBase, mix(tClusShape, mix(t.clus, t.shape)))
	add(pBase, mix(tGazShape, mix(0, t.shape)))
	add(pM1, mix(tLowerM1, t.lower))
	add(pM1, mix(tShapeM1, t.shape))
	add(pM1, mix(tClusM1, clusEnc(t.clus)))
	add(pP1, mix(tLowerP1, t.lower))
	add(pP1, mix(tShapeP1, t.shape))
	add(pP1, mix(tClusP1, clusEnc(t.clus)))
	add(pM2, mix(tLowerM2, t.lower))
	add(pP2, mix(tLowerP2, t.lower))
	add(pP1O, mix(tP1Lower, mix(0, t.lower)))
	add(pP1O, mix(tP1Shape, mix(0, t.shape)))
	// P1Lower and P1Shape after O, the usual previous label, are counted
	// in base as well as kept as a part: tagSentence takes them out again
	// when the previous label is not O.
	addSums(&s1[pBase], &s1[pP1O])
	addSums(&s2[pBase], &s2[pP1O])
	e.base = dsums{pack(&s1[pBase]), pack(&s2[pBase])}
	for part := range pBase {
		e.part[part] = sc.intern(dsums{pack(&s1[part]), pack(&s2[part])})
	}
	r, _ := utf8.DecodeRuneInString(w)
	e.firstLower, e.firstUpper = unicode.IsLower(r), unicode.IsUpper(r)
	addKey := strings.ToLower(w)
	e.addID, e.getID, e.selfID = sc.key(addKey), sc.key(lower), -1
	if e.firstLower {
		e.selfID = sc.key(w)
	}
	e.openQuote, e.corp, e.title, e.letter = isOpenQuote(w), corpWords[addKey], personTitles[addKey], hasLetter(w)
	for _, r := range w {
		if unicode.IsUpper(r) {
			e.nUp++
		} else if unicode.IsLower(r) {
			e.nLow++
		}
	}
	id := int32(len(sc.ents))
	sc.ents = append(sc.ents, e)
	sc.words.put(sl, h, w, id)
	return id
}

// wordIndex maps a word to its entry: open addressing on a 32-bit hash of
// the word with linear probing, at most half full. A word of up to 15 bytes
// is kept in its slot, so that finding it reads one slot of 24 bytes where
// a Go map reads a control word, a key and the key's bytes elsewhere.
type wordIndex struct {
	slots []wordSlot
	long  []string // longer words, by wordSlot.long
	n     int
}

// wordSlot is one slot of wordIndex.
type wordSlot struct {
	n  uint8    // the word's length, or 255 for a longer word
	b  [15]byte // the word, when it fits; else b[:4] is its index in long
	h  uint32   // its hash
	id int32    // entry + 1; 0 is empty
}

// find returns the slot of word w of hash h, or the free slot for it.
func (x *wordIndex) find(h uint32, w string) *wordSlot {
	if x.slots == nil {
		x.slots = make([]wordSlot, initialSlots) // put doubles it as it fills
	}
	mask := uint32(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &x.slots[i]
		if sl.id == 0 {
			return sl
		}
		if sl.h != h {
			continue
		}
		if len(w) <= len(sl.b) {
			if int(sl.n) == len(w) && string(sl.b[:len(w)]) == w {
				return sl
			}
		} else if sl.n == 255 && x.long[binary.LittleEndian.Uint32(sl.b[:4])] == w {
			return sl
		}
	}
}

// put fills the free slot sl, which find returned, with word w of hash h
// and entry id, and grows the index when it is half full.
func (x *wordIndex) put(sl *wordSlot, h uint32, w string, id int32) {
	*sl = wordSlot{n: 255, h: h, id: id + 1}
	if len(w) <= len(sl.b) {
		sl.n = uint8(copy(sl.b[:], w))
	} else {
		binary.LittleEndian.PutUint32(sl.b[:4], uint32(len(x.long)))
		x.long = append(x.long, w)
	}
	x.n++
	if 2*x.n > len(x.slots) {
		old := x.slots
		x.slots = make([]wordSlot, 2*len(old))
		mask := uint32(len(x.slots) - 1)
		for _, o := range old {
			if o.id == 0 {
				continue
			}
			i := o.h & mask
			for x.slots[i].id != 0 {
				i = (i + 1) & mask
			}
			x.slots[i] = o
		}
	}
}

func (x *wordIndex) clear() {
	if len(x.slots) > 2*maxWords {
		x.slots = nil // back to the usual size
	}
	clear(x.slots)
	clear(x.long)
	x.long = x.long[:0]
	x.n = 0
}

// getScratch returns the model's resident scratch if no other call holds
// it, else one from the pool, else a new one.
func (m *Model) getScratch() *scratch {
	if sc := m.resident.Swap(nil); sc != nil {
		return sc
	}
	if sc, _ := m.pool.Get().(*scratch); sc != nil {
		return sc
	}
	return &scratch{keys: map[string]int32{}, parts: make([]dsums, 1), partOf: map[dsums]int32{}}
}

// putScratch gives sc back: to the resident place when it is free (a
// collection does not empty it, so one caller after another always finds
// its words cached), else to the pool, which a collection may empty.
func (m *Model) putScratch(sc *scratch) {
	if !m.resident.CompareAndSwap(nil, sc) {
		m.pool.Put(sc)
	}
}

// TagDoc tags the sentences of one article and returns one BIO label per
// word. Stage one tags each sentence; stage two tags them again knowing what
// stage one said about the same words elsewhere in the article.
func (m *Model) TagDoc(sents []Sentence) [][]Label {
	sc := m.getScratch()
	defer m.putScratch(sc)
	sc.begin()
	for _, s := range sents {
		start := len(sc.tok)
		for _, w := range s.Words {
			sc.tok = append(sc.tok, sc.entry(m, w))
		}
		sc.addEvidence(sc.tok[start:])
		// the keys later passes need, while the entries are in cache:
		// those passes then read the article's tokens in order
		for _, id := range sc.tok[start:] {
			e := &sc.ents[id]
			k := int32(-1)
			if e.letter {
				k = e.addID
			}
			sc.get, sc.add = append(sc.get, e.getID), append(sc.add, k)
		}
		sc.gaz = append(sc.gaz, make([]uint8, len(s.Words))...)
		if m.lex != nil && m.lex.Gaz != nil {
			gz := sc.gaz[start:]
			matches := s.Matches
			if !s.Found {
				matches = m.lex.Gaz.Find(s.Words, s.Upper)
			}
			for _, mt := range matches {
				if mt.Entry.World {
					continue // not a feature (gazetteer.Entry.World)
				}
				c := uint8(gazCode(mt.Entry.Kind))
				gz[mt.Start] = c * 2
				for k := mt.Start + 1; k < mt.End; k++ {
					gz[k] = c*2 + 1
				}
			}
		}
	}
	var style styleCount
	for _, s := range sents {
		style.add(s.Words)
	}
	sc.web = style.web()
	n := len(sc.tok)
	for _, id := range sc.get {
		sc.doc = append(sc.doc, sc.flagsOf(id))
	}
	// Stage one tags each sentence as soon as its static sums are made,
	// stage two as soon as its history sums are added: while they are
	// still in the processor's first cache.
	sc.first = append(sc.first, make([]Label, n)...)
	sc.stat = slices.Grow(sc.stat[:0], n)[:n] // static writes every token's
	off := 0
	for _, s := range sents {
		m.static(sc, s, off)
		m.tagSentence(sc, off, len(s.Words))
		off += len(s.Words)
	}
	sc.history()
	flat := make([]Label, n)
	out := make([][]Label, len(sents))
	off = 0
	for k, s := range sents {
		n := len(s.Words)
		m.tagSentence2(sc, off, n, flat)
		out[k] = flat[off : off+n : off+n]
		off += n
	}
	return out
}

// addEvidence records one sentence's document evidence as Doc.Add does.
func (sc *scratch) addEvidence(tok []int32) {
	up, low := int32(0), int32(0)
	for _, e := range tok {
		up += sc.ents[e].nUp
		low += sc.ents[e].nLow
	}
	upper := up >= 4 && low*5 < up
	for i, id := range tok {
		e := &sc.ents[id]
		switch {
		case e.firstLower:
			sc.flag(e.selfID, seenLower)
		case e.firstUpper && i > 0 && !upper && !sc.ents[tok[i-1]].openQuote:
			sc.flag(e.addID, seenCapMid)
		}
		if !e.firstUpper {
			continue
		}
		if e.corp {
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				ej := &sc.ents[tok[j]]
				if !ej.firstUpper {
					break
				}
				sc.flag(ej.addID, seenCorp)
			}
		}
		if i > 0 && sc.ents[tok[i-1]].title {
			sc.flag(e.addID, seenPerson)
		}
	}
}

// history sets the stage-two history codes from the stage-one labels, as
// NewHistory and History.Codes do.
func (sc *scratch) history() {
	first := sc.first[:len(sc.add)]
	for i, k := range sc.add {
		if k >= 0 {
			sc.fresh(k)
			sc.ev[k].counts[first[i].Type()]++
		}
	}
	for i, k := range sc.add {
		code := uint8(15)
		if k >= 0 {
			// most tokens are labelled O, and all of one word's O tokens
			// get the same code: worked out once per word and article
			v, t := &sc.ev[k], first[i].Type()
			if t == 0 && v.code0 != 0 {
				code = v.code0 - 1
			} else {
				code = historyCode(v.counts, t)
				if t == 0 {
					v.code0 = code + 1
				}
			}
		}
		sc.hist = append(sc.hist, uint8(histIndex(code)))
	}
}

// historyCode is the history code of a token of type t whose key has, in
// the article, counts of each type (the token's own included): the
// majority type of the others, ties going to a type over None, then to the
// first type (as History.Codes has it), written out.
func historyCode(cc [5]int32, t Type) uint8 {
	cc[t]--
	total := cc[0] + cc[1] + cc[2] + cc[3] + cc[4]
	if total <= 0 {
		return 15
	}
	best := 0
	if cc[1] >= cc[best] {
		best = 1
	}
	if cc[2] > cc[best] || cc[2] == cc[best] && best == 0 {
		best = 2
	}
	if cc[3] > cc[best] || cc[3] == cc[best] && best == 0 {
		best = 3
	}
	if cc[4] > cc[best] || cc[4] == cc[best] && best == 0 {
		best = 4
	}
	code := uint8(best) * 2
	if cc[best] == total {
		code++
	}
	return code
}

// Ends of a sentence as the words of a pair.
const (
	sentenceStart int32 = -1
	sentenceEnd   int32 = -2
)

// pairIndex maps a pair key to the pair's two parts: open addressing with
// linear probing, at most half full (a Go map costs twice as much here).
type pairIndex struct {
	slots []pairSlot
	n     int    // pairs held
	sink  uint32 // what touch read, per scratch: no shared write between taggers
}

// pairSlot is one slot of pairIndex, 8 bytes so that the index is small
// enough to stay in cache: the key (pairKey) and the parts (indices into
// scratch.parts) of the pair's features of its second word and of its
// first. Pairs of words or parts past 16 bits are not indexed.
type pairSlot struct {
	key  uint32 // 0 is empty
	b, a uint16
}

// pairKey is the index key of the pair of entries a b (either may be a
// sentence end), or 0 when one is past 16 bits.
func pairKey(a, b int32) uint32 {
	if a+3 >= 1<<16 || b+3 >= 1<<16 {
		return 0
	}
	return uint32(a+3)<<16 | uint32(b+3)
}

// find returns the slot of key and whether key is there, or the free slot for it.
func (p *pairIndex) find(key uint32) (*pairSlot, bool) {
	if p.slots == nil {
		p.slots = make([]pairSlot, initialSlots) // put doubles it as it fills
	}
	mask := uint64(len(p.slots) - 1)
	k := key
	for s := (uint64(key) * 0x9E3779B97F4A7C15 >> 40) & mask; ; s = (s + 1) & mask {
		switch sl := &p.slots[s]; sl.key {
		case k:
			return sl, true
		case 0:
			return sl, false
		}
	}
}

// put stores the parts of key in slot sl, which find returned for it,
// unless a part is past 16 bits.
func (p *pairIndex) put(sl *pairSlot, key uint32, b, a int32) {
	if b >= 1<<16 || a >= 1<<16 {
		return
	}
	*sl = pairSlot{key, uint16(b), uint16(a)}
	p.n++
	if 2*p.n > len(p.slots) && len(p.slots) < 2*maxPairs {
		old := p.slots
		p.slots = make([]pairSlot, 2*len(old))
		mask := uint64(len(p.slots) - 1)
		for _, o := range old {
			if o.key == 0 {
				continue
			}
			s := (uint64(o.key) * 0x9E3779B97F4A7C15 >> 40) & mask
			for p.slots[s].key != 0 {
				s = (s + 1) & mask
			}
			p.slots[s] = o
		}
	}
}

// touch reads the slots of the sentence's word pairs, one independent load
// after another, so that their cache misses overlap before pairOf needs
// them one by one.
func (p *pairIndex) touch(tok []int32) {
	if len(p.slots) == 0 || len(tok) == 0 {
		return
	}
	mask := uint64(len(p.slots) - 1)
	var sink uint32
	for i := 0; i+1 < len(tok); i++ {
		k := pairKey(tok[i], tok[i+1])
		sink += p.slots[(uint64(k)*0x9E3779B97F4A7C15>>40)&mask].key
	}
	p.sink += sink // kept, so that the loads are not optimised away
}

func (p *pairIndex) clear() {
	clear(p.slots)
	p.n = 0
}

// pairOf returns the parts (indices into sc.parts) of the features of two
// adjacent words a b (a may be sentenceStart, b sentenceEnd), for both
// stages: those of b that involve a (ShapeM1S, LowerM1L, LowerM1Shape,
// ClusM1Clus) and those of a that involve b (ShapeSP1, LowerLP1,
// ShapeLowerP1).
func (sc *scratch) pairOf(m *Model, a, b int32) (pb, pa int32) {
	k := pairKey(a, b)
	var sl *pairSlot
	if k != 0 {
		var ok bool
		if sl, ok = sc.pairs.find(k); ok {
			return int32(sl.b), int32(sl.a)
		}
	}
	lm1, sm1, km1 := hStart, hStart, uint64(3<<32>>16) // the coarse cluster of sentenceStart
	if a >= 0 {
		e := &sc.ents[a]
		lm1, sm1, km1 = e.lower, e.shape, uint64(e.coarse)
	}
	lp1, sp1 := hEnd, hEnd
	if b >= 0 {
		e := &sc.ents[b]
		lp1, sp1 = e.lower, e.shape
	}
	var sb, sa [2]sums
	if b >= 0 {
		e := &sc.ents[b]
		keys := [...]uint64{
			mix(tShapeM1S, mix(sm1, e.shape)),
			mix(tLowerM1L, mix(lm1, e.lower)),
			mix(tLowerM1Shape, mix(lm1, e.shape)),
			mix(tClusM1Clus, mix(km1, uint64(e.coarse))),
		}
		for _, k := range keys {
			m.w.add2(&sb[0], &sb[1], k)
		}
	}
	if a >= 0 {
		e := &sc.ents[a]
		keys := [...]uint64{
			mix(tShapeSP1, mix(e.shape, sp1)),
			mix(tLowerLP1, mix(e.lower, lp1)),
			mix(tShapeLowerP1, mix(e.shape, lp1)),
		}
		for _, k := range keys {
			m.w.add2(&sa[0], &sa[1], k)
		}
	}
	pb, pa = sc.intern(packD(&sb)), sc.intern(packD(&sa))
	if sl != nil && sc.pairs.n < maxPairs {
		sc.pairs.put(sl, k, pb, pa) // a full cache keeps the pairs it has: the frequent ones come early
	}
	return pb, pa
}

// static sums, for each token of sentence s (its first at off) and both
// stages, the features that do not depend on labels: the word's own, its
// neighbours' (as neighbours), the pairs with the word before and after
// (or the sentence's ends), FirstShape, the all-caps features, GazShape
// inside gazetteer names (the word's base has it outside), the gazetteer
// and class windows and the document flags; the word's base also counts
// P1Lower and P1Shape after O, which tagSentence corrects when the label
// before is not O.
// One pass over the sentence with no label to wait for, so the memory
// reads of word after word overlap.
func (m *Model) static(sc *scratch, s Sentence, off int) {
	fx := &m.fx
	n := len(s.Words)
	tok, gz, dc, stat := sc.tok[off:off+n], sc.gaz[off:off+n], sc.doc[off:off+n], sc.stat[off:off+n]
	if n == 0 {
		return
	}
	sc.pairs.touch(tok)
	prev, _ := sc.pairOf(m, sentenceStart, tok[0])
	for i := range n {
		b := sentenceEnd
		if i+1 < n {
			b = tok[i+1]
		}
		next, own := sc.pairOf(m, tok[i], b)
		e := &sc.ents[tok[i]]
		// The parts to add, found first and added in ten locals, which
		// the compiler keeps in registers: their loads overlap.
		pp, po := &sc.parts[prev], &sc.parts[own]
		prev = next
		g, d, cl := int(gz[i]), int(dc[i]), int(e.class)
		var cp *dsums // FirstShape, the all-caps and web features, GazShape in names
		var c dsums
		if i == 0 || s.Upper || sc.web || g != 0 {
			var c2 [2]sums
			if i == 0 {
				m.w.add2(&c2[0], &c2[1], mix(tFirstShape, e.shape))
			}
			if s.Upper {
				m.w.add2(&c2[0], &c2[1], mix(tUpperLower, e.lower))
				m.w.add2(&c2[0], &c2[1], mix(tUpperShape, e.shape))
			}
			if sc.web {
				m.w.add2(&c2[0], &c2[1], mix(tWebBias, 0))
				m.w.add2(&c2[0], &c2[1], mix(tWebLower, e.lower))
				m.w.add2(&c2[0], &c2[1], mix(tWebShape, e.shape))
			}
			if g != 0 {
				m.w.sub2(&c2[0], &c2[1], mix(tGazShape, mix(0, e.shape)))
				m.w.add2(&c2[0], &c2[1], mix(tGazShape, mix(uint64(g), e.shape)))
			}
			c = packD(&c2)
			cp = &c
		}
		pm1, pm2, pp1, pp2 := &fx.bM1, &fx.bM2, &fx.bP1, &fx.bP2
		gm1, cm1 := nGaz-1, nClass-1
		if i > 0 {
			a := &sc.ents[tok[i-1]]
			pm1 = &sc.parts[a.part[pM1]]
			gm1, cm1 = int(gz[i-1]), int(a.class)
			if i > 1 {
				pm2 = &sc.parts[sc.ents[tok[i-2]].part[pM2]]
			}
		}
		gp1, cp1 := nGaz-1, nClass-1
		if i+1 < n {
			b := &sc.ents[tok[i+1]]
			pp1 = &sc.parts[b.part[pP1]]
			gp1, cp1 = int(gz[i+1]), int(b.class)
			if i+2 < n {
				pp2 = &sc.parts[sc.ents[tok[i+2]].part[pP2]]
			}
		}
		gw, cw, dcl := &fx.gazWin[gm1][g][gp1], &fx.classWin[cm1][cl][cp1], &fx.docClass[d][cl]
		dp := e.docPart(d)
		if *dp == 0 {
			var c [2]sums
			m.w.add2(&c[0], &c[1], mix(tDocLower, mix(uint64(d), e.lower)))
			*dp = sc.intern(packD(&c)) + 1
		}
		pd := &sc.parts[*dp-1] // parts[0] is zero
		p := &e.base
		a0, a1, a2, a3, a4 := p[0][0], p[0][1], p[0][2], p[0][3], p[0][4]
		b0, b1, b2, b3, b4 := p[1][0], p[1][1], p[1][2], p[1][3], p[1][4]
		a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &pp[0])
		b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &pp[1])
		a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &po[0])
		b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &po[1])
		a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &pm1[0])
		b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &pm1[1])
		a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &pm2[0])
		b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &pm2[1])
		a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &pp1[0])
		b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &pp1[1])
		a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &pp2[0])
		b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &pp2[1])
		a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &gw[0])
		b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &gw[1])
		a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &cw[0])
		b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &cw[1])
		a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &dcl[0])
		b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &dcl[1])
		a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &pd[0])
		b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &pd[1])
		if cp != nil {
			a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &cp[0])
			b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &cp[1])
		}
		if s.Upper {
			ud := &fx.upperDoc[d][cl]
			a0, a1, a2, a3, a4 = add5(a0, a1, a2, a3, a4, &ud[0])
			b0, b1, b2, b3, b4 = add5(b0, b1, b2, b3, b4, &ud[1])
		}
		st := &stat[i]
		st[0][0], st[0][1], st[0][2], st[0][3], st[0][4] = a0, a1, a2, a3, a4
		st[1][0], st[1][1], st[1][2], st[1][3], st[1][4] = b0, b1, b2, b3, b4
	}
}

// add5 returns the lanes a0..a4 plus the sums p of one stage: static's
// additions, written out so that the lanes stay in registers.
func add5(a0, a1, a2, a3, a4 int64, p *psums) (int64, int64, int64, int64, int64) {
	return a0 + p[0], a1 + p[1], a2 + p[2], a3 + p[3], a4 + p[4]
}

// tagSentence labels the n tokens from off, a sentence, greedily with
// stage one's weights into sc.first[off:off+n]: the token's static sums
// (which count the previous label as O) plus those of the features of the
// previous labels. The sums are added in five locals, which the compiler
// keeps in registers: packed sums add as plain int64s (mod 2^64), so the
// order of addition changes nothing.
func (m *Model) tagSentence(sc *scratch, off, n int) {
	fx := &m.fx
	tok, gz, stat, lab := sc.tok[off:off+n], sc.gaz[off:off+n], sc.stat[off:off+n], sc.first[off:off+n]
	p1, p2 := Label(0), Label(0)
	for i := range n {
		s, f := &stat[i][0], &fx.p1All[p1][p2][gz[i]][0]
		a0, a1, a2, a3, a4 := s[0]+f[0], s[1]+f[1], s[2]+f[2], s[3]+f[3], s[4]+f[4]
		if p1 != 0 {
			o, q := sc.prevParts(m, tok[i], 0, p1)
			a0, a1, a2, a3, a4 = a0+q[0]-o[0], a1+q[1]-o[1], a2+q[2]-o[2], a3+q[3]-o[3], a4+q[4]-o[4]
		}
		p2, p1 = p1, bestOf(a0, a1, a2, a3, a4, p1)
		lab[i] = p1
	}
}

// tagSentence2 labels the n tokens from off, a sentence, greedily with
// stage two's weights into labels[off:off+n]: tagSentence's sums, and the
// features of the stage-one history codes of the token and its neighbours.
func (m *Model) tagSentence2(sc *scratch, off, n int, labels []Label) {
	tb, fx := stageTable{&m.w, 1}, &m.fx
	tok, gz, stat, hist, lab := sc.tok[off:off+n], sc.gaz[off:off+n], sc.stat[off:off+n], sc.hist[off:off+n], labels[off:off+n]
	p1, p2 := Label(0), Label(0)
	for i := range n {
		e := &sc.ents[tok[i]]
		hi, hm1, hp1 := int(hist[i]), nHist-1, nHist-1 // nHist-1: past the sentence's ends
		if i > 0 {
			hm1 = int(hist[i-1])
		}
		if i+1 < n {
			hp1 = int(hist[i+1])
		}
		hp := e.histPart(hi)
		if *hp == 0 {
			var c sums
			h := histValue(hi)
			tb.add(&c, mix(tHistShape, mix(uint64(h), e.shape)))
			tb.add(&c, mix(tHistLower, mix(uint64(h), e.lower)))
			*hp = sc.intern(dsums{1: pack(&c)}) + 1
		}
		s, f := &stat[i][1], &fx.p1All[p1][p2][gz[i]][1]
		w, x := &fx.histWin[hm1][hi][hp1], &sc.parts[*hp-1][1]
		a0, a1, a2, a3, a4 := s[0]+f[0]+w[0]+x[0], s[1]+f[1]+w[1]+x[1], s[2]+f[2]+w[2]+x[2], s[3]+f[3]+w[3]+x[3], s[4]+f[4]+w[4]+x[4]
		if p1 != 0 {
			o, q := sc.prevParts(m, tok[i], 1, p1)
			a0, a1, a2, a3, a4 = a0+q[0]-o[0], a1+q[1]-o[1], a2+q[2]-o[2], a3+q[3]-o[3], a4+q[4]-o[4]
		}
		p2, p1 = p1, bestOf(a0, a1, a2, a3, a4, p1)
		lab[i] = p1
	}
}

// prevParts returns, for stage st, the sums of entry id's features with the
// previous label O (counted in its static sums) and with p1, not O, which
// replace them.
func (sc *scratch) prevParts(m *Model, id int32, st int, p1 Label) (o, q *psums) {
	e := &sc.ents[id]
	pi := &e.p1[st][p1-1]
	if *pi == 0 {
		var c [2]sums
		tb := stageTable{&m.w, st}
		tb.add(&c[st], mix(tP1Lower, mix(uint64(p1), e.lower)))
		tb.add(&c[st], mix(tP1Shape, mix(uint64(p1), e.shape)))
		*pi = sc.intern(packD(&c)) + 1
	}
	return &sc.parts[e.part[pP1O]][st], &sc.parts[*pi-1][st]
}
