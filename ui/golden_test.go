package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"briefs/model"
	"briefs/ui/internal/testbriefs"
)

// inProfile converts a view to what a terminal of that colour profile receives.
func inProfile(t *testing.T, s string, p colorprofile.Profile) string {
	t.Helper()
	var buf bytes.Buffer
	w := colorprofile.NewWriter(&buf, nil)
	w.Profile = p
	if _, err := w.WriteString(s); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// framed wraps the app to publish every frame it draws, so a test can wait
// for the frame it means to compare (the terminal output is a stream of
// cell diffs, in which a word on screen need not appear whole).
type framed struct {
	App
	frames chan string
}

func (f framed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := f.App.Update(msg)
	f.App = m.(App)
	return f, cmd
}

func (f framed) View() tea.View {
	v := f.App.View()
	select { // keep only the newest frame
	case <-f.frames:
	default:
	}
	select {
	case f.frames <- ansi.Strip(v.Content):
	default:
	}
	return v
}

// stage is keys to send, then text to wait for ("" for none: the quit that
// follows is handled after the keys anyway).
type stage struct {
	keys []string
	want string
	not  string // and the frame must not show this ("" for no condition)
}

// runTo runs the app in teatest at w x h through the steps, quits and returns
// the final view in the ASCII profile.
func runTo(t *testing.T, arts []model.Article, w, h int, steps ...stage) string {
	t.Helper()
	return inProfile(t, finalView(t, arts, w, h, steps...), colorprofile.Ascii)
}

// finalView runs the app in teatest at w x h through the steps, quits and
// returns the final view as the app drew it.
func finalView(t *testing.T, arts []model.Article, w, h int, steps ...stage) string {
	t.Helper()
	frames := make(chan string, 1)
	tm := teatest.NewTestModel(t, framed{New(arts, nil), frames},
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	wait := func(s, not string) {
		t.Helper()
		deadline := time.After(5 * time.Second)
		last := ""
		for {
			select {
			case f := <-frames:
				last = f
				if strings.Contains(f, s) && (not == "" || !strings.Contains(f, not)) {
					return
				}
			case <-deadline:
				t.Fatalf("no frame showed %q; last:\n%s", s, last)
			}
		}
	}
	for _, st := range steps {
		for _, k := range st.keys {
			tm.Send(press(k))
		}
		if st.want != "" {
			wait(st.want, st.not)
		}
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(framed)
	return final.App.View().Content
}

// TestGoldenViews draws the list, the reader, its quotes pane with a quote
// selected, a wide-character brief and the full help at the four sizes the
// issue names, in the ASCII profile (what NO_COLOR shows: the selection
// must be visible without colour, as a bar).
func TestGoldenViews(t *testing.T) {
	arts := testbriefs.MustLoad(t)
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 50}, {20, 5}} {
		w, h := sz[0], sz[1]
		ready := stage{want: "Security Council"}
		opened := stage{keys: []string{"enter"}, want: "Delegations"}
		if h < 10 { // one brief fits, and a few words of it
			ready, opened = stage{want: "Envoys"}, stage{keys: []string{"enter"}, want: "%", not: "Rendering"}
		}
		t.Run(fmt.Sprintf("list_%dx%d", w, h), func(t *testing.T) {
			golden.RequireEqual(t, runTo(t, arts, w, h, ready))
		})
		t.Run(fmt.Sprintf("reader_%dx%d", w, h), func(t *testing.T) {
			golden.RequireEqual(t, runTo(t, arts, w, h, ready, opened, stage{keys: []string{"j", "j"}}))
		})
		t.Run(fmt.Sprintf("quotes_%dx%d", w, h), func(t *testing.T) {
			// the seed (first) has quotes: the second selected, marked by a bar
			// (beside the reader, whose status line says so once the pane's message reached it)
			withSeed := append([]model.Article{testbriefs.Seed(t)}, arts...)
			selected := "▌"
			if w >= mediumWidth {
				selected = "quote 2 of"
			}
			golden.RequireEqual(t, runTo(t, withSeed, w, h, stage{want: "US and Russia"},
				stage{keys: []string{"enter"}, want: "%", not: "Rendering"}, stage{keys: []string{"Q", "j"}, want: selected}))
		})
		t.Run(fmt.Sprintf("wide_unicode_%dx%d", w, h), func(t *testing.T) {
			golden.RequireEqual(t, runTo(t, arts, w, h, ready,
				stage{keys: []string{"G", "enter"}, want: "%", not: "Rendering"}))
		})
		t.Run(fmt.Sprintf("full_help_%dx%d", w, h), func(t *testing.T) {
			golden.RequireEqual(t, runTo(t, arts, w, h, ready, opened, stage{keys: []string{"?"}}))
		})
	}
}

// TestGoldenSeed shows the seed with its entities highlighted, Lavrov
// selected and his first mention current, the quotes set apart: in the ANSI
// profile for the colours, in the ASCII profile for the layout.
func TestGoldenSeed(t *testing.T) {
	arts := append([]model.Article{testbriefs.Seed(t)}, testbriefs.MustLoad(t)...)
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		w, h := sz[0], sz[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			// People by mention count then name: Bashar al-Assad, Tillerson, Donald Trump, Lavrov.
			// (when narrow the pane covers the body: n shows the reader)
			pick := []string{"e", "j", "j", "j", "n"}
			steps := []stage{
				{want: "US and Russia"},
				{keys: []string{"enter"}, want: "The US ambassador"},
				{keys: pick, want: "mention 1 of 3"},
			}
			view := finalView(t, arts, w, h, steps...)
			t.Run("ansi", func(t *testing.T) { golden.RequireEqual(t, inProfile(t, view, colorprofile.ANSI)) })
			t.Run("ascii", func(t *testing.T) { golden.RequireEqual(t, inProfile(t, view, colorprofile.Ascii)) })
		})
	}
}
