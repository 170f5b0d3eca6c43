package entities

import (
	"slices"
	"strings"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/tagger"
	"briefs/articles/lexicon"
	"briefs/articles/names"
	"briefs/model"
)

// The rules of this file give names the kinds a reader means (the extract
// contract): laws, treaties, awards, storms and exams are "other"; office
// titles, plural acronyms and remits name no body; a person the world
// knows, or a known given name before a surname, is a person; a town
// before "mayor" is a place; a capitalised run ending in a body's head
// noun is that body.

// storms name a storm when they open a capitalised name ("Hurricane Katrina").
var storms = map[string]bool{"Hurricane": true, "Typhoon": true, "Cyclone": true, "Storm": true, "Tropical": true}

// docHeads end the names of laws, treaties and awards ("Freedom of Information Act").
var docHeads = map[string]bool{
	"Act": true, "Acts": true, "Bill": true, "Treaty": true, "Convention": true, "Accords": true,
	"Protocol": true, "Agreement": true, "Medal": true, "Prize": true, "Award": true, "Awards": true, "Trophy": true,
	"Directive": true, "Doctrine": true, "Amendment": true,
}

// docNouns follow a law's or treaty's name in lower case ("the New START treaty").
var docNouns = map[string]bool{"treaty": true, "accord": true, "pact": true, "act": true, "bill": true, "agreement": true, "law": true, "medal": true, "prize": true, "award": true}

// exams are school examinations and qualifications ("A-levels", "GCSEs").
var exams = map[string]bool{
	"gcse": true, "gcses": true, "a-level": true, "a-levels": true, "as-level": true, "as-levels": true,
	"o-level": true, "o-levels": true, "sats": true, "baccalaureate": true, "highers": true, "btec": true, "btecs": true,
}

// officeWords follow a remit in an office's title ("Transport Secretary").
var officeWords = map[string]bool{
	"Secretary": true, "Minister": true, "Spokesman": true, "Spokeswoman": true, "Spokesperson": true,
	"Commissioner": true, "Secretaries": true, "Ministers": true, "Minister's": true,
}

// townOffices follow a town's name before a person ("Middlesbrough mayor Ray Mallon").
var townOffices = map[string]bool{"mayor": true, "councillor": true, "council": true, "MP": true, "MSP": true}

// bareBodies are head nouns that, capitalised and alone, name the body the
// article means ("Parliament voted", "the Commission said").
var bareBodies = map[string]bool{"Parliament": true, "Congress": true, "Commission": true, "Senate": true, "Cabinet": true}

