// Command briefs is a terminal reader for diplomatic news briefs: it shows who
// is named and what was said, by whom, in every brief it loads.
//
//	briefs [PATH|URL|-]...                          read briefs (the built-in samples with no argument)
//	briefs extract [--format jsonl|json|md] [PATH|URL|-]...
//	briefs export [--format md|json] [--out FILE] QUERY [PATH|URL|-]...
//	briefs config [--default] [--config FILE]
//	briefs explain [--quote N] FILE|-...
//
// main.go only parses the command line and wires articles to ui.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/charmbracelet/x/term"

	"briefs/articles"
	"briefs/articles/digest"
	"briefs/articles/index"
	"briefs/articles/source"
	"briefs/model"
	"briefs/ui"
	"briefs/ui/config"
)

// version is the release; builds may override it with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes: 0 success, 1 failure (some source or the program failed), 2 bad usage.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

const usage = `briefs: a terminal reader for diplomatic news briefs

Usage:
  briefs [PATH|URL|-]...        read briefs; with no argument, the built-in samples
  briefs extract [--format jsonl|json|md] [PATH|URL|-]...
                                print what each brief names and quotes, for scripts
  briefs search [--format F] [--limit N] QUERY [PATH|URL|-]...
                                briefs matching a query, best first
  briefs entities [--format F] [--kind K] [PATH|URL|-]...
                                every entity of the briefs, with counts and company
  briefs quotes [--format F] [--speaker NAME] [--about NAME] [PATH|URL|-]...
                                every quote, by speaker or by what it is about
  briefs export [--format md|json] [--out FILE] QUERY [PATH|URL|-]...
                                the digest of every brief a query finds, for a report
  briefs config [--default] [--config FILE]
                                check the config file, or print the commented default
  briefs explain [--quote N] FILE|-...
                                why each quote was kept and who said it, rule by rule
  briefs [--config FILE] [PATH|URL|-]...
                                read briefs with the settings of FILE
  briefs --version | --help

Queries: a name in any form (Lavrov, "russian federation", U.S.) finds the
entity; entity:NAME, speaker:NAME, kind:KIND, "a phrase" and free words;
terms are ANDed. F is one of jsonl, json, md, text (text on a terminal,
jsonl otherwise). With no PATH, the built-in sample briefs are searched.

Sources: .txt and .md files (front matter allowed), folders (recursively),
"-" for standard input, and what articles/source reads besides.

Exit status: 0 success, 1 when a source or the program failed, 2 on bad usage.
Keys in the reader: press ? for help.
`

// readerMemoryLimit is the reader's soft memory limit: the garbage collector
// works harder near it, which keeps a 100,000-brief archive (briefs, index
// and a cold load's extraction at once) near 1.3 GB instead of 1.7 GB, and
// costs nothing on smaller archives. GOMEMLIMIT overrides it.
const readerMemoryLimit = 1100 << 20

func softMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(readerMemoryLimit)
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// usageError marks an error in the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	code, err := dispatch(args, stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "briefs:", err)
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(stderr, "Run 'briefs --help' for usage.")
			return exitUsage
		}
		return exitFailure
	}
	return code
}

func dispatch(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	if len(args) > 0 {
		switch args[0] {
		case "extract":
			return extractCmd(args[1:], stdin, stdout, stderr)
		case "search", "entities", "quotes":
			return corpusCmd(args[0], args[1:], stdin, stdout, stderr)
		case "export":
			return exportCmd(args[1:], stdin, stdout, stderr)
		case "config":
			return configCmd(args[1:], stdout, stderr)
		case "explain":
			return explainCmd(args[1:], stdin, stdout, stderr), nil
		}
	}
	fs := flag.NewFlagSet("briefs", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	showVersion := fs.Bool("version", false, "print the version")
	showHelp := fs.Bool("help", false, "print usage")
	fs.BoolVar(showHelp, "h", false, "print usage")
	cfgPath := fs.String("config", "", "the config file (default $BRIEFS_CONFIG, then $XDG_CONFIG_HOME/briefs/config.toml)")
	if err := fs.Parse(args); err != nil {
		return 0, usageError{err.Error()}
	}
	switch {
	case *showHelp:
		fmt.Fprint(stdout, usage)
		return exitOK, nil
	case *showVersion:
		fmt.Fprintln(stdout, "briefs", version)
		return exitOK, nil
	}
	cfg, problems, err := loadConfig(*cfgPath, stderr)
	if err != nil {
		return 0, err
	}
	specs := fs.Args()
	if len(specs) == 0 { // the config's sources and feeds, or the built-in samples
		specs = append(append(specs, cfg.Sources...), cfg.Feeds...)
	}
	softMemoryLimit()
	opt := ui.Options{Config: cfg, NoColor: config.NoColor(), Problems: problems}
	if err := ui.Run(specs, articles.StreamOptions{Source: source.Options{Stdin: stdin}}, opt); err != nil {
		return 0, err
	}
	return exitOK, nil
}

// extractCmd implements `briefs extract`: the machine-readable face of the
// reader, as ../shared/spec/extract-format.md specifies.
func extractCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	defFormat := "jsonl"
	if isTerminal(stdout) {
		defFormat = "md"
	}
	format := fs.String("format", defFormat, "jsonl, json or md")
	if err := fs.Parse(args); err != nil {
		return 0, usageError{"extract: " + err.Error()}
	}
	switch *format {
	case "jsonl", "json", "md":
	default:
		return 0, usageError{fmt.Sprintf("extract: unknown format %q (want jsonl, json or md)", *format)}
	}
	arts, warns, err := articles.Load(context.Background(), fs.Args(), source.Options{Stdin: stdin})
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(stdout, 1<<16)
	if err := writeArticles(w, *format, arts); err != nil {
		return 0, fmt.Errorf("write output: %w", err)
	}
	if err := w.Flush(); err != nil {
		return 0, fmt.Errorf("write output: %w", err)
	}
	return reportWarnings(stderr, warns), nil
}

