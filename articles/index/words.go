package index

import (
	"slices"
	"sort"
	"strings"

	"github.com/kljensen/snowball/english"
)

// The word rules shared by the search view and the list's filter ("/"): a
// word typed matches a word of the text that
//
//   - starts with it, when it is the word being typed (prefix: "ceasefir"
//     finds "ceasefire");
//   - has the same stem (English Snowball: "sanction" finds "sanctions",
//     "sanctioned"), for words of four letters or more;
//   - is written as two words joined ("ceasefire" finds "cease-fire" and
//     "cease fire"; "cease-fire" finds "ceasefire").

// minStemLen is the shortest typed word matched by its stem: shorter words
// ("us", "un", "eu") are names more often than inflected words.
const minStemLen = 4

// Stem returns the stem of a folded word.
func Stem(w string) string {
	if len(w) < minStemLen {
		return w
	}
	return english.Stem(w, true)
}

// stemPrefix is what every word with the stem of w starts with: the stem
// but for its last letter, which Snowball may have changed ("polici").
func stemPrefix(stem string) string {
	return stem[:max(len(stem)-1, 0)]
}

// FoldWords returns the folded words of s, as the index and the list's
// filter see them ("U.S." is "us", "Kyiv's" is "kyivs").
func FoldWords(s string) []string { return tokens(s) }

// WordMatches reports whether the text word t (folded) matches the typed
// word w (folded, its stem ws = Stem(w)), by prefix when prefix is set.
func WordMatches(t, w, ws string, prefix bool) bool {
	if t == w || prefix && strings.HasPrefix(t, w) {
		return true
	}
	if len(w) < minStemLen || !strings.HasPrefix(t, stemPrefix(ws)) {
		return false
	}
	return Stem(t) == ws
}

// TextMatches reports whether the folded words of a text hold the typed
// word (a run of folded words written as one, "cease-fire" -> [cease
// fire]) by the word rules: one word that matches it, or two in a row
// that join into it.
func TextMatches(text []string, typed []string, prefix bool) bool {
	return NewMatcher([][]string{typed}, prefix).Match(strings.Join(text, " "))
}

// Matcher matches typed words against many texts by the word rules, the
// typed words' stems worked out once (the list's filter runs it over every
// brief at each key). It is for one goroutine.
type Matcher struct {
	words  []typedWord
	prefix bool
	stems  map[string]string // the stems worked out so far: a text's words repeat
}

type typedWord struct {
	joined, stem, stemPre string
	seq                   string // "cease fire" for "cease-fire": the parts in a row
}

// NewMatcher prepares typed words (each its folded parts) for Match; with
// prefix set a typed word also matches the words it starts.
func NewMatcher(typed [][]string, prefix bool) *Matcher {
	m := &Matcher{prefix: prefix, stems: map[string]string{}}
	for _, parts := range typed {
		if len(parts) == 0 {
			continue
		}
		tw := typedWord{joined: strings.Join(parts, "")}
		tw.stem = Stem(tw.joined)
		tw.stemPre = stemPrefix(tw.stem)
		if len(parts) > 1 {
			tw.seq = strings.Join(parts, " ")
		}
		m.words = append(m.words, tw)
	}
	return m
}

// Len is how many typed words the matcher holds.
func (m *Matcher) Len() int { return len(m.words) }

// Match reports whether text, folded words joined by single spaces (see
// FoldWords), holds every typed word.
func (m *Matcher) Match(text string) bool {
	for i := range m.words {
		if !m.MatchOne(i, text) {
			return false
		}
	}
	return true
}

