package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"briefs/articles/lexicon"
)

// item kinds: a word, a punctuation mark, or a whole quotation (marks included).
const (
	itemWord = iota
	itemPunct
	itemQuote
)

// item is one token of a paragraph outside quotations, or one quotation.
type item struct {
	kind       uint8
	capital    bool      // a word that starts with an upper-case letter
	class      wordClass // the word sets its lower case is in (see wordClasses)
	start, end int
	text       string
	lower      string
	q          int // span index for itemQuote
}

func (it item) isPunct(p string) bool { return it.kind == itemPunct && it.text == p }

// capitalised reports whether a word starts with an upper-case letter
// (tokenize tells once per word; this is asked of most words many times).
func (it item) capitalised() bool { return it.kind == itemWord && it.capital }

// startsCapital reports whether a word starts with an upper-case letter.
func startsCapital(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// wordClass is a set of the word sets a word is in, looked up once per
// word by tokenize: the sets below are asked about most words several
// times, and a map look-up each time cost a fifth of extraction.
type wordClass uint16

const (
	classCue        wordClass = 1 << iota // cueWords
	classNPEnder                          // npEnders
	classDeterminer                       // determiners
	classNotName                          // notNameWords, of the word without a possessive 's (see notName)
	classNPStop                           // npStop
	classPronoun                          // speakerPronouns, of the word without a contraction (see pronounOf)
	classBetween                          // betweenSubjectAndCue
	classBe                               // beForms
	classQuantifier                       // quantifiers
	classIntro                            // introWords
	classHead                             // isDescriptionHead: headNouns, and their plurals in -s
)

// is reports whether the item's lower case is in all the sets of c.
func (it item) is(c wordClass) bool { return it.class&c == c }

// wordClasses maps each word of the sets above to its classes.
var wordClasses = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, s := range []struct {
		set map[string]bool
		c   wordClass
	}{{cueWords, classCue}, {npEnders, classNPEnder}, {determiners, classDeterminer}, {notNameWords, classNotName},
		{npStop, classNPStop}, {speakerPronouns, classPronoun}, {betweenSubjectAndCue, classBetween}, {beForms, classBe},
		{quantifiers, classQuantifier}, {introWords, classIntro}} {
		for w, ok := range s.set {
			if ok {
				m[w] |= s.c
			}
		}
	}
	for w, ok := range headNouns {
		if ok {
			m[w] |= classHead
			m[w+"s"] |= classHead // isDescriptionHead trims one final s
		}
	}
	return m
}()

// classTable is wordClasses for look-ups: classOf runs for every word of
// a field with quotations.
var classTable = lexicon.NewTable(wordClasses)

// classOf gives the classes of a word's lower case lw.
func classOf(lw string) wordClass {
	c := classTable.At(lw)
	if p := possessive(lw); len(p) < len(lw) {
		c = c&^classNotName | classTable.At(p)&classNotName
	}
	if p := pronounOf(lw); len(p) < len(lw) {
		c = c&^classPronoun | classTable.At(p)&classPronoun
	}
	return c
}

// abbreviations keep their period: it does not end a sentence.
var abbreviations = toSet("mr mrs ms dr sen rep del gov gen lt col sgt capt maj adm prof rev sr jr st mt ft inc co corp ltd no vs etc jan feb mar apr aug sept sep oct nov dec pres supt cmdr atty dist assn dept univ")

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return wordByte[r] != 0
	}
	return isWideWordRune(r)
}

// isWideWordRune is isWordRune past ASCII (apart, so that isWordRune is
// inlined where tokenize asks it of every rune).
func isWideWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Kinds of the bytes in wordByte.
const (
	wordLower = 1 << iota // a lower-case ASCII letter or a digit
	wordUpper             // an ASCII capital
)

// wordByte gives the kind of each ASCII byte isWordRune accepts, 0 for the
// other bytes.
var wordByte = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = wordUpper
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			t[c] = wordLower
		}
	}
	return t
}()

