// Package archive is the storage of briefs behind one interface, so that the
// rest of the program does not care where the briefs live: the embedded store
// (articles/store, one bbolt file, the default that `go run .` uses) and a
// server-backed one (PostgreSQL) stand side by side.
//
// An Archive holds extracted briefs (model.Article with their entities and
// quotes) and the reader's marks on them, and answers five things:
//
//   - List: a compact Record per brief (id, title, date, outlet, source,
//     counts of entities and quotes, read/starred flags), in the order the
//     briefs were first put, from a cursor on. This is all the article list
//     needs; it never decodes a body, an entity or a quote.
//   - Get: one whole brief by id (for opening it, and for the corpus views).
//   - Search: the ids of the briefs that mention an entity, quote a speaker
//     or hold some words (see Query), in list order.
//   - Put: a batch of extracted briefs, in one atomic step. A brief whose id
//     is already there replaces it (a fuller extraction, a changed file) and
//     keeps its place in the order.
//   - Reading / UpdateReading: the reading state (read, starred, position)
//     of one brief. Reading state is keyed by id and may exist for an id
//     the archive does not hold (yet or any more).
//
// Order and cursors: every brief gets a sequence number (Record.Seq) when its
// id is first put: 1, 2, 3, ... in put order, never reused. List(ctx, after,
// fn) yields the records whose Seq is greater than after, in Seq order, so a
// list that has shown everything up to Seq n asks for what is new with
// List(ctx, n, fn) and appends it: the order is kept incrementally, never
// re-merged. A brief put again keeps its Seq; List from an earlier cursor
// shows it with its new content.
//
// Words (full-text search): a text's words are its maximal runs of Unicode
// letters and digits, case folded; see Words, which every implementation
// uses on both the briefs (title and body) and the query, so the same query
// finds the same briefs everywhere. A brief matches when it holds every word
// of the query (in any order, anywhere in the title or body).
//
// Errors: a brief that is not there is ErrNotFound (wrapped); an empty id is
// ErrNoID. Implementations are safe for concurrent use, and every method may
// be called after a failed one. Close releases the archive (files, locks,
// connections); no method may be called after it.
//
// Conformance: articles/archive/archivetest.Run(t, factory) is the shared test
// every implementation runs (the embedded one in articles/store's tests); it
// checks each point above, and that what was put is there again after the
// archive is closed and reopened.
package archive

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode"

	"briefs/model"
)

// Flags are the reading marks shown in the list.
type Flags uint8

// The flags of a Record.
const (
	FlagRead    Flags = 1 << iota // the brief was opened (or marked read)
	FlagStarred                   // the reader starred it
)

// Record is the compact form of one brief the list shows: about 100 bytes,
// against kilobytes for the brief itself.
type Record struct {
	Seq       int64     // position in put order: 1 for the first brief ever put
	ID        string    // model.Article.ID
	Title     string    // model.Article.Title
	Published time.Time // zero when unknown
	Outlet    string    // model.Article.Outlet
	Source    string    // model.Article.Source: the path or URL it came from
	Entities  int       // len(model.Article.Entities)
	Quotes    int       // len(model.Article.Quotes)
	Flags     Flags     // from the reading state
}

// RecordOf is the Record of a (Seq and Flags left zero).
func RecordOf(a *model.Article) Record {
	return Record{ID: a.ID, Title: a.Title, Published: a.Published, Outlet: a.Outlet, Source: a.Source,
		Entities: len(a.Entities), Quotes: len(a.Quotes)}
}

// Own returns r with its strings copied into one allocation of their own:
// a record made from a decoded brief (RecordOf) shares the brief's buffer,
// which it would keep whole, body and all, for as long as it is kept.
func (r Record) Own() Record {
	var b strings.Builder
	b.Grow(len(r.ID) + len(r.Title) + len(r.Outlet) + len(r.Source))
	for _, s := range []string{r.ID, r.Title, r.Outlet, r.Source} {
		b.WriteString(s)
	}
	buf, at := b.String(), 0
	cut := func(s string) string {
		out := buf[at : at+len(s)]
		at += len(s)
		return out
	}
	r.ID, r.Title, r.Outlet, r.Source = cut(r.ID), cut(r.Title), cut(r.Outlet), cut(r.Source)
	return r
}

