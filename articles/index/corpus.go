package index

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sahilm/fuzzy"

	"briefs/model"
)

// EntityStat is one canonical entity of the corpus with its counts.
type EntityStat struct {
	ID       string
	Name     string
	Kind     model.EntityKind
	Aliases  []string // surface forms seen, most frequent first
	Members  []string // the ids tied into this one (itself included), when more than one
	Articles int      // articles that name it
	Mentions int      // mentions across the corpus
	Quotes   int      // quotes attributed to it
	With     []Related
}

// Related is an entity that appears in the same articles as another.
type Related struct {
	ID       string
	Name     string
	Kind     model.EntityKind
	Articles int // articles naming both
}

// maxAliases bounds EntityStat.Aliases.
const maxAliases = 8

// Entities lists the canonical entities of the corpus of one kind (every
// kind when kind is ""), most articles first.
func (ix *Index) Entities(kind model.EntityKind) []EntityStat {
	defer ix.read()()
	var out []EntityStat
	for i, e := range ix.ents {
		c := uint32(i)
		if ix.canonOf(c) != c || kind != "" && e.kind != kind {
			continue
		}
		out = append(out, ix.stat(c))
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Articles != out[b].Articles {
			return out[a].Articles > out[b].Articles
		}
		if out[a].Mentions != out[b].Mentions {
			return out[a].Mentions > out[b].Mentions
		}
		return out[a].ID < out[b].ID
	})
	return out
}

// EntitiesWith is Entities with the n entities that most often appear with
// each one filled in (Related).
func (ix *Index) EntitiesWith(kind model.EntityKind, n int) []EntityStat {
	out := ix.Entities(kind)
	defer ix.read()()
	seen := make([]uint32, len(ix.ents))
	for i := range out {
		if c, ok := ix.entNum[out[i].ID]; ok {
			out[i].With = ix.coOccurring(ix.canonOf(c), n, seen)
		}
	}
	return out
}

// Entity returns the counts of the entity a name or id stands for.
func (ix *Index) Entity(name string) (EntityStat, bool) {
	defer ix.read()()
	c, ok := ix.resolve(name, nil)
	if !ok {
		return EntityStat{}, false
	}
	return ix.stat(c), true
}

// stat gathers the counts of canonical entity c. It runs under the read lock.
func (ix *Index) stat(c uint32) EntityStat {
	e := ix.ents[c]
	st := EntityStat{ID: e.id, Name: e.top, Kind: e.kind}
	aliases := map[string]int{}
	for _, m := range ix.group(c) {
		me := ix.ents[m]
		st.Mentions += me.mentions
		st.Quotes += len(me.quotes)
		for _, ac := range me.aliases {
			aliases[ac.text] += ac.n
		}
		if len(ix.group(c)) > 1 {
			st.Members = append(st.Members, me.id)
		}
	}
	if st.Name == "" {
		st.Name = e.id
	}
	st.Articles = len(ix.entityPostings(c))
	st.Aliases = make([]string, 0, len(aliases))
	for s := range aliases {
		st.Aliases = append(st.Aliases, s)
	}
	sort.Slice(st.Aliases, func(a, b int) bool {
		x, y := st.Aliases[a], st.Aliases[b]
		if aliases[x] != aliases[y] {
			return aliases[x] > aliases[y]
		}
		return x < y
	})
	if len(st.Aliases) > maxAliases {
		st.Aliases = st.Aliases[:maxAliases]
	}
	return st
}

// CoOccurring returns the n entities (all when n <= 0) named in the most
// articles together with the entity a name or id stands for.
func (ix *Index) CoOccurring(name string, n int) []Related {
	defer ix.read()()
	c, ok := ix.resolve(name, nil)
	if !ok {
		return nil
	}
	return ix.coOccurring(c, n, make([]uint32, len(ix.ents)))
}

