package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestEndToEndDeadFeedFirst lists a loopback server that accepts and never
// answers before a folder of briefs: the folder's brief is on the screen
// while the server still holds the connection, and the progress line names
// the feed it waits for (before, the URL was fetched first and the list
// stayed empty for the whole 30 s timeout).
func TestEndToEndDeadFeedFirst(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end terminal test (install tmux to run it)")
	}
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var accepted atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			defer c.Close() // held open, never answered
		}
	}()
	dir := t.TempDir()
	bin := filepath.Join(dir, "briefs")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	briefs := filepath.Join(dir, "briefs-folder")
	os.MkdirAll(briefs, 0o700)
	const title = "Harbour commission in Quenby agrees on new pilot rules"
	os.WriteFile(filepath.Join(briefs, "quenby.txt"), []byte(title+"\n\nThe harbour commission of Quenby agreed on Friday to new rules for pilots, its chair, Orla Penhallow, told reporters.\n"), 0o600)

	s := tmuxSession{t: t, socket: fmt.Sprintf("briefs-deadfeed-%d", os.Getpid())}
	s.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "-c", dir, "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	xdg := filepath.Join(dir, "xdg")
	feed := "http://" + ln.Addr().String() + "/dead.rss"
	start := time.Now()
	s.keys(fmt.Sprintf("XDG_CACHE_HOME=%s/c XDG_DATA_HOME=%s/d XDG_CONFIG_HOME=%s/f ./briefs %s %s; echo EXIT''=$?", xdg, xdg, xdg, feed, briefs), "Enter")
	s.waitText("│ " + title)
	onScreen := time.Since(start)
	if accepted.Load() == 0 {
		t.Log("the dead feed had not even been connected to yet")
	}
	t.Logf("first local brief on screen after %v, the dead feed still unanswered", onScreen.Round(time.Millisecond))
	s.waitFor("the progress line to name the dead feed", func(scr string) bool {
		return strings.Contains(scr, "waiting for "+ln.Addr().String()+"/dead.rss")
	})
	s.keys("q")
	s.waitText("EXIT=")
}
