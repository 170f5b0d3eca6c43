package entities

import (
	"slices"
	"strings"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/tagger"
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
		Example: "Hurricane Odalys flooded the coast of Florida on Sunday.", Want: "Hurricane Odalys=other",
		apply: ruleStorm},
	{Name: "law-treaty-award", Doc: "a name ending in Act, Treaty, Medal, Prize and the like, or before 'treaty', is other",
		Example: "MPs debated the Coastal Access Act and the Harwell Treaty on Monday.", Want: "Coastal Access Act=other",
		apply: ruleDocument},
	{Name: "exam", Doc: "school examinations (A-levels, GCSE) are other",
		Example: "Pupils sitting GCSE papers and A-levels got results on Thursday.", Want: "GCSE=other",
		apply: ruleExam},
	{Name: "plural-acronym", Doc: "a plural acronym (\"SMEs\", \"NGOs\") is a common noun, no name",
		Example: "Loans to SMEs rose by a fifth, the bank said.", Want: "",
		apply: rulePluralAcronym},
	{Name: "office-remit", Doc: "a remit before Secretary or Minister is part of an office's title, no body (\"Transport Secretary\")",
		Example: "Trade and Industry Secretary Olwen Pryce met Transport Secretary Dafydd Rees.", Want: "Olwen Pryce=person; Dafydd Rees=person",
		apply: ruleOfficeRemit},
	{Name: "town-office", Doc: "a capitalised word before 'mayor' and a person is a town",
		Example: "Kettleby mayor Ruth Anstey opened the bridge.", Want: "Kettleby=place; Ruth Anstey=person",
		apply: ruleTownOffice},
	{Name: "body-run", Doc: "an untagged capitalised run ending in a body's head noun is that body (\"the Low Pay Commission\")",
		Example: "The report of the Low [Pay Commission]ORG was published on Monday.", Want: "Low Pay Commission=ORG",
		apply: ruleBodyRun},
	{Name: "bare-body", Doc: "a bare 'Parliament', 'Congress' or 'Commission' names a body (linked to the one the article names)",
		Example: "The bill now goes to Parliament, where it may stall.", Want: "Parliament=organization",
		apply: ruleBareBody},
	{Name: "world-person", Doc: "a name the world data knows as a person (legislators, heads of state) is a person",
		Example: "Talks with [Nancy Pelosi]ORG ended.", Want: "Nancy Pelosi=PER",
		apply: ruleWorldPerson},
	{Name: "given-name-person", Doc: "a known given name before a capitalised surname is a person, not a body or place",
		Example: "The visit of Condoleezza Harlow ended.", Want: "Condoleezza Harlow=person",
		apply: ruleGivenNamePerson},
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
		if i > 0 && storms[words[i-1]] && (k == 0 || tagged[k-1].End < i) {
			i--
		}
		if i > 0 && words[i-1] == "Tropical" && (k == 0 || tagged[k-1].End < i-1) {
			i--
		}
		if storms[words[i]] && i+1 < t.End || i < t.Start {
			t.Start, t.Type = i, tagger.MISC
		}
	}
	// an untagged "Hurricane Odalys"
	for i := 0; i+1 < len(words); i++ {
		if (words[i] == "Hurricane" || words[i] == "Typhoon" || words[i] == "Cyclone") && isUpperInitial(words[i+1]) && !covered(tagged, i) && !covered(tagged, i+1) {
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
		// "Freedom of Information" + "Act" left out
		if t.End < len(words) && docHeads[words[t.End]] && (k+1 == len(tagged) || tagged[k+1].Start > t.End) && !isCountryMatch(c.matches, t.Start, t.End) {
			t.End++
		}
		// "Act of" + "Parliament"
		if t.Start >= 2 && words[t.Start-1] == "of" && docHeads[words[t.Start-2]] && (k == 0 || tagged[k-1].End < t.Start-2) {
			t.Start -= 2
			t.Type = tagger.MISC
			continue
		}
		if docHeads[words[t.End-1]] && t.End-t.Start >= 2 || t.End < len(words) && docNouns[words[t.End]] && t.Type != tagger.PER && !isCountryMatch(c.matches, t.Start, t.End) {
			t.Type = tagger.MISC
		}
	}
	return tagged
}

func ruleExam(x *Extractor, c *ruleCtx) []tagger.Span {
	tagged := c.tagged
	for k := range tagged {
		if t := &tagged[k]; t.End-t.Start == 1 && exams[strings.ToLower(c.words[t.Start])] {
			t.Type = tagger.MISC
		}
	}
	for i, w := range c.words {
		if exams[strings.ToLower(w)] && isUpperInitial(w) && !covered(tagged, i) {
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
		if t.End >= len(words) || !officeWords[words[t.End]] || t.Type == tagger.PER || t.Type == tagger.LOC {
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

func ruleBodyRun(x *Extractor, c *ruleCtx) []tagger.Span {
	words, tagged := c.words, c.tagged
	// "the Low" + "Pay Commission": the capitals before a body's tagged name
	for k := range tagged {
		t := &tagged[k]
		if t.Type != tagger.ORG || !orgHeads[words[t.End-1]] {
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
	for j := 1; j < len(words); j++ {
		if !orgHeads[words[j]] || covered(tagged, j) || covered(tagged, j-1) {
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
	for i, w := range c.words {
		if bareBodies[w] && !covered(tagged, i) && !c.s.upper && (i+1 == len(c.words) || !isUpperInitial(c.words[i+1])) {
			tagged = insertSpan(tagged, tagger.Span{Start: i, End: i + 1, Type: tagger.ORG})
		}
	}
	return tagged
}

func ruleWorldPerson(x *Extractor, c *ruleCtx) []tagger.Span {
	for k := range c.tagged {
		t := &c.tagged[k]
		if t.Type != tagger.PER && t.End-t.Start >= 2 && gazetteer.KnownPerson(strings.Join(c.words[t.Start:t.End], " ")) {
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
		if hasOrgHead(ws) || placeHeads[ws[n-1]] || !capitalisedRun(words, t.Start, t.End) || isCapsWord(ws[n-1]) {
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
