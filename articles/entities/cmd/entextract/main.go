// Command entextract runs the entity extractor alone over brief files (first
// line the title, a blank line, then paragraphs separated by blank lines) and
// prints one JSON article per line, as `briefs extract --format jsonl` does.
// It exists to score the extractor with ../shared/eval/conll.py while the
// full pipeline is elsewhere:
//
//	python3 ../shared/eval/conll.py make ../shared/data/conll2003/eng.testa /tmp/conll-dev
//	go run ./articles/entities/cmd/entextract /tmp/conll-dev > /tmp/conll-dev.jsonl
//	python3 ../shared/eval/conll.py score ../shared/data/conll2003/eng.testa /tmp/conll-dev /tmp/conll-dev.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"briefs/articles/entities"
	"briefs/model"
)

func main() {
	x, err := entities.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var files []string
	for _, arg := range os.Args[1:] {
		st, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if !st.IsDir() {
			files = append(files, arg)
			continue
		}
		m, _ := filepath.Glob(filepath.Join(arg, "*.txt"))
		sort.Strings(m)
		files = append(files, m...)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	status := 0
	for _, path := range files {
		a, err := ReadBrief(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 1
			continue
		}
		x.Extract(a)
		b, err := json.Marshal(a)
		if err != nil {
			fmt.Fprintln(os.Stderr, fmt.Errorf("marshal %s: %w", path, err))
			status = 1
			continue
		}
		w.Write(b)
		w.WriteByte('\n')
	}
	w.Flush()
	os.Exit(status)
}

// ReadBrief reads a brief file: title line, blank line, paragraphs separated by blank lines.
func ReadBrief(path string) (*model.Article, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	title, rest, _ := strings.Cut(text, "\n")
	var paras []string
	for _, p := range strings.Split(rest, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	title = strings.TrimSpace(title)
	body := strings.Join(paras, model.ParagraphSep)
	return &model.Article{ID: model.ArticleID(title, body), Source: path, Title: title, Body: body}, nil
}
