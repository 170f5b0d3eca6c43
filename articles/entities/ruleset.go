package entities

import (
	"slices"
	"strings"
	"unicode/utf8"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/tagger"
	"briefs/articles/names"
	"briefs/model"
)

// Rule is one named repair of the tagger's spans. Rules run in the order of
// Rules on every sentence, each on what the rules before it left; each can be
// switched off (Extractor.Without), and each one's Example is its own test:
// with the rule, extracting Example yields every "name=kind" of Want; without
// it, not all of them.
type Rule struct {
	Name    string
	Doc     string
	Example string // an invented text the rule decides
	Want    string // "name=kind" pairs separated by "; " that Example yields with the rule

	apply func(x *Extractor, c *ruleCtx) []tagger.Span
}

// ruleCtx is what a rule sees of one sentence: its words, the gazetteer's
// matches and the spans so far (tagged, to be returned changed or as is).
type ruleCtx struct {
	s       *sentence
	words   []string
	tagged  []tagger.Span
	matches []gazetteer.Match
	flags   []uint16 // by word, when a rule first asks (flag)
	flagged bool     // flags are made
	all     uint16   // the flags of every word, or-ed
}

// Rules are the span repairs, in the order they run.
var Rules = []*Rule{
	{Name: "particles", Doc: "a family-name particle joins the name around it; a foreign particle joins place and body names",
		Example: "Talks were led by [Tariq]PER bin [Walid]PER on Monday.", Want: "Tariq bin Walid=PER",
		apply: func(x *Extractor, c *ruleCtx) []tagger.Span { return joinParticles(c.words, c.tagged) }},
	{Name: "merge-adjacent", Doc: "touching spans of different types are one name, typed by the last (its head)",
		Example: "[ST.]ORG [LOUIS]LOC - The river rose again on Monday.", Want: "ST. LOUIS=LOC",
		apply: func(x *Extractor, c *ruleCtx) []tagger.Span { return mergeAdjacent(c.tagged) }},
	{Name: "person-run", Doc: "a one-word person right before another person's name is that person's given name (\"Rowan\" + \"Petts\")",
		Example: "[Rowan]PER [Petts]PER condemned the plan.", Want: "Rowan Petts=PER",
		apply: rulePersonRun},
	{Name: "merge-crossing", Doc: "tagger spans a gazetteer name straddles are one name",
		Example: "Shares rose on the [New]LOC [York Stock Exchange]ORG on Friday.", Want: "New York Stock Exchange=ORG",
		apply: func(x *Extractor, c *ruleCtx) []tagger.Span { return mergeCrossing(c.tagged, c.matches) }},
	{Name: "person-after-body", Doc: "a person the tagger ran into a party, title or body's name is split off",
		Example: "[Labour MP Anna]ORG [Colbert]PER asked about the budget.", Want: "Labour=ORG; Anna Colbert=PER",
		apply: func(x *Extractor, c *ruleCtx) []tagger.Span {
			return splitPersonAfterBody(c.words, c.tagged, c.matches)
		}},
	{Name: "dateline", Doc: "capitals before a dash opening a paragraph are the place the brief was filed from",
		Example: "[KALVERA]ORG BAY — Fishermen from the coast said on Tuesday that the harbour had been shut.", Want: "KALVERA BAY=LOC",
		apply: ruleDateline},
	{Name: "org-head", Doc: "a capitalised head noun right after a name joins it (\"Vienna International\" + \"Centre\")",
		Example: "She joined the [Harwell Energy]LOC Institute last year.", Want: "Harwell Energy Institute=LOC",
		apply: ruleOrgHead},
	{Name: "org-remit", Doc: "a body's remit after on/for/of joins its name (\"Authority on Development\")",
		Example: "A new [Commission]ORG on [Rural Housing]ORG was set up.", Want: "Commission on Rural Housing=ORG",
		apply: ruleOrgRemit},
	{Name: "nationality-body", Doc: "a nationality opening a body's name stays in it (\"Norwegian Refugee Council\")",
		Example: "The [Swedish]MISC [Forest Council]ORG objected.", Want: "Swedish Forest Council=ORG",
		apply: ruleNationalityBody},
	{Name: "misc-body", Doc: "a longer MISC name ending in a body's head noun names the body",
		Example: "The [West African Fisheries Committee]MISC met in [Dakar]LOC.", Want: "West African Fisheries Committee=ORG; Dakar=LOC",
		apply: ruleMiscBody},
	{Name: "place-head", Doc: "a name ending in sea, strait, shoal or island is a place",
		Example: "Ferries to Little [Barrow Island]PER were cancelled.", Want: "Little Barrow Island=LOC",
		apply: rulePlaceHead},
	{Name: "region", Doc: "a direction before a known place is a region",
		Example: "Troops moved into [Eastern Ukraine]ORG and Central [Europe]LOC.", Want: "Eastern Ukraine=LOC; Central Europe=LOC",
		apply: ruleRegion},
	{Name: "coordinated-place", Doc: "a lone word read as a body, coordinated with a lone place after a locative (either first), is a place",
		Example: "Turnout fell in [Sunderland]LOC and [Durham]ORG on Thursday.", Want: "Sunderland=LOC; Durham=LOC",
		apply: ruleCoordinatedPlace},
	{Name: "caps-acronym", Doc: "a lone word in capitals read as a place that no gazetteer knows is an organisation's acronym",
		Example: "Troops of [MONUSCO]LOC patrolled the road to [Goma]LOC.", Want: "MONUSCO=ORG; Goma=LOC",
		apply: ruleCapsAcronym},
	{Name: "adjective-place", Doc: "a known place read as an adjective, used as a noun after 'the', is a place (\"in the Baltic.\"); one before 'states' is an adjective",
		Example: "Drills were held in the [Baltic]MISC, and the [Baltic]LOC states watched.", Want: "Baltic=LOC; Baltic=MISC",
		apply: ruleAdjectivePlace},
	{Name: "grade", Doc: "a grade of crude names no body (\"Brent crude\")",
		Example: "[Brent]PER crude rose as [Dubai]LOC crude fell.", Want: "Brent=MISC; Dubai=MISC",
		apply: ruleGrade},
	{Name: "common-modifier", Doc: "a common modifier opening a sentence, by its word cluster, is no name",
		Example: "[Small]MISC countries face the largest bills.", Want: "",
		apply: ruleCommonModifier},
	{Name: "lone-speaker", Doc: "a lone capitalised word the clusters never saw, opening a sentence before a speech verb, is a person (an organisation if it ends in a capital)",
		Example: "Vantrell told reporters in [Oslo]LOC the deal was off.", Want: "Vantrell=PER; Oslo=LOC",
		apply: ruleLoneSpeaker},
	{Name: "post-nominal", Doc: "letters after a name (QC, MP) make a person, named without them",
		Example: "The case was argued by [Helen Stroud QC]ORG in [London]LOC.", Want: "Helen Stroud=PER; London=LOC",
		apply: rulePostNominal},
	{Name: "honorific-person", Doc: "an honorific before capitalised words makes a person, whatever else the words name",
		Example: "[Ms Essex]LOC told the committee she would resign.", Want: "Ms Essex=PER",
		apply: ruleHonorificPerson},
	{Name: "honorific-name", Doc: "an untagged capitalised word after an honorific is a person's name (\"Ms Blears' comments\")",
		Example: "Critics of Ms Blears' remarks met [Amnesty]ORG staff.", Want: "Blears=PER; Amnesty=ORG",
		apply: ruleHonorificName},
	{Name: "surname-may", Doc: "the month 'May' after a known given name is a surname",
		Example: "[Theresa]PER May met the Irish premier.", Want: "Theresa May=PER",
		apply: ruleSurnameMay},
	{Name: "honorific-start", Doc: "a person's name starts after an honorific inside the span, past any titles",
		Example: "Voters in [Harrogate Mr Kennedy]PER met on Monday.", Want: "Kennedy=PER",
		apply: ruleHonorificStart},
	{Name: "place-before-honorific", Doc: "a place ends before an honorific that ends the span",
		Example: "Fishermen in [Bergen Mr]LOC [Holm]PER said the quota was unfair.", Want: "Bergen=LOC; Holm=PER",
		apply: rulePlaceBeforeHonorific},
	{Name: "lone-title", Doc: "a title alone names no one (\"Colonel\"); after Mr or Ms it is a surname (\"Ms King\")",
		Example: "Ms King said the [Colonel]ORG had left.", Want: "",
		apply: ruleLoneTitle},
	{Name: "function-word-edge", Doc: "a name neither opens nor closes with a lower-case function word (\"the Harbour Party and\" is the Harbour Party)",
		Example: "Seats went to the [Harbour Party and]ORG the [Green League]ORG.", Want: "Harbour Party=ORG; Green League=ORG",
		apply: ruleFunctionWordEdge},
	{Name: "bracket-acronym", Doc: "an acronym in brackets right after a body's or place's name is that body or place too (\"the Harbour Party (HP)\")",
		Example: "The [Harbour Party]ORG (HaP) won.", Want: "Harbour Party=ORG; HaP=ORG",
		apply: ruleBracketAcronym},
}

