// Command polneareval prints, for every .txt brief under a folder, the
// article with its quotations as one JSON line (the `briefs extract` shape),
// for scoring with ../shared/eval/quotes.py while `briefs extract` is built.
//
//	go run ./articles/quotes/cmd/polneareval [-entities=false] DIR > out.jsonl
//
// With -entities (the default) the entity extractor runs first, as in the
// product, so speakers are named by their entities.
//
// A file's first non-empty line is its title; the rest are its paragraphs,
// each trimmed, joined by a blank line.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"briefs/articles/entities"
	"briefs/articles/quotes"
	"briefs/model"
)

func main() {
	ents := flag.Bool("entities", true, "run the entity extractor before quotes")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: polneareval [-entities=false] DIR")
		os.Exit(2)
	}
	var x *entities.Extractor
	if *ents {
		var err error
		if x, err = entities.Default(); err != nil {
			fmt.Fprintln(os.Stderr, "polneareval:", err)
			os.Exit(1)
		}
	}
	if err := run(flag.Arg(0), x); err != nil {
		fmt.Fprintln(os.Stderr, "polneareval:", err)
		os.Exit(1)
	}
}

func run(dir string, x *entities.Extractor) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return fmt.Errorf("list %s: %w", dir, err)
	}
	sort.Strings(paths)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		a := Parse(p, string(raw))
		if x != nil {
			x.Extract(&a)
		}
		quotes.Extract(&a)
		line, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("marshal %s: %w", p, err)
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	return nil
}

// Parse makes an article of a plain-text brief.
func Parse(source, raw string) model.Article {
	var title string
	var paras []string
	for _, block := range strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n\n") {
		t := strings.TrimSpace(block)
		if t == "" {
			continue
		}
		if title == "" {
			first, rest, _ := strings.Cut(t, "\n")
			title = strings.TrimSpace(first)
			if rest = strings.TrimSpace(rest); rest != "" {
				paras = append(paras, rest)
			}
			continue
		}
		paras = append(paras, t)
	}
	body := strings.Join(paras, model.ParagraphSep)
	return model.Article{ID: model.ArticleID(title, body), Source: source, Title: title, Body: body}
}
