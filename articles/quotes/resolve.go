package quotes

import (
	"sort"
	"strings"

	"briefs/articles/lexicon"
	"briefs/model"
)

// Stage: resolve. A phrase that names or stands for a speaker becomes the
// speaker a reader would give: names, pronouns, descriptions (ResolveRules).

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
		st.resolvePronounPhrase(w, lw)
		return w
	}
	// "Her statement said", "his letter reads": the words are the possessor's
	if pr := possessivePronouns[items[a].lower]; pr != "" && b-a == 2 && (documentNouns[items[a+1].lower] || speechNouns[items[a+1].lower]) {
		st.resolvePronounPhrase(w, pr)
		return w
	}
	lastLower := !items[b-1].capitalised() && items[b-1].kind == itemWord ||
		// "the Salford MP", "the Foreign Minister": a description in title case
		b-a >= 2 && definites[items[a].lower] && roleNouns[items[b-1].lower]
	// "Others", "Critics", "MPs": a group, for "they" and never "he"
	if b-a == 1 && items[a].capitalised() && pluralWord(items[a].text, items[a].lower) {
		w.plural = true
	}
	pick, headAt, done := st.pickName(items, a, b, w)
	if done {
		return w
	}
	if headAt == b-1 && numberNoun(items, a, headAt) {
		headAt -= 2 // "the mother of three": the head is "mother"
	}
	if pick != nil && !(lastLower && pick.end < end && groupHead(st.text, pick.end, end)) {
		st.takeName(w, pick)
		return w
	}
	st.resolveDescription(items, a, b, headAt, lastLower, w)
	return w
}

// resolvePronounPhrase resolves the pronoun lw that w is written as.
func (st *fieldState) resolvePronounPhrase(w *who, lw string) {
	phrase := w.phrase
	{
		w.plural = lw == "they" || lw == "we"
		st.genderSkipped = ""
		if ante, rule := st.resolvePronoun(lw, w.start); ante != nil {
			w.name, w.entity, w.person, w.sure, w.plural, w.gender = ante.name, ante.entity, ante.person, ante.sure, ante.plural, ante.gender
			if w.role == "" {
				w.role = ante.role
			}
			if st.tr != nil {
				st.tr.step(w, "%s -> %s: %s", phrase, w.name, rule)
				if st.genderSkipped != "" && st.genderSkipped != w.name {
					st.tr.step(w, "%s -> not %s, whom an earlier pronoun of the other gender stood for: %s", phrase, st.genderSkipped, ruleStepPronounGender)
				}
			}
		} else if st.tr != nil {
			st.tr.step(w, "%s -> nobody: %s", phrase, ruleStepUnresolved)
		}
	}
}

// pickName finds the name inside the phrase items[a:b] that w is written
// as, and the description's head when the name only serves it ("a
// spokesman for Bernie Sanders"); done says w is resolved already (two
// persons joined by "and").
func (st *fieldState) pickName(items []item, a, b int, w *who) (pick *nameRef, headAt int, done bool) {
	start, end, phrase := w.start, w.end, w.phrase
	// a name inside the phrase
	ms := st.names.within(start, end, st.nameBuf[:0])
	st.nameBuf = ms[:0] // reused by the next phrase: pick is copied out before
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
		return nil, 0, true
	}
	for i := range ms {
		m := &ms[i]
		if persons > 0 && !m.person || !m.person && endsWithRole(m.name) {
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
	headAt = b - 1
	for k := a + 1; k < b && pick != nil; k++ {
		if (items[k].lower == "for" || items[k].lower == "of" || items[k].lower == "to") && !items[k-1].capitalised() &&
			(isDescriptionHead(items[k-1].lower) || groupHeads[items[k-1].lower]) && pick.start > items[k].start {
			pick = nil
			headAt = k - 1
		}
	}
	return pick, headAt, false
}

// takeName makes w the person or body pick names, with the words before
// the name as its role ("Trump adviser Kellyanne Conway").
func (st *fieldState) takeName(w *who, pick *nameRef) {
	start, phrase := w.start, w.phrase
	{
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
	}
}

// resolveDescription resolves a description ("the minister", "the envoy")
// whose head is items[headAt] to the person it stands for, when the text
// allows, and tells its number and gender.
func (st *fieldState) resolveDescription(items []item, a, b, headAt int, lastLower bool, w *who) {
	start, phrase := w.start, w.phrase
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
		st.spokespersonNamed(items, a, b, headAt, w)
		st.describedLastPerson(items, a, headAt, w)
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
			// the writer of a column is "I", never "he" or "she"; a person
			// an earlier pronoun of the other gender stood for is not this one
			ok := fits(e.person, e.plural, st.genderKnown(e)) && (e.entity != "" || startsUpper(e.name) || e.person) && e.phrase != "I"
			if !ok && st.genderSkipped == "" && e.gender == 0 && fits(e.person, e.plural, 0) {
				st.genderSkipped = e.name
			}
			return ok
		}); e != nil {
			if r := st.quotedAbout(e, p, g, pos); r != nil {
				return st.learnGender(r.asWho(), g), ruleStepPronounQuotedAbout
			}
			return st.learnGender(e, g), ruleStepPronounLastSpeaker
		}
		if r := st.names.lastPersonBefore(pos, g); r != nil {
			return st.learnGender(r.asWho(), g), ruleStepPronounLastNamed
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
			return p == "they" && (e.plural || !e.person && (e.entity != "" || endsWithGroupHead(e.phrase))) || p == "it" && !e.person && !e.plural
		}); e != nil {
			return e, ruleStepPronounLastGroup
		}
		// "Although the IMF did not name him, it warned of ...": the body
		// named last, in its paragraph or the two before
		if r := st.names.lastBodyBefore(pos); p == "it" && r != nil && st.paraAt(r.start) >= st.paraAt(pos)-2 {
			return r.asWho(), ruleStepPronounLastBody
		}
	}
	return nil, ""
}

