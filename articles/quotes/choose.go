package quotes

import (
	"strings"
	"unicode"

	"briefs/articles/lexicon"
)

// Stage: choose. attribute picks the speaker of a quotation among its
// sentence's cues and phrases (AttributionRules).

// attribute finds the speaker of the quotation at items[i] in the sentence
// items[lo:hi] by trying attributionOrder's rules in turn: a cue right after
// it ("Q," X said / "Q," said X), else a byline after a dash ("Q" ― X), else
// the nearest cue before it (X said: "Q" / X said that "Q" / according to X,
// "Q"), else a cue later in the sentence, else (for a quotation inside a
// sentence) the sentence's subject: "X dismissed Y as "Q"" quotes X. It
// returns the speaker (nil for none), the rule that decided ("" when none
// did) and the index in cs of the cue chosen (-1 when none was).
func (st *fieldState) attribute(cs []cueAt, items []item, lo, hi, i, para int) (*who, string, int) {
	q := st.newAttribution(cs, items, lo, hi, i, para)
	if m := ranker; m != nil || st.collect != nil {
		rc := st.rankable(&q, st.rankBuf[:0])
		st.rankBuf = rc[:0] // reused by the next quotation: nothing keeps rc
		if st.collect != nil {
			st.collect(st, &q, rc)
			m = nil // candidates for training: the rules alone choose
		}
		if len(rc) > 0 {
			k := 0
			if len(rc) > 1 && m != nil {
				k = rankChoose(m, rc)
				if st.tr != nil {
					st.traceRank(items[i].q, rc, k)
				}
			}
			if k > 0 {
				return rc[k].w, ruleRanker, rc[k].cue
			}
			return rc[0].w, rc[0].rule, rc[0].cue
		}
	}
	for _, r := range attributionOrder {
		if w, cue, ok := r.fn(st, &q); ok {
			return w, r.name, cue
		}
	}
	return nil, "", -1
}

// attribution is what the attribution rules read about one quotation.
type attribution struct {
	cs                  []cueAt
	items               []item
	lo, hi, i, para     int
	f                   int  // the first item past the comma or dash after the quotation
	rightOK, coordAfter bool // a cue right after may introduce it; a new clause follows it
	left                *who // the speaker of the nearest cue before it in its clause
	leftAt, leftCue     int  // that cue's item and its index in cs, or -1
	clauseLo            int  // where the quotation's clause starts
	subjDone            bool // subjA, subjB hold the sentence's subject
	subjA, subjB        int
}

// attributionRule is one rule of attribute: ok says it decided (w may be
// nil: "It is ..." has no speaker), cue is the index in cs of the cue it chose, or -1.
type attributionRule struct {
	name string
	fn   func(st *fieldState, q *attribution) (w *who, cue int, ok bool)
}

// attributionOrder is the order attribute tries its rules in; AttributionRules
// documents them in the same order (TestAttributionOrder).
var attributionOrder = []attributionRule{
	{ruleCueAfter, (*fieldState).cueAfter},
	{ruleDashByline, (*fieldState).dashByline},
	{rulePassiveAgent, (*fieldState).passiveAgent},
	{ruleSubordinateClause, (*fieldState).subordinateClause},
	{ruleCueBefore, (*fieldState).cueBefore},
	{ruleCueLater, (*fieldState).cueLater},
	{ruleNameColon, (*fieldState).nameColon},
	{ruleRelativeClause, (*fieldState).relativeClauseRule},
	{rulePossessorOfSpeech, (*fieldState).possessorRule},
	{ruleClauseSubject, (*fieldState).clauseSubject},
	{ruleExpletiveSubject, (*fieldState).expletiveSubject},
	{rulePossessiveSpeechNoun, (*fieldState).possessiveSpeechNoun},
	{rulePassiveSubject, (*fieldState).passiveSubject},
	{ruleSentenceSubject, (*fieldState).sentenceSubjectRule},
}

