package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefs/articles/pgarchive"
	"briefs/articles/pgarchive/pgtest"
)

// startCluster starts a private PostgreSQL server for one test, or skips
// (fails under CI=true, where .ci/run installs PostgreSQL).
func startCluster(t *testing.T) *pgtest.Cluster {
	t.Helper()
	c, err := pgtest.Start()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("no PostgreSQL: %v", err)
	}
	t.Cleanup(c.Stop)
	return c
}

// TestEndToEndSharedArchive runs the real reader in tmux on a shared archive
// as an analyst would: the list comes from the server; a star is kept on
// the server; a brief ingested while the reader is open appears with no key
// pressed; the server stopped, r says so and keeps the list; the server
// back, r reads it again; q quits with status 0.
func TestEndToEndSharedArchive(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end terminal test (install tmux to run it)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	c := startCluster(t)
	u := c.URL()
	bin := builtBinary(t)
	dir := t.TempDir()
	first, later := filepath.Join(dir, "first"), filepath.Join(dir, "later")
	os.MkdirAll(first, 0o700)
	os.MkdirAll(later, 0o700)
	writeBrief(t, filepath.Join(first, "a.txt"), "Quenby harbour talks resume after a month",
		"Negotiators for the Quenby harbour commission met again on Tuesday, the commission's spokeswoman Ilse Marn said.")
	writeBrief(t, filepath.Join(first, "b.txt"), "Ostrava grain board sets new quotas",
		"The grain board of Ostrava set new export quotas on Friday after two days of talks.")
	writeBrief(t, filepath.Join(later, "c.txt"), "Lindow ferry strike ends",
		"Ferry crews in Lindow went back to work on Monday after the port authority agreed to talks.")
	if code, stderr := runBriefs("ingest", "--archive", u, first); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}

	xdg := filepath.Join(dir, "xdg")
	env := fmt.Sprintf("XDG_CACHE_HOME=%s/cache XDG_DATA_HOME=%s/data XDG_CONFIG_HOME=%s/config BRIEFS_ARCHIVE='%s'", xdg, xdg, xdg, u)
	s := tmuxSession{t: t, socket: fmt.Sprintf("briefs-archive-%d", os.Getpid())}
	s.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "30", "-c", dir, "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.keys(env+" "+bin+"; echo EXIT''=$?", "Enter")
	s.waitFor("the list from the server", func(scr string) bool {
		return strings.Contains(scr, "Quenby harbour talks") && strings.Contains(scr, "Ostrava grain board") && strings.Contains(scr, "search ready")
	})

	// a star goes to the server, under the database role
	s.keys("*")
	ar, err := pgarchive.Open(context.Background(), u, pgarchive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ar.Close()
	deadline := time.Now().Add(15 * time.Second)
	starred := 0
	for time.Now().Before(deadline) && starred == 0 {
		all, err := ar.AllReading(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range all {
			if r.Starred {
				starred++
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	if starred != 1 {
		t.Fatalf("%d starred briefs on the server after *; want 1", starred)
	}
	if _, err := os.Stat(filepath.Join(xdg, "data", "briefs", "state.db")); err == nil {
		t.Error("the reader on the shared archive wrote a local reading state file")
	}

	// ingested while the reader is open: it appears with no key pressed
	if code, stderr := runBriefs("ingest", "--archive", u, later); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	s.waitText("Lindow ferry strike ends")

	// the server stops: r keeps the list and says why
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	s.keys("r")
	scr := s.waitText("cannot be reached")
	if !strings.Contains(scr, "Quenby harbour talks") || !strings.Contains(scr, "Lindow ferry strike ends") {
		t.Fatalf("the list was not kept while the server is away:\n%s", scr)
	}
	if pw := pgPassword(u); pw != "" && strings.Contains(scr, pw) {
		t.Fatal("the screen shows the archive's password")
	}
	// back: r reads it again
	if err := c.StartServer(); err != nil {
		t.Fatal(err)
	}
	s.keys("r")
	s.waitFor("the list again after the server is back", func(scr string) bool {
		return !strings.Contains(scr, "cannot be reached") && strings.Contains(scr, "Lindow ferry strike ends") && strings.Contains(scr, "Quenby harbour talks")
	})
	s.keys("q")
	if scr := s.waitText("EXIT="); !strings.Contains(scr, "EXIT=0") {
		t.Fatalf("the reader did not quit with 0:\n%s", scr)
	}
}

// TestIngestEvery: briefs ingest --every keeps reading its sources and
// writes what is new on each pass, until interrupted (exit status 0).
func TestIngestEvery(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	u := pgtest.URL(t)
	bin := builtBinary(t)
	dir, xdg := t.TempDir(), t.TempDir() // the cache outside the folder ingested
	writeBrief(t, filepath.Join(dir, "a.txt"), "Quenby harbour talks resume", "Negotiators met again on Tuesday.")
	cmd := exec.Command(bin, "ingest", "--archive", u, "--every", "1s", dir)
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(xdg, "cache"), "XDG_CONFIG_HOME="+filepath.Join(xdg, "config"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	waitLen := func(n int) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			if ar, err := pgarchive.Open(context.Background(), u, pgarchive.Options{}); err == nil {
				got, _ := ar.Len(context.Background())
				ar.Close()
				if got == n {
					return
				}
			}
			time.Sleep(200 * time.Millisecond)
		}
		t.Fatalf("the archive never held %d briefs; ingest said:\n%s", n, stderr.String())
	}
	waitLen(1)
	writeBrief(t, filepath.Join(dir, "b.txt"), "Ostrava grain board sets quotas", "The board set new quotas on Friday.")
	waitLen(2)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("ingest --every after an interrupt: %v\n%s", err, stderr.String())
	}
	if n := strings.Count(stderr.String(), " new in the archive at "); n < 2 {
		t.Errorf("%d pass lines on standard error; want one a pass:\n%s", n, stderr.String())
	}
}
