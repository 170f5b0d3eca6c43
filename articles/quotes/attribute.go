package quotes

import (
	"strings"

	"briefs/articles/names"
	"briefs/model"
)

// cueAt is a speech cue in a sentence and the speaker it names.
type cueAt struct {
	idx  int
	w    *who
	rule string // the rule that read the cue (CueRules)
	subj string // the rule that found its speaker (CueSpeakerRules)
}

// sentenceCues finds the speech cues of items[lo:hi] outside quotations and
// their speakers, and records them as events (for pronouns and inheritance).
func (st *fieldState) sentenceCues(items []item, lo, hi, para int) []cueAt {
	var out []cueAt
	for j := lo; j < hi; j++ {
		it := items[j]
		if it.kind != itemWord {
			continue
		}
		if !it.is(classCue) {
			continue
		}
		cf, ok := cues[it.lower]
		cueText := it.lower
		cueRule := ruleCueVerb
		if !ok {
			switch {
			case it.lower == "according" && j+1 < hi && items[j+1].lower == "to":
				cf, ok, cueText, cueRule = cueForm{lemma: "according to"}, true, "according to", ruleCueAccordingTo
			case afterCues[it.lower] && (afterQuote(items, lo, j) || j+1 < hi && items[j+1].isPunct(":")) &&
				// "state Del. Mira Lund", "state prosecutor Ana Ruiz", "secretary
				// of state": "state" after "of" or before a name or a noun is no
				// verb ("state the authors", "states in its report" are)
				!((it.lower == "state" || it.lower == "states") && (j > lo && items[j-1].lower == "of" ||
					j+1 < hi && items[j+1].kind == itemWord && (items[j+1].capitalised() || !items[j+1].is(classDeterminer) && !items[j+1].is(classNPStop)))):
				cf, ok, cueRule = cueForm{lemma: it.lower}, true, ruleCueAfterQuoteVerb
			case finalCues[it.lower] && (j+1 == hi || items[j+1].kind == itemPunct && strings.Contains(".:,;", items[j+1].text)):
				// "Bystrom agreed." before a quotation
				cf, ok, cueRule = cueForm{lemma: it.lower}, true, ruleCueClauseFinal
			case j == lo && it.capitalised() && (afterCues[it.lower] || finalCues[it.lower]) && sentenceOpeningCue(items, j, hi):
				// "Continued Stein: "Q""
				cf, ok, cueRule = cueForm{lemma: it.lower}, true, ruleCueOpening
			case (it.lower == "calls" || it.lower == "call") && quoteWithin(items, j, hi, 5) &&
				// "a call for "Q"", "calls of "Q"": the noun
				!(j+1 < hi && (items[j+1].lower == "for" || items[j+1].lower == "of")):
				// "what it calls "Q"", "Rivas calls the plan "Q"": the verb, with
				// its quotation close behind ("calls" is mostly the noun otherwise)
				cf, ok, cueRule = cueForm{lemma: "call"}, true, ruleCueCalls
			case pronounCues[it.lower] != cueForm{} && j > lo && items[j-1].kind == itemWord && (subjectPronouns[pronounOf(items[j-1].lower)] ||
				items[j-1].capitalised() && j+1 < hi && items[j+1].isPunct(":") && (strings.HasSuffix(it.lower, "s") || strings.HasSuffix(it.lower, "ed"))):
				// "she yells", "Mr Finegold replies:": after a subject pronoun,
				// or between a name and a colon, the word is the verb ("a
				// snappy retort:" is not)
				cf, ok, cueRule = pronounCues[it.lower], true, ruleCueAfterPronoun
			case (it.lower == "put" || it.lower == "puts") && j+1 < hi && items[j+1].lower == "it":
				// "as Dana Milbank puts it, "Q""
				cf, ok, cueText, cueRule = cueForm{lemma: "put it"}, true, "put it", ruleCuePutIt
			default:
				continue
			}
		}
		// passive ("was told", "were asked") and sentence-opening participles ("Asked whether")
		if k := prevWord(items, lo, j); k >= 0 && items[k].is(classBe) {
			continue
		}
		if j == lo && it.capitalised() && it.lower != "says" && it.lower != "according" &&
			// "Continued Stone: "Q"", "Added Ms. Reyes, "Q"": a cue opening the sentence before a name and a colon
			!sentenceOpeningCue(items, j, hi) {
			continue
		}
		// mid-sentence, a capitalised cue word is part of a name ("the United States")
		if j > lo && it.capitalised() && (items[j-1].capitalised() || items[j-1].is(classDeterminer)) {
			continue
		}
		// "a swiftly called meeting": an adjective after a determiner and adverbs
		if k := prevNonAdverb(items, lo, j); k >= lo && k < j-1 && items[k].kind == itemWord && items[k].is(classDeterminer) {
			continue
		}
		// "a pledged delegate", "It's called": an adjective or a passive, not speech
		if j > lo && items[j-1].kind == itemWord && (items[j-1].is(classDeterminer) ||
			namingCues[it.lower] && (strings.HasSuffix(items[j-1].lower, "'s") || strings.HasSuffix(items[j-1].lower, "'re")) &&
				// "who's called for a recount" asks for something
				!(j+1 < hi && (items[j+1].lower == "for" || items[j+1].lower == "on"))) {
			continue
		}
		var w *who
		shared := false // w is an earlier cue's speaker, not one resolve just made
		subj := ""
		switch {
		case cf.lemma == "according to":
			if a, b := forwardNP(items, j+2, hi); b > a {
				w, subj = st.resolve(items, a, b, appositive(items, b, hi), para), ruleSpeakerAccordingTo
			}
		case j == lo && it.capitalised() && !cf.participle:
			// "Continued Stone: "Q""
			if a, b := forwardNP(items, j+1, hi); b > a {
				w, subj = st.resolve(items, a, b, "", para), ruleSpeakerAfterOpeningCue
			}
		case !cf.participle && invertedCue(items, lo, j):
			if na, nb, role, ok := roleCommaName(items, j+1, hi); ok {
				// "said BA's director of planning, Robert Boyle"
				w, subj = st.resolve(items, na, nb, role, para), ruleSpeakerInvertedRoleName
			} else if a, b := forwardNP(items, j+1, hi); b > a {
				w, subj = st.resolve(items, a, b, appositive(items, b, hi), para), ruleSpeakerInverted
			}
		case cf.participle && len(out) > 0 && out[len(out)-1].w != nil:
			// "X wrote in a statement to Wired explaining ...": X's participle
			w, shared, subj = out[len(out)-1].w, true, ruleSpeakerParticiplePrevCue
		case cf.participle && prevNonAdverb(items, lo, j) >= lo && items[prevNonAdverb(items, lo, j)].capitalised():
			// "and Trump calling it a "great meeting"": the participle's own subject
			if a, b, role := backwardNP(items, lo, j); b > a {
				w, subj = st.resolve(items, a, b, role, para), ruleSpeakerParticipleOwn
			}
		case cf.participle:
			for k := len(out) - 1; k >= 0; k-- {
				if out[k].w != nil {
					w, shared, subj = out[k].w, true, ruleSpeakerParticiplePrevCue
					break
				}
			}
			if w == nil {
				if a, b := sentenceSubject(items, lo, j); b > a {
					w, subj = st.resolve(items, a, b, "", para), ruleSpeakerParticipleSubject
				}
			}
		default:
			// "Congo’s foreign minister, Clarisse Mbuyi-Kalonji, said"
			if na, nb, role, ok := st.roleThenName(items, lo, j); ok {
				w, subj = st.resolve(items, na, nb, role, para), ruleSpeakerRoleThenName
				break
			}
			a, b, role := backwardNP(items, lo, j)
			// "called for big recounts": after a preposition the phrase and
			// the "cue" are a noun phrase, nobody speaks
			if b == a+1 && a > lo && items[a-1].kind == itemWord && nounPrepositions[items[a-1].lower] && !items[a].capitalised() &&
				strings.HasSuffix(it.lower, "s") && !items[a].is(classPronoun) {
				continue
			}
			// "The army delegation, led by retired general X, said": a
			// participle clause describes, it is no role
			relative := relativeClause(role)
			if f, _, _ := strings.Cut(role, " "); f != "" && !startsUpper(f) && !determiners[strings.ToLower(f)] &&
				(len(f) >= 3 && (strings.HasSuffix(f, "ed") || strings.HasSuffix(f, "ing")) || relative) {
				role = ""
			}
			// "a book called "Q"" names a thing; nobody speaks
			// (but "a deputy called the talks "Q"" is speech)
			if b > a && namingCues[it.lower] && (items[a].lower == "a" || items[a].lower == "an") &&
				(j+1 >= hi || items[j+1].kind == itemQuote || items[j+1].capitalised()) {
				continue
			}
			if b > a {
				w, subj = st.resolve(items, a, b, role, para), ruleSpeakerBefore
				// "McLenney said": a lone capitalised word nobody else names, speaking, is a person
				if b-a == 1 && w.entity == "" && !w.person && w.name == w.phrase && items[a].capitalised() && !isUpperWord(items[a].text) &&
					!orgWords[possessive(items[a].lower)] && !isDemonym(items[a].lower) && !notName(items[a]) && !st.names.covered(w.start, w.end) &&
					len(st.names.within(w.start, w.end, nil)) == 0 {
					w.person = true
				}
				// "a White House official who spoke anonymously ... said"
				if !w.person {
					for k := a - 1; k >= lo && k >= a-12; k-- {
						if items[k].kind != itemWord {
							break
						}
						if items[k].lower == "who" || a-k <= 3 && !items[k].capitalised() && strings.HasSuffix(items[k].lower, "ing") && len(items[k].lower) > 5 && onlyFunctionWords(items, k+1, a) {
							// "the gambling tycoon told": after a determiner the -ing word is an adjective
							if k > lo && items[k-1].is(classDeterminer) {
								break
							}
							if a2, b2, _ := backwardNP(items, lo, k); b2 > a2 {
								w, subj = st.resolve(items, a2, b2, "", para), ruleSpeakerWhoClause
							}
							break
						}
					}
				}
				if !w.person || w.entity == "" && relative {
					// "Cory James, 22, of Flint, said" / "Clinton, during a meeting in
					// Columbus, said" / "X, a developer and spokeswoman for Y, which
					// ..., said": the subject before the parenthesis speaks
					if a2, b2 := sentenceSubject(items, lo, j); b2 > a2 && b2 <= a && b2 < j && items[b2].isPunct(",") {
						if w2 := st.resolve(items, a2, b2, "", para); w2.person || w2.entity != "" {
							w, subj = w2, ruleSpeakerBeforeParenthesis
						}
					} else if role != "" && startsUpper(role) {
						// "after winning Ohio in the primary, Gov. John Kasich (R-OH), said";
						// not "The army delegation, led by retired general X, said"
						if ra, rb, _ := backwardNP(items, lo, roleEnd(items, j)); rb > ra && ra > b {
							if w2 := st.resolve(items, ra, rb, "", para); w2.person {
								w, subj = w2, ruleSpeakerNameInRole
							}
						}
					}
				}
			} else if k := prevNonAdverb(items, lo, j); k >= lo && (items[k].lower == "and" || items[k].lower == "but" ||
				// "Trump was quick to add that ...": the subject of the sentence
				items[k].lower == "to" && k > lo && items[k-1].kind == itemWord && !items[k-1].is(classDeterminer) && !personNouns[items[k-1].lower]) {
				// "X referred to ... and said": the subject of the first verb
				if k-2 >= lo && items[k].lower == "and" && items[k-2].is(classPronoun) && items[k-2].kind == itemWord &&
					strings.HasSuffix(items[k-1].lower, "ed") {
					// "..., when my mother mentioned it, I laughed and said"
					w, subj = st.resolve(items, k-2, k-1, "", para), ruleSpeakerPronounAnd
				} else if a2, b2 := sentenceSubject(items, lo, j); b2 > a2 {
					w, subj = st.resolve(items, a2, b2, "", para), ruleSpeakerFirstVerbSubject
				}
			} else if a2, b2 := forwardNP(items, j+1, hi); b2 > a2 && j+1 < hi && items[j+1].kind == itemWord {
				// "..., said X" after something other than a quotation; but in "X,
				// a veteran who ..., said the program is ...", the program is what
				// was said about, and the sentence's subject speaks
				if j > lo && items[j-1].kind == itemPunct {
					if b2 == hi || items[b2].kind != itemWord {
						w, subj = st.resolve(items, a2, b2, appositive(items, b2, hi), para), ruleSpeakerAfterComma
					} else if a3, b3 := sentenceSubject(items, lo, j); b3 > a3 && b3 < j && items[b3].isPunct(",") {
						if w3 := st.resolve(items, a3, b3, "", para); w3.person || w3.entity != "" {
							w, subj = w3, ruleSpeakerSubjectNotObject
						}
					}
				}
			}
		}
		if w == nil {
			continue
		}
		// the cue's own copy of a speaker another cue has; a fresh one
		// is nobody else's and takes the cue itself
		if shared {
			c := *w
			w = &c
		}
		w.cue = ownCue(cueText)
		out = append(out, cueAt{j, w, cueRule, subj})
		if st.tr != nil {
			st.tr.cues = append(st.tr.cues, out[len(out)-1])
		}
		st.events = append(st.events, event{para: para, pos: it.start, w: w})
	}
	return out
}