func (st *fieldState) newAttribution(cs []cueAt, items []item, lo, hi, i, para int) attribution {
	q := attribution{cs: cs, items: items, lo: lo, hi: hi, i: i, para: para}
	// right after: only a short run of words between the quotation and the
	// cue, and only after a whole statement or a quotation closed by a comma
	// ("Q," X said); a fragment mid-sentence is not introduced by what follows it
	sp := st.spans[items[i].q]
	closing := st.text[sp.end:min(sp.close, len(st.text))]
	q.rightOK = !isPartial(st.text, items, lo, i) || strings.ContainsAny(closing, ",?!") ||
		i+1 < hi && items[i+1].kind == itemPunct && strings.Contains(",—–-", items[i+1].text)
	q.f = i + 1
	for q.f < hi && items[q.f].kind == itemPunct && strings.Contains(",—–-", items[q.f].text) {
		q.f++
	}
	// "The White House called it "Q," and Downing Street said ...": what
	// follows a coordinator is another clause, with its own speaker
	q.coordAfter = q.f < hi && (strings.Contains(closing, ",") || q.f > i+1) && opensClause(items, q.f, hi)
	q.rightOK = q.rightOK && !q.coordAfter
	q.leftAt, q.leftCue = -1, -1
	for ci, c := range cs {
		// "She says it underscores that ... "Q"": an unresolved "it" inside
		// another speaker's words does not replace that speaker
		if c.idx < i && c.w != nil && !(q.left != nil && c.w.name == c.w.phrase && (c.w.phrase == "it" || c.w.phrase == "It")) {
			q.left, q.leftAt, q.leftCue = c.w, c.idx, ci
		}
	}
	// "..., according to two diplomats, and the final text avoids ... "Q"":
	// a clause of its own after the cue's is not the cue's
	q.clauseLo = lo
	if k := clauseBreak(items, max(q.leftAt, lo), i); k >= 0 {
		q.clauseLo = k + 1
		if q.left != nil && k > q.leftAt && q.left.end <= items[k].start {
			q.left = nil
		}
	}
	return q
}

// cueAfter: a cue right after the quotation ("Q," X said / "Q," said X).
func (st *fieldState) cueAfter(q *attribution) (*who, int, bool) {
	items, f, hi, i := q.items, q.f, q.hi, q.i
	if subordinateAfter(q) {
		return nil, -1, false
	}
	for ci, c := range q.cs {
		// "Q," NAME, A LONG DESCRIPTION, wrote: further when the speaker opens the words after it
		if q.rightOK && c.idx > i && c.w != nil && (c.idx-i <= 12 || c.idx-i <= 20 && f < hi && c.w.start == items[f].start && st.closedByComma(items[i])) {
			if f < hi && (c.idx == f || c.w.start == items[f].start || c.w.start >= items[f].start && c.w.end <= items[c.idx].start &&
				(c.w.start <= items[min(f+1, hi-1)].end || onlyRoleBefore(items, f, c.w.start))) {
				if st.newSentenceCue(q, c) {
					break
				}
				return c.w, ci, true
			}
			break
		}
	}
	return nil, -1, false
}

// subordinateAfter reports a quotation that a cue before it introduces and
// a clause after it follows ("footage of X saying, "Q," when Y blasted
// him"): the cue in that clause is its own ("as" excepted: "Q," as Y put it).
func subordinateAfter(q *attribution) bool {
	if q.f >= q.hi || q.items[q.f].lower == "as" || !subordinators[q.items[q.f].lower] {
		return false
	}
	for _, c := range q.cs {
		if c.idx < q.i && c.w != nil {
			return true
		}
	}
	return false
}