var kindRules = []*Rule{
	{Name: "storm", Doc: "a storm's name (\"Hurricane Katrina\") is other, never a place",
		Example: "Damage from Hurricane [Odalys]PER was worse than feared.", Want: "Hurricane Odalys=MISC",
		apply: ruleStorm},
	{Name: "bare-body", Doc: "a bare 'Parliament', 'Congress' or 'Commission' names a body (linked to the one the article names)",
		Example: "The bill now goes to Parliament, where [Labour]ORG may stall it.", Want: "Parliament=ORG; Labour=ORG",
		apply: ruleBareBody},
	{Name: "law-treaty-award", Doc: "a name ending in Act, Treaty, Medal, Prize and the like, or before 'treaty', is other",
		Example: "MPs debated the [Coastal Access]ORG Act, the [New]ORG START treaty and the Congressional Gold Medal on Monday.", Want: "Coastal Access Act=MISC; New START=MISC; Congressional Gold Medal=MISC",
		apply: ruleDocument},
	{Name: "faith", Doc: "a faith and its followers (\"Muslims\", \"Sikh\") are other, never a person or body",
		Example: "Leaders of [Muslims]PER and Sikhs met on Monday.", Want: "Muslims=MISC; Sikhs=MISC",
		apply: ruleFaith},
	{Name: "exam", Doc: "school examinations (A-levels, GCSE) are other",
		Example: "Pupils sitting [GCSE]ORG papers got results.", Want: "GCSE=MISC",
		apply: ruleExam},
	{Name: "plural-acronym", Doc: "a plural acronym (\"SMEs\", \"NGOs\") is a common noun, no name",
		Example: "Loans to [SMEs]LOC rose by a fifth.", Want: "",
		apply: rulePluralAcronym},
	{Name: "office-remit", Doc: "a remit before Secretary or Minister is part of an office's title, no body (\"Transport Secretary\")",
		Example: "Trade and [Industry]ORG Secretary [Olwen Pryce]PER spoke.", Want: "Olwen Pryce=PER",
		apply: ruleOfficeRemit},
	{Name: "possessive-title", Doc: "a lone word read as a person before 's and a capitalised common word no one tagged is a title (\"Woman's Hour\")",
		Example: "She told [Listener]PER's Hour on Monday.", Want: "Listener 's Hour=MISC",
		apply: rulePossessiveTitle},
	{Name: "seat-member", Doc: "a lone capitalised word before MP, MEP or MSP is the member's seat, a place (\"the Salford MP\")",
		Example: "\"We will win,\" the [Salford]ORG MP told reporters.", Want: "Salford=LOC",
		apply: ruleSeatMember},
	{Name: "given-name-join", Doc: "a known given name, untagged or read as a place or body, right before a person's span starts that person (\"Rachel\" + \"Harvey\")",
		Example: "The correspondent in [Jakarta]LOC, [Rachel]LOC [Harvey]PER, met Condoleezza [Harlow]PER.", Want: "Jakarta=LOC; Rachel Harvey=PER; Condoleezza Harlow=PER",
		apply: ruleGivenNameJoin},
	{Name: "of-and-body", Doc: "a body's name 'X of Y' runs on over 'and' into two or more capitalised words (no acronym, no number) that name no body or place of their own (\"Department of Housing and Urban Development\")",
		Example: "Officials of the [Department of Fisheries]ORG and [Coastal Affairs]ORG met.", Want: "Department of Fisheries and Coastal Affairs=ORG",
		apply: ruleOfAndBody},
	{Name: "body-run", Doc: "an untagged capitalised run ending in a body's head noun is that body (\"the Low Pay Commission\")",
		Example: "The report of the Low [Pay Commission]ORG was published on Monday.", Want: "Low Pay Commission=ORG",
		apply: ruleBodyRun},
	{Name: "station-number", Doc: "a broadcaster's name ending in Radio, Channel or TV takes the number after it (\"Radio 4\"), tagged or not",
		Example: "She said on [Radio]MISC 4 and [BBC Radio]ORG 5 that the plan was wrong.", Want: "Radio 4=ORG; BBC Radio 5=ORG",
		apply: ruleStationNumber},
	{Name: "common-institution", Doc: "a lone capitalised common noun for an institution (\"taken to Hospital\", \"leave Uni\") is no name",
		Example: "Pupils who leave [School]LOC at 16 were taken to [Hospital]ORG in [Leeds]LOC.", Want: "Leeds=LOC",
		apply: ruleCommonInstitution},
	{Name: "nickname", Doc: "a lone capitalised word right after 'dubbed' or 'nicknamed' is a nickname, no name",
		Example: "The chief, dubbed [Robocop]PER by the press, met [Olwen Pryce]PER.", Want: "Olwen Pryce=PER",
		apply: ruleNickname},
	{Name: "planet", Doc: "a lone planet's name in a sentence naming another planet, or the word planet, is other, never a person or place (\"Mercury and Venus\")",
		Example: "Tonight [Venus]PER and [Mars]LOC rise together, and Mercury follows.", Want: "Venus=MISC; Mars=MISC",
		apply: rulePlanet},
	{Name: "currency", Doc: "a currency's plural after a number (\"12 Euros\") is no name",
		Example: "Tickets cost 12 [Euros]ORG at the door.", Want: "",
		apply: ruleCurrency},
	{Name: "stage-direction", Doc: "a transcript's note in brackets (\"(Laughter.)\", \"(Applause)\") is no name",
		Example: "We will win. ([Laughter]LOC.) Thank you.", Want: "",
		apply: ruleStageDirection},
	{Name: "lower-case-place", Doc: "in text that does not capitalise, a country or place the gazetteer knows, written in lower case after in, from, to, at, near or into (or 'and' after one), is a place",
		Example: "i am from mexico and moving to san francisco and oregon next year", Want: "Mexico=country; San Francisco=place; Oregon=place",
		apply: ruleLowerPlace},
	{Name: "nationality-party", Doc: "a nationality before capitalised words ending in a party's plural (\"Italian Socialists\", \"Croatian Independent Democrats\") is one party",
		Example: "Talks with the [Maltese]MISC [Independent Radicals]MISC ended.", Want: "Maltese Independent Radicals=ORG",
		apply: ruleNationalityParty},
	{Name: "foreign-party", Doc: "a name of two words or more opening with a foreign party's or movement's head (Parti, Partido, Movimento, Lega) is a body",
		Example: "She left the [Partido de la Costa]LOC in May.", Want: "Partido de la Costa=ORG",
		apply: ruleForeignParty},
	{Name: "known-body", Doc: "a name read as a person that is exactly an organisation the gazetteer knows (a party, a company, a broadcaster) is that organisation",
		Example: "Leaders of [Yisrael Beiteinu]PER met on Monday.", Want: "Yisrael Beiteinu=ORG",
		apply: ruleKnownBody},
	{Name: "world-person", Doc: "a name the world data knows as a person (legislators, heads of state) is a person",
		Example: "Talks with [Nancy Pelosi]ORG ended.", Want: "Nancy Pelosi=PER",
		apply: ruleWorldPerson},
	{Name: "speaker-place", Doc: "two or three capitalised words read as a place that no gazetteer knows, before a speech verb, are a person",
		Example: "[Wolf Hadley]LOC asked the minister about the vote.", Want: "Wolf Hadley=PER",
		apply: ruleSpeakerPlace},
	{Name: "given-name-person", Doc: "a known given name before a capitalised surname is a person, not a body or place",
		Example: "The visit of [Condoleezza Harlow]ORG ended.", Want: "Condoleezza Harlow=PER",
		apply: ruleGivenNamePerson},
	{Name: "town-office", Doc: "a capitalised word before 'mayor' and a person is a town (after given-name-person, so that a mayor the tagger read as a body is a person first)",
		Example: "Kettleby mayor [Ruth Anstey]PER opened the bridge.", Want: "Kettleby=LOC; Ruth Anstey=PER",
		apply: ruleTownOffice},
}

