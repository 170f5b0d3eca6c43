// Package articles turns sources into model values: it ties the readers
// (articles/source) to the extractors (articles/entities, articles/quotes).
// Sub-packages hold one concern each; this package only runs them in order.
package articles

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/sync/semaphore"

	"briefs/articles/entities"
	"briefs/articles/index"
	"briefs/articles/quotes"
	"briefs/articles/samples"
	"briefs/articles/source"
	"briefs/model"
)

// Pipeline runs every extractor over an article. It is safe for concurrent use.
type Pipeline struct {
	ents   *entities.Extractor
	budget *semaphore.Weighted
	limit  int64

	onPiece func(textBytes, weight int64, done bool) // tests: each piece as it starts and ends
}

// Memory: extracting a brief costs about costPerByte bytes of memory for
// each byte of its text while it runs (tokens, features, candidate spans;
// measured: a 20 MB body peaked at 1.8 GB of RSS). So a body longer than
// ChunkSize is extracted one piece at a time (pieces cut between
// paragraphs, their entities merged by id and every offset moved back into
// the whole body), and the pieces and briefs being extracted at once, on
// however many cores, weigh at most the memory budget together (see
// SetMemoryBudget): peak memory no longer grows with the largest file
// times the core count.
const (
	ChunkSize           = 256 << 10
	costPerByte         = 100
	DefaultMemoryBudget = 512 << 20
)

// DefaultMemoryLimit is the most a streaming command's soft heap limit
// rises to (see LimitStreamingMemory) while long briefs are extracted: with
// the budget above, `briefs extract` of four 20 MB files on 4 cores peaks
// at about 0.75 GB of RSS instead of 1.35 GB (and 6.9 GB before pieces and
// the budget).
//
// Load and Stream set no limit of their own (issue 22): a program that
// holds the briefs it loads (the reader, briefs entities/search/export)
// holds more of them as the archive grows, and a fixed limit turned into
// continuous collection once what was held neared it (300,000 briefs in
// the reader: 9.3 s to a complete list under its 1.1 GiB limit, 3.6 s
// without). What extraction adds is bounded by the memory budget.
const DefaultMemoryLimit = 800 << 20

// NewPipeline loads the embedded models, with the DefaultMemoryBudget.
func NewPipeline() (*Pipeline, error) {
	x, err := entities.Default()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	p := &Pipeline{ents: x}
	p.SetMemoryBudget(DefaultMemoryBudget)
	return p, nil
}

// SetMemoryBudget bounds the memory extraction may use at once, in bytes
// (at costPerByte per byte of text being extracted; one piece always runs,
// whatever its weight). Zero or less means DefaultMemoryBudget. Call it
// before the Pipeline is used.
func (p *Pipeline) SetMemoryBudget(bytes int64) {
	if bytes <= 0 {
		bytes = DefaultMemoryBudget
	}
	p.budget, p.limit = semaphore.NewWeighted(bytes), bytes
}

// Extract fills a's entities, then its quotes (quotes use the entities to
// name speakers); a body over ChunkSize a piece at a time.
func (p *Pipeline) Extract(a *model.Article) {
	w := int64(len(a.Title)+len(a.Body)) * costPerByte
	streamLimit.extracting(w)
	defer streamLimit.extracting(-w)
	if len(a.Body) <= ChunkSize {
		p.extractPiece(a)
		return
	}
	p.extractChunked(a)
}

// extractPiece extracts a within the memory budget.
func (p *Pipeline) extractPiece(a *model.Article) {
	if p.budget != nil {
		n := int64(len(a.Title) + len(a.Body))
		w := min(n*costPerByte, p.limit)
		p.budget.Acquire(context.Background(), w)
		defer p.budget.Release(w)
		if p.onPiece != nil {
			p.onPiece(n, w, false)
			defer p.onPiece(n, w, true)
		}
	}
	p.ents.Extract(a)
	quotes.Extract(a)
}

