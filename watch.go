package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"briefs/articles/index"
	"briefs/articles/store"
	"briefs/ui"
)

func newWatchCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "watch [PATH|URL|-]...",
		Short: "Print the new briefs of the watchlists (saved searches)",
		Long: `Print the briefs each watchlist matches that no run of briefs watch printed before, one a
line: the watchlist's name, the brief's id, date, title and URL, tab separated (--format jsonl:
one JSON object a line). They are then noted in the reading state, so the next run prints only
briefs that are new since. --all prints every match and notes nothing.

The briefs are the configured sources and feeds (fetched again), or those named. Watchlists are
kept with the reading state; the reader shows them too (W in the list, ctrl+s in the search view
saves a search). Queries are those of briefs search, dates included.
Nothing new: a line on standard error and exit status 1 (for scripts: briefs watch && notify).`,
		Example: `briefs watch add Lavrov 'entity:Lavrov'
briefs watch add IAEA 'Iran AND IAEA after:2026-06'
briefs watch
briefs watch --format jsonl | jq -r .title
briefs watch list
briefs watch rm IAEA`,
		Args: cobra.ArbitraryArgs,
	}
	format := cmd.Flags().StringP("format", "f", "text", "output format: text or jsonl")
	all := cmd.Flags().Bool("all", false, "print every match, new or not, and note nothing")
	archive := addArchiveFlags(cmd)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if *format != "text" && *format != "jsonl" {
			return usagef(cmd, "unknown format %q: want text or jsonl", *format)
		}
		in, err := archive.input(cmd, args)
		if err != nil {
			return err
		}
		st, done, ws, err := watchLists(cmd, in, "no watchlist: add one with briefs watch add NAME QUERY")
		if err != nil {
			return err
		}
		defer done()
		c, err := loadCorpus(cmd, in, false)
		if err != nil {
			return err
		}
		w := bufferedOut(cmd)
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		printed := 0
		var bad []string
		for _, wl := range ws {
			res, err := c.ix.Search(wl.Query, 0)
			if err != nil {
				bad = append(bad, fmt.Sprintf("watchlist %s: %v", wl.Name, err))
				continue
			}
			seen := map[string]bool{}
			for _, id := range wl.Reported {
				seen[id] = true
			}
			hits := res.Hits
			slices.SortStableFunc(hits, func(a, b index.Hit) int { return a.Published.Compare(b.Published) }) // oldest first, as news comes
			var fresh []string
			for _, h := range hits {
				if !*all && seen[h.ArticleID] {
					continue
				}
				fresh = append(fresh, h.ArticleID)
				url := ""
				if a, ok := c.ix.Article(h.ArticleID); ok {
					url = a.URL
				}
				day := ""
				if !h.Published.IsZero() {
					day = h.Published.Format("2006-01-02")
				}
				if *format == "jsonl" {
					err = enc.Encode(watchHit{Watch: wl.Name, Query: wl.Query, ID: h.ArticleID, Published: day, Title: h.Title, URL: url})
				} else {
					_, err = fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", wl.Name, h.ArticleID, day, oneLine(h.Title), url)
				}
				if err != nil {
					return fmt.Errorf("write output: %w", err)
				}
			}
			printed += len(fresh)
			if *all || len(fresh) == 0 {
				continue
			}
			if err := w.Flush(); err != nil { // printed before noted: a failed write is printed again next time
				return fmt.Errorf("write output: %w", err)
			}
			if err := st.UpdateWatch(wl.Name, func(x *store.Watch) { x.Reported = appendNew(x.Reported, fresh) }); err != nil {
				return err
			}
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		for _, b := range bad {
			fmt.Fprintln(cmd.ErrOrStderr(), "briefs:", b)
		}
		empty := ""
		if printed == 0 {
			empty = "no new brief for any watchlist"
			if *all {
				empty = "no brief matches any watchlist"
			}
		}
		if len(bad) > 0 && empty == "" {
			empty = fmt.Sprintf("%d watchlists could not run", len(bad))
		}
		return finish(cmd, c.warns, empty)
	}
	cmd.AddCommand(newWatchAddCmd(), newWatchRemoveCmd(), newWatchListCmd())
	return cmd
}

