package ui

import (
	"context"

	"briefs/articles/archive"
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
	ar      archive.Archive
	owned   bool                     // closed with the session (the loader opened it)
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
	return archiveReader{b.ar}.Brief(id)
}

// archiveReader reads whole briefs from an archive by id: the index's
// Briefs (index.SetBriefs), and the list's once a load has settled.
type archiveReader struct{ ar archive.Archive }

func (r archiveReader) Brief(id string) (model.Article, bool) {
	a, err := r.ar.Get(context.Background(), id)
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

// close closes the archive at the end of the session, when the loader
// opened it.
func (b *archiveBriefs) close() {
	if b.ar != nil && b.owned {
		b.ar.Close()
	}
}

// archiveMsg hands the App the archive the loader keeps up to date (see
// StreamLoader) or reads (the shared archive: ArchiveMsg); owned: the App
// closes it at the end of the session.
type archiveMsg struct {
	ar    archive.Archive
	owned bool
}

// storedMsg says that briefs a load delivered are in the archive: memory
// lets them go (see StreamOptions.Kept).
type storedMsg struct{ ids []string }
