// Package tagger is a greedy averaged-perceptron sequence tagger for the
// CoNLL-2003 entity types (PER, LOC, ORG, MISC) with BIO labels.
//
// Features per token: the word and its lower-case form, word shape, prefixes
// and suffixes, a two-word window either side, shape bigrams, capitalisation
// in context (sentence start, all-caps headline), gazetteer membership of
// the token and its neighbours, word clusters of the token and its
// neighbours, document-level evidence (is the word also written in lower
// case, capitalised mid-sentence, part of a name ending in a company word
// such as "Inc", or right after a personal title such as "Mr", elsewhere in
// the same article) and the two previous labels.
//
// Tagging runs in two stages. Stage one tags each sentence alone; stage two
// tags it again with extra features saying which type stage one gave the
// same word elsewhere in the article (see History), so that a name read as
// a person in one sentence is read so in the next.
//
// # Speed
//
// TagDoc gives exactly the labels of the plain scorer (Extractor.Features
// summed feature by feature, as training does) but looks far fewer weights
// up: the weights of both stages share one slot of one hash table, a small
// tag array in front of it answers most lookups of absent features, the
// features of a word alone and those it gives its neighbours are summed
// once per distinct word, those of adjacent word pairs once per pair (both
// caches outlive an article, one scratch kept by the Model and more pooled
// for concurrent calls), and features with few
// values are summed into small arrays at load. See fast.go; fast_test.go
// holds TagDoc to the plain scorer, and BenchmarkTagDoc runs both.
//
// # Training
//
// The embedded files are written by two commands, run from the repository root:
//
//	go run ./articles/entities/train/clusters   # clusters.txt.gz (~11 s)
//	go run ./articles/entities/train            # model.bin (~1 min)
//
// Clusters come from unlabelled text (see that command). The tagger trains
// on CoNLL-2003 eng.train only: stage one on all of it; stage two on labels
// that five stage-one models, each trained without one fifth of the
// documents, gave that fifth (jackknifing), so stage two learns from labels
// as noisy as it will see. 12 epochs per model; sentences are visited in an
// order shuffled by a fixed seed and everything else is deterministic, so
// the same data gives the same files. Averaged weights whose magnitude is
// below 0.5 for every label are pruned; each stage is quantised to 16 bits
// with its own scale, stored as sparse rows and gzip-compressed on its own.
// Pass -eval ../shared/data/conll2003/eng.testa to print dev F1 per epoch
// (the dev split is never learnt from).
package tagger

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc64"
	"io"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"briefs/articles/entities/gazetteer"
	"briefs/model"
)

// Type is an entity type the tagger knows.
type Type uint8

// The entity types; None marks no entity.
const (
	None Type = iota
	PER
	LOC
	ORG
	MISC
)

var typeNames = [...]string{"O", "PER", "LOC", "ORG", "MISC"}

// String returns the CoNLL name of t ("PER"), or "O" for None.
func (t Type) String() string {
	if int(t) >= len(typeNames) {
		return "O"
	}
	return typeNames[t]
}

// ParseType reads "PER", "LOC", "ORG" or "MISC"; anything else is None.
func ParseType(s string) Type {
	for i, n := range typeNames {
		if n == s {
			return Type(i)
		}
	}
	return None
}

// Label is a BIO label: 0 is O, 2t-1 is B-t and 2t is I-t for type t.
type Label uint8

// NumLabels is the number of BIO labels.
const NumLabels = 9

// Begin returns the B- label of t.
func Begin(t Type) Label { return Label(2*t - 1) }

// Inside returns the I- label of t.
func Inside(t Type) Label { return Label(2 * t) }

// Type returns the entity type of l.
func (l Label) Type() Type { return Type((l + 1) / 2) }

// IsBegin reports whether l is a B- label.
func (l Label) IsBegin() bool { return l != 0 && l%2 == 1 }