// Reading is what the reader did with one brief.
type Reading struct {
	Read     bool
	Starred  bool
	Position int       // last scroll offset, in lines
	Anchor   int       // the body byte offset shown at the top then, plus one (0: unknown)
	Updated  time.Time // set by UpdateReading
}

// Flags are the list flags of r.
func (r Reading) Flags() Flags {
	var f Flags
	if r.Read {
		f |= FlagRead
	}
	if r.Starred {
		f |= FlagStarred
	}
	return f
}

// Query says which briefs Search finds. Every field set must match (an
// empty field matches everything); a Query with no field set finds nothing.
type Query struct {
	// Entity is an entity id (model.Entity.ID): briefs that have it among
	// their entities.
	Entity string
	// Speaker is an entity id or a speaker's name: briefs with a quote
	// whose SpeakerEntity is that id, or whose Speaker is that name, both
	// compared folded (see Speakers).
	Speaker string
	// Text is words: briefs whose title and body hold every one (see Words).
	Text string
	// Limit is the most ids returned (the first in list order); zero or
	// less means all.
	Limit int
}

// Empty reports whether q sets no field (and so finds nothing).
func (q Query) Empty() bool {
	return q.Entity == "" && q.Speaker == "" && len(Words(q.Text)) == 0
}

// Archive is the storage of briefs. See the package doc for the contract.
type Archive interface {
	// Put stores briefs in one atomic step: all of them, or none and an
	// error. An id put before is replaced and keeps its Seq; within one
	// batch, the last brief with an id wins. A brief with an empty id is
	// ErrNoID (and nothing is stored).
	Put(ctx context.Context, briefs []model.Article) error
	// List calls fn with the Record of every brief whose Seq is greater
	// than after, in Seq order, until fn returns false. List(ctx, 0, fn)
	// is the whole archive.
	List(ctx context.Context, after int64, fn func(Record) bool) error
	// Len is how many briefs the archive holds.
	Len(ctx context.Context) (int, error)
	// Get returns the whole brief with that id, or an error wrapping
	// ErrNotFound.
	Get(ctx context.Context, id string) (model.Article, error)
	// Search returns the ids of the briefs q finds, in Seq order, at most
	// q.Limit of them (all with a Limit of zero); none for an empty Query.
	Search(ctx context.Context, q Query) ([]string, error)
	// Reading returns the reading state of the brief with that id (the
	// zero Reading when it has none).
	Reading(ctx context.Context, id string) (Reading, error)
	// UpdateReading changes the reading state of the brief with that id
	// with fn, in one atomic step (two processes never lose each other's
	// changes), and stamps it with the time.
	UpdateReading(ctx context.Context, id string, fn func(*Reading)) error
	// Close releases the archive.
	Close() error
}

// Streamer is an Archive that hands over whole briefs in order, for what
// reads every brief (the corpus views, a reader that indexes them as they
// come). The embedded archive (store.Archive) and the PostgreSQL one
// (pgarchive.Archive) both are.
type Streamer interface {
	Archive
	// Each calls fn with every brief whose Seq is greater than after,
	// whole, in Seq order, until fn returns false.
	Each(ctx context.Context, after int64, fn func(seq int64, b model.Article) bool) error
}

// ErrNotFound is wrapped by the error of Get for an id the archive does not hold.
var ErrNotFound = errors.New("archive: no brief with that id")

// ErrNoID is wrapped by the error of Put for a brief with an empty id, and of
// UpdateReading for an empty id.
var ErrNoID = errors.New("archive: brief without an id")

// Fold is the case folding of names and words: lower case.
func Fold(s string) string { return strings.ToLower(s) }

// Words returns the distinct words of text, folded, in order of first
// appearance: its maximal runs of Unicode letters and digits.
func Words(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w = Fold(w)
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// BriefWords returns the distinct words of a's title and body (see Words).
func BriefWords(a *model.Article) []string {
	return Words(a.Title + "\n" + a.Body)
}

// Speakers returns the distinct keys Search's Speaker finds a by: each
// quote's SpeakerEntity and Speaker, folded. Search looks Fold(q.Speaker) up
// among them.
func Speakers(a *model.Article) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, q := range a.Quotes {
		add(Fold(q.SpeakerEntity))
		add(Fold(q.Speaker))
	}
	return out
}

// EntityIDs returns the distinct entity ids of a.
func EntityIDs(a *model.Article) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range a.Entities {
		if e.ID != "" && !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e.ID)
		}
	}
	return out
}
