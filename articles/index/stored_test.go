package index

import (
	"reflect"
	"sync/atomic"
	"testing"

	"briefs/model"
)

// mapBriefs is a Briefs over a map, counting its reads.
type mapBriefs struct {
	m     map[string]model.Article
	reads atomic.Int64
}

func (b *mapBriefs) Brief(id string) (model.Article, bool) {
	b.reads.Add(1)
	a, ok := b.m[id]
	return a, ok
}

// storedCorpus is snapCorpus with every id made, and the Briefs holding it.
func storedCorpus() ([]model.Article, *mapBriefs) {
	arts := snapCorpus()
	b := &mapBriefs{m: map[string]model.Article{}}
	for i := range arts {
		if arts[i].ID == "" {
			arts[i].ID = model.ArticleID(arts[i].Title, arts[i].Body)
		}
		b.m[arts[i].ID] = arts[i]
	}
	return arts, b
}

func wholeDocs(ix *Index) int { return ix.Whole() }

func TestStoredArticlesAreReadBackAndAnswerTheSame(t *testing.T) {
	arts, b := storedCorpus()
	want := Build(arts, snapResolver)
	ix := New(snapResolver)
	ix.SetBriefs(b)
	for i := 0; i < len(arts); i += 3 {
		ix.AddStored(arts[i:min(i+3, len(arts))])
	}
	if n := wholeDocs(ix); n != 0 {
		t.Errorf("the index keeps %d articles whole, want none", n)
	}
	sameAnswers(t, ix, want)
	if b.reads.Load() == 0 {
		t.Error("searches never read an article back")
	}
	for _, a := range arts {
		got, ok := ix.Article(a.ID)
		if !ok || !reflect.DeepEqual(*got, a) {
			t.Errorf("Article(%q) = %+v, %v", a.ID, got, ok)
		}
	}
	// without Briefs, AddStored keeps them whole
	plain := New(snapResolver)
	plain.AddStored(arts)
	if n := wholeDocs(plain); n != plain.Len() {
		t.Errorf("without Briefs %d of %d kept whole", n, plain.Len())
	}
}

func TestStoredArticlesGoneOrChangedDoNotBreakSearches(t *testing.T) {
	arts, b := storedCorpus()
	ix := New(snapResolver)
	ix.SetBriefs(b)
	ix.AddStored(arts)
	before := ix.Quotes("", "")
	// one brief gone from the archive, one put again with no quotes
	delete(b.m, arts[0].ID)
	changed := arts[2]
	changed.Quotes = nil
	b.m[changed.ID] = changed
	for _, q := range append(snapshotQueries, `"finish the reactor"`, "IAEA", "speaker:Orlov") {
		if _, err := ix.Search(q, 0); err != nil {
			t.Errorf("%q: %v", q, err)
		}
	}
	res, _ := ix.Search("reactor", 0)
	found := false
	for _, h := range res.Hits {
		if h.ArticleID == arts[0].ID {
			found = h.Title == arts[0].Title
		}
	}
	if !found {
		t.Errorf("the brief gone from the archive is no longer a hit with its title: %+v", res.Hits)
	}
	if after := ix.Quotes("", ""); len(after) != len(before) {
		t.Errorf("%d quotes listed, %d before", len(after), len(before))
	}
	ix.Quotes("Belov", "Russia")
	if a, ok := ix.Article(arts[0].ID); !ok || a.Title != arts[0].Title || len(a.Quotes) != len(arts[0].Quotes) {
		t.Errorf("Article of a brief gone = %+v, %v", a, ok)
	}
}

func TestFeedOfStoredArticles(t *testing.T) {
	arts, b := storedCorpus()
	path := SnapshotPath(t.TempDir(), "cache.db", "stored")
	want := Build(arts, snapResolver)
	feed := func(version string, arts []model.Article) (*Index, int, error) {
		ix := New(snapResolver)
		ix.SetBriefs(b)
		f := NewFeed(ix, path, version)
		for i := 0; i < len(arts); i += 2 {
			f.AddStored(arts[i:min(i+2, len(arts))])
		}
		n, err := f.Finish()
		if _, err := f.Save(); err != nil {
			t.Fatal(err)
		}
		return ix, n, err
	}
	ix, n, _ := feed("v1", arts) // built: no snapshot yet
	if n != 0 || wholeDocs(ix) != 0 {
		t.Errorf("first start: %d restored, %d whole", n, wholeDocs(ix))
	}
	sameAnswers(t, ix, want)
	ix, n, err := feed("v1", arts) // restored
	if n != want.Len() || err != nil || wholeDocs(ix) != 0 {
		t.Errorf("second start: %d restored, %v, %d whole", n, err, wholeDocs(ix))
	}
	sameAnswers(t, ix, want)
	ix, n, _ = feed("v2", arts) // another version: built from what the feed kept, read back
	if n != 0 || wholeDocs(ix) != 0 {
		t.Errorf("other version: %d restored, %d whole", n, wholeDocs(ix))
	}
	sameAnswers(t, ix, want)
}