func init() {
	// the kind rules run after the shape rules, before the person repairs
	// that strip titles and honorifics
	at := slices.IndexFunc(Rules, func(r *Rule) bool { return r.Name == "post-nominal" })
	Rules = slices.Insert(Rules, at, kindRules...)
}

func ruleStorm(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	for k := range tagged {
		t := &tagged[k]
		i := t.Start
		if i > 0 && c.is(i-1, fStorm) && (k == 0 || tagged[k-1].End < i) {
			i--
		}
		if i > 0 && words[i-1] == "Tropical" && (k == 0 || tagged[k-1].End < i-1) {
			i--
		}
		if c.is(i, fStorm) && i+1 < t.End || i < t.Start {
			t.Start, t.Type = i, tagger.MISC
		}
	}
	// an untagged "Hurricane Odalys"
	if !c.has(fStorm) {
		return tagged
	}
	for i := 0; i+1 < len(words); i++ {
		if c.flag(i)&fStorm != 0 && words[i] != "Storm" && words[i] != "Tropical" && isUpperInitial(words[i+1]) && !covered(tagged, i) && !covered(tagged, i+1) {
			tagged = insertSpan(tagged, tagger.Span{Start: i, End: i + 2, Type: tagger.MISC})
		}
	}
	return tagged
}

// covered reports whether a span holds token i.
func covered(tagged []tagger.Span, i int) bool {
	for _, t := range tagged {
		if t.Start <= i && i < t.End {
			return true
		}
	}
	return false
}

// insertSpan adds t in position order.
func insertSpan(tagged []tagger.Span, t tagger.Span) []tagger.Span {
	k := 0
	for k < len(tagged) && tagged[k].Start < t.Start {
		k++
	}
	return slices.Insert(tagged, k, t)
}

func ruleDocument(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	for k := range tagged {
		t := &tagged[k]
		// "New" + "START" + "treaty": untagged capitals between a name and a
		// treaty's noun join it
		if e := capsRunEnd(words, tagged, k); e > t.End && e < len(words) && docNouns[words[e]] && t.Type != tagger.PER {
			t.End = e
		}
		// "Freedom of Information" + "Act" left out
		if t.End < len(words) && c.is(t.End, fDocHead) && (k+1 == len(tagged) || tagged[k+1].Start > t.End) && !isCountryMatch(c.matches, t.Start, t.End) {
			t.End++
		}
		// "Act of" + "Parliament"
		if t.Start >= 2 && words[t.Start-1] == "of" && c.is(t.Start-2, fDocHead) && (k == 0 || tagged[k-1].End < t.Start-2) {
			t.Start -= 2
			t.Type = tagger.MISC
			continue
		}
		if c.is(t.End-1, fDocHead) && t.End-t.Start >= 2 || t.End < len(words) && docNouns[words[t.End]] && t.Type != tagger.PER && !isCountryMatch(c.matches, t.Start, t.End) {
			t.Type = tagger.MISC
			// "the Congressional" + "Gold Medal": untagged capitals after the article join it
			i := t.Start
			for i > 1 && isUpperInitial(words[i-1]) && !notNames[words[i-1]] && !isCapsWord(words[i-1]) && (k == 0 || tagged[k-1].End < i) {
				i--
			}
			if i < t.Start && (words[i-1] == "the" || words[i-1] == "a" || words[i-1] == "an") {
				t.Start = i
			}
		}
	}
	// an untagged "the Congressional Gold Medal"
	if !c.has(fDocHead) {
		return tagged
	}
	for j := 2; j < len(words); j++ {
		if c.flag(j)&fDocHead == 0 || covered(tagged, j) {
			continue
		}
		i := j
		for i > 1 && isUpperInitial(words[i-1]) && !notNames[words[i-1]] && !covered(tagged, i-1) && !isCapsWord(words[i-1]) {
			i--
		}
		if j-i >= 1 && (words[i-1] == "the" || words[i-1] == "a" || words[i-1] == "an") {
			tagged = insertSpan(tagged, tagger.Span{Start: i, End: j + 1, Type: tagger.MISC})
		}
	}
	return tagged
}

// capsRunEnd is the end of the untagged capitalised words right after
// tagged[k] (tagged[k].End when there are none).
func capsRunEnd(words []string, tagged []tagger.Span, k int) int {
	e := tagged[k].End
	for e < len(words) && isUpperInitial(words[e]) && !notNames[words[e]] && (k+1 == len(tagged) || tagged[k+1].Start > e) {
		e++
	}
	return e
}

