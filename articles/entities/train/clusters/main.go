// Command clusters groups words by the company they keep, for the tagger's
// word-cluster features. It reads unlabelled news text (Reuters-21578, BBC
// News, PolNeAR train articles and the words of the labelled training files:
// CoNLL-2003 eng.train, UNER EWT train, CrossNER politics train; never a dev split), describes each lower-cased word by positive PMI with its left
// and right neighbours among the most frequent words, and runs spherical
// k-means twice (coarse and fine) from a fixed seed. It writes
// articles/entities/tagger/clusters.txt.gz: "word coarse fine" per line.
//
//	go run ./articles/entities/train/clusters [-data ../shared/data]
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"html"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"briefs/articles/entities/token"
)

func main() {
	data := flag.String("data", filepath.Join("..", "shared", "data"), "shared data folder")
	out := flag.String("out", filepath.Join("articles", "entities", "tagger", "clusters.txt.gz"), "output file")
	minCount := flag.Int("min", 4, "least frequency of a clustered word")
	ctxSize := flag.Int("ctx", 2000, "context words")
	coarse := flag.Int("coarse", 64, "coarse clusters")
	fine := flag.Int("fine", 400, "fine clusters")
	iters := flag.Int("iters", 12, "k-means iterations")
	flag.Parse()

	c := &corpus{count: map[string]int{}}
	if err := c.readAll(*data); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d sentences, %d distinct words", len(c.sents), len(c.count))
	vocab := c.vocab(*minCount)
	ctx := vocab
	if len(ctx) > *ctxSize {
		ctx = ctx[:*ctxSize]
	}
	vecs := c.vectors(vocab, ctx)
	log.Printf("%d words, %d context words", len(vocab), len(ctx))
	a := kmeans(vecs, 2*len(ctx), *coarse, *iters, 1)
	b := kmeans(vecs, 2*len(ctx), *fine, *iters, 2)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	for i, word := range vocab {
		fmt.Fprintf(w, "%s %d %d\n", word, a[i], b[i])
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", *out)
}

type corpus struct {
	sents [][]string
	count map[string]int
}

// norm lower-cases a word and writes its digits as 0.
func norm(w string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '0'
		}
		return unicode.ToLower(r)
	}, w)
}

func (c *corpus) addText(text string) {
	for _, para := range strings.Split(text, "\n") {
		toks := token.Tokenize(para)
		if len(toks) == 0 {
			continue
		}
		s := make([]string, len(toks))
		for i, t := range toks {
			s[i] = norm(t.Text)
			c.count[s[i]]++
		}
		c.sents = append(c.sents, s)
	}
}

var (
	reBody = regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
	reTags = regexp.MustCompile(`<[^>]+>|&#\d+;`)
)

func (c *corpus) readAll(dir string) error {
	sgm, _ := filepath.Glob(filepath.Join(dir, "reuters21578", "*.sgm"))
	for _, p := range sgm {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		for _, m := range reBody.FindAllStringSubmatch(string(b), -1) {
			text := html.UnescapeString(reTags.ReplaceAllString(m[1], " "))
			// wire bodies wrap lines; paragraphs are indented
			text = strings.ReplaceAll(text, "\n    ", "\n\n")
			text = strings.ReplaceAll(text, "\n", " ")
			c.addText(strings.ReplaceAll(text, "  ", "\n"))
		}
	}
	var txt []string
	for _, g := range []string{"bbc/politics/*.txt", "bbc/business/*.txt", "polnear/train/text/*.txt"} {
		m, _ := filepath.Glob(filepath.Join(dir, g))
		txt = append(txt, m...)
	}
	sort.Strings(txt)
	for _, p := range txt {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		c.addText(string(b))
	}
	// the words of the labelled training files (never their dev splits)
	for _, p := range []string{"conll2003/eng.train", "ner/uner_en_ewt/train.conll", "ner/crossner_politics/train.conll"} {
		if err := c.readCoNLL(filepath.Join(dir, p)); err != nil {
			return err
		}
	}
	return nil
}

// readCoNLL adds the sentences of a CoNLL file (word first, blank lines between sentences).
func (c *corpus) readCoNLL(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var s []string
	for sc.Scan() {
		fl := strings.Fields(sc.Text())
		if len(fl) == 0 || fl[0] == "-DOCSTART-" {
			if len(s) > 0 {
				c.sents = append(c.sents, s)
			}
			s = nil
			continue
		}
		w := norm(fl[0])
		c.count[w]++
		s = append(s, w)
	}
	if len(s) > 0 {
		c.sents = append(c.sents, s)
	}
	return sc.Err()
}

