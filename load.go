package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"briefs/articles"
	"briefs/articles/index"
	"briefs/articles/output"
	"briefs/articles/source"
	"briefs/model"
)

// formatFlag is a --format flag: auto ("") picks the terminal's format on
// a terminal and the scripts' otherwise; the rest must be one of allowed.
type formatFlag struct {
	value    string
	allowed  []output.Format
	terminal output.Format // the default on a terminal
	piped    output.Format // the default otherwise
}

func addFormatFlag(cmd *cobra.Command, terminal, piped output.Format, allowed ...output.Format) *formatFlag {
	f := &formatFlag{allowed: allowed, terminal: terminal, piped: piped}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	help := fmt.Sprintf("output format: %s (default %s on a terminal, %s otherwise)", strings.Join(names, ", "), terminal, piped)
	if terminal == piped {
		help = fmt.Sprintf("output format: %s (default %s)", strings.Join(names, ", "), terminal)
	}
	cmd.Flags().StringVarP(&f.value, "format", "f", "", help)
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	return f
}

// get returns the format chosen for cmd's output.
func (f *formatFlag) get(cmd *cobra.Command) (output.Format, error) {
	if f.value == "" {
		if isTerminal(cmd.OutOrStdout()) {
			return f.terminal, nil
		}
		return f.piped, nil
	}
	got, err := output.ParseFormat(f.value)
	if err == nil {
		for _, a := range f.allowed {
			if a == got {
				return got, nil
			}
		}
	}
	names := make([]string, len(f.allowed))
	for i, a := range f.allowed {
		names[i] = string(a)
	}
	return "", usagef(cmd, "unknown format %q: %s takes %s", f.value, cmd.Name(), orList(names))
}

// orList writes "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// bufferedOut is cmd's standard output, buffered; flush it at the end.
func bufferedOut(cmd *cobra.Command) *bufio.Writer {
	return bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
}

// reportWarnings prints one line per source that was skipped and returns
// the exit status: 1 when some source failed, 0 when all were read (files
// left out of a folder on purpose, and a cache that could not be used, are
// told but are no failure: every brief was still read).
func reportWarnings(stderr io.Writer, warns []source.Warning) int {
	code := exitOK
	for _, w := range warns {
		if w.Notice || w.Source == "cache" || w.Source == "index snapshot" {
			fmt.Fprintln(stderr, "briefs: note:", w.Error())
			continue
		}
		fmt.Fprintln(stderr, "briefs: skipped:", w.Error())
		code = exitFailure
	}
	return code
}

// finish ends a command: the warnings told, then exit 1 when a source
// failed or nothing was found (nothing is then said on stderr by caller).
func finish(cmd *cobra.Command, warns []source.Warning, empty string) error {
	code := reportWarnings(cmd.ErrOrStderr(), warns)
	if empty != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "briefs:", empty)
		code = exitFailure
	}
	if code != exitOK {
		return exitStatus(code)
	}
	return nil
}

// archiveFlags are the flags every command that reads briefs shares.
type archiveFlags struct {
	samples bool
}

func addArchiveFlags(cmd *cobra.Command) *archiveFlags {
	a := &archiveFlags{}
	cmd.Flags().BoolVar(&a.samples, "samples", false, "read the built-in sample briefs instead of the configured sources")
	return a
}

// specs are the sources cmd reads: its arguments; else, as the reader does,
// the config's sources and feeds (the built-in samples when it names none);
// the built-in samples with --samples. nil means the samples.
func (a *archiveFlags) specs(cmd *cobra.Command, args []string) ([]string, error) {
	if a.samples {
		if len(args) > 0 {
			return nil, usagef(cmd, "--samples reads the built-in briefs: give it no PATH (%s)", args[0])
		}
		return nil, nil
	}
	if len(args) > 0 {
		return args, nil
	}
	cfgPath, _ := cmd.Flags().GetString("config")
	cfg, _, err := loadConfig(cfgPath, cmd.ErrOrStderr())
	if err != nil {
		return nil, err
	}
	return configSpecs(cfg), nil
}

// corpus is what a command reads: the briefs (when asked for), the index
// of them, and the sources that failed.
type corpus struct {
	arts  []model.Article
	ix    *index.Index
	warns []source.Warning
}

// streamOptions are the options of every command's load: the reader's
// cache, HTTP cache and workers (articles.Stream's defaults), standard
// input from cmd.
func streamOptions(cmd *cobra.Command) articles.StreamOptions {
	return articles.StreamOptions{Source: source.Options{Stdin: cmd.InOrStdin()}}
}

// loadCorpus reads specs (nil: the built-in samples) as the reader does,
// through articles.StreamIndex: the briefs the cache holds are neither read
// nor extracted again, and the index snapshot kept beside it is read back
// when it fits. keep keeps the briefs too (export needs them).
func loadCorpus(cmd *cobra.Command, specs []string, keep bool) (corpus, error) {
	opt := streamOptions(cmd)
	snap, version := articles.SnapshotFor(specs, &opt)
	c := corpus{ix: index.New(articles.Resolver())}
	c.warns = articles.StreamIndex(cmd.Context(), specs, opt, c.ix, snap, version, func(batch []model.Article) {
		if keep {
			c.arts = append(c.arts, batch...)
		}
	}, nil)
	return c, nil
}

// plainError is err without the name of the system call that failed
// ("open x: no such file or directory" is "no such file or folder").
func plainError(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errors.New("no such file or folder")
	case errors.Is(err, os.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
