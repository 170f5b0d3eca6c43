// Package entities finds the people, countries, places, organisations,
// nationalities and other named things in an article, ties every mention of
// one thing together and gives it a stable id.
//
// Three parts work together:
//
//   - token: a CoNLL-style tokenizer that keeps byte offsets;
//   - tagger: an averaged-perceptron sequence tagger for PER/LOC/ORG/MISC
//     trained on CoNLL-2003 (see package tagger for how to retrain it);
//   - gazetteer: countries, nationalities, capitals, regions, international
//     organisations and seats of government (see package gazetteer).
//
// The tagger proposes spans; the gazetteer types them (a LOC that is a
// country becomes a country, a MISC that is a nationality a nationality) and
// adds the names the tagger missed. Within an article, surnames are tied to
// full names ("Assad" to "Bashar al-Assad"), acronyms to their expansions,
// and gazetteer aliases to one entry ("U.S.", "US", "United States of America").
package entities

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/tagger"
	"briefs/articles/entities/token"
	"briefs/articles/lexicon"
	"briefs/articles/names"
	"briefs/model"
)

// Extractor finds entities. It is read-only once built and safe for concurrent use.
type Extractor struct {
	gaz *gazetteer.Gazetteer
	tag *tagger.Model
	// modifierCluster is the word cluster of determiners and common
	// adjectives ("small"), found at load; modifierOK says it was.
	modifierCluster uint32
	modifierOK      bool
	// rules are the rules this extractor runs when rulesSet (Without), else Rules
	rules    []*Rule
	rulesSet bool
	offLinks map[string]bool // link steps switched off (Without)
	// bufs holds *textBufs: the token and word arrays of one Extract,
	// reused by the next (nothing Extract returns points into them).
	bufs sync.Pool
}

// textBufs are the backing arrays splitSentences fills.
type textBufs struct {
	toks  []token.Token
	words []string
	// the sentences, what the tagger reads of them and the spans found, of
	// the last Extract (emptied before the scratch goes back to the pool)
	sents []sentence
	ts    []tagger.Sentence
	spans []span
	link  linkBufs
	// the sentence ends of a paragraph, and the gazetteer's matches in
	// every sentence (each sentence's a capped piece; when the array
	// grows, the sentences before keep the old one)
	ends    []int
	matches []gazetteer.Match
	// per sentence: the tagger's spans, the rules' context and which
	// gazetteer matches a span took
	tagged []tagger.Span
	rules  ruleCtx
	used   []bool
}

var (
	defaultOnce sync.Once
	defaultX    *Extractor
	defaultErr  error
)

// Default returns the extractor built from the embedded model and gazetteer.
// The first call loads them; later calls return the same extractor.
func Default() (*Extractor, error) {
	defaultOnce.Do(func() {
		defaultX, defaultErr = New()
	})
	return defaultX, defaultErr
}

// New loads a fresh extractor from the embedded model and gazetteer.
func New() (*Extractor, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	m, err := tagger.Load(g)
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	x := &Extractor{gaz: g, tag: m}
	x.modifierCluster, x.modifierOK = m.Cluster("small")
	return x, nil
}

// Resolve looks a surface form up in the gazetteer, ignoring case, accents
// and punctuation: "russian federation" gives "country:russia".
func (x *Extractor) Resolve(name string) (id string, kind model.EntityKind, ok bool) {
	e, ok := x.gaz.Resolve(strings.TrimSpace(name))
	if !ok {
		return "", "", false
	}
	return e.ID, e.Kind, true
}

// Extract sets a.Entities from a.Title and a.Body, ordered by first mention
// (title before body).
func (x *Extractor) Extract(a *model.Article) { x.extract(a, nil) }

