// Package gazetteer knows the names of countries, nationalities, capitals,
// regions, international organisations and seats of government, and finds
// them in tokenized text.
//
// The data (gazetteer.tsv, embedded) is generated from ISO 3166, CLDR 41 and
// the World Factbook plus hand-curated lists by
//
//	go run ./articles/entities/gazetteer/gen
//
// Each row is: id, kind, canonical name, country id, aliases separated by "|".
package gazetteer

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefs/articles/entities/token"
	"briefs/model"
)

//go:embed gazetteer.tsv
var data string

// Entry is one named thing the gazetteer knows.
type Entry struct {
	ID      string // model.EntityID(Kind, Name)
	Kind    model.EntityKind
	Name    string // canonical name
	Country string // country id for nationalities and places, "" otherwise
	Aliases []string
	// World marks an entry of the world lists and the news organisations
	// (gen's world.go and newsOrgs), which the tagger's features do not see:
	// it was trained without them, and is better so on every dev split.
	World bool
}

// alias is one surface form as a token sequence.
type alias struct {
	toks  []string
	entry int32
}

// Gazetteer looks names up. It is read-only after Load and safe for concurrent use.
type Gazetteer struct {
	Entries []Entry
	bySlug  map[string]int32
	byFirst map[string][]alias // exact first token -> aliases, longest first
	byUpper map[string][]alias // upper-cased first token -> upper-cased aliases, for headlines

	placeOnce   sync.Once
	placeStarts []uint64 // bit set of the first three letters of countries' and places' first words (MayStartPlace)
}

// kindRank orders kinds when two entries share a folded name.
var kindRank = map[model.EntityKind]int{
	model.KindCountry: 0, model.KindOrganization: 1, model.KindPlace: 2, model.KindNationality: 3,
}

// Load parses the embedded gazetteer.
func Load() (*Gazetteer, error) {
	return Parse(data)
}

// Parse reads gazetteer rows from text in the gazetteer.tsv format.
func Parse(text string) (*Gazetteer, error) {
	g := &Gazetteer{bySlug: map[string]int32{}, byFirst: map[string][]alias{}, byUpper: map[string][]alias{}}
	for n, line := range strings.Split(text, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 && (len(f) != 6 || f[5] != "world") {
			return nil, fmt.Errorf("gazetteer line %d: want 5 fields (and perhaps \"world\"), got %d", n+1, len(f))
		}
		e := Entry{ID: f[0], Kind: model.EntityKind(f[1]), Name: f[2], Country: f[3], Aliases: strings.Split(f[4], "|"), World: len(f) == 6}
		g.Entries = append(g.Entries, e)
	}
	for i := range g.Entries {
		e := &g.Entries[i]
		for _, a := range e.Aliases {
			g.addAlias(a, int32(i))
		}
	}
	for _, m := range []map[string][]alias{g.byFirst, g.byUpper} {
		for k, v := range m {
			sort.SliceStable(v, func(i, j int) bool { return len(v[i].toks) > len(v[j].toks) })
			m[k] = v
		}
	}
	return g, nil
}

func (g *Gazetteer) addAlias(a string, i int32) {
	e := &g.Entries[i]
	key := model.Slug(a)
	if key == "" {
		return
	}
	if old, ok := g.bySlug[key]; !ok || kindRank[e.Kind] < kindRank[g.Entries[old].Kind] {
		g.bySlug[key] = i
	}
	toks := token.Tokenize(a)
	if len(toks) == 0 {
		return
	}
	words := make([]string, len(toks))
	upper := make([]string, len(toks))
	for k, t := range toks {
		words[k] = t.Text
		upper[k] = strings.ToUpper(t.Text)
	}
	g.byFirst[words[0]] = appendAlias(g.byFirst[words[0]], alias{words, i}, g)
	g.byUpper[upper[0]] = appendAlias(g.byUpper[upper[0]], alias{upper, i}, g)
	// "the Kremlin" also matches without its article, handled by the plain alias.
}