// extractChunked extracts a long body piece by piece and merges the
// pieces' entities (by id) and quotes, their offsets moved into the body.
func (p *Pipeline) extractChunked(a *model.Article) {
	body := a.Body
	var ents []model.Entity
	byID := map[string]int{}
	var qs []model.Quote
	for start := 0; start < len(body); {
		end := chunkEnd(body, start)
		part := model.Article{Body: body[start:end], Published: a.Published, Author: a.Author, Outlet: a.Outlet}
		if start == 0 {
			part.Title = a.Title
		}
		p.extractPiece(&part)
		shift := func(m *model.Mention) {
			if m.Field == model.FieldBody {
				m.Start += start
				m.End += start
			}
		}
		for _, e := range part.Entities {
			for i := range e.Mentions {
				shift(&e.Mentions[i])
			}
			k, ok := byID[e.ID]
			if !ok {
				byID[e.ID] = len(ents)
				ents = append(ents, e)
				continue
			}
			have := &ents[k]
			have.Mentions = append(have.Mentions, e.Mentions...)
			if len(e.Name) > len(have.Name) {
				have.Name = e.Name
			}
			for _, al := range e.Aliases {
				if !slices.Contains(have.Aliases, al) {
					have.Aliases = append(have.Aliases, al)
				}
			}
			if have.Country == "" {
				have.Country = e.Country
			}
		}
		for _, q := range part.Quotes {
			if q.Field == model.FieldBody {
				q.Start += start
				q.End += start
			}
			if q.SpeakerMention != nil {
				m := *q.SpeakerMention
				shift(&m)
				q.SpeakerMention = &m
			}
			qs = append(qs, q)
		}
		start = end
	}
	for i := range ents {
		slices.SortStableFunc(ents[i].Aliases, func(x, y string) int { return len(y) - len(x) }) // fullest first
	}
	a.Entities, a.Quotes = ents, qs
}

// chunkEnd is where the piece of body from start ends: at the last
// paragraph break (else line break, else sentence end, else space) within
// ChunkSize, or ChunkSize on a character boundary when there is none.
func chunkEnd(body string, start int) int {
	if len(body)-start <= ChunkSize {
		return len(body)
	}
	window := body[start : start+ChunkSize]
	for _, sep := range []string{model.ParagraphSep, "\n", ". ", " "} {
		if i := strings.LastIndex(window, sep); i > ChunkSize/2 {
			return start + i + len(sep)
		}
	}
	end := start + ChunkSize
	for end > start && !utf8.RuneStart(body[end]) {
		end--
	}
	return end
}

// ExtractAll runs Extract over every article on all cores, in place.
func (p *Pipeline) ExtractAll(arts []model.Article) {
	workers := runtime.GOMAXPROCS(0)
	if workers > len(arts) {
		workers = len(arts)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p.Extract(&arts[i])
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Load reads every source spec (files, folders, URLs, "-") and extracts what
// each article names and quotes. With no spec it loads the built-in samples.
// Sources that fail become warnings; the rest is still returned.
func Load(ctx context.Context, specs []string, opt source.Options) ([]model.Article, []source.Warning, error) {
	p, err := NewPipeline()
	if err != nil {
		return nil, nil, err
	}
	var arts []model.Article
	var warns []source.Warning
	if len(specs) == 0 {
		arts, warns = source.LoadFS(samples.FS, opt)
	} else {
		arts, warns = source.Load(ctx, specs, opt)
	}
	p.ExtractAll(arts)
	return arts, warns, nil
}

// Index builds the corpus index of extracted articles, resolving names
// through the entity gazetteer.
func (p *Pipeline) Index(arts []model.Article) *index.Index {
	return index.Build(arts, p.ents)
}

// Resolver returns the entity gazetteer as an index.Resolver, loaded on its
// first use, so that an index can be made before any model is needed.
func Resolver() index.Resolver { return lazyResolver{} }

type lazyResolver struct{}

func (lazyResolver) Resolve(name string) (string, model.EntityKind, bool) {
	x, err := entities.Default()
	if err != nil {
		return "", "", false
	}
	return x.Resolve(name)
}
