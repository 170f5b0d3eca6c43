package index

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefs/model"
)

type lexOp int

const (
	opWord lexOp = iota
	opPhrase
	opEntity
	opSpeaker
	opKind
	opAnd
	opDate // after:, before:, on: (text is "after:2026-06")
)

type lexeme struct {
	op     lexOp
	text   string
	quoted bool
	prefix bool // a bare word written with a trailing * ("Lav*"): it also stands for the words it starts
}

// smartQuotes are typographic double quotes, taken as plain ones.
var smartQuotes = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`)

// lex splits a query into its lexemes.
func lex(q string) ([]lexeme, error) {
	q = smartQuotes.Replace(q)
	var out []lexeme
	i := 0
	readQuoted := func() string {
		// q[i] is the opening quote
		j := strings.IndexByte(q[i+1:], '"')
		var s string
		if j < 0 {
			s, i = q[i+1:], len(q)
		} else {
			s, i = q[i+1:i+1+j], i+2+j
		}
		return s
	}
	for i < len(q) {
		c := q[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			i++
			continue
		}
		if c == '"' {
			out = append(out, lexeme{op: opPhrase, text: readQuoted(), quoted: true})
			continue
		}
		j := i
		for j < len(q) && q[j] != ' ' && q[j] != '\t' && q[j] != '\n' && q[j] != '\r' && q[j] != '"' {
			j++
		}
		word := q[i:j]
		if word == "AND" || word == "&&" {
			out = append(out, lexeme{op: opAnd})
			i = j
			continue
		}
		prefix, rest, hasColon := strings.Cut(word, ":")
		if hasColon && dateOps[strings.ToLower(prefix)] && rest != "" {
			out = append(out, lexeme{op: opDate, text: word})
			i = j
			continue
		}
		op, isOp := map[string]lexOp{"entity": opEntity, "speaker": opSpeaker, "kind": opKind}[strings.ToLower(prefix)]
		if !hasColon || !isOp {
			if w := strings.TrimRight(word, "*"); w != word && w != "" {
				out = append(out, lexeme{op: opWord, text: w, prefix: true})
				i = j
				continue
			}
			out = append(out, lexeme{op: opWord, text: word})
			i = j
			continue
		}
		i = i + len(prefix) + 1
		switch {
		case i < len(q) && q[i] == '"':
			out = append(out, lexeme{op: op, text: readQuoted(), quoted: true})
		case rest != "":
			// the value runs to the end of the word (a raw id keeps its colon)
			val := q[i:j]
			out = append(out, lexeme{op: op, text: val, quoted: (op == opEntity || op == opSpeaker) && strings.Contains(val, ":")})
			i = j
		default:
			// "entity: Lavrov": the value is the next word
			for i < len(q) && (q[i] == ' ' || q[i] == '\t') {
				i++
			}
			if i >= len(q) {
				return nil, fmt.Errorf("%s: needs a value", prefix)
			}
			if q[i] == '"' {
				out = append(out, lexeme{op: op, text: readQuoted(), quoted: true})
				continue
			}
			k := i
			for k < len(q) && q[k] != ' ' && q[k] != '\t' && q[k] != '"' {
				k++
			}
			out = append(out, lexeme{op: op, text: q[i:k]})
			i = k
		}
	}
	return out, nil
}

// ParseKind reads a kind name, a plural ("people", "countries"), "org", or a
// unique prefix of one ("nat"), as kind: and --kind take them.
func ParseKind(s string) (model.EntityKind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "people", "persons":
		return model.KindPerson, nil
	case "countries":
		return model.KindCountry, nil
	case "places":
		return model.KindPlace, nil
	case "organisation", "organisations", "organizations", "org", "orgs":
		return model.KindOrganization, nil
	case "nationalities":
		return model.KindNationality, nil
	}
	var found []model.EntityKind
	for _, k := range model.Kinds {
		if s != "" && strings.HasPrefix(string(k), s) {
			found = append(found, k)
		}
	}
	if len(found) != 1 {
		return "", fmt.Errorf("kind %q: want one of person, country, place, organization, nationality, other", s)
	}
	return found[0], nil
}

type clauseKind int

const (
	clEntity clauseKind = iota
	clSpeaker
	clKind
	clTerm
	clPhrase
	clDate
)

// clause is one resolved condition of a query.
type clause struct {
	kind     clauseKind
	text     string   // as the user wrote it
	canons   []uint32 // clEntity, clSpeaker: the canonical entities it stands for, the likeliest first
	resolved bool     // clEntity, clSpeaker: canons is set
	ekind    model.EntityKind
	words    []string   // clTerm (one), clPhrase: folded words
	alts     []string   // clTerm: the index words it stands for (see variants)
	splits   [][]string // clTerm: pairs of index words that join into it
	refs     []quoteRef // clSpeaker: the speaker's quotes, in article order (filled by Search)
	date     DateTerm   // clDate
}

// maxNameWords bounds how many bare words are tried as one name.
const maxNameWords = 6

// plan resolves the lexemes of a query against the index. It runs under the
// read lock.
// With typing set, the last bare word is the word being typed: it also
// stands for the words it starts.
func (ix *Index) plan(lx []lexeme, typing bool) ([]clause, error) {
	var kinds []model.EntityKind
	var out []clause
	for _, l := range lx {
		if l.op == opKind {
			k, err := ParseKind(l.text)
			if err != nil {
				return nil, err
			}
			kinds = append(kinds, k)
			out = append(out, clause{kind: clKind, text: l.text, ekind: k})
		}
	}
	for i := 0; i < len(lx); {
		l := lx[i]
		switch l.op {
		case opAnd, opKind:
			i++
		case opDate:
			d, err := ParseDateTerm(l.text)
			if err != nil {
				return nil, err
			}
			out = append(out, clause{kind: clDate, text: l.text, date: d})
			i++
		case opPhrase:
			words := tokens(l.text)
			if indexable(words) {
				out = append(out, clause{kind: clPhrase, text: l.text, words: words})
			}
			i++
		case opEntity, opSpeaker:
			ck := clEntity
			if l.op == opSpeaker {
				ck = clSpeaker
			}
			cl := clause{kind: ck, text: l.text}
			next := i + 1
			if l.quoted {
				cl.canons, cl.resolved = ix.resolveAll(l.text, kinds)
			} else {
				// take the longest run of following bare words that still names an entity
				for end := min(i+maxNameWords, len(lx)); end >= i+1; end-- {
					if !allWords(lx[i+1 : end]) {
						continue
					}
					name := joinWords(l.text, lx[i+1:end])
					if cs, ok := ix.resolveAll(name, kinds); ok {
						cl.canons, cl.resolved, cl.text, next = cs, true, name, end
						break
					}
				}
			}
			out = append(out, cl)
			i = next
		case opWord:
			// the longest run of bare words that names an entity
			took := false
			for end := min(i+maxNameWords, len(lx)); end > i; end-- {
				if !allWords(lx[i:end]) {
					continue
				}
				name := joinWords("", lx[i:end])
				key := nameKey(name)
				if key == "" || stopwords[key] {
					continue
				}
				if cs, ok := ix.resolveAll(name, kinds); ok {
					out = append(out, clause{kind: clEntity, text: name, canons: cs, resolved: true})
					i, took = end, true
					break
				}
			}
			if took {
				continue
			}
			words := tokens(l.text)
			last := typing && i == len(lx)-1 || l.prefix
			if len(words) > 1 {
				// "cease-fire" is also "ceasefire", when the index holds it
				joined := strings.Join(words, "")
				if alts, splits := ix.variants(joined, false); len(alts) > 0 {
					if len(words) == 2 && !slices.ContainsFunc(splits, func(p []string) bool { return slices.Equal(p, words) }) {
						splits = append(splits, words)
					}
					out = append(out, clause{kind: clTerm, text: l.text, words: []string{joined}, alts: alts, splits: splits})
					i++
					continue
				}
			}
			switch {
			case len(words) == 1 && !stopwords[words[0]]:
				cl := clause{kind: clTerm, text: l.text, words: words}
				cl.alts, cl.splits = ix.variants(words[0], last)
				out = append(out, cl)
			case len(words) > 1 && indexable(words):
				out = append(out, clause{kind: clPhrase, text: l.text, words: words})
			}
			i++
		}
	}
	return out, nil
}

func allWords(lx []lexeme) bool {
	for _, l := range lx {
		if l.op != opWord {
			return false
		}
	}
	return true
}

func joinWords(first string, lx []lexeme) string {
	parts := make([]string, 0, len(lx)+1)
	if first != "" {
		parts = append(parts, first)
	}
	for _, l := range lx {
		parts = append(parts, l.text)
	}
	return strings.Join(parts, " ")
}

// indexable reports whether a phrase has a word the full-text index holds.
func indexable(words []string) bool {
	for _, w := range words {
		if !stopwords[w] {
			return true
		}
	}
	return false
}

// Resolve returns the canonical id of the entity a name stands for, in any
// surface form the corpus or the gazetteer knows, or a raw entity id.
func (ix *Index) Resolve(name string) (id string, ok bool) {
	defer ix.read()()
	c, ok := ix.resolve(name, nil)
	if !ok {
		return "", false
	}
	return ix.ents[c].id, true
}

// resolveAll is resolve, widened for a name of one word that stands for a
// person: every person the corpus calls by that word (its surname, or an
// alias) is taken too, the likeliest first. "Clinton" searches every
// Clinton; "Hillary Clinton" only her.
func (ix *Index) resolveAll(name string, kinds []model.EntityKind) ([]uint32, bool) {
	c, ok := ix.resolve(name, kinds)
	if !ok {
		return nil, false
	}
	out := []uint32{c}
	key := nameKey(name)
	if _, isID := ix.entNum[strings.TrimSpace(name)]; isID || ix.ents[c].kind != model.KindPerson || key == "" || firstWord(key) != key {
		return out, true
	}
	for _, ref := range ix.aliases[key] {
		if ix.ents[ref.ent].kind == model.KindPerson {
			out = appendUnique(out, ix.canonOf(ref.ent))
		}
	}
	for _, o := range ix.surnames[key] {
		out = appendUnique(out, o)
	}
	return out, true
}

// looksLikeNewFullName reports whether name is written as a person's full
// name (two to four capitalised words) whose words before the last name
// nothing in the corpus.
func (ix *Index) looksLikeNewFullName(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for i, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		if k := nameKey(w); i < len(words)-1 && (k == "" || len(ix.aliases[k]) > 0) {
			return false
		}
	}
	return true
}

// resolve finds the canonical entity for name, limited to kinds when given.
// It runs under the read lock. In order: a raw id; the alias table (the
// entity it named most often); a surname (the person of that surname named
// in most articles); the resolver; a full name's surname, when the briefs
// name that person by the surname alone.
func (ix *Index) resolve(name string, kinds []model.EntityKind) (uint32, bool) {
	kindOK := func(k model.EntityKind) bool {
		if len(kinds) == 0 {
			return true
		}
		for _, want := range kinds {
			if k == want {
				return true
			}
		}
		return false
	}
	name = strings.TrimSpace(name)
	if r, ok := ix.entNum[name]; ok && kindOK(ix.ents[r].kind) {
		return ix.canonOf(r), true
	}
	key := nameKey(name)
	if key == "" {
		return 0, false
	}
	if refs := ix.aliases[key]; len(refs) > 0 {
		counts := map[uint32]uint32{}
		for _, ref := range refs {
			if kindOK(ix.ents[ref.ent].kind) {
				counts[ix.canonOf(ref.ent)] += ref.n
			}
		}
		best, bn := uint32(0), uint32(0)
		for c, n := range counts {
			if n > bn || n == bn && ix.ents[c].id < ix.ents[best].id {
				best, bn = c, n
			}
		}
		if bn > 0 {
			return best, true
		}
	}
	if firstWord(key) == key && kindOK(model.KindPerson) {
		best, bn := uint32(0), -1
		for _, c := range ix.surnames[key] {
			if n := len(ix.entityPostings(c)); n > bn || n == bn && ix.ents[c].id < ix.ents[best].id {
				best, bn = c, n
			}
		}
		if bn >= 0 {
			return best, true
		}
	}
	if ix.resolver != nil {
		if id, kind, ok := ix.resolver.Resolve(name); ok && kindOK(kind) {
			if r, ok := ix.entNum[id]; ok {
				return ix.canonOf(r), true
			}
		}
	}
	// A full name the briefs never write, whose surname alone names a
	// person ("Sergei Lavrov" where they say only "Lavrov"): that person,
	// unless the corpus ties the surname to another full name. Only a name
	// written as one (capitalised words, none before the surname a name
	// of the corpus), so that "Russia Kask" stays two entities.
	if last := lastWord(key); last != key && kindOK(model.KindPerson) && ix.looksLikeNewFullName(name) {
		counts := map[uint32]uint32{}
		for _, ref := range ix.aliases[last] {
			if c := ix.canonOf(ref.ent); ix.ents[c].kind == model.KindPerson && ix.ents[c].topKey == last {
				counts[c] += ref.n
			}
		}
		best, bn := uint32(0), uint32(0)
		for c, n := range counts {
			if n > bn || n == bn && ix.ents[c].id < ix.ents[best].id {
				best, bn = c, n
			}
		}
		if bn > 0 {
			return best, true
		}
	}
	return 0, false
}

// dateOps are the prefixes of a query's date terms.
var dateOps = map[string]bool{"after": true, "before": true, "on": true}

// DateTerm is a date condition of a query, on the calendar day a brief was
// published (in the brief's own time zone): after:2026-06-01 holds from
// that day on, before:2026-06-01 until the day before, on:2026-06-01 on
// that day. A month (2026-06) or a year (2026) is the whole of it:
// after:2026-06 is June and later, before:2026-06 is May and earlier.
// A brief without a date holds none.
type DateTerm struct {
	Op       string    // "after", "before" or "on"
	From, To time.Time // the days that hold, [From, To), midnight UTC; zero: open
}

// dateLayouts are the precisions a date term takes, with the step to the
// end of the period.
var dateLayouts = []struct {
	layout      string
	years, mons int
	days        int
}{
	{"2006-01-02", 0, 0, 1},
	{"2006-01", 0, 1, 0},
	{"2006", 1, 0, 0},
}

// ParseDateTerm reads a date term: "after:2026-06-01", "before:2026-06",
// "on:2026". It fails on an unknown prefix or a value that is not a date.
func ParseDateTerm(word string) (DateTerm, error) {
	prefix, val, ok := strings.Cut(word, ":")
	op := strings.ToLower(prefix)
	if !ok || !dateOps[op] {
		return DateTerm{}, fmt.Errorf("%q: not a date term (after:, before:, on:)", word)
	}
	val = strings.TrimSpace(val)
	for _, l := range dateLayouts {
		if len(val) != len(l.layout) {
			continue
		}
		start, err := time.Parse(l.layout, val)
		if err != nil {
			continue
		}
		end := start.AddDate(l.years, l.mons, l.days)
		d := DateTerm{Op: op}
		switch op {
		case "after":
			d.From = start
		case "before":
			d.To = start
		default:
			d.From, d.To = start, end
		}
		return d, nil
	}
	return DateTerm{}, fmt.Errorf("%s: %q is not a date (want 2026-06-01, 2026-06 or 2026)", op, val)
}

// IsDateTerm reports whether a word is written as a date term (after:,
// before: or on: and a value), well formed or not.
func IsDateTerm(word string) bool {
	prefix, rest, ok := strings.Cut(word, ":")
	return ok && rest != "" && dateOps[strings.ToLower(prefix)]
}

// Holds reports whether a brief published at t meets the term.
func (d DateTerm) Holds(t time.Time) bool {
	if t.IsZero() {
		return false
	}
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return (d.From.IsZero() || !day.Before(d.From)) && (d.To.IsZero() || day.Before(d.To))
}

// dateMatches returns the articles a date clause holds for, in article
// order, with a small score so that a query of dates alone lists the
// newest first (the score is weighed by recency).
func (ix *Index) dateMatches(d DateTerm) []scored {
	var out []scored
	for n := range ix.docs {
		if d.Holds(ix.docs[n].published) {
			out = append(out, scored{doc: uint32(n), score: 0.01})
		}
	}
	return out
}
