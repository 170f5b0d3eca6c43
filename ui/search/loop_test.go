package search

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// host runs the search view as a program would: it sizes it, publishes
// every frame and quits when the view asks to open a brief.
type host struct {
	m      Model
	frames chan string
	opened *OpenMsg
}

func (h host) Init() tea.Cmd { return h.m.Init() }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.m.SetSize(msg.Width, msg.Height)
		return h, nil
	case OpenMsg:
		h.opened = &msg
		return h, tea.Quit
	}
	var cmd tea.Cmd
	h.m, cmd = h.m.Update(msg)
	return h, cmd
}

func (h host) View() tea.View {
	s := h.m.View()
	select { // keep only the newest frame
	case <-h.frames:
	default:
	}
	select {
	case h.frames <- ansi.Strip(s):
	default:
	}
	return tea.NewView(s)
}

func TestInTheEventLoop(t *testing.T) {
	frames := make(chan string, 1)
	m := New(testIndex(), testStyles())
	tm := teatest.NewTestModel(t, host{m: m, frames: frames},
		teatest.WithInitialTermSize(80, 12),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	wait := func(s string) string {
		t.Helper()
		deadline := time.After(5 * time.Second)
		last := ""
		for {
			select {
			case f := <-frames:
				last = f
				if strings.Contains(f, s) {
					return f
				}
			case <-deadline:
				t.Fatalf("no frame showed %q; last:\n%s", s, last)
			}
		}
	}
	tm.Type("oslo talks")
	frame := wait("word:talks")
	var buf bytes.Buffer
	w := colorprofile.NewWriter(&buf, nil)
	w.Profile = colorprofile.Ascii
	if _, err := w.WriteString(frame); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, buf.String())
	tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host)
	if final.opened == nil || final.opened.ArticleID != final.m.Hits()[1].ArticleID || final.opened.EntityID != "place:oslo" {
		t.Errorf("opened %+v, want the second hit with place:oslo", final.opened)
	}
}
