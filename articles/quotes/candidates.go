package quotes

import (
	"briefs/articles/lexicon"
	"briefs/articles/names"
	"strings"
)

// Stage: candidates. The noun phrases that can speak: the subject before a
// cue (backwardNP), the phrase after one (forwardNP), a sentence's subject
// (sentenceSubject) and the role after a name (appositive).

// agoWords make up a time phrase before "ago" ("less than two weeks ago").
var agoWords = toSet(`a an one two three four five six seven eight nine ten eleven twelve few several some couple of less more than about
nearly almost just only roughly some second seconds minute minutes hour hours day days week weeks month months year years decade decades`)

// isNumber reports a word made of digits (and separators: "1,000").
func isNumber(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	return strings.Trim(w, "0123456789,.") == ""
}

// appositive returns the ", ROLE" after a noun phrase ending at b, up to the next comma or sentence end.
func appositive(items []item, b, hi int) string {
	if b >= hi || !items[b].isPunct(",") {
		return ""
	}
	start := b + 1
	e := start
	for e < hi && items[e].kind != itemQuote && !(items[e].kind == itemPunct && strings.Contains(",.;:!?", items[e].text)) {
		e++
	}
	if e == start || e-start > 15 {
		return ""
	}
	// a role reads like "Russia's deputy envoy", "the panel's ranking Democrat", not like a clause
	first := items[start].lower
	if npStop[first] && !determiners[first] {
		return ""
	}
	for k := start; k < e; k++ {
		if cues[items[k].lower] != (cueForm{}) {
			return ""
		}
	}
	return strings.TrimSpace(itemsText(items, start, e))
}

func itemsText(items []item, a, b int) string {
	var sb strings.Builder
	for k := a; k < b; k++ {
		if k > a && items[k].start > items[k-1].end {
			sb.WriteByte(' ')
		}
		sb.WriteString(items[k].text)
	}
	return sb.String()
}

// verbs that end a noun phrase although npStop does not list them.
var commonVerbs = lexSet(lexicon.CommonVerbs)

func endsNP(it item) bool {
	if it.kind != itemWord {
		return true
	}
	w := it.lower
	if it.capitalised() && nameLikeStops[w] {
		return false // "Will Doyle", "Mark Toner"
	}
	if it.is(classNPEnder) {
		return true
	}
	if !it.capitalised() && len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
		return true
	}
	return isAdverb(it)
}

// npEnders are npStop, commonVerbs, npAdverbs and the cue forms in one set:
// endsNP asks for them all at once.
var npEnders = union(npStop, commonVerbs, npAdverbs, keysOf(cues))

// npAdverbs are short adverbs that end a noun phrase ("The draft only asks").
var npAdverbs = toSet("only just even still never always often alone too")

// isAdverb guesses a lower-case -ly adverb ("cynically", "forcefully").
func isAdverb(it item) bool {
	w := it.lower
	return it.kind == itemWord && !it.capitalised() && len(w) > 4 && strings.HasSuffix(w, "ly") && !notAdverbs[w]
}

var notAdverbs = toSet("family assembly ally rally italy july supply reply belly jelly fly early daily weekly monthly")

