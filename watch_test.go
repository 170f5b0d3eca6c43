package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
)

// TestWatchCommand: briefs watch add / list / rm, and briefs watch printing
// only the matches no run printed before (all of them with --all), exit 1
// when nothing is new, a line per brief in text or JSON.
func TestWatchCommand(t *testing.T) {
	home := t.TempDir()
	t.Cleanup(xdg.Reload) // registered first, so it runs after t.Setenv has put the old values back
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
	xdg.Reload()
	dir := filepath.Join(home, "briefs")
	os.MkdirAll(dir, 0o700)
	writeBrief(t, filepath.Join(dir, "a.txt"), "Inspectors of the IAEA return to the Quenby reactor",
		"A team from the International Atomic Energy Agency (IAEA) arrived in Quenby on Monday to inspect the reactor, the harbour commission said.")
	writeBrief(t, filepath.Join(dir, "b.txt"), "Harbour pilots in Quenby agree on new rules",
		"The harbour commission of Quenby agreed on Friday to new rules for its pilots after a month of talks.")
	const second = "IAEA board hears report on the Quenby inspection"
	run := func(args ...string) (int, string, string) {
		var out, errb strings.Builder
		code := run(args, strings.NewReader(""), &out, &errb)
		return code, out.String(), errb.String()
	}
	steps := []struct {
		name     string
		before   func()
		args     []string
		code     int
		out, err string
		lines    int // lines of standard output
	}{
		{"none yet", nil, []string{"watch", dir}, 1, "", "no watchlist", 0},
		{"add", nil, []string{"watch", "add", "Atom", "IAEA"}, 0, "", "watching Atom (IAEA)", 0},
		{"add a bad query", nil, []string{"watch", "add", "Bad", "IAEA on:2026-02-30"}, 2, "", "not a date", 0},
		{"list", nil, []string{"watch", "list"}, 0, "Atom\tIAEA\n", "", 1},
		{"first run", nil, []string{"watch", dir}, 0, "Atom\t", "", 1},
		{"nothing new", nil, []string{"watch", dir}, 1, "", "no new brief for any watchlist", 0},
		{"a new match", func() {
			writeBrief(t, filepath.Join(dir, "c.txt"), second, "The board of the IAEA heard on Tuesday how the inspectors found the Quenby reactor.")
		}, []string{"watch", dir, "--format", "jsonl"}, 0, `"title":"` + second + `"`, "", 1},
		{"all", nil, []string{"watch", "--all", dir}, 0, "Inspectors of the IAEA", "", 2},
		{"all noted nothing new", nil, []string{"watch", dir}, 1, "", "no new brief", 0},
		{"another query starts afresh", nil, []string{"watch", "add", "Atom", "IAEA AND board"}, 0, "", "watching Atom", 0},
		{"its matches", nil, []string{"watch", dir}, 0, second, "", 1},
		{"a bad format", nil, []string{"watch", "--format", "xml", dir}, 2, "", "unknown format", 0},
		{"remove", nil, []string{"watch", "rm", "Atom"}, 0, "", "Atom removed", 0},
		{"remove again", nil, []string{"watch", "remove", "Atom"}, 1, "", `no watchlist called "Atom"`, 0},
		{"list none", nil, []string{"watch", "list"}, 1, "", "no watchlist", 0},
	}
	for _, s := range steps {
		if s.before != nil {
			s.before()
		}
		code, out, errs := run(s.args...)
		lines := strings.Count(out, "\n")
		if code != s.code || !strings.Contains(out, s.out) || !strings.Contains(errs, s.err) || lines != s.lines {
			t.Fatalf("%s: exit %d, %d lines, stdout %q, stderr %q; want %d, %d lines, %q, %q", s.name, code, lines, out, errs, s.code, s.lines, s.out, s.err)
		}
		if strings.Contains(strings.Join(s.args, " "), "jsonl") {
			var h watchHit
			if err := json.Unmarshal([]byte(out), &h); err != nil || h.Watch != "Atom" || h.Query != "IAEA" || h.ID == "" {
				t.Fatalf("%s: %q is not a watch hit (%v)", s.name, out, err)
			}
		}
	}
}
