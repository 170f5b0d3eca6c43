package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"briefs/articles/output"
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
	format := addFormatFlag(cmd, output.FormatMarkdown, output.FormatMarkdown, output.FormatMarkdown, output.FormatJSON, output.FormatJSONL, output.FormatText)
	archive := addArchiveFlags(cmd)
	out := cmd.Flags().StringP("out", "o", "", "write to this file instead of standard output")
	cmd.Args = queryArgs
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		f, err := format.get(cmd)
		if err != nil {
			return err
		}
		query := args[0]
		in, err := archive.input(cmd, args[1:])
		if err != nil {
			return err
		}
		c, err := loadCorpus(cmd, in, true)
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
		if f == output.FormatMarkdown {
			err = output.Export(bw, query, matched)
		} else {
			err = output.WriteArticles(bw, f, matched)
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