// appendAlias adds a unless the same token sequence is there already with a higher-ranked kind.
func appendAlias(list []alias, a alias, g *Gazetteer) []alias {
	for k, b := range list {
		if equal(a.toks, b.toks) {
			if kindRank[g.Entries[a.entry].Kind] < kindRank[g.Entries[b.entry].Kind] {
				list[k] = a
			}
			return list
		}
	}
	return append(list, a)
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Resolve finds the entry any surface form names, ignoring case, accents and
// punctuation ("russian federation", "U.S.", "usa").
func (g *Gazetteer) Resolve(name string) (*Entry, bool) {
	i, ok := g.bySlug[model.Slug(name)]
	if !ok {
		return nil, false
	}
	return &g.Entries[i], true
}

// StartsUpper reports whether a name, upper-cased, starts with the word
// w (upper-cased bytes): a cheap test before Longest with upper set.
func (g *Gazetteer) StartsUpper(w []byte) bool {
	_, ok := g.byUpper[string(w)]
	return ok
}

// MayStartPlace reports whether the ASCII lower-case word w (three letters
// or more) may start a country's or place's name: false means no name of
// either kind starts with w in any case. A bit set of first three letters
// answers, made when first asked.
func (g *Gazetteer) MayStartPlace(w string) bool {
	g.placeOnce.Do(g.makePlaceStarts)
	k := prefix3(w)
	return k < 0 || g.placeStarts[k/64]&(1<<(k%64)) != 0
}

// prefix3 indexes the first three letters of w when they are ASCII
// letters (either case), else -1.
func prefix3(w string) int {
	if len(w) < 3 {
		return -1
	}
	k := 0
	for i := range 3 {
		c := w[i] | 0x20
		if c < 'a' || c > 'z' {
			return -1
		}
		k = k*26 + int(c-'a')
	}
	return k
}

func (g *Gazetteer) makePlaceStarts() {
	g.placeStarts = make([]uint64, (26*26*26+63)/64)
	for _, list := range g.byUpper {
		for _, a := range list {
			if kind := g.Entries[a.entry].Kind; kind != model.KindCountry && kind != model.KindPlace {
				continue
			}
			if k := prefix3(a.toks[0]); k >= 0 {
				g.placeStarts[k/64] |= 1 << (k % 64)
			}
		}
	}
}

// Match is a gazetteer name found in a token sequence: tokens [Start, End).
type Match struct {
	Start, End int
	Entry      *Entry
}

// Longest returns the longest alias that starts at words[i], matching case
// exactly, or by upper case when upper is set (for all-caps headlines).
// n is the number of tokens it covers; n == 0 when none does.
func (g *Gazetteer) Longest(words []string, i int, upper bool) (e *Entry, n int) {
	w := words[i]
	var list []alias
	if upper {
		list = g.byUpper[w]
	} else {
		list = g.byFirst[w]
	}
	for _, a := range list {
		if i+len(a.toks) > len(words) {
			continue
		}
		ok := true
		for k := 1; k < len(a.toks); k++ {
			if words[i+k] != a.toks[k] {
				ok = false
				break
			}
		}
		if ok {
			return &g.Entries[a.entry], len(a.toks)
		}
	}
	return nil, 0
}

// Find returns the non-overlapping longest matches in words, left to right.
// Aliases must start with a capital letter or digit in the text, so that
// "us" and "who" never match; upper selects upper-case matching for headlines.
func (g *Gazetteer) Find(words []string, upper bool) []Match {
	return g.AppendMatches(nil, words, upper)
}

// AppendMatches is Find appending the matches to out, for a caller that
// keeps the matches of many sentences in one array.
func (g *Gazetteer) AppendMatches(out []Match, words []string, upper bool) []Match {
	for i := 0; i < len(words); {
		r, _ := utf8.DecodeRuneInString(words[i])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			i++
			continue
		}
		if e, n := g.Longest(words, i, upper); n > 0 {
			out = append(out, Match{Start: i, End: i + n, Entry: e})
			i += n
			continue
		}
		i++
	}
	return out
}
