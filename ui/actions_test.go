package ui

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles/output"
	"briefs/model"
	"briefs/ui/clipboard"
	"briefs/ui/config"
)

// opened is the app at w x h with the seed open in the reader.
func opened(t *testing.T, w, h int) App {
	t.Helper()
	a := sized(t, w, h, seedFirst(t))
	a, _ = keys(t, a, "enter")
	if art, ok := a.reader.Article(); !ok || !strings.HasPrefix(art.Title, "US and Russia") {
		t.Fatalf("the seed is not open: %q", art.Title)
	}
	return a
}

// selectQuote focuses the quotes pane and moves to the quote of this speaker.
func selectQuote(t *testing.T, a App, speaker string) (App, model.Quote) {
	t.Helper()
	a, _ = keys(t, a, "Q")
	art, _ := a.reader.Article()
	for range art.Quotes {
		if i := a.quotes.Selected(); i >= 0 && art.Quotes[i].Speaker == speaker {
			return a, art.Quotes[i]
		}
		a, _ = keys(t, a, "j")
	}
	t.Fatalf("no quote by %s", speaker)
	return a, model.Quote{}
}

func TestCopyQuoteToClipboardAndOSC52(t *testing.T) {
	a := opened(t, 120, 40)
	var system []string
	a.writeSystem = func(s string) error { system = append(system, s); return nil }
	a, q := selectQuote(t, a, "Vladimir Safronkov")

	want := "“This is contrary to any standards of justice” — Vladimir Safronkov\n" +
		"(US and Russia struggle to overcome rifts in Moscow, " + seedFirst(t)[0].Source + ")"
	art, _ := a.reader.Article()
	if got := QuoteText(art, q); got != want {
		t.Fatalf("quote text %q, want %q", got, want)
	}
	m, cmd := a.Update(press("y"))
	a = m.(App)
	var raw []string
	var copied []CopiedMsg
	for _, msg := range runCmd(cmd) {
		switch msg := msg.(type) {
		case tea.RawMsg:
			raw = append(raw, msg.Msg.(string))
		case CopiedMsg:
			copied = append(copied, msg)
		}
	}
	// The exact OSC 52 sequence: ESC ] 52 ; c ; base64 BEL.
	if len(raw) != 1 || raw[0] != "\x1b]52;c;"+b64(want)+"\a" || raw[0] != clipboard.Sequence(want) {
		t.Errorf("OSC 52 output %q, want the sequence of %q", raw, want)
	}
	if !slices.Equal(system, []string{want}) {
		t.Errorf("system clipboard got %q", system)
	}
	if len(copied) != 1 {
		t.Fatalf("copied messages %v", copied)
	}
	a, _ = step(t, a, copied[0])
	if s := screen(a); !strings.Contains(s, "Copied the quote (clipboard + OSC 52).") {
		t.Errorf("status does not say the quote was copied:\n%s", s)
	}
}

func TestCopyFallsBackToOSC52AndWithoutQuote(t *testing.T) {
	a := opened(t, 120, 40)
	a.writeSystem = func(string) error { return clipboard.ErrNoSystem }
	// In the reader with nothing selected there is no quote to copy.
	a, _ = keys(t, a, "y")
	if s := screen(a); !strings.Contains(s, "No quote selected") {
		t.Errorf("y without a quote:\n%s", s)
	}
	a, _ = selectQuote(t, a, "Lavrov")
	a, _ = keys(t, a, "y")
	if s := screen(a); !strings.Contains(s, "Copied the quote (OSC 52).") {
		t.Errorf("with no system clipboard, OSC 52 alone:\n%s", s)
	}
	// The seed has no URL: Y and o say so.
	for _, k := range []string{"Y", "o"} {
		a, _ = keys(t, a, k)
		if s := screen(a); !strings.Contains(s, "This brief has no URL.") {
			t.Errorf("%s on a brief with no URL:\n%s", k, s)
		}
	}
}

func TestCopyURL(t *testing.T) {
	arts := seedFirst(t)
	arts[0].URL = "https://example.org/briefs/rifts"
	a := sized(t, 120, 40, arts)
	a.cfg.Clipboard = config.ClipboardOSC52
	m, cmd := a.Update(press("Y")) // from the list: the selected brief
	a = m.(App)
	msgs := runCmd(cmd)
	if len(msgs) != 1 || msgs[0] != (tea.RawMsg{Msg: clipboard.Sequence(arts[0].URL)}) {
		t.Errorf("Y sent %v, want the OSC 52 sequence of the URL", msgs)
	}
	if s := screen(a); !strings.Contains(s, "Copied the URL (OSC 52).") {
		t.Errorf("status:\n%s", s)
	}
}