func ruleExam(x *Extractor, c *ruleCtx) []tagger.Span {
	tagged := c.tagged
	for k := range tagged {
		if t := &tagged[k]; t.End-t.Start == 1 && c.inLowerAt(t.Start, fExam, exams) {
			t.Type = tagger.MISC
		}
	}
	if !c.has(fExam) {
		return tagged
	}
	for i := range c.words {
		if c.flag(i)&fExam != 0 && !covered(tagged, i) {
			tagged = insertSpan(tagged, tagger.Span{Start: i, End: i + 1, Type: tagger.MISC})
		}
	}
	return tagged
}

func rulePluralAcronym(x *Extractor, c *ruleCtx) []tagger.Span {
	return slices.DeleteFunc(c.tagged, func(t tagger.Span) bool {
		if t.End-t.Start != 1 || inMatch(c.matches, t.Start) {
			return false
		}
		w := c.words[t.Start]
		return len(w) >= 3 && w[len(w)-1] == 's' && isCapsWord(w[:len(w)-1])
	})
}

func ruleOfficeRemit(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	return slices.DeleteFunc(c.tagged, func(t tagger.Span) bool {
		if t.End >= len(words) || !c.is(t.End, fOffice) || t.Type == tagger.PER || t.Type == tagger.LOC {
			return false
		}
		for _, m := range c.matches {
			if m.Start == t.Start && m.End == t.End {
				return false // "EU Trade Commissioner": the EU's
			}
		}
		return true
	})
}

func ruleTownOffice(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	for k := range tagged {
		p := tagged[k]
		if p.Type != tagger.PER || p.Start < 2 || !townOffices[words[p.Start-1]] {
			continue
		}
		i := p.Start - 2
		if !isUpperInitial(words[i]) || notNames[words[i]] || titleWord(words[i]) {
			continue
		}
		if k > 0 && tagged[k-1].End == i+1 {
			if tagged[k-1].Type == tagger.ORG && tagged[k-1].End-tagged[k-1].Start == 1 {
				tagged[k-1].Type = tagger.LOC
			}
			continue
		}
		if k == 0 || tagged[k-1].End <= i {
			tagged = slices.Insert(tagged, k, tagger.Span{Start: i, End: i + 1, Type: tagger.LOC})
			return tagged // one a sentence is enough; the next call sees the rest
		}
	}
	return tagged
}

func ruleOfAndBody(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	for k := 0; k+1 < len(tagged); k++ {
		a, b := tagged[k], tagged[k+1]
		if a.Type != tagger.ORG || a.End+1 != b.Start || words[a.End] != "and" || b.Type == tagger.PER || b.Type == tagger.LOC {
			continue
		}
		of := slices.Index(words[a.Start:a.End], "of")
		if of < 1 || of == a.End-a.Start-1 || !orgHeads[words[a.Start+of-1]] || inMatch(c.matches, a.End-1) {
			continue // "Bank of England and ...": a place closes the name
		}
		if b.End-b.Start < 2 || orgHeads[words[b.Start]] || slices.ContainsFunc(words[b.Start:b.End], func(w string) bool {
			return isCapsWord(w) || strings.ContainsAny(w, "0123456789")
		}) || slices.ContainsFunc(c.matches, func(m gazetteer.Match) bool {
			return m.Start == b.Start && m.End == b.End
		}) {
			continue // "... and Yabloko", "... and Ministry of Trade", "... and BAE Systems", "... and Democrats 66", a known body
		}
		tagged[k].End = b.End
		tagged[k].Type = tagger.ORG
		tagged = slices.Delete(tagged, k+1, k+2)
	}
	return tagged
}

func ruleBodyRun(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	// "the Low" + "Pay Commission": the capitals before a body's tagged name
	for k := range tagged {
		t := &tagged[k]
		if t.Type != tagger.ORG || !c.is(t.End-1, fOrgHead) {
			continue
		}
		i := t.Start
		for i > sentenceStart(words) && isUpperInitial(words[i-1]) && !notNames[words[i-1]] && !covered(tagged, i-1) && !isCapsWord(words[i-1]) && !titleWord(words[i-1]) {
			i--
		}
		if i < t.Start && i > 0 && (words[i-1] == "the" || words[i-1] == "The") {
			t.Start = i
		}
	}
	if !c.has(fOrgHead) {
		return tagged
	}
	for j := 1; j < len(words); j++ {
		if c.flag(j)&fOrgHead == 0 || covered(tagged, j) || covered(tagged, j-1) {
			continue
		}
		i := j
		for i > sentenceStart(words) && isUpperInitial(words[i-1]) && !notNames[words[i-1]] && !covered(tagged, i-1) && !isCapsWord(words[i-1]) && !titleWord(words[i-1]) {
			i--
		}
		if j-i >= 2 && i > 0 && (words[i-1] == "the" || words[i-1] == "The") {
			tagged = insertSpan(tagged, tagger.Span{Start: i, End: j + 1, Type: tagger.ORG})
		}
	}
	return tagged
}