// newSentenceCue reports a cue after a quotation that ends a sentence
// ("Q." X said ...) and says something of its own: four words or more run
// after it before any punctuation ("Q." Ann Lee said the plan was dead):
// a new sentence of reported speech, not the quotation's cue.
// A question or an exclamation ends a sentence too when what follows the
// cue is its object clause ("Q?" Ann Lee, a co-chair, said that the law
// was ...), not when it is a phrase of the cue's own ("Q?" Ann Lee said
// about the plan ..., "Q!" she wrote in an email ...), and not when the
// cue asks or tells someone ("Q?" Ann Lee asked the minister ...).
func (st *fieldState) newSentenceCue(q *attribution, c cueAt) bool {
	if !st.endsSentence(q) && !(st.endsQuestion(q) && objectClauseAfter(q.items, c.idx, q.hi)) {
		return false
	}
	n := 0
	for k := c.idx + 1; k < q.hi && q.items[k].kind == itemWord; k++ {
		n++
	}
	return n >= 4
}

// endsSentence reports a quotation whose words end with a full stop and
// that a capitalised word follows: the sentence ended inside the marks.
func (st *fieldState) endsSentence(q *attribution) bool {
	sp := st.spans[q.items[q.i].q]
	return strings.Contains(st.text[max(sp.end-1, sp.start):min(sp.close, len(st.text))], ".") && q.f < q.hi && q.items[q.f].capitalised()
}

// endsQuestion reports a quotation whose words end with a question or
// exclamation mark and that a capitalised word follows.
func (st *fieldState) endsQuestion(q *attribution) bool {
	sp := st.spans[q.items[q.i].q]
	return strings.ContainsAny(st.text[max(sp.end-1, sp.start):min(sp.close, len(st.text))], "?!") && q.f < q.hi && q.items[q.f].capitalised()
}

// objectClauseAfter reports a cue at items[j] that "that" or a noun
// phrase follows (past an adverb), not a preposition: what it said.
func objectClauseAfter(items []item, j, hi int) bool {
	if askTell[items[j].lower] {
		return false
	}
	k := j + 1
	if k < hi && isAdverb(items[k]) {
		k++
	}
	return k < hi && items[k].kind == itemWord && (items[k].lower == "that" || !items[k].is(classNPStop) && items[k].lower != "of")
}

// askTell are the forms of ask and tell: their object follows them.
var askTell = toSet("ask asks asked asking tell tells told telling")

// dashByline: a name after a dash ("Q" ― X).
func (st *fieldState) dashByline(q *attribution) (*who, int, bool) {
	items, i, hi := q.items, q.i, q.hi
	if i+2 < hi && items[i+1].kind == itemPunct && strings.Contains("―—–", items[i+1].text) && items[i+2].capitalised() {
		if a, b := forwardNP(items, i+2, hi); b > a {
			if b == hi || items[b].kind != itemWord {
				return st.resolve(items, a, b, appositive(items, b, hi), q.para), -1, true
			}
		}
	}
	return nil, -1, false
}

// passiveAgent: "Her remarks were described as "Q" by the Refugee Council",
// "- described by one union as a "Q"": the agent of a passive naming verb
// before the quotation speaks.
func (st *fieldState) passiveAgent(q *attribution) (*who, int, bool) {
	items, i, lo, hi := q.items, q.i, q.lo, q.hi
	for k := i - 1; k >= lo && k >= i-10; k-- {
		it := items[k]
		if it.kind == itemPunct && !strings.Contains(",—–-", it.text) {
			break
		}
		if it.kind != itemWord || !passiveNaming[it.lower] || k == lo {
			continue
		}
		prev := items[k-1]
		if !(prev.is(classBe) || prev.lower == "been" || prev.kind == itemPunct && strings.Contains(",—–-", prev.text)) {
			return nil, -1, false
		}
		// the agent: "by X" right after the verb, or after the quotation(s)
		by := -1
		if k+1 < i && items[k+1].lower == "by" {
			by = k + 1
		} else {
			for m := i + 1; m < hi && m <= i+8; m++ {
				if items[m].lower == "by" {
					by = m
					break
				}
				if items[m].kind == itemPunct && !items[m].isPunct(",") {
					break
				}
			}
		}
		if by < 0 {
			return nil, -1, false
		}
		if a, b := forwardNP(items, by+1, hi); b > a {
			if w := st.resolve(items, a, b, "", q.para); w.person || w.entity != "" || w.plural || isDescriptionHead(items[b-1].lower) || orgWords[items[b-1].lower] {
				return w, -1, true
			}
		}
		return nil, -1, false
	}
	return nil, -1, false
}

