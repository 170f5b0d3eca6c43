// Command train learns the quotation speaker ranker's weights from PolNeAR
// train (brat attribution annotations) and writes articles/quotes/ranker.json:
//
//	go run ./articles/quotes/train -polnear ../shared/data/polnear/train -out articles/quotes/ranker.json
//
// For every quotation whose sentence offers two candidate speakers or more
// (quotes.RankExamples), a candidate is right when its phrase overlaps the
// annotated source, or, for a source that is not a pronoun, when its
// resolved name shares a content word with the source (as the scorer
// counts). Logistic regression, full-batch gradient descent with an L2
// penalty, a fixed number of steps from zero weights: the same data gives
// the same file. The margin by which a candidate must beat the rules' first
// choice is chosen on the same train split. Never run it on dev.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"briefs/articles/entities"
	"briefs/articles/quotes"
	"briefs/articles/quotes/internal/plainbrief"
)

func main() {
	dir := flag.String("polnear", "../shared/data/polnear/train", "a PolNeAR split (text/, attributions/): train only")
	out := flag.String("out", "articles/quotes/ranker.json", "where to write the weights")
	steps := flag.Int("steps", 3000, "gradient steps")
	l2 := flag.Float64("l2", 1e-3, "L2 penalty")
	dump := flag.String("dump", "", "also write the candidates and their labels (JSON) here")
	flag.Parse()
	if strings.Contains(filepath.Base(filepath.Clean(*dir)), "dev") {
		log.Fatal("train: dev decides, never train on it")
	}
	data, stats := collect(*dir)
	log.Printf("%s", stats)
	if *dump != "" {
		b, _ := json.Marshal(data)
		if err := os.WriteFile(*dump, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	m := fit(data, *steps, *l2)
	m.Margin, m.Note = chooseMargin(m, data)
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %s", *out, m.Note)
}

// group is one quotation's candidates with their labels.
type group struct {
	X     [][]float64 `json:"x"`
	Right []bool      `json:"right"`
	Rules []string    `json:"rules"`
}

var quoteRE = regexp.MustCompile(`[“"]([^“”"]{1,1000}?)[”"]`)

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true, "him": true,
	"her": true, "them": true, "his": true, "its": true, "their": true, "who": true, "which": true, "that": true}

var stop = func() map[string]bool {
	m := map[string]bool{}
	for w := range pronouns {
		m[w] = true
	}
	for _, w := range strings.Fields("the a an of to and in on for at by with said says mr mrs ms dr") {
		m[w] = true
	}
	return m
}()

var wordRE = regexp.MustCompile(`[a-z0-9]+`)

func contentWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range wordRE.FindAllString(strings.ToLower(s), -1) {
		if !stop[w] {
			m[w] = true
		}
	}
	return m
}

// goldQuote is an annotated quotation: its words and its source, in bytes of the file.
type goldQuote struct {
	start, end   int
	srcS, srcE   []int
	src          string
	alt          []string // the sources of other attributions of the same words
	pronounSrc   bool
	hasSrcAnchor bool
}

func collect(dir string) ([]group, string) {
	paths, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil || len(paths) == 0 {
		log.Fatalf("train: no texts in %s/text", dir)
	}
	sort.Strings(paths)
	x, err := entities.Default()
	if err != nil {
		log.Fatal(err)
	}
	var data []group
	exs, matched, firstRight, anyRight := 0, 0, 0, 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			log.Fatal(err)
		}
		key := strings.TrimSuffix(filepath.Base(p), ".txt")
		anns, _ := filepath.Glob(filepath.Join(dir, "attributions", key+"_*.ann"))
		if len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		gold := readGold(anns[0], string(raw))
		a, at := plainbrief.Parse(string(raw))
		x.Extract(&a)
		for _, ex := range quotes.RankExamples(&a) {
			exs++
			s, e := at.Raw(ex.Start), at.Raw(ex.End)
			var g *goldQuote
			for i := range gold {
				c := &gold[i]
				if s < c.end && c.start < e && 2*(min(e, c.end)-max(s, c.start)) >= max(e-s, c.end-c.start) {
					g = c
					break
				}
			}
			if g == nil || !g.hasSrcAnchor {
				continue
			}
			matched++
			var gr group
			some := false
			for _, c := range ex.Cands {
				cs, ce := at.Raw(c.Start), at.Raw(c.End)
				ok := false
				for k := range g.srcS {
					ok = ok || cs < g.srcE[k] && g.srcS[k] < ce
				}
				for _, src := range append([]string{g.src}, g.alt...) {
					gw := contentWords(src)
					for w := range contentWords(c.Name) {
						ok = ok || gw[w]
					}
				}
				gr.X = append(gr.X, c.X)
				gr.Rules = append(gr.Rules, c.Rule)
				gr.Right = append(gr.Right, ok)
				some = some || ok
			}
			if gr.Right[0] {
				firstRight++
			} else if some && os.Getenv("RANK_DEBUG") != "" {
				var cs []string
				for k, c := range ex.Cands {
					cs = append(cs, fmt.Sprintf("%s=%q/%v", c.Rule, c.Name, gr.Right[k]))
				}
				qs := at.Raw(ex.Start)
				fmt.Fprintf(os.Stderr, "%s @%d src=%q %s\n   %q\n", key, qs, g.src, strings.Join(cs, " "), string(raw)[max(0, qs-200):min(len(raw), qs+100)])
			}
			if some {
				anyRight++
			}
			data = append(data, gr)
		}
	}
	return data, fmt.Sprintf("%d quotations with two candidates or more, %d matched to an annotated quotation; the rules' first choice right for %d, some candidate right for %d",
		exs, matched, firstRight, anyRight)
}