func ruleBareBody(x *Extractor, c *ruleCtx) []tagger.Span {
	tagged := c.tagged
	if !c.has(fBareBody) {
		return tagged
	}
	for i := range c.words {
		if c.flag(i)&fBareBody != 0 && !covered(tagged, i) && !c.s.upper && (i+1 == len(c.words) || !isUpperInitial(c.words[i+1])) {
			tagged = insertSpan(tagged, tagger.Span{Start: i, End: i + 1, Type: tagger.ORG})
		}
	}
	return tagged
}

// partyPlurals end the names of parties called after their members
// ("the Italian Socialists", "the Australian Democrats").
var partyPlurals = map[string]bool{
	"Democrats": true, "Socialists": true, "Radicals": true, "Liberals": true, "Conservatives": true,
	"Republicans": true, "Greens": true, "Communists": true, "Nationalists": true, "Populars": true,
	"Unionists": true, "Progressives": true, "Centrists": true, "Federalists": true, "Monarchists": true,
}

func ruleNationalityParty(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	for _, m := range c.matches {
		if m.Entry.Kind != model.KindNationality {
			continue
		}
		j := m.End
		for j < len(words) && j-m.End < 3 && isUpperInitial(words[j]) && !partyPlurals[words[j]] && !notNames[words[j]] {
			j++
		}
		if j == len(words) || !partyPlurals[words[j]] {
			continue
		}
		j++
		// the spans inside give way; one that crosses either edge keeps the words apart
		if slices.ContainsFunc(tagged, func(t tagger.Span) bool {
			return t.Start < m.Start && t.End > m.Start || t.Start < j && t.End > j
		}) {
			continue
		}
		tagged = slices.DeleteFunc(tagged, func(t tagger.Span) bool { return t.Start >= m.Start && t.End <= j })
		tagged = insertSpan(tagged, tagger.Span{Start: m.Start, End: j, Type: tagger.ORG})
	}
	return tagged
}

// foreignPartyHeads open the names of parties and movements in other
// languages ("Parti Québécois", "Movimiento al Socialismo", "Lega Nord").
var foreignPartyHeads = map[string]bool{
	"Parti": true, "Partei": true, "Partido": true, "Partito": true, "Partij": true, "Partidul": true, "Partia": true,
	"Partiya": true, "Stranka": true, "Strana": true, "Mouvement": true, "Movimiento": true, "Movimento": true,
	"Rassemblement": true, "Unión": true, "Unione": true, "Frente": true, "Fronte": true, "Bloque": true,
	"Liga": true, "Lega": true, "Alianza": true, "Alleanza": true, "Izquierda": true, "Sinistra": true,
	"Esquerra": true, "Convergència": true, "Forza": true,
}

func ruleForeignParty(x *Extractor, c *ruleCtx) []tagger.Span {
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.Type != tagger.ORG && t.End-t.Start >= 2 && foreignPartyHeads[c.words[t.Start]] {
			t.Type = tagger.ORG
		}
	}
	return c.tagged
}

func ruleKnownBody(x *Extractor, c *ruleCtx) []tagger.Span {
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.Type == tagger.PER && slices.ContainsFunc(c.matches, func(m gazetteer.Match) bool {
			return m.Start == t.Start && m.End == t.End && m.Entry.Kind == model.KindOrganization
		}) {
			t.Type = tagger.ORG
		}
	}
	return c.tagged
}

func ruleWorldPerson(x *Extractor, c *ruleCtx) []tagger.Span {
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.Type != tagger.PER && t.End-t.Start >= 2 && gazetteer.KnownPersonWords(c.words[t.Start:t.End]) {
			t.Type = tagger.PER
		}
	}
	return c.tagged
}

// givenWords are given names that are as often words of other names
// ("Christian Aid", "Grace Church", "Jordan Valley").
var givenWords = map[string]bool{
	"Christian": true, "Grace": true, "Hope": true, "Faith": true, "Joy": true, "Rose": true, "May": true,
	"Will": true, "Mark": true, "Bill": true, "Victoria": true, "Jordan": true, "Georgia": true, "Virginia": true,
	"Carolina": true, "Charlotte": true, "Florence": true, "Frank": true, "Guy": true, "Earl": true, "Lady": true,
	"Liberty": true, "Justice": true, "Prince": true, "King": true, "Major": true, "Chase": true, "Sun": true,
}

func ruleGivenNamePerson(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	for k := range c.tagged {
		t := &c.tagged[k]
		n := t.End - t.Start
		if t.Type != tagger.ORG && t.Type != tagger.LOC || n < 2 || n > 3 || givenWords[words[t.Start]] || names.Gender(words[t.Start]) == 0 {
			continue
		}
		ws := words[t.Start:t.End]
		if hasOrgHead(ws) || c.is(t.End-1, fPlaceHead) || !capitalisedRun(words, t.Start, t.End) || isCapsWord(ws[n-1]) {
			continue
		}
		if slices.ContainsFunc(c.matches, func(m gazetteer.Match) bool {
			return m.Start < t.End && t.Start < m.End && m.Entry.Kind != model.KindPerson
		}) {
			continue // "Victoria Falls", "Jordan Valley": a place the gazetteer knows
		}
		t.Type = tagger.PER
	}
	return c.tagged
}