// extract is Extract; with tr set it records what ExtractTrace reports.
func (x *Extractor) extract(a *model.Article, tr *traceBufs) {
	fields := []struct {
		f    model.Field
		text string
	}{{model.FieldTitle, a.Title}, {model.FieldBody, a.Body}}
	bufs, _ := x.bufs.Get().(*textBufs)
	if bufs == nil {
		bufs = new(textBufs)
	}
	sents, ts, spans := bufs.sents[:0], bufs.ts[:0], bufs.spans[:0]
	defer func() {
		// keep the arrays, not what they point to (this article's text)
		clear(sents)
		clear(ts)
		clear(spans) // (matches point into the gazetteer only)
		bufs.sents, bufs.ts, bufs.spans, bufs.matches = sents[:0], ts[:0], spans[:0], bufs.matches[:0]
		x.bufs.Put(bufs)
	}()
	bufs.toks, bufs.words = bufs.toks[:0], bufs.words[:0]
	for _, f := range fields {
		from := len(sents)
		sents = splitSentences(sents, f.text, bufs)
		for k := from; k < len(sents); k++ {
			s := &sents[k]
			s.field, s.text = f.f, f.text
			s.tagWords = s.words
			s.headline = s.upper && f.f == model.FieldTitle
			if !s.upper && f.f == model.FieldTitle && isTitleCase(s.words) {
				// "Labour Plans Maternity Pay Rise": every word capitalised says
				// nothing about names, as in an all-caps headline, so the tagger
				// reads it as one.
				s.upper, s.headline = true, true
				s.tagWords = make([]string, len(s.words))
				for i, w := range s.words {
					s.tagWords[i] = strings.ToUpper(w)
				}
			}
			m0 := len(bufs.matches)
			bufs.matches = x.gaz.AppendMatches(bufs.matches, s.tagWords, s.upper)
			s.matches = bufs.matches[m0:len(bufs.matches):len(bufs.matches)]
			if len(s.matches) == 0 {
				s.matches = nil // as Find gives none
			}
			ts = append(ts, tagger.Sentence{Words: s.tagWords, Upper: s.upper, Matches: s.matches, Found: true})
		}
	}
	var labels [][]tagger.Label
	if x.tag != nil {
		labels = x.tag.TagDoc(ts)
	}
	var margins [][]float32
	if tr != nil && x.tag != nil {
		_, margins = x.tag.TagDocMargins(ts)
	}
	for k := range sents {
		tagged := bufs.tagged[:0]
		if labels != nil {
			tagged = tagger.AppendSpans(tagged, labels[k])
		}
		n0 := len(spans)
		spans = x.sentenceSpans(spans, &sents[k], tagged, tr, bufs)
		bufs.tagged = tagged[:0]
		if tr != nil && labels != nil {
			tr.noteTagger(&sents[k], spans[n0:], labels[k], margins[k])
		}
	}
	spans = addAcronyms(spans, sents)
	spans = checkHeadline(spans)
	var lo *linkOut
	if tr != nil {
		lo = &tr.link
	}
	a.Entities = linkTrace(spans, x.gaz, &bufs.link, lo, x.offLinks)
}

// sentence is one run of tokens tagged together.
type sentence struct {
	field    model.Field
	text     string // the whole field the offsets point into
	toks     []token.Token
	words    []string
	tagWords []string // the words the tagger sees: upper-cased for a title-case headline
	upper    bool     // an all-caps (or title-case) headline
	headline bool     // a title where case says nothing
	// paraStart marks a paragraph's first sentence, where a dateline may stand.
	paraStart bool
	matches   []gazetteer.Match // the gazetteer's names in tagWords
}

// splitSentences tokenizes text paragraph by paragraph, splits each
// paragraph into sentences and appends them to out. The tokens and words go after those already in
// bufs, and bufs keeps the arrays for the next call (when they grow, the
// sentences cut before keep the old ones).
func splitSentences(out []sentence, text string, bufs *textBufs) []sentence {
	// One backing array each for the tokens and the words of the whole text:
	// about one token per five bytes of news prose.
	all, words := bufs.toks, bufs.words
	if need := len(all) + len(text)/5 + 8; cap(all) < need {
		all = slices.Grow(all, need-len(all))
	}
	if need := len(words) + len(text)/5 + 8; cap(words) < need {
		words = make([]string, len(words), max(need, 2*cap(words)))
	}
	defer func() { bufs.toks, bufs.words = all, words }()
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		from := len(all)
		all = token.Append(all, text[start:end], start)
		toks := all[from:len(all):len(all)]
		prev := 0
		bufs.ends = token.AppendSentences(bufs.ends[:0], toks)
		for _, e := range bufs.ends {
			st := toks[prev:e:e]
			if len(words)+len(st) > cap(words) {
				words = make([]string, 0, max(len(st), cap(words)))
			}
			w0 := len(words)
			for _, t := range st {
				words = append(words, t.Text)
			}
			s := sentence{toks: st, words: words[w0:len(words):len(words)]}
			s.upper = isUpperSentence(s.words)
			s.paraStart = prev == 0
			out = append(out, s)
			prev = e
		}
		start = end + 1
	}
	return out
}

