package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"briefs/articles/digest"
	"briefs/articles/index"
	"briefs/model"
)

func newExportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export QUERY [PATH|URL|-]...",
		Short: "Write the digest of every brief a query finds, for a report",
		Long: `Write the digest of every brief the query finds (queries as for briefs search), best match
first: in Markdown, one heading naming the query and, per brief, its title, source, entities by
kind with mention counts and its quotes with their speakers; json, jsonl and text are the briefs
as briefs extract writes them. Nothing found: a line on standard error and exit
status 1.`,
		Example: `briefs export Lavrov > lavrov.md
briefs export --format json --out syria.json Syria ~/briefs`,
	}
	format := addFormatFlag(cmd, index.FormatMarkdown, index.FormatMarkdown, index.FormatMarkdown, index.FormatJSON, index.FormatJSONL, index.FormatText)
	archive := addArchiveFlags(cmd)
	out := cmd.Flags().StringP("out", "o", "", "write to this file instead of standard output")
	cmd.Args = queryArgs
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		f, err := format.get(cmd)
		if err != nil {
			return err
		}
		query := args[0]
		specs, err := archive.specs(cmd, args[1:])
		if err != nil {
			return err
		}
		c, err := loadCorpus(cmd, specs, true)
		if err != nil {
			return err
		}
		res, err := c.ix.Search(query, 0)
		if err != nil {
			return usagef(cmd, "%v", err)
		}
		byID := make(map[string]*model.Article, len(c.arts))
		for i := range c.arts {
			byID[c.arts[i].ID] = &c.arts[i]
		}
		matched := make([]model.Article, 0, len(res.Hits))
		for _, h := range res.Hits {
			if a, ok := byID[h.ArticleID]; ok {
				matched = append(matched, *a)
			}
		}
		if len(matched) == 0 {
			return finish(cmd, c.warns, fmt.Sprintf("no brief matches %q: nothing written", query))
		}
		w := cmd.OutOrStdout()
		var file *os.File
		if *out != "" {
			if file, err = os.Create(*out); err != nil {
				return fmt.Errorf("cannot write %s: %w", *out, plainError(err))
			}
			defer file.Close()
			w = file
		}
		bw := bufio.NewWriterSize(w, 1<<16)
		if f == index.FormatMarkdown {
			err = writeExportMarkdown(bw, query, matched)
		} else {
			err = writeArticles(bw, f, matched)
		}
		if err == nil {
			err = bw.Flush()
		}
		if err == nil && file != nil {
			err = file.Close()
		}
		if err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		if *out != "" {
			fmt.Fprintf(cmd.ErrOrStderr(), "briefs: %s written to %s\n", plural(len(matched), "brief"), *out)
		}
		return finish(cmd, c.warns, "")
	}
	return cmd
}

// plural writes "1 brief", "2 briefs".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// writeExportMarkdown writes the digests of arts under one heading naming
// the query; each digest's headings go one level down.
func writeExportMarkdown(w io.Writer, query string, arts []model.Article) error {
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
		if err := digest.Markdown(&d, &arts[i]); err != nil {
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

// articleWriter writes whole articles in a format, a batch at a time: the
// extract contract's JSON (one per line, or one array), a Markdown digest
// each, or plain text.
type articleWriter struct {
	w     io.Writer
	f     index.Format
	enc   *json.Encoder
	count int
}

func newArticleWriter(w io.Writer, f index.Format) *articleWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if f == index.FormatJSON {
		enc.SetIndent("  ", "  ")
	}
	return &articleWriter{w: w, f: f, enc: enc}
}

func (aw *articleWriter) write(arts []model.Article) error {
	for i := range arts {
		var err error
		switch aw.f {
		case index.FormatJSON:
			sep := ",\n  "
			if aw.count == 0 {
				sep = "[\n  "
			}
			if _, err = io.WriteString(aw.w, sep); err == nil {
				err = aw.enc.Encode(&arts[i])
			}
		case index.FormatMarkdown:
			err = digest.Markdown(aw.w, &arts[i])
		case index.FormatText:
			err = digest.Text(aw.w, &arts[i])
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

// close ends the output: the JSON array's bracket.
func (aw *articleWriter) close() error {
	if aw.f != index.FormatJSON {
		return nil
	}
	end := "]\n"
	if aw.count == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(aw.w, end)
	return err
}

// writeArticles writes arts in format f (see articleWriter).
func writeArticles(w io.Writer, f index.Format, arts []model.Article) error {
	aw := newArticleWriter(w, f)
	if err := aw.write(arts); err != nil {
		return err
	}
	return aw.close()
}