// allowed reports whether label l may follow prev (I-X only after B-X or I-X).
func allowed(prev, l Label) bool {
	if l == 0 || l.IsBegin() {
		return true
	}
	return prev != 0 && prev.Type() == l.Type()
}

// Span is a run of tokens [Start, End) of one type.
type Span struct {
	Start, End int
	Type       Type
}

// SpansOf turns BIO labels into spans.
func SpansOf(labels []Label) []Span { return AppendSpans(nil, labels) }

// AppendSpans appends the spans of BIO labels to out.
func AppendSpans(out []Span, labels []Label) []Span {
	for i := 0; i < len(labels); i++ {
		l := labels[i]
		if l == 0 {
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == Inside(l.Type()) {
			j++
		}
		out = append(out, Span{Start: i, End: j, Type: l.Type()})
		i = j - 1
	}
	return out
}

//go:embed model.bin
var modelData []byte

// table holds the weights of both stages in an open-addressing hash table.
type table struct {
	slots []tslot
	tags  []uint16 // tag of each slot's key, 0 when empty: most lookups of absent features end here
	mask  uint64
}

// tslot is one slot of the hash table: a 32-bit fingerprint of the key and
// the feature's weights in both stages, side by side so that one lookup
// serves both. The slot index comes from the key's other bits, so a feature
// the model lacks matches a stored one about once in 2^32 probes.
type tslot struct {
	fp uint32 // 0 = empty
	w  [2][NumLabels]int16
}

// fingerprint returns the non-zero 32-bit check of key.
func fingerprint(key uint64) uint32 { return uint32(key) | 1 }

// Model holds the weights of both stages: stage one tags from the sentence
// alone, stage two also sees what stage one said about the same words
// elsewhere in the article. It is read-only and safe for concurrent use.
type Model struct {
	w   table // both stages
	lex *Lexicon
	fx  fixedPacked // see fast.go
	// Scratches (see fast.go) hold caches of this model's sums: one stays
	// resident, others wait in the pool while TagDoc runs concurrently.
	resident atomic.Pointer[scratch]
	pool     sync.Pool // of *scratch
}

// Load decodes the embedded model and word clusters; g is the gazetteer
// its gazetteer features look names up in (the embedded one it was trained with).
func Load(g *gazetteer.Gazetteer) (*Model, error) {
	// The clusters and the weights decode side by side.
	var cl map[string]uint32
	var clErr error
	done := make(chan struct{})
	go func() {
		cl, clErr = LoadClusters()
		close(done)
	}()
	lex := &Lexicon{Gaz: g}
	m, err := Decode(modelData, lex)
	<-done
	if err != nil {
		return nil, err
	}
	if clErr != nil {
		return nil, clErr
	}
	lex.Clusters = cl
	return m, nil
}

//go:embed clusters.txt.gz
var clusterData []byte

// LoadClusters decodes the embedded word clusters (see cmd train/clusters).
func LoadClusters() (map[string]uint32, error) {
	zr, err := gzip.NewReader(bytes.NewReader(clusterData))
	if err != nil {
		return nil, fmt.Errorf("word clusters: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("word clusters: %w", err)
	}
	text := string(raw)
	out := make(map[string]uint32, strings.Count(text, "\n"))
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		w, nums, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		a, b, ok := strings.Cut(nums, " ")
		if !ok {
			return nil, fmt.Errorf("word clusters: bad line %q", line)
		}
		ca, err1 := strconv.Atoi(a)
		cb, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || ca >= 1<<16 || cb >= 1<<16 || ca < 0 || cb < 0 {
			return nil, fmt.Errorf("word clusters: bad line %q", line)
		}
		out[w] = uint32(ca)<<16 | uint32(cb)
	}
	return out, nil
}

const magic = "BRFTAG5\n"

// Decode reads a model written by Encode; lex supplies the gazetteer and word
// clusters it was trained with. The two stages decode side by side.
func Decode(data []byte, lex *Lexicon) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("tagger model: bad header")
	}
	data = data[len(magic):]
	m := &Model{lex: lex}
	var errs [2]error
	var stages [2]stageRows
	var wg sync.WaitGroup
	for st := range stages {
		n, k := binary.Uvarint(data)
		if k <= 0 || n > uint64(len(data)-k) {
			return nil, fmt.Errorf("tagger model stage %d: bad length", st+1)
		}
		part := data[k : k+int(n)]
		data = data[k+int(n):]
		wg.Go(func() { errs[st] = stages[st].decode(part) })
	}
	wg.Wait()
	for st, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("tagger model stage %d: %w", st+1, err)
		}
	}
	m.w.build(&stages)
	m.buildFixed()
	return m, nil
}