// isTitleCase reports whether a headline capitalises all its longer words.
func isTitleCase(words []string) bool {
	caps, long := 0, 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) < 4 || !unicode.IsLetter(r) {
			continue // short words ("of", "in") and clitics ("’s") may stay lower-case
		}
		long++
		if isUpperInitial(w) {
			caps++
		}
	}
	return long >= 3 && caps == long
}

// isUpperSentence reports whether a sentence is written in capitals (a headline).
func isUpperSentence(words []string) bool {
	// rest is the bytes of the words not counted yet, more than the capitals
	// they can hold: once the lower-case letters outweigh even that many the
	// answer is no, and most sentences of prose are settled a few words in.
	rest := 0
	for _, w := range words {
		rest += len(w)
	}
	up, low := 0, 0
	for _, w := range words {
		rest -= len(w)
		ascii := true
		for i := 0; i < len(w); i++ {
			k := asciiCase[w[i]]
			up += int(k & 1)
			low += int(k >> 1 & 1)
			if k == 4 {
				ascii = false
			}
		}
		if !ascii {
			// Count the word again rune by rune, undoing its ASCII count.
			for i := 0; i < len(w); i++ {
				k := asciiCase[w[i]]
				up -= int(k & 1)
				low -= int(k >> 1 & 1)
			}
			for _, r := range w {
				if unicode.IsUpper(r) {
					up++
				} else if unicode.IsLower(r) {
					low++
				}
			}
		}
		if low*5 >= up+rest {
			return false
		}
	}
	return up >= 4 && low*5 < up
}

// asciiCase is 1 for an ASCII capital, 2 for a lower-case ASCII letter, 4
// for a byte past ASCII, 0 for the rest.
var asciiCase = func() (t [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c-'A'+'a'] = 1, 2
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = 4
	}
	return t
}()

// span is a candidate mention: tokens [i, j) of a sentence.
type span struct {
	field      model.Field
	start, end int // byte offsets
	text       string
	words      []string
	typ        tagger.Type      // from the tagger, or None
	gz         *gazetteer.Entry // from the gazetteer, or nil
	kind       model.EntityKind // decided kind
	headline   bool             // found in a headline or heading
	honor      byte             // the honorific before a person's name (honorOf)
}

// sentenceSpans tags one sentence and appends its spans.
func (x *Extractor) sentenceSpans(dst []span, s *sentence, tagged []tagger.Span, tr *traceBufs, bufs *textBufs) []span {
	if len(s.words) == 0 {
		return dst
	}
	f, text := s.field, s.text
	matches := s.matches
	mk := func(i, j int, typ tagger.Type, e *gazetteer.Entry) span {
		st, en := s.toks[i].Start, s.toks[j-1].End
		sp := span{field: f, start: st, end: en, text: text[st:en], words: s.words[i:j], typ: typ, gz: e, headline: s.headline}
		if i > 0 {
			sp.honor = honorOf(s.words[i-1])
		}
		return sp
	}
	tagged = x.runRules(s, tagged, tr, &bufs.rules)
	used := slices.Grow(bufs.used[:0], len(matches))[:len(matches)]
	clear(used)
	defer func() { bufs.used = used }()
	for _, t := range tagged {
		i, j := t.Start, t.End
		var e *gazetteer.Entry
		for k, m := range matches {
			switch {
			case m.Start == i && m.End == j:
				e = m.Entry
				used[k] = true
			case m.Start <= i && j <= m.End && (m.Start < i || j < m.End):
				// The tagger saw part of a gazetteer name ("Russian" of "Russian Federation"): take the name.
				i, j, e = m.Start, m.End, m.Entry
				used[k] = true
			case i <= m.Start && m.End <= j:
				used[k] = true // a name inside a longer one ("Bank of England"): keep the tagger's span
			case m.Start < j && i < m.End:
				used[k] = true // crossing: trust the tagger
			}
		}
		if e == nil && t.Type == tagger.LOC {
			if r, ok := x.gaz.Resolve(strings.Join(s.words[i:j], " ")); ok && (r.Kind == model.KindCountry || r.Kind == model.KindPlace) {
				e = r
			}
		}
		dst = append(dst, mk(i, j, t.Type, e))
	}
	for k, m := range matches {
		if used[k] {
			continue
		}
		dst = append(dst, mk(m.Start, m.End, tagger.None, m.Entry))
	}
	return dst
}

