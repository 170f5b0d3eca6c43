package reader

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"briefs/model"
)

// Match is one place the find query shows in the brief: field[Start:End].
type Match struct {
	Field      model.Field
	Start, End int
}

// find is the reader's find-in-brief state: the prompt while the query is
// being typed, then the matches n and N step through until esc clears it.
type find struct {
	typing  bool    // the prompt is open: keys are the query
	active  bool    // a query was confirmed: n/N step through its matches
	query   string  // as typed
	matches []Match // in reading order: title, then body
	cur     int     // index into matches, -1 for none yet
}

// on reports whether find owns the screen's marks (typing or confirmed).
func (f find) on() bool { return f.typing || f.active }

// FindMatches returns every place query shows in the brief's title and body,
// letters matched without regard to case, in reading order. An empty query
// matches nothing.
func FindMatches(a *model.Article, query string) []Match {
	if query == "" {
		return nil
	}
	var out []Match
	for _, f := range []model.Field{model.FieldTitle, model.FieldBody} {
		text := a.Text(f)
		for i := 0; i < len(text); {
			if end, ok := foldMatchAt(text, i, query); ok {
				out = append(out, Match{f, i, end})
				i = end
				continue
			}
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
		}
	}
	return out
}

// foldMatchAt reports whether query matches text from byte i on, case
// folded rune by rune, and where the match ends.
func foldMatchAt(text string, i int, query string) (int, bool) {
	j := i
	for _, q := range query {
		if j >= len(text) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if r != q && !equalFold(r, q) {
			return 0, false
		}
		j += n
	}
	return j, true
}

// equalFold reports whether two runes are the same letter in any case.
func equalFold(a, b rune) bool {
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// findStatus is the status line's text for the find: the prompt while
// typing, else where the reader is among the matches.
func (f find) status() string {
	switch {
	case f.typing:
		s := "/" + f.query + "▏"
		if f.query != "" {
			s += fmt.Sprintf(" · %d %s", len(f.matches), pluralMatch(len(f.matches)))
		}
		return s
	case len(f.matches) == 0:
		return fmt.Sprintf("no match for %s", f.query)
	case f.cur < 0:
		return fmt.Sprintf("%d %s for %s · n/N to step", len(f.matches), pluralMatch(len(f.matches)), f.query)
	default:
		return fmt.Sprintf("match %d of %d for %s · n/N to step, esc to clear", f.cur+1, len(f.matches), f.query)
	}
}

func pluralMatch(n int) string {
	if n == 1 {
		return "match"
	}
	return "matches"
}