// watchHit is one line of briefs watch --format jsonl.
type watchHit struct {
	Watch     string `json:"watch"`
	Query     string `json:"query"`
	ID        string `json:"id"`
	Published string `json:"published,omitempty"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// appendNew appends the ids of add that ids lacks.
func appendNew(ids, add []string) []string {
	have := make(map[string]bool, len(ids))
	for _, id := range ids {
		have[id] = true
	}
	for _, id := range add {
		if !have[id] {
			ids = append(ids, id)
			have[id] = true
		}
	}
	return ids
}

// watchState is the reading state the watchlists are kept in: the shared
// archive's, under its user, when in reads one; else the local file. done
// closes what it opened.
func watchState(cmd *cobra.Command, in input) (st ui.StateStore, done func(), err error) {
	if in.server() {
		ar, err := openArchive(cmd, in, false)
		if err != nil {
			return nil, nil, err
		}
		return serverState{ar}, func() { ar.Close() }, nil
	}
	path, err := store.DefaultStatePath()
	if err != nil {
		return nil, nil, err
	}
	return store.OpenState(path), func() {}, nil
}

// watchInput is where a watch subcommand (add, rm, list) keeps the
// watchlists: as `briefs watch` with no PATH would read (its --archive,
// $BRIEFS_ARCHIVE, the config's archive; else the local reading state).
func watchInput(cmd *cobra.Command) (input, error) {
	cfgPath, _ := cmd.Flags().GetString("config")
	cfg, _, err := loadConfig(cfgPath, cmd.ErrOrStderr())
	if err != nil {
		return input{}, err
	}
	return resolveInput(cmd, cfg, nil, false, false)
}

// addWatchArchiveFlag gives a watch subcommand the --archive flag.
func addWatchArchiveFlag(cmd *cobra.Command) *cobra.Command {
	cmd.Flags().String("archive", "", "keep the watchlists on the shared archive on a PostgreSQL server: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default $"+envArchive+", then the config's archive)")
	return cmd
}

// watchLists opens the reading state and reads its watchlists (a state
// file that had to be repaired still gives what it kept). None is exit
// status 1, after saying "briefs: " + none on standard error.
func watchLists(cmd *cobra.Command, in input, none string) (ui.StateStore, func(), []store.Watch, error) {
	st, done, err := watchState(cmd, in)
	if err != nil {
		return nil, nil, nil, err
	}
	ws, err := st.Watches()
	if err != nil && !errors.Is(err, store.ErrRepaired) {
		done()
		return nil, nil, nil, err
	}
	if len(ws) == 0 {
		done()
		fmt.Fprintln(cmd.ErrOrStderr(), "briefs: "+none)
		return nil, nil, nil, exitStatus(exitFailure)
	}
	return st, done, ws, nil
}

func newWatchAddCmd() *cobra.Command {
	return addWatchArchiveFlag(&cobra.Command{
		Use:   "add NAME QUERY",
		Short: "Add a watchlist, or change its query",
		Long: `Save a search under a name, as a watchlist kept with the reading state. A watchlist of that
name gets the new query. The query is checked (an unknown kind or a bad date is an error).`,
		Example: `briefs watch add Lavrov 'entity:Lavrov'
briefs watch add "Iran and the IAEA" 'Iran AND IAEA after:2026-06'`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, query := strings.TrimSpace(args[0]), strings.TrimSpace(args[1])
			if name == "" || query == "" {
				return usagef(cmd, "a watchlist needs a name and a query")
			}
			if _, err := index.Build(nil, nil).Search(query, 1); err != nil {
				return usagef(cmd, "%v", err)
			}
			in, err := watchInput(cmd)
			if err != nil {
				return err
			}
			st, done, err := watchState(cmd, in)
			if err != nil {
				return err
			}
			defer done()
			if err := st.UpdateWatch(name, func(w *store.Watch) {
				if w.Query != query {
					w.Reported = nil // another search: every match of it is new
				}
				w.Query = query
			}); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "briefs: watching %s (%s)\n", name, query)
			return nil
		},
	})
}

func newWatchRemoveCmd() *cobra.Command {
	return addWatchArchiveFlag(&cobra.Command{
		Use:     "remove NAME",
		Aliases: []string{"rm"},
		Short:   "Remove a watchlist",
		Long:    `Remove the watchlist with this name. No such watchlist: exit status 1.`,
		Example: `briefs watch rm Lavrov`,
		Args:    cobra.ExactArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			in, err := watchInput(cmd)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			if st, done, err := watchState(cmd, in); err == nil {
				defer done()
				ws, _ := st.Watches()
				for _, w := range ws {
					out = append(out, cobra.CompletionWithDesc(w.Name, w.Query))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			in, err := watchInput(cmd)
			if err != nil {
				return err
			}
			st, done, err := watchState(cmd, in)
			if err != nil {
				return err
			}
			defer done()
			ok, err := st.RemoveWatch(args[0])
			if err != nil {
				return err
			}
			if !ok {
				fmt.Fprintf(cmd.ErrOrStderr(), "briefs: no watchlist called %q\n", args[0])
				return exitStatus(exitFailure)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "briefs: %s removed\n", args[0])
			return nil
		},
	})
}

func newWatchListCmd() *cobra.Command {
	return addWatchArchiveFlag(&cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List the watchlists",
		Long:    `List the watchlists: one a line, the name, a tab and the query. None: exit status 1.`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			in, err := watchInput(cmd)
			if err != nil {
				return err
			}
			_, done, ws, err := watchLists(cmd, in, "no watchlist")
			if err != nil {
				return err
			}
			defer done()
			for _, w := range ws {
				fmt.Fprintf(cmd.OutOrStdout(), "%s\t%s\n", w.Name, w.Query)
			}
			return nil
		},
	})
}
