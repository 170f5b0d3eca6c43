package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"briefs/articles/output"
)

func newSearchCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "search QUERY [PATH|URL|-]...",
		Short: "List the briefs a query finds, best first",
		Long: `List the briefs a query finds, best first, each with a snippet.

Queries: a name in any form (Lavrov, "russian federation", U.S.) finds the entity; entity:NAME,
speaker:NAME, kind:KIND, "a phrase" and free words; terms are ANDed (Iran AND IAEA).
Dates: after:2026-06-01 (that day and later), before:2026-06 (earlier), on:2026 (a day,
a month or a year), on the day a brief was published.
When more briefs match than --limit, standard error says how many were left out.
Nothing found: a line on standard error and exit status 1.`,
		Example: `briefs search "russian federation"
briefs search 'speaker:Safronkov' --format json
briefs search 'Lavrov after:2026-06'
briefs search Blair ~/briefs --limit 0`,
	}
	format := addFormatFlag(cmd, output.FormatText, output.FormatJSONL, output.FormatJSONL, output.FormatJSON, output.FormatMarkdown, output.FormatText)
	archive := addArchiveFlags(cmd)
	limit := cmd.Flags().IntP("limit", "n", 20, "at most this many briefs (0: all)")
	cmd.Args = queryArgs
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		f, err := format.get(cmd)
		if err != nil {
			return err
		}
		if *limit < 0 {
			return usagef(cmd, "--limit %d: want 0 (all) or more", *limit)
		}
		query := args[0]
		in, err := archive.input(cmd, args[1:])
		if err != nil {
			return err
		}
		c, err := loadCorpus(cmd, in, false)
		if err != nil {
			return err
		}
		res, err := c.ix.Search(query, *limit)
		if err != nil {
			return usagef(cmd, "%v", err)
		}
		w := bufferedOut(cmd)
		if err := output.WriteHits(w, f, res.Hits); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		empty := ""
		switch {
		case len(res.Hits) == 0:
			empty = fmt.Sprintf("no brief matches %q", query)
		case res.Total > len(res.Hits):
			about := ""
			if res.Checked > 0 {
				about = "about "
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "briefs: %d of %s%d shown (--limit 0 for all)\n", len(res.Hits), about, res.Total)
		}
		return finish(cmd, c.warns, empty)
	}
	return cmd
}

// queryArgs wants a query, then any number of sources.
func queryArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return usagef(cmd, "%s needs a query: %s", cmd.Name(), cmd.UseLine())
	}
	return nil
}
