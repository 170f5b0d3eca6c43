package reader

import (
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/model"
	"briefs/ui/theme"
)

// Selection is what the user picked in the side panes: an entity whose
// mentions are marked, the mention the reader is on, or a quote.
type Selection struct {
	Entity  string // entity id, or ""
	Mention int    // index into that entity's mentions, -1 for none
	Quote   int    // index into the article's quotes, -1 for none
}

// noSelection selects nothing.
var noSelection = Selection{Mention: -1, Quote: -1}

// look is what one screen cell carries, as bits: whether it is quoted,
// the entity kind named there, whether it is a mention of the selected
// entity (or the current one), whether it is a speaker tag.
type look uint16

const (
	lookQuote        look = 1 << iota // inside a quote
	lookQuoteCurrent                  // inside the selected quote
	lookMention                       // a mention of the selected entity
	lookCurrent                       // the mention the reader is on
	lookSpeaker                       // the "⟨Speaker⟩" after a quote
	lookLink                          // a URL
	lookKindShift         = iota      // entity kind index + 1 in the bits above

	kindMask look = 0xff << lookKindShift
)

// Decorate returns the document's lines with entities styled by kind,
// quotes set apart and their speakers dimmed, URLs as links, and the
// selection marked. It
// only adds styles to cells glamour already placed, so wrapping and layout
// stay exactly glamour's.
func Decorate(d *Document, a *model.Article, sel Selection, st theme.Styles) []string {
	return decorate(d, a, sel, nil, -1, st)
}

// decorate is Decorate with the find's matches marked as mentions are, the
// current one (index cur) as the current mention.
func decorate(d *Document, a *model.Article, sel Selection, found []Match, cur int, st theme.Styles) []string {
	if d == nil {
		return nil
	}
	grid := map[int][]look{} // line -> look per cell, for the lines that have any
	mark := func(cells []cell, bits look, replaceKind bool) {
		for _, run := range runs(cells) {
			row := grid[run.line]
			if len(row) < run.c1 {
				row = append(row, make([]look, run.c1-len(row))...)
			}
			for c := run.c0; c < run.c1; c++ {
				if replaceKind {
					row[c] &^= kindMask
				}
				row[c] |= bits
			}
			grid[run.line] = row
		}
	}
	for qi, q := range a.Quotes {
		start, end := withMarks(a.Text(q.Field), q.Start, q.End)
		bits := lookQuote
		if qi == sel.Quote {
			bits |= lookQuoteCurrent
		}
		mark(d.cells(q.Field, start, end), bits, false)
		if qi < len(d.speakers) {
			mark(d.speakers[qi], lookSpeaker, false)
		}
	}
	for _, l := range d.links {
		mark(l.cells, lookLink, false)
	}
	for _, e := range a.Entities {
		kind := look(kindIndex(e.Kind)+1) << lookKindShift
		for mi, m := range e.Mentions {
			bits := kind
			if m.Field == model.FieldTitle {
				bits = 0 // the heading keeps its own style unless the mention is selected
			}
			if e.ID == sel.Entity {
				bits |= lookMention
				if mi == sel.Mention {
					bits |= lookCurrent
				}
			}
			if bits != 0 {
				mark(d.cells(m.Field, m.Start, m.End), bits, true)
			}
		}
	}
	for i, f := range found {
		bits := lookMention
		if i == cur {
			bits |= lookCurrent
		}
		mark(d.cells(f.Field, f.Start, f.End), bits, false)
	}
	if len(grid) == 0 {
		return d.Lines
	}
	prefixes := map[look]string{}
	out := make([]string, len(d.Lines))
	copy(out, d.Lines)
	for ln, row := range grid {
		if ln < 0 || ln >= len(out) {
			continue
		}
		var spans []span
		for c := 0; c < len(row); {
			k := row[c]
			e := c + 1
			for e < len(row) && row[e] == k {
				e++
			}
			if k != 0 {
				p, ok := prefixes[k]
				if !ok {
					p = sgrPrefix(styleFor(k, st))
					prefixes[k] = p
				}
				spans = append(spans, span{c, e, p})
			}
			c = e
		}
		out[ln] = restyle(out[ln], spans)
	}
	return out
}