func rulePersonRun(x *Extractor, c *ruleCtx) []tagger.Span {
	out := c.tagged[:0]
	for _, t := range c.tagged {
		if n := len(out); n > 0 && t.Type == tagger.PER && out[n-1].Type == tagger.PER && out[n-1].End == t.Start && out[n-1].End-out[n-1].Start == 1 {
			out[n-1].End = t.End
			continue
		}
		out = append(out, t)
	}
	return out
}

// edgeWords are the function words a name never opens or closes with.
var edgeWords = map[string]bool{
	"and": true, "or": true, "of": true, "the": true, "for": true, "at": true, "in": true,
	"on": true, "to": true, "with": true, "by": true, "from": true, "a": true, "an": true,
}

func ruleFunctionWordEdge(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	out := tagged[:0]
	for _, t := range tagged {
		for t.End > t.Start && edgeWords[words[t.End-1]] {
			t.End--
		}
		for t.Start < t.End && edgeWords[words[t.Start]] {
			t.Start++
		}
		if t.Start < t.End {
			out = append(out, t)
		}
	}
	return out
}

// ruleBracketAcronym: the acronym is one word of two to eight letters (and
// dots or hyphens) with at least two capitals, not tagged already, whose
// first letter opens a word of the name ("Socialist Party (PS)",
// "Centrists for Europe (CpE)").
func ruleBracketAcronym(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	for k := 0; k < len(tagged); k++ {
		t := tagged[k]
		i := t.End
		if t.Type == tagger.PER || i+2 >= len(words) || words[i] != "(" || words[i+2] != ")" || !bracketAcronym(words[i+1]) || covered(tagged, i+1) {
			continue
		}
		if !slices.ContainsFunc(words[t.Start:t.End], func(w string) bool { return w[0] == words[i+1][0] }) {
			continue // "Portland (ENA)": not Portland's initials
		}
		tagged = insertSpan(tagged, tagger.Span{Start: i + 1, End: i + 2, Type: t.Type})
	}
	return tagged
}