// passiveNaming are participles that, passive, name a thing by words an
// agent said ("was described as "Q" by X").
var passiveNaming = lexSet(lexicon.PassiveNaming)

// subordinateClause: "X described her as "Q1" after she blamed the floods
// on "Q2"": a clause of its own after the cue, with a subject that can
// speak, owns Q2.
func (st *fieldState) subordinateClause(q *attribution) (*who, int, bool) {
	if q.left == nil {
		return nil, -1, false
	}
	w := st.subordinateSpeaker(q.items, q.leftAt+1, q.i, q.para)
	return w, -1, w != nil
}

// cueBefore: the nearest cue before the quotation in its clause.
func (st *fieldState) cueBefore(q *attribution) (*who, int, bool) {
	return q.left, q.leftCue, q.left != nil
}

// cueLater: a cue later in the sentence, unless a new clause follows the quotation.
func (st *fieldState) cueLater(q *attribution) (*who, int, bool) {
	if st.endsSentence(q) {
		return nil, -1, false // "Q." X argued ...: X's own sentence
	}
	for ci, c := range q.cs {
		if c.idx > q.i && c.w != nil && !q.coordAfter && !namesWhatFollows(q.items, q.i, c.idx) {
			if st.newSentenceCue(q, c) {
				return nil, -1, false // "Q?" X said the law was ...: X's own sentence
			}
			return c.w, ci, true
		}
	}
	return nil, -1, false
}

// namesWhatFollows reports a cue at items[c] in "what X called" or "what
// X described as" after the quotation at items[i]: it names the words
// after it, not the quotation before ("wondered whether they will be
// "fair", in what analysts described as a tactic").
func namesWhatFollows(items []item, i, c int) bool {
	for k := c - 1; k > i && k >= c-4; k-- {
		if items[k].lower == "what" {
			return true
		}
		if items[k].kind != itemWord {
			return false
		}
	}
	return false
}

// nameColon: "Republican pollster Daron Shaw: "Q"" names the speaker right before the colon.
func (st *fieldState) nameColon(q *attribution) (*who, int, bool) {
	items, i, lo := q.items, q.i, q.lo
	if i-1 > lo && items[i-1].isPunct(":") {
		if a, b, _ := backwardNP(items, lo, i-1); b > a {
			for k := a; k < b; k++ {
				if items[k].capitalised() {
					return st.resolve(items, a, b, "", q.para), -1, true
				}
			}
		}
	}
	return nil, -1, false
}

// relativeClauseRule: "the airlines' association, which has attacked the
// plan as a "Q"": the words of what the clause describes.
func (st *fieldState) relativeClauseRule(q *attribution) (*who, int, bool) {
	w := st.relativeSpeaker(q.items, q.clauseLo, q.i, q.para)
	return w, -1, w != nil
}

// possessorRule: "Analysts questioned Rolf Voss's claim that the border
// was "Q"": the words are the possessor's.
func (st *fieldState) possessorRule(q *attribution) (*who, int, bool) {
	w := st.possessorOfSpeech(q.items, q.clauseLo, q.i, q.para)
	return w, -1, w != nil
}

// clauseSubject: after a clause break, the clause's own subject, when it
// can say things ("the final text"); else the sentence's ("X has been busy
// ..., but his guilty pleasure is "Q"").
func (st *fieldState) clauseSubject(q *attribution) (*who, int, bool) {
	items, i := q.items, q.i
	if q.clauseLo > q.lo {
		if a, b := forwardNP(items, q.clauseLo, i); b > a && b < i {
			if w := st.resolve(items, a, b, "", q.para); w.person || w.entity != "" || w.plural || documentNouns[items[b-1].lower] {
				return w, -1, true
			}
		}
	}
	return nil, -1, false
}

