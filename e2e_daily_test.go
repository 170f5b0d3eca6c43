package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestEndToEndFindInBrief opens the seed in tmux, types /Lavrov and enter,
// then n: the status line counts "match 2 of N" and the reader scrolls to
// each match; esc clears the find and the reader stays open (issue 23).
func TestEndToEndFindInBrief(t *testing.T) {
	bin := buildForE2E(t)
	s, _ := startBriefs(t, bin, "find")
	s.keys("Enter")
	s.waitText("The US ambassador however added")
	s.keys("/")
	s.keys("-l", "Lavrov")
	s.waitText("/Lavrov")
	s.keys("Enter")
	first := s.waitText("match 1 of")
	total := regexp.MustCompile(`match 1 of (\d+) for Lavrov`).FindStringSubmatch(first)
	if total == nil || total[1] == "1" {
		t.Fatalf("want several matches of Lavrov in the seed:\n%s", first)
	}
	s.keys("n")
	s.waitText("match 2 of " + total[1] + " for Lavrov")
	s.keys("N")
	s.waitText("match 1 of " + total[1])
	s.keys("N")
	s.waitText("match " + total[1] + " of " + total[1]) // wraps to the last
	s.keys("Escape")
	scr := s.waitFor("the find cleared", func(scr string) bool { return !strings.Contains(scr, "for Lavrov") })
	if !strings.Contains(scr, "esc back") {
		t.Fatalf("esc with a find left the reader:\n%s", scr)
	}
	s.keys("q")
	s.waitText("EXIT=0")
}

// TestEndToEndMarks reads the header's count of unread briefs, presses A:
// every brief is read ("0 unread"); N marks the selected one unread again
// (issue 23).
func TestEndToEndMarks(t *testing.T) {
	bin := buildForE2E(t)
	s, list := startBriefs(t, bin, "marks")
	m := regexp.MustCompile(`(\d+) briefs, (\d+) unread`).FindStringSubmatch(list)
	if m == nil || m[2] == "0" {
		t.Fatalf("the header does not count unread briefs:\n%s", list)
	}
	s.keys("A")
	s.waitText(m[1] + " briefs, 0 unread")
	s.keys("N")
	s.waitText(m[1] + " briefs, 1 unread")
	s.keys("q")
	s.waitText("EXIT=0")
}
