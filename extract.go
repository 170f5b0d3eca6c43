package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"briefs/articles"
	"briefs/articles/output"
	"briefs/articles/source"
	"briefs/model"
)

func newExtractCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "extract [PATH|URL|-]...",
		Short: "Print what each brief names and quotes, for scripts",
		Long: `Print every brief with what it names (entities, with their mentions) and quotes (with their
speakers), as ../shared/spec/extract-format.md specifies: one JSON object per line (jsonl), one
JSON array (json), a Markdown digest per brief (md) or plain text (text).`,
		Example: `briefs extract ~/briefs > out.jsonl
briefs extract --format md today.txt
cat brief.txt | briefs extract -`,
	}
	format := addFormatFlag(cmd, output.FormatMarkdown, output.FormatJSONL, output.FormatJSONL, output.FormatJSON, output.FormatMarkdown, output.FormatText)
	archive := addArchiveFlags(cmd)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		f, err := format.get(cmd)
		if err != nil {
			return err
		}
		in, err := archive.input(cmd, args)
		if err != nil {
			return err
		}
		w := bufferedOut(cmd)
		out := output.NewArticleWriter(w, f)
		n := 0
		var werr error
		articles.LimitStreamingMemory() // extract holds one batch at a time: a low soft heap limit
		write := func(batch []model.Article) {
			n += len(batch)
			if werr == nil {
				werr = out.Write(batch)
			}
			if werr == nil {
				werr = w.Flush() // each batch as it is ready
			}
		}
		var warns []source.Warning
		if in.server() {
			if err := eachFromServer(cmd, in, write); err != nil {
				return err
			}
		} else {
			warns = articles.Stream(cmd.Context(), in.specs, streamOptions(cmd), write, nil)
		}
		if werr == nil {
			werr = out.Close()
		}
		if werr == nil {
			werr = w.Flush()
		}
		if werr != nil {
			return fmt.Errorf("write output: %w", werr)
		}
		empty := ""
		if n == 0 {
			empty = "no brief was read"
		}
		return finish(cmd, warns, empty)
	}
	return cmd
}