// roleCommaName finds "ROLE, NAME" from items[a] to the clause's end
// after an inverted cue ("said the director of planning, Robert Boyle"): a
// few words with a role noun among them, a comma, then a name ending the
// clause; or roles joined by "and" right before the name ("said Nortel
// president and chief executive Bill Owens"). It returns the name's items
// and the role's words.
func roleCommaName(items []item, a, hi int) (na, nb int, role string, ok bool) {
	k, head := a, false
	for k < hi && k < a+8 && items[k].kind == itemWord {
		head = head || isDescriptionHead(items[k].lower)
		k++
	}
	if !head || k == a || k >= hi || items[a].capitalised() && nameLike(items, a, k) {
		return 0, 0, "", false
	}
	if !items[k].isPunct(",") {
		// "said Nortel president and chief executive Bill Owens.": roles
		// joined by "and", then the name ending the clause
		hasAnd := false
		for m := a; m < k; m++ {
			hasAnd = hasAnd || items[m].lower == "and"
		}
		nb = k
		na = nb
		for na > a && items[na-1].capitalised() && !isDescriptionHead(items[na-1].lower) {
			na--
		}
		if !hasAnd || nb-na < 2 || na <= a || !isDescriptionHead(items[na-1].lower) || !nameLike(items, na, nb) {
			return 0, 0, "", false
		}
		return na, nb, itemsText(items, a, na), true
	}
	na, nb = k+1, k+1
	for nb < hi && items[nb].kind == itemWord && nb-na < 5 {
		nb++
	}
	if nb-na < 2 || nb < hi && items[nb].kind != itemPunct || !nameLike(items, na, nb) {
		return 0, 0, "", false
	}
	return na, nb, itemsText(items, a, k), true
}