// backwardNP finds the subject of the cue at items[c]: the noun phrase right
// before it, past adverbs ("however"), auxiliaries and a ", ROLE," appositive.
func backwardNP(items []item, lo, c int) (a, b int, role string) {
	j, role, ok := backwardStart(items, lo, c)
	if !ok {
		return 0, 0, ""
	}
	end := j + 1
	n := 0
	for j >= lo && n < 12 {
		it := items[j]
		if it.kind == itemQuote {
			break
		}
		if it.kind == itemPunct {
			if j2, end2, ok := parenBack(items, lo, j, end); ok {
				j, end = j2, end2
				continue
			}
			break
		}
		w := it.lower
		if w == "which" && j == end-1 && j > lo {
			if a2, b2, ok := beforeWhich(items, lo, j); ok {
				return a2, b2, role
			}
			return 0, 0, ""
		}
		if it.is(classPronoun) && j == end-1 {
			if pronounOf(w) == "who" {
				// "X, who said" / "X — who's called for ...": the noun phrase before the comma or dash
				if j-1 >= lo && items[j-1].kind == itemPunct && strings.Contains(",—–-(", items[j-1].text) {
					a2, b2, _ := backwardNP(items, lo, j-1)
					return a2, b2, role
				}
				return 0, 0, ""
			}
			return j, j + 1, role
		}
		// "the mother of three": a number after "of" ends the phrase as its noun
		if j == end-1 && j-2 >= lo && numberNoun(items, lo, j) {
			j -= 2
			n += 2
			continue
		}
		if it.is(classDeterminer) {
			j2, more := determinerBack(items, lo, j)
			j = j2
			if more {
				n++
				continue
			}
			break
		}
		if joinsBack(items, lo, j, end) {
			j--
			n++
			continue
		}
		// "the gambling tycoon", "the conservative-leaning newspaper": a
		// participle between a determiner and the noun is an adjective
		if endsNP(it) && !(j < end-1 && j-1 >= lo && items[j-1].is(classDeterminer) && !it.capitalised() &&
			(strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && cues[w] == (cueForm{})) {
			break
		}
		j--
		n++
	}
	a = j + 1
	for a < end && (items[a].lower == "of" || items[a].lower == "and") {
		a++
	}
	if a >= end {
		return 0, 0, ""
	}
	return a, end, role
}

// smallNumbers end a description as its noun ("a father of two").
var smallNumbers = toSet("two three four five six seven eight nine ten eleven twelve")

// backwardStart walks back from the cue at items[c] past adverbs,
// auxiliaries, a time phrase ("less than two weeks ago") and a ", ROLE,"
// appositive, to the last word of the subject; ok is false when a comma
// opens nothing.
func backwardStart(items []item, lo, c int) (j int, role string, ok bool) {
	j = c - 1
	for j >= lo && items[j].kind == itemWord && !items[j].capitalised() && (items[j].is(classBetween) || isAdverb(items[j])) {
		j--
	}
	// "The State Department less than two weeks ago said": a time phrase
	if j > lo && items[j].lower == "ago" {
		k := j - 1
		for k >= lo && j-k <= 6 && items[k].kind == itemWord && (agoWords[items[k].lower] || isNumber(items[k].lower)) {
			k--
		}
		if k < j-1 {
			j = k
		}
	}
	if j >= lo && items[j].isPunct(",") {
		k := j - 1
		for k >= lo && k > j-18 && !items[k].isPunct(",") {
			k--
		}
		if !(k > lo && items[k].isPunct(",")) {
			return 0, "", false
		}
		onlyAdverbs := true
		for m := k + 1; m < j; m++ {
			if !items[m].is(classBetween) {
				onlyAdverbs = false
			}
		}
		if !onlyAdverbs {
			role = strings.TrimSpace(itemsText(items, k+1, j))
		}
		j = k - 1
	}
	return j, role, true
}

// parenBack steps back over a parenthesis ending at items[j] (")"): inside
// the phrase it is skipped, right before the cue it is cut off (end moves).
func parenBack(items []item, lo, j, end int) (int, int, bool) {
	if items[j].text != ")" {
		return j, end, false
	}
	k := j - 1
	for k >= lo && !items[k].isPunct("(") && items[k].kind != itemQuote {
		k--
	}
	if k >= lo && items[k].isPunct("(") && j != end-1 {
		return k - 1, end, true
	}
	if k >= lo && items[k].isPunct("(") {
		return k - 1, k, true
	}
	return j, end, false
}

// beforeWhich finds the phrase before "which" at items[j] ("the Chicago
// Police Department which reported"); ok is false when a capitalised word
// does not come before it.
func beforeWhich(items []item, lo, j int) (a, b int, ok bool) {
	k := j - 1
	if items[k].isPunct(",") {
		k--
	}
	if k >= lo && items[k].kind == itemWord && items[k].capitalised() {
		a2, b2, _ := backwardNP(items, lo, k+1)
		return a2, b2, true
	}
	return 0, 0, false
}

// determinerBack steps back from the determiner at items[j]: past "one
// of" ("one of his deputies": stop) or into "X of the Y" / "a spokesman
// for the Y" (more: keep walking).
func determinerBack(items []item, lo, j int) (int, bool) {
	j--
	// "one of his deputies", "some of the senators"
	if j-1 >= lo && items[j].lower == "of" && items[j-1].kind == itemWord && (items[j-1].is(classDeterminer) || items[j-1].is(classQuantifier)) {
		return j - 2, false
	}
	// "Esther Nyambura of the Norwegian Refugee Council", "a spokesman for the campaign"
	if j-1 >= lo && (items[j].lower == "of" || items[j].lower == "for") && items[j-1].kind == itemWord &&
		(items[j-1].capitalised() && !nameLikeStops[items[j-1].lower] || isDescriptionHead(items[j-1].lower)) && !endsNP(items[j-1]) {
		return j - 1, true
	}
	return j, false
}

// joinsBack reports a word that joins two parts of one phrase walking
// back: "and" between capitalised words, "of", "for" after a person noun,
// "in" after a description before a place ("a nationalist deputy in Ankara").
func joinsBack(items []item, lo, j, end int) bool {
	w := items[j].lower
	if w == "and" && j+1 < end && items[j+1].capitalised() && j-1 >= lo && items[j-1].capitalised() {
		return true
	}
	return (w == "of" || w == "for") && j+1 < end && (w == "of" || j-1 >= lo && (personNouns[items[j-1].lower] || roleNouns[items[j-1].lower])) ||
		// "a nationalist deputy in Ankara"
		placeAfterPerson[w] && j+1 < end && items[j+1].capitalised() && j-1 >= lo && !items[j-1].capitalised() && isDescriptionHead(items[j-1].lower)
}

var quantifiers = toSet("one some many most all several none two three four each either neither both few")

// forwardNP reads a noun phrase starting at items[i].
func forwardNP(items []item, i, hi int) (a, b int) {
	if i >= hi || items[i].kind != itemWord {
		return i, i
	}
	if items[i].is(classPronoun) && items[i].lower != "who" {
		return i, i + 1
	}
	j := forwardStart(items, i, hi)
	n := 0
	for j < hi && n < 12 {
		it := items[j]
		if it.kind == itemPunct {
			if k, ok := punctInPhrase(items, i, j, hi); ok {
				j = k
				continue
			}
			break
		}
		if it.kind != itemWord {
			break
		}
		w := it.lower
		if k, ok := joinsForward(items, i, j, hi); ok {
			j = k
			continue
		}
		// "a Wednesday editorial": a day or month after a determiner, before a noun, describes it
		if j > i && dayWords[w] && items[j-1].is(classDeterminer) && j+1 < hi && items[j+1].kind == itemWord && !endsNP(items[j+1]) {
			j++
			n++
			continue
		}
		if endsForward(items, i, j, hi) {
			break
		}
		if it.is(classDeterminer) && j > i {
			// "Hoff's letter makes a case": the word before is a verb
			if k := j - 1; k > i && !items[k].capitalised() && strings.HasSuffix(items[k].lower, "s") {
				j = k
			}
			break
		}
		j++
		n++
	}
	b = j
	for b > i && (items[b-1].lower == "of" || items[b-1].lower == "and" || items[b-1].is(classDeterminer)) {
		b--
	}
	return i, b
}

// joinsForward steps over a word that joins two parts of one noun phrase
// at items[j]: "of" (and its determiner), "and" between capitalised words,
// "to the" after a role ("Chief Secretary to the Treasury Paul Boateng").
func joinsForward(items []item, i, j, hi int) (int, bool) {
	switch w := items[j].lower; {
	case w == "of" && j+1 < hi && items[j+1].kind == itemWord:
		if items[j+1].is(classDeterminer) {
			return j + 2, true
		}
		return j + 1, true
	case w == "and" && j > i && items[j-1].capitalised() && j+1 < hi && items[j+1].capitalised():
		return j + 1, true
	case w == "to" && j > i && roleNouns[items[j-1].lower] && j+2 < hi && items[j+1].lower == "the" && items[j+2].capitalised():
		return j + 2, true
	}
	return j, false
}

// forwardStart steps past what opens a noun phrase at items[i]: an
// approximate number ("about 200 protesters"), determiners and quantifiers
// ("all three ministers") and a participle used as an adjective.
func forwardStart(items []item, i, hi int) int {
	j := i
	// "about 200 protesters", "nearly 100 lawmakers": an approximation before a number
	if j+1 < hi && approximators[items[j].lower] && items[j+1].kind == itemWord && items[j+1].text[0] >= '0' && items[j+1].text[0] <= '9' {
		j += 2
	}
	// "The two leaders", "all three ministers"
	for j < hi && j-i < 3 && items[j].kind == itemWord && (items[j].is(classDeterminer) || items[j].is(classQuantifier)) {
		j++
	}
	// "one unaligned Florida Republican strategist": after a determiner, a
	// participle before more of the phrase is an adjective
	if j > i && j+1 < hi && items[j].kind == itemWord && !items[j].capitalised() && !items[j].is(classNPStop) &&
		cues[items[j].lower] == (cueForm{}) && (strings.HasSuffix(items[j].lower, "ed") || strings.HasSuffix(items[j].lower, "ing")) &&
		(definites[items[j-1].lower] || items[j-1].lower == "a" || items[j-1].lower == "an" || items[j-1].lower == "one") &&
		items[j+1].kind == itemWord && !endsNP(items[j+1]) && !items[j+1].is(classDeterminer) && !items[j+1].is(classQuantifier) {
		j++
	}
	return j
}

// punctInPhrase steps over punctuation inside a noun phrase at items[j]: a
// parenthesis, or a slash inside a word ("9/11 widow"); ok is false when
// the punctuation ends the phrase.
func punctInPhrase(items []item, i, j, hi int) (int, bool) {
	it := items[j]
	if it.text == "(" {
		k := j + 1
		for k < hi && !items[k].isPunct(")") && items[k].kind != itemQuote {
			k++
		}
		if k < hi && items[k].isPunct(")") {
			return k + 1, true
		}
	}
	// "9/11 widow Terry Vance": a slash inside a word
	if it.text == "/" && j > i && j+1 < hi && items[j-1].end == it.start && it.end == items[j+1].start && items[j+1].kind == itemWord {
		return j + 1, true
	}
	return j, false
}

// endsForward reports a word at items[j] that ends the noun phrase begun
// at items[i]: a verb or function word (but not a first word that a noun
// follows, nor a noun in -ing after "the"), or a verb in -s after the noun
// ("the final text avoids naming China").
func endsForward(items []item, i, j, hi int) bool {
	it := items[j]
	w := it.lower
	if endsNP(it) && !(j == i && !it.is(classNPStop) && !commonVerbs[w] && cues[w] == (cueForm{}) && j+1 < hi && items[j+1].kind == itemWord && !endsNP(items[j+1])) &&
		// "said the ruling.": a noun in -ing after a determiner, ending the phrase
		!(j > i && definites[items[j-1].lower] && strings.HasSuffix(w, "ing") && !it.capitalised() && (j+1 >= hi || items[j+1].kind == itemPunct)) {
		return true
	}
	// "the final text avoids naming China": a verb in -s after the noun
	return j > i+1 && !it.capitalised() && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && items[i].is(classDeterminer) &&
		j+1 < hi && items[j+1].kind == itemWord && (strings.HasSuffix(items[j+1].lower, "ing") && !items[j+1].capitalised() || items[j+1].is(classDeterminer))
}

// introWords open a sentence before its subject ("But", "Meanwhile").
var introWords = toSet(`but and meanwhile however still yet so also then later now instead separately earlier in on at after before during
moreover furthermore additionally indeed first second third finally ultimately nevertheless nonetheless besides
yes no thus hence therefore thanks whatever`)

// sentenceSubject finds the subject of the sentence items[lo:c] (for participle cues:
// "X went further, telling ...").
func sentenceSubject(items []item, lo, c int) (a, b int) {
	i, done := subjectStart(items, lo, c)
	if done {
		return i, i
	}
	// "Following the debate, X ...", "Chastened by the polls, X ...", "Once home, X ..."
	if i < c && items[i].capitalised() && isOpener(items, i, c) {
		k := i
		for k < c && !items[k].isPunct(",") {
			k++
		}
		if k >= c {
			// "When Trump later referred to ... and said": the subject right after the opener
			return forwardNP(items, i+1, c)
		}
		i = skipPlace(items, skipAdjectiveComma(items, k+1, c), c)
	}
	return subjectAt(items, i, c)
}

// subjectStart steps past what opens the sentence items[lo:c] before its
// subject: a dateline, punctuation, intro words ("But", "Meanwhile"), an
// opening prepositional phrase up to its comma, a time phrase ("A few days
// later,"); done says an opening phrase ran to the end (no subject).
func subjectStart(items []item, lo, c int) (i int, done bool) {
	i = lo
	// a dateline ("LOS ANGELES, Sept. 28 (UPI) —") opens the first sentence
	if i < c && isCapsWord(items[i].text) {
		for k := i; k < c && k < i+15; k++ {
			if items[k].kind == itemPunct && strings.Contains("—–-", items[k].text) {
				i = k + 1
				break
			}
		}
	}
	for i < c && (items[i].kind == itemPunct || items[i].is(classIntro)) {
		if items[i].is(classNPStop) && !items[i].is(classIntro) {
			break
		}
		// an opening prepositional phrase runs to its comma
		if items[i].kind == itemWord && clauseOpeners[items[i].lower] {
			k := i
			// "On "Face the Nation," Sen. X ...": the comma may sit inside
			// the marks of a quoted title, a capitalised word right after it
			for k < c && !items[k].isPunct(",") && !(items[k].kind == itemQuote && k+1 < c && items[k+1].capitalised()) {
				k++
			}
			if k >= c {
				return i, true
			}
			i = skipAdjectiveComma(items, k+1, c)
			continue
		}
		// "But a few days later, Trump ...": a time phrase before its comma
		if k := timePhraseEnd(items, i, c); k > i {
			i = k + 1
			continue
		}
		i++
	}
	return i, false
}

// skipPlace steps past the rest of a place after an opening phrase's comma
// at items[i]: "At a summit in Hilton Head, S.C., Rubio offered".
func skipPlace(items []item, i, c int) int {
	for n := 0; n < 2; n++ {
		a, b := forwardNP(items, i, c)
		if b <= a || b-a > 2 || b >= c || !items[b].isPunct(",") || !items[a].capitalised() || !strings.HasSuffix(items[b-1].text, ".") && b-a > 1 {
			break
		}
		i = b + 1
	}
	return i
}

// subjectAt reads the subject that starts at items[i]: the name a
// description introduces, or past an opening phrase with no name.
func subjectAt(items []item, i, c int) (a, b int) {
	a, b = forwardNP(items, i, c)
	// "Iran’s ambassador to the IAEA, Dariush Kamrani, dismissed ..."
	if b > a {
		if na, nb, ok := subjectAfterDescription(items, a, b, c); ok {
			return na, nb
		}
	}
	// "The next day, her account posted": a phrase without a name before a comma opens the sentence
	if b > a && b < c && items[b].isPunct(",") {
		// "Dorn's relatives, including his sister," is named: a capitalised
		// word past the sentence's first, or a possessive name opening it
		named := strings.HasSuffix(items[a].lower, "'s") && items[a].capitalised() && !items[a].is(classDeterminer)
		for k := a + 1; k < b; k++ {
			if items[k].capitalised() {
				named = true
			}
		}
		if !named && !items[a].is(classPronoun) && !(b-a == 1 && items[a].capitalised() && !items[a].is(classIntro) && !isAdverb(item{kind: itemWord, lower: items[a].lower})) {
			if a2, b2 := forwardNP(items, b+1, c); b2 > a2 {
				return a2, b2
			}
		}
	}
	if b > a && fragmentSubject(items, a, b) {
		return a, a
	}
	return a, b
}

// fragmentSubject reports a phrase that can be no speaker: a participle
// opening it ("stripping out a call for ...") or a lone "All" or "This"
// ("All this has led ...").
func fragmentSubject(items []item, a, b int) bool {
	w := items[a].lower
	if !items[a].capitalised() && items[a].kind == itemWord && strings.HasSuffix(w, "ing") && len(w) > 5 && !items[a].is(classDeterminer) {
		return true
	}
	return b-a == 1 && loneFragments[w]
}

// loneFragments are words that, alone, open a sentence without naming anyone.
var loneFragments = toSet("all this that these those such both")

// clauseOpeners start a phrase or clause that runs to a comma before the subject.
var clauseOpeners = toSet(`in on at after before during once while when as if although though because since despite following amid with without under unlike like for by from given here there even
outside inside beyond across near among amongst within throughout around behind`)

// noteSubject records the person a sentence opens with, for pronouns.
func (st *fieldState) noteSubject(items []item, lo, hi, para int) {
	a, b := sentenceSubject(items, lo, hi)
	// "Sen. X (Vt.), who ...": the name without its parenthesis
	if b-a > 3 && items[b-1].isPunct(")") {
		for k := b - 2; k > a; k-- {
			if items[k].isPunct("(") {
				b = k
				break
			}
		}
	}
	if b <= a || b >= hi || items[b].kind != itemWord && !((items[b].isPunct(",") || items[b].isPunct("(")) && nameLike(items, a, b)) {
		return
	}
	// "presidential nominee Hillary Clinton was ..." opens with a lower-case title
	named := items[a].capitalised() || items[a].is(classPronoun)
	for k := a + 1; k < b && !named; k++ {
		named = items[k].capitalised() && !items[a].is(classDeterminer)
	}
	// "the Times", "the IMF": a body's name after "the", when it is an entity
	theName := !named && items[a].lower == "the" && a+1 < b && items[a+1].capitalised()
	if !named && !theName {
		return
	}
	w := st.resolve(items, a, b, "", para)
	if isPronounPhrase(w.name) || !(w.entity != "" || startsUpper(w.name)) || theName && (w.entity == "" || w.person) {
		return
	}
	// people for he/she; groups and bodies for they/it ("Donald Trump's campaign")
	if w.person || w.plural || w.entity != "" || w.name != w.phrase || groupHeads[items[b-1].lower] && startsUpper(w.name) {
		st.subjects = append(st.subjects, event{para: para, pos: items[a].start, w: w})
	}
}

// isOpener reports a capitalised word that opens a phrase before the
// subject: a preposition or conjunction ("When", "Following"), a participle
// ("Chastened") or an adverb ("Ironically") — not a name ("Carly", "Ted").
func isOpener(items []item, i, c int) bool {
	w := items[i].lower
	if clauseOpeners[w] {
		return true
	}
	if names.Gender(w) != 0 || len(w) <= 4 || i+1 < c && items[i+1].capitalised() && !strings.HasSuffix(w, "ing") {
		return false
	}
	return strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")
}

// nameLikeStops are function words that are also first names when capitalised.
var nameLikeStops = toSet("will may can mark bill rich grant june april august hope faith joy rose")

// prevNonAdverb is the index of the word before j past adverbs and auxiliaries, or lo-1.
func prevNonAdverb(items []item, lo, j int) int {
	k := j - 1
	for k >= lo && items[k].kind == itemWord && (items[k].is(classBetween) || isAdverb(items[k])) {
		k--
	}
	return k
}

// roleEnd is the index of the comma right before the cue at j ("X, ROLE, said").
func roleEnd(items []item, j int) int {
	k := prevNonAdverb(items, 0, j)
	if k >= 0 && items[k].isPunct(",") {
		return k
	}
	return j
}

// onlyFunctionWords reports whether items[from:to] are prepositions and determiners ("to", "with the").
func onlyFunctionWords(items []item, from, to int) bool {
	for k := from; k < to; k++ {
		if items[k].kind != itemWord || !(items[k].is(classNPStop) || items[k].is(classDeterminer)) {
			return false
		}
	}
	return true
}

// placeAfterPerson join a place to a description of people ("a deputy in
// Ankara", "officials from Brussels").
var placeAfterPerson = toSet("in from at")

// skipAdjectiveComma returns where the subject starts after an opening
// phrase's comma at i-1: past a second comma when the first one split two
// adjectives ("Following a swiftly called, late-afternoon meeting, the
// Council", "In a wide-ranging, in-prison interview with X, Lazar said").
func skipAdjectiveComma(items []item, i, c int) int {
	if i >= 2 && adjectival(items[i-2]) && i < c && items[i].kind == itemWord && !items[i].capitalised() && !items[i].is(classDeterminer) && !items[i].is(classPronoun) {
		for k := i + 1; k < c && k <= i+8; k++ {
			if items[k].isPunct(",") {
				return k + 1
			}
			if items[k].kind != itemWord || cues[items[k].lower] != (cueForm{}) || commonVerbs[items[k].lower] {
				break
			}
		}
	}
	return i
}

// timeEnds close a time phrase that opens a sentence ("A few days later,").
var timeEnds = toSet("later earlier ago before after")

// timePhraseEnd returns the comma that closes a time phrase opening at i
// ("a few days later,", "Two weeks ago,"), or -1.
func timePhraseEnd(items []item, i, c int) int {
	for k := i; k < c && k <= i+5; k++ {
		if items[k].kind != itemWord {
			return -1
		}
		if timeEnds[items[k].lower] && k > i && k+1 < c && items[k+1].isPunct(",") {
			return k + 1
		}
	}
	return -1
}

// adjectival guesses a word before a noun by its shape: "called",
// "wide-ranging", "nuclear" is not caught, "arena" is not one.
func adjectival(it item) bool {
	w := it.lower
	if it.kind != itemWord || it.capitalised() {
		return false
	}
	if strings.Contains(w, "-") {
		return true
	}
	for _, suf := range []string{"ed", "ing", "ly", "al", "ful", "ive", "ous", "ic", "ary"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// approximators come before a number in a noun phrase ("about 200 protesters").
var approximators = toSet("about nearly almost roughly around approximately some over")