// genderKnown is w's gender, or the gender an earlier he or she that stood
// for the same entity told.
func (st *fieldState) genderKnown(w *who) byte {
	if w.gender == 0 && w.entity != "" {
		return st.pronounGender[w.entity]
	}
	return w.gender
}

// learnGender notes that a he or she (gender g) stood for w, when nothing
// else told w's gender: a later pronoun of the other gender is not w
// ("Melanie" is a "she" once "she said" stood for her). It returns w.
func (st *fieldState) learnGender(w *who, g byte) *who {
	if w.gender == 0 && w.entity != "" {
		if st.pronounGender == nil {
			st.pronounGender = map[string]byte{}
			st.names.pronounGender = st.pronounGender
		}
		if _, ok := st.pronounGender[w.entity]; !ok {
			st.pronounGender[w.entity] = g
		}
	}
	return w
}

// quotedAbout: when the last speaker e introduced a quotation that itself
// speaks of a "she" (p, of gender g), a reporter's passage about someone,
// the pronoun after it stands for the person that quotation names last
// before pos, not for e, who would have said "I". Nil when e's quotation
// does not use p or names nobody who fits.
func (st *fieldState) quotedAbout(e *who, p string, g byte, pos int) *nameRef {
	at := -1
	for i := len(st.events) - 1; i >= 0; i-- {
		if st.events[i].w == e {
			at = st.events[i].pos
			break
		}
	}
	if at < 0 {
		return nil
	}
	// the quotation the cue opens: the first after it, in its paragraph or the next
	k := sort.Search(len(st.spans), func(i int) bool { return st.spans[i].start > at })
	if k >= len(st.spans) || st.spans[k].start >= pos || st.paraAt(st.spans[k].start) > st.paraAt(at)+1 {
		return nil
	}
	group := st.spans[k].group
	speaksOf := false
	var best *nameRef
	for i := k; i < len(st.spans) && st.spans[i].group == group && st.spans[i].start < pos; i++ {
		sp := st.spans[i]
		q := strings.ToLower(st.text[sp.start:min(sp.end, pos)])
		if containsWord(q, p) {
			speaksOf = true
		}
		// a passage that says "I" or "we" is the speaker's own speech
		for _, fp := range firstPerson {
			if containsWord(q, fp) {
				return nil
			}
		}
		for j := range st.a.Entities {
			en := &st.a.Entities[j]
			if en.Kind != model.KindPerson {
				continue
			}
			gen := genderOf(en.Name)
			if gen == 0 {
				gen = st.pronounGender[en.ID]
			}
			if gen != 0 && gen != g {
				continue
			}
			for _, m := range en.Mentions {
				if m.Field == st.field && m.Start >= sp.start && m.End <= sp.end && m.End <= pos && (best == nil || m.Start > best.start) {
					best = &nameRef{start: m.Start, end: m.End, name: en.Name, entity: en.ID, person: true, sure: true, gender: gen}
				}
			}
		}
	}
	// a passage: a quotation over two paragraphs or more
	if last := st.spans[min(k+1, len(st.spans)-1)]; last.group != group || last.para == st.spans[k].para {
		return nil
	}
	if !speaksOf || best == nil || best.name == e.name {
		return nil
	}
	return best
}

// endsWithGroupHead reports a phrase whose head is a group noun ("Clinton's
// campaign"): a "they".
func endsWithGroupHead(phrase string) bool {
	i := strings.LastIndexByte(phrase, ' ')
	if i <= 0 {
		return false
	}
	h := strings.ToLower(phrase[i+1:])
	return groupHeads[h] && !documentNouns[h] // "the statement" is an it
}

// firstPerson are the words of a quotation in which its speaker speaks.
var firstPerson = []string{"i", "me", "my", "we", "us", "our"}

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
	// a loop, not strings.IndexByte: classOf asks this of every word, and
	// most are a few bytes
	for i := 0; i < len(w); i++ {
		if w[i] == '\'' {
			if i > 0 {
				return w[:i]
			}
			return w
		}
	}
	return w
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r > 127
	}
	return false
}

// groupHeads are nouns that, after a name, make the phrase a group or a
// person other than the one named ("the Trump campaign", "Clinton aides").
var groupHeads = lexSet(lexicon.GroupHeads)

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
var principalRoles = lexSet(lexicon.PrincipalRoles)

