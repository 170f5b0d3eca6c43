package entities

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefs/articles/entities/token"
	"briefs/articles/samples"
	"briefs/model"
)

// readBriefs reads plain-text briefs (title line, blank line, paragraphs).
func readBriefs(b *testing.B, paths []string, read func(string) ([]byte, error)) []model.Article {
	b.Helper()
	var arts []model.Article
	for _, p := range paths {
		data, err := read(p)
		if err != nil {
			b.Fatalf("read %s: %v", p, err)
		}
		title, rest, _ := strings.Cut(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
		var paras []string
		for _, para := range strings.Split(rest, "\n\n") {
			if para = strings.TrimSpace(para); para != "" {
				paras = append(paras, para)
			}
		}
		arts = append(arts, model.Article{Title: strings.TrimSpace(title), Body: strings.Join(paras, model.ParagraphSep)})
	}
	return arts
}

// benchExtract extracts every article per iteration and reports tokens/s.
func benchExtract(b *testing.B, arts []model.Article) {
	x, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	toks := 0
	for _, a := range arts {
		toks += len(token.Tokenize(a.Title)) + len(token.Tokenize(a.Body))
	}
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		for i := range arts {
			x.Extract(&arts[i])
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	// On a shared machine wall time counts other people's work too; CPU time does not.
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(toks)*float64(b.N)/cpu, "tokens/cpu-s")
	}
}

// BenchmarkExtractBBC extracts the BBC politics articles (skipped without ../shared).
func BenchmarkExtractBBC(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "bbc", "politics")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(paths) == 0 {
		b.Skip("no BBC politics articles at", dir)
	}
	benchExtract(b, readBriefs(b, paths, os.ReadFile))
}

// BenchmarkExtractBBCCold extracts the BBC politics articles once per
// iteration with a freshly loaded extractor (load time left out), as a reader
// meets a new folder of briefs: no word is in the tagger's caches yet.
// Skipped without ../shared.
func BenchmarkExtractBBCCold(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "bbc", "politics")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(paths) == 0 {
		b.Skip("no BBC politics articles at", dir)
	}
	arts := readBriefs(b, paths, os.ReadFile)
	toks := 0
	for _, a := range arts {
		toks += len(token.Tokenize(a.Title)) + len(token.Tokenize(a.Body))
	}
	cpu := 0.0
	for b.Loop() {
		b.StopTimer()
		x, err := New()
		if err != nil {
			b.Fatal(err)
		}
		cpu0 := cpuSeconds()
		b.StartTimer()
		for i := range arts {
			x.Extract(&arts[i])
		}
		cpu += cpuSeconds() - cpu0
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(toks)*float64(b.N)/cpu, "tokens/cpu-s")
	}
}

// BenchmarkExtractSamples extracts the built-in plain-text briefs.
func BenchmarkExtractSamples(b *testing.B) {
	var names []string
	for _, n := range samples.Names() {
		if strings.HasSuffix(n, ".txt") {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		b.Fatal("no built-in briefs")
	}
	benchExtract(b, readBriefs(b, names, samples.FS.ReadFile))
}

// BenchmarkLoad measures loading the embedded model and gazetteer.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSplitSentencesPolNeAR tokenizes the PolNeAR training briefs and
// splits them into sentences, the first step of Extract (skipped without
// ../shared). It reports CPU time per op too: on a shared machine wall time
// counts other people's work.
func BenchmarkSplitSentencesPolNeAR(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "polnear", "train", "text", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no ../shared/data/polnear/train/text")
	}
	arts := readBriefs(b, paths, os.ReadFile)
	bufs := new(textBufs)
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		for i := range arts {
			bufs.toks, bufs.words = bufs.toks[:0], bufs.words[:0]
			sents := splitSentences(bufs.sents[:0], arts[i].Title, bufs)
			bufs.sents = splitSentences(sents, arts[i].Body, bufs)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}
