// Command briefs is a terminal reader for diplomatic news briefs: it shows who
// is named and what was said, by whom, in every brief it loads.
//
//	briefs [PATH|URL|-]...          read briefs (the configured sources, else the built-in samples)
//	briefs extract|search|entities|quotes|export ...
//	briefs config|version|help|completion|man
//
// main.go builds the command line (spf13/cobra, styled by charm.land/fang)
// and runs the reader; each subcommand lives in a file of its own, made by
// a newXxxCmd function listed in subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"

	"charm.land/fang/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"briefs/articles"
	"briefs/articles/source"
	"briefs/ui"
	"briefs/ui/config"
)

// version is the release; builds may override it with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes: 0 success, 1 failure (some source or the program failed, or
// nothing was found), 2 bad usage.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// subcommands are the commands under briefs, one file each.
func subcommands() []*cobra.Command {
	return []*cobra.Command{
		newExtractCmd(),
		newSearchCmd(),
		newEntitiesCmd(),
		newQuotesCmd(),
		newExportCmd(),
		newConfigCmd(),
		newFeedsCmd(),
		newIngestCmd(),
		newWatchCmd(),
		newExplainCmd(),
		newVersionCmd(),
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// usageError is a mistake in the command line: exit status 2, with a hint
// to the command's help.
type usageError struct {
	cmd string // the command path, "briefs search"
	msg string
}

func (e usageError) Error() string { return e.msg }

// exitStatus ends a command with code after it has said all it had to say
// (the skipped sources, "no brief matches").
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func usagef(cmd *cobra.Command, format string, args ...any) error {
	return usageError{cmd: cmd.CommandPath(), msg: fmt.Sprintf(format, args...)}
}

// run runs briefs with args and returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	// A mistyped command is told as such even when flags follow it that
	// only the command knows ("briefs qoutes --speaker X").
	// (help, completion and man are added as Execute starts.)
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && !slices.Contains([]string{"help", "completion", "man", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd}, args[0]) {
		if c, _, err := root.Find(args); err == nil && c == root {
			if err := readerArgs(root, args[:1]); err != nil {
				var ue usageError
				if errors.As(err, &ue) {
					handleError(colorprofile.NewWriter(stderr, os.Environ()), fang.Styles{}, err)
					return exitUsage
				}
			}
		}
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(context.Background(), root,
		fang.WithVersion(buildVersion()),
		fang.WithErrorHandler(handleError),
		fang.WithNotifySignal(os.Interrupt),
	)
	var st exitStatus
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &st):
		return int(st)
	case errors.As(err, &ue), isCobraUsage(err):
		return exitUsage
	}
	return exitFailure
}

// buildVersion is version, with the commit it was built from when the
// build recorded one.
func buildVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 7 {
				return version + " (" + s.Value[:7] + ")"
			}
		}
	}
	return version
}

// isCobraUsage tells the usage errors cobra makes itself (flags it could
// not parse are turned into usageError by flagError; these are the rest).
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires "} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// handleError prints err for fang: "briefs: message" and, for a usage
// error, where help is; in Charm's style on a terminal, plain otherwise.
func handleError(w io.Writer, styles fang.Styles, err error) {
	var st exitStatus
	if errors.As(err, &st) {
		return // already said
	}
	var ue usageError
	usage := errors.As(err, &ue) || isCobraUsage(err)
	helpCmd := "briefs"
	if ue.cmd != "" {
		helpCmd = ue.cmd
	}
	if cw, ok := w.(*colorprofile.Writer); ok && isTerminal(cw.Forward) {
		fang.DefaultErrorHandler(w, styles, err)
		return
	}
	fmt.Fprintln(w, "briefs:", err)
	if usage {
		fmt.Fprintf(w, "Run '%s --help' for usage.\n", helpCmd)
	}
}