// stageRows are one stage's features, keys ascending.
type stageRows struct {
	keys []uint64
	rows [][NumLabels]int16
}

func (d *stageRows) decode(raw []byte) error {
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)) {
		return errors.New("bad feature count")
	}
	raw = raw[k:]
	d.keys = make([]uint64, n)
	d.rows = make([][NumLabels]int16, n)
	var key uint64
	for r := range d.keys {
		dk, k := binary.Uvarint(raw)
		if k <= 0 {
			return errors.New("truncated keys")
		}
		if r > 0 && dk == 0 {
			return errors.New("repeated key")
		}
		raw = raw[k:]
		key += dk
		d.keys[r] = key
	}
	// Rows are sparse: a bit mask of the labels that have a weight, then those weights.
	for r := range d.rows {
		if len(raw) < 2 {
			return errors.New("truncated weights")
		}
		mask := binary.LittleEndian.Uint16(raw)
		raw = raw[2:]
		row := &d.rows[r]
		for l := range NumLabels {
			if mask&(1<<l) == 0 {
				continue
			}
			if len(raw) < 2 {
				return errors.New("truncated weights")
			}
			row[l] = int16(binary.LittleEndian.Uint16(raw))
			raw = raw[2:]
		}
	}
	if len(raw) != 0 {
		return errors.New("trailing bytes")
	}
	return nil
}

// build fills the table with the union of both stages' features (keys
// ascending in each, so one merge pass finds the features they share).
func (t *table) build(st *[2]stageRows) {
	a, b := st[0].keys, st[1].keys
	union := len(a) + len(b)
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			union--
			i++
			j++
		}
	}
	size := uint64(1) << bits.Len64(uint64(union+union/4)) // load factor 0.4-0.8: a smaller table misses the cache less
	t.slots = make([]tslot, size)
	t.tags = make([]uint16, size)
	t.mask = size - 1
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			t.slots[t.insert(a[i])].w[0] = st[0].rows[i]
			i++
		case i == len(a) || b[j] < a[i]:
			t.slots[t.insert(b[j])].w[1] = st[1].rows[j]
			j++
		default:
			s := &t.slots[t.insert(a[i])]
			s.w[0], s.w[1] = st[0].rows[i], st[1].rows[j]
			i++
			j++
		}
	}
}

// insert claims a slot for key and returns its index.
func (t *table) insert(key uint64) int32 {
	for s := slot(key) & t.mask; ; s = (s + 1) & t.mask {
		if t.slots[s].fp == 0 {
			t.slots[s].fp = fingerprint(key)
			t.tags[s] = tag(key)
			return int32(s)
		}
	}
}

// slot spreads the key's high bits over the table (the fingerprint uses the low ones).
func slot(key uint64) uint64 { return (key >> 32) * 0x9E3779B97F4A7C15 >> 24 }

// tag returns the non-zero 16-bit tag of key: bits that neither the slot
// index nor the fingerprint's low bits are made of.
func tag(key uint64) uint16 { return uint16(key>>16) | 1 }