// vocab lists words seen at least min times that hold a letter, most frequent first.
func (c *corpus) vocab(min int) []string {
	var v []string
	for w, n := range c.count {
		if n >= min && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			v = append(v, w)
		}
	}
	sort.Slice(v, func(i, j int) bool {
		if c.count[v[i]] != c.count[v[j]] {
			return c.count[v[i]] > c.count[v[j]]
		}
		return v[i] < v[j]
	})
	return v
}

type sparse struct {
	idx []int32
	val []float32
}

// vectors gives each word its positive-PMI profile over left and right context words, L2-normalised.
func (c *corpus) vectors(vocab, ctx []string) []sparse {
	vi := make(map[string]int, len(vocab))
	for i, w := range vocab {
		vi[w] = i
	}
	ci := make(map[string]int, len(ctx))
	for i, w := range ctx {
		ci[w] = i
	}
	nc := len(ctx)
	counts := make([]map[int32]float32, len(vocab))
	for i := range counts {
		counts[i] = map[int32]float32{}
	}
	ctxTotal := make([]float64, 2*nc)
	total := 0.0
	for _, s := range c.sents {
		for i, w := range s {
			k, ok := vi[w]
			if !ok {
				continue
			}
			left, right := "<s>", "</s>"
			if i > 0 {
				left = s[i-1]
			}
			if i+1 < len(s) {
				right = s[i+1]
			}
			if j, ok := ci[left]; ok {
				counts[k][int32(j)]++
				ctxTotal[j]++
				total++
			}
			if j, ok := ci[right]; ok {
				counts[k][int32(nc+j)]++
				ctxTotal[nc+j]++
				total++
			}
		}
	}
	vecs := make([]sparse, len(vocab))
	for k := range vocab {
		wt := 0.0
		for _, n := range counts[k] {
			wt += float64(n)
		}
		var v sparse
		keys := make([]int32, 0, len(counts[k]))
		for j := range counts[k] {
			keys = append(keys, j)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		norm := 0.0
		for _, j := range keys {
			pmi := math.Log(float64(counts[k][j]) * total / (wt * ctxTotal[j]))
			if pmi > 0 {
				v.idx = append(v.idx, j)
				v.val = append(v.val, float32(pmi))
				norm += pmi * pmi
			}
		}
		norm = math.Sqrt(norm)
		for i := range v.val {
			v.val[i] /= float32(max(norm, 1e-9))
		}
		vecs[k] = v
	}
	return vecs
}

// kmeans clusters unit vectors by cosine into k groups, from a fixed seed.
func kmeans(vecs []sparse, dims, k, iters int, seed uint64) []int {
	rng := rand.New(rand.NewPCG(seed, 7))
	// centroids stored dimension-major: cent[d*k+c]
	cent := make([]float32, dims*k)
	perm := rng.Perm(min(len(vecs), 20*k))
	for c := range k {
		v := vecs[perm[c]]
		for i, d := range v.idx {
			cent[int(d)*k+c] = v.val[i]
		}
	}
	assign := make([]int, len(vecs))
	score := make([]float32, k)
	for it := range iters {
		changed := 0
		for w, v := range vecs {
			clear(score)
			for i, d := range v.idx {
				row := cent[int(d)*k : int(d)*k+k]
				x := v.val[i]
				for c := range row {
					score[c] += x * row[c]
				}
			}
			best := 0
			for c := range score {
				if score[c] > score[best] {
					best = c
				}
			}
			if best != assign[w] || it == 0 {
				changed++
			}
			assign[w] = best
		}
		clear(cent)
		for w, v := range vecs {
			c := assign[w]
			for i, d := range v.idx {
				cent[int(d)*k+c] += v.val[i]
			}
		}
		norms := make([]float64, k)
		for d := range dims {
			for c := range k {
				x := float64(cent[d*k+c])
				norms[c] += x * x
			}
		}
		for d := range dims {
			for c := range k {
				if norms[c] > 0 {
					cent[d*k+c] /= float32(math.Sqrt(norms[c]))
				}
			}
		}
		log.Printf("k=%d iteration %d: %d changed", k, it+1, changed)
	}
	return assign
}
