package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"briefs/articles/output"
)

func newQuotesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "quotes [PATH|URL|-]...",
		Short: "List every quote, by speaker or by what it is about",
		Long: `List every quote of the briefs with its speaker and brief. --speaker keeps the quotes of one
speaker, named in any form the briefs tie to them; --about keeps the quotes that name an entity
(or, when no entity has that name, contain its words). Nothing found: a line on standard error
and exit status 1.`,
		Example: `briefs quotes --speaker Lavrov --about Syria
briefs quotes --speaker "Sergei Lavrov" --format md`,
	}
	format := addFormatFlag(cmd, output.FormatText, output.FormatJSONL, output.FormatJSONL, output.FormatJSON, output.FormatMarkdown, output.FormatText)
	archive := addArchiveFlags(cmd)
	speaker := cmd.Flags().StringP("speaker", "s", "", "only quotes by this speaker")
	about := cmd.Flags().StringP("about", "a", "", "only quotes about this entity")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		f, err := format.get(cmd)
		if err != nil {
			return err
		}
		in, err := archive.input(cmd, args)
		if err != nil {
			return err
		}
		c, err := loadCorpus(cmd, in, false)
		if err != nil {
			return err
		}
		qs := c.ix.Quotes(*speaker, *about)
		w := bufferedOut(cmd)
		if err := output.WriteQuotes(w, f, qs); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		empty := ""
		if len(qs) == 0 {
			var by []string
			if strings.TrimSpace(*speaker) != "" {
				by = append(by, fmt.Sprintf("by %q", *speaker))
			}
			if strings.TrimSpace(*about) != "" {
				by = append(by, fmt.Sprintf("about %q", *about))
			}
			empty = strings.Join(append([]string{"no quote"}, by...), " ") + " found"
		}
		return finish(cmd, c.warns, empty)
	}
	return cmd
}
