// Package plainbrief makes the brief the reader makes of a plain-text file
// (a title line, a blank line, paragraphs) and maps offsets in its body back
// to the file, for the scorers and the trainer that compare extraction with
// annotations kept as file offsets (the BBC speaker set, PolNeAR).
package plainbrief

import (
	"strings"

	"briefs/model"
)

// Offsets says where each body paragraph starts: [start in the body, start
// in the file].
type Offsets [][2]int

// Parse makes the article of raw as the reader's plain-text parser does,
// and where each body paragraph starts in the body and in raw.
func Parse(raw string) (model.Article, Offsets) {
	var title string
	var paras []string
	var at Offsets
	body := 0
	for off := 0; off <= len(raw); {
		j := strings.Index(raw[off:], "\n\n")
		end := len(raw)
		if j >= 0 {
			end = off + j
		}
		p := raw[off:end]
		lead := len(p) - len(strings.TrimLeft(p, " \t\n"))
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case title == "":
			title = p
		case p == title:
		default:
			if len(paras) > 0 {
				body += len(model.ParagraphSep)
			}
			at = append(at, [2]int{body, off + lead})
			paras = append(paras, p)
			body += len(p)
		}
		if j < 0 {
			break
		}
		off = end + 2
	}
	b := strings.Join(paras, model.ParagraphSep)
	return model.Article{ID: model.ArticleID(title, b), Title: title, Body: b}, at
}

// Raw maps a body offset to the file.
func (at Offsets) Raw(pos int) int {
	if len(at) == 0 {
		return pos
	}
	k := 0
	for i, p := range at {
		if p[0] <= pos {
			k = i
		}
	}
	return at[k][1] + pos - at[k][0]
}