// row returns the weights of feature key in both stages, or nil. It probes the small tags
// array first (an eighth of the slots' memory, so it mostly stays in cache)
// and reads a slot only when the tag matches.
func (t *table) row(key uint64) *[2][NumLabels]int16 {
	if t.mask == 0 {
		return nil
	}
	tg, fp := tag(key), fingerprint(key)
	for s := slot(key) & t.mask; ; s = (s + 1) & t.mask {
		switch t.tags[s] {
		case 0:
			return nil
		case tg:
			if sl := &t.slots[s]; sl.fp == fp {
				return &sl.w
			}
		}
	}
}

// Weights maps a feature key to one weight per label.
type Weights map[uint64][]float32

// Encode writes the averaged weights of both stages in the model format,
// keeping features whose largest weight is at least minAbs. Each stage is
// quantised to 16 bits with its own scale (scores only compare labels within
// a stage) and stored as its own block so the two decode in parallel. The
// blocks are not compressed: keys are hashes and rows are sparse already, so
// gzip saved a fifth of the size and cost most of the load time.
func Encode(w io.Writer, stage1, stage2 Weights, minAbs float32) (kept int, err error) {
	out := []byte(magic)
	for _, ws := range []Weights{stage1, stage2} {
		raw, n := encodeStage(ws, minAbs)
		kept += n
		out = binary.AppendUvarint(out, uint64(len(raw)))
		out = append(out, raw...)
	}
	if _, err := w.Write(out); err != nil {
		return 0, fmt.Errorf("write model: %w", err)
	}
	return kept, nil
}

func encodeStage(weights Weights, minAbs float32) ([]byte, int) {
	keys := make([]uint64, 0, len(weights))
	var top float32
	for k, row := range weights {
		big := float32(0)
		for _, v := range row {
			big = max(big, float32(math.Abs(float64(v))))
		}
		if big >= minAbs && big > 0 {
			keys = append(keys, k)
			top = max(top, big)
		}
	}
	sortUint64(keys)
	scale := float32(1)
	if top > 0 {
		scale = 32000 / top
	}
	buf := binary.AppendUvarint(nil, uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		buf = binary.AppendUvarint(buf, k-prev)
		prev = k
	}
	for _, k := range keys {
		var q [NumLabels]int16
		var mask uint16
		for l, v := range weights[k] {
			q[l] = int16(max(math.MinInt16, min(math.MaxInt16, math.Round(float64(v*scale)))))
			if q[l] != 0 {
				mask |= 1 << l
			}
		}
		buf = binary.LittleEndian.AppendUint16(buf, mask)
		for l := range NumLabels {
			if q[l] != 0 {
				buf = binary.LittleEndian.AppendUint16(buf, uint16(q[l]))
			}
		}
	}
	return buf, len(keys)
}

func sortUint64(a []uint64) {
	// radix-free simple sort; n log n is fine at training time
	if len(a) < 2 {
		return
	}
	quick(a)
}