// subject returns the sentence's subject before the quotation, when one
// runs into a word or a comma, for the subject rules.
func (q *attribution) subject() (a, b int, ok bool) {
	if !q.subjDone {
		q.subjDone = true
		if q.i > q.lo {
			q.subjA, q.subjB = sentenceSubject(q.items, q.lo, q.i)
		}
	}
	a, b = q.subjA, q.subjB
	if q.i > q.lo && b > a && b == q.i && q.items[a].capitalised() && startsLower(q.items[q.i].text) {
		return a, b, true // 'Rowan Petts "totally condemned" the deletion': the quotation is the verb
	}
	return a, b, q.i > q.lo && b > a && b < q.i && (q.items[b].kind == itemWord || q.items[b].isPunct(","))
}

// startsLower reports words whose first letter is lower case.
func startsLower(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// expletiveSubject: "It is ... "Q"": nobody speaks.
func (st *fieldState) expletiveSubject(q *attribution) (*who, int, bool) {
	a, _, ok := q.subject()
	return nil, -1, ok && expletives[pronounOf(q.items[a].lower)]
}

// possessiveSpeechNoun: "His message to the chancellor was: "Q"": his words.
func (st *fieldState) possessiveSpeechNoun(q *attribution) (*who, int, bool) {
	a, b, ok := q.subject()
	if !ok {
		return nil, -1, false
	}
	items, first := q.items, q.items[a]
	if pr := possessivePronouns[first.lower]; pr != "" && a+1 < b && (speechNouns[items[a+1].lower] || documentNouns[items[a+1].lower]) {
		if w, _ := st.resolvePronoun(pr, first.start); w != nil {
			c := *w
			c.cue = ""
			return &c, -1, true
		}
	}
	return nil, -1, false
}

// passiveSubject: "The text was drafted by ..., the Council's "penholders"":
// a passive subject is acted on, not speaking.
func (st *fieldState) passiveSubject(q *attribution) (*who, int, bool) {
	_, b, ok := q.subject()
	items, i := q.items, q.i
	return nil, -1, ok && items[b].is(classBe) && b+2 < i && items[b+1].kind == itemWord && strings.HasSuffix(items[b+1].lower, "ed") && items[b+2].lower == "by"
}

// sentenceSubjectRule: no cue: the sentence's subject speaks ("X dismissed
// Y as "Q""), when it names someone.
func (st *fieldState) sentenceSubjectRule(q *attribution) (*who, int, bool) {
	a, b, ok := q.subject()
	if !ok {
		return nil, -1, false
	}
	items, first := q.items, q.items[a]
	// "conservative commentator Jonah Goldberg ... imagined: "Q"": a lower-case title before a name
	titled := false
	for k := a + 1; k < b && k < a+4 && !titled; k++ {
		titled = items[k].capitalised() && (roleNouns[first.lower] || personNouns[first.lower] || titleWords[first.lower] || k > a+1 && (roleNouns[items[k-1].lower] || personNouns[items[k-1].lower]))
	}
	if first.capitalised() || first.is(classPronoun) || first.is(classDeterminer) || titled {
		return st.resolve(items, a, b, appositive(items, b, q.i), q.para), -1, true
	}
	return nil, -1, false
}

// expletives open sentences without naming anyone ("It is strange that ...").
var expletives = toSet("it there this that what here")

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
var documentNouns = lexSet(lexicon.DocumentNouns)

// possessivePronouns give the pronoun that stands for their possessor.
var possessivePronouns = map[string]string{"his": "he", "her": "she", "their": "they", "its": "it"}

// speechNouns are said things whose sayer is named by a possessive ("Voss's claim").
var speechNouns = lexSet(lexicon.SpeechNouns)

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
