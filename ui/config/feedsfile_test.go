package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// commented is a config as a user keeps it: comments everywhere, a feeds
// array over several lines with titles, a table after it.
const commented = `# My briefs setup (edited by hand).

# Folders first.
sources = ["~/briefs"]   # the archive

# Feeds I read every morning.
feeds = [
    "https://news.example.org/world.xml", # World desk
    # a comment line inside the list stays
    "https://gazette.example.net/feed",
]

theme = "dark" # always dark

# My keys.
[keys]
quit = ["q"]
`

func TestReadFeeds(t *testing.T) {
	got, err := ReadFeeds([]byte(commented))
	if err != nil {
		t.Fatal(err)
	}
	want := []FeedEntry{{"https://news.example.org/world.xml", "World desk"}, {"https://gazette.example.net/feed", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadFeeds = %v, want %v", got, want)
	}
	// The default file names no feed; a file without the key names none.
	for _, src := range []string{DefaultTOML, "theme = \"dark\"\n", ""} {
		if got, err := ReadFeeds([]byte(src)); err != nil || len(got) != 0 {
			t.Errorf("ReadFeeds(%.30q) = %v, %v; want none", src, got, err)
		}
	}
	// A "feeds" inside a string or a table is not the feeds key.
	tricky := "browser = \"\"\"\nfeeds = [\"https://no.example/\"]\n\"\"\"\n[keys]\nfeeds = [\"x\"]\n"
	if got, err := ReadFeeds([]byte(tricky)); err != nil || len(got) != 0 {
		t.Errorf("ReadFeeds(tricky) = %v, %v; want none", got, err)
	}
}

// TestAddRemoveKeepsComments round-trips a commented config: adding a feed
// changes one line, removing it gives back the file byte for byte.
func TestAddRemoveKeepsComments(t *testing.T) {
	added, n, err := AddFeeds([]byte(commented), []FeedEntry{{URL: "https://wire.example.com/rss", Title: "The Wire"}})
	if err != nil || n != 1 {
		t.Fatalf("AddFeeds: %d, %v", n, err)
	}
	want := strings.Replace(commented, "    \"https://gazette.example.net/feed\",\n",
		"    \"https://gazette.example.net/feed\",\n    \"https://wire.example.com/rss\", # The Wire\n", 1)
	if string(added) != want {
		t.Fatalf("after add:\n%s\nwant:\n%s", added, want)
	}
	c, probs := Parse("config.toml", added)
	if len(probs) != 0 || len(c.Feeds) != 3 || c.Feeds[2] != "https://wire.example.com/rss" || c.Theme != "dark" {
		t.Errorf("the edited file loads as %v (theme %q), problems %v", c.Feeds, c.Theme, probs)
	}
	// Adding a feed already there does nothing.
	again, n, err := AddFeeds(added, []FeedEntry{{URL: "https://wire.example.com/rss/"}})
	if err != nil || n != 0 || string(again) != string(added) {
		t.Errorf("adding a known feed: %d added, %v, changed: %v", n, err, string(again) != string(added))
	}
	removed, f, err := RemoveFeed(added, "the wire")
	if err != nil || f.URL != "https://wire.example.com/rss" {
		t.Fatalf("RemoveFeed by title: %v, %v", f, err)
	}
	if string(removed) != commented {
		t.Errorf("add then remove is not the original:\n%s", removed)
	}
}

// TestCRLF: a file with Windows line ends keeps them through add and remove.
func TestCRLF(t *testing.T) {
	in := strings.ReplaceAll(commented, "\n", "\r\n")
	added, n, err := AddFeeds([]byte(in), []FeedEntry{{URL: "https://wire.example.com/rss", Title: "The Wire"}})
	if err != nil || n != 1 {
		t.Fatalf("AddFeeds: %d, %v", n, err)
	}
	if strings.Count(string(added), "\n") != strings.Count(string(added), "\r\n") {
		t.Errorf("a bare newline in:\n%q", added)
	}
	feeds, err := ReadFeeds(added)
	if err != nil || len(feeds) != 3 || feeds[0].Title != "World desk" || feeds[2].Title != "The Wire" {
		t.Errorf("read back %q, %v", feeds, err)
	}
	removed, _, err := RemoveFeed(added, "https://wire.example.com/rss")
	if err != nil || string(removed) != in {
		t.Errorf("add then remove: %v\n%q", err, removed)
	}
}

func TestAddFeedsShapes(t *testing.T) {
	u := "https://wire.example.com/rss"
	tests := []struct {
		name, in string
		title    string
		want     string
	}{
		{"empty one-line list", "feeds = []\ntheme = \"auto\"\n", "",
			"feeds = [\"https://wire.example.com/rss\"]\ntheme = \"auto\"\n"},
		{"one-line list", "feeds = [\"https://a.example/x\"] # mine\n", "",
			"feeds = [\"https://a.example/x\", \"https://wire.example.com/rss\"] # mine\n"},
		{"one-line list, a title", "feeds = [\"https://a.example/x\"] # mine\n", "Wire",
			"feeds = [\n  \"https://a.example/x\",\n  \"https://wire.example.com/rss\", # Wire\n] # mine\n"},
		{"no feeds key, a table", "theme = \"dark\"\n\n# keys\n[keys]\nquit = [\"q\"]\n", "Wire",
			"theme = \"dark\"\n\nfeeds = [\n  \"https://wire.example.com/rss\", # Wire\n]\n\n# keys\n[keys]\nquit = [\"q\"]\n"},
		{"no file", "", "",
			"feeds = [\n  \"https://wire.example.com/rss\",\n]\n"},
		{"no trailing comma, tabs", "feeds = [\n\t\"https://a.example/x\" # A\n]\n", "",
			"feeds = [\n\t\"https://a.example/x\", # A\n\t\"https://wire.example.com/rss\",\n]\n"},
		{"closing on the item's line", "feeds = [\n  \"https://a.example/x\"]\n", "",
			"feeds = [\n  \"https://a.example/x\",\n  \"https://wire.example.com/rss\",\n]\n"},
		{"a byte order mark", "\ufefffeeds = [\"https://a.example/x\"]\n", "",
			"\ufefffeeds = [\"https://a.example/x\", \"https://wire.example.com/rss\"]\n"},
		{"literal strings and a multi-line string before", "browser = '''\nx [ y\n'''\nfeeds = [\n  'https://a.example/x',\n]\n", "",
			"browser = '''\nx [ y\n'''\nfeeds = [\n  'https://a.example/x',\n  \"https://wire.example.com/rss\",\n]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n, err := AddFeeds([]byte(tt.in), []FeedEntry{{URL: u, Title: tt.title}})
			if err != nil || n != 1 {
				t.Fatalf("AddFeeds: %d, %v", n, err)
			}
			if string(got) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			feeds, err := ReadFeeds(got)
			if err != nil || len(feeds) == 0 || feeds[len(feeds)-1] != (FeedEntry{u, tt.title}) {
				t.Errorf("read back %v, %v", feeds, err)
			}
		})
	}
}

