package ui

import (
	"context"

	"briefs/articles/store"
	"briefs/model"
)

// archiveBriefs is where the list finds the whole briefs it shows as
// records (articlelist.Briefs): the embedded archive, once the loader has
// opened it (archiveMsg), and until then, or for the briefs a load has not
// yet put there, memory. A load that ended with every brief put (no
// warning about the archive) lets memory go: from then on a brief is read
// from the archive when it is opened. Without an archive (no cache, the
// shared archive, one held by another reader) every brief stays in memory,
// as before.
type archiveBriefs struct {
	ar      *store.Archive
	pending map[string]model.Article // delivered, not known to be in ar
}

func newArchiveBriefs() *archiveBriefs {
	return &archiveBriefs{pending: map[string]model.Article{}}
}

// Keep holds arts until a load says they are in the archive.
func (b *archiveBriefs) Keep(arts []model.Article) {
	for i := range arts {
		b.pending[arts[i].ID] = arts[i]
	}
}

// Brief returns the brief with that id: from memory while it is pending,
// else from the archive.
func (b *archiveBriefs) Brief(id string) (model.Article, bool) {
	if a, ok := b.pending[id]; ok {
		return a, true
	}
	if b.ar == nil {
		return model.Article{}, false
	}
	a, err := b.ar.Get(context.Background(), id)
	return a, err == nil
}

// Forget drops what memory holds of ids (the archive keeps every brief).
func (b *archiveBriefs) Forget(ids []string) {
	for _, id := range ids {
		delete(b.pending, id)
	}
}

// settle lets memory go once a load has put every brief in the archive.
func (b *archiveBriefs) settle() {
	if b.ar != nil {
		clear(b.pending)
		b.pending = map[string]model.Article{} // a map keeps its buckets after clear
	}
}

// close closes the archive at the end of the session.
func (b *archiveBriefs) close() {
	if b.ar != nil {
		b.ar.Close()
	}
}

// archiveMsg hands the App the archive the loader opened and keeps up to
// date (see StreamLoader).
type archiveMsg struct{ ar *store.Archive }
