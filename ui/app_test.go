package ui

import (
	"fmt"
	"go/token"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/model"
	"briefs/ui/internal/testbriefs"
)

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// step sends msg to the app and runs the commands it returns as the event
// loop would, feeding their messages back, until none are left. Commands
// that wait (timers, cursor blinks) are dropped after a short while. It
// reports whether the app asked to quit.
func step(t *testing.T, a App, msg tea.Msg) (App, bool) {
	t.Helper()
	queue := []tea.Msg{msg}
	quit := false
	for n := 0; len(queue) > 0; n++ {
		if n > 200 {
			t.Fatal("message loop does not settle")
		}
		msg, queue = queue[0], queue[1:]
		m, cmd := a.Update(msg)
		a = m.(App)
		for _, out := range runCmd(cmd) {
			if _, ok := out.(tea.QuitMsg); ok {
				quit = true
				continue
			}
			queue = append(queue, out)
		}
	}
	return a, quit
}

// cmdWait is how long runCmd waits for a command: rendering and loading
// finish well within it even on a loaded machine, while the timers (cursor
// blinks at 530 ms, the background colour's 1 s) are dropped.
const cmdWait = 300 * time.Millisecond

func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(cmdWait):
		return nil
	}
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runCmd(c)...)
		}
		return out
	default:
		if name := fmt.Sprintf("%T", msg); strings.HasPrefix(name, "tea.") && !token.IsExported(strings.TrimPrefix(name, "tea.")) {
			return nil // a request to the terminal (its background colour): there is no terminal here
		}
		return []tea.Msg{msg}
	}
}

func keys(t *testing.T, a App, ks ...string) (App, bool) {
	t.Helper()
	quit := false
	for _, k := range ks {
		var q bool
		a, q = step(t, a, press(k))
		quit = quit || q
	}
	return a, quit
}

