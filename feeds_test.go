package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefs/ui/config"
)

// userConfig is a config file as a user keeps it, comments and all.
const userConfig = `# Work setup.
sources = []   # none: feeds only

# Morning reading.
feeds = [
  "https://desk.example.org/world.xml", # World desk
]

theme = "light"

[keys]
quit = ["q"] # just q
`

// feedsRun runs briefs with the config at cfg and returns its exit status,
// standard output and standard error.
func feedsRun(t *testing.T, cfg, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb strings.Builder
	code := run(append(args, "--config", cfg), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestFeedsCommand(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte(userConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name     string
		args     []string
		code     int
		out, err string // wanted in standard output, standard error
		has      []string
		hasNot   []string // what the config must (not) hold after the step
	}{
		{"list", []string{"feeds"}, 0, "https://desk.example.org/world.xml\tWorld desk\n", "", nil, nil},
		{"add with a title", []string{"feeds", "add", "https://wire.example.com/rss", "--title", "The Wire"}, 0, "", "added to",
			[]string{`  "https://wire.example.com/rss", # The Wire` + "\n]", "# Morning reading.", `quit = ["q"] # just q`}, nil},
		{"add again", []string{"feeds", "add", "https://wire.example.com/rss"}, 0, "", "already a feed", nil, nil},
		{"add a bad URL", []string{"feeds", "add", "ftp://wire.example.com/rss"}, 2, "", "not an http or https URL", nil, []string{"ftp:"}},
		{"add without URL", []string{"feeds", "add"}, 2, "", "", nil, nil},
		{"list json", []string{"feeds", "--format", "json"}, 0, `"title": "The Wire"`, "", nil, nil},
		{"remove by title", []string{"feeds", "remove", "world desk"}, 0, "", "https://desk.example.org/world.xml removed", nil,
			[]string{"desk.example.org", "World desk"}},
		{"remove unknown", []string{"feeds", "rm", "https://nowhere.example/"}, 1, "", `no feed "https://nowhere.example/"`, nil, nil},
		{"remove by URL", []string{"feeds", "rm", "https://wire.example.com/rss"}, 0, "", "removed", []string{"feeds = [\n]"}, []string{"wire"}},
		{"list none", []string{"feeds"}, 1, "", "no feed in", nil, nil},
		{"export none", []string{"feeds", "export"}, 1, "", "nothing written", nil, nil},
		{"import nested OPML", []string{"feeds", "import", filepath.Join("articles", "opml", "testdata", "nested.opml")}, 0, "", "6 feeds added",
			[]string{`"https://quai.example.fr/feed.xml", # Quai & Co briefings`, `"http://wire.example.com/rss", # The Wire`}, nil},
		{"import it again", []string{"feeds", "import", filepath.Join("articles", "opml", "testdata", "nested.opml")}, 0, "", "0 feeds added to", nil, nil},
		{"import not OPML", []string{"feeds", "import", "README.md"}, 1, "", "not an OPML file", nil, nil},
		{"list takes no argument", []string{"feeds", "extra"}, 2, "", "takes no argument", nil, nil},
	}
	for _, s := range steps {
		code, out, errs := feedsRun(t, cfg, "", s.args...)
		if code != s.code || !strings.Contains(out, s.out) || !strings.Contains(errs, s.err) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %d, %q, %q", s.name, code, out, errs, s.code, s.out, s.err)
		}
		data, _ := os.ReadFile(cfg)
		for _, h := range s.has {
			if !strings.Contains(string(data), h) {
				t.Errorf("%s: the config lacks %q:\n%s", s.name, h, data)
			}
		}
		for _, h := range s.hasNot {
			if strings.Contains(string(data), h) {
				t.Errorf("%s: the config still holds %q:\n%s", s.name, h, data)
			}
		}
		// Every step keeps the rest of the file.
		for _, keep := range []string{"# Work setup.\nsources = []   # none: feeds only\n\n# Morning reading.\nfeeds = [", "\n\ntheme = \"light\"\n\n[keys]\nquit = [\"q\"] # just q\n"} {
			if !strings.Contains(string(data), keep) {
				t.Fatalf("%s: the config lost %q:\n%s", s.name, keep, data)
			}
		}
		if c, probs := config.Parse(cfg, data); len(probs) != 0 || c.Theme != "light" {
			t.Fatalf("%s: the config no longer loads cleanly: %v", s.name, probs)
		}
	}
}

// TestFeedsExportReimports: the OPML export, imported into an empty config,
// gives the same feeds with the same titles, in the same order.
func TestFeedsExportReimports(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.toml"), filepath.Join(dir, "b", "b.toml")
	if code, _, errs := feedsRun(t, a, "", "feeds", "import", filepath.Join("articles", "opml", "testdata", "nested.opml")); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	if code, _, errs := feedsRun(t, a, "", "feeds", "add", "https://q.example/feed?a=1&b=2", "--title", `A "quoted" <title>`); code != 0 {
		t.Fatalf("add: exit %d: %s", code, errs)
	}
	code, exported, errs := feedsRun(t, a, "", "feeds", "export")
	if code != 0 || !strings.Contains(exported, "<opml") {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	if code, _, errs := feedsRun(t, b, exported, "feeds", "import", "-"); code != 0 || !strings.Contains(errs, "7 feeds added") {
		t.Fatalf("import -: exit %d: %s", code, errs)
	}
	list := func(cfg string) []config.FeedEntry {
		code, out, errs := feedsRun(t, cfg, "", "feeds", "--format", "json")
		var feeds []config.FeedEntry
		if err := json.Unmarshal([]byte(out), &feeds); code != 0 || err != nil {
			t.Fatalf("list %s: exit %d, %v: %s", cfg, code, err, errs)
		}
		return feeds
	}
	fa, fb := list(a), list(b)
	if len(fa) != 7 || len(fb) != len(fa) {
		t.Fatalf("%d feeds exported, %d re-imported, want 7", len(fa), len(fb))
	}
	for i := range fa {
		if fa[i] != fb[i] {
			t.Errorf("feed %d: %+v re-imported as %+v", i, fa[i], fb[i])
		}
	}
}

// TestFeedsImportRealOPML imports the real subscription lists of RSParser's
// test suite (207 outlines in folders, 206 feeds once a trailing slash is
// set aside; one file with titles only in text) into an
// empty config, checks the config loads every feed, then exports and
// re-imports them to the same list. Needs ../shared.
func TestFeedsImportRealOPML(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "shared", "data", "web", "feeds", "rsparser", "*.opml"))
	if len(files) == 0 {
		t.Skip("no ../shared/data/web/feeds/rsparser/*.opml")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			urls := map[string]bool{}
			for _, part := range strings.Split(string(src), `xmlUrl="`)[1:] {
				u, _, _ := strings.Cut(part, `"`)
				urls[strings.TrimSuffix(u, "/")] = true // the file has one feed twice, with and without its slash
			}
			dir := t.TempDir()
			a, b := filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml")
			code, _, errs := feedsRun(t, a, "", "feeds", "import", f)
			if code != 0 || !strings.Contains(errs, plural(len(urls), "feed")+" added") {
				t.Fatalf("import: exit %d, %q; want %d feeds added", code, errs, len(urls))
			}
			data, _ := os.ReadFile(a)
			c, probs := config.Parse(a, data)
			if len(probs) != 0 || len(c.Feeds) != len(urls) {
				t.Fatalf("the config loads %d feeds (want %d), problems %v", len(c.Feeds), len(urls), probs)
			}
			for _, u := range c.Feeds {
				if !urls[strings.TrimSuffix(u, "/")] {
					t.Errorf("feed %q is not in the OPML file", u)
				}
			}
			code, exported, _ := feedsRun(t, a, "", "feeds", "export")
			if code != 0 {
				t.Fatal("export failed")
			}
			if code, _, errs := feedsRun(t, b, exported, "feeds", "import", "-"); code != 0 {
				t.Fatalf("re-import: exit %d: %s", code, errs)
			}
			_, la, _ := feedsRun(t, a, "", "feeds")
			_, lb, _ := feedsRun(t, b, "", "feeds")
			if la != lb || strings.Count(la, "\n") != len(urls) {
				t.Errorf("re-imported list differs or is short (%d lines)", strings.Count(lb, "\n"))
			}
			if !strings.Contains(la, "http://daringfireball.net/feeds/main\tDaring Fireball\n") {
				t.Errorf("a title is lost:\n%.300s", la)
			}
		})
	}
}

// TestFeedsRemoveDuplicates: a feed written twice by hand goes at once; the
// shell completes remove with the configured URLs and their titles.
func TestFeedsRemoveDuplicates(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.toml")
	in := "feeds = [\n  \"https://twice.example/rss\", # Twice\n  \"https://keep.example/rss\",\n  \"https://twice.example/rss/\",\n]\n"
	if err := os.WriteFile(cfg, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	if code := run([]string{"__complete", "--config", cfg, "feeds", "remove", ""}, strings.NewReader(""), &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "https://twice.example/rss\tTwice\nhttps://keep.example/rss\n") {
		t.Errorf("completion: exit %d:\n%s%s", code, out.String(), errb.String())
	}
	if code, _, errs := feedsRun(t, cfg, "", "feeds", "rm", "twice"); code != 0 {
		t.Fatalf("rm: exit %d: %s", code, errs)
	}
	if data, _ := os.ReadFile(cfg); string(data) != "feeds = [\n  \"https://keep.example/rss\",\n]\n" {
		t.Errorf("after rm:\n%s", data)
	}
}