// streetWords end the names of places that speak for a government ("Downing Street said").
var streetWords = map[string]bool{"Street": true, "Road": true, "Avenue": true, "Hill": true, "Square": true, "Palace": true, "House": true, "Hall": true}

func ruleSpeakerPlace(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	for k := range c.tagged {
		t := &c.tagged[k]
		n := t.End - t.Start
		if t.Type != tagger.LOC || n < 2 || n > 3 || t.End >= len(words) || !speechVerbs[words[t.End]] {
			continue
		}
		ws := words[t.Start:t.End]
		if streetWords[ws[n-1]] || c.is(t.End-1, fPlaceHead) || hasOrgHead(ws) || directions[ws[0]] || !capitalisedRun(words, t.Start, t.End) ||
			slices.ContainsFunc(c.matches, func(m gazetteer.Match) bool { return m.Start < t.End && t.Start < m.End }) {
			continue
		}
		t.Type = tagger.PER
	}
	return c.tagged
}

// capital reports whether w opens with an ASCII capital: a cheap test before a map look-up.
func capital(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// isStation reports whether w ends a broadcaster's name before its number ("Radio 4", "Channel 5").
func isStation(w string) bool {
	switch w {
	case "Radio", "Channel", "TV", "Television":
		return true
	}
	return false
}

// isSmallNumber reports whether w is a number of one or two digits.
func isSmallNumber(w string) bool {
	return len(w) >= 1 && len(w) <= 2 && w[0] >= '0' && w[0] <= '9' && w[len(w)-1] >= '0' && w[len(w)-1] <= '9'
}

func ruleStationNumber(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	for k := range tagged {
		t := &tagged[k]
		if t.End < len(words) && isStation(words[t.End-1]) && isSmallNumber(words[t.End]) && (k+1 == len(tagged) || tagged[k+1].Start > t.End) {
			t.End++
			t.Type = tagger.ORG
		}
	}
	// an untagged "Radio 4"
	for i := 0; i+1 < len(words); i++ {
		if isStation(words[i]) && isSmallNumber(words[i+1]) && !covered(tagged, i) && !covered(tagged, i+1) && (i == 0 || !isUpperInitial(words[i-1])) {
			tagged = insertSpan(tagged, tagger.Span{Start: i, End: i + 2, Type: tagger.ORG})
		}
	}
	return tagged
}

// institutions are common nouns for institutions that British news capitalises
// when it means no named one ("taken to Hospital", "left Uni").
var institutions = map[string]bool{"Hospital": true, "Uni": true, "School": true, "Prison": true, "Jail": true, "Hospice": true, "Clinic": true}

func ruleCommonInstitution(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	return slices.DeleteFunc(c.tagged, func(t tagger.Span) bool {
		i := t.Start
		return t.End-i == 1 && c.is(i, fInstitution) && (i == 0 || !isUpperInitial(words[i-1])) &&
			(t.End == len(words) || !isUpperInitial(words[t.End])) && !inMatch(c.matches, i)
	})
}

func ruleNickname(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	return slices.DeleteFunc(c.tagged, func(t tagger.Span) bool {
		i := t.Start
		return t.End-i == 1 && i > 0 && (words[i-1] == "dubbed" || words[i-1] == "nicknamed") &&
			(t.End == len(words) || !isUpperInitial(words[t.End]))
	})
}

// currencies are currencies' plurals, which a number before them makes amounts.
var currencies = map[string]bool{
	"euros": true, "dollars": true, "pounds": true, "rupees": true, "pesos": true, "roubles": true, "rubles": true,
	"francs": true, "shekels": true, "dinars": true, "riyals": true, "dirhams": true, "kroner": true, "kronor": true,
}

// stageDirections are what transcripts note in brackets.
var stageDirections = map[string]bool{
	"Laughter": true, "Applause": true, "Cheers": true, "Cheering": true, "Inaudible": true, "Crosstalk": true, "Booing": true,
}

// planets are the planets' names ("Mercury", "Venus"), which astrology
// and astronomy columns name as if they were people.
var planets = map[string]bool{
	"Mercury": true, "Venus": true, "Mars": true, "Jupiter": true, "Saturn": true, "Uranus": true, "Neptune": true, "Pluto": true,
}

func rulePlanet(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	n, planet := 0, false
	for _, w := range words {
		if planets[w] {
			n++
		}
		planet = planet || w == "planet" || w == "planets"
	}
	if n < 2 && !(n == 1 && planet) {
		return c.tagged
	}
	for k := range c.tagged {
		if t := &c.tagged[k]; t.End-t.Start == 1 && planets[words[t.Start]] && (t.Type == tagger.PER || t.Type == tagger.LOC) {
			t.Type = tagger.MISC
		}
	}
	return c.tagged
}

func ruleCurrency(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	return slices.DeleteFunc(c.tagged, func(t tagger.Span) bool {
		i := t.Start
		return t.End-i == 1 && i > 0 && words[i-1][0] >= '0' && words[i-1][0] <= '9' && currencies[strings.ToLower(words[i])]
	})
}

func ruleStageDirection(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	return slices.DeleteFunc(c.tagged, func(t tagger.Span) bool {
		i := t.Start
		return t.End-i == 1 && i > 0 && words[i-1] == "(" && stageDirections[words[i]]
	})
}

// isPlaceLead reports whether w may come before a place's name ("living in kerala").
func isPlaceLead(w string) bool {
	switch w {
	case "in", "from", "to", "at", "near", "into":
		return true
	}
	return false
}

// lowerWords are places whose names, in lower case, are mostly common words ("nice", "turkey").
var lowerWords = map[string]bool{
	"nice": true, "acre": true, "gulf": true, "china": true, "turkey": true, "chad": true, "guinea": true,
	"jersey": true, "jordan": true, "victoria": true, "sale": true, "reading": true, "bath": true, "george": true,
}

// placeEndsAt reports whether a place's span ends right before word i.
func placeEndsAt(tagged []tagger.Span, i int) bool {
	for _, t := range tagged {
		if t.End == i && t.Type == tagger.LOC {
			return true
		}
	}
	return false
}

// upperASCII appends the ASCII word w in capitals to dst.
func upperASCII(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// isLowerWord reports whether w is an ASCII word of lower-case letters, three or more.
func isLowerWord(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func ruleLowerPlace(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	end := -1 // the end of the last place found
	for i := 1; i < len(words); i++ {
		w := words[i-1]
		lead := isPlaceLead(w) || (w == "and" || w == "or") && (end == i-1 || placeEndsAt(tagged, i-1))
		if !lead || !isLowerWord(words[i]) || lowerWords[words[i]] || covered(tagged, i) {
			continue
		}
		var buf [24]byte
		if len(words[i]) > len(buf) || !x.gaz.MayStartPlace(words[i]) || !x.gaz.StartsUpper(upperASCII(buf[:0], words[i])) {
			continue
		}
		var up [3]string
		n := 0
		for n < len(up) && i+n < len(words) && isLowerWord(words[i+n]) && !covered(tagged, i+n) {
			up[n] = strings.ToUpper(words[i+n])
			n++
		}
		e, k := x.gaz.Longest(up[:n], 0, true)
		if k == 0 || e.Kind != model.KindCountry && e.Kind != model.KindPlace {
			continue
		}
		tagged = insertSpan(tagged, tagger.Span{Start: i, End: i + k, Type: tagger.LOC})
		i += k
		end = i
	}
	return tagged
}

func ruleSeatMember(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.Type == tagger.ORG && t.End-t.Start == 1 && t.End < len(words) && names.PostNominal(words[t.End]) && words[t.End] != "QC" && words[t.End] != "KC" &&
			(t.End+1 == len(words) || !isUpperInitial(words[t.End+1])) && !inMatch(c.matches, t.Start) {
			t.Type = tagger.LOC
		}
	}
	return c.tagged
}

func ruleGivenNameJoin(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	out := c.tagged[:0]
	for k := 0; k < len(c.tagged); k++ {
		t := c.tagged[k]
		if t.Type != tagger.PER && t.End-t.Start == 1 && k+1 < len(c.tagged) && c.tagged[k+1].Start == t.End && c.tagged[k+1].Type == tagger.PER &&
			!givenWords[words[t.Start]] && names.Gender(words[t.Start]) != 0 && !inMatch(c.matches, t.Start) {
			t.End, t.Type = c.tagged[k+1].End, tagger.PER
			k++
		}
		// an untagged "Condoleezza" before "Harlow"
		if t.Type == tagger.PER && t.Start > 0 && !covered(c.tagged[:k], t.Start-1) && !givenWords[words[t.Start-1]] &&
			names.Gender(words[t.Start-1]) != 0 && !titleWord(words[t.Start-1]) && !inMatch(c.matches, t.Start-1) {
			t.Start--
		}
		out = append(out, t)
	}
	return out
}

// faiths are the followers of faiths and their adjectives, lower-cased.
var faiths = map[string]bool{
	"muslim": true, "muslims": true, "christian": true, "christians": true, "jew": true, "jews": true, "jewish": true,
	"hindu": true, "hindus": true, "sikh": true, "sikhs": true, "buddhist": true, "buddhists": true, "catholic": true,
	"catholics": true, "protestant": true, "protestants": true, "sunni": true, "sunnis": true, "shia": true, "shias": true,
	"shiite": true, "shiites": true, "islamist": true, "islamists": true, "evangelical": true, "evangelicals": true,
}

func ruleFaith(x *Extractor, c *ruleCtx) []tagger.Span {
	tagged := c.tagged
	for k := range tagged {
		if t := &tagged[k]; t.End-t.Start == 1 && c.inLowerAt(t.Start, fFaith, faiths) {
			t.Type = tagger.MISC
		}
	}
	if !c.has(fFaith) {
		return tagged
	}
	for i := range c.words {
		if c.flag(i)&fFaith != 0 && !covered(tagged, i) && (i+1 == len(c.words) || !isUpperInitial(c.words[i+1])) {
			tagged = insertSpan(tagged, tagger.Span{Start: i, End: i + 1, Type: tagger.MISC})
		}
	}
	return tagged
}

// Word flags: what the scanning rules look for in a capitalised word, found
// with one map look-up per word and sentence (ruleCtx.flag).
const (
	fOrgHead uint16 = 1 << iota
	fDocHead
	fBareBody
	fStorm
	fExam
	fFaith
	fHonorific
	fPlaceHead
	fOffice
	fInstitution
	fTitle
)

// wordFlags holds the flags of capitalised words as written; lowerFlags
// those of the lists matched in any case (exams, faiths, honorifics, the
// last with or without a stop), by the lower-cased word.
var wordFlags, lowerFlags = func() (map[string]uint16, map[string]uint16) {
	m, low := map[string]uint16{}, map[string]uint16{}
	for _, l := range []struct {
		words map[string]bool
		f     uint16
	}{{orgHeads, fOrgHead}, {docHeads, fDocHead}, {bareBodies, fBareBody}, {storms, fStorm},
		{placeHeads, fPlaceHead}, {officeWords, fOffice}, {institutions, fInstitution}} {
		for w := range l.words {
			m[w] |= l.f
		}
	}
	for w := range exams {
		low[w] |= fExam
	}
	for w := range faiths {
		low[w] |= fFaith
	}
	for _, h := range honorifics {
		low[h.word] |= fHonorific
		low[h.word+"."] |= fHonorific
	}
	for w := range titles {
		low[w] |= fTitle
	}
	return m, low
}()

// wordFlagTable and lowerFlagTable are wordFlags and lowerFlags for
// makeFlags, which looks up every capitalised word of every sentence.
var wordFlagTable, lowerFlagTable = lexicon.NewTable(wordFlags), lexicon.NewTable(lowerFlags)

// flag returns the word flags of word i of the sentence (0 for a word that
// does not open with a capital), computing the sentence's once.
func (c *ruleCtx) flag(i int) uint16 {
	if !c.flagged {
		c.makeFlags()
	}
	return c.flags[i]
}

// is reports whether word i of the sentence has flag f: for a list of
// capitalised words, as a look-up of the word in it answers
// (TestFlaggedListsCapitalised), from the flags made once per sentence.
func (c *ruleCtx) is(i int, f uint16) bool { return c.flag(i)&f != 0 }

// inLowerAt is inLower(m, word i) for a list m whose words are flagged f
// by their lower case (lowerFlags): a capitalised word, as most asked
// about are, is answered from the sentence's flags.
func (c *ruleCtx) inLowerAt(i int, f uint16, m map[string]bool) bool {
	if w := c.words[i]; !capital(w) {
		return inLower(m, w)
	}
	return c.is(i, f)
}

// has reports whether a word of the sentence has flag f: most sentences
// have none of a rule's words, and the rule need not look for them.
func (c *ruleCtx) has(f uint16) bool {
	if !c.flagged {
		c.makeFlags()
	}
	return c.all&f != 0
}

func (c *ruleCtx) makeFlags() {
	c.flagged = true
	c.flags = slices.Grow(c.flags[:0], len(c.words))[:len(c.words)]
	c.all = 0
	var buf [32]byte
	for k, w := range c.words {
		if !capital(w) {
			c.flags[k] = 0
			continue
		}
		f := wordFlagTable.At(w)
		if l, ascii := lowerASCII(buf[:0], w); ascii {
			f |= lowerFlagTable.At(string(l))
		} else {
			f |= lowerFlagTable.At(strings.ToLower(w))
		}
		c.flags[k] = f
		c.all |= f
	}
}

func rulePossessiveTitle(x *Extractor, c *ruleCtx) []tagger.Span {
	words := c.words
	for k := range c.tagged {
		t := &c.tagged[k]
		y := t.End + 1
		if t.Type != tagger.PER || t.End-t.Start != 1 || y >= len(words) || (words[t.End] != "'s" && words[t.End] != "’s") ||
			names.Gender(words[t.Start]) != 0 || !isUpperInitial(words[y]) || isCapsWord(words[y]) || notNames[words[y]] ||
			covered(c.tagged, y) || inMatch(c.matches, y) || inMatch(c.matches, t.Start) || y+1 < len(words) && isUpperInitial(words[y+1]) {
			continue
		}
		t.End, t.Type = y+1, tagger.MISC
	}
	return c.tagged
}
