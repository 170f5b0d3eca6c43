package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefs/model"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestVersionHelpAndUsageErrors(t *testing.T) {
	code, out, _ := runCLI(t, "", "--version")
	if code != 0 || !strings.Contains(out, "briefs "+version) {
		t.Errorf("--version: code %d, out %q", code, out)
	}
	code, out, _ = runCLI(t, "", "--help")
	if code != 0 || !strings.Contains(out, "extract") || !strings.Contains(out, "search QUERY") {
		t.Errorf("--help: code %d, out %q", code, out)
	}
	for _, args := range [][]string{{"--no-such-flag"}, {"extract", "--format", "xml"}, {"extract", "--nope"}} {
		code, _, errOut := runCLI(t, "", args...)
		if code != 2 || !strings.Contains(errOut, "--help' for usage") {
			t.Errorf("%v: code %d (want 2), stderr %q", args, code, errOut)
		}
	}
}

const brief = "Envoys meet in Geneva\n\nThe talks opened on Monday in Geneva, where envoys of Chile and Peru met.\n\n\"We are close,\" said Ana Ruiz, Chile's envoy.\n"

func TestExtractJSONLFromStdin(t *testing.T) {
	code, out, errOut := runCLI(t, brief, "extract", "-")
	if code != 0 {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("want one JSON line, got %d: %q", len(lines), out)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &raw); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"id", "source", "title", "published", "url", "body", "entities", "quotes"} {
		if _, ok := raw[field]; !ok {
			t.Errorf("field %q missing from %s", field, lines[0])
		}
	}
	var a model.Article
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Envoys meet in Geneva" || a.Source != "-" {
		t.Errorf("title %q source %q", a.Title, a.Source)
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if a.Text(m.Field)[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v does not match its text", m)
			}
		}
	}
	if len(a.Quotes) != 1 || a.Quotes[0].Text != "We are close," && a.Quotes[0].Text != "We are close" {
		t.Fatalf("quotes: %+v", a.Quotes)
	}
	if q := a.Quotes[0]; a.Body[q.Start:q.End] != q.Text || !strings.Contains(q.Speaker, "Ruiz") {
		t.Errorf("quote %+v", q)
	}
}

func TestExtractReportsBadSourcesAndKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte(brief), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "extract", "--format", "json", dir, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Errorf("code %d, want 1", code)
	}
	var arts []model.Article
	if err := json.Unmarshal([]byte(out), &arts); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(arts) != 1 || arts[0].Title != "Envoys meet in Geneva" {
		t.Errorf("articles: %+v", arts)
	}
	if !strings.Contains(errOut, "missing.txt") || !strings.Contains(errOut, "empty.txt") {
		t.Errorf("stderr should name both bad sources: %q", errOut)
	}
}

func TestExtractMarkdownOfBuiltInBriefs(t *testing.T) {
	code, out, errOut := runCLI(t, "", "extract", "--format", "md")
	if code != 0 {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "# US and Russia struggle to overcome rifts in Moscow") || strings.Count(out, "\n# ") < 6 {
		t.Errorf("digest of the samples lacks briefs:\n%.600s", out)
	}
	if !strings.Contains(out, "Vladimir Safronkov") {
		t.Errorf("digest lacks the seed's speakers")
	}
}

func TestCorpusCommands(t *testing.T) {
	ids := func(out string) []string {
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var h struct {
				ArticleID string `json:"article_id"`
				ID        string `json:"id"`
			}
			if err := json.Unmarshal([]byte(line), &h); err != nil {
				t.Fatalf("not JSON: %q", line)
			}
			got = append(got, h.ArticleID+h.ID)
		}
		return got
	}
	code, alias, _ := runCLI(t, "", "search", "--format", "jsonl", "russian federation")
	code2, canon, _ := runCLI(t, "", "search", "--format", "jsonl", "entity:Russia")
	if code != 0 || code2 != 0 || alias == "" {
		t.Fatalf("codes %d %d, out %q", code, code2, alias)
	}
	a, c := ids(alias), ids(canon)
	if strings.Join(a, ",") != strings.Join(c, ",") {
		t.Errorf("alias query found %v, canonical %v", a, c)
	}
	code, out, _ := runCLI(t, "", "quotes", "--format", "text", "--speaker", "Safronkov")
	if code != 0 || strings.Count(strings.TrimSpace(out), "\n") != 1 || !strings.Contains(out, "non-failed state") {
		t.Errorf("quotes by Safronkov: code %d\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "", "search"); code != 2 {
		t.Errorf("search without a query: code %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "", "entities", "--kind", "planet"); code != 2 {
		t.Errorf("unknown kind: code %d, want 2", code)
	}
}

func TestFilesLeftOutOfAFolderAreToldButNoFailure(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte(brief), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tool.go"), []byte("package main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "extract", dir)
	if code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("code %d (want 0), %d articles", code, strings.Count(out, "\n"))
	}
	if !strings.Contains(errOut, "briefs: note:") || !strings.Contains(errOut, "(.go)") {
		t.Errorf("stderr should tell what was left out: %q", errOut)
	}
}

// TestExtractMixedFolder: every format, plus a binary file, an empty file, a
// 50 MB file and a broken JSON: the good ones are printed, the bad ones named
// on standard error, exit status 1.
func TestExtractMixedFolder(t *testing.T) {
	dir := t.TempDir()
	same, _ := filepath.Glob(filepath.Join("articles", "source", "testdata", "same", "*"))
	if len(same) < 6 {
		t.Fatalf("only %d format files in articles/source/testdata/same", len(same))
	}
	for _, f := range same {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := map[string]string{
		"program":     "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00",
		"empty.txt":   "",
		"broken.json": "[{\"title\": \"A\", \"body\": \"B\"},\n {\"title\": }]",
	}
	for name, body := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	big, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()

	code, out, errOut := runCLI(t, "", "extract", dir)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// broken.json still yields its good first object.
	if len(lines) < len(same) {
		t.Errorf("%d articles printed, want at least %d (one per good file)", len(lines), len(same))
	}
	for _, name := range []string{"program", "empty.txt", "broken.json", "huge.txt"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("standard error does not name %s:\n%s", name, errOut)
		}
	}
	if !strings.Contains(errOut, "line 2, column") {
		t.Errorf("the broken JSON is not reported with line and column:\n%s", errOut)
	}
}

// TestExtractSharedCorporaWithoutWarnings reads the shared BBC and PolNeAR
// texts through the CLI: every file is a brief, none is skipped.
func TestExtractSharedCorporaWithoutWarnings(t *testing.T) {
	for _, dir := range []string{
		filepath.Join("..", "shared", "data", "bbc", "politics"),
		filepath.Join("..", "shared", "data", "polnear", "dev", "text"),
	} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(files) == 0 {
			t.Skipf("%s is absent", dir)
		}
		code, out, errOut := runCLI(t, "", "extract", dir)
		if code != 0 || errOut != "" {
			t.Errorf("%s: exit %d, stderr %q", dir, code, errOut)
		}
		if n := strings.Count(out, "\n"); n != len(files) {
			t.Errorf("%s: %d articles for %d files", dir, n, len(files))
		}
	}
}