// span is columns [c0, c1) of a line to draw with the SGR prefix sgr.
type span struct {
	c0, c1 int
	sgr    string
}

// sgrPrefix is the escape sequence that starts text in style s.
func sgrPrefix(s lipgloss.Style) string {
	r := s.Render("x")
	if i := strings.IndexByte(r, 'x'); i >= 0 {
		return r[:i]
	}
	return ""
}

// restyle draws the spans of a glamour line in their own styles, in one pass:
// glamour's styles inside a span are dropped, and the last of them comes back
// after it. Text and widths are untouched.
func restyle(line string, spans []span) string {
	if len(spans) == 0 {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + len(spans)*24)
	var state byte
	col, si := 0, 0
	inSpan := false
	last := "" // glamour's style in force, to restore after a span
	for len(line) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(line, state, nil)
		state = newState
		line = line[n:]
		if width == 0 {
			if ansi.HasCsiPrefix(seq) && strings.HasSuffix(seq, "m") {
				if seq == "\x1b[m" || seq == "\x1b[0m" {
					last = ""
				} else {
					last = seq
				}
				if inSpan {
					continue
				}
			}
			b.WriteString(seq)
			continue
		}
		if !inSpan && si < len(spans) && col >= spans[si].c0 {
			b.WriteString("\x1b[m" + spans[si].sgr)
			inSpan = true
		}
		b.WriteString(seq)
		col += width
		if inSpan && col >= spans[si].c1 {
			b.WriteString("\x1b[m" + last)
			inSpan = false
			si++
		}
	}
	if inSpan {
		b.WriteString("\x1b[m")
	}
	return b.String()
}

// styleFor composes the style of a cell from its bits: selection over
// entity kind over quote.
func styleFor(k look, st theme.Styles) lipgloss.Style {
	s := lipgloss.NewStyle()
	if k&lookSpeaker != 0 {
		return st.Speaker
	}
	if k&lookQuote != 0 {
		s = st.Quote
		if k&lookQuoteCurrent != 0 {
			s = st.Selected.Inherit(st.Quote).Bold(true) // bold: a mark that needs no colour (NO_COLOR)
		}
	}
	if kind := int(k >> lookKindShift); kind > 0 && kind <= len(model.Kinds) && k&lookLink == 0 {
		s = st.EntityStyle(model.Kinds[kind-1]).Inherit(s)
	}
	if k&lookLink != 0 {
		s = st.Link.Inherit(s) // a URL keeps its look whole, in a quote or not
	}
	switch {
	case k&lookCurrent != 0:
		s = st.Current.Inherit(s)
	case k&lookMention != 0:
		s = st.Mention.Inherit(s)
	}
	return s
}

func kindIndex(k model.EntityKind) int {
	for i, kk := range model.Kinds {
		if kk == k {
			return i
		}
	}
	return len(model.Kinds) - 1 // unknown kinds show as "other"
}

// withMarks widens a quote's span to take in its quotation marks.
func withMarks(text string, start, end int) (int, int) {
	if start < 0 || end > len(text) || start > end {
		return start, end
	}
	if r, n := utf8.DecodeLastRuneInString(text[:start]); n > 0 && isQuoteMark(r) {
		start -= n
	}
	if r, n := utf8.DecodeRuneInString(text[end:]); n > 0 && isQuoteMark(r) {
		end += n
	}
	return start, end
}

// run is a stretch of cells on one line, columns [c0, c1).
type run struct{ line, c0, c1 int }

// runs joins placed cells into one run per line, spaces between words included.
func runs(cells []cell) []run {
	var out []run
	for _, c := range cells {
		if n := len(out); n > 0 && out[n-1].line == c.line {
			out[n-1].c1 = max(out[n-1].c1, c.col+c.w)
			out[n-1].c0 = min(out[n-1].c0, c.col)
			continue
		}
		out = append(out, run{c.line, c.col, c.col + c.w})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].line < out[j].line })
	return out
}