// readGold reads the quotations inside annotated contents, with their sources, in bytes.
func readGold(path, text string) []goldQuote {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	// brat offsets count characters: map them to bytes
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	toByte := func(c int) int { return byteAt[min(max(c, 0), len(byteAt)-1)] }
	type tb struct {
		typ  string
		segs [][2]int
	}
	T := map[string]tb{}
	var E []map[string]string
	for _, line := range strings.Split(string(b), "\n") {
		parts := strings.Split(line, "\t")
		switch {
		case strings.HasPrefix(line, "T") && len(parts) >= 3:
			typ, rng, _ := strings.Cut(parts[1], " ")
			var segs [][2]int
			for _, r := range strings.Split(rng, ";") {
				f := strings.Fields(r)
				if len(f) != 2 {
					continue
				}
				s, _ := strconv.Atoi(f[0])
				e, _ := strconv.Atoi(f[1])
				segs = append(segs, [2]int{toByte(s), toByte(e)})
			}
			T[parts[0]] = tb{typ, segs}
		case strings.HasPrefix(line, "E") && len(parts) >= 2:
			m := map[string]string{}
			for _, kv := range strings.Fields(parts[1]) {
				if k, v, ok := strings.Cut(kv, ":"); ok {
					m[k] = v
				}
			}
			E = append(E, m)
		}
	}
	var out []goldQuote
	seen := map[int]int{}
	for _, e := range E {
		c, ok := T[e["Content"]]
		if !ok || len(c.segs) == 0 {
			continue
		}
		lo, hi := c.segs[0][0], c.segs[0][1]
		for _, s := range c.segs {
			lo, hi = min(lo, s[0]), max(hi, s[1])
		}
		src, hasSrc := T[e["Source"]]
		g := goldQuote{hasSrcAnchor: hasSrc && len(src.segs) > 0}
		var st []string
		for _, s := range src.segs {
			g.srcS, g.srcE = append(g.srcS, s[0]), append(g.srcE, s[1])
			st = append(st, text[s[0]:s[1]])
		}
		g.src = strings.Join(st, " ")
		g.pronounSrc = len(contentWords(g.src)) == 0
		for _, m := range quoteRE.FindAllStringSubmatchIndex(text[lo:min(hi+utf8.UTFMax, len(text))], -1) {
			q := g
			q.start, q.end = lo+m[2], lo+m[3]
			if q.start > hi || len(wordRE.FindString(strings.ToLower(text[q.start:q.end]))) == 0 {
				continue
			}
			// words inside two attributions ("X said ..., according to
			// CNN") have two sources: either is right
			if k, ok := seen[q.start]; ok {
				o := &out[k-1]
				o.srcS, o.srcE = append(o.srcS, g.srcS...), append(o.srcE, g.srcE...)
				o.alt = append(o.alt, g.src)
				continue
			}
			seen[q.start] = len(out) + 1
			out = append(out, q)
		}
	}
	return out
}

type rankModel struct {
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
	Bias     float64   `json:"bias"`
	Margin   float64   `json:"margin"`
	Note     string    `json:"note,omitempty"`
}

// fit trains the logistic regression on every candidate of every group
// with a right one.
func fit(data []group, steps int, l2 float64) *rankModel {
	names := quotes.RankFeatures()
	n := len(names)
	var xs [][]float64
	var ys []float64
	for _, g := range data {
		some := false
		for _, r := range g.Right {
			some = some || r
		}
		if !some {
			continue
		}
		for k := range g.X {
			xs = append(xs, g.X[k])
			ys = append(ys, b2f(g.Right[k]))
		}
	}
	w := make([]float64, n)
	bias := 0.0
	grad := make([]float64, n)
	lr := 0.5
	for it := 0; it < steps; it++ {
		clear(grad)
		gb := 0.0
		for i, x := range xs {
			z := bias
			for j, v := range x {
				z += w[j] * v
			}
			d := 1/(1+math.Exp(-z)) - ys[i]
			for j, v := range x {
				grad[j] += d * v
			}
			gb += d
		}
		m := float64(len(xs))
		for j := range w {
			w[j] -= lr * (grad[j]/m + l2*w[j])
		}
		bias -= lr * gb / m
	}
	for j := range w {
		w[j] = math.Round(w[j]*1e4) / 1e4
	}
	return &rankModel{Features: names, Weights: w, Bias: math.Round(bias*1e4) / 1e4}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (m *rankModel) score(x []float64) float64 {
	z := m.Bias
	for j, v := range x {
		z += m.Weights[j] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// chooseMargin picks, on the training groups, the margin that makes the
// most choices right (the smallest of equals), and says how many.
func chooseMargin(m *rankModel, data []group) (float64, string) {
	rules := 0
	for _, g := range data {
		if g.Right[0] {
			rules++
		}
	}
	best, bestRight := 0.0, -1
	for step := 0; step <= 40; step++ {
		margin := float64(step) / 50
		right := 0
		for _, g := range data {
			k := 0
			s0 := m.score(g.X[0])
			bs := s0
			for j := 1; j < len(g.X); j++ {
				if s := m.score(g.X[j]); s > bs {
					k, bs = j, s
				}
			}
			if k != 0 && (bs-s0 < margin || !quotes.RankerMayOverrule(g.Rules[0])) {
				k = 0
			}
			if g.Right[k] {
				right++
			}
		}
		if right > bestRight {
			best, bestRight = margin, right
		}
	}
	return best, fmt.Sprintf("PolNeAR train, %d quotations with two candidates or more: the rules' first choice right for %d, the ranker's for %d (margin %.2f)",
		len(data), rules, bestRight, best)
}
