package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndSearch searches the built-in briefs for an alias of a country
// in the real binary, opens a hit and checks that the entity is selected in
// the body, as issue 6 asks.
func TestEndToEndSearch(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end terminal test (install tmux to run it)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := filepath.Join(t.TempDir(), "briefs")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	s, _ := startBriefs(t, bin, "search")

	s.keys("s")
	s.waitText("search:")
	s.keys("-l", "Russian Federation")
	// The alias resolves to the country, and the seed (which writes both
	// "Russia" and "Russian Federation") is among the hits.
	// (the answer to the whole query: those to the letters typed before it
	// may still show, "Russian Fe" with its word:fe*)
	s.waitFor("hits for the country", func(scr string) bool {
		return strings.Contains(scr, "entity:country:russia") && strings.Contains(scr, seedTitle) &&
			strings.Contains(scr, "search: Russian Federation") && !strings.Contains(scr, "word:")
	})
	s.selectUntil("Down", "▌ "+seedTitle)
	s.keys("Enter")
	scr := s.waitText("Russia: 8 mentions")
	if !strings.Contains(scr, "n/N to step") {
		t.Fatalf("the entity is not selected for stepping:\n%s", scr)
	}
	// n steps to the first mention.
	s.keys("n")
	s.waitText("Russia: mention 1 of 8")
	s.keys("q")
	s.waitText("EXIT=0")
}
