package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"briefs/articles"
	"briefs/articles/digest"
	"briefs/articles/source"
	"briefs/model"
	"briefs/ui/config"
)

// exportCmd implements `briefs export [--format md|json] [--out FILE] QUERY
// [PATH...]`: the digest of every brief the query finds, best first, ready
// to paste into a report.
func exportCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "md", "md or json")
	out := fs.String("out", "", "write to this file instead of standard output")
	if err := fs.Parse(args); err != nil {
		return 0, usageError{"export: " + err.Error()}
	}
	if *format != "md" && *format != "json" {
		return 0, usageError{fmt.Sprintf("export: unknown format %q (want md or json)", *format)}
	}
	if fs.NArg() == 0 {
		return 0, usageError{"export: a query is needed"}
	}
	query, specs := fs.Arg(0), fs.Args()[1:]
	p, err := articles.NewPipeline()
	if err != nil {
		return 0, err
	}
	arts, warns, err := articles.Load(context.Background(), specs, source.Options{Stdin: stdin})
	if err != nil {
		return 0, err
	}
	res, err := p.Index(arts).Search(query, 0)
	if err != nil {
		return 0, usageError{"export: " + err.Error()}
	}
	byID := make(map[string]*model.Article, len(arts))
	for i := range arts {
		byID[arts[i].ID] = &arts[i]
	}
	matched := make([]model.Article, 0, len(res.Hits))
	for _, h := range res.Hits {
		if a, ok := byID[h.ArticleID]; ok {
			matched = append(matched, *a)
		}
	}
	w := stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return 0, fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if *format == "json" {
		err = writeArticles(bw, "json", matched)
	} else {
		err = writeExportMarkdown(bw, query, matched)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil && f != nil {
		err = f.Close()
	}
	if err != nil {
		return 0, fmt.Errorf("export: write: %w", err)
	}
	if *out != "" {
		fmt.Fprintf(stderr, "briefs: %d briefs written to %s\n", len(matched), *out)
	}
	return reportWarnings(stderr, warns), nil
}

// writeExportMarkdown writes the digests of arts under one heading naming
// the query; each digest's headings go one level down.
func writeExportMarkdown(w io.Writer, query string, arts []model.Article) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Briefs matching “%s”\n\n", strings.Join(strings.Fields(query), " "))
	switch len(arts) {
	case 0:
		b.WriteString("No brief matches.\n")
	case 1:
		b.WriteString("1 brief.\n\n")
	default:
		fmt.Fprintf(&b, "%d briefs, best match first.\n\n", len(arts))
	}
	for i := range arts {
		var d strings.Builder
		if err := digest.Markdown(&d, &arts[i]); err != nil {
			return fmt.Errorf("digest of %q: %w", arts[i].Title, err)
		}
		for _, line := range strings.SplitAfter(d.String(), "\n") {
			if strings.HasPrefix(line, "#") {
				b.WriteString("#")
			}
			b.WriteString(line)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// configCmd implements `briefs config [--default] [--config FILE]`: the
// commented default file, or the file in use checked.
func configCmd(args []string, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("config", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	def := fs.Bool("default", false, "print the commented default config file")
	path := fs.String("config", "", "the config file to check")
	if err := fs.Parse(args); err != nil {
		return 0, usageError{"config: " + err.Error()}
	}
	if *def {
		if err := config.WriteDefault(stdout); err != nil {
			return 0, err
		}
		return exitOK, nil
	}
	p := config.Path(*path)
	_, probs, err := config.Load(p)
	if err != nil {
		return 0, err
	}
	fmt.Fprintln(stdout, p)
	for _, pr := range probs {
		fmt.Fprintln(stderr, "briefs: config:", pr.String())
	}
	if len(probs) > 0 {
		return exitFailure, nil
	}
	return exitOK, nil
}

// loadConfig reads the reader's config file: problems go to stderr and to
// the reader's warnings view; an unreadable file named explicitly is an error.
func loadConfig(flagValue string, stderr io.Writer) (config.Config, []string, error) {
	cfg, probs, err := config.Load(config.Path(flagValue))
	if err != nil {
		return cfg, nil, err
	}
	lines := make([]string, len(probs))
	for i, p := range probs {
		lines[i] = "config: " + p.String()
		fmt.Fprintln(stderr, "briefs:", lines[i])
	}
	return cfg, lines, nil
}
