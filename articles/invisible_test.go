package articles

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefs/articles/source"
)

// TestSearchFindsNameWithHiddenCharacters: a zero-width space or a tag
// character inside a name does not hide it from search, and reaches no
// output (finding 7).
func TestSearchFindsNameWithHiddenCharacters(t *testing.T) {
	dir := t.TempDir()
	text := "Envoys meet in Vienna\n\nForeign Minister Sergei La\u200bvrov met his counterpart Ilse Ma\U000E0041rtens in Vienna on Monday.\n"
	if err := os.WriteFile(filepath.Join(dir, "vienna.txt"), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	arts, _, err := Load(context.Background(), []string{dir}, source.Options{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d briefs, %v", len(arts), err)
	}
	if strings.ContainsAny(arts[0].Body, "\u200b\U000E0041") {
		t.Errorf("invisible characters kept: %+q", arts[0].Body)
	}
	ix := p.Index(arts)
	for _, q := range []string{"Lavrov", "Martens"} {
		res, err := ix.Search(q, 10)
		if err != nil || len(res.Hits) != 1 {
			t.Errorf("search %s: %d hits, %v", q, len(res.Hits), err)
		}
	}
}
