package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
