package config

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// problemAt finds the problem about key; it fails the test when there is none.
func problemAt(t *testing.T, probs []Problem, key string) Problem {
	t.Helper()
	for _, p := range probs {
		if p.Key == key {
			return p
		}
	}
	t.Fatalf("no problem about %q in %v", key, probs)
	return Problem{}
}

func TestParseGoodFile(t *testing.T) {
	dir := t.TempDir()
	style := filepath.Join(dir, "mine.json")
	if err := os.WriteFile(style, []byte(`{"document": {"margin": 1}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	src := `sources = ["~/briefs", "inbox", "/srv/briefs", "https://example.org/a.md", "-"]
feeds = ["https://example.org/feed.xml"]
theme = "Light"
glamour_style = "mine.json"
wrap_width = 72
layout = "medium"
panes = ["quotes"]
sort = "entities"
reverse = true
group_by_source = true
speaker_tags = false
browser = "firefox --new-tab"
clipboard = "osc52"
export_dir = "digests"
extract_memory_mb = 256
reload_every = "15m"
notify = "osc777"

[keys]
quit = ["v", "Ctrl+Q"]
search = "R"

[keys.reader]
page_down = ["space", "PageDown"]
`
	c, probs := Parse(filepath.Join(dir, "config.toml"), []byte(src))
	if len(probs) != 0 {
		t.Fatalf("problems in a good file: %v", probs)
	}
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home folder to expand ~ against")
	}
	want := Config{
		Sources:         []string{filepath.Join(home, "briefs"), filepath.Join(dir, "inbox"), "/srv/briefs", "https://example.org/a.md", "-"},
		Feeds:           []string{"https://example.org/feed.xml"},
		Theme:           ThemeLight,
		GlamourStyle:    style,
		WrapWidth:       72,
		Layout:          LayoutMedium,
		Panes:           []string{PaneQuotes},
		Sort:            SortEntities,
		Reverse:         true,
		GroupBySource:   true,
		SpeakerTags:     false,
		Browser:         "firefox --new-tab",
		Clipboard:       ClipboardOSC52,
		ExportDir:       filepath.Join(dir, "digests"),
		ExtractMemoryMB: 256,
		ReloadEvery:     15 * time.Minute,
		Notify:          NotifyOSC777,
		Keys: map[string][]string{
			"quit":             {"v", "ctrl+q"},
			"search":           {"R"},
			"reader.page_down": {"space", "pgdown"},
		},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Parse:\n got %+v\nwant %+v", c, want)
	}
}

func TestUnknownKeysReportedWithLine(t *testing.T) {
	src := `theme = "dark"
wrapwidth = 80
[keys]
quit = ["v"]
[keys.reader]
scroll_down = ["j"]
[keys.pager]
down = ["j"]
[colours]
accent = "#fff"
`
	c, probs := Parse("c.toml", []byte(src))
	for _, tc := range []struct {
		key  string
		line int
		msg  string
	}{
		{"wrapwidth", 2, `did you mean "wrap_width"?`},
		{"keys.reader.scroll_down", 6, "unknown action"},
		{"keys.pager", 7, "unknown key table"},
		{"colours", 9, "unknown setting"},
	} {
		p := problemAt(t, probs, tc.key)
		if p.Line != tc.line || p.File != "c.toml" || !strings.Contains(p.Message, tc.msg) {
			t.Errorf("%s: got %+v, want line %d and %q", tc.key, p, tc.line, tc.msg)
		}
	}
	if len(probs) != 4 {
		t.Errorf("want 4 problems (children of a reported table are not repeated), got %d: %v", len(probs), probs)
	}
	if c.Theme != ThemeDark || !reflect.DeepEqual(c.Keys["quit"], []string{"v"}) {
		t.Errorf("the good settings around unknown keys must apply: %+v", c)
	}
	if s := problemAt(t, probs, "colours").String(); s != "c.toml:9: colours: unknown setting" {
		t.Errorf("String() = %q", s)
	}
}

func TestBadValuesKeepDefaults(t *testing.T) {
	src := `theme = "purple"
wrap_width = -3
layout = 3
sort = "popularity"
glamour_style = "drakula"
feeds = ["https://example.org/ok.xml", "ftp://example.org/f"]
panes = ["entities", "map"]
reverse = "yes"
clipboard = "osc52"

[keys]
help = []
quit = ["ctrl+"]
search = ["hyper+foo"]
back = ["alt+alt+x"]

[keys.reader]
top = ["j"]
bottom = ["\t"]
next = ["ctrl+alt+n"]
prev = ["[", 1]
`
	c, probs := Parse("c.toml", []byte(src))
	for _, tc := range []struct {
		key  string
		line int
		msg  string
	}{
		{"theme", 1, `"purple" is not one of "auto", "dark" or "light"`},
		{"wrap_width", 2, "not negative"},
		{"layout", 3, "must be a string, not a number"},
		{"sort", 4, `"popularity" is not one of`},
		{"glamour_style", 5, `did you mean "dracula"?`},
		{"feeds", 6, `"ftp://example.org/f" is not an http or https URL`},
		{"panes", 7, `"map" is not a pane`},
		{"reverse", 8, "must be true or false, not a string"},
		{"keys.help", 12, "no keys"},
		{"keys.quit", 13, "no key after its modifiers"},
		{"keys.search", 14, `unknown key name "foo"`},
		{"keys.back", 15, `modifier "alt" twice`},
		{"keys.reader.top", 18, `key "j" is also bound to reader.down`},
		{"keys.reader.bottom", 19, "control character"},
		{"keys.reader.prev", 21, "must be a list of keys, not a list holding something else"},
	} {
		p := problemAt(t, probs, tc.key)
		if p.Line != tc.line || !strings.Contains(p.Message, tc.msg) {
			t.Errorf("%s: got line %d %q, want line %d and %q", tc.key, p.Line, p.Message, tc.line, tc.msg)
		}
	}
	d := Default()
	if c.Theme != d.Theme || c.WrapWidth != d.WrapWidth || c.Layout != d.Layout || c.Sort != d.Sort || c.GlamourStyle != "" || c.Reverse {
		t.Errorf("bad values must keep their defaults: %+v", c)
	}
	if !reflect.DeepEqual(c.Feeds, []string{"https://example.org/ok.xml"}) || !reflect.DeepEqual(c.Panes, []string{PaneEntities}) {
		t.Errorf("a list keeps its good entries: feeds %v panes %v", c.Feeds, c.Panes)
	}
	if c.Clipboard != ClipboardOSC52 {
		t.Errorf("a good value after bad ones must apply: clipboard %q", c.Clipboard)
	}
	wantKeys := map[string][]string{"reader.next": {"ctrl+alt+n"}}
	if !reflect.DeepEqual(c.Keys, wantKeys) {
		t.Errorf("keys: got %v, want only the good remap %v", c.Keys, wantKeys)
	}
}

func TestKeysMustBeATable(t *testing.T) {
	c, probs := Parse("c.toml", []byte("theme = \"light\"\nkeys = 3\n"))
	if p := problemAt(t, probs, "keys"); p.Line != 2 || p.Message != "must be a table of actions, not a number" {
		t.Errorf("got %+v", p)
	}
	if c.Theme != ThemeLight || len(c.Keys) != 0 {
		t.Errorf("got %+v", c)
	}
	// Tables made by dotted names, without a [keys] header, are tables all the same.
	c, probs = Parse("c.toml", []byte("keys.reader.down = [\"J\"]\n"))
	if len(probs) != 0 || !slices.Equal(c.Keys["reader.down"], []string{"J"}) {
		t.Errorf("dotted keys: %v %v", probs, c.Keys)
	}
}

func TestSyntaxErrorHasLineAndColumn(t *testing.T) {
	src := "theme = \"dark\"\n\nwrap_width = 80 80\n"
	c, probs := Parse("c.toml", []byte(src))
	if len(probs) != 1 {
		t.Fatalf("want one problem, got %v", probs)
	}
	p := probs[0]
	// BurntSushi/toml points at the space before the stray value.
	if p.Line != 3 || p.Col != 16 || p.Message == "" {
		t.Errorf("got %+v, want line 3 column 16", p)
	}
	if !regexp.MustCompile(`^c\.toml:3:16: `).MatchString(p.String()) {
		t.Errorf("String() = %q", p.String())
	}
	if !reflect.DeepEqual(c, Default()) {
		t.Errorf("a file that does not parse gives the defaults, got %+v", c)
	}
}

func TestNormalizeKey(t *testing.T) {
	for in, want := range map[string]string{
		"q": "q", "Q": "Q", "?": "?", "+": "+", " ": "space", "é": "é",
		"ctrl+c": "ctrl+c", "Ctrl+C": "ctrl+c", "alt+X": "alt+x", "alt+ctrl+x": "ctrl+alt+x", "super+shift+ctrl+tab": "ctrl+shift+super+tab",
		"Escape": "esc", "PgDn": "pgdown", "Return": "enter", "F12": "f12", "shift+a": "A", "ctrl++": "ctrl++",
	} {
		got, err := NormalizeKey(in)
		if err != nil || got != want {
			t.Errorf("NormalizeKey(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "ctrl+", "foo", "cmd+q", "ctrl+ctrl+a", "\t", "f64", "ctrl+\n"} {
		if got, err := NormalizeKey(bad); err == nil {
			t.Errorf("NormalizeKey(%q) = %q, want an error", bad, got)
		}
	}
}

func TestConflictWithLaterSetting(t *testing.T) {
	// down takes "v" first; up, written later with "v" too, keeps its defaults.
	src := "[keys.quotes_pane]\ndown = [\"v\"]\nup = [\"v\", \"z\"]\n"
	c, probs := Parse("c.toml", []byte(src))
	p := problemAt(t, probs, "keys.quotes_pane.up")
	if p.Line != 3 || !strings.Contains(p.Message, "quotes_pane.down") {
		t.Errorf("got %+v", p)
	}
	if _, ok := c.Keys["quotes_pane.up"]; ok || !reflect.DeepEqual(c.Keys["quotes_pane.down"], []string{"v"}) {
		t.Errorf("keys %v", c.Keys)
	}
	// Moving a default key away first frees it: no conflict.
	src = "[keys.reader]\ndown = [\"J\"]\ntop = [\"j\"]\n"
	if _, probs := Parse("c.toml", []byte(src)); len(probs) != 0 {
		t.Errorf("j moved from down to top is no conflict, got %v", probs)
	}
	// The root checks its keys first: they would hide a component's.
	src = "[keys]\nhelp = [\"j\"]\n[keys.reader]\ntop = [\"e\"]\n[keys.search_view]\ncomplete = [\"s\"]\n"
	c, probs = Parse("c.toml", []byte(src))
	if p := problemAt(t, probs, "keys.help"); p.Line != 2 || !strings.Contains(p.Message, "list.cursor_down") && !strings.Contains(p.Message, "reader.down") {
		t.Errorf("help on j: %+v", p)
	}
	if p := problemAt(t, probs, "keys.reader.top"); p.Line != 4 || !strings.Contains(p.Message, `"e" is also bound to entities`) {
		t.Errorf("reader top on e: %+v", p)
	}
	if len(probs) != 2 || !slices.Equal(c.Keys["search_view.complete"], []string{"s"}) {
		t.Errorf("the search view takes s as text, the root does not see it: %v %v", probs, c.Keys)
	}
}

// The action keys (open_url, copy_quote, copy_url, export, sort, group) are
// root keys the UI checks before the focused component's: sort and group only
// while the list has focus, the others in the list, the reader and both side
// panes; none in the search view or while a filter is typed.
func TestActionKeysClash(t *testing.T) {
	for _, tc := range []struct {
		src   string
		key   string // the action reported, "" for none
		other string // the action it clashes with
	}{
		{"[keys.reader]\ndown = [\"y\"]\n", "keys.reader.down", "copy_quote"},
		{"[keys.list]\nfilter = [\"Y\"]\n", "keys.list.filter", "copy_url"},
		{"[keys.entities_pane]\naliases = [\"o\"]\n", "keys.entities_pane.aliases", "open_url"},
		{"[keys.quotes_pane]\ntop = [\"x\"]\n", "keys.quotes_pane.top", "export"},
		{"[keys.list]\ngo_to_end = [\"S\"]\n", "keys.list.go_to_end", "sort"},
		{"[keys.list]\nopen = [\"B\", \"enter\"]\n", "keys.list.open", "group"},
		{"[keys]\nhelp = [\"y\"]\n", "keys.help", "copy_quote"},
		{"[keys]\nsort = [\"o\"]\n", "keys.sort", "open_url"},
		{"[keys]\ncopy_quote = [\"j\"]\n", "keys.copy_quote", "down"},
		// Sort and group let the key through outside the list.
		{"[keys.reader]\ntop = [\"S\"]\n[keys.entities_pane]\ndown = [\"B\"]\n", "", ""},
		// The search view takes every key as text; a typed filter too.
		{"[keys.search_view]\ncomplete = [\"y\"]\n[keys.list]\naccept_while_filtering = [\"o\"]\n", "", ""},
		// Moving the action's key away first frees it.
		{"[keys]\ncopy_quote = [\"c\"]\n[keys.reader]\ndown = [\"y\"]\n", "", ""},
	} {
		c, probs := Parse("c.toml", []byte(tc.src))
		if tc.key == "" {
			if len(probs) != 0 {
				t.Errorf("%q: want no clash, got %v", tc.src, probs)
			}
			continue
		}
		p := problemAt(t, probs, tc.key)
		if len(probs) != 1 || !strings.Contains(p.Message, "also bound to ") || !strings.Contains(p.Message, tc.other) {
			t.Errorf("%q: got %v, want one clash of %s with %s", tc.src, probs, tc.key, tc.other)
		}
		if _, set := c.Keys[strings.TrimPrefix(tc.key, "keys.")]; set {
			t.Errorf("%q: %s took the clashing key; it must keep its defaults", tc.src, tc.key)
		}
	}
}

func TestPathPrecedence(t *testing.T) {
	xdgHome := t.TempDir()
	t.Setenv(EnvXDG, xdgHome)
	t.Setenv(EnvConfig, "")
	want := filepath.Join(xdgHome, "briefs", "config.toml")
	if got := Path(""); got != want {
		t.Errorf("no flag, no env: %q, want %q", got, want)
	}
	t.Setenv(EnvConfig, "/etc/briefs.toml")
	if got := Path(""); got != "/etc/briefs.toml" {
		t.Errorf("$%s: %q", EnvConfig, got)
	}
	if got := Path("./mine.toml"); got != "./mine.toml" {
		t.Errorf("the flag wins: %q", got)
	}
}

func TestLoadMissingFile(t *testing.T) {
	t.Setenv(EnvXDG, t.TempDir())
	c, probs, err := Load(Path(""))
	if err != nil || len(probs) != 0 || !reflect.DeepEqual(c, Default()) {
		t.Errorf("missing default file: %+v %v %v; want defaults, no error", c, probs, err)
	}
	if _, _, err := Load(filepath.Join(t.TempDir(), "nope.toml")); err == nil {
		t.Error("a missing file named explicitly must be an error")
	}
	// A file that exists loads, with problems named after its path.
	p := filepath.Join(t.TempDir(), "c.toml")
	if err := os.WriteFile(p, []byte("layout = \"wide\"\nbogus = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, probs, err = Load(p)
	if err != nil || c.Layout != LayoutWide || len(probs) != 1 || probs[0].File != p || probs[0].Line != 2 {
		t.Errorf("Load(%s) = %+v %v %v", p, c, probs, err)
	}
}

func TestDefaultRoundTrip(t *testing.T) {
	c, probs := Parse("default.toml", []byte(DefaultTOML))
	if len(probs) != 0 {
		t.Fatalf("DefaultTOML has problems: %v", probs)
	}
	if !reflect.DeepEqual(c, Default()) {
		t.Errorf("DefaultTOML loads as\n%+v\nwant Default()\n%+v", c, Default())
	}
	var b bytes.Buffer
	if err := WriteDefault(&b); err != nil || b.String() != DefaultTOML {
		t.Errorf("WriteDefault wrote %d bytes, err %v", b.Len(), err)
	}
}

// TestDefaultFileListsEveryAction uncomments the key lines of DefaultTOML: they
// must name every action once, with the keys the UI binds by default.
func TestDefaultFileListsEveryAction(t *testing.T) {
	uncommented := regexp.MustCompile(`(?m)^# ([a-z_]+ = \[)`).ReplaceAllString(DefaultTOML, "$1")
	c, probs := Parse("default.toml", []byte(uncommented))
	if len(probs) != 0 {
		t.Fatalf("uncommented default keys have problems: %v", probs)
	}
	if len(c.Keys) != len(actions) {
		t.Errorf("the default file lists %d actions, actions has %d", len(c.Keys), len(actions))
	}
	for _, a := range actions {
		if !reflect.DeepEqual(c.Keys[a.Name], a.Keys) {
			t.Errorf("%s: default file says %v, actions says %v", a.Name, c.Keys[a.Name], a.Keys)
		}
	}
	// Each key line ends with the action's help.
	table := regexp.MustCompile(`^\[keys(?:\.([a-z_]+))?\]$`)
	line := regexp.MustCompile(`^# ([a-z_]+) = \[.*\] +# (.+)$`)
	comp, helped := "", 0
	for _, l := range strings.Split(DefaultTOML, "\n") {
		if m := table.FindStringSubmatch(l); m != nil {
			comp = m[1]
			continue
		}
		m := line.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		name := m[1]
		if comp != "" {
			name = comp + "." + name
		}
		if a, ok := LookupAction(name); !ok || a.Help != m[2] {
			t.Errorf("%s: default file's help %q, actions says %q", name, m[2], a.Help)
		}
		helped++
	}
	if helped != len(actions) {
		t.Errorf("%d key lines with help, want %d", helped, len(actions))
	}
}

func TestThemeResolution(t *testing.T) {
	light := func() (bool, bool) { return false, true }
	unknown := func() (bool, bool) { return false, false }
	for _, tc := range []struct {
		theme string
		ask   func() (bool, bool)
		want  bool
	}{
		{ThemeDark, light, true},
		{ThemeLight, nil, false},
		{ThemeAuto, light, false},
		{ThemeAuto, unknown, true},
		{ThemeAuto, nil, true},
	} {
		if got := (Config{Theme: tc.theme}).Dark(tc.ask); got != tc.want {
			t.Errorf("theme %s: Dark = %v, want %v", tc.theme, got, tc.want)
		}
	}
	if _, fixed := Default().FixedTheme(); fixed {
		t.Error("the default theme asks the terminal")
	}
	c := Default()
	if c.Glamour(true, false) != "dark" || c.Glamour(false, false) != "light" || c.Glamour(true, true) != "notty" {
		t.Error("the glamour style must follow the theme and NO_COLOR")
	}
	c.GlamourStyle = "dracula"
	if c.Glamour(false, true) != "dracula" {
		t.Error("a chosen glamour style wins")
	}
}

func TestNoColor(t *testing.T) {
	t.Setenv(EnvNoColor, "")
	if NoColor() {
		t.Error("NO_COLOR empty means colour")
	}
	t.Setenv(EnvNoColor, "1")
	if !NoColor() {
		t.Error("NO_COLOR=1 means no colour")
	}
}

func TestMeasure(t *testing.T) {
	c := Default()
	if c.Measure(60) != 60 || c.Measure(200) != ReadableMeasure {
		t.Errorf("fit the window up to the readable measure: %d %d", c.Measure(60), c.Measure(200))
	}
	c.WrapWidth = 72
	if c.Measure(200) != 72 || c.Measure(50) != 50 {
		t.Errorf("wrap_width, never wider than the window: %d %d", c.Measure(200), c.Measure(50))
	}
}

func TestSnakeCase(t *testing.T) {
	for in, want := range map[string]string{"Quit": "quit", "PageDown": "page_down", "GoToStart": "go_to_start", "OpenURL": "open_url", "URLCopy": "url_copy"} {
		if got := SnakeCase(in); got != want {
			t.Errorf("SnakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGlamourStyleFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"document": `), 0o600); err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string]string{
		`glamour_style = "broken.json"`:  "is not a glamour JSON style",
		`glamour_style = "missing.json"`: "style file",
		`glamour_style = "tokyonight"`:   `did you mean "tokyo-night"?`,
	} {
		c, probs := Parse(filepath.Join(dir, "c.toml"), []byte(src))
		if p := problemAt(t, probs, "glamour_style"); p.Line != 1 || !strings.Contains(p.Message, want) {
			t.Errorf("%s: %+v, want %q", src, p, want)
		}
		if c.GlamourStyle != "" {
			t.Errorf("%s: a bad style follows the theme, got %q", src, c.GlamourStyle)
		}
	}
}

// FuzzParse: any input gives a config whose choices are valid and problems
// that say where; nothing panics.
func FuzzParse(f *testing.F) {
	f.Add(DefaultTOML)
	f.Add("theme = 3\n[keys.reader]\ndown = [\"ctrl+\", 1]\n[[keys]]\n")
	f.Add("keys = { quit = \"x\", reader = { down = [\"j\"] } }\nsources = [\"~\"]")
	f.Fuzz(func(t *testing.T, src string) {
		c, probs := Parse("f.toml", []byte(src))
		for _, p := range probs {
			if p.Line < 0 || p.Message == "" || p.File != "f.toml" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		if !slices.Contains([]string{ThemeAuto, ThemeDark, ThemeLight}, c.Theme) || c.WrapWidth < 0 ||
			!slices.Contains([]string{LayoutAuto, LayoutWide, LayoutMedium, LayoutNarrow}, c.Layout) {
			t.Fatalf("invalid config %+v", c)
		}
		for name, keys := range c.Keys {
			if _, ok := LookupAction(name); !ok || len(keys) == 0 {
				t.Fatalf("bad action %q = %v", name, keys)
			}
		}
	})
}

// BenchmarkParseDefault parses the default file with every key line uncommented,
// the most work a start-up does here.
func BenchmarkParseDefault(b *testing.B) {
	src := []byte(regexp.MustCompile(`(?m)^# ([a-z_]+ = \[)`).ReplaceAllString(DefaultTOML, "$1"))
	for b.Loop() {
		if _, probs := Parse("c.toml", src); len(probs) != 0 {
			b.Fatal(probs)
		}
	}
}

func TestExtractMemoryTooSmall(t *testing.T) {
	c, probs := Parse("c.toml", []byte("extract_memory_mb = 8\n"))
	if len(probs) != 1 || probs[0].Key != "extract_memory_mb" || c.ExtractMemoryMB != DefaultExtractMemoryMB {
		t.Errorf("problems %v, setting %d", probs, c.ExtractMemoryMB)
	}
}
