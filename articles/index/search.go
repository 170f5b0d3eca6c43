package index

import (
	"container/heap"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"briefs/model"
)

// Span is a half-open byte range.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Snippet is a short window of an article's body around its first match.
type Snippet struct {
	Text       string // Body[Start:End] with line breaks turned to spaces (same length)
	Start, End int    // the window, byte offsets into the body
	Highlights []Span // matches inside the window, offsets into Text
}

// Hit is one article that matched a query.
type Hit struct {
	ArticleID string
	Title     string
	Published time.Time
	Score     float64
	// Entities are the matched entities as this article names them: the ids
	// to select when it is opened. Canonical are the same entities as the
	// index ties them across the corpus (see the package doc).
	Entities  []string
	Canonical []string
	Snippet   Snippet
}

// Result is the answer to a query.
type Result struct {
	Query string
	Total int   // articles that matched, before the limit
	Hits  []Hit // best first
	// Checked is 0 when Total is exact. A phrase of common words over many
	// briefs is checked on the best Checked candidates only, and Total is
	// then an estimate.
	Checked int
	// Terms says how each clause was understood, for display:
	// "entity:country:russia", "word:talks", "phrase:peace talks",
	// "speaker:person:sergei-lavrov", "kind:person"; an entity or speaker name
	// that named nothing is shown as "entity?NAME".
	Terms []string
}

// scored is one article matched by a clause.
type scored struct {
	doc   uint32
	score float64
}

// Search runs a query and returns its best hits, at most limit (all when
// limit <= 0). An empty query matches nothing. It fails only on a malformed
// query (an unknown kind, an operator without a value).
func (ix *Index) Search(q string, limit int) (Result, error) {
	return ix.search(q, limit, false)
}

// SearchTyping is Search for a query being typed: its last word, when
// nothing follows it, also stands for the words it starts ("ceasefir"
// finds "ceasefire").
func (ix *Index) SearchTyping(q string, limit int) (Result, error) {
	typing := q != "" && !strings.ContainsAny(q[len(q)-1:], " \t\"")
	return ix.search(q, limit, typing)
}

func (ix *Index) search(q string, limit int, typing bool) (Result, error) {
	res := Result{Query: q}
	lx, err := lex(q)
	if err != nil {
		return res, err
	}
	defer ix.read()()
	cls, err := ix.plan(lx, typing)
	if err != nil {
		return res, err
	}
	for i, c := range cls {
		res.Terms = append(res.Terms, ix.describe(c))
		if c.kind == clSpeaker {
			cls[i].refs = ix.speakerQuotes(c)
		}
	}
	if len(cls) == 0 {
		return res, nil
	}
	hasEntity := false // a kind: clause then only filters; alone, it also names the matched entities
	for _, c := range cls {
		hasEntity = hasEntity || c.kind == clEntity || c.kind == clSpeaker
	}
	lists := make([][]scored, 0, len(cls))
	for _, c := range cls {
		if c.kind == clPhrase {
			continue // checked last, on the few candidates left
		}
		lists = append(lists, ix.match(c))
	}
	var docs []scored
	if len(lists) > 0 {
		sort.Slice(lists, func(a, b int) bool { return len(lists[a]) < len(lists[b]) })
		docs = lists[0]
		for _, l := range lists[1:] {
			docs = intersect(docs, l)
		}
	}
	var phrases [][]string
	for _, c := range cls {
		if c.kind != clPhrase {
			continue
		}
		phrases = append(phrases, c.words)
		if len(lists) == 0 {
			docs = ix.phraseCandidates(c.words)
			lists = append(lists, docs)
		} else {
			docs = intersect(docs, ix.phraseCandidates(c.words))
		}
	}
	for i := range docs {
		docs[i].score = (docs[i].score + float64(len(phrases))) * (1 + 0.25*ix.recency(docs[i].doc))
	}
	res.Total = len(docs)
	if len(phrases) > 0 {
		if limit > 0 && len(docs) > phraseCheckAll {
			docs, res.Total, res.Checked = ix.verifyBest(docs, phrases, limit)
		} else {
			docs = ix.verifyPhrases(docs, phrases)
			res.Total = len(docs)
		}
	}
	top := topK(docs, limit)
	res.Hits = make([]Hit, 0, len(top))
	for _, s := range top {
		res.Hits = append(res.Hits, ix.hit(s, cls, hasEntity))
	}
	return res, nil
}

