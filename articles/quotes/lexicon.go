package quotes

import (
	"strings"

	"briefs/articles/lexicon"
)

// cueForm says what a cue word is: the verb it is a form of and whether it is
// a participle ("telling", "adding") whose speaker is its clause's subject.
type cueForm struct {
	lemma      string
	participle bool
}

// cues maps every form of every speech verb to its cueForm.
var cues = buildCues()

// speech verbs with regular forms (see verbForms); the word lists of this
// package that a linguist edits live in articles/lexicon.
var regularCueVerbs = lexicon.Words(lexicon.SpeechVerbs)

// irregular forms, each with its lemma.
var irregularCues = map[string]string{
	"said": "say", "says": "say", "say": "say", "saying": "say",
	"told": "tell", "tells": "tell", "tell": "tell", "telling": "tell",
	"wrote": "write", "writes": "write", "write": "write", "writing": "write",
}

// forms of the verbs above that are mostly nouns or other senses in news text.
var notCues = lexSet(lexicon.SpeechVerbNouns)

// pronounCues are the forms notCues leaves out, taken as the verb right
// after "he" or "she" (subjectPronouns): "she yells", "he posts". Taken
// after "they", "we", "I" and "it" too, they cost two PolNeAR train
// speakers ("they tweet", "it states") and gained none.
var pronounCues = func() map[string]cueForm {
	m := map[string]cueForm{}
	for _, v := range regularCueVerbs {
		for _, f := range verbForms(v) {
			if notCues[f] && !strings.HasSuffix(f, "ing") {
				m[f] = cueForm{lemma: v}
			}
		}
	}
	return m
}()

// subjectPronouns stand before their verb.
var subjectPronouns = toSet("he she")

func buildCues() map[string]cueForm {
	m := map[string]cueForm{}
	for _, v := range regularCueVerbs {
		for _, f := range verbForms(v) {
			if !notCues[f] {
				m[f] = cueForm{lemma: v, participle: strings.HasSuffix(f, "ing")}
			}
		}
	}
	for f, l := range irregularCues {
		m[f] = cueForm{lemma: l, participle: strings.HasSuffix(f, "ing")}
	}
	return m
}

// verbForms gives the base, -s, -ed and -ing forms of a regular verb.
func verbForms(v string) []string {
	stem := v
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "y") && !strings.HasSuffix(v, "ay") && !strings.HasSuffix(v, "ey"):
		stem = v[:len(v)-1]
		s, ed, ing = stem+"ies", stem+"ied", v+"ing"
	case strings.HasSuffix(v, "e"):
		s, ed, ing = v+"s", v+"d", v[:len(v)-1]+"ing"
	case strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "ss") || strings.HasSuffix(v, "x"):
		s, ed, ing = v+"es", v+"ed", v+"ing"
	case v == "admit" || v == "quip" || v == "dub":
		s, ed, ing = v+"s", v+v[len(v)-1:]+"ed", v+v[len(v)-1:]+"ing"
	default:
		s, ed, ing = v+"s", v+"ed", v+"ing"
	}
	return []string{v, s, ed, ing}
}

// adverbs and auxiliaries that may stand between a speaker and the cue ("Lavrov however said").
var betweenSubjectAndCue = toSet(`however also later then previously earlier recently reportedly repeatedly publicly privately
once again further has had have would will could should may might did does do not never already still just even often
always quickly simply flatly bluntly angrily firmly clearly openly candidly sharply bitterly immediately subsequently
separately likewise too therefore thus meanwhile indeed instead nonetheless nevertheless specifically explicitly
has been had been was is are were be didn't doesn't don't wouldn't won't hasn't haven't hadn't can't couldn't
isn't wasn't aren't weren't now either neither only`)

// beForms before a cue make it passive ("was told"): the subject is not the speaker.
var beForms = toSet("was were is are be been being")

// npStop ends a noun phrase walk: function words and common verbs.
var npStop = union(toSet(`that which who whom whose when where while as after before because if but and or nor so yet
to in on at for from with by about than into onto over under against during without within through across since until
upon amid among between via per like unlike despite is was are were be been being has have had do does did will would
can could shall should may might must not it this these those there here what how why
yesterday today tonight tomorrow meanwhile however also then later earlier but and although though whereas unless`), dayWords)

// dayWords name a day or a month (not "may", which is mostly the verb).
var dayWords = toSet(`monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december`)

// determiners end a noun phrase walking backwards and are kept in it.
var determiners = toSet("the a an his her their its our my your one another some several many two three four five these those each every both either neither any no")

// pronouns that can stand for a speaker.
var speakerPronouns = toSet("he she they we i it who you")

// titles before a name: not part of it.
var titleWords = withWords(lexSet(lexicon.TitleWords), "capt. col. del. dr. gen. gov. lt. mr. mrs. ms. prof. rep. rev. sen. sgt. u.n. u.s.")

// roleNouns are heads of descriptions that stand for a named person ("the minister").
var roleNouns = lexSet(lexicon.RoleNouns)

// union makes one set of the words of several, so that one lookup answers
// for all of them (keysOf makes a set of a map's keys).
func union(sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, set := range sets {
		for w, ok := range set {
			if ok {
				m[w] = true
			}
		}
	}
	return m
}

// keysOf returns the set of m's keys.
func keysOf[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// lexSet makes a set of a lexicon list.
func lexSet(l lexicon.List) map[string]bool {
	ws := lexicon.Words(l)
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// withWords adds words (space-separated) to the set m and returns it: the
// forms with a full stop that a lexicon list, stripped of it, cannot hold.
func withWords(m map[string]bool, words string) map[string]bool {
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