// isSpaceRune is unicode.IsSpace with the ASCII answer first.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// tokenize cuts text[p.start:p.end] into items; each quotation span opened in
// this paragraph (by its open offset, via opens) becomes a single item. low
// is text with its ASCII capitals lower-cased (see lowerASCII): an ASCII
// word's lower case is cut from it rather than made anew.
func tokenize(out []item, text, low string, p paragraph, spans []span, opens map[int]int) []item {
	i := p.start
	for i < p.end {
		if c := text[i]; c != '"' && c < 0x80 {
			// no mark can start here
		} else if k, ok := opens[i]; ok {
			s := spans[k]
			end := s.close
			// the closing mark is the quotation's, unless it opens the next
			// one (a quotation left unclosed before it)
			if _, next := opens[end]; end < p.end && !next {
				if _, n, ok := markAt(text, end); ok {
					end += n
				}
			}
			out = append(out, item{kind: itemQuote, start: i, end: end, q: k, text: text[s.start:s.end]})
			i = end
			continue
		}
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isSpaceRune(r):
			i += n
		case isWordRune(r):
			j := i + n
			// seen gathers wordByte's kinds of the word's ASCII bytes
			// (wordUpper: a capital); wide, whether it has other bytes
			seen, wide := wordByte[text[i]], n > 1
			for j < p.end {
				if k := wordByte[text[j]]; k != 0 {
					seen |= k
					j++ // an ASCII letter or digit
					continue
				}
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					wide = true // past ASCII: ASCII letters and digits are wordByte's
					j += n2
					continue
				}
				// a thousands separator between digits ("108,000")
				if r2 == ',' && j+1 < p.end && isDigit(text[j-1]) && isDigit(text[j+1]) {
					j++
					continue
				}
				// inner apostrophes, hyphens and periods (U.S., al-Assad, Russia's)
				if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.') && j+n2 < p.end {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if isWordRune(r3) {
						if _, isOpen := opens[j+n2]; !isOpen {
							wide = wide || n2 > 1
							j += n2
							continue
						}
					}
				}
				break
			}
			w := text[i:j]
			lw := lowerIn(text, low, i, j, seen&wordUpper != 0, wide)
			// keep the period of an abbreviation, an initial or U.S.
			if j < p.end && text[j] == '.' {
				if abbreviations[lw] || strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r) {
					j++
					w = text[i:j]
					lw = lowerIn(text, low, i, j, seen&wordUpper != 0, wide)
				}
			}
			out = append(out, item{kind: itemWord, capital: startsCapital(w), class: classOf(lw), start: i, end: j, text: w, lower: lw})
			i = j
		default:
			if _, isOpen := opens[i]; !isOpen {
				if _, _, ok := markAt(text, i); ok {
					// a stray mark that opens no span
					i += n
					continue
				}
			}
			out = append(out, item{kind: itemPunct, start: i, end: i + n, text: text[i : i+n], lower: text[i : i+n]})
			i += n
		}
	}
	return out
}

// sentences cuts items into sentences: at . ! ? before a capitalised word or a
// quotation, and after a quotation that ends a sentence itself when no speaker
// cue follows it.
func sentences(text string, items []item) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(items); i++ {
		it := items[i]
		split := false
		switch {
		case it.kind == itemPunct && (it.text == "." || it.text == "!" || it.text == "?"):
			if i+1 < len(items) {
				nx := items[i+1]
				split = nx.kind == itemQuote || nx.capitalised() || nx.kind == itemWord && !unicode.IsLower(firstRune(nx.text))
			}
		case it.kind == itemQuote:
			t := strings.TrimRight(it.text, " ")
			if t != "" && strings.ContainsAny(t[len(t)-1:], ".!?") && i+1 < len(items) && items[i+1].kind == itemQuote &&
				(strings.Contains(text[it.start+strings.Index(text[it.start:], it.text)+len(it.text):items[i+1].start], "\n") || it.end == items[i+1].start) {
				// a quotation that ends its line, then a quotation on the next
				split = true
			} else if t != "" && strings.ContainsAny(t[len(t)-1:], ".!?") && i+1 < len(items) && items[i+1].capitalised() {
				// 'Japan called it an "outlaw nation." Russia insisted ...': a
				// fragment that ends its sentence is not the next cue's
				split = !cueWithin(items, i+1, 4) || fragmentAt(items, start, i)
			}
		}
		if split {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		}
	}
	if start < len(items) {
		out = append(out, [2]int{start, len(items)})
	}
	return out
}

