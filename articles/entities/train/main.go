// Command train trains the entity tagger on CoNLL-2003 eng.train, UNER
// English-EWT train and CrossNER politics train (see defaultCorpora) and writes
// the weights the entities package embeds (articles/entities/tagger/model.bin).
//
// Run from the repository root:
//
//	go run ./articles/entities/train [-data ../shared/data] [-corpora LIST] [-epochs 12] [-prune 0.5]
//
// With -eval FILE it also prints token accuracy and span F1 on FILE (use
// eng.testa) after each epoch. Training never reads the evaluation file's
// labels for learning. Sentence order is shuffled with a fixed seed, so runs
// are reproducible.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"briefs/articles/entities/gazetteer"
	"briefs/articles/entities/tagger"
)

type sentence struct {
	noMisc bool // the corpus has no MISC: its O is not evidence against MISC
	words  []string
	labels []tagger.Label
	doc    *tagger.Doc
	docID  int
	fold   int // the docID of the first copy: repeats of a document share its jackknife fold
	upper  bool
	hist   []uint64 // stage-two history codes
}

func main() {
	data := flag.String("data", filepath.Join("..", "shared", "data"), "shared data folder")
	corpora := flag.String("corpora", defaultCorpora, "comma-separated training files under -data, each path[:weight[:nomisc]]")
	out := flag.String("out", filepath.Join("articles", "entities", "tagger", "model.bin"), "model file to write")
	epochs := flag.Int("epochs", 12, "training passes")
	prune := flag.Float64("prune", 0.5, "drop features whose averaged weights are all below this")
	eval := flag.String("eval", "", "CoNLL file to report F1 on after each epoch (e.g. eng.testa)")
	seed := flag.Uint64("seed", 1, "seed of the sentence shuffle")
	flag.Parse()
	shuffleSeed = *seed
	gz, err := gazetteer.Load()
	if err != nil {
		log.Fatal(err)
	}
	cl, err := tagger.LoadClusters()
	if err != nil {
		log.Fatal(err)
	}
	g := &tagger.Lexicon{Gaz: gz, Clusters: cl}
	train, err := readCorpora(*data, *corpora)
	if err != nil {
		log.Fatal(err)
	}
	var dev []sentence
	if *eval != "" {
		if dev, err = read(*eval); err != nil {
			log.Fatal(err)
		}
	}
	// Stage one on all of eng.train: this is the stage the binary runs first.
	log.Print("stage 1")
	w1 := trainStage(g, train, *epochs, nil)
	// Stage two learns from stage one's labels; on the training data those
	// come from five stage-one models each trained without the fold it tags
	// (jackknifing), so stage two sees labels as noisy as at run time.
	const folds = 5
	first := make([][]tagger.Label, len(train))
	for f := range folds {
		var in []sentence
		for _, s := range train {
			if s.fold%folds != f {
				in = append(in, s)
			}
		}
		log.Printf("fold %d/%d", f+1, folds)
		wf := trainStage(g, in, *epochs, nil)
		for k := range train {
			if train[k].fold%folds == f {
				first[k] = tagWith(wf, g, &train[k])
			}
		}
	}
	setHistory(train, first)
	var devFirst [][]tagger.Label
	if dev != nil {
		devFirst = make([][]tagger.Label, len(dev))
		for k := range dev {
			devFirst[k] = tagWith(w1, g, &dev[k])
		}
		log.Printf("stage 1 %s", score(devFirst, dev))
		setHistory(dev, devFirst)
	}
	log.Print("stage 2")
	w2 := trainStage(g, train, *epochs, dev)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	kept, err := tagger.Encode(f, w1, w2, float32(*prune))
	if err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	st, _ := os.Stat(*out)
	log.Printf("wrote %s: %d of %d features, %d bytes", *out, kept, len(w1)+len(w2), st.Size())
}

// shuffleSeed seeds the order sentences are learnt in (-seed).
var shuffleSeed uint64 = 1

// trainStage trains one stage for the given number of epochs and returns
// its averaged weights. Sentences with history codes train stage two. With
// dev set, it reports dev F1 after each epoch.
func trainStage(g *tagger.Lexicon, train []sentence, epochs int, dev []sentence) tagger.Weights {
	p := newPerceptron()
	rng := rand.New(rand.NewPCG(shuffleSeed, 2))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var fx tagger.Extractor
	for ep := 1; ep <= epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, n := 0, 0
		for _, k := range order {
			s := &train[k]
			errs += p.learn(&fx, g, s)
			n += len(s.words)
		}
		msg := fmt.Sprintf("epoch %d: train token errors %.4f", ep, float64(errs)/float64(n))
		if dev != nil {
			w := p.averaged()
			pred := make([][]tagger.Label, len(dev))
			for k := range dev {
				pred[k] = tagWith(w, g, &dev[k])
			}
			msg += " " + score(pred, dev)
		}
		log.Print(msg)
	}
	return p.averaged()
}

