package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/tagger"
	"briefs/model"
)

// The rules in this file mend what the tagger, trained on 1996 wire copy,
// gets wrong in the briefs people read: datelines, the heads of place and
// organisation names, nationality words that open an organisation's name,
// capitalised common words that open a sentence, and lone surnames that do.
// Each works from the shape of the text, never from a list of names.

// orgHeads end the names of bodies and buildings: a capitalised one right after a
// name is part of it ("Vienna International" + "Centre").
var orgHeads = map[string]bool{
	"Centre": true, "Center": true, "Council": true, "Committee": true, "Commission": true, "Agency": true,
	"Authority": true, "Organisation": true, "Organization": true, "Institute": true, "Foundation": true,
	"Fund": true, "Bank": true, "Party": true, "Ministry": true, "Office": true, "Court": true, "Tribunal": true,
	"Assembly": true, "Parliament": true, "Programme": true, "Program": true, "Union": true, "Alliance": true,
	"Movement": true, "Forces": true, "Corporation": true, "Association": true, "Federation": true,
	"Secretariat": true, "Mission": true, "Service": true, "Department": true, "Board": true, "University": true,
	"Palace": true, "Conference": true, "Forum": true, "Community": true, "Coalition": true, "Network": true,
	"Caucus": true, "Chamber": true, "Chambers": true, "Confederation": true, "Society": true, "Trust": true,
}

// placeHeads end the names of seas, straits, shoals and islands: a name that
// ends in one is a place ("Second Thomas Shoal"), whatever the tagger said.
var placeHeads = map[string]bool{
	"Sea": true, "Ocean": true, "Shoal": true, "Shoals": true, "Strait": true, "Straits": true, "Gulf": true,
	"Reef": true, "Island": true, "Islands": true, "Peninsula": true, "Archipelago": true, "Atoll": true,
	"Channel": true, "Canal": true,
}

// directions qualify a region ("Central Europe", "Eastern Mediterranean").
var directions = map[string]bool{
	"North": true, "South": true, "East": true, "West": true, "Northern": true, "Southern": true,
	"Eastern": true, "Western": true, "Central": true, "Upper": true, "Lower": true,
	"North-East": true, "North-West": true, "South-East": true, "South-West": true,
	"Northeast": true, "Northwest": true, "Southeast": true, "Southwest": true,
}

// speechVerbs follow a speaker's name ("Okafor said").
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "asked": true, "argued": true,
	"insisted": true, "replied": true, "warned": true, "wrote": true, "noted": true, "stressed": true,
}

// stateBodies are organs of a state: a nationality before one says whose
// ("the German Foreign Ministry"), so the two stay apart.
var stateBodies = map[string]bool{
	"Ministry": true, "Office": true, "Parliament": true, "Assembly": true, "Department": true, "Service": true,
	"Mission": true, "Forces": true, "Court": true,
}

// locatives are prepositions before a place ("out of Ust-Luga").
var locatives = map[string]bool{"in": true, "at": true, "of": true, "from": true, "to": true, "near": true, "via": true, "into": true}

// nounEnds may follow a noun phrase but not an adjective ("the Baltic," but
// "the Baltic states").
var nounEnds = map[string]bool{
	".": true, ",": true, ";": true, ":": true, ")": true, "and": true, "or": true, "in": true, "to": true,
	"from": true, "at": true, "on": true, "by": true, "with": true, "for": true, "is": true, "was": true,
}

// gradeNouns follow a commodity's grade or benchmark, which names no body ("Brent crude").
var gradeNouns = map[string]bool{"crude": true, "blend": true}

// datelineEnd returns the number of tokens of a dateline opening a
// paragraph: one or more words in capitals ("ADDIS ABABA", "ST. LOUIS")
// before a dash or a comma. It returns 0 when there is none.
func datelineEnd(words []string) int {
	k := 0
	for k < len(words) && k < 5 && isCapsWord(words[k]) {
		k++
	}
	if k == 0 || k >= len(words) {
		return 0
	}
	switch words[k] {
	case "—", "–", "-", "--", ",":
		return k
	}
	return 0
}