// fragmentAt reports whether the quotation items[i] is a fragment run into
// its sentence: it starts in lower case after words of the sentence
// ("branded it an "outlaw nation."").
func fragmentAt(items []item, start, i int) bool {
	if i == start || items[i-1].kind != itemWord {
		return false
	}
	if _, cue := cues[items[i-1].lower]; cue {
		return false
	}
	return unicode.IsLower(firstRune(strings.TrimLeft(items[i].text, " '‘….")))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// cueWithin reports whether a cue word occurs in items[i:i+n] before any punctuation.
func cueWithin(items []item, i, n int) bool {
	for j := i; j < len(items) && j < i+n; j++ {
		if items[j].kind != itemWord {
			return describedCue(items, i)
		}
		if j == i && items[j].lower == "asked" && items[j].capitalised() {
			return false // "Q." Asked whether ..., he said: the next sentence's
		}
		if cf, ok := cues[items[j].lower]; ok || afterCues[items[j].lower] {
			// "Q." Some economists have predicted rates will drop: a cue
			// with a clause after it is the next sentence's
			// (so is one before a colon: "The mayor then says: ...")
			k := j + 1
			if k+1 < len(items) && isAdverb(items[k]) && (items[k+1].kind != itemWord || items[k+1].is(classNPStop)) {
				k++ // "Q?" Ana Ruiz said cheerfully into the phone: an adverb of the cue
			}
			// ("Q?" Ana Ruiz said of the bank ...: whom the words were about)
			if j > i && k < len(items) && (colonAfter(items, j) || items[k].kind == itemWord && !items[k].capitalised() && items[k].lower != "of" &&
				!items[k].is(classNPStop) && !items[k].is(classDeterminer) && cf.lemma != "tell" && cf.lemma != "ask") {
				return false
			}
			return true
		}
	}
	return describedCue(items, i)
}

// describedCue reports "DESCRIPTION, NAME (PARTY), cue" starting at items[i]
// ("Holm's niece, state Del. Mira Lund (D-Oakton), shouted"), or
// "NAME (PARTY) cue".
func describedCue(items []item, i int) bool {
	j := i
	for j < len(items) && j < i+6 && items[j].kind == itemWord {
		j++
	}
	if j < len(items) && items[j].isPunct(",") && describes(items, i, j) {
		j++
		for k := j; k < len(items) && k < j+6 && items[k].kind == itemWord; k++ {
			j = k + 1
		}
	} else if j < len(items) && items[j].isPunct(",") && nameLike(items, i, j) {
		// "NAME, DESCRIPTION, cue" ("Ana Ruiz, a nurse from a seaside town, said")
		k := j + 1
		for k < len(items) && k < j+12 && items[k].kind == itemWord {
			k++
		}
		if k < len(items) && k > j+2 && items[k].isPunct(",") && (items[j+1].is(classDeterminer) || describes(items, j+1, k)) {
			j = k
		}
	}
	if j < len(items) && items[j].isPunct("(") {
		for j < len(items) && j < i+20 && !items[j].isPunct(")") && items[j].kind != itemQuote {
			j++
		}
		j++
	}
	if j < len(items) && items[j].isPunct(",") {
		j++
	}
	if j >= len(items) || j == i {
		return false
	}
	_, ok := cues[items[j].lower]
	return (ok || afterCues[items[j].lower]) && !colonAfter(items, j)
}

// colonAfter reports a cue at items[j] that a colon follows within a few
// words ("said on Saturday:"): it introduces the quotation after it.
func colonAfter(items []item, j int) bool {
	for k := j + 1; k < len(items) && k <= j+4; k++ {
		if items[k].isPunct(":") {
			return true
		}
		if items[k].kind != itemWord {
			return false
		}
	}
	return false
}

// lowerWord lower-cases a word and folds a curly apostrophe to a straight one,
// without allocating when there is nothing to change.
func lowerWord(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// lowerIn returns lowerWord(text[i:j]), where low is text with its ASCII
// capitals lower-cased, upper says that text[i:j] has an ASCII capital
// and wide that it has a byte past ASCII (tokenize sees both as it cuts
// the word): an ASCII word with capitals is cut from low, one without is
// itself, and only a word with other bytes is lower-cased anew (a word
// each did cost an allocation, the most of any in extraction).
func lowerIn(text, low string, i, j int, upper, wide bool) string {
	switch {
	case wide:
		return lowerWord(text[i:j])
	case upper:
		return low[i:j]
	}
	return text[i:j]
}

// lowerASCII lower-cases the ASCII capitals of s and leaves every other
// byte as it is, so that offsets into s are offsets into the result. It
// makes one string for a whole field instead of one per capitalised word.
func lowerASCII(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	last := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			sb.WriteString(s[last:i])
			sb.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
	}
	sb.WriteString(s[last:])
	return sb.String()
}

// isDigit reports an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
