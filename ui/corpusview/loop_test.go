package corpusview

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// host runs both views as a program would: Tab-free switching with F2, every
// message not its own handed to both views, every frame published, and it
// quits on the first message a view sends to its parent.
type host struct {
	ents   EntitiesView
	quotes QuotesView
	onQ    bool // the Quotes view has focus
	frames chan string
	sent   tea.Msg
}

func (h host) Init() tea.Cmd { return tea.Batch(h.ents.Init(), h.quotes.Init()) }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.ents.SetSize(msg.Width, msg.Height)
		h.quotes.SetSize(msg.Width, msg.Height)
		return h, nil
	case SearchEntityMsg, OpenQuoteMsg:
		h.sent = msg
		return h, tea.Quit
	case tea.KeyPressMsg:
		if msg.Code == tea.KeyF2 {
			h.onQ = !h.onQ
			return h, nil
		}
		var cmd tea.Cmd
		if h.onQ {
			h.quotes, cmd = h.quotes.Update(msg)
		} else {
			h.ents, cmd = h.ents.Update(msg)
		}
		return h, cmd
	}
	var c1, c2 tea.Cmd
	h.ents, c1 = h.ents.Update(msg)
	h.quotes, c2 = h.quotes.Update(msg)
	return h, tea.Batch(c1, c2)
}

func (h host) View() tea.View {
	s := h.ents.View()
	if h.onQ {
		s = h.quotes.View()
	}
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

// In the event loop, with a corpus large enough to be listed in commands:
// the lists arrive, the filter narrows, Enter reaches the parent.
func TestInTheEventLoop(t *testing.T) {
	ix := testIndex(t)
	frames := make(chan string, 1)
	h := host{ents: NewEntities(nil, testStyles()), quotes: NewQuotes(nil, testStyles()), frames: frames}
	h.ents.inlineMax, h.quotes.inlineMax = 1, 1
	_ = h.ents.SetSource(ix) // listed by Init's commands
	_ = h.quotes.SetSource(ix)
	tm := teatest.NewTestModel(t, h, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	// wait returns the first frame that holds every one of want (results
	// computed in commands arrive in later frames than the keys' own)
	wait := func(want ...string) string {
		t.Helper()
		deadline := time.After(5 * time.Second)
		last := ""
		for {
			select {
			case f := <-frames:
				last = f
				all := true
				for _, s := range want {
					all = all && strings.Contains(f, s)
				}
				if all {
					return f
				}
			case <-deadline:
				t.Fatalf("no frame showed %q; last:\n%s", want, last)
			}
		}
	}
	wait("6 entities")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyF2})
	wait("3 quotes · 3 speakers")
	tm.Type("speaker:Lind")
	wait("1 quote · 1 speaker")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyF2})
	tm.Type("belov")
	wait("1 of 6 entities", "often named with", "Norway 2 briefs") // the co-occurring entities arrive
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host)
	if final.sent != (SearchEntityMsg{EntityID: belov.ID, Name: belov.Name}) {
		t.Errorf("the parent got %#v", final.sent)
	}
	if got := quoteTexts(final.quotes); len(got) != 1 || got[0] != "The plan is dead," {
		t.Errorf("the Quotes view kept %q", got)
	}
}
