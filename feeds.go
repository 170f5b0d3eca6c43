package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"briefs/articles/opml"
	"briefs/ui/config"
)

func newFeedsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "List, add, remove, import and export the config's feeds",
		Long: `List the feeds of the config file: one a line, its URL, a tab and its title (the comment
ending the feed's line in the config), or with --format json / jsonl as objects.
The subcommands change the config file in place: only the feeds list, the comments and
layout of the rest kept as they were. A missing config file is made. No feed: exit status 1.`,
		Example: `briefs feeds
briefs feeds add https://example.org/world.xml --title "World desk"
briefs feeds remove "World desk"
briefs feeds import subscriptions.opml
briefs feeds export > briefs.opml`,
		Args: noArgs,
	}
	format := cmd.Flags().String("format", "text", "output format: text, json or jsonl")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		path, feeds, err := configFeeds(cmd)
		if err != nil {
			return err
		}
		switch *format {
		case "text", "json", "jsonl":
		default:
			return usagef(cmd, "unknown format %q: want text, json or jsonl", *format)
		}
		if len(feeds) == 0 {
			fmt.Fprintf(cmd.ErrOrStderr(), "briefs: no feed in %s\n", path)
			return exitStatus(exitFailure)
		}
		w := cmd.OutOrStdout()
		switch *format {
		case "json":
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			return enc.Encode(feeds)
		case "jsonl":
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			for _, f := range feeds {
				if err := enc.Encode(f); err != nil {
					return err
				}
			}
			return nil
		}
		for _, f := range feeds {
			line := f.URL
			if f.Title != "" {
				line += "\t" + f.Title
			}
			if _, err := fmt.Fprintln(w, line); err != nil {
				return err
			}
		}
		return nil
	}
	cmd.AddCommand(newFeedsAddCmd(), newFeedsRemoveCmd(), newFeedsImportCmd(), newFeedsExportCmd())
	return cmd
}

func newFeedsAddCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "add URL",
		Short: "Add a feed to the config file",
		Long: `Add an RSS or Atom feed (an http or https URL) at the end of the config's feeds list,
with its title as the comment ending its line. A feed already there is left as it is.`,
		Example: `briefs feeds add https://example.org/world.xml --title "World desk"`,
		Args:    cobra.ExactArgs(1),
	}
	title := cmd.Flags().StringP("title", "t", "", "the feed's title, kept as a comment by its URL")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		u := strings.TrimSpace(args[0])
		if !isFeedURL(u) {
			return usagef(cmd, "%q is not an http or https URL", args[0])
		}
		path, data, err := readConfig(cmd)
		if err != nil {
			return err
		}
		out, n, err := config.AddFeeds(data, []config.FeedEntry{{URL: u, Title: *title}})
		if err != nil {
			return err
		}
		if n == 0 {
			fmt.Fprintf(cmd.ErrOrStderr(), "briefs: %s is already a feed in %s\n", u, path)
			return nil
		}
		if err := config.WriteFile(path, out); err != nil {
			return err
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "briefs: %s added to %s\n", u, path)
		return nil
	}
	return cmd
}

func newFeedsRemoveCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "remove URL|TITLE",
		Aliases: []string{"rm"},
		Short:   "Remove a feed from the config file",
		Long: `Remove the feed with this URL, or this title (any letter case), from the config's feeds
list, with the comment ending its line. No such feed: exit status 1.`,
		Example: `briefs feeds remove https://example.org/world.xml
briefs feeds remove "world desk"`,
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			_, feeds, _ := configFeeds(cmd)
			var out []cobra.Completion
			for _, f := range feeds {
				out = append(out, cobra.CompletionWithDesc(f.URL, f.Title))
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			path, data, err := readConfig(cmd)
			if err != nil {
				return err
			}
			out, f, err := config.RemoveFeed(data, args[0])
			if err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "briefs: %s: %v\n", path, err)
				return exitStatus(exitFailure)
			}
			for { // the same feed written twice goes too
				again, _, err := config.RemoveFeed(out, f.URL)
				if err != nil {
					break
				}
				out = again
			}
			if err := config.WriteFile(path, out); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "briefs: %s removed from %s\n", f.URL, path)
			return nil
		},
	}
}

func newFeedsImportCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.opml",
		Short: "Add the feeds of an OPML file to the config file",
		Long: `Add every feed of an OPML subscription list (as other feed readers export it; folders
nested to any depth) to the config's feeds list, each with its title; "-" reads standard
input. Feeds already there are left as they are; standard error says how many were added.`,
		Example: `briefs feeds import subscriptions.opml`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var src []byte
			var err error
			if args[0] == "-" {
				src, err = io.ReadAll(cmd.InOrStdin())
			} else {
				src, err = os.ReadFile(args[0])
			}
			if err != nil {
				return err
			}
			list, err := opml.Parse(src)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			var entries []config.FeedEntry
			skipped := 0
			for _, f := range list {
				if !isFeedURL(f.URL) {
					skipped++
					fmt.Fprintf(cmd.ErrOrStderr(), "briefs: %s: %q is not an http or https URL (skipped)\n", args[0], f.URL)
					continue
				}
				entries = append(entries, config.FeedEntry{URL: f.URL, Title: f.Title})
			}
			path, data, err := readConfig(cmd)
			if err != nil {
				return err
			}
			out, n, err := config.AddFeeds(data, entries)
			if err != nil {
				return err
			}
			if n > 0 {
				if err := config.WriteFile(path, out); err != nil {
					return err
				}
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "briefs: %s added to %s (%d already there)\n", plural(n, "feed"), path, len(entries)-n)
			if skipped > 0 {
				return exitStatus(exitFailure)
			}
			return nil
		},
	}
}

func newFeedsExportCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Write the config's feeds as OPML",
		Long: `Write the config's feeds, with their titles, to standard output as an OPML 2.0
subscription list that other feed readers (and briefs feeds import) read.`,
		Example: `briefs feeds export > briefs.opml`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, feeds, err := configFeeds(cmd)
			if err != nil {
				return err
			}
			if len(feeds) == 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "briefs: no feed in %s: nothing written\n", path)
				return exitStatus(exitFailure)
			}
			list := make([]opml.Feed, len(feeds))
			for i, f := range feeds {
				list[i] = opml.Feed{URL: f.URL, Title: f.Title}
			}
			return opml.Write(cmd.OutOrStdout(), "briefs feeds", list)
		},
	}
}

// readConfig reads the config file in use; a missing one is empty.
func readConfig(cmd *cobra.Command) (string, []byte, error) {
	flagValue, _ := cmd.Flags().GetString("config")
	path := config.Path(flagValue)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, nil, nil
	}
	return path, data, err
}

// configFeeds returns the feeds of the config file in use.
func configFeeds(cmd *cobra.Command) (string, []config.FeedEntry, error) {
	path, data, err := readConfig(cmd)
	if err != nil {
		return path, nil, err
	}
	feeds, err := config.ReadFeeds(data)
	if err != nil {
		return path, nil, fmt.Errorf("%s: %w", path, err)
	}
	return path, feeds, nil
}

func isFeedURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
