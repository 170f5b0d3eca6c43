package reader

import (
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

// Decorate returns the document's lines with entities and quotes styled.
func Decorate(d *Document, a *model.Article, sel Selection, st theme.Styles) []string {
	return d.Lines
}

func ansiTruncate(s string, w int) string { return ansi.Truncate(s, w, "…") }