func newRootCmd() *cobra.Command {
	var cfgPath string
	root := &cobra.Command{
		Use:   "briefs [PATH|URL|-]...",
		Short: "A terminal reader for diplomatic news briefs",
		Long: `A terminal reader for diplomatic news briefs: who is named in each, and what was said, by whom.

With no PATH the reader opens the sources and feeds of the config file, or the built-in sample
briefs when it names none; the commands read the same archive (--samples for the built-in briefs).
Sources: .txt and .md files (front matter allowed), .json, .jsonl, .html, RSS, Atom and JSON Feed,
gzip of any of them, folders (recursively), URLs, and "-" for standard input.

Exit status: 0 success; 1 when a source or the program failed, or when a command found nothing
(as grep does); 2 on bad usage. Keys in the reader: press ? for help.`,
		Example: `briefs                                # the configured sources, else the built-in briefs
briefs ~/briefs today.txt             # a folder, recursively, and a file
briefs search "russian federation" --format json
briefs quotes --speaker Lavrov`,
		Args: readerArgs,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveDefault // sources: files and folders
		},
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, problems, err := loadConfig(cfgPath, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			in, err := resolveInput(cmd, cfg, args, false, false)
			if err != nil {
				return err
			}
			specs := in.specs
			// No soft memory limit (issue 22): a fixed one turned into
			// continuous collection once what the reader holds neared it
			// (300,000 briefs: 9.3 s to a complete list against 3.6 s).
			// Extraction is bounded by its budget (Pipeline.SetMemoryBudget).
			opt := ui.Options{Config: cfg, NoColor: config.NoColor(), Problems: problems, ConfigPath: config.Path(cfgPath)}
			if in.server() { // the shared archive
				ar, err := openArchive(cmd, in, false)
				if err != nil {
					return err
				}
				defer ar.Close()
				opt.Loader = serverLoader(ar)
				ctx, stop := context.WithCancel(cmd.Context())
				defer stop() // before Close: Watch gives its connection back
				opt.Changes = changes(ctx, ar)
				opt.State, opt.StateName = serverState{ar}, fmt.Sprintf("on the archive at %s (as %s)", ar, ar.User())
			}
			return ui.Run(specs, articles.StreamOptions{Source: source.Options{Stdin: cmd.InOrStdin()}}, opt)
		},
	}
	root.Flags().String("archive", "", "read the shared archive on a PostgreSQL server: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default $"+envArchive+", then the config's archive)")
	root.PersistentFlags().StringVar(&cfgPath, "config", "", "the config file (default $BRIEFS_CONFIG, then $XDG_CONFIG_HOME/briefs/config.toml)")
	root.SuggestionsMinimumDistance = 2
	root.SetVersionTemplate("briefs {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{cmd: c.CommandPath(), msg: plainFlagError(err)}
	})
	root.AddCommand(subcommands()...)
	root.SetHelpCommand(newHelpCmd())
	return root
}

// newHelpCmd is `briefs help [COMMAND]`: cobra's, but a topic that is no
// command is a usage error with suggestions, not the root's help and 0.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, sub := range c.Root().Commands() {
				if sub.IsAvailableCommand() {
					names = append(names, sub.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			root := c.Root()
			cmd, rest, err := root.Find(args)
			if err != nil || cmd == nil || len(rest) > 0 && cmd != root || cmd == root && len(args) > 0 {
				topic := strings.Join(args, " ")
				msg := fmt.Sprintf("no help for %q: no such command", topic)
				if s := root.SuggestionsFor(args[0]); len(s) > 0 && cmd == root {
					msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(s, " or "))
				}
				return usageError{cmd: "briefs", msg: msg}
			}
			cmd.InitDefaultHelpFlag() // merges the inherited flags (--config) for the listing
			return cmd.Help()
		},
	}
}

// readerArgs accepts the reader's sources: "-", URLs and paths that exist.
// A first word that is none of them is a mistyped command ("unknown
// command ..., did you mean search?"); a path that does not exist is named
// before the full-screen reader opens on nothing.
func readerArgs(cmd *cobra.Command, args []string) error {
	for i, a := range args {
		if a == "-" || source.IsURL(a) {
			continue
		}
		_, err := os.Stat(a)
		if err == nil || !errors.Is(err, os.ErrNotExist) {
			continue // the reader tells what is wrong with it
		}
		if i == 0 && !strings.ContainsAny(a, `/\.`) {
			msg := fmt.Sprintf("unknown command %q (and no file or folder of that name)", a)
			if s := cmd.SuggestionsFor(a); len(s) > 0 {
				msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(s, " or "))
			}
			return usageError{cmd: "briefs", msg: msg}
		}
		return fmt.Errorf("%s: no such file or folder", a)
	}
	return nil
}

// badFlagValue is pflag's message for a value it could not parse.
var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?(--[\w-]+)" flag: (.*)$`)

// plainFlagError says a flag error in plain words: `--limit takes a whole
// number (got "ten")`, not strconv's "parsing "ten": invalid syntax".
func plainFlagError(err error) string {
	m := badFlagValue.FindStringSubmatch(err.Error())
	if m == nil {
		return err.Error()
	}
	want := "another value"
	switch {
	case strings.Contains(m[3], "ParseInt"), strings.Contains(m[3], "Atoi"), strings.Contains(m[3], "ParseUint"):
		want = "a whole number"
	case strings.Contains(m[3], "ParseBool"):
		want = "true or false"
	case strings.Contains(m[3], "ParseFloat"):
		want = "a number"
	}
	return fmt.Sprintf("%s takes %s (got %q)", m[2], want, m[1])
}

// configError says in plain words why the config file at path could not
// be read.
func configError(path string, err error) error {
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
		return fmt.Errorf("config file %s: %v", path, plainError(err))
	}
	return err
}

// configSpecs are the sources and feeds of cfg, read when no PATH is given.
func configSpecs(cfg config.Config) []string {
	return append(append([]string(nil), cfg.Sources...), cfg.Feeds...)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(term.File)
	return ok && term.IsTerminal(f.Fd())
}

// loadConfig reads the reader's config file: problems go to stderr and to
// the reader's warnings view; an unreadable file named explicitly is an error.
func loadConfig(flagValue string, stderr io.Writer) (config.Config, []string, error) {
	path := config.Path(flagValue)
	cfg, probs, err := config.Load(path)
	if err != nil {
		return cfg, nil, configError(path, err)
	}
	lines := make([]string, len(probs))
	for i, p := range probs {
		lines[i] = "config: " + p.String()
		fmt.Fprintln(stderr, "briefs:", lines[i])
	}
	return cfg, lines, nil
}
