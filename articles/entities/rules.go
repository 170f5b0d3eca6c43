package entities

import (
	"slices"
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

// shapeRules mends the tagger's spans of one sentence (see the top of this file).
func (x *Extractor) shapeRules(s *sentence, tagged []tagger.Span, matches []gazetteer.Match) []tagger.Span {
	words := s.words
	if s.paraStart && !s.upper {
		if k := datelineEnd(words); k > 0 && x.isDateline(words, k, tagged) {
			// "ADDIS ABABA — ...": the place the brief was filed from.
			out := []tagger.Span{{Start: 0, End: k, Type: tagger.LOC}}
			for _, t := range tagged {
				if t.Start >= k {
					out = append(out, t)
				}
			}
			tagged = out
		}
	}
	// In place: the spans kept are never ahead of the ones being read.
	out := tagged[:0]
	for k := 0; k < len(tagged); k++ {
		t := tagged[k]
		// A capitalised head noun the tagger left out: "Vienna International" + "Centre".
		// Not after a country alone: "US Court" is the country's court, not a name.
		if t.End < len(words) && orgHeads[words[t.End]] && (k+1 == len(tagged) || tagged[k+1].Start > t.End) &&
			!isCountryMatch(matches, t.Start, t.End) {
			t.End++
			if t.Type != tagger.LOC {
				t.Type = tagger.ORG
			}
		}
		// "Intergovernmental Authority" + "on Development", "Chambers" + "of
		// Commerce": a body's remit.
		if orgHeads[words[t.End-1]] && t.End+1 < len(words) && (words[t.End] == "on" || words[t.End] == "for" || words[t.End] == "of") {
			j := t.End + 1
			for j < len(words) && isUpperInitial(words[j]) && !notNames[words[j]] && !isCapsWord(words[j]) {
				j++
			}
			// Tagged spans inside the remit join it; one reaching past it stops the rule.
			n := k + 1
			for n < len(tagged) && tagged[n].Start < j {
				n++
			}
			// "the Council on Haiti" is the Council, speaking of a place.
			if j > t.End+1 && (n == k+1 || tagged[n-1].End <= j) && !inPlaceMatch(matches, t.End+1) {
				t.End = j
				t.Type = tagger.ORG
				k = n - 1
			}
		}
		// A nationality before a body's name is part of it: "Norwegian" + "Refugee Council",
		// "Danish" + "Housing" (untagged) + "Council".
		if n := len(out); n > 0 && out[n-1].Type == tagger.MISC && capitalisedRun(words, out[n-1].End, t.Start) &&
			t.Type == tagger.ORG && t.End-out[n-1].End >= 2 && orgHeadOf(words[out[n-1].End:t.End]) &&
			x.isNationality(words[out[n-1].Start:out[n-1].End]) {
			out[n-1].End = t.End
			out[n-1].Type = tagger.ORG
			continue
		}
		// "East African Community": a longer name read as a MISC that ends in a body's head noun names the body.
		if t.Type == tagger.MISC && t.End-t.Start >= 2 && orgHeads[words[t.End-1]] {
			t.Type = tagger.ORG
		}
		// Seas, straits, shoals: "Second" + "Thomas Shoal" is one place.
		// A head alone is a place only as "the Gulf", "the Channel" (not "Channel 4").
		if placeHeads[words[t.End-1]] && !hasOrgHead(words[t.Start:t.End]) &&
			(t.End-t.Start >= 2 || t.Type != tagger.PER && t.Start > 0 && words[t.Start-1] == "the") {
			t.Type = tagger.LOC
			for t.Start > sentenceStart(words)+1 && isUpperInitial(words[t.Start-1]) && !notNames[words[t.Start-1]] &&
				(len(out) == 0 || out[len(out)-1].End < t.Start) {
				t.Start-- // "Second" + "Thomas Shoal", untagged
			}
			if n := len(out); n > 0 && out[n-1].End == t.Start {
				out[n-1].End = t.End
				out[n-1].Type = tagger.LOC
				continue
			}
		}
		// A direction before a known place is a region: "Central Europe".
		if t.End-t.Start >= 2 && directions[words[t.Start]] {
			if e, n := x.gaz.Longest(words, t.Start+1, s.upper); n == t.End-t.Start-1 && (e.Kind == model.KindPlace || e.Kind == model.KindCountry) {
				t.Type = tagger.LOC
			}
		}
		// "Ust-Luga and Primorsk": a lone word read as a body, coordinated with a
		// lone place, is a place too, unless a body's head noun or capitals say otherwise.
		if t.Type == tagger.ORG && t.End-t.Start == 1 && k+1 < len(tagged) && t.End+1 < len(words) &&
			(words[t.End] == "and" || words[t.End] == "or") && tagged[k+1].Start == t.End+1 && t.Start > 0 && locatives[words[t.Start-1]] &&
			(t.Start < 2 || !isUpperInitial(words[t.Start-2])) && // "House of Fraser and ..." is a name's tail
			tagged[k+1].Type == tagger.LOC && tagged[k+1].End-tagged[k+1].Start == 1 &&
			!orgHeads[words[t.Start]] && !isCapsWord(words[t.Start]) && !inMatch(matches, t.Start) {
			t.Type = tagger.LOC
		}
		// A lone word in capitals read as a place that no gazetteer knows is an acronym: "MONUSCO".
		if t.Type == tagger.LOC && t.End-t.Start == 1 && !s.upper && (t.Start > 0 || !s.paraStart || datelineEnd(words) == 0) {
			if w := words[t.Start]; utf8.RuneCountInString(w) >= 4 && isCapsWord(w) && !strings.ContainsAny(w, ".-") {
				if _, ok := x.gaz.Resolve(w); !ok {
					t.Type = tagger.ORG
				}
			}
		}
		// "in the Baltic.": a known place read as an adjective, used as a noun.
		if t.Type == tagger.MISC && t.Start > 0 && words[t.Start-1] == "the" && (t.End == len(words) || nounEnds[words[t.End]]) {
			if e, n := x.gaz.Longest(words, t.Start, s.upper); n == t.End-t.Start && e.Kind == model.KindPlace {
				t.Type = tagger.LOC
			}
		}
		// "Brent crude": a grade of oil names no body.
		if t.End < len(words) && gradeNouns[words[t.End]] && t.Type == tagger.ORG && !isCountryMatch(matches, t.Start, t.End) {
			t.Type = tagger.MISC
		}
		// "Small countries ...": a common modifier opening a sentence is no name.
		if t.End-t.Start == 1 && t.Start == sentenceStart(words) && t.Type == tagger.MISC && x.commonModifier(words[t.Start]) {
			if !inMatch(matches, t.Start) {
				continue
			}
		}
		out = append(out, t)
	}
	// "Okafor said ...": a lone capitalised word the clusters never saw, opening a sentence before a speech verb.
	if i := sentenceStart(words); !s.upper && i+1 < len(words) && speechVerbs[words[i+1]] && (len(out) == 0 || out[0].Start > i) {
		// A word ending in a capital ("DrKW") is an acronym, not a surname.
		if w := words[i]; isUpperInitial(w) && !isCapsWord(w) && !endsUpper(w) && !notNames[w] && !titleWord(w) && !inMatch(matches, i) && x.tag != nil {
			if _, known := x.tag.Cluster(w); !known {
				out = slices.Insert(out, 0, tagger.Span{Start: i, End: i + 1, Type: tagger.PER})
			}
		}
	}
	return out
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