// MatchOne reports whether text (as for Match) holds typed word i.
func (m *Matcher) MatchOne(i int, text string) bool {
	tw := &m.words[i]
	if tw.seq != "" && strings.Contains(" "+text, " "+tw.seq) {
		return true
	}
	prev := ""
	for rest := text; rest != ""; {
		w := rest
		if k := strings.IndexByte(rest, ' '); k >= 0 {
			w, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		if w == "" {
			continue
		}
		if m.wordMatches(w, tw) {
			return true
		}
		// two words in a row that join into it: "cease fire" for "ceasefire"
		if prev != "" && len(prev) < len(tw.joined) && strings.HasPrefix(tw.joined, prev) && m.wordMatches(prev+w, tw) {
			return true
		}
		prev = w
	}
	return false
}

func (m *Matcher) wordMatches(t string, tw *typedWord) bool {
	if t == tw.joined || m.prefix && strings.HasPrefix(t, tw.joined) {
		return true
	}
	if len(tw.joined) < minStemLen || !strings.HasPrefix(t, tw.stemPre) {
		return false
	}
	st, ok := m.stems[t]
	if !ok {
		st = Stem(t)
		m.stems[strings.Clone(t)] = st
	}
	return st == tw.stem
}

// maxPrefixWords bounds how many words a prefix stands for: the most
// frequent ones.
const maxPrefixWords = 64

// vocabulary returns the index's words in order, for prefix lookups. It
// is rebuilt when words were added. It runs under the read lock.
func (ix *Index) vocabulary() []string {
	ix.vocabMu.Lock()
	defer ix.vocabMu.Unlock()
	if len(ix.vocab) != len(ix.termNum) {
		v := make([]string, 0, len(ix.termNum))
		for w := range ix.termNum {
			v = append(v, w)
		}
		slices.Sort(v)
		ix.vocab = v
	}
	return ix.vocab
}

// withPrefix returns the index's words that start with p.
func withPrefix(vocab []string, p string) []string {
	i := sort.SearchStrings(vocab, p)
	j := i
	for j < len(vocab) && strings.HasPrefix(vocab[j], p) {
		j++
	}
	return vocab[i:j]
}

// variants returns the index words that the typed word w stands for by
// the word rules (w itself first when the index holds it), and the pairs
// of index words that join into it ("cease fire" for "ceasefire"). It
// runs under the read lock.
func (ix *Index) variants(w string, prefix bool) (words []string, splits [][]string) {
	vocab := ix.vocabulary()
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] && !stopwords[t] {
			seen[t] = true
			words = append(words, t)
		}
	}
	if _, ok := ix.termNum[w]; ok {
		add(w)
	}
	ws := Stem(w)
	if len(w) >= minStemLen {
		for _, t := range withPrefix(vocab, stemPrefix(ws)) {
			if Stem(t) == ws {
				add(t)
			}
		}
	}
	if prefix {
		more := withPrefix(vocab, w)
		if len(more) > maxPrefixWords {
			more = slices.Clone(more)
			df := func(t string) int { return len(ix.postings[ix.termNum[t]]) }
			slices.SortStableFunc(more, func(a, b string) int { return df(b) - df(a) })
			more = more[:maxPrefixWords]
		}
		for _, t := range more {
			add(t)
		}
	}
	// two words that join into w; for a prefix, into a word it starts
	// ("ceasef": "ceasefire", so "cease fire" too)
	joined := []string{w}
	if prefix {
		joined = words
	}
	for _, j := range joined {
		for i := 3; i <= len(j)-3; i++ {
			a, b := j[:i], j[i:]
			if stopwords[a] || stopwords[b] {
				continue
			}
			if _, ok := ix.termNum[a]; !ok {
				continue
			}
			if _, ok := ix.termNum[b]; ok && !slices.ContainsFunc(splits, func(p []string) bool { return p[0] == a && p[1] == b }) {
				splits = append(splits, []string{a, b})
			}
		}
	}
	return words, splits
}

// variantScores scores the articles that hold any of words or any of the
// phrases of splits (summing the words' scores), in article order.
func (ix *Index) variantScores(words []string, splits [][]string) []scored {
	var lists [][]scored
	for _, t := range words {
		if l := ix.termScores(t, nil); len(l) > 0 {
			lists = append(lists, l)
		}
	}
	for _, sp := range splits {
		if l := ix.verifyPhrases(ix.phraseCandidates(sp), [][]string{sp}); len(l) > 0 {
			lists = append(lists, l)
		}
	}
	switch len(lists) {
	case 0:
		return nil
	case 1:
		return lists[0]
	}
	sum := map[uint32]float64{}
	for _, l := range lists {
		for _, s := range l {
			sum[s.doc] += s.score
		}
	}
	out := make([]scored, 0, len(sum))
	for d, s := range sum {
		out = append(out, scored{doc: d, score: s})
	}
	slices.SortFunc(out, func(a, b scored) int { return int(a.doc) - int(b.doc) })
	return out
}

// EachWord calls fn with every folded word of s and its byte span in s.
func EachWord(s string, fn func(w string, start, end int)) {
	eachToken(s, nil, func(tok []byte, start, end int) bool {
		fn(string(tok), start, end)
		return true
	})
}