func quick(a []uint64) {
	for len(a) > 12 {
		p := a[len(a)/2]
		i, j := 0, len(a)-1
		for i <= j {
			for a[i] < p {
				i++
			}
			for a[j] > p {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		if j < len(a)-1-i {
			quick(a[:j+1])
			a = a[i:]
		} else {
			quick(a[i:])
			a = a[:j+1]
		}
	}
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// Doc gathers document-level evidence about words: whether each is written in
// lower case somewhere, or capitalised away from a sentence start.
type Doc struct {
	flags map[string]uint8
	style styleCount
	isWeb bool // MarkWeb was called
}

// MarkWeb makes the document web text whatever it reads like: training
// marks a whole corpus of web text so (UNER EWT), while at run time an
// article is web text when it reads like it (styleCount.web).
func (d *Doc) MarkWeb() { d.isWeb = true }

const (
	seenLower  = 1 << iota // written all lower case
	seenCapMid             // capitalised, not first in its sentence, not in a headline
	seenCorp               // in a capitalised run ending in a company word ("Magna International Inc")
	seenPerson             // right after a personal title ("Mr", "President")
)

// corpWords end company names.
var corpWords = map[string]bool{
	"inc": true, "corp": true, "ltd": true, "plc": true, "co": true, "sa": true, "ag": true, "nv": true, "bv": true,
	"spa": true, "gmbh": true, "group": true, "bank": true, "holdings": true, "corporation": true, "company": true,
	"airlines": true, "motors": true, "industries": true, "bancorp": true, "inc.": true, "corp.": true, "ltd.": true, "co.": true,
}

// personTitles precede people's names.
var personTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true,
	"president": true, "minister": true, "senator": true, "sen.": true, "gov.": true, "governor": true,
	"coach": true, "striker": true, "midfielder": true, "defender": true, "goalkeeper": true, "captain": true,
	"chairman": true, "spokesman": true, "spokeswoman": true, "judge": true, "general": true, "gen.": true,
}

// NewDoc returns an empty document.
func NewDoc() *Doc { return &Doc{flags: map[string]uint8{}} }

// Add records the words of one sentence.
func (d *Doc) Add(words []string) {
	d.style.add(words)
	upper := isUpperSentence(words)
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsLower(r):
			d.flags[w] |= seenLower
		case unicode.IsUpper(r) && i > 0 && !upper && !isOpenQuote(words[i-1]):
			d.flags[strings.ToLower(w)] |= seenCapMid
		}
		if !unicode.IsUpper(r) {
			continue
		}
		l := strings.ToLower(w)
		if corpWords[l] {
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				r2, _ := utf8.DecodeRuneInString(words[j])
				if !unicode.IsUpper(r2) {
					break
				}
				d.flags[strings.ToLower(words[j])] |= seenCorp
			}
		}
		if i > 0 && personTitles[strings.ToLower(words[i-1])] {
			d.flags[l] |= seenPerson
		}
	}
}

// web reports whether the document reads as web text (see styleCount).
func (d *Doc) web() bool { return d != nil && (d.isWeb || d.style.web()) }

// styleCount counts what tells web text (mail, reviews, forum posts) from
// edited prose: sentences opening in lower case, the pronouns of people
// writing to each other, and exclamation and question marks. The tagger
// has features of its own for web text (tWeb*), learnt on UNER EWT.
type styleCount struct {
	sents, lowStart, toks, pron, marks int
}

func (c *styleCount) add(words []string) {
	if len(words) == 0 {
		return
	}
	c.sents++
	if r, _ := utf8.DecodeRuneInString(words[0]); unicode.IsLower(r) {
		c.lowStart++
	}
	c.toks += len(words)
	for _, w := range words {
		if len(w) > 4 {
			continue
		}
		switch w {
		case "i", "I", "you", "You", "my", "My", "me", "your", "Your", "u":
			c.pron++
		case "!", "?", "!!", "??", "...", "!!!":
			c.marks++
		}
	}
}

// web: a share of lower-case sentence openings, plus ten times the share
// of pronoun words and five times that of marks, above one half, in
// twenty words or more. News and encyclopedic text rarely reach it
// (quotes bring "I" and "you"); about half of UNER EWT's documents do.
func (c styleCount) web() bool {
	return c.toks >= 20 && 2*(c.lowStart*c.toks+10*c.pron*c.sents+5*c.marks*c.sents) > c.sents*c.toks
}

func (d *Doc) get(lower string) uint8 {
	if d == nil {
		return 0
	}
	return d.flags[lower]
}

func isOpenQuote(w string) bool {
	switch w {
	case "\"", "'", "“", "‘", "(", "-", "--", ":":
		return true
	}
	return false
}

func isUpperSentence(words []string) bool {
	up, low := 0, 0
	for _, w := range words {
		for _, r := range w {
			if unicode.IsUpper(r) {
				up++
			} else if unicode.IsLower(r) {
				low++
			}
		}
	}
	return up >= 4 && low*5 < up
}

// Sentence is one sentence to tag: its words, and whether it is an all-caps headline.
type Sentence struct {
	Words []string
	Upper bool
	// Matches, when Found is set, are the gazetteer's names in Words as
	// Gazetteer.Find(Words, Upper) gives them, found once by a caller that needs
	// them too; otherwise TagDoc looks them up itself.
	Matches []gazetteer.Match
	Found   bool
}

