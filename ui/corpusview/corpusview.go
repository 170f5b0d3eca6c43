// Package corpusview holds the two corpus-wide views of the reader: the
// Entities view (every entity of the corpus by kind, with its counts, aliases
// and the entities most often named with it) and the Quotes view (every quote
// of the corpus, filtered by speaker, by the entity it is about and by words).
//
// Both read a Source (*index.Index is one) and tell the parent what the user
// chose with messages of this package: Enter on an entity sends
// SearchEntityMsg, Enter on a quote sends OpenQuoteMsg. Esc and quitting are
// the parent's: the views send nothing for them.
//
// # Wiring
//
//	ents := corpusview.NewEntities(nil, styles)
//	quotes := corpusview.NewQuotes(nil, styles)
//	cmd := ents.SetSource(ix)       // when the index is ready; Refresh() as briefs arrive
//	ents.SetSize(w, h)              // the room left by the root's own bars
//	ents, cmd = ents.Update(msg)    // keys when focused; every other message always
//
// Below InlineLimit briefs the lists are computed inside Update; above it
// they are computed in a tea.Cmd and their answer arrives as a message of
// this package, which the parent must hand to the view's Update (a late
// answer, for an older filter or source, is dropped). Both views type into
// their filter line: while one is focused (Typing reports true) the parent
// must not take letters such as "q" for itself.
package corpusview

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles/index"
	"briefs/model"
	"briefs/ui/querylist"
)

// Source is the corpus the views list; *index.Index is one. It must be
// safe for concurrent use: the views ask it from commands.
type Source interface {
	// Len is how many briefs are indexed.
	Len() int
	// Entities lists the canonical entities of one kind ("" for all), most briefs first.
	Entities(kind model.EntityKind) []index.EntityStat
	// Entity returns the entity a name or id stands for.
	Entity(name string) (index.EntityStat, bool)
	// CoOccurring returns the n entities most often named with the entity a name or id stands for.
	CoOccurring(name string, n int) []index.Related
	// Quotes lists the quotes of a speaker and about an entity ("" lets all through).
	Quotes(speaker, about string) []index.QuoteHit
	// Suggest returns up to n entities whose names match pattern fuzzily.
	Suggest(pattern string, n int) []index.Suggestion
}

// *index.Index is the Source the reader gives the views.
var _ Source = (*index.Index)(nil)

// InlineLimit is the corpus size, in briefs, from which the views compute
// their lists in a tea.Cmd instead of inside Update: listing the quotes of
// 10,000 briefs (what each key typed in the Quotes view's filter asks)
// already takes about 20 ms, more than a frame.
const InlineLimit = 2000

// SearchEntityMsg asks the parent to search the corpus for an entity (Enter
// in the Entities view). EntityID is the canonical id, Name its name.
type SearchEntityMsg struct {
	EntityID string
	Name     string
}

// OpenQuoteMsg asks the parent to open a brief with a quote selected (Enter
// in the Quotes view): the quote of article ArticleID that starts at byte
// Start of its Field (model.FieldBody for nearly every quote).
type OpenQuoteMsg struct {
	ArticleID string
	Start     int
	Field     model.Field
}

// KeyMap is the keys of both views: the query list's (move, open) and the
// kind tabs', on top of their filter line's editing keys. The Quotes view
// has no kinds: its NextKind and PrevKind stay disabled.
type KeyMap struct {
	querylist.KeyMap
	NextKind key.Binding
	PrevKind key.Binding
}

// DefaultKeyMap returns the views' keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		KeyMap:   querylist.DefaultKeyMap(),
		NextKind: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next kind")),
		PrevKind: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous kind")),
	}
}

// fold reduces a name to the words of its slug: case, accents and
// punctuation ignored ("U.S." -> "us", "Sergéi Lavrov" -> "sergei-lavrov").
// ASCII text, nearly every name, skips model.Slug's Unicode normalisation
// (five times faster) and gives the same result.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return model.Slug(s)
		}
	}
	b := make([]byte, 0, len(s))
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '\'' || c == '.':
			continue // "U.S." -> "us", "O'Brien" -> "obrien"
		default:
			dash = true
			continue
		}
		if dash && len(b) > 0 {
			b = append(b, '-')
		}
		dash = false
		b = append(b, c)
	}
	return string(b)
}

// fit truncates a line to w cells (nothing when w < 1) and pads it with
// spaces to w, so that columns and side panes line up.
func fit(s string, w int) string {
	if w < 1 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// clip truncates a line to w cells without padding it.
func clip(s string, w int) string {
	if w < 1 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// plural returns "1 brief" or "3 briefs".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

// itoa writes n with thin grouping for thousands ("12,345").
func itoa(n int) string {
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for i := 0; ; i++ {
		if i > 0 && i%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, byte('0'+n%10))
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		b = append(b, '-')
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// wrap breaks text into lines of at most w cells at spaces (a longer word is cut).
func wrap(text string, w int) []string {
	if w < 1 {
		return nil
	}
	var lines []string
	var line strings.Builder
	lw := 0
	for _, word := range strings.Fields(text) {
		ww := ansi.StringWidth(word)
		if lw > 0 && lw+1+ww > w {
			lines = append(lines, line.String())
			line.Reset()
			lw = 0
		}
		if lw > 0 {
			line.WriteByte(' ')
			lw++
		}
		if ww > w {
			word = ansi.Truncate(word, w, "…")
			ww = ansi.StringWidth(word)
		}
		line.WriteString(word)
		lw += ww
	}
	if lw > 0 {
		lines = append(lines, line.String())
	}
	return lines
}