func sized(t *testing.T, w, h int, arts []model.Article) App {
	t.Helper()
	a, _ := step(t, New(arts, nil), tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

func screen(a App) string { return ansi.Strip(a.View().Content) }

func TestOpenScrollStepBackQuit(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	a := sized(t, 60, 16, arts)
	if s := screen(a); !strings.Contains(s, "Envoys agree on harbour") || !strings.Contains(s, "Security Council delays") {
		t.Fatalf("list does not show the briefs:\n%s", s)
	}

	a, _ = keys(t, a, "enter")
	if a.focus != focusReader {
		t.Fatal("enter did not open the reader")
	}
	if s := screen(a); !strings.Contains(s, "Delegations from Norland and Estmark") {
		t.Fatalf("reader does not show the body:\n%s", s)
	}

	a, _ = keys(t, a, "j", "j", "j")
	if y := a.reader.YOffset(); y != 3 {
		t.Fatalf("after jjj the reader is at line %d, want 3", y)
	}

	a, _ = keys(t, a, "]")
	if got, _ := a.reader.Article(); got.ID != arts[1].ID {
		t.Fatalf("] opened %q, want %q", got.Title, arts[1].Title)
	}
	if y := a.reader.YOffset(); y != 0 {
		t.Fatalf("the next brief opened at line %d, want its top", y)
	}
	a, _ = keys(t, a, "[", "[")
	if got, _ := a.reader.Article(); got.ID != arts[0].ID {
		t.Fatalf("[ did not go back to the first brief: %q", got.Title)
	}
	if s := screen(a); !strings.Contains(s, "first brief") {
		t.Fatalf("[ on the first brief should say so:\n%s", s)
	}

	a, _ = keys(t, a, "]", "]", "esc")
	if a.focus != focusList {
		t.Fatal("esc did not go back to the list")
	}
	if sel, _ := a.list.Selected(); sel.ID != arts[2].ID {
		t.Fatalf("back in the list, %q is selected, want the brief just read %q", sel.Title, arts[2].Title)
	}

	if _, quit := keys(t, a, "q"); !quit {
		t.Fatal("q did not quit")
	}
}

func TestFilterTypingIsNotAKey(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	a := sized(t, 80, 24, arts)
	a, quit := keys(t, a, "/", "q", "u", "?")
	if quit {
		t.Fatal("typing q in the filter quit the program")
	}
	if a.help.ShowAll {
		t.Fatal("typing ? in the filter opened the help")
	}
	if !a.list.Filtering() {
		t.Fatal("the filter closed")
	}
	if _, quit := keys(t, a, "ctrl+c"); !quit {
		t.Fatal("ctrl+c must quit even while filtering")
	}

	a = sized(t, 80, 24, arts)
	a, _ = keys(t, a, "/", "K", "e", "s", "s", "e", "l", "enter")
	if s := screen(a); strings.Contains(s, "Envoys agree") || !strings.Contains(s, "Security Council delays") {
		t.Fatalf("filter Kessel shows the wrong briefs:\n%s", s)
	}
}

func TestHelpToggles(t *testing.T) {
	a := sized(t, 100, 30, testbriefs.MustLoad(t))
	a, _ = keys(t, a, "enter")
	short := screen(a)
	if !strings.Contains(short, "? help") || strings.Contains(short, "page up") {
		t.Fatalf("short help expected:\n%s", short)
	}
	a, _ = keys(t, a, "?")
	full := screen(a)
	for _, want := range []string{"page up", "bottom", "prev brief", "prev pane", "quit"} {
		if !strings.Contains(full, want) {
			t.Fatalf("full help lacks %q:\n%s", want, full)
		}
	}
	if n := strings.Count(full, "\n") + 1; n != 30 {
		t.Fatalf("full help view is %d lines, want 30", n)
	}
	a, _ = keys(t, a, "?")
	if screen(a) != short {
		t.Fatal("? again did not restore the short help")
	}
}

func TestArticlesArriveLater(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	a := sized(t, 80, 40, arts[:1])
	a, _ = step(t, a, ArticlesMsg{Articles: arts[1:3]})
	if a.list.Len() != 3 {
		t.Fatalf("list has %d briefs, want 3", a.list.Len())
	}
	if s := screen(a); !strings.Contains(s, arts[2].Title) {
		t.Fatalf("late brief not listed:\n%s", s)
	}
}

func TestLightTerminal(t *testing.T) {
	a := sized(t, 80, 24, testbriefs.MustLoad(t))
	a, _ = keys(t, a, "enter")
	dark := a.View().Content
	a, _ = step(t, a, tea.BackgroundColorMsg{Color: white{}})
	if a.st.Dark {
		t.Fatal("a white background did not switch to the light theme")
	}
	if a.View().Content == dark {
		t.Fatal("the reader was not redrawn in the light theme")
	}
	if ansi.Strip(a.View().Content) != ansi.Strip(dark) {
		t.Fatal("the light theme changed the layout")
	}
}

type white struct{}

func (white) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestSmallTerminals(t *testing.T) {
	arts := append([]model.Article{testbriefs.Seed(t)}, testbriefs.MustLoad(t)...)
	for _, sz := range [][2]int{{20, 5}, {10, 3}, {1, 1}, {0, 0}, {80, 2}, {140, 4}, {200, 6}, {90, 5}} {
		a := sized(t, sz[0], sz[1], arts)
		// (where the full help is a page of its own, ? takes the keys until ? again: the second run
		// sends them to the screens)
		run := []string{"?", "enter", "j", "G", "tab", "j", "n", "tab", "G", "e", "a", "Q", "]", "?", "esc", "esc", "/"}
		for _, k := range append(run, append([]string{"esc", "esc"}, run[1:]...)...) {
			a, _ = keys(t, a, k)
			v := a.View().Content
			if lines := strings.Split(v, "\n"); v != "" && len(lines) > sz[1] {
				t.Fatalf("%dx%d after %s: %d lines", sz[0], sz[1], k, len(lines))
			}
			for _, l := range strings.Split(v, "\n") {
				if w := ansi.StringWidth(l); w > sz[0] {
					t.Fatalf("%dx%d after %s: line of %d cells: %q", sz[0], sz[1], k, w, ansi.Strip(l))
				}
			}
		}
	}
}

func TestFullerVersionReplacesTheOpenBrief(t *testing.T) {
	bare := testbriefs.Seed(t)
	bare.Entities, bare.Quotes = nil, nil
	a := sized(t, 120, 40, []model.Article{bare})
	a, _ = keys(t, a, "enter")
	if s := screen(a); strings.Contains(s, "Lavrov ×3") || strings.Contains(s, "⟨") {
		t.Fatalf("the bare brief shows entities or speakers:\n%s", s)
	}
	a, _ = step(t, a, ArticlesMsg{Articles: []model.Article{testbriefs.Seed(t)}})
	if a.list.Len() != 1 {
		t.Fatalf("the fuller version was added, not replaced: %d briefs", a.list.Len())
	}
	s := screen(a)
	if !strings.Contains(s, "Lavrov ×3") || !strings.Contains(s, "⟨Bashar al-Assad⟩") {
		t.Fatalf("the open brief did not take its entities and speakers:\n%s", s)
	}
}

// The help bar tells the truth (issue 20, defect 14): while a filter is
// typed it offers no letter keys; at 80 columns it still ends with quit;
// the full help lists w, n/N and a.
func TestHelpIsTrue(t *testing.T) {
	arts := seedFirst(t)
	a := sized(t, 80, 24, arts)
	a, _ = keys(t, a, "/", "k")
	bar := lastLine(screen(a))
	for _, bad := range []string{"s search", "? help", "q quit"} {
		if strings.Contains(bar, bad) {
			t.Errorf("while typing a filter the bar offers %q: %q", bad, bar)
		}
	}
	a, _ = keys(t, a, "esc", "esc", "?")
	if s := screen(a); !strings.Contains(strings.Join(strings.Fields(s), " "), "w warnings") {
		t.Errorf("the list's full help lacks w:\n%s", s)
	}
	a, _ = keys(t, a, "?", "enter")
	for _, w := range []int{80, 60} {
		a, _ = step(t, a, tea.WindowSizeMsg{Width: w, Height: 24})
		if bar := lastLine(screen(a)); !strings.HasSuffix(strings.TrimSpace(bar), "q quit") {
			t.Errorf("at %d columns the reader's bar does not end with quit: %q", w, bar)
		}
	}
	// the full help at 80 columns keeps every column, the root's with quit
	a, _ = step(t, a, tea.WindowSizeMsg{Width: 80, Height: 40})
	a, _ = keys(t, a, "?")
	if s := strings.Join(strings.Fields(screen(a)), " "); !strings.Contains(s, "q quit") || !strings.Contains(s, "next mention") {
		t.Errorf("the reader's full help at 80 columns lost a column:\n%s", screen(a))
	}
	a, _ = keys(t, a, "?")
	a, _ = step(t, a, tea.WindowSizeMsg{Width: 120, Height: 40})
	a, _ = keys(t, a, "?")
	s := screen(a)
	for _, want := range []string{"n next mention", "N prev mention", "a aliases"} {
		if !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
			t.Errorf("the reader's full help lacks %q:\n%s", want, s)
		}
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// The brief's URL reaches the terminal as one OSC 8 hyperlink at every
// layout (issue 20, defect 11).
func TestURLHyperlinkThroughTheApp(t *testing.T) {
	url := "https://example.org/briefs/2026/03/harbour-inspections"
	arts := []model.Article{{ID: "u", Title: "Harbour accord", URL: url, Body: "Envoys from Norland signed the draft on Friday."}}
	for _, w := range []int{80, 120, 200} {
		a := sized(t, w, 30, arts)
		a, _ = keys(t, a, "enter")
		if !strings.Contains(a.View().Content, ansi.SetHyperlink(url)) {
			t.Errorf("at %d columns the URL is no hyperlink", w)
		}
	}
}

// The list's page count holds while a message comes and goes under it (a
// message line is kept when empty), and reads "page N/M" (issue 20,
// defect 15).
func TestPageCountHoldsWhenTheMessageGoes(t *testing.T) {
	var arts []model.Article
	for i := range 40 {
		arts = append(arts, model.Article{ID: fmt.Sprintf("b%02d", i), Title: fmt.Sprintf("Harbour brief number %d", i),
			Published: time.Date(2026, 3, 1+i%28, 0, 0, 0, 0, time.UTC), Body: "Envoys met."})
	}
	page := regexp.MustCompile(`page \d+/(\d+)`)
	count := func(a App) string {
		m := page.FindStringSubmatch(screen(a))
		if m == nil {
			t.Fatalf("no page count on screen:\n%s", screen(a))
		}
		return m[1]
	}
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		a := sized(t, sz[0], sz[1], arts)
		quiet := count(a)
		a.say("Sorted by date")
		a.layout()
		if said := count(a); said != quiet {
			t.Errorf("%dx%d: %s pages with a message, %s without", sz[0], sz[1], said, quiet)
		}
		a, _ = keys(t, a, "j") // a key clears the message
		if a.status != "" {
			t.Fatalf("the message stayed: %q", a.status)
		}
		if again := count(a); again != quiet {
			t.Errorf("%dx%d: %s pages once the message went, %s before", sz[0], sz[1], again, quiet)
		}
	}
}

// TestFullHelpAtTwentyByFive: where the full help cannot sit under the
// screen (20x5) it covers it, one key a line, and j scrolls it to the end,
// so that every key can be read (quit among them); esc closes it. At 80x24
// it sits under the brief as before.
func TestFullHelpAtTwentyByFive(t *testing.T) {
	a := sized(t, 20, 5, testbriefs.MustLoad(t))
	a, _ = keys(t, a, "enter", "?")
	if !a.helpPaged() {
		t.Fatalf("the full help is not a page of its own at 20x5:\n%s", screen(a))
	}
	seen := map[string]bool{}
	for range 60 {
		s := screen(a)
		if lines := strings.Split(s, "\n"); len(lines) != 5 || !strings.Contains(lines[4], "close") {
			t.Fatalf("the paged help does not fit 20x5 with its bar:\n%s", s)
		}
		for _, l := range strings.Split(s, "\n") {
			seen[strings.Join(strings.Fields(l), " ")] = true
		}
		a, _ = keys(t, a, "j")
	}
	for _, want := range []string{"q quit", "/ find", "] next brief", "esc/h back"} {
		found := false
		for l := range seen {
			found = found || strings.Contains(l, want)
		}
		if !found {
			t.Errorf("scrolled to the end, the help never showed %q", want)
		}
	}
	if a, _ = keys(t, a, "esc"); a.help.ShowAll || a.focus != focusReader {
		t.Fatalf("esc did not close the help back to the reader (focus %d)", a.focus)
	}
	b := sized(t, 80, 24, testbriefs.MustLoad(t))
	if b, _ = keys(t, b, "enter", "?"); b.helpPaged() || !strings.Contains(screen(b), "Envoys agree") {
		t.Fatalf("at 80x24 the full help should sit under the brief:\n%s", screen(b))
	}
}