// Cluster returns the coarse word cluster of w (case and digits ignored) and
// whether the clusters know w at all: a word they never saw is rare in news text.
func (m *Model) Cluster(w string) (coarse uint32, ok bool) {
	if m.lex == nil || m.lex.Clusters == nil {
		return 0, false
	}
	b := digitsZero([]byte(strings.ToLower(w)))
	c, ok := m.lex.Clusters[string(b)]
	return c >> 16, ok
}

// Greedy labels n tokens left to right with the features fx gives and the
// scorer score, never putting I-X after anything but B-X or I-X.
func Greedy(fx *Extractor, n int, score func([]uint64, *[NumLabels]float32)) []Label {
	labels := make([]Label, n)
	var scores [NumLabels]float32
	for i := range n {
		p1, p2 := Label(0), Label(0)
		if i > 0 {
			p1 = labels[i-1]
		}
		if i > 1 {
			p2 = labels[i-2]
		}
		score(fx.Features(i, p1, p2), &scores)
		labels[i] = Best(&scores, p1)
	}
	return labels
}

// Best returns the highest-scoring label allowed after prev.
func Best(scores *[NumLabels]float32, prev Label) Label {
	best, bs := Label(0), float32(math.Inf(-1))
	for l := range Label(NumLabels) {
		if allowed(prev, l) && scores[l] > bs {
			best, bs = l, scores[l]
		}
	}
	return best
}

// Allowed reports whether label l may follow prev.
func Allowed(prev, l Label) bool { return allowed(prev, l) }

// History is what stage one said about each word of an article.
type History struct {
	counts map[string]*[5]int32 // lower-cased word -> tokens per type (None, PER, LOC, ORG, MISC)
	sents  []Sentence
	labels [][]Label
}

// NewHistory gathers stage-one labels of an article's sentences.
func NewHistory(sents []Sentence, labels [][]Label) *History {
	h := &History{counts: map[string]*[5]int32{}, sents: sents, labels: labels}
	for k, s := range sents {
		for i, w := range s.Words {
			if !hasLetter(w) {
				continue
			}
			l := strings.ToLower(w)
			c := h.counts[l]
			if c == nil {
				c = new([5]int32)
				h.counts[l] = c
			}
			c[labels[k][i].Type()]++
		}
	}
	return h
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Codes returns, for each word of sentence k, a code for the type stage one
// gave the same word elsewhere in the article: the majority type (its own
// occurrence left out) and whether that majority was unanimous; 15 when the
// word occurs nowhere else.
func (h *History) Codes(k int) []uint64 {
	s := h.sents[k]
	out := make([]uint64, len(s.Words))
	for i, w := range s.Words {
		out[i] = 15
		c := h.counts[strings.ToLower(w)]
		if c == nil {
			continue
		}
		cc := *c
		cc[h.labels[k][i].Type()]--
		total, best := int32(0), 0
		for t := range cc {
			total += cc[t]
			if cc[t] > cc[best] || (cc[t] == cc[best] && t != 0 && best == 0) {
				best = t
			}
		}
		if total <= 0 {
			continue
		}
		code := uint64(best) * 2
		if cc[best] == total {
			code++
		}
		out[i] = code
	}
	return out
}

// gazCode is a gazetteer kind as the tagger's features see it.
func gazCode(k model.EntityKind) uint64 {
	switch k {
	case model.KindCountry:
		return 1
	case model.KindPlace:
		return 2
	case model.KindOrganization:
		return 3
	case model.KindNationality:
		return 4
	}
	return 5
}

// DataDigest is a checksum of the embedded weights and word clusters: a new
// model gives a new digest, so a cache of what it tagged can tell.
func DataDigest() uint64 {
	t := crc64.MakeTable(crc64.ECMA)
	return crc64.Update(crc64.Checksum(modelData, t), t, clusterData)
}