func (ix *Index) describe(c clause) string {
	switch c.kind {
	case clEntity, clSpeaker:
		op := "entity"
		if c.kind == clSpeaker {
			op = "speaker"
		}
		if !c.resolved {
			return op + "?" + c.text
		}
		d := op + ":" + ix.ents[c.canons[0]].id
		if len(c.canons) > 1 {
			d += fmt.Sprintf("+%d", len(c.canons)-1)
		}
		return d
	case clKind:
		return "kind:" + string(c.ekind)
	case clTerm:
		return "word:" + c.words[0]
	case clDate:
		return strings.ToLower(c.text)
	default:
		return "phrase:" + strings.Join(c.words, " ")
	}
}

// match returns the articles a clause matches, in article order, scored.
func (ix *Index) match(c clause) []scored {
	switch c.kind {
	case clEntity:
		if !c.resolved {
			return nil
		}
		ps := ix.entitiesPostings(c.canons)
		out := make([]scored, len(ps))
		for i, p := range ps {
			s := 1 + math.Log(float64(p.mentions)+1)
			if p.title {
				s += 1.5
			}
			out[i] = scored{doc: p.doc, score: s}
		}
		return out
	case clSpeaker:
		var out []scored
		for _, r := range c.refs {
			if k := len(out) - 1; k >= 0 && out[k].doc == r.doc {
				out[k].score += 0.5
				continue
			}
			out = append(out, scored{doc: r.doc, score: 2})
		}
		return out
	case clKind:
		ps := ix.kinds[c.ekind]
		out := make([]scored, len(ps))
		for i, p := range ps {
			out[i] = scored{doc: p.doc, score: 0.1 * math.Log(float64(p.mentions)+1)}
		}
		return out
	case clTerm:
		if c.alts == nil && c.splits == nil {
			return ix.termScores(c.words[0], nil)
		}
		return ix.variantScores(c.alts, c.splits)
	case clDate:
		return ix.dateMatches(c.date)
	}
	return nil
}

// entitiesPostings returns the postings of several canonical entities
// merged in article order.
func (ix *Index) entitiesPostings(cs []uint32) []entPosting {
	if len(cs) == 1 {
		return ix.entityPostings(cs[0])
	}
	var out []entPosting
	for _, c := range cs {
		out = mergePostings(out, ix.entityPostings(c))
	}
	return out
}

// entityPostings returns the postings of every member of canonical entity c
// merged in article order.
func (ix *Index) entityPostings(c uint32) []entPosting {
	ms := ix.group(c)
	if len(ms) == 1 {
		return ix.ents[ms[0]].postings
	}
	var out []entPosting
	for _, m := range ms {
		out = mergePostings(out, ix.ents[m].postings)
	}
	return out
}