// coOccurring counts the articles canonical entity c shares with every
// other. seen (one slot per raw entity, all zero) is scratch, left zero.
func (ix *Index) coOccurring(c uint32, n int, seen []uint32) []Related {
	if len(seen) < len(ix.ents) {
		seen = make([]uint32, len(ix.ents))
	}
	counts := map[uint32]int{}
	for _, p := range ix.entityPostings(c) {
		seen[c] = p.doc + 1 // 1 + the last article the entity was counted in
		for _, r := range ix.docs[p.doc].ents {
			if o := ix.canonOf(r); seen[o] != p.doc+1 {
				seen[o] = p.doc + 1
				counts[o]++
			}
		}
	}
	seen[c] = 0
	out := make([]Related, 0, len(counts))
	for o, k := range counts {
		seen[o] = 0
		e := ix.ents[o]
		out = append(out, Related{ID: e.id, Name: e.top, Kind: e.kind, Articles: k})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Articles != out[b].Articles {
			return out[a].Articles > out[b].Articles
		}
		return out[a].ID < out[b].ID
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// QuoteHit is one quote of the corpus and where it is.
type QuoteHit struct {
	ArticleID   string
	Title       string
	Published   time.Time
	Quote       model.Quote
	SpeakerID   string // canonical id of the speaker, or ""
	SpeakerName string // the canonical name, else the speaker as written
}

// nearQuote is how far (bytes) outside a quote a mention still makes the quote about it.
const nearQuote = 200

// Quotes lists quotes in article order, filtered by speaker and by what they
// are about; an empty filter lets everything through.
//
// speaker is a name or id: when it stands for an entity, the quotes
// attributed to it (or any id tied to it; a one-word name of a person
// stands for every person called so, as in Search); otherwise the quotes whose
// speaker, as written, holds those words ("deputies"). about is a name or id
// of an entity mentioned inside the quote or within 200 bytes of it in the
// same paragraph; when it stands for no entity, the quotes whose words hold it.
func (ix *Index) Quotes(speaker, about string) []QuoteHit {
	defer ix.read()()
	refs := ix.quotes
	if strings.TrimSpace(speaker) != "" {
		cs, ok := ix.resolveAll(speaker, nil)
		refs = ix.speakerQuotes(clause{kind: clSpeaker, text: speaker, canons: cs, resolved: ok})
	}
	var keep func(r quoteRef) bool
	var last docArticle // the article of the last quote: its next quotes are in it
	if strings.TrimSpace(about) != "" {
		if cs, ok := ix.resolveAll(about, nil); ok {
			keep = func(r quoteRef) bool {
				return ix.namesAny(r.doc, cs) && ix.quoteAbout(r, cs, ix.cachedArticle(r.doc, &last))
			}
		} else {
			words := tokens(about)
			keep = func(r quoteRef) bool {
				q := &ix.cachedArticle(r.doc, &last).Quotes[r.q]
				ok, _ := hasPhrase(q.Text, words, nil)
				return ok
			}
		}
	}
	var out []QuoteHit
	for _, r := range refs {
		if keep != nil && !keep(r) {
			continue
		}
		a := ix.cachedArticle(r.doc, &last)
		q := a.Quotes[r.q]
		qh := QuoteHit{ArticleID: a.ID, Title: a.Title, Published: a.Published, Quote: q, SpeakerName: q.Speaker}
		if q.SpeakerEntity != "" {
			if n, ok := ix.entNum[q.SpeakerEntity]; ok {
				c := ix.ents[ix.canonOf(n)]
				qh.SpeakerID = c.id
				if nm := c.top; nm != "" {
					qh.SpeakerName = nm
				}
			}
		}
		out = append(out, qh)
	}
	return out
}

// docArticle is an article read for one doc, kept while the next quotes
// listed are in it.
type docArticle struct {
	doc uint32
	a   *model.Article
}

// cachedArticle returns article n, from last when it holds it.
func (ix *Index) cachedArticle(n uint32, last *docArticle) *model.Article {
	if last.a == nil || last.doc != n {
		*last = docArticle{doc: n, a: ix.article(n)}
	}
	return last.a
}

// namesAny reports whether article n names an entity of one of the groups cs.
func (ix *Index) namesAny(n uint32, cs []uint32) bool {
	for _, raw := range ix.docs[n].ents {
		if slices.Contains(cs, ix.canonOf(raw)) {
			return true
		}
	}
	return false
}

// quoteAbout reports whether an entity of one of the groups cs is
// mentioned in or near quote r of article a.
func (ix *Index) quoteAbout(r quoteRef, cs []uint32, a *model.Article) bool {
	d := &ix.docs[r.doc]
	q := &a.Quotes[r.q]
	text := a.Text(q.Field)
	for i, raw := range d.ents {
		if !slices.Contains(cs, ix.canonOf(raw)) {
			continue
		}
		for _, m := range a.Entities[i].Mentions {
			if m.Field != q.Field {
				continue
			}
			if m.Start >= q.Start && m.End <= q.End {
				return true
			}
			lo, hi := min(m.Start, q.Start), max(m.End, q.End)
			if hi-lo <= q.End-q.Start+2*nearQuote && 0 <= lo && lo <= hi && hi <= len(text) &&
				!strings.Contains(text[lo:hi], model.ParagraphSep) &&
				(m.End <= q.Start && q.Start-m.End <= nearQuote || m.Start >= q.End && m.Start-q.End <= nearQuote) {
				return true
			}
		}
	}
	return false
}

// Suggestion is an entity offered while a name is typed.
type Suggestion struct {
	Text     string // the name or alias that matched
	ID       string // canonical id
	Name     string // canonical name
	Kind     model.EntityKind
	Articles int
	Matched  []int // byte indexes of Text that matched the pattern
}

// suggestion is one searchable string of the suggestion list.
type suggestion struct {
	text     string
	key      string // folded
	canon    uint32
	articles int
}

// suggestList is every name and alias of the corpus, most named entities
// first, with an index of their folded forms for prefix look-ups.
type suggestList struct {
	all   []suggestion
	byKey []uint32  // indexes of all, by key
	docs  int       // briefs indexed when it was built
	built time.Time // when it was built
}

type suggestSource []suggestion

// String and Len make the list a fuzzy.Source.
func (s suggestSource) String(i int) string { return s[i].text }

// Len is the number of names in the list.
func (s suggestSource) Len() int { return len(s) }

// Bounds of the work of one Suggest: fuzzy matching runs over the names of
// the most named entities only; every name is still found by its folded
// prefix ("arikan" finds "Arıkan").
const (
	maxFuzzy      = 20000
	maxPrefixScan = 2000
)

// Suggest returns up to n entities whose names or aliases match pattern,
// fuzzily (sahilm/fuzzy) or by their folded beginning, ranked by the match
// and by how many articles name them; one suggestion per entity.
func (ix *Index) Suggest(pattern string, n int) []Suggestion {
	pattern = strings.TrimSpace(pattern)
	if pattern == "" {
		return nil
	}
	unlock := ix.read()
	list := ix.suggest
	if ix.suggestStale(list) {
		// rebuild the list under the write lock
		unlock()
		ix.mu.Lock()
		if ix.dirty {
			ix.derive()
		}
		if ix.suggestStale(ix.suggest) {
			ix.buildSuggest()
		}
		ix.mu.Unlock()
		unlock = ix.read()
		list = ix.suggest
	}
	defer unlock()
	if list == nil {
		return nil
	}

	type ranked struct {
		i       int // in list.all
		score   float64
		matched []int
	}
	best := map[uint32]ranked{}
	pk := nameKey(pattern)
	consider := func(i int, fuzzyScore float64, matched []int) {
		s := list.all[i]
		sc := fuzzyScore + 8*math.Log1p(float64(s.articles))
		if pk != "" && strings.HasPrefix(s.key, pk) {
			sc += 20
		}
		c := ix.canonOf(s.canon) // the list may predate the last ties
		if b, ok := best[c]; !ok || sc > b.score {
			best[c] = ranked{i: i, score: sc, matched: matched}
		}
	}
	fuzzySrc := list.all[:min(len(list.all), maxFuzzy)]
	fuzzed := map[int]bool{}
	for _, m := range fuzzy.FindFrom(pattern, suggestSource(fuzzySrc)) {
		consider(m.Index, float64(m.Score), m.MatchedIndexes)
		fuzzed[m.Index] = true
	}
	if pk != "" {
		at := sort.Search(len(list.byKey), func(k int) bool { return list.all[list.byKey[k]].key >= pk })
		for k := at; k < len(list.byKey) && k < at+maxPrefixScan; k++ {
			i := int(list.byKey[k])
			if !strings.HasPrefix(list.all[i].key, pk) {
				break
			}
			if fuzzed[i] {
				continue
			}
			var score float64
			var matched []int
			if ms := fuzzy.Find(pattern, []string{list.all[i].text}); len(ms) == 1 {
				score, matched = float64(ms[0].Score), ms[0].MatchedIndexes
			}
			consider(i, score, matched)
		}
	}
	out := make([]Suggestion, 0, len(best))
	scores := make(map[string]float64, len(best))
	for c, r := range best {
		s := list.all[r.i]
		e := ix.ents[c]
		out = append(out, Suggestion{Text: s.text, ID: e.id, Name: e.top, Kind: e.kind,
			Articles: s.articles, Matched: r.matched})
		scores[e.id] = r.score
	}
	sort.Slice(out, func(a, b int) bool {
		if scores[out[a].ID] != scores[out[b].ID] {
			return scores[out[a].ID] > scores[out[b].ID]
		}
		return out[a].ID < out[b].ID
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Rebuilding the suggestion list while briefs keep arriving costs more than
// it gives: a list is kept until the corpus has grown by a quarter, or for
// two seconds after the corpus last changed under it.
const (
	suggestGrowth = 4 // rebuild after len(docs)/suggestGrowth new briefs
	suggestMaxAge = 2 * time.Second
)

// suggestStale reports whether the suggestion list must be rebuilt. It runs
// under the read or write lock.
func (ix *Index) suggestStale(l *suggestList) bool {
	if l == nil {
		return true
	}
	grown := len(ix.docs) - l.docs
	return grown > 0 && (grown*suggestGrowth >= l.docs || time.Since(l.built) >= suggestMaxAge)
}

// buildSuggest lists every name and alias of every canonical entity. It runs
// under the write lock.
func (ix *Index) buildSuggest() {
	src := make([]suggestion, 0, len(ix.ents))
	for i := range ix.ents {
		c := uint32(i)
		if ix.canonOf(c) != c {
			continue
		}
		arts := len(ix.entityPostings(c))
		ms := ix.group(c)
		for _, m := range ms {
			for _, ac := range ix.ents[m].aliases {
				s := ac.text
				if ac.key == "" {
					continue
				}
				if len(ms) > 1 && slices.ContainsFunc(src[len(src)-min(len(src), 64):], func(x suggestion) bool {
					return x.canon == c && x.text == s
				}) {
					continue // the same form under two tied ids
				}
				src = append(src, suggestion{text: s, key: ac.key, canon: c, articles: arts})
			}
		}
	}
	slices.SortFunc(src, func(a, b suggestion) int {
		if a.articles != b.articles {
			return b.articles - a.articles
		}
		return strings.Compare(a.text, b.text)
	})
	byKey := make([]uint32, len(src))
	for i := range byKey {
		byKey[i] = uint32(i)
	}
	slices.SortFunc(byKey, func(a, b uint32) int { return strings.Compare(src[a].key, src[b].key) })
	ix.suggest = &suggestList{all: src, byKey: byKey, docs: len(ix.docs), built: time.Now()}
}