func bracketAcronym(w string) bool {
	if len(w) < 2 || len(w) > 8 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	caps := 0
	for i := 0; i < len(w); i++ {
		switch ch := w[i]; {
		case ch >= 'A' && ch <= 'Z':
			caps++
		case ch >= 'a' && ch <= 'z', ch == '.', ch == '-':
		default:
			return false
		}
	}
	return caps >= 2
}

// ruleNamed returns the rule called name, or nil.
func ruleNamed(name string) *Rule {
	for _, r := range Rules {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// Without returns an extractor that shares x's model and gazetteer and runs
// every rule of Rules and every linking step but the named ones (for tests
// and comparisons).
func (x *Extractor) Without(names ...string) *Extractor {
	y := &Extractor{gaz: x.gaz, tag: x.tag, modifierCluster: x.modifierCluster, modifierOK: x.modifierOK, rulesSet: true, offLinks: map[string]bool{}}
	for _, r := range x.ruleList() {
		if !slices.Contains(names, r.Name) {
			y.rules = append(y.rules, r)
		}
	}
	for k := range x.offLinks {
		y.offLinks[k] = true
	}
	for _, n := range names {
		y.offLinks[n] = true
	}
	return y
}

func (x *Extractor) ruleList() []*Rule {
	if x.rulesSet {
		return x.rules
	}
	return Rules
}

// runRules applies the rules to one sentence's spans. With tr set it notes
// each rule that changed them.
// c is the context to use, whose flags array is kept for the next sentence.
func (x *Extractor) runRules(s *sentence, tagged []tagger.Span, tr *traceBufs, c *ruleCtx) []tagger.Span {
	*c = ruleCtx{s: s, words: s.words, tagged: tagged, matches: s.matches, flags: c.flags[:0]}
	defer func() { *c = ruleCtx{flags: c.flags[:0]} }() // keep no pointer into the article
	for _, r := range x.ruleList() {
		if tr == nil {
			c.tagged = r.apply(x, c)
			continue
		}
		before := slices.Clone(c.tagged)
		c.tagged = r.apply(x, c)
		tr.noteRule(r.Name, s, before, c.tagged)
	}
	return c.tagged
}

func ruleDateline(x *Extractor, c *ruleCtx) []tagger.Span {
	s, words, tagged := c.s, c.words, c.tagged
	if !s.paraStart || s.upper {
		return tagged
	}
	k := datelineEnd(words)
	if k == 0 || !x.isDateline(words, k, tagged) {
		return tagged
	}
	out := []tagger.Span{{Start: 0, End: k, Type: tagger.LOC}}
	for _, t := range tagged {
		if t.Start >= k {
			out = append(out, t)
		}
	}
	return out
}

// ruleOrgHead: not after a country alone ("US Court" is the country's court).
func ruleOrgHead(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	for k := range tagged {
		t := &tagged[k]
		if t.End < len(words) && c.is(t.End, fOrgHead) && (k+1 == len(tagged) || tagged[k+1].Start > t.End) &&
			!isCountryMatch(c.matches, t.Start, t.End) {
			t.End++
			if t.Type != tagger.LOC {
				t.Type = tagger.ORG
			}
		}
	}
	return tagged
}

// ruleOrgRemit: tagged spans inside the remit join it; one reaching past it
// stops the rule; "the Council on Haiti" is the Council, speaking of a place.
func ruleOrgRemit(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	out := tagged[:0]
	for k := 0; k < len(tagged); k++ {
		t := tagged[k]
		// "the Council on Haiti" read as one name: the body, speaking of a place
		if t.End-t.Start >= 3 && c.is(t.Start, fOrgHead) && (words[t.Start+1] == "on" || words[t.Start+1] == "for") && inPlaceMatch(c.matches, t.Start+2) {
			out = append(out, tagger.Span{Start: t.Start, End: t.Start + 1, Type: tagger.ORG})
			t.Start += 2
			t.Type = tagger.LOC
			out = append(out, t)
			continue
		}
		if c.is(t.End-1, fOrgHead) && t.End+1 < len(words) && (words[t.End] == "on" || words[t.End] == "for" || words[t.End] == "of") {
			j := t.End + 1
			for j < len(words) && isUpperInitial(words[j]) && !notNames[words[j]] && !isCapsWord(words[j]) {
				j++
			}
			n := k + 1
			for n < len(tagged) && tagged[n].Start < j {
				n++
			}
			if j > t.End+1 && (n == k+1 || tagged[n-1].End <= j) && !inPlaceMatch(c.matches, t.End+1) {
				t.End = j
				t.Type = tagger.ORG
				k = n - 1
			}
		}
		out = append(out, t)
	}
	return out
}

// ruleNationalityBody: "Norwegian" + "Refugee Council", "Danish" + "Housing"
// (untagged) + "Council"; not a state's own organ ("German" + "Foreign Ministry").
func ruleNationalityBody(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	out := tagged[:0]
	for _, t := range tagged {
		if n := len(out); n > 0 && out[n-1].Type == tagger.MISC && capitalisedRun(words, out[n-1].End, t.Start) &&
			t.Type == tagger.ORG && t.End-out[n-1].End >= 2 && orgHeadOf(words[out[n-1].End:t.End]) &&
			x.isNationality(words[out[n-1].Start:out[n-1].End]) {
			out[n-1].End = t.End
			out[n-1].Type = tagger.ORG
			continue
		}
		out = append(out, t)
	}
	return out
}

func ruleMiscBody(x *Extractor, c *ruleCtx) []tagger.Span {
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.Type == tagger.MISC && t.End-t.Start >= 2 && c.is(t.End-1, fOrgHead) {
			t.Type = tagger.ORG
		}
	}
	return c.tagged
}

// rulePlaceHead: a head alone is a place only as "the Gulf", "the Channel"
// (not "Channel 4"); "Second" + "Thomas Shoal", untagged, is one place.
func rulePlaceHead(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	out := tagged[:0]
	for _, t := range tagged {
		if c.is(t.End-1, fPlaceHead) && !hasOrgHead(words[t.Start:t.End]) &&
			(t.End-t.Start >= 2 || t.Type != tagger.PER && t.Start > 0 && words[t.Start-1] == "the") {
			t.Type = tagger.LOC
			for t.Start > sentenceStart(words)+1 && isUpperInitial(words[t.Start-1]) && !notNames[words[t.Start-1]] &&
				(len(out) == 0 || out[len(out)-1].End < t.Start) {
				t.Start--
			}
			if n := len(out); n > 0 && out[n-1].End == t.Start {
				out[n-1].End = t.End
				out[n-1].Type = tagger.LOC
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

func ruleRegion(x *Extractor, c *ruleCtx) []tagger.Span {
	for k := range c.tagged {
		t := &c.tagged[k]
		// "Central" + "Europe": an untagged direction before a place
		if t.Type == tagger.LOC && t.Start > 0 && directions[c.words[t.Start-1]] && (k == 0 || c.tagged[k-1].End < t.Start-1) {
			if e, n := x.gaz.Longest(c.words, t.Start, c.s.upper); n == t.End-t.Start && (e.Kind == model.KindPlace || e.Kind == model.KindCountry) {
				t.Start--
			}
		}
		if t.End-t.Start >= 2 && directions[c.words[t.Start]] {
			if e, n := x.gaz.Longest(c.words, t.Start+1, c.s.upper); n == t.End-t.Start-1 && (e.Kind == model.KindPlace || e.Kind == model.KindCountry) {
				t.Type = tagger.LOC
			}
		}
	}
	return c.tagged
}

// ruleCoordinatedPlace: "Ust-Luga and Primorsk", unless a body's head noun or
// capitals say otherwise; "House of Fraser and ..." is a name's tail.
func ruleCoordinatedPlace(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	for k := range tagged {
		t := &tagged[k]
		if t.Type == tagger.ORG && t.End-t.Start == 1 && k+1 < len(tagged) && t.End+1 < len(words) &&
			(words[t.End] == "and" || words[t.End] == "or") && tagged[k+1].Start == t.End+1 && t.Start > 0 && locatives[words[t.Start-1]] &&
			(t.Start < 2 || !isUpperInitial(words[t.Start-2])) &&
			tagged[k+1].Type == tagger.LOC && tagged[k+1].End-tagged[k+1].Start == 1 &&
			!c.is(t.Start, fOrgHead) && !isCapsWord(words[t.Start]) && !inMatch(c.matches, t.Start) {
			t.Type = tagger.LOC
		}
		// "in Sunderland and Durham": the place first
		if t.Type == tagger.ORG && t.End-t.Start == 1 && k > 0 && t.Start >= 3 && (words[t.Start-1] == "and" || words[t.Start-1] == "or") &&
			tagged[k-1].End == t.Start-1 && tagged[k-1].End-tagged[k-1].Start == 1 && tagged[k-1].Type == tagger.LOC &&
			locatives[words[t.Start-3]] && (t.End == len(words) || !isUpperInitial(words[t.End])) &&
			!c.is(t.Start, fOrgHead) && !isCapsWord(words[t.Start]) && !inMatch(c.matches, t.Start) {
			t.Type = tagger.LOC
		}
	}
	return tagged
}

func ruleCapsAcronym(x *Extractor, c *ruleCtx) []tagger.Span {
	s, words := c.s, c.words
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.Type == tagger.LOC && t.End-t.Start == 1 && !s.upper && (t.Start > 0 || !s.paraStart || datelineEnd(words) == 0) {
			if w := words[t.Start]; utf8.RuneCountInString(w) >= 4 && isCapsWord(w) && !strings.ContainsAny(w, ".-") {
				if _, ok := x.gaz.Resolve(w); !ok {
					t.Type = tagger.ORG
				}
			}
		}
	}
	return c.tagged
}

// groupNouns after a place make it an adjective ("the Baltic states").
var groupNouns = map[string]bool{"states": true, "countries": true, "nations": true, "republics": true}

func ruleAdjectivePlace(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.Type == tagger.LOC && t.End < len(words) && groupNouns[words[t.End]] && !isCountryMatch(c.matches, t.Start, t.End) {
			t.Type = tagger.MISC
			continue
		}
		if t.Type == tagger.MISC && t.Start > 0 && words[t.Start-1] == "the" && (t.End == len(words) || nounEnds[words[t.End]]) {
			if e, n := x.gaz.Longest(words, t.Start, c.s.upper); n == t.End-t.Start && e.Kind == model.KindPlace {
				t.Type = tagger.LOC
			}
		}
	}
	return c.tagged
}

func ruleGrade(x *Extractor, c *ruleCtx) []tagger.Span {
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.End < len(c.words) && gradeNouns[c.words[t.End]] && t.Type != tagger.MISC && !isCountryMatch(c.matches, t.Start, t.End) {
			t.Type = tagger.MISC
		}
	}
	// "Dubai crude": a place the gazetteer found, untagged
	for _, m := range c.matches {
		if m.End < len(c.words) && gradeNouns[c.words[m.End]] && m.Entry.Kind == model.KindPlace && !covered(c.tagged, m.Start) {
			c.tagged = insertSpan(c.tagged, tagger.Span{Start: m.Start, End: m.End, Type: tagger.MISC})
		}
	}
	return c.tagged
}

func ruleCommonModifier(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	return slices.DeleteFunc(c.tagged, func(t tagger.Span) bool {
		return t.End-t.Start == 1 && t.Start == sentenceStart(words) && t.Type == tagger.MISC &&
			x.commonModifier(words[t.Start]) && !inMatch(c.matches, t.Start)
	})
}

// ruleLoneSpeaker: a word ending in a capital ("DrKW") is an acronym, not a surname.
func ruleLoneSpeaker(x *Extractor, c *ruleCtx) []tagger.Span {
	words, out := c.words, c.tagged
	i := sentenceStart(words)
	if c.s.upper || i+1 >= len(words) || !speechVerbs[words[i+1]] || len(out) > 0 && out[0].Start <= i {
		return out
	}
	if w := words[i]; isUpperInitial(w) && !isCapsWord(w) && !notNames[w] && !titleWord(w) && !inMatch(c.matches, i) && x.tag != nil {
		if _, known := x.tag.Cluster(w); !known {
			typ := tagger.PER
			if endsUpper(w) {
				typ = tagger.ORG // "KvorBX said": a capital at the end makes an acronym, not a surname
			}
			out = slices.Insert(out, 0, tagger.Span{Start: i, End: i + 1, Type: typ})
		}
	}
	return out
}

// rulePostNominal: "Guy Mansfield QC", "Nia Griffith MP"; "the East Midlands
// MEP" is a seat's member.
func rulePostNominal(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	for k := range c.tagged {
		t := &c.tagged[k]
		i, j := t.Start, t.End
		if j-i > 2 && names.PostNominal(words[j-1]) && (words[j-1] == "QC" || words[j-1] == "KC" || t.Type == tagger.PER || names.Gender(words[i]) != 0) {
			t.End--
			t.Type = tagger.PER
		}
	}
	return c.tagged
}

// ruleHonorificPerson: "Ms Essex" is a person, whatever else Essex is; not
// after a titled honorific ("Lord Chancellor").
func ruleHonorificPerson(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	for k := range c.tagged {
		t := &c.tagged[k]
		i, j := t.Start, t.End
		if h := honorOf(words[i]); t.Type != tagger.PER && j-i >= 2 && h != 0 && h&honTitled == 0 &&
			!slices.ContainsFunc(words[i+1:j], func(w string) bool { return !isUpperInitial(w) }) {
			t.Type = tagger.PER
		}
	}
	return c.tagged
}

func ruleSurnameMay(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.Type == tagger.PER && t.End < len(words) && words[t.End] == "May" && names.Gender(words[t.End-1]) != 0 &&
			(k+1 == len(c.tagged) || c.tagged[k+1].Start > t.End) {
			t.End++
		}
	}
	return c.tagged
}

// ruleHonorificStart: "Harrogate Mr Kennedy"; titles stripped ("President X").
func ruleHonorificStart(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	out := c.tagged[:0]
	for _, t := range c.tagged {
		if t.Type == tagger.PER {
			for k := t.End - 2; k > t.Start; k-- {
				if honorOf(words[k]) != 0 {
					t.Start = k
					break
				}
			}
			t.Start = stripTitles(words, t.Start, t.End)
			if t.Start >= t.End {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// rulePlaceBeforeHonorific: "in Bergen Mr Holm".
func rulePlaceBeforeHonorific(x *Extractor, c *ruleCtx) []tagger.Span {
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.Type != tagger.PER && t.End-t.Start > 1 && honorOf(c.words[t.End-1]) != 0 {
			t.End--
		}
	}
	return c.tagged
}

func ruleLoneTitle(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	return slices.DeleteFunc(c.tagged, func(t tagger.Span) bool {
		return t.End-t.Start == 1 && c.inLowerAt(t.Start, fTitle, titles) && !surnameAfterHonorific(words, t.Start)
	})
}

func ruleHonorificName(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	if !c.has(fHonorific) {
		return tagged
	}
	for i := 1; i < len(words); i++ {
		if c.flag(i-1)&fHonorific == 0 || !isUpperInitial(words[i]) || covered(tagged, i) || covered(tagged, i-1) ||
			notNames[words[i]] || titleWord(words[i]) || isCapsWord(words[i]) || c.s.upper {
			continue
		}
		j := i + 1
		for j < len(words) && isUpperInitial(words[j]) && !notNames[words[j]] && !covered(tagged, j) && !titleWord(words[j]) {
			j++
		}
		tagged = insertSpan(tagged, tagger.Span{Start: i, End: j, Type: tagger.PER})
	}
	return tagged
}
