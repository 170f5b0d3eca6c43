package output

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"briefs/model"
)

// Export writes the digests of arts under one heading naming
// the query; each digest's headings go one level down.
func Export(w io.Writer, query string, arts []model.Article) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Briefs matching “%s”\n\n", strings.Join(strings.Fields(query), " "))
	switch len(arts) {
	case 0:
		b.WriteString("No brief matches.\n")
	case 1:
		b.WriteString("1 brief.\n\n")
	default:
		fmt.Fprintf(&b, "%d briefs, best match first.\n\n", len(arts))
	}
	for i := range arts {
		var d strings.Builder
		if err := Markdown(&d, &arts[i]); err != nil {
			return fmt.Errorf("digest of %q: %w", arts[i].Title, err)
		}
		for _, line := range strings.SplitAfter(d.String(), "\n") {
			if strings.HasPrefix(line, "#") {
				b.WriteString("#")
			}
			b.WriteString(line)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ArticleWriter writes whole articles in a format, a batch at a time: the
// extract contract's JSON (one per line, or one array), a Markdown digest
// each, or plain text.
type ArticleWriter struct {
	w     io.Writer
	f     Format
	enc   *json.Encoder
	count int
}

// NewArticleWriter writes to w in format f.
func NewArticleWriter(w io.Writer, f Format) *ArticleWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if f == FormatJSON {
		enc.SetIndent("  ", "  ")
	}
	return &ArticleWriter{w: w, f: f, enc: enc}
}

// Write writes arts.
func (aw *ArticleWriter) Write(arts []model.Article) error {
	for i := range arts {
		var err error
		switch aw.f {
		case FormatJSON:
			sep := ",\n  "
			if aw.count == 0 {
				sep = "[\n  "
			}
			if _, err = io.WriteString(aw.w, sep); err == nil {
				err = aw.enc.Encode(&arts[i])
			}
		case FormatMarkdown:
			err = Markdown(aw.w, &arts[i])
		case FormatText:
			err = Text(aw.w, &arts[i])
		default:
			err = aw.enc.Encode(&arts[i])
		}
		if err != nil {
			return err
		}
		aw.count++
	}
	return nil
}

// Close ends the output: the JSON array's bracket.
func (aw *ArticleWriter) Close() error {
	if aw.f != FormatJSON {
		return nil
	}
	end := "]\n"
	if aw.count == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(aw.w, end)
	return err
}

// WriteArticles writes arts in format f (see ArticleWriter).
func WriteArticles(w io.Writer, f Format, arts []model.Article) error {
	aw := NewArticleWriter(w, f)
	if err := aw.Write(arts); err != nil {
		return err
	}
	return aw.Close()
}
