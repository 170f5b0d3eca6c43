// Package articles turns sources into model values: it ties the readers
// (articles/source) to the extractors (articles/entities, articles/quotes).
// Sub-packages hold one concern each; this package only runs them in order.
package articles

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"briefs/articles/entities"
	"briefs/articles/index"
	"briefs/articles/quotes"
	"briefs/articles/samples"
	"briefs/articles/source"
	"briefs/model"
)

// Pipeline runs every extractor over an article. It is safe for concurrent use.
type Pipeline struct {
	ents *entities.Extractor
}

// NewPipeline loads the embedded models.
func NewPipeline() (*Pipeline, error) {
	x, err := entities.Default()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	return &Pipeline{ents: x}, nil
}

// Extract fills a's entities, then its quotes (quotes use the entities to name speakers).
func (p *Pipeline) Extract(a *model.Article) {
	p.ents.Extract(a)
	quotes.Extract(a)
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