func mergePostings(a, b []entPosting) []entPosting {
	out := make([]entPosting, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].doc < b[j].doc:
			out = append(out, a[i])
			i++
		case a[i].doc > b[j].doc:
			out = append(out, b[j])
			j++
		default:
			p := a[i]
			p.mentions = clamp16(int(p.mentions) + int(b[j].mentions))
			p.title = p.title || b[j].title
			out = append(out, p)
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// speakerQuotes returns the quotes of a speaker clause in article order.
func (ix *Index) speakerQuotes(c clause) []quoteRef {
	if c.resolved {
		var ms []uint32
		for _, cn := range c.canons {
			ms = append(ms, ix.group(cn)...)
		}
		if len(ms) == 1 {
			return ix.ents[ms[0]].quotes
		}
		var out []quoteRef
		for _, m := range ms {
			out = append(out, ix.ents[m].quotes...)
		}
		sort.Slice(out, func(a, b int) bool {
			if out[a].doc != out[b].doc {
				return out[a].doc < out[b].doc
			}
			return out[a].q < out[b].q
		})
		return out
	}
	// a speaker no entity stands for: match the speaker as written
	key := nameKey(c.text)
	if key == "" {
		return nil
	}
	var out []quoteRef
	for _, r := range ix.quotes {
		sp := ix.docs[r.doc].speakers[r.q]
		if sp != "" && containsWords(nameKey(sp), key) {
			out = append(out, r)
		}
	}
	return out
}

// containsWords reports whether the folded key s holds the words of sub in a row.
func containsWords(s, sub string) bool {
	return s == sub || strings.HasPrefix(s, sub+" ") || strings.HasSuffix(s, " "+sub) ||
		strings.Contains(s, " "+sub+" ")
}

// BM25 parameters.
const (
	bm25K1      = 1.2
	bm25B       = 0.75
	titleWeight = 3 // a word in the title counts as this many in the body
)

// termScores scores the articles holding a folded word with BM25; restricted
// to the articles of only (in article order) when only is not nil.
func (ix *Index) termScores(word string, only []scored) []scored {
	t, ok := ix.termNum[word]
	if !ok {
		return nil
	}
	ps := ix.postings[t]
	n := float64(len(ix.docs))
	df := float64(len(ps))
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	avg := float64(ix.totalLen) / math.Max(n, 1)
	score := func(p textPosting) float64 {
		tf := float64(p.tf) + titleWeight*float64(p.ttf)
		norm := bm25K1 * (1 - bm25B + bm25B*float64(ix.docs[p.doc].length)/avg)
		return idf * tf * (bm25K1 + 1) / (tf + norm)
	}
	if only != nil {
		out := make([]scored, 0, len(only))
		j := 0
		for _, s := range only {
			for j < len(ps) && ps[j].doc < s.doc {
				j++
			}
			if j < len(ps) && ps[j].doc == s.doc {
				out = append(out, scored{doc: s.doc, score: s.score + score(ps[j])})
			}
		}
		return out
	}
	out := make([]scored, len(ps))
	for i, p := range ps {
		out[i] = scored{doc: p.doc, score: score(p)}
	}
	return out
}

// phraseCandidates returns the articles holding every indexed word of a
// phrase, scored by BM25.
func (ix *Index) phraseCandidates(words []string) []scored {
	var out []scored
	first := true
	for _, w := range words {
		if stopwords[w] {
			continue
		}
		if first {
			out = ix.termScores(w, nil)
			first = false
		} else {
			out = ix.termScores(w, out)
		}
		if len(out) == 0 {
			return nil
		}
	}
	return out
}

// Phrases are checked on the text of their candidates. A phrase of common
// words can have tens of thousands: past phraseCheckAll, when the caller
// wants only the best hits, the candidates are checked best first until
// enough hits are found and at least phraseSample were checked, and the
// total is estimated from the share that held the phrase.
const (
	phraseCheckAll = 4096
	phraseSample   = 1024
	phraseBlock    = 512
)

// verifyPhrases keeps the candidates whose title or body holds every phrase.
// Many candidates are checked on all cores.
func (ix *Index) verifyPhrases(cands []scored, phrases [][]string) []scored {
	keep := make([]bool, len(cands))
	check := func(from, to int) {
		var buf []byte
		for i := from; i < to; i++ {
			keep[i] = ix.holdsPhrases(cands[i].doc, phrases, &buf)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(cands)/1024+1)
	if workers <= 1 {
		check(0, len(cands))
	} else {
		per := (len(cands) + workers - 1) / workers
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			from, to := w*per, min((w+1)*per, len(cands))
			wg.Add(1)
			go func() {
				defer wg.Done()
				check(from, to)
			}()
		}
		wg.Wait()
	}
	out := cands[:0]
	for i, c := range cands {
		if keep[i] {
			out = append(out, c)
		}
	}
	return out
}

// verifyBest checks the candidates best first, block by block, until limit
// hold the phrases, and an even sample of phraseSample of them to estimate
// how many hold them in all. It returns those found, the estimated total and
// how many candidates were checked.
func (ix *Index) verifyBest(cands []scored, phrases [][]string, limit int) ([]scored, int, int) {
	sorted := append([]scored(nil), cands...)
	sort.Slice(sorted, func(a, b int) bool { return better(sorted[a], sorted[b]) })
	var found []scored
	checked := 0
	for checked < len(sorted) && len(found) < limit {
		block := sorted[checked:min(checked+phraseBlock, len(sorted))]
		found = append(found, ix.verifyPhrases(append([]scored(nil), block...), phrases)...)
		checked += len(block)
	}
	if checked == len(sorted) {
		return found, len(found), checked
	}
	sample := make([]scored, 0, phraseSample)
	for i := 0; i < phraseSample; i++ {
		sample = append(sample, cands[i*len(cands)/phraseSample])
	}
	held := len(ix.verifyPhrases(sample, phrases))
	total := int(math.Round(float64(held) / float64(len(sample)) * float64(len(cands))))
	return found, max(total, len(found)), checked + len(sample)
}

// holdsPhrases reports whether article n's title or body holds each phrase.
func (ix *Index) holdsPhrases(n uint32, phrases [][]string, buf *[]byte) bool {
	a := ix.article(n)
	for _, words := range phrases {
		var ok bool
		if ok, *buf = hasPhrase(a.Title, words, *buf); !ok {
			if ok, *buf = hasPhrase(a.Body, words, *buf); !ok {
				return false
			}
		}
	}
	return true
}

// hasPhrase reports whether s holds the folded words in a row.
func hasPhrase(s string, words []string, buf []byte) (bool, []byte) {
	found := false
	buf = phraseSpans(s, words, buf, func(Span) bool {
		found = true
		return false
	})
	return found, buf
}

// maxPhraseWords bounds the words of a phrase that are matched.
const maxPhraseWords = 64

// phraseSpans calls fn with the span of every run of words in s.
func phraseSpans(s string, words []string, buf []byte, fn func(Span) bool) []byte {
	if len(words) == 0 {
		return buf
	}
	if len(words) > maxPhraseWords {
		words = words[:maxPhraseWords]
	}
	// bit j of active: words[0..j] match the text up to the previous word,
	// starting at from[j]
	var active uint64
	var from [maxPhraseWords]int
	last := uint64(1) << (len(words) - 1)
	return eachToken(s, buf, func(tok []byte, start, end int) bool {
		var next uint64
		for j := len(words) - 1; j >= 0; j-- {
			if string(tok) != words[j] { // no allocation
				continue
			}
			switch {
			case j == 0:
				next |= 1
				from[0] = start
			case active&(1<<(j-1)) != 0:
				next |= 1 << j
				from[j] = from[j-1]
			}
		}
		active = next
		if active&last != 0 {
			return fn(Span{Start: from[len(words)-1], End: end})
		}
		return true
	})
}

// intersect keeps the articles in both lists, adding their scores.
func intersect(a, b []scored) []scored {
	out := make([]scored, 0, min(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].doc < b[j].doc:
			i++
		case a[i].doc > b[j].doc:
			j++
		default:
			out = append(out, scored{doc: a[i].doc, score: a[i].score + b[j].score})
			i++
			j++
		}
	}
	return out
}