func prevWord(items []item, lo, j int) int {
	for k := j - 1; k >= lo; k-- {
		if items[k].kind != itemWord {
			return -1
		}
		if !items[k].is(classBetween) || items[k].is(classBe) {
			return k
		}
	}
	return -1
}

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

// quoteWithin reports a quotation among the n items after items[j], with
// only words between (no punctuation ends the clause first).
func quoteWithin(items []item, j, hi, n int) bool {
	for k := j + 1; k < hi && k <= j+n; k++ {
		switch {
		case items[k].kind == itemQuote:
			return true
		case items[k].kind != itemWord:
			return false
		}
	}
	return false
}

// invertedCue reports "Q," said X: the cue right after a quotation (and its comma or dash).
func invertedCue(items []item, lo, j int) bool {
	k := j - 1
	for k >= lo && items[k].kind == itemPunct && strings.Contains(",—–-", items[k].text) {
		k--
	}
	if k < lo || items[k].kind != itemQuote {
		return false
	}
	// "Q," he said / "Q," the minister said are not inverted: nothing sits between.
	return true
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
var commonVerbs = toSet(`went came made took gave met spoke got left ran won lost held began sent saw knew became brought kept felt
sought struck fought led paid sat stood hit set cut let put moved wants want says think thinks believe believes know knows
seems seem appears appear remains remain needs need must`)

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
	j := c - 1
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
		if k > lo && items[k].isPunct(",") {
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
		} else {
			return 0, 0, ""
		}
	}
	end := j + 1
	n := 0
	for j >= lo && n < 12 {
		it := items[j]
		if it.kind == itemQuote {
			break
		}
		if it.kind == itemPunct {
			if it.text == ")" {
				k := j - 1
				for k >= lo && !items[k].isPunct("(") && items[k].kind != itemQuote {
					k--
				}
				if k >= lo && items[k].isPunct("(") && j != end-1 {
					j = k - 1
					continue
				}
				if k >= lo && items[k].isPunct("(") {
					j = k - 1
					end = k
					continue
				}
			}
			break
		}
		w := it.lower
		if w == "which" && j == end-1 && j > lo {
			// "the Chicago Police Department which reported": the noun phrase before
			k := j - 1
			if items[k].isPunct(",") {
				k--
			}
			if k >= lo && items[k].kind == itemWord && items[k].capitalised() {
				a2, b2, _ := backwardNP(items, lo, k+1)
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
		if it.is(classDeterminer) {
			j--
			// "one of his deputies", "some of the senators"
			if j-1 >= lo && items[j].lower == "of" && items[j-1].kind == itemWord && (items[j-1].is(classDeterminer) || items[j-1].is(classQuantifier)) {
				j -= 2
				break
			}
			// "Esther Nyambura of the Norwegian Refugee Council", "a spokesman for the campaign"
			if j-1 >= lo && (items[j].lower == "of" || items[j].lower == "for") && items[j-1].kind == itemWord &&
				(items[j-1].capitalised() && !nameLikeStops[items[j-1].lower] || isDescriptionHead(items[j-1].lower)) && !endsNP(items[j-1]) {
				j--
				n++
				continue
			}
			break
		}
		if w == "and" && j+1 < end && items[j+1].capitalised() && j-1 >= lo && items[j-1].capitalised() {
			j--
			n++
			continue
		}
		if (w == "of" || w == "for") && j+1 < end && (w == "of" || j-1 >= lo && (personNouns[items[j-1].lower] || roleNouns[items[j-1].lower])) ||
			// "a nationalist deputy in Ankara"
			placeAfterPerson[w] && j+1 < end && items[j+1].capitalised() && j-1 >= lo && !items[j-1].capitalised() && isDescriptionHead(items[j-1].lower) {
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

var quantifiers = toSet("one some many most all several none two three four each either neither both few")

// forwardNP reads a noun phrase starting at items[i].
func forwardNP(items []item, i, hi int) (a, b int) {
	if i >= hi || items[i].kind != itemWord {
		return i, i
	}
	if items[i].is(classPronoun) && items[i].lower != "who" {
		return i, i + 1
	}
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
	n := 0
	for j < hi && n < 12 {
		it := items[j]
		if it.kind == itemPunct {
			if it.text == "(" {
				k := j + 1
				for k < hi && !items[k].isPunct(")") && items[k].kind != itemQuote {
					k++
				}
				if k < hi && items[k].isPunct(")") {
					j = k + 1
					continue
				}
			}
			// "9/11 widow Terry Vance": a slash inside a word
			if it.text == "/" && j > i && j+1 < hi && items[j-1].end == it.start && it.end == items[j+1].start && items[j+1].kind == itemWord {
				j++
				continue
			}
			break
		}
		if it.kind != itemWord {
			break
		}
		w := it.lower
		if w == "of" && j+1 < hi && items[j+1].kind == itemWord {
			j++
			if items[j].is(classDeterminer) {
				j++
			}
			continue
		}
		if w == "and" && j > i && items[j-1].capitalised() && j+1 < hi && items[j+1].capitalised() {
			j++
			continue
		}
		// "a Wednesday editorial": a day or month after a determiner, before a noun, describes it
		if j > i && dayWords[w] && items[j-1].is(classDeterminer) && j+1 < hi && items[j+1].kind == itemWord && !endsNP(items[j+1]) {
			j++
			n++
			continue
		}
		if endsNP(it) && !(j == i && !it.is(classNPStop) && !commonVerbs[w] && cues[w] == (cueForm{}) && j+1 < hi && items[j+1].kind == itemWord && !endsNP(items[j+1])) &&
			// "said the ruling.": a noun in -ing after a determiner, ending the phrase
			!(j > i && definites[items[j-1].lower] && strings.HasSuffix(w, "ing") && !it.capitalised() && (j+1 >= hi || items[j+1].kind == itemPunct)) {
			break
		}
		// "the final text avoids naming China": a verb in -s after the noun
		if j > i+1 && !it.capitalised() && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && items[i].is(classDeterminer) &&
			j+1 < hi && items[j+1].kind == itemWord && (strings.HasSuffix(items[j+1].lower, "ing") && !items[j+1].capitalised() || items[j+1].is(classDeterminer)) {
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

// introWords open a sentence before its subject ("But", "Meanwhile").
var introWords = toSet(`but and meanwhile however still yet so also then later now instead separately earlier in on at after before during
moreover furthermore additionally indeed first second third finally ultimately nevertheless nonetheless besides
yes no thus hence therefore thanks whatever`)

// sentenceSubject finds the subject of the sentence items[lo:c] (for participle cues:
// "X went further, telling ...").
func sentenceSubject(items []item, lo, c int) (a, b int) {
	i := lo
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
			for k < c && !items[k].isPunct(",") {
				k++
			}
			if k >= c {
				return i, i
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
		i = skipAdjectiveComma(items, k+1, c)
		// "At a summit in Hilton Head, S.C., Rubio offered": the rest of a place
		for n := 0; n < 2; n++ {
			a, b := forwardNP(items, i, c)
			if b <= a || b-a > 2 || b >= c || !items[b].isPunct(",") || !items[a].capitalised() || !strings.HasSuffix(items[b-1].text, ".") && b-a > 1 {
				break
			}
			i = b + 1
		}
	}
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
	return a, b
}

// cueWords holds every word that can start a cue in sentenceCues: one
// lookup rules out most words.
var cueWords = union(toSet("according put puts call calls"), afterCues, finalCues, keysOf(cues), keysOf(pronounCues))

// cueNames maps every cue word to the same word as the lexicon spells it.
var cueNames = func() map[string]string {
	m := make(map[string]string, len(cueWords))
	for w := range cueWords {
		m[w] = w
	}
	return m
}()

// ownCue returns the cue word w as a string of its own: an item's lower
// case can be a piece of the field's lower-cased copy (see lowerASCII),
// which a quote kept in an archive must not hold on to.
func ownCue(w string) string {
	if s, ok := cueNames[w]; ok {
		return s
	}
	return strings.Clone(w)
}

// namingCues name a thing when they follow "a"/"an" ("a band called X").
var namingCues = toSet("called calling described labeled labelled dubbed titled named")

// clauseOpeners start a phrase or clause that runs to a comma before the subject.
var clauseOpeners = toSet(`in on at after before during once while when as if although though because since despite following amid with without under unlike like for by from given here there even
outside inside beyond across near among amongst within throughout around behind`)

// resolve turns the noun phrase items[a:b] into a speaker.
func (st *fieldState) resolve(items []item, a, b int, role string, para int) *who {
	start, end := items[a].start, items[b-1].end
	phrase := st.text[start:end]
	// the speaker and its mention in one allocation (resolve runs for
	// every cue and sentence subject)
	wm := &struct {
		w who
		m model.Mention
	}{who{phrase: phrase, start: start, end: end, name: phrase, role: role}, model.Mention{Field: st.field, Start: start, End: end, Text: phrase}}
	w := &wm.w
	w.mention = &wm.m
	if st.tr != nil {
		st.tr.resetSteps(start, end)
	}
	if lw := pronounOf(items[a].lower); b-a == 1 && speakerPronouns[lw] {
		w.plural = lw == "they" || lw == "we"
		if ante, rule := st.resolvePronoun(lw, start); ante != nil {
			w.name, w.entity, w.person, w.sure, w.plural, w.gender = ante.name, ante.entity, ante.person, ante.sure, ante.plural, ante.gender
			if w.role == "" {
				w.role = ante.role
			}
			if st.tr != nil {
				st.tr.step(w, "%s -> %s: %s", phrase, w.name, rule)
			}
		} else if st.tr != nil {
			st.tr.step(w, "%s -> nobody: %s", phrase, ruleStepUnresolved)
		}
		return w
	}
	lastLower := !items[b-1].capitalised() && items[b-1].kind == itemWord
	// "Others", "Critics", "MPs": a group, for "they" and never "he"
	if b-a == 1 && items[a].capitalised() && pluralWord(items[a].text, items[a].lower) {
		w.plural = true
	}
	// a name inside the phrase
	var buf [8]nameRef
	ms := st.names.within(start, end, buf[:0])
	persons := 0
	for _, m := range ms {
		if m.person {
			persons++
		}
	}
	hasAnd := false
	for k := a; k < b; k++ {
		if items[k].lower == "and" {
			hasAnd = true
		}
	}
	if persons >= 2 && hasAnd {
		w.plural = true
		w.person = true
		if st.tr != nil {
			st.tr.step(w, "%s: %s", phrase, ruleStepPersonsAnd)
		}
		return w
	}
	var pick *nameRef
	for i := range ms {
		m := &ms[i]
		if persons > 0 && !m.person {
			continue
		}
		// the last name is the head ("Trump adviser Kellyanne Conway"),
		// but a sure person before a guess wins ("Stephanie Hooton of Derry")
		if pick != nil && pick.sure && !m.sure {
			continue
		}
		pick = m
	}
	// "a spokesman for Bernie Sanders": the spokesman speaks, not the name
	headAt := b - 1
	for k := a + 1; k < b && pick != nil; k++ {
		if (items[k].lower == "for" || items[k].lower == "of" || items[k].lower == "to") && !items[k-1].capitalised() &&
			(isDescriptionHead(items[k-1].lower) || groupHeads[items[k-1].lower]) && pick.start > items[k].start {
			pick = nil
			headAt = k - 1
		}
	}
	if pick != nil && !(lastLower && pick.end < end && groupHead(st.text, pick.end, end)) {
		w.name, w.entity, w.person, w.sure, w.gender = pick.name, pick.entity, pick.person, pick.sure, pick.gender
		*w.mention = model.Mention{Field: st.field, Start: pick.start, End: pick.end, Text: st.text[pick.start:pick.end]} // only w points to it yet
		if w.role == "" {
			if pre := strings.TrimSpace(st.text[start:pick.start]); pre != "" && !determiners[strings.ToLower(pre)] {
				// "Mr Blair", "Lord Falconer": an honorific is no role, but it tells the gender
				if h := strings.ToLower(strings.TrimSuffix(pre, ".")); courtesyTitles[h] {
					if w.gender == 0 {
						w.gender = genderOfRole(h)
					}
				} else {
					w.role = trimTitleAbbrev(strings.TrimSuffix(strings.TrimSuffix(pre, ","), " of"))
				}
			}
		}
		if w.gender == 0 {
			w.gender = genderOfRole(w.role)
		}
		if st.tr != nil && w.name != phrase {
			st.tr.step(w, "%s -> %s: %s%s", phrase, w.name, ruleStepNameInPhrase, entityNote(w.entity))
		} else if st.tr != nil {
			st.tr.step(w, "%s: %s%s", phrase, ruleStepNameInPhrase, entityNote(w.entity))
		}
		return w
	}
	// a description: "the minister", "the envoy"
	head := items[headAt].lower
	lastLower = lastLower || headAt < b-1
	if lastLower {
		w.plural = strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss")
		if roleNouns[head] && definites[items[a].lower] {
			var mods []string
			for k := a + 1; k < headAt; k++ {
				if items[k].kind == itemWord && !items[k].is(classDeterminer) {
					mods = append(mods, possessive(items[k].lower))
				}
			}
			p := st.names.byRole(head, mods, start)
			// "a senior US official said ... "Q," the official said": the
			// same unnamed description, when it is nearer than any name
			if d := st.describedBefore(head, start); d != nil && (p == nil || d.start > p.start) {
				w.name, w.person, w.gender = d.name, d.person, d.gender
				if st.tr != nil {
					st.tr.step(w, "%s -> %s: %s", phrase, w.name, ruleStepSameUnnamed)
				}
			} else {
				how := ruleStepByRole
				if p == nil && items[a].lower == "the" && principalRoles[head] {
					if properModifier(items, a+1, headAt) {
						// "The former New Mexico governor is ...": a description
						// that names a place stands for the person named just
						// before it, not for the article's main figure
						p = st.names.lastPersonBefore(start, 'm')
						if f := st.names.lastPersonBefore(start, 'f'); f != nil && (p == nil || f.start > p.start) {
							p = f
						}
						how = ruleStepPlaceLastPerson
					} else {
						p = st.names.mostNamedPerson(start)
						how = ruleStepMainPerson
					}
				}
				if p != nil {
					w.name, w.entity, w.person, w.sure, w.gender = p.name, p.entity, true, p.sure, p.gender
					if st.tr != nil {
						st.tr.step(w, "%s -> %s: %s%s", phrase, w.name, how, entityNote(w.entity))
					}
				}
			}
		}
		if head == "pair" || head == "two" || head == "duo" {
			w.plural = true
		}
		// an unresolved description of a person ("a spokeswoman") still is one:
		// a later "she" can stand for it
		if w.entity == "" && (roleNouns[head] || personNouns[head]) && !w.plural {
			if st.tr != nil && w.name == phrase {
				st.tr.step(w, "%s: %s", phrase, ruleStepUnresolvedPerson)
			}
			w.person = true
			switch {
			case strings.HasSuffix(head, "woman") || head == "queen" || head == "princess":
				w.gender = 'f'
			case strings.HasSuffix(head, "man") || head == "king" || head == "prince":
				w.gender = 'm'
			}
		}
	}
	return w
}

// resolvePronoun finds who he, she, they or it stands for, before pos: the
// last speaker of fitting gender and number named in the last paragraphs, else
// the last person named.
func (st *fieldState) resolvePronoun(p string, pos int) (*who, string) {
	switch p {
	case "he", "she":
		g := byte('m')
		if p == "she" {
			g = 'f'
		}
		fits := func(person, plural bool, gender byte) bool {
			return person && !plural && (gender == 0 || gender == g)
		}
		// the last speaker or sentence subject before it
		if e := st.lookBack(pos, 64, func(e *who) bool {
			// the writer of a column is "I", never "he" or "she"
			return fits(e.person, e.plural, e.gender) && (e.entity != "" || startsUpper(e.name) || e.person) && e.phrase != "I"
		}); e != nil {
			return e, ruleStepPronounLastSpeaker
		}
		if r := st.names.lastPersonBefore(pos, g); r != nil {
			return r.asWho(), ruleStepPronounLastNamed
		}
	case "i":
		// a column's "I said, ...": the writer, when the brief names one
		if au := st.writer(); au != "" {
			w := &who{name: au, person: true, sure: true, gender: genderOf(au)}
			for i := range st.a.Entities {
				if e := &st.a.Entities[i]; e.Kind == model.KindPerson && strings.EqualFold(e.Name, au) {
					w.entity = e.ID
				}
			}
			return w, ruleStepPronounWriter
		}
	case "they", "it":
		// the last group (they) or body (it) that spoke or opened a sentence
		if e := st.lookBack(pos, 8, func(e *who) bool {
			return p == "they" && (e.plural || !e.person && e.entity != "") || p == "it" && !e.person && !e.plural
		}); e != nil {
			return e, ruleStepPronounLastGroup
		}
	}
	return nil, ""
}

// lookBack walks the speakers and sentence subjects before pos, latest
// first, over at most limit of them (an antecedent is near, and long lists
// must not cost quadratic time), and returns the first that ok accepts.
// Those at or after pos and bare pronouns are skipped.
// writer returns the one writer of the brief: its author, else the person a
// column's closing line presents ("Ana Ruiz is a playwright in Lisbon."),
// else "".
func (st *fieldState) writer() string {
	if au := strings.TrimSpace(st.a.Author); au != "" {
		if strings.Contains(au, ",") || strings.Contains(au, " and ") {
			return ""
		}
		return au
	}
	if st.field != model.FieldBody || len(st.paras) == 0 {
		return ""
	}
	last := st.paras[len(st.paras)-1]
	for i := range st.a.Entities {
		e := &st.a.Entities[i]
		if e.Kind != model.KindPerson {
			continue
		}
		for _, m := range e.Mentions {
			if m.Field == model.FieldBody && m.Start == last.start && strings.HasPrefix(st.text[m.End:last.end], " is ") {
				return e.Name
			}
		}
	}
	return ""
}

func (st *fieldState) lookBack(pos, limit int, ok func(*who) bool) *who {
	ei, si := len(st.events)-1, len(st.subjects)-1
	for seen := 0; (ei >= 0 || si >= 0) && seen < limit; seen++ {
		var e *who
		if si < 0 || ei >= 0 && st.events[ei].pos >= st.subjects[si].pos {
			e = st.events[ei].w
			ei--
		} else {
			e = st.subjects[si].w
			si--
		}
		if e.start >= pos || isPronounPhrase(e.phrase) && e.name == e.phrase {
			continue
		}
		if ok(e) {
			return e
		}
	}
	return nil
}

func isPronounPhrase(s string) bool {
	if len(s) > 12 { // longer than any pronoun with a contraction ("they’re")
		return false
	}
	return speakerPronouns[pronounOf(strings.ReplaceAll(strings.ToLower(s), "’", "'"))]
}

// pronounOf strips a contraction from a pronoun ("he's" -> "he", "she'd" -> "she").
func pronounOf(w string) string {
	if i := strings.IndexByte(w, '\''); i > 0 {
		return w[:i]
	}
	return w
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r > 127
	}
	return false
}

func (st *fieldState) paraOf(pos int) int {
	for i, p := range st.paras {
		if pos < p.end+2 {
			return i
		}
	}
	return len(st.paras) - 1
}

// attribute finds the speaker of the quotation at items[i] in the sentence
// items[lo:hi]: a cue right after it ("Q," X said / "Q," said X), else a
// byline after a dash ("Q" ― X), else the nearest cue before it (X said: "Q"
// / X said that "Q" / according to X, "Q"), else a cue later in the
// sentence, else (for a quotation inside a sentence) the sentence's subject:
// "X dismissed Y as "Q"" quotes X.
func (st *fieldState) attribute(cs []cueAt, items []item, lo, hi, i, para int) (*who, string, int) {
	// right after: only a short run of words between the quotation and the
	// cue, and only after a whole statement or a quotation closed by a comma
	// ("Q," X said); a fragment mid-sentence is not introduced by what follows it
	sp := st.spans[items[i].q]
	closing := st.text[sp.end:min(sp.close, len(st.text))]
	rightOK := !isPartial(st.text, items, lo, i) || strings.ContainsAny(closing, ",?!") ||
		i+1 < hi && items[i+1].kind == itemPunct && strings.Contains(",—–-", items[i+1].text)
	f := i + 1
	for f < hi && items[f].kind == itemPunct && strings.Contains(",—–-", items[f].text) {
		f++
	}
	// "The White House called it "Q," and Downing Street said ...": what
	// follows a coordinator is another clause, with its own speaker
	coordAfter := f < hi && (strings.Contains(closing, ",") || f > i+1) && opensClause(items, f, hi)
	rightOK = rightOK && !coordAfter
	for ci, c := range cs {
		if rightOK && c.idx > i && c.idx-i <= 12 && c.w != nil {
			if f < hi && (c.idx == f || c.w.start == items[f].start || c.w.start >= items[f].start && c.w.end <= items[c.idx].start &&
				(c.w.start <= items[min(f+1, hi-1)].end || onlyRoleBefore(items, f, c.w.start))) {
				return c.w, ruleCueAfter, ci
			}
			break
		}
	}
	if i+2 < hi && items[i+1].kind == itemPunct && strings.Contains("―—–", items[i+1].text) && items[i+2].capitalised() {
		if a, b := forwardNP(items, i+2, hi); b > a {
			if b == hi || items[b].kind != itemWord {
				return st.resolve(items, a, b, appositive(items, b, hi), para), ruleDashByline, -1
			}
		}
	}
	var left *who
	leftAt, leftCue := -1, -1
	for ci, c := range cs {
		// "She says it underscores that ... "Q"": an unresolved "it" inside
		// another speaker's words does not replace that speaker
		if c.idx < i && c.w != nil && !(left != nil && c.w.name == c.w.phrase && (c.w.phrase == "it" || c.w.phrase == "It")) {
			left, leftAt, leftCue = c.w, c.idx, ci
		}
	}
	// "..., according to two diplomats, and the final text avoids ... "Q"":
	// a clause of its own after the cue's is not the cue's
	clauseLo := lo
	if k := clauseBreak(items, max(leftAt, lo), i); k >= 0 {
		clauseLo = k + 1
		if left != nil && k > leftAt && left.end <= items[k].start {
			left = nil
		}
	}
	if left != nil {
		// "X described her as "Q1" after she blamed the floods on "Q2"":
		// a clause of its own, with a subject that can speak, owns Q2
		if w := st.subordinateSpeaker(items, leftAt+1, i, para); w != nil {
			return w, ruleSubordinateClause, -1
		}
		return left, ruleCueBefore, leftCue
	}
	for ci, c := range cs {
		if c.idx > i && c.w != nil && !coordAfter {
			return c.w, ruleCueLater, ci
		}
	}
	// "Republican pollster Daron Shaw: "Q"" names the speaker right before the colon
	if i-1 > lo && items[i-1].isPunct(":") {
		if a, b, _ := backwardNP(items, lo, i-1); b > a {
			for k := a; k < b; k++ {
				if items[k].capitalised() {
					return st.resolve(items, a, b, "", para), ruleNameColon, -1
				}
			}
		}
	}
	// "the airlines' association, which has attacked the plan as a "Q"":
	// the words of what the clause describes
	if w := st.relativeSpeaker(items, clauseLo, i, para); w != nil {
		return w, ruleRelativeClause, -1
	}
	// "Analysts questioned Rolf Voss's claim that the border was "Q"": the
	// words are the possessor's
	if w := st.possessorOfSpeech(items, clauseLo, i, para); w != nil {
		return w, rulePossessorOfSpeech, -1
	}
	if clauseLo > lo {
		// the clause's own subject, when it can say things ("the final text");
		// else the sentence's ("X has been busy ..., but his guilty pleasure is "Q"")
		if a, b := forwardNP(items, clauseLo, i); b > a && b < i {
			if w := st.resolve(items, a, b, "", para); w.person || w.entity != "" || w.plural || documentNouns[items[b-1].lower] {
				return w, ruleClauseSubject, -1
			}
		}
	}
	if i > lo {
		if a, b := sentenceSubject(items, lo, i); b > a && b < i && (items[b].kind == itemWord || items[b].isPunct(",")) {
			first := items[a]
			if expletives[pronounOf(first.lower)] {
				return nil, ruleExpletiveSubject, -1
			}
			// "His message to the chancellor was: "Q"": his words
			if pr := possessivePronouns[first.lower]; pr != "" && a+1 < b && (speechNouns[items[a+1].lower] || documentNouns[items[a+1].lower]) {
				if w, _ := st.resolvePronoun(pr, first.start); w != nil {
					c := *w
					c.cue = ""
					return &c, rulePossessiveSpeechNoun, -1
				}
			}
			// "The text was drafted by ..., the Council's "penholders"": a
			// passive subject is acted on, not speaking
			if items[b].is(classBe) && b+2 < i && items[b+1].kind == itemWord && strings.HasSuffix(items[b+1].lower, "ed") && items[b+2].lower == "by" {
				return nil, rulePassiveSubject, -1
			}
			// "conservative commentator Jonah Goldberg ... imagined: "Q"": a lower-case title before a name
			titled := false
			for k := a + 1; k < b && k < a+4 && !titled; k++ {
				titled = items[k].capitalised() && (roleNouns[first.lower] || personNouns[first.lower] || titleWords[first.lower] || k > a+1 && (roleNouns[items[k-1].lower] || personNouns[items[k-1].lower]))
			}
			if first.capitalised() || first.is(classPronoun) || first.is(classDeterminer) || titled {
				return st.resolve(items, a, b, appositive(items, b, i), para), ruleSentenceSubject, -1
			}
		}
	}
	return nil, "", -1
}

// noteSubject records the person a sentence opens with, for pronouns.
func (st *fieldState) noteSubject(items []item, lo, hi, para int) {
	a, b := sentenceSubject(items, lo, hi)
	if b <= a || b >= hi || items[b].kind != itemWord && !(items[b].isPunct(",") && nameLike(items, a, b)) {
		return
	}
	// "presidential nominee Hillary Clinton was ..." opens with a lower-case title
	named := items[a].capitalised() || items[a].is(classPronoun)
	for k := a + 1; k < b && !named; k++ {
		named = items[k].capitalised() && !items[a].is(classDeterminer)
	}
	if !named {
		return
	}
	w := st.resolve(items, a, b, "", para)
	if isPronounPhrase(w.name) || !(w.entity != "" || startsUpper(w.name)) {
		return
	}
	// people for he/she; groups and bodies for they/it ("Donald Trump's campaign")
	if w.person || w.plural || w.entity != "" || w.name != w.phrase || groupHeads[items[b-1].lower] && startsUpper(w.name) {
		st.subjects = append(st.subjects, event{para: para, pos: items[a].start, w: w})
	}
}

// afterCues are speech verbs only right after a quotation ("Q," Oliver barked).
var afterCues = toSet(`barked beamed assured riffed continued states state reads read snapped laughed smiled shot cracked
offered chimed sighed mused quipped joked shouted yelled cried exclaimed replied responded retorted countered
concluded conceded remarked observed told asks answered pressed agreed remembered recalled insisted explained
fumed scoffed quipped mocked griped grumbled muttered thundered declared cautioned reacted
sings sang chanted chants shouts whispered pleaded vowed promised predicted warned`)

// afterQuote reports whether the word at j follows a quotation, with at most a
// short noun phrase between ("Q," the senator barked / "Q," barked the senator).
func afterQuote(items []item, lo, j int) bool {
	for k := j - 1; k >= lo && k >= j-8; k-- {
		switch {
		case items[k].kind == itemQuote:
			return true
		case items[k].kind == itemPunct && !strings.Contains(",—–-()", items[k].text):
			return false
		case items[k].kind == itemWord && (items[k].is(classNPStop) || cues[items[k].lower] != cueForm{}):
			return false
		}
	}
	return false
}

// expletives open sentences without naming anyone ("It is strange that ...").
var expletives = toSet("it there this that what here")

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

// groupHeads are nouns that, after a name, make the phrase a group or a
// person other than the one named ("the Trump campaign", "Clinton aides").
var groupHeads = toSet(`campaign campaigns team administration spokesman spokeswoman spokesperson aide aides adviser advisers
advisor advisors official officials office camp family lawyer lawyers attorney attorneys staff staffer staffers supporters
allies government ministry cabinet people foundation organization committee lawmakers daughter son wife husband brother
sister father mother doctor physician letter statement website account memo report brief book ad`)

// groupHead reports whether text[from:to] after a name is a possessive, a
// group noun or a role ("Chilean ambassador"), so that the phrase names
// someone else than the name does; other words there are the verb the
// phrase ran into ("Carly Fiorina threw").
func groupHead(text string, from, to int) bool {
	rest := text[from:to]
	if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") {
		return true
	}
	for _, f := range strings.Fields(strings.ToLower(rest)) {
		if f = strings.Trim(f, ".,;:()"); groupHeads[f] || roleNouns[f] || roleNouns[strings.TrimSuffix(f, "s")] {
			return true
		}
	}
	return false
}

// principalRoles are descriptions that, unresolved, most likely stand for the
// person the article is about ("the nominee"), unlike a spokesman or an aide.
var principalRoles = toSet(`president minister senator governor candidate nominee leader chancellor premier king queen prince
chairman chairwoman mayor congressman congresswoman lawmaker democrat republican businessman billionaire mogul secretary`)

// personNouns head descriptions of a single person besides roleNouns.
var personNouns = toSet(`aide adviser advisor lawyer attorney doctor physician analyst expert professor economist strategist
pollster source voter resident activist witness teacher student worker officer agent reporter journalist columnist
editor writer author historian scientist researcher executive ceo founder owner manager organizer organiser supporter
critic member man woman spokeswoman spokesman chairwoman congresswoman commentator pundit consultant operative donor anchor
widow delegate niece nephew cousin aunt uncle grandson granddaughter grandmother grandfather neighbor neighbour
friend`)

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

// finalCues are speech verbs when they end their clause ("X agreed.", "Y replied:").
var finalCues = toSet("agreed disagreed continued elaborated replied responded countered concluded recalled explained added noted")

// describedBefore finds the last speaker before pos named only by a
// description with the same head noun ("a senior US official" for "the
// official"), among the last few speech events.
func (st *fieldState) describedBefore(head string, pos int) *who {
	for i, n := len(st.events)-1, 0; i >= 0 && n < 32; i, n = i-1, n+1 {
		w := st.events[i].w
		if w.start >= pos || w.entity != "" || w.name != w.phrase || isPronounPhrase(w.phrase) {
			continue
		}
		f := strings.Fields(strings.ToLower(w.phrase))
		if len(f) < 2 || !(f[0] == "a" || f[0] == "an" || f[0] == "another") {
			continue
		}
		// "a senior US official", "a spokesman for Omar Haddad"
		for k := 1; k < len(f); k++ {
			if f[k] == head && (k == len(f)-1 || f[k+1] == "for" || f[k+1] == "to" || f[k+1] == "of") {
				return w
			}
		}
	}
	return nil
}

// definites open a description that stands for someone named before ("the
// minister", "his deputy"), unlike "a", "one" or "another".
var definites = toSet("the his her their its our my your this that these those")

// placeAfterPerson join a place to a description of people ("a deputy in
// Ankara", "officials from Brussels").
var placeAfterPerson = toSet("in from at")

// relativeClause reports a parenthesis that opens with a relative pronoun
// ("which is made up of investors"): it describes the words before it.
func relativeClause(s string) bool {
	f, _, _ := strings.Cut(s, " ")
	return f == "which" || f == "who" || f == "whose" || f == "where"
}

// coordinators join clauses ("..., and Downing Street said").
var coordinators = toSet("and but while whereas")

// clauseBreak finds the last ", and" / ", but" in items(from, to) that opens
// a clause with a subject of its own ("and the final text avoids"), or -1.
func clauseBreak(items []item, from, to int) int {
	for k := to - 2; k > from; k-- {
		if items[k].isPunct(",") || !items[k-1].isPunct(",") {
			continue
		}
		if opensClause(items, k, to) {
			return k
		}
	}
	return -1
}

// opensClause reports whether the coordinator at items[k] opens a clause:
// a determiner or pronoun then more words before to ("and the final text
// avoids", "and Downing Street said"), not one more item of a list ("and
// a city of "Q"", "and South Korean officials").
func opensClause(items []item, k, to int) bool {
	if k+1 >= to || items[k].kind != itemWord || !coordinators[items[k].lower] {
		return false
	}
	nx := items[k+1]
	if nx.kind != itemWord {
		return false
	}
	if nx.is(classDeterminer) || nx.is(classPronoun) && nx.lower != "who" && nx.lower != "it" {
		a, b := forwardNP(items, k+1, to)
		return b > a && b < to && items[b].kind == itemWord
	}
	// "and Downing Street said": a name and its verb
	if nx.capitalised() && !nx.is(classIntro) {
		a, b := forwardNP(items, k+1, to)
		return b > a && b < to && items[b].kind == itemWord && cues[items[b].lower] != (cueForm{})
	}
	return false
}

// documentNouns are things that carry words and so can be quoted.
var documentNouns = toSet(`text draft statement declaration communique communiqué resolution report letter memo ad ads
editorial post tweet email message release document agreement treaty bill law plan proposal platform`)

// genderOfRole reads a person's gender from the words that describe them
// ("9/11 widow", "his wife", "the congresswoman"), or 0.
func genderOfRole(role string) byte {
	for _, f := range strings.FieldsFunc(strings.ToLower(role), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		switch {
		case femaleRoles[f] || strings.HasSuffix(f, "woman"):
			return 'f'
		case maleRoles[f] || strings.HasSuffix(f, "man") && f != "human" && f != "german" && f != "roman":
			return 'm'
		}
	}
	return 0
}

var femaleRoles = toSet("widow mother wife daughter sister queen princess actress grandmother aunt niece mrs ms miss lady dame")
var maleRoles = toSet("widower father husband son brother king prince actor grandfather uncle nephew mr sir lord")

// pluralWord reports a capitalised word that names a group: a plural
// of a description head ("Critics", "Analysts"), an acronym's plural
// ("MPs") or "Others".
func pluralWord(w, lw string) bool {
	if groupQuantifiers[lw] {
		return true
	}
	if len(w) < 3 || w[len(w)-1] != 's' || strings.HasSuffix(lw, "ss") {
		return false
	}
	if pre := w[:len(w)-1]; len(pre) >= 2 && len(pre) <= 5 && capitals(pre) == len(pre) {
		return true // MPs, MEPs, CEOs
	}
	return isDescriptionHead(lw) && !headNouns[lw]
}

// groupQuantifiers open a sentence for a group that speaks ("Others said").
var groupQuantifiers = toSet("others")

// possessivePronouns give the pronoun that stands for their possessor.
var possessivePronouns = map[string]string{"his": "he", "her": "she", "their": "they", "its": "it"}

// speechNouns are said things whose sayer is named by a possessive ("Voss's claim").
var speechNouns = toSet(`claim claims statement statements remark remarks comment comments assertion assertions promise promises
pledge pledges vow vows warning warnings words description descriptions insistence suggestion suggestions argument arguments
accusation accusations charge charges boast boasts admission admissions reply answer message tweet tweets slogan
characterization characterisation prediction predictions threat threats demand demands call calls complaint complaints`)

// possessorOfSpeech finds "X's claim that ... "Q"" or "X's claim of "Q""
// before the quotation items[i], within its clause: X speaks, and the noun
// is the cue.
func (st *fieldState) possessorOfSpeech(items []item, lo, i, para int) *who {
	for k := i - 1; k > lo && k >= i-8; k-- {
		it := items[k]
		if it.kind == itemQuote || it.kind == itemPunct && !it.isPunct(",") {
			return nil
		}
		if it.kind != itemWord || !speechNouns[it.lower] {
			continue
		}
		// the noun runs into the quotation, or through "that"/"of"/"about"
		if k+1 < i && !(items[k+1].lower == "that" || items[k+1].lower == "of" || items[k+1].lower == "about") {
			return nil
		}
		p := k - 1
		if p < lo || items[p].kind != itemWord || !items[p].capitalised() {
			return nil
		}
		t := items[p].text
		if !(strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") || strings.HasSuffix(t, "s'") || strings.HasSuffix(t, "s’")) {
			return nil
		}
		a := p
		for a-1 >= lo && items[a-1].kind == itemWord && items[a-1].capitalised() && !items[a-1].is(classDeterminer) {
			a--
		}
		w := st.resolve(items, a, p+1, "", para)
		if !(w.person || w.entity != "") {
			return nil
		}
		c := *w
		c.cue = ownCue(it.lower)
		return &c
	}
	return nil
}

// onlyRoleBefore reports whether items from f up to the speaker at pos are
// a role and a comma ("Holm's niece, state Del. Mira Lund"): no quotation,
// no sentence end.
func onlyRoleBefore(items []item, f, pos int) bool {
	k := f
	for k < len(items) && k < f+6 && items[k].kind == itemWord && items[k].start < pos {
		k++
	}
	return k < len(items) && items[k].isPunct(",") && k+1 < len(items) && items[k+1].start <= pos && describes(items, f, k) &&
		!descriptionStops[items[f].lower]
}

// nounPrepositions before a phrase make what follows it part of that phrase ("for big recounts").
var nounPrepositions = toSet("for with about from at into over against in on")

// relativeSpeaker finds "X, which has attacked the package as a "Q"" or
// "X, who called it "Q"" between lo and the quotation items[i]: ", which"
// or ", who", a verb (after "has" or "had"), then only words up to the
// quotation. X speaks when it is a person or a named body.
func (st *fieldState) relativeSpeaker(items []item, lo, i, para int) *who {
	for k := i - 2; k > lo && k >= i-12; k-- {
		it := items[k]
		if it.kind != itemWord {
			return nil
		}
		if it.lower != "which" && it.lower != "who" {
			continue
		}
		v := k + 1
		if items[v].lower == "has" || items[v].lower == "had" || items[v].lower == "have" {
			v++
		}
		if !items[k-1].isPunct(",") || v >= i || !(strings.HasSuffix(items[v].lower, "ed") || cues[items[v].lower] != (cueForm{})) {
			return nil
		}
		a, b, role := backwardNP(items, lo, k-1)
		if b <= a {
			return nil
		}
		w := st.resolve(items, a, b, role, para)
		if !(w.person || w.entity != "") {
			return nil
		}
		c := *w
		if cues[items[v].lower] != (cueForm{}) {
			c.cue = ownCue(items[v].lower)
		}
		return &c
	}
	return nil
}

// subordinators open a clause with a subject of its own.
var subordinators = toSet("after because when while since before although though until once whereas")

// subordinateSpeaker finds "after she blamed ..." between from and the
// quotation items[i]: a subordinator, a pronoun or a name, and a verb, then
// only words up to the quotation. The clause's subject speaks when it is a
// person or a named body; the verb is the cue.
func (st *fieldState) subordinateSpeaker(items []item, from, i, para int) *who {
	for k := i - 2; k >= from && k >= i-16; k-- {
		it := items[k]
		if it.kind == itemQuote || it.kind == itemPunct && !it.isPunct(",") {
			return nil
		}
		if it.kind != itemWord || !subordinators[it.lower] {
			continue
		}
		a, b := forwardNP(items, k+1, i)
		if b <= a || b >= i || items[b].kind != itemWord {
			return nil
		}
		v := items[b].lower
		if !(strings.HasSuffix(v, "ed") || cues[v] != (cueForm{})) || npStop[v] {
			return nil
		}
		if p := pronounOf(items[a].lower); b-a == 1 && !(p == "he" || p == "she" || p == "they") && !items[a].capitalised() {
			return nil
		}
		for m := b + 1; m < i; m++ {
			if items[m].kind != itemWord {
				return nil
			}
		}
		w := st.resolve(items, a, b, "", para)
		// "X described Mayor Ana Lind as ... after she ...": she is the
		// person named since the cue, when one fits, not the cue's speaker
		if p := pronounOf(items[a].lower); b-a == 1 && (p == "he" || p == "she") && from > 0 {
			g := byte('m')
			if p == "she" {
				g = 'f'
			}
			if r := st.names.lastPersonBefore(items[k].start, g); r != nil && r.start > items[from-1].end {
				ante := r.asWho()
				ante.phrase, ante.start, ante.end, ante.mention = w.phrase, w.start, w.end, w.mention
				w = ante
				if st.tr != nil {
					st.tr.resetSteps(w.start, w.end)
					st.tr.step(w, "%s -> %s: %s", w.phrase, w.name, ruleStepPronounSinceCue)
				}
			}
		}
		if !(w.person || w.entity != "") {
			return nil
		}
		c := *w
		c.cue = ownCue(items[b].lower)
		return &c
	}
	return nil
}

// trimTitleAbbrev drops an abbreviated title that follows the role's own
// head noun, right before the name: "panel Chairman Rep. Jason Chaffetz"
// has the role "panel Chairman". Where the abbreviation is the head ("Texas
// Sen.", "former Maryland Gov.") or the whole role ("Rep."), it stays.
func trimTitleAbbrev(role string) string {
	i := strings.LastIndexByte(role, ' ')
	if i < 0 || !strings.HasSuffix(role, ".") || !titleAbbrevs[strings.ToLower(strings.TrimSuffix(role[i+1:], "."))] {
		return role
	}
	rest := strings.TrimRight(role[:i], " ,")
	head := strings.ToLower(rest[strings.LastIndexByte(rest, ' ')+1:])
	if officeHeads[head] {
		return rest
	}
	return role
}

// officeHeads name an office that an abbreviated title after them only repeats.
var officeHeads = toSet("chairman chairwoman chair speaker nominee candidate leader whip president secretary director")

// titleAbbrevs are abbreviated titles written before a name.
var titleAbbrevs = toSet("rep sen gov del lt col gen sgt capt adm maj rev prof pres supt cmdr amb")

// courtesyTitles before a name are neither part of it nor a role.
var courtesyTitles = toSet("mr mrs ms miss mx dr sir dame lord lady messrs mme mlle")

// properModifier reports a capitalised word among items[a:b] ("former New
// Mexico governor").
func properModifier(items []item, a, b int) bool {
	for k := a; k < b; k++ {
		if items[k].capitalised() {
			return true
		}
	}
	return false
}

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

// sentenceOpeningCue reports "Continued Stone:" or "Added Ms. Reyes,"
// opening a sentence at items[j]: capitalised words, then a colon or a
// comma, then a quotation.
func sentenceOpeningCue(items []item, j, hi int) bool {
	k := j + 1
	for k < hi && k <= j+4 && items[k].capitalised() {
		k++
	}
	if k == j+1 || k >= hi {
		return false
	}
	// "Stated Stone:" ending a paragraph, the quotation opening the next
	if items[k].isPunct(":") && (k+1 == hi || items[k+1].kind == itemQuote) {
		return true
	}
	if !items[k].isPunct(",") || k+1 >= hi {
		return false
	}
	if items[k+1].kind == itemQuote {
		return true
	}
	// "Said Ana Ruiz, who grew up with him, "Q"": a clause about the speaker first
	m := k + 1
	for m < hi && m <= k+16 && !items[m].isPunct(",") && items[m].kind != itemQuote {
		m++
	}
	return m+1 < hi && items[m].isPunct(",") && items[m+1].kind == itemQuote
}