func writeArticles(w io.Writer, format string, arts []model.Article) error {
	switch format {
	case "json":
		if arts == nil {
			arts = []model.Article{}
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(arts)
	case "md":
		for i := range arts {
			if err := digest.Markdown(w, &arts[i]); err != nil {
				return err
			}
		}
		return nil
	default:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for i := range arts {
			if err := enc.Encode(&arts[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// corpusCmd implements `briefs search`, `briefs entities` and `briefs quotes`:
// the corpus index, printed for scripts.
func corpusCmd(name string, args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	defFormat := "jsonl"
	if isTerminal(stdout) {
		defFormat = "text"
	}
	format := fs.String("format", defFormat, "jsonl, json, md or text")
	limit := fs.Int("limit", 20, "search: at most this many briefs (0: all)")
	kind := fs.String("kind", "", "entities: only this kind")
	speaker := fs.String("speaker", "", "quotes: only quotes by this speaker")
	about := fs.String("about", "", "quotes: only quotes about this entity")
	if err := fs.Parse(args); err != nil {
		return 0, usageError{name + ": " + err.Error()}
	}
	f, err := index.ParseFormat(*format)
	if err != nil {
		return 0, usageError{name + ": " + err.Error()}
	}
	specs := fs.Args()
	var query string
	if name == "search" {
		if len(specs) == 0 {
			return 0, usageError{"search: a query is needed"}
		}
		query, specs = specs[0], specs[1:]
	}
	if *kind != "" && !validKind(model.EntityKind(*kind)) {
		return 0, usageError{fmt.Sprintf("entities: unknown kind %q", *kind)}
	}
	p, err := articles.NewPipeline()
	if err != nil {
		return 0, err
	}
	arts, warns, err := articles.Load(context.Background(), specs, source.Options{Stdin: stdin})
	if err != nil {
		return 0, err
	}
	ix := p.Index(arts)
	w := bufio.NewWriterSize(stdout, 1<<16)
	switch name {
	case "search":
		res, err := ix.Search(query, *limit)
		if err != nil {
			return 0, usageError{"search: " + err.Error()}
		}
		err = index.WriteHits(w, f, res.Hits)
	case "entities":
		err = index.WriteEntities(w, f, ix.EntitiesWith(model.EntityKind(*kind), 5))
	case "quotes":
		err = index.WriteQuotes(w, f, ix.Quotes(*speaker, *about))
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return 0, fmt.Errorf("write output: %w", err)
	}
	return reportWarnings(stderr, warns), nil
}

func validKind(k model.EntityKind) bool {
	for _, known := range model.Kinds {
		if k == known {
			return true
		}
	}
	return false
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// reportWarnings prints one line per source that was skipped and returns
// the exit status: 1 when some source failed, 0 when all were read (files
// left out of a folder on purpose are told but are no failure).
func reportWarnings(stderr io.Writer, warns []source.Warning) int {
	code := exitOK
	for _, w := range warns {
		if w.Notice {
			fmt.Fprintln(stderr, "briefs: note:", w.Error())
			continue
		}
		fmt.Fprintln(stderr, "briefs: skipped:", w.Error())
		code = exitFailure
	}
	return code
}
