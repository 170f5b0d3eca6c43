package pgarchive

import (
	"context"
	"os"
	"sync"
	"testing"

	"briefs/articles/archive"
	"briefs/articles/archive/archivetest"
	"briefs/articles/pgarchive/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// open opens the archive at url for t, migrating on first use.
func open(t testing.TB, url string, opt Options) *Archive {
	t.Helper()
	a, err := Open(context.Background(), url, opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return a
}

func TestConformance(t *testing.T) {
	var mu sync.Mutex
	dbs := map[string]string{} // test/name -> database URL
	archivetest.Run(t, func(t *testing.T, name string) archive.Archive {
		mu.Lock()
		key := t.Name() + "\x00" + name
		u, ok := dbs[key]
		mu.Unlock()
		if !ok {
			u = pgtest.URL(t)
			mu.Lock()
			dbs[key] = u
			mu.Unlock()
		}
		return open(t, u, Options{})
	})
}
