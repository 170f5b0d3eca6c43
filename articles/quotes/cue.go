package quotes

import (
	"strings"

	"briefs/articles/lexicon"
)

// Stage: cue. sentenceCues reads the speech cues of a sentence (CueRules)
// and the speaker each names (CueSpeakerRules).

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
		if it.kind != itemWord || !it.is(classCue) {
			continue
		}
		cf, cueText, cueRule, ok := readCue(items, lo, hi, j)
		if !ok || notSpeech(items, lo, hi, j) {
			continue
		}
		w, shared, subj := st.cueSpeaker(items, lo, hi, j, cf, out, para)
		if w == nil || subj == ruleSpeakerBefore && st.reducedRelative(items, lo, w) {
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

// reducedRelative reports a cue whose subject w runs straight on from a
// quoted fragment after a determiner ('instead of the "bonfire of quangos"
// New Labour had promised'): a clause about the fragment, no speech event
// of its own.
func (st *fieldState) reducedRelative(items []item, lo int, w *who) bool {
	for k := lo + 1; k < len(items) && items[k].start <= w.start; k++ {
		if items[k].start == w.start {
			// (not 'The "Q," Tomas Reyl wrote': a comma closes quoted words)
			return k >= lo+2 && items[k-1].kind == itemQuote && isPartial(st.text, items, lo, k-1) && items[k-2].is(classDeterminer) &&
				!st.closedByComma(items[k-1])
		}
	}
	return false
}

// closedByComma reports a quotation whose closing mark a comma comes
// just before ("Q,") .
func (st *fieldState) closedByComma(it item) bool {
	sp := st.spans[it.q]
	return strings.Contains(st.text[sp.end:min(sp.close, len(st.text))], ",")
}

// readCue reads items[j] as a speech cue by trying cueOrder's rules in
// turn: its form, its words as the cue ("according to") and the rule that read it.
func readCue(items []item, lo, hi, j int) (cf cueForm, cueText, cueRule string, ok bool) {
	for _, r := range cueOrder {
		if cf, text, ok := r.match(items, lo, hi, j); ok {
			if text == "" {
				text = items[j].lower
			}
			return cf, text, r.name, true
		}
	}
	return cueForm{}, "", "", false
}

// cueRule is one rule of readCue: it reads items[j] as a cue, with the
// cue's words when they are not the word's lower case.
type cueRule struct {
	name  string
	match func(items []item, lo, hi, j int) (cf cueForm, text string, ok bool)
}

// cueOrder is the order readCue tries its rules in; CueRules documents them
// in the same order (TestCueOrder).
var cueOrder = []cueRule{
	{ruleCueVerb, func(items []item, lo, hi, j int) (cueForm, string, bool) {
		cf, ok := cues[items[j].lower]
		return cf, "", ok
	}},
	{ruleCueAccordingTo, func(items []item, lo, hi, j int) (cueForm, string, bool) {
		return cueForm{lemma: "according to"}, "according to", items[j].lower == "according" && j+1 < hi && items[j+1].lower == "to"
	}},
	{ruleCueAfterQuoteVerb, func(items []item, lo, hi, j int) (cueForm, string, bool) {
		it := items[j]
		return cueForm{lemma: it.lower}, "", afterCues[it.lower] && (afterQuote(items, lo, j) || j+1 < hi && items[j+1].isPunct(":")) && !stateNotVerb(items, lo, hi, j)
	}},
	{ruleCueClauseFinal, func(items []item, lo, hi, j int) (cueForm, string, bool) {
		// "Bystrom agreed." before a quotation
		it := items[j]
		return cueForm{lemma: it.lower}, "", finalCues[it.lower] && (j+1 == hi || items[j+1].kind == itemPunct && strings.Contains(".:,;", items[j+1].text))
	}},
	{ruleCueOpening, func(items []item, lo, hi, j int) (cueForm, string, bool) {
		// "Continued Stein: "Q""
		it := items[j]
		return cueForm{lemma: it.lower}, "", j == lo && it.capitalised() && (afterCues[it.lower] || finalCues[it.lower]) && sentenceOpeningCue(items, j, hi)
	}},
	{ruleCueCalls, func(items []item, lo, hi, j int) (cueForm, string, bool) {
		// "what it calls "Q"", "Rivas calls the plan "Q"": the verb, with
		// its quotation close behind ("calls" is mostly the noun otherwise);
		// "a call for "Q"", "calls of "Q"": the noun
		w := items[j].lower
		return cueForm{lemma: "call"}, "", (w == "calls" || w == "call") && quoteWithin(items, j, hi, 5) &&
			!(j+1 < hi && (items[j+1].lower == "for" || items[j+1].lower == "of"))
	}},
	{ruleCueAfterPronoun, func(items []item, lo, hi, j int) (cueForm, string, bool) {
		// "she yells", "Mr Finegold replies:": after a subject pronoun,
		// or between a name and a colon, the word is the verb ("a
		// snappy retort:" is not)
		w := items[j].lower
		cf := pronounCues[w]
		return cf, "", cf != cueForm{} && j > lo && items[j-1].kind == itemWord && (subjectPronouns[pronounOf(items[j-1].lower)] ||
			items[j-1].capitalised() && j+1 < hi && items[j+1].isPunct(":") && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed")))
	}},
	{ruleCueTalkAbout, func(items []item, lo, hi, j int) (cueForm, string, bool) {
		// "as Trump went on about "how the system is rigged"", "she talked about "a fair deal"":
		// the words he was saying, quoted right after "about"
		w := items[j].lower
		k := j + 1
		if (w == "went" || w == "goes") && k < hi && items[k].lower == "on" {
			k++
		} else if !talkVerbs[w] {
			return cueForm{}, "", false
		}
		return cueForm{lemma: "talk about"}, "talk about", k+1 < hi && items[k].lower == "about" && items[k+1].kind == itemQuote
	}},
	{ruleCuePutIt, func(items []item, lo, hi, j int) (cueForm, string, bool) {
		// "as Dana Milbank puts it, "Q""
		w := items[j].lower
		return cueForm{lemma: "put it"}, "put it", (w == "put" || w == "puts") && j+1 < hi && items[j+1].lower == "it"
	}},
	{ruleCuePointOut, func(items []item, lo, hi, j int) (cueForm, string, bool) {
		// "As Dora Finch pointed out in March, "Q"", "she points out"
		// ("pointing out the mistake" mostly has no speech of its own)
		w := items[j].lower
		return cueForm{lemma: "point out"}, "point out", (w == "pointed" || w == "points" || w == "point") && j+1 < hi && items[j+1].lower == "out"
	}},
}

// stateNotVerb reports "state Del. Mira Lund", "state prosecutor Ana
// Ruiz", "secretary of state": "state" after "of" or before a name or a
// noun is no verb ("state the authors", "states in its report" are).
func stateNotVerb(items []item, lo, hi, j int) bool {
	w := items[j].lower
	return (w == "state" || w == "states") && (j > lo && items[j-1].lower == "of" ||
		j+1 < hi && items[j+1].kind == itemWord && (items[j+1].capitalised() || !items[j+1].is(classDeterminer) && !items[j+1].is(classNPStop)))
}

// notSpeech reports a cue word at items[j] that is no speech here: a
// passive, a capitalised word inside a name, an adjective.
func notSpeech(items []item, lo, hi, j int) bool {
	it := items[j]
	// passive ("was told", "were asked") and sentence-opening participles ("Asked whether")
	if k := prevWord(items, lo, j); k >= 0 && items[k].is(classBe) {
		return true
	}
	if j == lo && it.capitalised() && it.lower != "says" && it.lower != "according" &&
		// "Continued Stone: "Q"", "Added Ms. Reyes, "Q"": a cue opening the sentence before a name and a colon
		!sentenceOpeningCue(items, j, hi) {
		return true
	}
	// mid-sentence, a capitalised cue word is part of a name ("the United States")
	if j > lo && it.capitalised() && (items[j-1].capitalised() || items[j-1].is(classDeterminer)) {
		return true
	}
	// "a swiftly called meeting": an adjective after a determiner and adverbs
	if k := prevNonAdverb(items, lo, j); k >= lo && k < j-1 && items[k].kind == itemWord && items[k].is(classDeterminer) {
		return true
	}
	// "a pledged delegate", "It's called": an adjective or a passive, not speech
	if j > lo && items[j-1].kind == itemWord && (items[j-1].is(classDeterminer) && !numberNoun(items, lo, j-1) ||
		namingCues[it.lower] && (strings.HasSuffix(items[j-1].lower, "'s") || strings.HasSuffix(items[j-1].lower, "'re")) &&
			// "who's called for a recount" asks for something
			!(j+1 < hi && (items[j+1].lower == "for" || items[j+1].lower == "on"))) {
		return true
	}
	// "Mr Houston's reported views": after a name's possessive, a participle
	// before a lower-case noun is an adjective
	if j > lo && j+1 < hi && items[j-1].capitalised() && (strings.HasSuffix(items[j-1].text, "'s") || strings.HasSuffix(items[j-1].text, "’s")) &&
		strings.HasSuffix(it.lower, "ed") && items[j+1].kind == itemWord && !items[j+1].capitalised() && !items[j+1].is(classNPStop) && !items[j+1].is(classDeterminer) {
		return true
	}
	return false
}

// nameAfterOf is where the name right before the participle at items[j]
// starts when "of" precedes it ("footage of Oskar Lind saying"), or -1.
func nameAfterOf(items []item, lo, j int) int {
	k := prevNonAdverb(items, lo, j)
	if k < lo || !items[k].capitalised() {
		return -1
	}
	m := k
	for m > lo && items[m-1].capitalised() {
		m--
	}
	// "the American Federation of Teachers calling": "of" inside a name
	if m-1 >= lo && items[m-1].lower == "of" && !items[m].is(classDeterminer) && !(m-2 >= lo && items[m-2].capitalised()) {
		return m
	}
	return -1
}

// asBefore is the index of the "as" that opens "as X put it" before the
// cue at items[j], or -1.
func asBefore(items []item, lo, j int) int {
	for k := j - 1; k >= lo && k >= j-6; k-- {
		if items[k].lower == "as" {
			return k
		}
		if items[k].kind != itemWord {
			return -1
		}
	}
	return -1
}

// numberNoun reports a small number that ends a description as its noun
// ("the mother of three").
func numberNoun(items []item, lo, k int) bool {
	return k-1 > lo && items[k-1].lower == "of" && smallNumbers[items[k].lower]
}

// cueSpeaker finds the speaker the cue at items[j] names (CueSpeakerRules),
// or nil; shared says w is an earlier cue's speaker (out holds the
// sentence's cues so far), subj names the rule.
func (st *fieldState) cueSpeaker(items []item, lo, hi, j int, cf cueForm, out []cueAt, para int) (w *who, shared bool, subj string) {
	it := items[j]
	switch {
	case cf.lemma == "according to":
		if a, b := forwardNP(items, j+2, hi); b > a {
			w, subj = st.resolve(items, a, b, appositive(items, b, hi), para), ruleSpeakerAccordingTo
		}
	case cf.lemma == "put it" && asBefore(items, lo, j) >= 0:
		// "as The New Yorker put it": the phrase between "as" and the cue
		if a, b := forwardNP(items, asBefore(items, lo, j)+1, j); b > a {
			w, subj = st.resolve(items, a, b, "", para), ruleSpeakerBefore
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
	case cf.participle && quotedAs(items, lo, j) >= 0:
		// "the agency quoted worker Ana Lee as saying": the one quoted
		if a, b := forwardNP(items, quotedAs(items, lo, j)+1, j-1); b > a {
			w, subj = st.resolve(items, a, b, "", para), ruleSpeakerQuotedAs
		}
	case cf.participle && nameAfterOf(items, lo, j) >= 0:
		// "footage of Trump saying, "Q"": the name the participle follows
		w, subj = st.resolve(items, nameAfterOf(items, lo, j), prevNonAdverb(items, lo, j)+1, "", para), ruleSpeakerParticipleOwn
	case cf.participle && len(out) > 0 && out[len(out)-1].w != nil:
		// "X wrote in a statement to Wired explaining ...": X's participle
		w, shared, subj = out[len(out)-1].w, true, ruleSpeakerParticiplePrevCue
	case cf.participle && openingParticiple(items, lo, j):
		// "After saying her foot was "swollen," she was taken ...": the main clause's subject
		if a, b := st.afterOpeningClause(items, j, hi); b > a {
			w, subj = st.resolve(items, a, b, "", para), ruleSpeakerParticipleMain
		}
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
		w, subj = st.speakerBeforeCue(items, lo, hi, j, para)
	}
	return w, shared, subj
}

// speakerBeforeCue finds the speaker of a cue that is neither inverted
// nor a participle: the phrase before it ("X said"), with its role, or what
// stands in for it.
func (st *fieldState) speakerBeforeCue(items []item, lo, hi, j, para int) (*who, string) {
	it := items[j]
	// "Congo’s foreign minister, Clarisse Mbuyi-Kalonji, said"
	if na, nb, role, ok := st.roleThenName(items, lo, j); ok {
		return st.resolve(items, na, nb, role, para), ruleSpeakerRoleThenName
	}
	a, b, role := backwardNP(items, lo, j)
	if b > a && isTimePhrase(items, a, b) {
		a, b = 0, 0 // "in June 2004, after ..., writes X": a time never speaks
	}
	// "called for big recounts": after a preposition the phrase and
	// the "cue" are a noun phrase, nobody speaks
	if b == a+1 && a > lo && items[a-1].kind == itemWord && nounPrepositions[items[a-1].lower] && !items[a].capitalised() &&
		strings.HasSuffix(it.lower, "s") && !items[a].is(classPronoun) {
		return nil, ""
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
		return nil, ""
	}
	if b > a {
		return st.phraseBeforeCue(items, lo, j, a, b, role, relative, para)
	}
	return st.speakerWithoutPhrase(items, lo, hi, j, para)
}

// phraseBeforeCue resolves the phrase items[a:b] before the cue at j, or
// the person it stands for: a lone capitalised word is a person, "X who
// spoke ... said" is X's, "X, 22, of Flint, said" the subject's.
func (st *fieldState) phraseBeforeCue(items []item, lo, j, a, b int, role string, relative bool, para int) (w *who, subj string) {
	w, subj = st.resolve(items, a, b, role, para), ruleSpeakerBefore
	// "McLenney said": a lone capitalised word nobody else names, speaking, is a person
	if b-a == 1 && w.entity == "" && !w.person && w.name == w.phrase && items[a].capitalised() && !isUpperWord(items[a].text) &&
		!orgWords[possessive(items[a].lower)] && !isDemonym(items[a].lower) && !notName(items[a]) && !st.names.covered(w.start, w.end) &&
		len(st.names.within(w.start, w.end, nil)) == 0 {
		w.person = true
	}
	// "a White House official who spoke anonymously ... said"
	if !w.person {
		if w2 := st.whoClauseSpeaker(items, lo, a, para); w2 != nil {
			w, subj = w2, ruleSpeakerWhoClause
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
	return w, subj
}

// whoClauseSpeaker finds X in "X who spoke anonymously ... said" or "X,
// speaking to ..., said" before items[a], or nil.
func (st *fieldState) whoClauseSpeaker(items []item, lo, a, para int) *who {
	for k := a - 1; k >= lo && k >= a-12; k-- {
		if items[k].kind != itemWord {
			return nil
		}
		if items[k].lower == "who" || a-k <= 3 && !items[k].capitalised() && strings.HasSuffix(items[k].lower, "ing") && len(items[k].lower) > 5 && onlyFunctionWords(items, k+1, a) {
			// "the gambling tycoon told": after a determiner the -ing word is an adjective
			if k > lo && items[k-1].is(classDeterminer) {
				return nil
			}
			if a2, b2, _ := backwardNP(items, lo, k); b2 > a2 {
				return st.resolve(items, a2, b2, "", para)
			}
			return nil
		}
	}
	return nil
}

// speakerWithoutPhrase finds the speaker of a cue with no phrase right
// before it: the sentence's subject after "and said" or "to add", or the
// phrase after ", said".
func (st *fieldState) speakerWithoutPhrase(items []item, lo, hi, j, para int) (w *who, subj string) {
	if k := prevNonAdverb(items, lo, j); k >= lo && (items[k].lower == "and" || items[k].lower == "but" ||
		// "Trump was quick to add that ...": the subject of the sentence
		items[k].lower == "to" && k > lo && items[k-1].kind == itemWord && !items[k-1].is(classDeterminer) && !personNouns[items[k-1].lower]) {
		// "X referred to ... and said": the subject of the first verb
		if k-2 >= lo && items[k].lower == "and" && items[k-2].is(classPronoun) && items[k-2].kind == itemWord &&
			strings.HasSuffix(items[k-1].lower, "ed") {
			// "..., when my mother mentioned it, I laughed and said"
			return st.resolve(items, k-2, k-1, "", para), ruleSpeakerPronounAnd
		}
		// "Mr Brown is alleged to have told": the subject of a reported passive
		if items[k].lower == "to" && k-2 >= lo && items[k-2].is(classBe) && reportingPassives[items[k-1].lower] {
			if a2, b2, _ := backwardNP(items, lo, k-2); b2 > a2 {
				return st.resolve(items, a2, b2, "", para), ruleSpeakerFirstVerbSubject
			}
		}
		if a2, b2 := sentenceSubject(items, lo, j); b2 > a2 {
			return st.resolve(items, a2, b2, "", para), ruleSpeakerFirstVerbSubject
		}
		return nil, ""
	}
	if a2, b2 := forwardNP(items, j+1, hi); b2 > a2 && j+1 < hi && items[j+1].kind == itemWord {
		// "..., said X" after something other than a quotation; but in "X,
		// a veteran who ..., said the program is ...", the program is what
		// was said about, and the sentence's subject speaks
		if j > lo && items[j-1].kind == itemPunct {
			if b2 == hi || items[b2].kind != itemWord {
				return st.resolve(items, a2, b2, appositive(items, b2, hi), para), ruleSpeakerAfterComma
			} else if a3, b3 := sentenceSubject(items, lo, j); b3 > a3 && b3 < j && items[b3].isPunct(",") {
				if w3 := st.resolve(items, a3, b3, "", para); w3.person || w3.entity != "" {
					return w3, ruleSpeakerSubjectNotObject
				}
			}
		}
	}
	return nil, ""
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

// cueWords holds every word that can start a cue in sentenceCues: one
// lookup rules out most words.
var cueWords = union(toSet("according put puts call calls went goes point points pointed"), talkVerbs, afterCues, finalCues, keysOf(cues), keysOf(pronounCues))

// talkVerbs are verbs of talking that, with "about" and a quotation right
// after it, quote the talker (cue-talk-about).
var talkVerbs = toSet("talked talks spoke speaks ranted rants joked jokes")

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

// afterCues are speech verbs only right after a quotation ("Q," Oliver barked).
var afterCues = lexSet(lexicon.AfterQuoteVerbs)

// afterQuote reports whether the word at j follows a quotation, with at most a
// short noun phrase between ("Q," the senator barked / "Q," barked the senator).
func afterQuote(items []item, lo, j int) bool {
	for k := j - 1; k >= lo && k >= j-8; k-- {
		switch {
		case items[k].kind == itemQuote:
			return true
		case items[k].kind == itemPunct && !strings.Contains(",—–-()", items[k].text):
			return false
		case items[k].kind == itemWord && phrasePreposition(items, lo, k):
			// "Q," a voice-over in the new advert states: a preposition inside the phrase
		case items[k].kind == itemWord && (items[k].is(classNPStop) || cues[items[k].lower] != cueForm{}):
			return false
		}
	}
	return false
}

// phrasePreposition reports "in", "of", "for" or "from" at items[k] inside
// a noun phrase: a noun before it and a word of the phrase after.
func phrasePreposition(items []item, lo, k int) bool {
	switch items[k].lower {
	case "in", "of", "for", "from":
	default:
		return false
	}
	return k-1 >= lo && k+1 < len(items) && items[k-1].kind == itemWord && !items[k-1].is(classNPStop) &&
		cues[items[k-1].lower] == cueForm{} && items[k+1].kind == itemWord
}

// finalCues are speech verbs when they end their clause ("X agreed.", "Y replied:").
var finalCues = lexSet(lexicon.ClauseFinalVerbs)

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

// isTimePhrase reports a phrase made only of time words ("June 2004", "last
// week", "Monday morning"): no speaker.
func isTimePhrase(items []item, a, b int) bool {
	timed := false
	for k := a; k < b; k++ {
		w := items[k].lower
		if items[k].kind != itemWord || !(dayWords[w] || timeNouns[w] || isNumber(w) || timeModifiers[w]) {
			return false
		}
		timed = timed || dayWords[w] || timeNouns[w]
	}
	return timed
}

// timeNouns name a stretch of time.
var timeNouns = lexSet(lexicon.TimeNouns)

// timeModifiers come before a time noun ("last week", "early June").
var timeModifiers = toSet("last next this early late mid the a")

// reportingPassives report what someone is said to have done ("X is
// alleged to have told Y").
var reportingPassives = lexSet(lexicon.ReportingPassives)

// openingParticiple reports a participle cue at items[j] that opens the
// sentence after a preposition ("After saying", "While insisting").
func openingParticiple(items []item, lo, j int) bool {
	return j-1 >= lo && j-1 <= lo+1 && items[j-1].kind == itemWord && clauseOpeners[items[j-1].lower]
}

// afterOpeningClause finds the subject of the main clause after the
// opening participle clause at items[j]: the noun phrase after the clause's
// comma, which may sit inside the quotation's marks ("quite safe,").
func (st *fieldState) afterOpeningClause(items []item, j, hi int) (a, b int) {
	for k := j + 1; k < hi; k++ {
		it := items[k]
		if it.isPunct(",") || it.kind == itemQuote && strings.ContainsRune(st.text[max(it.start, it.end-4):it.end], ',') {
			return forwardNP(items, k+1, hi)
		}
	}
	return 0, 0
}

// quotedAs finds "quoted X as" before the participle at items[j] ("quoted
// worker Ana Lee as saying") and returns the index of "quoted", or -1.
func quotedAs(items []item, lo, j int) int {
	if j-1 <= lo || items[j-1].lower != "as" {
		return -1
	}
	for k := j - 2; k >= lo && k >= j-10; k-- {
		if items[k].kind != itemWord {
			return -1
		}
		if items[k].lower == "quoted" || items[k].lower == "quotes" {
			return k
		}
	}
	return -1
}
