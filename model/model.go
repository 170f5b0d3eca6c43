// Package model is the vocabulary of briefs: articles, the entities named in
// them and the quotations they carry. It depends on the standard library only.
//
// Offsets (Mention.Start/End, Quote.Start/End) are byte offsets into the
// article's Title or Body (as Field says), UTF-8, half-open: Body[Start:End]
// equals Text. Body paragraphs are separated by exactly one blank line ("\n\n").
package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Field names the part of an article an offset points into.
type Field string

// The fields an offset can point into.
const (
	FieldTitle Field = "title"
	FieldBody  Field = "body"
)

// ParagraphSep separates paragraphs inside Article.Body.
const ParagraphSep = "\n\n"

// Article is one brief: where it came from, its cleaned text and what was found in it.
type Article struct {
	ID        string    // stable: same source content, same id (see ArticleID)
	Source    string    // the path or URL it came from
	Title     string    // one line, cleaned
	Published time.Time // zero when unknown
	URL       string
	Author    string
	Outlet    string // the publication, when the source says
	Body      string // cleaned paragraphs joined by ParagraphSep
	// Links are the absolute http(s) links of the brief's source, in
	// order, each once: its HTML's <a href> (the article's, not the page
	// furniture's) and its feed item's links. Not in the JSON contract.
	Links []string

	Entities []Entity
	Quotes   []Quote
}

// Paragraphs returns the body split into its paragraphs.
func (a *Article) Paragraphs() []string {
	if a.Body == "" {
		return nil
	}
	return strings.Split(a.Body, ParagraphSep)
}

// Text returns the title or the body, as f says.
func (a *Article) Text(f Field) string {
	if f == FieldTitle {
		return a.Title
	}
	return a.Body
}

// EntityByID returns the article's entity with that id, or nil.
func (a *Article) EntityByID(id string) *Entity {
	for i := range a.Entities {
		if a.Entities[i].ID == id {
			return &a.Entities[i]
		}
	}
	return nil
}

// ArticleID derives a stable article id from the cleaned title and body:
// the same content gives the same id on every run and machine.
func ArticleID(title, body string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(body))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// EntityKind is what sort of thing an entity is.
type EntityKind string

// The kinds of entity, as the extract contract names them.
const (
	KindPerson       EntityKind = "person"
	KindCountry      EntityKind = "country"
	KindPlace        EntityKind = "place"        // city, region, capital: any non-country location
	KindOrganization EntityKind = "organization" // governments as bodies, ministries, parties, companies, the Kremlin
	KindNationality  EntityKind = "nationality"  // Russian, Syrian: linked to its country where one exists
	KindOther        EntityKind = "other"        // events, laws, treaties, works
)

// Kinds lists every kind in display order.
var Kinds = []EntityKind{KindPerson, KindCountry, KindPlace, KindOrganization, KindNationality, KindOther}

// Heading is the kind's name over a group of its entities: "People",
// "Countries", "Organisations" (the reader and the digest use the same).
func (k EntityKind) Heading() string {
	switch k {
	case KindPerson:
		return "People"
	case KindCountry:
		return "Countries"
	case KindPlace:
		return "Places"
	case KindOrganization:
		return "Organisations"
	case KindNationality:
		return "Nationalities"
	}
	return "Other"
}

// Mention is one place in an article where an entity is named.
type Mention struct {
	Field Field
	Start int
	End   int
	Text  string
}

// Entity is one person, country, place, organisation, nationality or other
// thing named in an article, with every mention of it tied together.
type Entity struct {
	ID       string // stable across articles: the same entity has the same id everywhere (see EntityID)
	Name     string // the fullest form the article or the gazetteer gives
	Kind     EntityKind
	Aliases  []string // every surface form used, fullest first
	Mentions []Mention
	Country  string // for a nationality (and a place where known): the id of its country entity
}

// EntityID derives a stable entity id from its kind and a key (its
// canonical name, or a gazetteer key): "person:bashar-al-assad", "country:russia".
func EntityID(kind EntityKind, key string) string {
	return string(kind) + ":" + Slug(key)
}

// Slug folds a name to lower-case ASCII words joined by hyphens: accents are
// dropped, punctuation separates words ("Bashar al-Assad" -> "bashar-al-assad").
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.':
			// "U.S." -> "us", "O'Brien" -> "obrien"
		default:
			dash = true
		}
	}
	return b.String()
}

// Quote is one quotation and who said it.
type Quote struct {
	Field          Field
	Start          int    // first byte inside the quotation marks
	End            int    // end of the quoted words, before the closing mark
	Text           string // the words inside the marks
	Speaker        string // the name a reader would give, or the introducing phrase, or ""
	SpeakerEntity  string // id of the speaker's entity, or ""
	SpeakerMention *Mention
	SpeakerRole    string // "Russia's deputy envoy to the UN", when the text gives one
	Cue            string // the cue word: "said", "told", "according to"
	Partial        bool   // a fragment inside a sentence rather than a whole statement
	// SpeakerConfidence says how sure Speaker is, 0-1 (0 with no speaker):
	// see articles/quotes/confidence.go.
	SpeakerConfidence float64
}

// LowSpeakerConfidence is the SpeakerConfidence under which a reader shows
// a speaker as uncertain (dimmed, with a "?").
const LowSpeakerConfidence = 0.5
