package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestEmojiSequencesNeverOverrunAPane opens a brief full of ZWJ sequences,
// skin tones and flags with the side pane shown: every line of the frame
// is as wide by code point (how Bubble Tea's renderer and a terminal
// without grapheme clustering count) as by grapheme cluster (how lipgloss
// laid it out), so none runs into the pane's border (finding 8).
func TestEmojiSequencesNeverOverrunAPane(t *testing.T) {
	arts := seedFirst(t)
	family := "\U0001F468\u200D\U0001F469\u200D\U0001F467"
	run := strings.Repeat(family+" \U0001F469\U0001F3FD\u200D\U0001F4BB \U0001F1FA\U0001F1E6 \u2764\uFE0F ", 6)
	arts[0].Title = "Envoys " + family + " meet"
	arts[0].Body = run + "\n\n" + arts[0].Body
	a := sized(t, 120, 40, arts)
	a, _ = keys(t, a, "enter")
	frame := a.View().Content
	if !strings.Contains(frame, "\U0001F468") {
		t.Fatalf("the emoji are not on screen:\n%s", ansi.Strip(frame))
	}
	for i, line := range strings.Split(frame, "\n") {
		g, wc := ansi.StringWidth(line), ansi.StringWidthWc(line)
		if g != wc || wc > 120 {
			t.Errorf("line %d: %d cells by grapheme, %d by code point (window 120): %q", i, g, wc, ansi.Strip(line))
		}
	}
}

// TestEmojiKeptWhereTheTerminalClusters: a terminal that reports mode 2027
// draws emoji sequences as lipgloss measures them: they are shown whole.
func TestEmojiKeptWhereTheTerminalClusters(t *testing.T) {
	arts := seedFirst(t)
	family := "\U0001F468\u200D\U0001F469\u200D\U0001F467"
	arts[0].Body = family + " at the table\n\n" + arts[0].Body
	a := sized(t, 120, 40, arts)
	a, _ = keys(t, a, "enter")
	if strings.Contains(a.View().Content, family) {
		t.Fatal("the whole sequence shown to a terminal that may not cluster it")
	}
	m, _ := a.Update(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet})
	if !strings.Contains(m.(App).View().Content, family) {
		t.Error("the sequence replaced on a terminal that clusters graphemes")
	}
}
