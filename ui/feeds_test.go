package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/model"
	"briefs/ui/config"
	"briefs/ui/internal/testbriefs"
)

const feedsConfig = `# Morning reading.
feeds = [
  "https://desk.example/world.xml", # World desk
  "https://bad.example/rss",
]

theme = "dark" # keep
`

// TestFeedsView: F shows the config's feeds with their titles, the briefs
// the list holds from each and the error of one that failed; a adds a feed
// to the config file (its comments kept), d removes the selected one, esc
// comes back.
func TestFeedsView(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(feedsConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	arts := testbriefs.MustLoad(t)
	arts[0].Source, arts[1].Source = "https://desk.example/world.xml", "https://desk.example/world.xml"
	a := started(t, 120, 40, arts, Options{ConfigPath: path})
	a.warnings = append(a.warnings, "https://bad.example/rss: not read: 404 Not Found")
	a, _ = keys(t, a, "F")
	s := screen(a)
	for _, want := range []string{"Feeds of", "World desk", "https://desk.example/world.xml", "2 briefs", "bad.example", "failed: not read: 404 Not Found", "a add feed"} {
		if !strings.Contains(s, want) {
			t.Fatalf("the feeds view lacks %q:\n%s", want, s)
		}
	}
	a, _ = keys(t, a, "a")
	if a.prompt.kind != "feed" {
		t.Fatalf("a: no prompt (%q)", a.prompt.kind)
	}
	a.prompt.in.SetValue("https://wire.example/rss")
	a, _ = keys(t, a, "enter")
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"https://wire.example/rss"`) || !strings.Contains(string(data), "# Morning reading.") || !strings.Contains(string(data), `# keep`) {
		t.Fatalf("after adding:\n%s", data)
	}
	if !strings.Contains(a.status, "Added https://wire.example/rss") || !strings.Contains(screen(a), "wire.example") {
		t.Fatalf("status %q:\n%s", a.status, screen(a))
	}
	if c, probs := config.Parse(path, data); len(probs) > 0 || len(c.Feeds) != 3 || c.Theme != "dark" {
		t.Fatalf("the edited config: %v %v", c.Feeds, probs)
	}
	a, _ = keys(t, a, "a")
	a.prompt.in.SetValue("ftp://wire.example/rss")
	a, _ = keys(t, a, "enter")
	if !a.statusWarn || !strings.Contains(a.status, "not an http or https URL") {
		t.Fatalf("a bad URL: status %q", a.status)
	}
	a, _ = keys(t, a, "j", "j", "d")
	data, _ = os.ReadFile(path)
	if strings.Contains(string(data), "wire.example") || !strings.Contains(string(data), "World desk") {
		t.Fatalf("d on the third feed:\n%s", data)
	}
	a, _ = keys(t, a, "esc")
	if a.feedsV.open || strings.Contains(screen(a), "Feeds of") {
		t.Fatalf("esc left the feeds view:\n%s", screen(a))
	}
}

// TestFeedFetchOne: f in the feeds view fetches the selected feed alone
// (the loader is told which: onlyKey); its new brief joins the list and
// every other brief stays; a failure says so and marks that feed, and the
// next good fetch clears it. A feed added in the app is fetched at once.
func TestFeedFetchOne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(feedsConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	const bad = "https://bad.example/rss"
	arts := testbriefs.MustLoad(t)
	var asked [][]string
	fail := true
	load := func(ctx context.Context, out chan<- tea.Msg) {
		only, _ := ctx.Value(onlyKey{}).([]string)
		asked = append(asked, only)
		batch, warns := arts[:2], []string(nil)
		switch {
		case only == nil:
		case fail:
			batch, warns = nil, []string{bad + ": not read: 503 Service Unavailable"}
		default:
			fresh := testbriefs.Parse(fmt.Sprintf("Port authority of Valletta reports delay %d\n\nInspectors from Norland waited %d hours at the harbour gate, the authority said.", len(asked), len(asked)))
			fresh.Source = only[0]
			batch = []model.Article{fresh}
		}
		out <- ArticlesMsg{Articles: batch}
		out <- ProgressMsg{Progress: articles.Progress{Done: len(batch), Final: true}}
		out <- LoadedMsg{Warnings: warns}
	}
	a := started(t, 120, 40, nil, Options{ConfigPath: path, Loader: load})
	if a.list.Len() != 2 || len(asked) != 1 || asked[0] != nil {
		t.Fatalf("after start: %d briefs, loads %v", a.list.Len(), asked)
	}
	a, _ = keys(t, a, "F", "j", "f")
	if len(asked) != 2 || !slices.Equal(asked[1], []string{bad}) {
		t.Fatalf("f on the second feed: loads %v", asked)
	}
	if !a.statusWarn || !strings.Contains(a.status, "Fetched "+bad+": it failed") || !strings.Contains(screen(a), "failed: not read: 503") {
		t.Fatalf("a failed fetch: status %q:\n%s", a.status, screen(a))
	}
	if a.list.Len() != 2 {
		t.Fatalf("a failed fetch of one feed left %d briefs", a.list.Len())
	}
	fail = false
	a, _ = keys(t, a, "f")
	if a.list.Len() != 3 || a.status != "Fetched "+bad+": 1 new brief." || strings.Contains(screen(a), "failed") {
		t.Fatalf("a good fetch: %d briefs, status %q:\n%s", a.list.Len(), a.status, screen(a))
	}
	if !strings.Contains(screen(a), "f fetch this feed") {
		t.Fatalf("the help bar lacks f:\n%s", screen(a))
	}
	// a feed added here: f fetches it now
	a, _ = keys(t, a, "a")
	a.prompt.in.SetValue("https://wire.example/rss")
	a, _ = keys(t, a, "enter", "j", "f")
	if got := asked[len(asked)-1]; !slices.Equal(got, []string{"https://wire.example/rss"}) || a.list.Len() != 4 {
		t.Fatalf("f on the added feed: load of %v, %d briefs", got, a.list.Len())
	}
	// r still fetches everything, and drops what is gone
	a, _ = keys(t, a, "r")
	if asked[len(asked)-1] != nil || a.list.Len() != 2 {
		t.Fatalf("r: load of %v, %d briefs", asked[len(asked)-1], a.list.Len())
	}
}
