package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"briefs/articles/entities"
	"briefs/articles/quotes"
	"briefs/articles/source"
	"briefs/model"
)

// explainSection prints one stage's trace of an article, in pipeline order.
// run extracts what its stage finds (a's entities, then its quotes) and
// writes how; an error is a write error.
type explainSection struct {
	name string
	run  func(w io.Writer, a *model.Article, opt explainOptions) error
}

// explainOptions are the flags of `briefs explain`, for every section.
type explainOptions struct {
	quote int // only this quote (1-based), or 0 for all
	ents  *entities.Extractor
}

// explainSections run in this order on every article. The hook for the
// entity trace is the "entities" section: it runs the entity extractor (which
// quotes need first) and prints its entities; an entity trace replaces
// explainEntities' body, and a new stage adds a section here.
var explainSections = []explainSection{
	{"entities", explainEntities},
	{"quotes", explainQuotes},
}

func newExplainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain [--quote N] FILE|-...",
		Short: "The steps behind each entity and quote: tagger, gazetteer, rules, links, speakers",
		Long: `Prints, for each entity of each brief, every mention with the steps that
made it (the tagger's labels and margin, the gazetteer entry, the repair rules
that changed it, the link that tied it to the entity), then each span a repair
rule dropped with the rule's name; and for each quotation,
why it was kept or dropped and how its speaker was found: the marks, the
keep/drop rule, the cue and its rules, the candidate speakers, the rule that
chose, and each coreference step.
--quote N prints only the Nth quote of each brief (as 'briefs extract' numbers
them from 1: title first, then body).`,
		Example: `briefs explain --quote 3 today.txt`,
	}
	quote := cmd.Flags().IntP("quote", "q", 0, "only the Nth quote of each brief")
	cmd.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usagef(cmd, "explain needs a FILE or -: %s", cmd.UseLine())
		}
		return nil
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if *quote < 0 {
			return usagef(cmd, "--quote %d: want 1 or more", *quote)
		}
		if code := explain(args, *quote, cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()); code != exitOK {
			return exitStatus(code)
		}
		return nil
	}
	return cmd
}

// explain prints the trace of every brief of specs and returns the exit
// status (0 ok, 1 a source failed or a quote number matched nothing).
func explain(specs []string, quote int, stdin io.Reader, stdout, stderr io.Writer) int {
	ents, err := entities.Default()
	if err != nil {
		fmt.Fprintln(stderr, "briefs: explain: load entity model:", err)
		return exitFailure
	}
	arts, warns := source.Load(context.Background(), specs, source.Options{Stdin: stdin})
	code := reportWarnings(stderr, warns)
	w := bufio.NewWriterSize(stdout, 1<<16)
	opt := explainOptions{quote: quote, ents: ents}
	for i := range arts {
		a := &arts[i]
		fmt.Fprintf(w, "== %s", a.Title)
		if a.Source != "" {
			fmt.Fprintf(w, " (%s)", a.Source)
		}
		fmt.Fprintln(w)
		for _, s := range explainSections {
			fmt.Fprintf(w, "-- %s\n", s.name)
			if err := s.run(w, a, opt); err != nil {
				fmt.Fprintln(stderr, "briefs: explain: write output:", err)
				return exitFailure
			}
		}
		if quote > len(a.Quotes) {
			fmt.Fprintf(stderr, "briefs: explain: %s has %d quotes, no quote %d\n", a.Title, len(a.Quotes), quote)
			code = exitFailure
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, "briefs: explain: write output:", err)
		return exitFailure
	}
	return code
}

// explainEntities extracts a's entities with their trace and prints, for
// each entity (kind, name, id), every mention with the steps that made it:
// the tagger's labels and margin, the gazetteer entry, the repair rules
// that changed it and the link step that tied it to the entity; then
// every span a rule dropped ("dropped body 4-12 ..."). With
// --quote it extracts them for the speakers and prints nothing.
func explainEntities(w io.Writer, a *model.Article, opt explainOptions) error {
	if opt.quote > 0 {
		opt.ents.Extract(a)
		return nil
	}
	ents, dropped := opt.ents.ExtractTraceDropped(a)
	for _, et := range ents {
		for _, line := range strings.SplitAfter(et.String(), "\n") {
			if line == "" {
				continue
			}
			if _, err := io.WriteString(w, "  "+line); err != nil {
				return err
			}
		}
	}
	for _, d := range dropped {
		if _, err := io.WriteString(w, "  dropped "+d.String()+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// explainQuotes extracts a's quotes with a trace and prints it.
func explainQuotes(w io.Writer, a *model.Article, opt explainOptions) error {
	var tr quotes.Trace
	quotes.ExtractTrace(a, &tr)
	return tr.Write(w, opt.quote)
}