func TestRemoveFeedShapes(t *testing.T) {
	tests := []struct{ name, in, key, want string }{
		{"one-line, first", `feeds = ["https://a.example/", "https://b.example/"]` + "\n", "https://a.example",
			`feeds = ["https://b.example/"]` + "\n"},
		{"one-line, last", `feeds = ["https://a.example/", "https://b.example/"]` + "\n", "https://b.example/",
			`feeds = ["https://a.example/"]` + "\n"},
		{"one-line, only", `feeds = ["https://a.example/"] # kept` + "\n", "https://a.example/",
			`feeds = [] # kept` + "\n"},
		{"own line, last without comma", "feeds = [\n  \"https://a.example/\",\n  \"https://b.example/\" # B\n]\n", "B",
			"feeds = [\n  \"https://a.example/\",\n]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := RemoveFeed([]byte(tt.in), tt.key)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
	for _, tt := range []struct{ in, key, err string }{
		{commented, "https://nowhere.example/", "no feed"},
		{"feeds = [\n \"https://a.example/\", # Same\n \"https://b.example/\", # same\n]\n", "same", "more than one"},
		{"theme = \"dark\"\n", "x", "no feeds"},
		{"feeds = [\"https://a.example/\"\n", "x", "not closed"},
	} {
		if _, _, err := RemoveFeed([]byte(tt.in), tt.key); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("RemoveFeed(%q) error %v, want %q", tt.key, err, tt.err)
		}
	}
}

func TestWriteFileKeepsMode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sub", "config.toml")
	if err := WriteFile(p, []byte("feeds = []\n")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("feeds = [\"https://a.example/\"]\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
	if data, _ := os.ReadFile(p); string(data) != "feeds = [\"https://a.example/\"]\n" {
		t.Errorf("file holds %q", data)
	}
}