// better orders hits: higher score first, then newer article (higher number).
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc > b.doc
}

// minHeap keeps the best k hits seen so far, the worst on top (container/heap).
type minHeap []scored

func (h minHeap) Len() int           { return len(h) }
func (h minHeap) Less(i, j int) bool { return better(h[j], h[i]) }
func (h minHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// topK returns the best k of docs, best first (all when k <= 0).
func topK(docs []scored, k int) []scored {
	if k <= 0 || k >= len(docs) {
		out := append([]scored(nil), docs...)
		sort.Slice(out, func(a, b int) bool { return better(out[a], out[b]) })
		return out
	}
	h := make(minHeap, 0, k)
	for _, d := range docs {
		if len(h) < k {
			heap.Push(&h, d)
		} else if better(d, h[0]) {
			h[0] = d
			heap.Fix(&h, 0)
		}
	}
	out := []scored(h)
	sort.Slice(out, func(a, b int) bool { return better(out[a], out[b]) })
	return out
}

// snippetBefore and snippetLen size the snippet window around its anchor.
const (
	snippetBefore = 60
	snippetLen    = 200
)

// hit builds the Hit for one matched article: its matched entities and a
// snippet around the first match in the body.
func (ix *Index) hit(s scored, cls []clause, hasEntity bool) Hit {
	d := &ix.docs[s.doc]
	a := ix.article(s.doc)
	h := Hit{ArticleID: a.ID, Title: a.Title, Published: a.Published, Score: s.score}
	var spans []Span
	addEntity := func(i int) {
		id := a.Entities[i].ID
		for _, x := range h.Entities {
			if x == id {
				return
			}
		}
		h.Entities = append(h.Entities, id)
		h.Canonical = appendUniqueString(h.Canonical, ix.ents[ix.canonOf(d.ents[i])].id)
		for _, m := range a.Entities[i].Mentions {
			if m.Field == model.FieldBody {
				spans = append(spans, Span{m.Start, m.End})
			}
		}
	}
	var words []string
	for _, c := range cls {
		switch c.kind {
		case clEntity:
			if !c.resolved {
				continue
			}
			for i, r := range d.ents {
				if slices.Contains(c.canons, ix.canonOf(r)) {
					addEntity(i)
				}
			}
		case clSpeaker:
			refs := c.refs
			first := sort.Search(len(refs), func(i int) bool { return refs[i].doc >= s.doc })
			for _, r := range refs[first:] {
				if r.doc != s.doc {
					break
				}
				q := a.Quotes[r.q]
				if q.Field == model.FieldBody {
					spans = append(spans, Span{q.Start, q.End})
				}
				if q.SpeakerEntity != "" {
					for i, e := range a.Entities {
						if e.ID == q.SpeakerEntity {
							addEntity(i)
						}
					}
				}
			}
		case clKind:
			if hasEntity {
				continue
			}
			for i, e := range a.Entities {
				if e.Kind == c.ekind {
					addEntity(i)
				}
			}
		case clTerm:
			words = append(words, c.words[0])
			words = append(words, c.alts...)
			for _, sp := range c.splits {
				spans = phraseSpansAll(a.Body, sp, spans)
			}
		case clPhrase:
			spans = phraseSpansAll(a.Body, c.words, spans)
		}
	}
	if len(words) > 0 {
		set := map[string]bool{}
		for _, w := range words {
			set[w] = true
		}
		eachToken(a.Body, nil, func(tok []byte, start, end int) bool {
			if set[string(tok)] {
				spans = append(spans, Span{start, end})
			}
			return true
		})
	}
	h.Snippet = makeSnippet(a.Body, spans)
	return h
}

func phraseSpansAll(s string, words []string, spans []Span) []Span {
	phraseSpans(s, words, nil, func(sp Span) bool {
		spans = append(spans, sp)
		return true
	})
	return spans
}

func appendUniqueString(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// makeSnippet cuts a window of body around the earliest span and lists the
// spans inside it.
func makeSnippet(body string, spans []Span) Snippet {
	valid := spans[:0]
	for _, sp := range spans {
		if sp.Start >= 0 && sp.End <= len(body) && sp.Start < sp.End {
			valid = append(valid, sp)
		}
	}
	spans = valid
	sort.Slice(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	anchor := 0
	if len(spans) > 0 {
		anchor = spans[0].Start
	}
	start := max(0, anchor-snippetBefore)
	if start > 0 {
		// begin at a word
		if k := strings.IndexAny(body[start:anchor], " \n"); k >= 0 {
			start += k + 1
		}
		for start < len(body) && !utf8.RuneStart(body[start]) {
			start++
		}
	}
	end := min(len(body), start+snippetLen)
	if len(spans) > 0 && spans[0].End > end {
		end = spans[0].End
	}
	if end < len(body) {
		if k := strings.LastIndexAny(body[start:end], " \n"); k > 0 && start+k > anchor {
			end = start + k
		}
		for end > start && end < len(body) && !utf8.RuneStart(body[end]) {
			end--
		}
	}
	sn := Snippet{Start: start, End: end, Text: strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, body[start:end])}
	for _, sp := range spans {
		if sp.Start >= start && sp.End <= end {
			sn.Highlights = append(sn.Highlights, Span{sp.Start - start, sp.End - start})
		}
	}
	return sn
}