// personNouns head descriptions of a single person besides roleNouns.
var personNouns = lexSet(lexicon.PersonNouns)

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

// genderOfRole reads a person's gender from the words that describe them
// ("9/11 widow", "his wife", "the congresswoman"), or 0.
func genderOfRole(role string) byte {
	for _, f := range strings.FieldsFunc(strings.ToLower(role), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		switch {
		case femaleRoles[f] || strings.HasSuffix(f, "woman"):
			return 'f'
		case maleRoles[f] || strings.HasSuffix(f, "man") && f != "human" && f != "german" && f != "roman" && !neutralMen[f]:
			return 'm'
		}
	}
	return 0
}

// endsWithRole reports a name that ends with a role noun ("Salford MP"):
// a description the entity extractor took for a body.
func endsWithRole(name string) bool {
	i := strings.LastIndexByte(name, ' ')
	return i > 0 && roleNouns[strings.ToLower(name[i+1:])]
}

// neutralMen are titles in -man that women hold too ("UKIP chairman Ann
// Lee"): they tell no gender.
var neutralMen = toSet("chairman")

var femaleRoles = lexSet(lexicon.FemaleRoles)

var maleRoles = lexSet(lexicon.MaleRoles)

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

// spokespersonNamed resolves "a spokeswoman", "a spokesman for the
// ministry", "a Home Office spokesperson", left unresolved, to the
// spokesperson the article names elsewhere, before or after
// (namedSpokesperson): the one whose description shares a word of whom
// the phrase says they speak for, else the only one named.
func (st *fieldState) spokespersonNamed(items []item, a, b, headAt int, w *who) {
	// the head may come before what it speaks for ("a spokesman for the ministry")
	for k := a; k < b && !spokesHeads[items[headAt].lower]; k++ {
		if spokesHeads[items[k].lower] {
			headAt = k
		}
	}
	head := items[headAt].lower
	if !spokesHeads[head] || w.entity != "" || w.name != w.phrase {
		return
	}
	var forWords []string
	for k := a; k < b; k++ {
		it := items[k]
		if k == headAt || it.kind != itemWord || it.is(classDeterminer) || determiners[it.lower] || npStop[it.lower] || spokesHeads[it.lower] {
			continue
		}
		forWords = append(forWords, possessive(it.lower))
	}
	// "A spokesman for the Home Office said": the words the phrase left out
	if b+1 < len(items) && (items[b].lower == "for" || items[b].lower == "at") {
		for k := b + 1; k < len(items) && k < b+6 && items[k].kind == itemWord && (items[k].capitalised() || items[k].lower == "the"); k++ {
			if items[k].lower != "the" {
				forWords = append(forWords, possessive(items[k].lower))
			}
		}
	}
	pa := st.paraAt(w.start)
	r := st.names.namedSpokesperson(head, forWords, func(pos int) bool { p := st.paraAt(pos); return p >= pa-1 && p <= pa+1 })
	if r == nil {
		return
	}
	w.name, w.entity, w.person, w.sure, w.gender = r.name, r.entity, true, r.sure, r.gender
	if w.gender == 0 {
		w.gender = genderOfRole(head)
	}
	if st.tr != nil {
		st.tr.step(w, "%s -> %s: %s%s", w.phrase, w.name, ruleStepSpokesperson, entityNote(w.entity))
	}
}

// describedLastPerson resolves "the former campaign strategist", "the
// rookie defenceman": a description with modifiers of one person, left
// unresolved by role, stands for the person named last, in its paragraph or
// the one before.
func (st *fieldState) describedLastPerson(items []item, a, headAt int, w *who) {
	head := items[headAt].lower
	family := femaleRoles[head] || maleRoles[head] // "the 34-year-old mother of three"
	if w.entity != "" || w.name != w.phrase || w.plural || items[a].lower != "the" || headAt < a+2 || !(personNouns[head] || roleNouns[head] || family) ||
		groupHeads[head] && !family || head == "source" { // spokesmen, aides and officials mostly go unnamed
		return
	}
	for k := a + 1; k < headAt; k++ {
		if strings.HasSuffix(items[k].lower, "'s") || strings.HasSuffix(items[k].lower, "’s") {
			return // "the prime minister's official spokesman" is someone's
		}
	}
	p := st.names.lastPersonBefore(w.start, 'm')
	if f := st.names.lastPersonBefore(w.start, 'f'); f != nil && (p == nil || f.start > p.start) {
		p = f
	}
	if p == nil || st.paraAt(p.start) < st.paraAt(w.start)-1 {
		return
	}
	w.name, w.entity, w.person, w.sure, w.gender = p.name, p.entity, true, p.sure, p.gender
	if st.tr != nil {
		st.tr.step(w, "%s -> %s: %s%s", w.phrase, w.name, ruleStepDescribedLast, entityNote(w.entity))
	}
}

// paraAt is the index of the paragraph that holds pos.
func (st *fieldState) paraAt(pos int) int {
	return max(0, sort.Search(len(st.paras), func(i int) bool { return st.paras[i].start > pos })-1)
}