func TestExportWritesDigest(t *testing.T) {
	a := opened(t, 120, 40)
	dir := filepath.Join(t.TempDir(), "digests")
	a.cfg.ExportDir = dir
	a, _ = keys(t, a, "x")
	art, _ := a.reader.Article()
	path := filepath.Join(dir, "briefs-us-and-russia-struggle-to-overcome-rifts-in-moscow.md")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("x wrote no digest: %v", err)
	}
	var want strings.Builder
	if err := output.Markdown(&want, &art); err != nil {
		t.Fatal(err)
	}
	if string(got) != want.String() {
		t.Errorf("digest file:\n%s\nwant:\n%s", got, want.String())
	}
	// the speaker tags the reader shows beside quotes are not the brief's
	// text: the digest has none (issue 20, defect 9)
	if !strings.Contains(screen(a), "⟨") || strings.Contains(string(got), "⟨") {
		t.Errorf("a speaker tag is not on screen, or it went into the digest:\n%s\n%s", screen(a), got)
	}
	if s := screen(a); !strings.Contains(s, "Digest written to "+dir) {
		t.Errorf("status does not name the file:\n%s", s)
	}
	// x again: the same digest is left as it is; a different file of that
	// name is never overwritten (issue 20, defect 15)
	a, _ = keys(t, a, "x")
	if m, _ := filepath.Glob(filepath.Join(dir, "*.md")); len(m) != 1 {
		t.Errorf("x twice made %d files: %v", len(m), m)
	}
	if err := os.WriteFile(path, []byte("my own notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, _ = keys(t, a, "x")
	if b, _ := os.ReadFile(path); string(b) != "my own notes\n" {
		t.Errorf("x overwrote another file: %q", b)
	}
	numbered := strings.TrimSuffix(path, ".md") + "-2.md"
	if b, err := os.ReadFile(numbered); err != nil || string(b) != want.String() {
		t.Errorf("the digest did not go to %s: %v", numbered, err)
	}
	// A folder that cannot be made is reported, not fatal.
	a.cfg.ExportDir = filepath.Join(path, "sub")
	a, _ = keys(t, a, "x")
	if s := screen(a); !strings.Contains(s, "Export failed") {
		t.Errorf("a bad export folder is not reported:\n%s", s)
	}
}

// With no export_dir, x writes to the documents folder, else home, never
// the folder briefs started in; the message fits at 80 columns (issue 20,
// defect 15).
func TestExportDefaultsToDocuments(t *testing.T) {
	home := t.TempDir()
	start := t.TempDir()
	t.Chdir(start)
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "cfg"))
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	papers := filepath.Join(home, "Papers")
	for _, d := range []string{papers, filepath.Join(home, "cfg")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	name := "briefs-us-and-russia-struggle-to-overcome-rifts-in-moscow.md"
	export := func(want string) {
		t.Helper()
		a := opened(t, 80, 24)
		a.cfg.ExportDir = ""
		a, _ = keys(t, a, "x")
		if _, err := os.Stat(filepath.Join(want, name)); err != nil {
			t.Errorf("x wrote no digest in %s: %v", want, err)
		}
		if m, _ := filepath.Glob(filepath.Join(start, "*.md")); len(m) > 0 {
			t.Errorf("x wrote to the start folder: %v", m)
		}
		lines := strings.Split(screen(a), "\n")
		msg := ""
		for _, l := range lines {
			if strings.Contains(l, "Digest written to") {
				msg = strings.TrimSpace(l)
			}
		}
		if !strings.HasPrefix(msg, "Digest written to ~") || !strings.HasSuffix(msg, ".md") || ansi.StringWidth(msg) > 80 {
			t.Errorf("the message is cut, or does not name the file: %q", msg)
		}
	}
	// no documents folder named: home
	export(home)
	// user-dirs.dirs names one
	if err := os.WriteFile(filepath.Join(home, "cfg", "user-dirs.dirs"), []byte("# xdg\nXDG_DOCUMENTS_DIR=\"$HOME/Papers\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	export(papers)
	// the environment names another
	docs := filepath.Join(home, "Docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_DOCUMENTS_DIR", docs)
	export(docs)
}

func TestExportedLine(t *testing.T) {
	t.Setenv("HOME", "/home/ann")
	long := "/home/ann/Documents/briefs-ministers-of-twelve-nations-gather-in-a-very-long-titled.md"
	for _, w := range []int{40, 60, 80, 120} {
		got := exportedLine(long, w)
		prefix := "Digest written to ~/Documents/briefs-"
		if w < 60 {
			prefix = "Digest written to ~/" // too narrow for the folder whole
		}
		if ansi.StringWidth(got) > w || !strings.HasPrefix(got, prefix) || !strings.HasSuffix(got, ".md") {
			t.Errorf("at %d: %q", w, got)
		}
	}
	if got := exportedLine(long, 200); got != "Digest written to ~/Documents/briefs-ministers-of-twelve-nations-gather-in-a-very-long-titled.md" {
		t.Errorf("wide: %q", got)
	}
}

func TestExportPath(t *testing.T) {
	long := model.Article{ID: "abc", Title: "Ministers of twelve nations gather in a very long titled meeting about many things"}
	if got := ExportPath("", long); got != "briefs-ministers-of-twelve-nations-gather-in-a-very-long-titled.md" {
		t.Errorf("long title: %q", got)
	}
	if got := ExportPath("/d", model.Article{ID: "abc", Title: "¿?"}); got != "/d/briefs-abc.md" {
		t.Errorf("no words: %q", got)
	}
}

func TestBrowserCommand(t *testing.T) {
	const u = "https://example.org/x"
	for _, c := range []struct {
		configured, env, goos string
		argv                  []string
		interactive           bool
	}{
		{"", "", "linux", []string{"xdg-open", u}, false},
		{"", "", "darwin", []string{"open", u}, false},
		{"", "lynx -dump", "linux", []string{"lynx", "-dump", u}, true},
		{"firefox --new-tab %s", "lynx", "linux", []string{"firefox", "--new-tab", u}, true},
	} {
		argv, inter := BrowserCommand(u, c.configured, c.env, c.goos)
		if !slices.Equal(argv, c.argv) || inter != c.interactive {
			t.Errorf("%+v: got %v %v", c, argv, inter)
		}
	}
}

func TestRemappedKeysShowInHelpAndWork(t *testing.T) {
	cfg, probs := config.Parse("c.toml", []byte("[keys]\nentities = [\"E\"]\n[keys.reader]\ndown = [\"J\", \"down\"]\n"))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	cfg.Sort = "" // the order they came in: the seed first
	a := New(seedFirst(t), nil)
	if err := a.Configure(Options{Config: cfg}); err != nil {
		t.Fatal(err)
	}
	a, _ = step(t, a, tea.WindowSizeMsg{Width: 120, Height: 40})
	a, _ = keys(t, a, "enter", "?")
	s := screen(a)
	for _, want := range []string{"J/↓", "E ", "entities"} {
		if !strings.Contains(s, want) {
			t.Errorf("full help lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "j/↓") {
		t.Errorf("full help still shows the old key j:\n%s", s)
	}
	a, _ = keys(t, a, "?", "J", "J")
	if y := a.reader.YOffset(); y != 2 {
		t.Errorf("J J scrolled to %d, want 2", y)
	}
	a, _ = keys(t, a, "j")
	if y := a.reader.YOffset(); y != 2 {
		t.Errorf("j still scrolls (to %d)", y)
	}
	a, _ = keys(t, a, "E")
	if a.focus != focusEntities {
		t.Errorf("E did not focus the entities pane")
	}
	a, _ = keys(t, a, "e")
	if a.focus != focusEntities {
		t.Errorf("e still toggles the entities pane")
	}
}

func TestConfiguredThemeLayoutAndOrder(t *testing.T) {
	cfg := config.Default()
	cfg.Theme, cfg.Layout, cfg.Sort, cfg.Panes = config.ThemeLight, config.LayoutNarrow, config.SortTitle, nil
	a := New(seedFirst(t), nil)
	if err := a.Configure(Options{Config: cfg, NoColor: true}); err != nil {
		t.Fatal(err)
	}
	if asksBackground(a.Init()) {
		t.Error("a fixed theme must not ask the terminal")
	}
	if a.st.Dark || a.st.Glamour != "light" {
		t.Errorf("light theme without colour: dark %v, glamour %q", a.st.Dark, a.st.Glamour)
	}
	a, _ = step(t, a, tea.BackgroundColorMsg{Color: white{}})
	a, _ = step(t, a, tea.WindowSizeMsg{Width: 200, Height: 50})
	if a.mode() != narrow || !a.sideOff {
		t.Errorf("layout %v, panes off %v", a.mode(), a.sideOff)
	}
	first, _ := a.list.Selected()
	if !strings.HasPrefix(first.Title, "Envoys agree") {
		t.Errorf("sorted by title, the first brief is %q", first.Title)
	}
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func TestConfigProblemsShown(t *testing.T) {
	a := New(seedFirst(t), nil)
	prob := "config: /home/ana/.config/briefs/config.toml:3: colour: unknown key"
	if err := a.Configure(Options{Config: config.Default(), Problems: []string{prob}}); err != nil {
		t.Fatal(err)
	}
	a, _ = step(t, a, tea.WindowSizeMsg{Width: 160, Height: 30})
	if s := screen(a); !strings.Contains(s, "1 problem in the config (w: all)") {
		t.Errorf("the list does not mention the config problem:\n%s", s)
	}
	a, _ = keys(t, a, "w")
	if s := screen(a); !strings.Contains(s, "1 problem in the config file") || !strings.Contains(s, "config.toml:3: colour: unknown key") {
		t.Errorf("the warnings view does not list it:\n%s", s)
	}
}

func TestOpenURLRunsTheOpener(t *testing.T) {
	bin := t.TempDir()
	got := filepath.Join(bin, "opened")
	script := "#!/bin/sh\nprintf '%s' \"$1\" > " + got + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bin, "open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	t.Setenv("BROWSER", "")
	arts := seedFirst(t)
	arts[0].URL = "https://example.org/briefs/rifts?a=1&b=2"
	a := sized(t, 120, 40, arts)
	a, _ = keys(t, a, "enter", "o")
	if s := screen(a); !strings.Contains(s, "Opening "+arts[0].URL) {
		t.Errorf("status does not say what opens:\n%s", s)
	}
	b, err := os.ReadFile(got)
	if err != nil || string(b) != arts[0].URL {
		t.Errorf("the opener got %q (%v), want %q", b, err, arts[0].URL)
	}
}

func TestBackgroundAnswerInTime(t *testing.T) {
	a := sized(t, 80, 24, seedFirst(t))
	a, _ = step(t, a, backgroundTimeoutMsg{})
	a, _ = step(t, a, tea.BackgroundColorMsg{Color: white{}})
	if !a.st.Dark {
		t.Error("an answer after the wait changed the theme")
	}
	b := sized(t, 80, 24, seedFirst(t))
	b, _ = step(t, b, tea.BackgroundColorMsg{Color: white{}})
	if b.st.Dark || b.st.Glamour != "light" {
		t.Errorf("a light terminal's answer in time: dark %v, glamour %q", b.st.Dark, b.st.Glamour)
	}
}

// TestHostileURLsNeverOpenedOrCopied: a brief's url field that is not an
// http(s) link (an option for the browser, a local file, script) is neither
// handed to the browser nor copied; the status says why.
func TestHostileURLsNeverOpenedOrCopied(t *testing.T) {
	for _, bad := range []string{
		"--new-window=https://example.org",
		"-P evil https://example.org",
		"file:///etc/passwd",
		"javascript:alert(1)",
		"data:text/html,<b>x</b>",
		"ftp://example.org/x",
		"//example.org/no-scheme",
		"https://-flag/",
	} {
		arts := seedFirst(t)
		arts[0].URL = bad
		a := sized(t, 120, 40, arts)
		a, _ = keys(t, a, "enter")
		for _, k := range []string{"o", "Y"} {
			m, _ := a.Update(press(k))
			got := m.(App)
			if !strings.HasPrefix(got.status, "Not ") || strings.Contains(got.status, "Opening") {
				t.Errorf("%q, %s: status %q", bad, k, got.status)
			}
		}
	}
	arts := seedFirst(t)
	arts[0].URL = "https://example.org/a b"
	a := sized(t, 120, 40, arts)
	a, _ = keys(t, a, "enter")
	m, _ := a.Update(press("o"))
	if got := m.(App).status; got != "Opening https://example.org/a%20b" {
		t.Errorf("a good link: status %q", got)
	}
}

func TestBrowserGetsEndOfOptions(t *testing.T) {
	const u = "https://example.org/x"
	argv, _ := BrowserCommand(u, "/usr/bin/chromium --incognito", "", "linux")
	if !slices.Equal(argv, []string{"/usr/bin/chromium", "--incognito", "--", u}) {
		t.Errorf("chromium: %v", argv)
	}
}

func TestShortPath(t *testing.T) {
	wd, _ := os.Getwd()
	if got := shortPath(filepath.Join(wd, "digests", "briefs-x.md")); got != filepath.Join("digests", "briefs-x.md") {
		t.Errorf("inside the current folder: %q", got)
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "/" || strings.HasPrefix(wd, home) {
		return
	}
	if got := shortPath(filepath.Join(home, "notes", "briefs-x.md")); got != filepath.Join("~", "notes", "briefs-x.md") {
		t.Errorf("under home: %q", got)
	}
}

// asksBackground reports whether cmd, or a command it batches, asks the
// terminal for its background colour.
func asksBackground(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	ask := fmt.Sprintf("%T", tea.RequestBackgroundColor())
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		return slices.ContainsFunc(msg, asksBackground)
	default:
		return fmt.Sprintf("%T", msg) == ask
	}
}
