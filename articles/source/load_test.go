package source

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"briefs/model"
)

// writeFiles creates files (path -> content) under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadFolderRecursiveSorted(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.txt":         "Bravo\n\nSecond.",
		"a.md":          "# Alpha\n\nFirst.",
		"sub/c.txt":     "Charlie\n\nThird.",
		"sub/deep/d.md": "---\ntitle: Delta\n---\nFourth.",
		".hidden.txt":   "Hidden\n\nNever.",
		".git/config":   "[core]",
	})
	arts, warns := Load(context.Background(), []string{dir}, Options{})
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	var got []string
	for _, a := range arts {
		got = append(got, a.Title+"@"+filepath.ToSlash(strings.TrimPrefix(a.Source, dir)))
	}
	want := []string{"Alpha@/a.md", "Bravo@/b.txt", "Charlie@/sub/c.txt", "Delta@/sub/deep/d.md"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestLoadStdinAndMissing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"one.txt": "One\n\nBody one."})
	specs := []string{filepath.Join(dir, "missing.txt"), "-", filepath.Join(dir, "one.txt")}
	var got []string
	var warns []Warning
	Walk(context.Background(), specs, Options{Stdin: strings.NewReader("From stdin\n\nPiped body.\n")},
		func(a model.Article) { got = append(got, a.Source+"="+a.Title) },
		func(w Warning) { warns = append(warns, w) })
	want := []string{"-=From stdin", filepath.Join(dir, "one.txt") + "=One"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v, want %v", got, want)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Source, "missing.txt") || !strings.Contains(warns[0].Error(), "no such file") {
		t.Errorf("warnings %v", warns)
	}
}

func TestLoadStdinNil(t *testing.T) {
	arts, warns := Load(context.Background(), []string{"-"}, Options{})
	if len(arts) != 0 || len(warns) != 1 {
		t.Errorf("got %d articles, warnings %v", len(arts), warns)
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"one.txt": "One\n\nBody one."})
	arts, warns := Load(ctx, []string{dir}, Options{})
	if len(arts) != 0 || len(warns) == 0 {
		t.Errorf("cancelled load gave %d articles, %d warnings", len(arts), len(warns))
	}
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"z.txt":       {Data: []byte("Zulu\n\nLast.")},
		"dir/y.md":    {Data: []byte("# Yankee\n\nMiddle.")},
		"a.txt":       {Data: []byte("Alpha\n\nFirst.")},
		"empty.txt":   {Data: []byte("")},
		".hidden.txt": {Data: []byte("Hidden\n\nNo.")},
	}
	arts, warns := LoadFS(fsys, Options{})
	var got []string
	for _, a := range arts {
		got = append(got, a.Source)
	}
	if strings.Join(got, " ") != "a.txt dir/y.md z.txt" {
		t.Errorf("sources %v", got)
	}
	if len(warns) != 1 || warns[0].Source != "empty.txt" {
		t.Errorf("warnings %v", warns)
	}
}

func TestLoadSharedCorpora(t *testing.T) {
	for _, parts := range [][]string{{"data", "bbc", "politics"}, {"data", "polnear", "dev", "text"}} {
		t.Run(strings.Join(parts, "/"), func(t *testing.T) {
			dir := sharedDir(t, parts...)
			files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
			arts, warns := Load(context.Background(), []string{dir}, Options{})
			if len(warns) != 0 {
				t.Errorf("%d warnings, first: %v", len(warns), warns[0])
			}
			if len(arts) != len(files) {
				t.Errorf("%d articles from %d files", len(arts), len(files))
			}
			for _, a := range arts {
				if a.Title == "" || a.Body == "" {
					t.Errorf("%s: title %q, body %d bytes", a.Source, a.Title, len(a.Body))
				}
			}
		})
	}
}

// TestConllBodiesKeepEveryWord checks what the CoNLL scorer needs: every
// word of each generated brief's body is found, in order, in the cleaned body.
func TestConllBodiesKeepEveryWord(t *testing.T) {
	script := filepath.Join(sharedDir(t, "eval"), "conll.py")
	data := filepath.Join(sharedDir(t, "data", "conll2003"), "eng.testa")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 absent")
	}
	out := t.TempDir()
	if msg, err := exec.Command(py, script, "make", data, out).CombinedOutput(); err != nil {
		t.Skipf("conll.py make: %v: %s", err, msg)
	}
	arts, warns := Load(context.Background(), []string{out}, Options{})
	if len(warns) != 0 {
		t.Errorf("%d warnings, first %v", len(warns), warns[0])
	}
	misaligned := 0
	for _, a := range arts {
		raw, err := os.ReadFile(a.Source)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(string(raw), "\n\n")
		cur := 0
		for _, w := range strings.Fields(body) {
			i := strings.Index(a.Body[cur:], w)
			if i < 0 {
				misaligned++
				if misaligned <= 3 {
					t.Errorf("%s: word %q lost", a.Source, w)
				}
				break
			}
			cur += i + len(w)
		}
	}
	if misaligned > 0 {
		t.Errorf("%d of %d briefs misaligned", misaligned, len(arts))
	}
	if len(arts) == 0 {
		t.Error("no brief loaded")
	}
}

func TestLoadEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{".hidden": "x"})
	arts, warns := Load(context.Background(), []string{dir}, Options{})
	if len(arts) != 0 || len(warns) != 1 || !strings.Contains(warns[0].Reason, "no file") {
		t.Errorf("%d articles, warnings %v", len(arts), warns)
	}
}