// checkHeadline drops guesses made in a headline that is all capitals or
// capitalises every word, where case says nothing, unless the
// rest of the article bears them out: the tagger's spans need their words in
// names found elsewhere; a gazetteer name needs to be written as the
// gazetteer writes it ("Who" in a title-case headline is no WHO) or found
// elsewhere too.
func checkHeadline(spans []span) []span {
	if !slices.ContainsFunc(spans, func(sp span) bool { return sp.headline }) {
		return spans
	}
	// The words the headline's guesses need, lower-cased, each with its
	// place in found: the few the headline has are looked for among the
	// many of the rest, which need no new strings to look them up.
	need := map[string]int{}
	for _, sp := range spans {
		if sp.headline && sp.gz == nil {
			for _, w := range sp.words {
				if l := strings.ToLower(w); !hasKey(need, l) {
					need[l] = len(need)
				}
			}
		}
	}
	found := make([]bool, len(need))
	ids := map[string]bool{}
	var buf [32]byte
	for _, sp := range spans {
		if sp.headline {
			continue
		}
		for _, w := range sp.words {
			var k int
			var ok bool
			if l, ascii := lowerASCII(buf[:0], w); ascii {
				k, ok = need[string(l)]
			} else {
				k, ok = need[strings.ToLower(w)]
			}
			if ok {
				found[k] = true
			}
		}
		if sp.gz != nil {
			ids[sp.gz.ID] = true
		}
	}
	out := spans[:0]
	for _, sp := range spans {
		if sp.headline {
			ok := true
			if sp.gz != nil {
				ok = ids[sp.gz.ID] || has(sp.gz.Aliases, sp.text)
			} else {
				for _, w := range sp.words {
					if !found[need[strings.ToLower(w)]] {
						ok = false
						break
					}
				}
			}
			if !ok {
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}

// hasKey reports whether m has the key k.
func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

// lowerASCII appends w lower-cased to dst, as strings.ToLower writes it,
// when w is ASCII; ascii is false when it is not. Looking a map up with
// string(lowered) makes no string, where strings.ToLower(w) makes one for
// every capitalised word.
func lowerASCII(dst []byte, w string) (lowered []byte, ascii bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return dst, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// inLower reports m[strings.ToLower(w)], making no string for an ASCII word.
func inLower(m map[string]bool, w string) bool {
	var buf [32]byte
	if l, ascii := lowerASCII(buf[:0], w); ascii {
		return m[string(l)]
	}
	return m[strings.ToLower(w)]
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// addAcronyms adds the untagged uses of acronyms whose expansion the article
// names as an organisation ("Coastal Fisheries Council" ... "a CFC spokesman").
func addAcronyms(spans []span, sents []sentence) []span {
	acro := map[string]tagger.Type{}
	for _, sp := range spans {
		if sp.typ == tagger.ORG && sp.gz == nil {
			if a := acronym(sp.words); len(a) >= 2 {
				acro[a] = sp.typ
			}
		}
	}
	if len(acro) == 0 {
		return spans
	}
	// Spans never overlap one another, so sorted by position a binary search
	// finds any cover. They are sorted where they stand, not in a copy: link
	// sorts them again, and a stable sort keeps the order of equal spans as
	// it found them either way.
	sortSpans(spans)
	old := spans
	covered := func(f model.Field, start, end int) bool {
		i := sort.Search(len(old), func(i int) bool {
			if old[i].field != f {
				return f == model.FieldTitle // titles sort first
			}
			return old[i].end > start
		})
		return i < len(old) && old[i].field == f && old[i].start < end
	}
	// Most words cannot be one: the map is asked only about those with an
	// acronym's first byte and length (lengths past 63 share bit 63).
	var first [256]bool
	var lens uint64
	for a := range acro {
		first[a[0]] = true
		lens |= 1 << min(len(a), 63)
	}
	for k := range sents {
		s := &sents[k]
		for i, w := range s.words {
			if w == "" || !first[w[0]] || lens&(1<<min(len(w), 63)) == 0 {
				continue
			}
			if _, ok := acro[w]; !ok {
				continue
			}
			t := s.toks[i]
			if covered(s.field, t.Start, t.End) {
				continue
			}
			spans = append(spans, span{field: s.field, start: t.Start, end: t.End, text: w, words: s.words[i : i+1], typ: tagger.ORG})
		}
	}
	return spans
}

// mergeAdjacent joins touching spans of different types, where the tagger
// changed its mind inside one name ("South China" + "Sea", "ST." + "LOUIS"):
// the last part, the head, gives the type. A nationality or other MISC word
// before a name ("Australian" + "Tom Moody") and a place or a longer body
// before a person ("Supreme Court Justice" + "Antonin Scalia") stay apart;
// one word tagged as a body before a person is a first name ("Suu" + "Kyi").
// It works in place: the spans kept are never ahead of the one being read.
func mergeAdjacent(tagged []tagger.Span) []tagger.Span {
	out := tagged[:0]
	for _, t := range tagged {
		if n := len(out); n > 0 && out[n-1].End == t.Start && out[n-1].Type != t.Type &&
			out[n-1].Type != tagger.MISC && (t.Type != tagger.PER || out[n-1].Type == tagger.ORG && out[n-1].End-out[n-1].Start == 1) {
			out[n-1].End = t.End
			out[n-1].Type = t.Type
			continue
		}
		out = append(out, t)
	}
	return out
}

// mergeCrossing joins tagger spans that a gazetteer name straddles: the
// tagger's "New" + "York Stock Exchange" around the gazetteer's "New York"
// become "New York Stock Exchange", typed as the last (head) span.
func mergeCrossing(tagged []tagger.Span, matches []gazetteer.Match) []tagger.Span {
	for _, m := range matches {
		first, last := -1, -1
		for k, t := range tagged {
			if t.Start < m.End && m.Start < t.End {
				if first < 0 {
					first = k
				}
				last = k
			}
		}
		if first < 0 {
			continue
		}
		a, b := tagged[first], tagged[last]
		contains := a.Start <= m.Start && m.End <= a.End
		inside := m.Start <= a.Start && a.End <= m.End
		if first == last && (contains || inside) {
			continue // one span that holds the name, or lies within it: settled later
		}
		merged := tagger.Span{Start: min(a.Start, m.Start), End: max(b.End, m.End), Type: b.Type}
		tagged = append(tagged[:first], append([]tagger.Span{merged}, tagged[last+1:]...)...)
	}
	return tagged
}

// splitPersonAfterBody splits off the person the tagger ran into a body's
// name, with the person span right after it: from a known given name after
// a title or a body's head ("Green MEP Caroline" + "Lucas", "Audit
// Committee Peter Ainsworth"), or after a known organisation's
// name ("Liberal Democrat Sarah" + "Teather", "Lib Dem Norman Baker") when
// a person span follows or the rest opens, titles aside, with a known given
// name. The body keeps the words before.
func splitPersonAfterBody(words []string, tagged []tagger.Span, matches []gazetteer.Match) []tagger.Span {
	// "Green MEP Caroline" + "Lucas": a title and a known given name inside
	// a body's name start a person
	for k := 0; k < len(tagged); k++ {
		t := tagged[k]
		if t.Type == tagger.PER {
			continue
		}
		for g := t.Start + 1; g < t.End; g++ {
			if titleWord(words[g]) || names.Gender(words[g]) == 0 {
				continue
			}
			// "Liberal Party of Canada" + "Fernand Viau": a body's whole name,
			// its head inside it, before a given name and a surname
			whole := g-t.Start >= 2 && t.End-g >= 2 && slices.ContainsFunc(words[t.Start:g-1], func(w string) bool { return orgHeads[w] }) &&
				isUpperInitial(words[g-1]) && !titleWord(words[g-1])
			if !(titleWord(words[g-1]) || orgHeads[words[g-1]]) && !whole {
				continue
			}
			rest := tagger.Span{Start: g, End: t.End, Type: tagger.PER}
			if whole && !orgHeads[words[g-1]] {
				tagged[k].End = g
				tagged = slices.Insert(tagged, k+1, rest)
				break
			}
			if k+1 < len(tagged) && tagged[k+1].Type == tagger.PER && tagged[k+1].Start == t.End {
				rest.End = tagged[k+1].End
				tagged = slices.Delete(tagged, k+1, k+2)
			} else if t.End-g < 2 {
				break // a given name alone is often a word too ("Crown Bill")
			}
			if g-1 > t.Start {
				tagged[k].End = g - 1
				tagged = slices.Insert(tagged, k+1, rest)
			} else {
				tagged[k] = rest
			}
			break
		}
	}
	for _, m := range matches {
		if m.Entry.Kind != model.KindOrganization {
			continue
		}
		for k := 0; k < len(tagged); k++ {
			t := tagged[k]
			if t.Type == tagger.PER || t.Start != m.Start || t.End <= m.End {
				continue
			}
			rest := tagger.Span{Start: m.End, End: t.End, Type: tagger.PER}
			if k+1 < len(tagged) && tagged[k+1].Type == tagger.PER && tagged[k+1].Start == t.End {
				rest.End = tagged[k+1].End
				tagged = slices.Delete(tagged, k+1, k+2)
			} else {
				g := m.End // "Labour MP Anna": past the titles
				for g < t.End-1 && titleWord(words[g]) {
					g++
				}
				if names.Gender(words[g]) == 0 {
					continue
				}
			}
			tagged[k].End = m.End
			tagged = slices.Insert(tagged, k+1, rest)
			break
		}
	}
	return tagged
}

// joinParticles grows person spans over the particles of family names the
// tagger left out ("Tariq" + "bin" + "Salman", "Greta von der Heyden",
// sentence-initial "Bin Salman").
// It works in place: the spans kept are never ahead of the ones being read.
func joinParticles(words []string, tagged []tagger.Span) []tagger.Span {
	out := tagged[:0]
	for k := 0; k < len(tagged); k++ {
		t := tagged[k]
		if t.Type != tagger.PER {
			// "Palais" + "des" + "Nations", "Parti" + "pour le" + "Progrès": foreign
			// particles (one or two) inside place and body names.
			for k+1 < len(tagged) && tagged[k+1].Type != tagger.PER && (particleGap(words, t.End, tagged[k+1].Start) ||
				tagged[k+1].Start == t.End && placeParticles[words[t.End]]) {
				t.End = tagged[k+1].End
				t.Type = tagged[k+1].Type
				k++
			}
			out = append(out, t)
			continue
		}
		// Leftwards: "de Santis", or "Bin Salman" opening the sentence.
		for t.Start > 0 && inLower(particles, words[t.Start-1]) &&
			(!isUpperInitial(words[t.Start-1]) || t.Start-1 == 0 || !isUpperInitial(words[t.Start-2])) &&
			(len(out) == 0 || out[len(out)-1].End < t.Start-1) {
			t.Start--
		}
		// Rightwards: particles, then a capitalised word, perhaps the next span.
		for {
			j := t.End
			for j < len(words) && particles[words[j]] {
				j++
			}
			if j == t.End || j >= len(words) || !isUpperInitial(words[j]) {
				break
			}
			t.End = j + 1
			if k+1 < len(tagged) && tagged[k+1].Start <= j {
				t.End = max(t.End, tagged[k+1].End)
				k++
			}
		}
		out = append(out, t)
	}
	return out
}

// surnameAfterHonorific reports a title word that is a surname, right
// after Mr, Mrs, Ms or Miss ("Ms King", "Mr Major"); not a style of office
// ("Mr Justice", "Mr President", "Lord Chancellor").
func surnameAfterHonorific(words []string, i int) bool {
	if i == 0 {
		return false
	}
	h := honorOf(words[i-1])
	return h != 0 && h&honTitled == 0 && !offices[strings.ToLower(words[i])]
}

// offices follow an honorific as a style, not a surname.
var offices = map[string]bool{"justice": true, "president": true, "speaker": true, "chairman": true, "chancellor": true, "mayor": true, "secretary": true, "minister": true, "ambassador": true}

// placeParticles join the words of foreign place and organisation names.
var placeParticles = map[string]bool{
	"des": true, "de": true, "du": true, "del": true, "della": true, "di": true, "la": true, "le": true, "los": true, "las": true, "el": true,
	"für": true, "und": true, "et": true, "pour": true, "dei": true, "degli": true, "delle": true,
}

// particleGap reports whether words[i:j] are one or two foreign particles
// ("des", "et des", "pour le").
func particleGap(words []string, i, j int) bool {
	if j <= i || j-i > 2 || j > len(words) {
		return false
	}
	for _, w := range words[i:j] {
		if !placeParticles[w] {
			return false
		}
	}
	return true
}

// titles are words that precede a name without being part of it: the
// lexicon's titles, honorifics and post-nominals, with and without a final
// stop, and "new" ("new President X") and "del." (a US delegate).
var titles = func() map[string]bool {
	m := map[string]bool{"new": true, "del": true, "del.": true}
	for _, l := range []lexicon.List{lexicon.Titles, lexicon.Honorifics, lexicon.PostNominals} {
		for _, w := range lexicon.Words(l) {
			m[w], m[w+"."] = true, true
		}
	}
	return m
}()

// titleWord reports whether w is a title or a title's plural, allowing one
// typing slip in words of seven letters or more ("Presdient"). Shorter
// words are too close to names and other words to forgive: "Major" is
// not "mayor", "Price" not "prince", "Farmer" not "former".
func titleWord(w string) bool {
	// Most words are ASCII: lower-cased in buf, and string(l), given to a
	// function that keeps nothing, needs no new string either.
	var buf [32]byte
	if l, ascii := lowerASCII(buf[:0], w); ascii && len(l) <= len(buf) {
		return isTitle(string(l))
	}
	return isTitle(strings.ToLower(w))
}

// isTitle is titleWord for a word already lower-cased.
func isTitle(l string) bool {
	if titleTable.At(l) || titleTable.At(strings.TrimSuffix(l, "s")) {
		return true
	}
	if len(l) < 7 {
		return false
	}
	if len(l) > maxTitleLen+1 {
		return false
	}
	for n := len(l) - 1; n <= len(l)+1; n++ {
		// a slip keeps the first letter: "Presdient", not "Brown" for
		// "crown"; the titles of a length are sorted, so those with l's
		// first letter stand together
		ts := longTitles[n]
		k := sort.Search(len(ts), func(i int) bool { return ts[i][0] >= l[0] })
		for ; k < len(ts) && ts[k][0] == l[0]; k++ {
			if nearlyEqual(l, ts[k]) {
				return true
			}
		}
	}
	return false
}

// titleTable is titles for isTitle, which runs for most capitalised words.
var titleTable = lexicon.NewTable(titles)

// longTitles are the titles of five letters or more, the ones titleWord
// forgives a slip in, by length (up to maxTitleLen+2, so that a word one
// longer than the longest indexes it safely); maxTitleLen is the longest.
var longTitles, maxTitleLen = func() ([][]string, int) {
	n := 0
	for t := range titles {
		if len(t) >= 5 {
			n = max(n, len(t))
		}
	}
	out := make([][]string, n+3)
	for t := range titles {
		if len(t) >= 5 {
			out[len(t)] = append(out[len(t)], t)
		}
	}
	for _, ts := range out {
		sort.Strings(ts)
	}
	return out, n
}()

// nearlyEqual reports whether a and b differ by one edit or one swap of neighbours.
func nearlyEqual(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	ja, jb := la, lb
	for ja > i && jb > i && a[ja-1] == b[jb-1] {
		ja--
		jb--
	}
	da, db := ja-i, jb-i
	switch {
	case da <= 1 && db <= 1:
		return true
	case da == 2 && db == 2:
		return a[i] == b[i+1] && a[i+1] == b[i]
	}
	return false
}

// stripTitles moves i past leading title words of [i, j) and returns it.
func stripTitles(words []string, i, j int) int {
	for i < j-1 && titleWord(words[i]) {
		i++
	}
	if i == j-1 && titleWord(words[i]) && strings.ToLower(words[i]) != words[i] {
		// a lone title ("Presdient") is no name
		l := strings.ToLower(words[i])
		if !titles[l] || l == "president" || l == "minister" || l == "secretary" {
			return j
		}
	}
	return i
}

// notNames are capitalised words that never name an entity on their own.
var notNames = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "April": true, "June": true, "July": true, "August": true,
	"September": true, "October": true, "November": true, "December": true,
	"He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "The": true, "A": true, "Meanwhile": true,
	"Asked": true, "But": true, "And": true, "This": true, "That": true, "His": true, "Her": true, "Their": true,
}

func isUpperInitial(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// sortSpans orders spans by field (title first) and position.
func sortSpans(spans []span) {
	slices.SortStableFunc(spans, func(a, b span) int {
		if a.field != b.field {
			if a.field == model.FieldTitle {
				return -1
			}
			if b.field == model.FieldTitle {
				return 1
			}
			return 0
		}
		return cmp.Compare(a.start, b.start)
	})
}
