package index

import (
	"math"
	"strings"

	"briefs/model"
)

// prepared is an article analysed outside the index lock: its words counted
// (as the analyser's own term numbers) and its entity names resolved.
type prepared struct {
	art    model.Article
	terms  []termCount
	length uint32
	madeID bool // the article came without an id: no Briefs hold it
}

// idSurface is one way (text) articles write one entity (id).
type idSurface struct {
	id, text string
}

// surfaceTally counts a surface form over the articles of a chunk: n uses
// (mentions, names, aliases), names of them as the entity's Name.
type surfaceTally struct {
	key      string // folded
	n, names int
}

// termCount is how often one word occurs in an article's body and title.
type termCount struct {
	t uint32
	c [2]uint16
}

// noTerm marks an analyser term not yet given an index term number.
const noTerm = math.MaxUint32

// maxAnalyzerWords bounds an analyser's own dictionary; past it the
// dictionary starts afresh after a batch.
const maxAnalyzerWords = 1 << 20

// analyzer counts the words of articles with a dictionary of its own, so
// that several can work at once; the index maps its term numbers to the
// index's when it adds the articles.
type analyzer struct {
	dict     map[string]uint32
	words    []string
	stop     []bool
	global   []uint32 // analyser term -> index term, or noTerm
	tf       [][2]uint16
	touched  []uint32
	buf      []byte
	resolved map[string]string // entity id -> what the resolver says its name is ("" nothing)
	keys     map[string]string // surface form -> folded alias key
	arena    []termCount       // the terms of the chunk being analysed
	// the names of the chunk's entities, counted here (on all cores) and
	// added to the index once per chunk rather than once per article
	surfaces map[idSurface]*surfaceTally
}

func newAnalyzer() *analyzer {
	return &analyzer{dict: map[string]uint32{}, resolved: map[string]string{}, keys: map[string]string{},
		surfaces: map[idSurface]*surfaceTally{}}
}

// trim drops the dictionary when it has grown too large.
func (an *analyzer) trim() {
	if len(an.words) > maxAnalyzerWords {
		*an = *newAnalyzer()
	}
}

// prepare counts the words of a and asks r about the names of its entities.
func (an *analyzer) prepare(a model.Article, r Resolver) prepared {
	madeID := a.ID == ""
	if madeID {
		a.ID = model.ArticleID(a.Title, a.Body)
	}
	if r != nil {
		for _, e := range a.Entities {
			if _, done := an.resolved[e.ID]; done || e.Name == "" {
				continue
			}
			id, kind, ok := r.Resolve(e.Name)
			if !ok || kind != e.Kind {
				id = ""
			}
			an.resolved[strings.Clone(e.ID)] = id // kept across chunks: not the article's buffer

		}
	}
	an.tally(&a, 1)
	var length uint32
	touched := an.touched[:0]
	count := func(field int) func(tok []byte, _, _ int) bool {
		return func(tok []byte, _, _ int) bool {
			length++
			if len(tok) <= 5 && isStopword(tok) {
				return true
			}
			t, ok := an.dict[string(tok)] // no allocation for a known word
			if !ok {
				w := string(tok)
				t = uint32(len(an.words))
				an.dict[w] = t
				an.words = append(an.words, w)
				an.stop = append(an.stop, stopwords[w])
				an.global = append(an.global, noTerm)
				an.tf = append(an.tf, [2]uint16{})
			}
			if an.stop[t] {
				return true
			}
			c := &an.tf[t]
			if c[0] == 0 && c[1] == 0 {
				touched = append(touched, t)
			}
			if c[field] < math.MaxUint16 {
				c[field]++
			}
			return true
		}
	}
	an.buf = eachToken(a.Title, an.buf, count(1))
	an.buf = eachToken(a.Body, an.buf, count(0))
	from := len(an.arena)
	for _, t := range touched {
		an.arena = append(an.arena, termCount{t: t, c: an.tf[t]})
		an.tf[t] = [2]uint16{}
	}
	p := prepared{art: a, length: length, terms: an.arena[from:len(an.arena):len(an.arena)], madeID: madeID}
	an.touched = touched
	return p
}

// tally counts (sign 1) or uncounts (sign -1, for an article the index
// already had) the names, aliases and mention texts of a's entities.
func (an *analyzer) tally(a *model.Article, sign int) {
	for _, e := range a.Entities {
		add := func(text string, name int) {
			k := idSurface{e.ID, text}
			t := an.surfaces[k]
			if t == nil {
				key, ok := an.keys[text]
				if !ok {
					key = nameKey(text)
					an.keys[strings.Clone(text)] = key
				}
				t = &surfaceTally{key: key}
				an.surfaces[k] = t
			}
			t.n += sign
			t.names += sign * name
		}
		for _, m := range e.Mentions {
			add(m.Text, 0)
		}
		add(e.Name, 1)
		for _, al := range e.Aliases {
			add(al, 0)
		}
	}
}

// flushSurfaces adds the chunk's counted names to the index. It runs under
// the write lock, after the chunk's articles were added.
func (an *analyzer) flushSurfaces(ix *Index) {
	renamed := map[uint32]bool{}
	for k, t := range an.surfaces {
		r, ok := ix.entNum[k.id]
		if !ok || t.n <= 0 {
			continue
		}
		ix.addAliasKey(k.text, t.key, r, t.n)
		if t.names > 0 {
			ix.ents[r].names = addText(ix.ents[r].names, k.text, t.names)
			renamed[r] = true
		}
	}
	clear(an.surfaces)
	for r := range renamed {
		re := ix.ents[r]
		if t := topName(re.names); t != re.top {
			re.top, re.topKey = t, nameKey(t)
		}
	}
}

// globalTerm returns the index's term number for analyser term t, adding
// the word to the index's dictionary when new. It runs under the write lock.
func (an *analyzer) globalTerm(ix *Index, t uint32) uint32 {
	if g := an.global[t]; g != noTerm {
		return g
	}
	w := an.words[t]
	g, ok := ix.termNum[w]
	if !ok {
		g = uint32(len(ix.postings))
		ix.termNum[w] = g
		ix.postings = append(ix.postings, nil)
	}
	an.global[t] = g
	return g
}
