// Package output is the one place where briefs are written out: every
// command's formats (jsonl, json, md, text) for briefs, search hits,
// entities and quotes, the digest of a brief (the reader's export too) and
// the export document.
package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"briefs/articles/index"
	"briefs/model"
)

// Format is how the writers print: one JSON object per line, one JSON array,
// Markdown, or plain text.
type Format string

// The formats of the writers.
const (
	FormatJSONL    Format = "jsonl"
	FormatJSON     Format = "json"
	FormatMarkdown Format = "md"
	FormatText     Format = "text"
)

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case FormatJSONL, FormatJSON, FormatMarkdown, FormatText:
		return f, nil
	case "markdown":
		return FormatMarkdown, nil
	case "txt":
		return FormatText, nil
	}
	return "", fmt.Errorf("format %q: want jsonl, json, md or text", s)
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

type jsonSnippet struct {
	Text       string       `json:"text"`
	Start      int          `json:"start"`
	End        int          `json:"end"`
	Highlights []index.Span `json:"highlights"`
}

type jsonHit struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	Published string      `json:"published"`
	Score     float64     `json:"score"`
	Entities  []string    `json:"entities"`
	Canonical []string    `json:"canonical"`
	Snippet   jsonSnippet `json:"snippet"`
}

func hitJSON(h index.Hit) jsonHit {
	return jsonHit{ID: h.ArticleID, Title: h.Title, Published: date(h.Published),
		Score: h.Score, Entities: orEmpty(h.Entities), Canonical: orEmpty(h.Canonical),
		Snippet: jsonSnippet{Text: h.Snippet.Text, Start: h.Snippet.Start, End: h.Snippet.End,
			Highlights: orEmptySpans(h.Snippet.Highlights)}}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func orEmptySpans(s []index.Span) []index.Span {
	if s == nil {
		return []index.Span{}
	}
	return s
}

// WriteHits writes search hits in format f. The JSON shape of one hit:
//
//	{"id": "article id", "title": "...", "published": "RFC 3339 or empty",
//	 "score": 4.2, "entities": ["ids as the article names them"],
//	 "canonical": ["ids as the index ties them"],
//	 "snippet": {"text": "...", "start": 120, "end": 320,
//	             "highlights": [{"start": 60, "end": 66}]}}
//
// snippet.start/end are byte offsets into the article body; highlights are
// byte offsets into snippet.text. Every field is present; arrays are never null.
func WriteHits(w io.Writer, f Format, hits []index.Hit) error {
	switch f {
	case FormatJSONL, FormatJSON:
		rows := make([]jsonHit, len(hits))
		for i, h := range hits {
			rows[i] = hitJSON(h)
		}
		return writeJSON(w, f, rows)
	case FormatMarkdown:
		var b strings.Builder
		for i, h := range hits {
			fmt.Fprintf(&b, "%d. **%s**", i+1, oneLine(h.Title))
			if d := h.Published; !d.IsZero() {
				fmt.Fprintf(&b, " _%s_", d.Format("2006-01-02"))
			}
			fmt.Fprintf(&b, " `%s`\n", h.ArticleID)
			if h.Snippet.Text != "" {
				fmt.Fprintf(&b, "   > %s\n", markSnippet(h.Snippet, "**", "**"))
			}
		}
		return writeString(w, b.String())
	default:
		var b strings.Builder
		for _, h := range hits {
			fmt.Fprintf(&b, "%s  %6.2f  %s", h.ArticleID, h.Score, oneLine(h.Title))
			if d := h.Published; !d.IsZero() {
				fmt.Fprintf(&b, "  (%s)", d.Format("2006-01-02"))
			}
			b.WriteByte('\n')
			if h.Snippet.Text != "" {
				fmt.Fprintf(&b, "    %s\n", markSnippet(h.Snippet, "[", "]"))
			}
		}
		return writeString(w, b.String())
	}
}

// markSnippet wraps the highlights of a snippet in open and close.
func markSnippet(s index.Snippet, open, close string) string {
	var b strings.Builder
	at := 0
	for _, h := range s.Highlights {
		if h.Start < at || h.End > len(s.Text) {
			continue
		}
		b.WriteString(s.Text[at:h.Start])
		b.WriteString(open)
		b.WriteString(s.Text[h.Start:h.End])
		b.WriteString(close)
		at = h.End
	}
	b.WriteString(s.Text[at:])
	return b.String()
}

type jsonRelated struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	Kind     model.EntityKind `json:"kind"`
	Articles int              `json:"articles"`
}

type jsonEntityStat struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	Kind     model.EntityKind `json:"kind"`
	Aliases  []string         `json:"aliases"`
	Members  []string         `json:"members"`
	Articles int              `json:"articles"`
	Mentions int              `json:"mentions"`
	Quotes   int              `json:"quotes"`
	With     []jsonRelated    `json:"with"`
}

