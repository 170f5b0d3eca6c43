// Command polneareval prints, for every .txt brief under a folder, the
// article with its quotations as one JSON line (the `briefs extract` shape),
// for scoring with ../shared/eval/quotes.py while `briefs extract` is built.
//
//	go run ./articles/quotes/cmd/polneareval DIR > out.jsonl
//
// A file's first non-empty line is its title; the rest are its paragraphs,
// each trimmed, joined by a blank line.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"briefs/articles/quotes"
	"briefs/model"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: polneareval DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "polneareval:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
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
