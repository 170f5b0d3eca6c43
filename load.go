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
	"briefs/articles/pgarchive"
	"briefs/articles/source"
	"briefs/model"
	"briefs/ui/config"
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
	server  string // --archive
	into    bool   // the archive is where the command writes (ingest), not what it reads
}

// envArchive names the variable that holds the shared archive's address
// when --archive is not given (a systemd unit's EnvironmentFile keeps the
// password off the command line).
const envArchive = "BRIEFS_ARCHIVE"

func addArchiveFlags(cmd *cobra.Command) *archiveFlags {
	a := &archiveFlags{}
	cmd.Flags().BoolVar(&a.samples, "samples", false, "read the built-in sample briefs instead of the configured sources")
	cmd.Flags().StringVar(&a.server, "archive", "", "read the shared archive on a PostgreSQL server instead: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default $"+envArchive+", then the config's archive)")
	return a
}

// input is what a command reads (or ingest writes): the shared archive at
// addr, or the sources specs (nil: the built-in samples).
type input struct {
	specs []string
	addr  string // the shared archive's address; "" reads specs
	user  string // the config's archive_user: whose reading state the archive keeps ("" the database role)
}

// server reports whether in reads the shared archive.
func (in input) server() bool { return in.addr != "" }

// explicitArchive is the archive named on the command line or in the
// environment: --archive, else $BRIEFS_ARCHIVE; "" when neither is set.
func explicitArchive(cmd *cobra.Command) string {
	if f := cmd.Flags().Lookup("archive"); f != nil && f.Value.String() != "" {
		return f.Value.String()
	}
	return os.Getenv(envArchive)
}

// resolveInput is the one place that decides what a command or the reader
// reads, in this order: --archive, else $BRIEFS_ARCHIVE (both refuse a PATH
// and --samples beside them); else the PATHs given; else --samples, the
// built-in briefs; else the config's archive key; else the config's sources
// and feeds (the built-in samples when it names none). A command that
// writes the archive (ingest) takes its address from --archive,
// $BRIEFS_ARCHIVE or the config, and reads the PATHs or the config's
// sources. cfg is the config, loaded by the caller.
func resolveInput(cmd *cobra.Command, cfg config.Config, args []string, samples, into bool) (input, error) {
	in := input{user: cfg.ArchiveUser}
	explicit := explicitArchive(cmd)
	if into {
		in.addr = explicit
		if in.addr == "" {
			in.addr = cfg.Archive
		}
		if len(args) > 0 {
			in.specs = args
		} else if !samples {
			in.specs = configSpecs(cfg)
		}
		return in, nil
	}
	if explicit != "" {
		if samples || len(args) > 0 {
			what := "--samples"
			if len(args) > 0 {
				what = args[0]
			}
			return in, usagef(cmd, "--archive (or $%s) reads the shared archive: give it no PATH nor --samples (%s)", envArchive, what)
		}
		in.addr = explicit
		return in, nil
	}
	switch {
	case samples && len(args) > 0:
		return in, usagef(cmd, "--samples reads the built-in briefs: give it no PATH (%s)", args[0])
	case samples:
		return in, nil
	case len(args) > 0:
		in.specs = args
	case cfg.Archive != "":
		in.addr = cfg.Archive
	default:
		in.specs = configSpecs(cfg)
	}
	return in, nil
}

// input resolves what cmd reads from its flags, its arguments and the
// config (see resolveInput).
func (a *archiveFlags) input(cmd *cobra.Command, args []string) (input, error) {
	cfgPath, _ := cmd.Flags().GetString("config")
	cfg, _, err := loadConfig(cfgPath, cmd.ErrOrStderr())
	if err != nil {
		return input{}, err
	}
	return resolveInput(cmd, cfg, args, a.samples, a.into)
}

// openArchive opens the shared archive in reads, as the user in names.
func openArchive(cmd *cobra.Command, in input, migrate bool) (*pgarchive.Archive, error) {
	return pgarchive.Open(cmd.Context(), in.addr, pgarchive.Options{Migrate: migrate, User: in.user})
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

// loadCorpus reads in: the shared archive, or its sources (nil: the
// built-in samples) as the reader does, through articles.StreamIndex: the
// briefs the cache holds are neither read nor extracted again, and the
// index snapshot kept beside it is read back when it fits. keep keeps the
// briefs too (export needs them).
func loadCorpus(cmd *cobra.Command, in input, keep bool) (corpus, error) {
	if in.server() {
		return loadServerCorpus(cmd, in, keep)
	}
	specs := in.specs
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

// eachFromServer calls emit with the briefs of the shared archive of in,
// in batches, in the order they were ingested.
func eachFromServer(cmd *cobra.Command, in input, emit func([]model.Article)) error {
	ar, err := openArchive(cmd, in, false)
	if err != nil {
		return err
	}
	defer ar.Close()
	batch := make([]model.Article, 0, articles.DefaultBatchSize)
	err = ar.Each(cmd.Context(), 0, func(_ int64, b model.Article) bool {
		batch = append(batch, b)
		if len(batch) == cap(batch) {
			emit(batch)
			batch = make([]model.Article, 0, articles.DefaultBatchSize)
		}
		return true
	})
	if err != nil {
		return fmt.Errorf("read the archive at %s: %v", ar, err)
	}
	if len(batch) > 0 {
		emit(batch)
	}
	return nil
}

// loadServerCorpus reads the shared archive of in into the index the
// commands search, as loadCorpus does with sources.
func loadServerCorpus(cmd *cobra.Command, in input, keep bool) (corpus, error) {
	c := corpus{ix: index.New(articles.Resolver())}
	err := eachFromServer(cmd, in, func(batch []model.Article) {
		c.ix.AddBatch(batch)
		if keep {
			c.arts = append(c.arts, batch...)
		}
	})
	c.ix.Compact()
	return c, err
}