// WriteEntities writes corpus entities in format f. The JSON shape of one entity:
//
//	{"id": "person:sergei-lavrov", "name": "Sergei Lavrov", "kind": "person",
//	 "aliases": ["Lavrov", "Sergei Lavrov"], "members": ["ids tied into it, or empty"],
//	 "articles": 12, "mentions": 40, "quotes": 7,
//	 "with": [{"id": "country:russia", "name": "Russia", "kind": "country", "articles": 11}]}
//
// "with" lists the entities most often named alongside it (empty unless asked for).
func WriteEntities(w io.Writer, f Format, ents []index.EntityStat) error {
	switch f {
	case FormatJSONL, FormatJSON:
		rows := make([]jsonEntityStat, len(ents))
		for i, e := range ents {
			r := jsonEntityStat{ID: e.ID, Name: e.Name, Kind: e.Kind, Aliases: orEmpty(e.Aliases),
				Members: orEmpty(e.Members), Articles: e.Articles, Mentions: e.Mentions,
				Quotes: e.Quotes, With: make([]jsonRelated, 0, len(e.With))}
			for _, o := range e.With {
				r.With = append(r.With, jsonRelated(o))
			}
			rows[i] = r
		}
		return writeJSON(w, f, rows)
	case FormatMarkdown:
		var b strings.Builder
		for _, e := range ents {
			fmt.Fprintf(&b, "- **%s** (%s) — %d briefs, %d mentions", oneLine(e.Name), e.Kind, e.Articles, e.Mentions)
			if e.Quotes > 0 {
				fmt.Fprintf(&b, ", %d quotes", e.Quotes)
			}
			if len(e.With) > 0 {
				fmt.Fprintf(&b, "; with %s", relatedList(e.With))
			}
			b.WriteByte('\n')
		}
		return writeString(w, b.String())
	default:
		var b strings.Builder
		for _, e := range ents {
			fmt.Fprintf(&b, "%-12s %5d %6d  %s  [%s]", e.Kind, e.Articles, e.Mentions, oneLine(e.Name), e.ID)
			if len(e.With) > 0 {
				fmt.Fprintf(&b, "  with %s", relatedList(e.With))
			}
			b.WriteByte('\n')
		}
		return writeString(w, b.String())
	}
}

func relatedList(rs []index.Related) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%s (%d)", oneLine(r.Name), r.Articles)
	}
	return strings.Join(parts, ", ")
}

type jsonQuoteHit struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	Published   string          `json:"published"`
	SpeakerID   string          `json:"speaker_id"`
	SpeakerName string          `json:"speaker_name"`
	Quote       json.RawMessage `json:"quote"`
}

// WriteQuotes writes quotes in format f. The JSON shape of one quote:
//
//	{"id": "article id", "title": "...", "published": "RFC 3339 or empty",
//	 "speaker_id": "canonical id of the speaker, or empty",
//	 "speaker_name": "canonical name, else the speaker as written",
//	 "quote": {the quote exactly as in the extract contract: field, start, end,
//	           text, speaker, speaker_entity, speaker_mention, speaker_role, cue, partial}}
func WriteQuotes(w io.Writer, f Format, qs []index.QuoteHit) error {
	switch f {
	case FormatJSONL, FormatJSON:
		rows := make([]jsonQuoteHit, len(qs))
		for i, q := range qs {
			raw, err := quoteJSON(q.Quote)
			if err != nil {
				return err
			}
			rows[i] = jsonQuoteHit{ID: q.ArticleID, Title: q.Title, Published: date(q.Published),
				SpeakerID: q.SpeakerID, SpeakerName: q.SpeakerName, Quote: raw}
		}
		return writeJSON(w, f, rows)
	case FormatMarkdown:
		var b strings.Builder
		for _, q := range qs {
			fmt.Fprintf(&b, "> %s\n\n— %s, _%s_\n\n", oneLine(q.Quote.Text), speakerOr(q), oneLine(q.Title))
		}
		return writeString(w, b.String())
	default:
		var b strings.Builder
		for _, q := range qs {
			fmt.Fprintf(&b, "%s: “%s”  (%s)\n", speakerOr(q), oneLine(q.Quote.Text), oneLine(q.Title))
		}
		return writeString(w, b.String())
	}
}

// quoteJSON encodes a quote in the extract contract's shape, borrowing
// model.Article's encoder so the two never drift apart.
func quoteJSON(q model.Quote) (json.RawMessage, error) {
	b, err := json.Marshal(model.Article{Quotes: []model.Quote{q}})
	if err != nil {
		return nil, fmt.Errorf("encode quote: %w", err)
	}
	var wrap struct {
		Quotes []json.RawMessage `json:"quotes"`
	}
	if err := json.Unmarshal(b, &wrap); err != nil || len(wrap.Quotes) != 1 {
		return nil, fmt.Errorf("encode quote: %v", err)
	}
	return wrap.Quotes[0], nil
}

func speakerOr(q index.QuoteHit) string {
	if q.SpeakerName != "" {
		return oneLine(q.SpeakerName)
	}
	return "(unattributed)"
}

func writeJSON[T any](w io.Writer, f Format, rows []T) error {
	if f == FormatJSON {
		b, err := json.MarshalIndent(rows, "", "  ")
		if err != nil {
			return fmt.Errorf("encode json: %w", err)
		}
		return writeString(w, string(b)+"\n")
	}
	enc := json.NewEncoder(w)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("write jsonl: %w", err)
		}
	}
	return nil
}

func writeString(w io.Writer, s string) error {
	if _, err := io.WriteString(w, s); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}
