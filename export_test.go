package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefs/model"
)

// TestExportCommand runs `briefs export` over the built-in samples: Markdown
// to a file, JSON to standard output, and usage errors.
func TestExportCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "lavrov.md")
	code, stdout, stderr := runCLI(t, "", "export", "--out", out, "Lavrov")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "written to "+out) {
		t.Fatalf("export --out: code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	md, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Briefs matching “Lavrov”\n", "\n## US and Russia struggle to overcome rifts in Moscow\n", "\n### What was said\n", "— Lavrov"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("export lacks %q:\n%s", want, md)
		}
	}
	code, stdout, _ = runCLI(t, "", "export", "--format", "json", "Lavrov")
	var arts []model.Article
	if err := json.Unmarshal([]byte(stdout), &arts); code != 0 || err != nil || len(arts) == 0 {
		t.Fatalf("export json: code %d, %v, %d briefs", code, err, len(arts))
	}
	for _, a := range arts {
		named := false
		for _, e := range a.Entities {
			named = named || strings.Contains(e.Name, "Lavrov")
		}
		if !named {
			t.Errorf("%q does not name Lavrov", a.Title)
		}
	}
	for _, args := range [][]string{{"export"}, {"export", "--format", "xml", "x"}} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: code %d, want %d", args, code, exitUsage)
		}
	}
}

func TestConfigCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "config", "--default")
	if code != 0 || !strings.HasPrefix(out, "# briefs configuration") || !strings.Contains(out, "[keys.reader]") {
		t.Errorf("config --default: code %d, out %.80q", code, out)
	}
	bad := filepath.Join(t.TempDir(), "c.toml")
	if err := os.WriteFile(bad, []byte("theme = \"dark\"\ncolour = 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "config", "--config", bad)
	if code != exitFailure || strings.TrimSpace(out) != bad || !strings.Contains(errs, bad+":2") {
		t.Errorf("config --config bad: code %d, out %q, err %q", code, out, errs)
	}
	if code, _, _ := runCLI(t, "", "--config", filepath.Join(t.TempDir(), "missing.toml")); code != exitFailure {
		t.Errorf("a missing config named on the command line: code %d, want %d", code, exitFailure)
	}
}
