package index

import (
	"math"
	"strings"

	"briefs/model"
)

// prepared is an article analysed outside the index lock: its words counted
// (as the analyser's own term numbers) and its entity names resolved.
type prepared struct {
	art      model.Article
	terms    []termCount
	length   uint32
	surfaces [][]surface // per entity of art: its distinct names, aliases and mention texts
}

// surface is one way an article writes an entity, folded, and how often.
type surface struct {
	text, key string
	n         int
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
}

func newAnalyzer() *analyzer {
	return &analyzer{dict: map[string]uint32{}, resolved: map[string]string{}, keys: map[string]string{}}
}

// trim drops the dictionary when it has grown too large.
func (an *analyzer) trim() {
	if len(an.words) > maxAnalyzerWords {
		*an = *newAnalyzer()
	}
}

// prepare counts the words of a and asks r about the names of its entities.
func (an *analyzer) prepare(a model.Article, r Resolver) prepared {
	if a.ID == "" {
		a.ID = model.ArticleID(a.Title, a.Body)
	}
	if r != nil {
		for _, e := range a.Entities {
			if _, done := an.resolved[e.ID]; done || e.Name == "" {
				continue
			}
			if id, kind, ok := r.Resolve(e.Name); ok && kind == e.Kind {
				an.resolved[e.ID] = id
			} else {
				an.resolved[e.ID] = ""
			}
		}
	}
	surfaces := make([][]surface, len(a.Entities))
	for i, e := range a.Entities {
		var ss []surface
		add := func(text string) {
			for k := range ss {
				if ss[k].text == text {
					ss[k].n++
					return
				}
			}
			key, ok := an.keys[text]
			if !ok {
				key = nameKey(text)
				an.keys[strings.Clone(text)] = key
			}
			if key != "" {
				ss = append(ss, surface{text: text, key: key, n: 1})
			}
		}
		for _, m := range e.Mentions {
			add(m.Text)
		}
		add(e.Name)
		for _, al := range e.Aliases {
			add(al)
		}
		surfaces[i] = ss
	}
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
	p := prepared{art: a, length: length, terms: an.arena[from:len(an.arena):len(an.arena)], surfaces: surfaces}
	an.touched = touched
	return p
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
