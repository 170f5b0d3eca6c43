package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// seedTitle is the title of the seed brief, the first of the built-in samples.
const seedTitle = "US and Russia struggle to overcome rifts in Moscow"

// tmuxSession drives one program in a detached tmux session on its own socket.
type tmuxSession struct {
	t      *testing.T
	socket string
}

func (s tmuxSession) run(args ...string) string {
	s.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...)
	cmd.Env = withoutTMUX(os.Environ())
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func withoutTMUX(env []string) []string {
	out := env[:0:0]
	for _, e := range env {
		if !strings.HasPrefix(e, "TMUX=") && !strings.HasPrefix(e, "TMUX_PANE=") {
			out = append(out, e)
		}
	}
	return out
}

func (s tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

func (s tmuxSession) screen() string {
	s.t.Helper()
	return s.run("capture-pane", "-p", "-t", "e2e")
}

// waitFor polls the screen until ok holds, failing after a deadline.
func (s tmuxSession) waitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		if scr = s.screen(); ok(scr) {
			return scr
		}
		time.Sleep(40 * time.Millisecond)
	}
	s.t.Fatalf("timed out waiting for %s; screen:\n%s", what, scr)
	return ""
}

func (s tmuxSession) waitText(text string) string {
	s.t.Helper()
	return s.waitFor(fmt.Sprintf("%q", text), func(scr string) bool { return strings.Contains(scr, text) })
}

// TestEndToEndInTmux builds briefs, runs it with no arguments in a 120x40
// tmux pane, and reads the seed brief as a person would.
func TestEndToEndInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end terminal test (install tmux to run it)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "briefs"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	s := tmuxSession{t: t, socket: fmt.Sprintf("briefs-e2e-%d", os.Getpid())}
	s.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "-c", dir, "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	t.Log("running briefs in tmux at 120x40")

	s.keys("./briefs; echo EXIT=$?", "Enter")

	// The list, with the seed first and selected.
	list := s.waitText(seedTitle)
	if !strings.Contains(list, "│ "+seedTitle) {
		t.Fatalf("the seed brief is not the selected first item:\n%s", list)
	}
	next := titleAfter(list, seedTitle)
	if next == "" {
		t.Fatalf("no second brief in the list:\n%s", list)
	}

	// Open the seed.
	s.keys("Enter")
	s.waitText("The US ambassador however added")

	// Scroll: a page down leaves the opening behind and reaches the end of the brief.
	s.keys("Space")
	s.waitFor("the seed to scroll", func(scr string) bool {
		return !strings.Contains(scr, "The US ambassador however added") && strings.Contains(scr, "Safronkov")
	})

	// Next brief without leaving the reader.
	s.keys("]")
	s.waitFor("the next brief "+next, func(scr string) bool {
		return strings.Contains(scr, next) && !strings.Contains(scr, seedTitle) && strings.Contains(scr, "esc/h back")
	})

	// Back to the list, on the brief just read.
	s.keys("Escape")
	s.waitText("│ " + next)

	// Quit with status 0.
	s.keys("q")
	s.waitText("EXIT=0")
}

// titleAfter finds the next item's title after title in a captured list:
// items are a title line, a description line and a blank line.
func titleAfter(screen, title string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.Contains(l, title) && i+3 < len(lines) {
			return strings.TrimSpace(strings.TrimLeft(lines[i+3], "│ "))
		}
	}
	return ""
}