// isDateline reports whether the capitals before words[k] are a dateline
// and not a section label ("NOTE -", "PRESS DIGEST -"): the gazetteer knows
// them as a place, or the tagger saw a name in them and a sentence follows.
func (x *Extractor) isDateline(words []string, k int, tagged []tagger.Span) bool {
	if e, ok := x.gaz.Resolve(strings.Join(words[:k], " ")); ok {
		return e.Kind == model.KindPlace || e.Kind == model.KindCountry
	}
	if len(words)-k < 6 {
		return false
	}
	for _, t := range tagged {
		if t.Start < k {
			return true
		}
	}
	return false
}

// isCapsWord reports whether w is a word written in capitals, at least two
// letters long ("ABABA", "ST.", "PORT-AU-PRINCE").
func isCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters >= 2
}

// sentenceStart returns the index of the first word of a sentence after
// opening quotes and brackets.
func sentenceStart(words []string) int {
	i := 0
	for i < len(words) {
		switch words[i] {
		case `"`, "“", "‘", "'", "(", "[", "``", "`", "—", "–", "-":
			i++
			continue
		}
		break
	}
	return i
}

// capitalisedRun reports whether words[i:j] are all capitalised words that
// may be part of a name (none when i == j).
func capitalisedRun(words []string, i, j int) bool {
	for k := i; k < j; k++ {
		if !isUpperInitial(words[k]) || notNames[words[k]] {
			return false
		}
	}
	return true
}

// isCountryMatch reports whether tokens [i, j) are exactly a country the gazetteer found.
func isCountryMatch(matches []gazetteer.Match, i, j int) bool {
	for _, m := range matches {
		if m.Start == i && m.End == j && m.Entry.Kind == model.KindCountry {
			return true
		}
	}
	return false
}

// hasOrgHead reports whether a body's head noun is among words
// ("University of the Highlands and Islands" is no place).
// orgHeadOf reports a body's name by its head: the last word ("Refugee
// Council") or one before "of" ("Chambers of Commerce"), not a state's
// own organ ("Foreign Ministry").
func orgHeadOf(words []string) bool {
	n := len(words)
	if orgHeads[words[n-1]] {
		return !stateBodies[words[n-1]]
	}
	for k := 0; k+1 < n; k++ {
		if orgHeads[words[k]] && words[k+1] == "of" {
			return !stateBodies[words[k]]
		}
	}
	return false
}

func hasOrgHead(words []string) bool {
	for _, w := range words {
		if orgHeads[w] {
			return true
		}
	}
	return false
}

// inPlaceMatch reports whether a gazetteer country or place starts at token i.
func inPlaceMatch(matches []gazetteer.Match, i int) bool {
	for _, m := range matches {
		if m.Start == i && (m.Entry.Kind == model.KindCountry || m.Entry.Kind == model.KindPlace) {
			return true
		}
	}
	return false
}

// endsUpper reports whether w's last rune is a capital letter.
func endsUpper(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsUpper(r)
}

// inMatch reports whether token i lies in a gazetteer match.
func inMatch(matches []gazetteer.Match, i int) bool {
	for _, m := range matches {
		if m.Start <= i && i < m.End {
			return true
		}
	}
	return false
}

// isNationality reports whether words are a nationality the gazetteer knows ("Norwegian").
func (x *Extractor) isNationality(words []string) bool {
	e, n := x.gaz.Longest(words, 0, false)
	return n == len(words) && e.Kind == model.KindNationality
}

// commonModifier reports whether w is, by its word cluster, one of the
// determiners and common adjectives ("small", "new", "several") that open
// sentences in capitals.
func (x *Extractor) commonModifier(w string) bool {
	if x.tag == nil || !x.modifierOK {
		return false
	}
	c, ok := x.tag.Cluster(w)
	return ok && c == x.modifierCluster
}