// setHistory computes each sentence's stage-two history codes from stage-one labels, document by document.
func setHistory(sents []sentence, first [][]tagger.Label) {
	for a := 0; a < len(sents); {
		b := a
		for b < len(sents) && sents[b].docID == sents[a].docID {
			b++
		}
		ts := make([]tagger.Sentence, b-a)
		for k := a; k < b; k++ {
			ts[k-a] = tagger.Sentence{Words: sents[k].words, Upper: sents[k].upper}
		}
		h := tagger.NewHistory(ts, first[a:b])
		for k := a; k < b; k++ {
			sents[k].hist = h.Codes(k - a)
		}
		a = b
	}
}

// tagWith tags one sentence with weights w (stage two when the sentence has history codes).
func tagWith(w tagger.Weights, g *tagger.Lexicon, s *sentence) []tagger.Label {
	var fx tagger.Extractor
	fx.Init(g, s.doc, s.words, s.upper)
	fx.SetHistory(s.hist)
	return tagger.Greedy(&fx, len(s.words), func(feats []uint64, sc *[tagger.NumLabels]float32) {
		*sc = [tagger.NumLabels]float32{}
		for _, f := range feats {
			if r := w[f]; r != nil {
				for l := range sc {
					sc[l] += r[l]
				}
			}
		}
	})
}

// defaultCorpora is the training mix: CoNLL-2003 (Reuters 1996), UNER
// English-EWT (web text, no MISC: its MISC-like words are O, so a MISC guess
// there is not counted against the tagger) and CrossNER politics (Wikipedia;
// 200 sentences, so each is seen three times per epoch).
const defaultCorpora = "conll2003/eng.train,ner/uner_en_ewt/train.conll:1:nomisc,ner/crossner_politics/train.conll:3"

// readCorpora reads each training file of spec ("path[:weight[:nomisc]]",
// comma-separated) under dir, repeating a file's sentences weight times;
// document ids stay distinct across files and repeats.
func readCorpora(dir, spec string) ([]sentence, error) {
	var all []sentence
	nextDoc := 0
	for _, item := range strings.Split(spec, ",") {
		parts := strings.Split(strings.TrimSpace(item), ":")
		weight, noMisc := 1, false
		if len(parts) > 1 {
			if _, err := fmt.Sscan(parts[1], &weight); err != nil || weight < 1 {
				return nil, fmt.Errorf("corpus %q: bad weight", item)
			}
		}
		web := false
		if len(parts) > 2 {
			for _, fl := range strings.Split(parts[2], "+") {
				noMisc = noMisc || fl == "nomisc"
				web = web || fl == "web"
			}
		}
		ss, err := read(filepath.Join(dir, parts[0]))
		if err != nil {
			return nil, err
		}
		docs := 0
		for _, s := range ss {
			docs = max(docs, s.docID+1)
		}
		if web {
			for _, s := range ss {
				s.doc.MarkWeb() // (sentences of a document share its Doc)
			}
		}
		for r := range weight {
			for _, s := range ss {
				s.noMisc = noMisc
				s.fold = s.docID + nextDoc
				s.docID += nextDoc + r*docs
				all = append(all, s)
			}
		}
		nextDoc += weight * docs
		log.Printf("%s: %d sentences x %d", parts[0], len(ss), weight)
	}
	return all, nil
}

// read parses a CoNLL-2003 file into sentences with BIO labels and per-document evidence.
func read(path string) ([]sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var out []sentence
	var docStart, docID int
	var cur sentence
	flushDoc := func() {
		d := tagger.NewDoc()
		for i := docStart; i < len(out); i++ {
			d.Add(out[i].words)
		}
		for i := docStart; i < len(out); i++ {
			out[i].doc = d
			out[i].docID = docID
		}
		docStart = len(out)
		docID++
	}
	var prevType tagger.Type
	flush := func() {
		if len(cur.words) > 0 {
			cur.upper = upper(cur.words)
			out = append(out, cur)
		}
		cur = sentence{}
		prevType = tagger.None
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "-DOCSTART-") {
			flush()
			flushDoc()
			continue
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			flush()
			continue
		}
		tag := fields[len(fields)-1]
		var l tagger.Label
		if tag != "O" {
			t := tagger.ParseType(tag[2:])
			if strings.HasPrefix(tag, "B-") || t != prevType {
				l = tagger.Begin(t)
			} else {
				l = tagger.Inside(t)
			}
			prevType = t
		} else {
			prevType = tagger.None
		}
		cur.words = append(cur.words, fields[0])
		cur.labels = append(cur.labels, l)
	}
	flush()
	flushDoc()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

