// Package lexicon holds the word lists that more than one part of briefs
// reads: honorifics, titles, post-nominal letters, family-name particles and
// abbreviations, and the quote extractor's speech verbs and description nouns. Each list is an embedded text file (one lower-case word a
// line, # for comments), so that a word is added in one place for everyone.
//
//	lexicon.Has(lexicon.Honorifics, "Mr")   // true: any case, one final stop allowed ("Mr.")
//	lexicon.Words(lexicon.Titles)           // the list, in file order
package lexicon

import (
	"embed"
	"fmt"
	"hash/crc64"
	"strings"
	"unicode/utf8"
)

// List names one word list.
type List uint8

// The lists. Honorifics, Titles and PostNominals are disjoint; Particles
// share no word with Honorifics or PostNominals.
const (
	Honorifics    List = iota // styles before a name: mr, mrs, sir, dame
	Titles                    // offices and ranks before a name: president, minister, gen
	PostNominals              // letters after a name: qc, mp, mep
	Particles                 // family-name particles: al, bin, von, de
	Abbreviations             // words that keep their full stop: mr, corp, u.s (without the final stop)
	// The quote lists (articles/quotes).
	SpeechVerbs       // speech verbs with regular forms, base form: warn (warns, warned, warning)
	SpeechVerbNouns   // forms of speech verbs that are mostly nouns or other senses: claims, report
	AfterQuoteVerbs   // speech only right after a quotation: snapped, quipped
	ClauseFinalVerbs  // speech when they end their clause before a quotation: agreed, elaborated
	RoleNouns         // description heads that stand for a named person: minister, spokesman
	PersonNouns       // other description heads of one person: aide, lawyer, analyst
	DocumentNouns     // things that carry words: statement, letter, report
	SpeechNouns       // said things a possessive names the sayer of: claim, remarks, warning
	GroupHeads        // nouns that after a name make it a group or another person: campaign, aides
	TitleWords        // words of a title before a name, not part of it: president, foreign
	PrincipalRoles    // descriptions that most likely stand for the article's main person: nominee
	DescriptionHeads  // heads of a description in commas before a name: envoy, official
	OrgWords          // words that make a capitalised run an organisation: party, ministry
	FemaleRoles       // words that tell a woman: widow, wife
	MaleRoles         // words that tell a man: widower, husband
	WorkNouns         // kinds of work named right before a title: podcast, memoir
	WorkNounsAfter    // kinds of work or event named right after a title: show, series
	NamedThings       // heads that end the title-case name of an event, law or scheme: summit, act
	ChantNouns        // what a crowd shouts, before of: chants, cries
	SloganNouns       // nouns before of and a slogan in title case: motto, message
	MediaWords        // words between a title and the kind of work: radio, tv
	ReportNouns       // heads of phrases that carry someone's words: transcript, footage
	CommonVerbs       // past tenses that end a noun phrase: went, met
	TimeNouns         // nouns that name a stretch of time: week, year
	PassiveNaming     // participles that, passive, name a thing by an agent's words: described, dubbed
	ReportingPassives // passives that report what someone is said to have done: alleged
	numLists
)

var files = [numLists]string{"honorifics.txt", "titles.txt", "postnominals.txt", "particles.txt", "abbreviations.txt",
	"speechverbs.txt", "speechverbnouns.txt", "afterquoteverbs.txt", "clausefinalverbs.txt", "rolenouns.txt", "personnouns.txt",
	"documentnouns.txt", "speechnouns.txt", "groupheads.txt",
	"titlewords.txt", "principalroles.txt", "descriptionheads.txt", "orgwords.txt", "femaleroles.txt", "maleroles.txt", "worknouns.txt", "worknounsafter.txt", "namedthings.txt", "chantnouns.txt", "slogannouns.txt", "mediawords.txt", "reportnouns.txt", "commonverbs.txt", "timenouns.txt", "passivenaming.txt", "reportingpassives.txt"}

// String returns the list's file name without ".txt".
func (l List) String() string {
	if l >= numLists {
		return fmt.Sprintf("List(%d)", uint8(l))
	}
	return strings.TrimSuffix(files[l], ".txt")
}

//go:embed *.txt
var data embed.FS

var (
	words [numLists][]string
	sets  [numLists]map[string]struct{}
	// longest word of any list: longer words are never looked up
	maxLen int
)

func init() {
	for l := range numLists {
		b, err := data.ReadFile(files[l])
		if err != nil {
			panic(err) // embedded: cannot happen
		}
		sets[l] = map[string]struct{}{}
		for _, line := range strings.Split(string(b), "\n") {
			w := strings.TrimSpace(line)
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			if _, dup := sets[l][w]; !dup {
				words[l] = append(words[l], w)
				sets[l][w] = struct{}{}
				maxLen = max(maxLen, len(w))
			}
		}
	}
}

// Words returns the words of list l, lower case, in file order. The slice is
// shared: do not change it.
func Words(l List) []string {
	if l >= numLists {
		return nil
	}
	return words[l]
}

// Has reports whether word is in list l, in any case and with or without one
// final full stop ("Mr", "MR", "mr." are all honorifics). It allocates
// nothing for ASCII words.
func Has(l List, word string) bool {
	if l >= numLists {
		return false
	}
	word = strings.TrimSuffix(word, ".")
	if len(word) == 0 || len(word) > maxLen+8 {
		return false
	}
	var buf [64]byte
	if len(word) > len(buf) {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			_, ok := sets[l][strings.ToLower(word)]
			return ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := sets[l][string(buf[:len(word)])]
	return ok
}

// DataDigest is a checksum of every embedded list: edited lists give a new
// digest, so a cache of what was extracted with them can tell.
func DataDigest() uint64 {
	t := crc64.MakeTable(crc64.ECMA)
	var sum uint64
	for _, f := range files {
		b, _ := data.ReadFile(f) // embedded: read at init already
		sum = crc64.Update(sum, t, []byte(f))
		sum = crc64.Update(sum, t, b)
	}
	return sum
}