func upper(words []string) bool {
	up, low := 0, 0
	for _, w := range words {
		for _, r := range w {
			switch {
			case r >= 'A' && r <= 'Z':
				up++
			case r >= 'a' && r <= 'z':
				low++
			}
		}
	}
	return up >= 4 && low*5 < up
}

// perceptron is an averaged perceptron with lazy averaging.
type perceptron struct {
	w, u map[uint64]*[tagger.NumLabels]float32
	c    float32
}

func newPerceptron() *perceptron {
	return &perceptron{w: map[uint64]*[tagger.NumLabels]float32{}, u: map[uint64]*[tagger.NumLabels]float32{}, c: 1}
}

func (p *perceptron) predict(feats []uint64, prev tagger.Label) tagger.Label {
	var s [tagger.NumLabels]float32
	for _, f := range feats {
		if r := p.w[f]; r != nil {
			for l := range s {
				s[l] += r[l]
			}
		}
	}
	return best(s, prev)
}

func best(s [tagger.NumLabels]float32, prev tagger.Label) tagger.Label {
	b, bs := tagger.Label(0), float32(-1e30)
	for l := range tagger.Label(tagger.NumLabels) {
		if ok(prev, l) && s[l] > bs {
			b, bs = l, s[l]
		}
	}
	return b
}

func ok(prev, l tagger.Label) bool {
	if l == 0 || l.IsBegin() {
		return true
	}
	return prev != 0 && prev.Type() == l.Type()
}

func (p *perceptron) update(feats []uint64, good, bad tagger.Label) {
	for _, f := range feats {
		w := p.w[f]
		if w == nil {
			w = new([tagger.NumLabels]float32)
			p.w[f] = w
			p.u[f] = new([tagger.NumLabels]float32)
		}
		u := p.u[f]
		w[good]++
		w[bad]--
		u[good] += p.c
		u[bad] -= p.c
	}
}

// learn tags one sentence greedily, updating on each mistake; it returns the number of mistakes.
func (p *perceptron) learn(fx *tagger.Extractor, g *tagger.Lexicon, s *sentence) int {
	fx.Init(g, s.doc, s.words, s.upper)
	fx.SetHistory(s.hist)
	pred := make([]tagger.Label, len(s.words))
	errs := 0
	for i := range s.words {
		var p1, p2 tagger.Label
		if i > 0 {
			p1 = pred[i-1]
		}
		if i > 1 {
			p2 = pred[i-2]
		}
		feats := fx.Features(i, p1, p2)
		y := p.predict(feats, p1)
		gold := s.labels[i]
		if s.noMisc && gold == 0 && y != 0 && y.Type() == tagger.MISC {
			// the corpus does not mark MISC: a MISC guess is neither right nor wrong
			pred[i] = y
			p.c++
			continue
		}
		if !ok(p1, gold) {
			// the gold label cannot follow our mistaken previous label: learn its B- form
			gold = tagger.Begin(gold.Type())
		}
		if y != gold {
			p.update(feats, gold, y)
			errs++
		}
		pred[i] = y
		p.c++
	}
	return errs
}

func (p *perceptron) averaged() tagger.Weights {
	out := make(tagger.Weights, len(p.w))
	for f, w := range p.w {
		u := p.u[f]
		row := make([]float32, tagger.NumLabels)
		for l := range row {
			row[l] = w[l] - u[l]/p.c
		}
		out[f] = row
	}
	return out
}

// score reports exact-span precision, recall and F1 over PER/LOC/ORG of pred against dev.
func score(pred [][]tagger.Label, dev []sentence) string {
	tp, fp, fn := 0, 0, 0
	for k, s := range dev {
		gold := map[tagger.Span]bool{}
		for _, sp := range tagger.SpansOf(s.labels) {
			if sp.Type != tagger.MISC {
				gold[sp] = true
			}
		}
		for _, sp := range tagger.SpansOf(pred[k]) {
			if sp.Type == tagger.MISC {
				continue
			}
			if gold[sp] {
				tp++
				delete(gold, sp)
			} else {
				fp++
			}
		}
		fn += len(gold)
	}
	pr := float64(tp) / float64(max(1, tp+fp))
	rc := float64(tp) / float64(max(1, tp+fn))
	return fmt.Sprintf("dev P %.4f R %.4f F1 %.4f", pr, rc, 2*pr*rc/max(1e-9, pr+rc))
}
