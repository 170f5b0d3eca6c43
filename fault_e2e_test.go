package main

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"briefs/articles/store"
)

// TestFaultInjection damages the cache and the reading state of the real
// binary the ways disks, sync tools and crashes do (cut at every 512 KiB
// step, random bytes, an empty file, a directory in its place, kill -9 in
// the middle of writes) and starts the reader on each in a tmux pane: it
// must show the list, say in its warnings view what it did with the file,
// quit with status 0 and a terminal in canonical mode, and keep every star
// and read mark the state held (rebuilt from its journal).
func TestFaultInjection(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the fault-injection test (install tmux to run it)")
	}
	if testing.Short() {
		t.Skip("fault-injection test skipped in -short mode")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "briefs")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	xdg := filepath.Join(dir, "xdg")
	cacheDB := filepath.Join(xdg, "cache", "briefs", "cache.db")
	stateDB := filepath.Join(xdg, "data", "briefs", "state.db")
	journal := filepath.Join(xdg, "data", "briefs", "state.journal")
	env := fmt.Sprintf("XDG_CACHE_HOME=%s/cache XDG_DATA_HOME=%s/data XDG_CONFIG_HOME=%s/config", xdg, xdg, xdg)

	s := tmuxSession{t: t, socket: fmt.Sprintf("briefs-fault-%d", os.Getpid())}
	s.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "-c", dir, "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })

	runs := 0
	// start runs the reader and waits for its list, loaded; it fails on a
	// crash (the shell's EXIT= line shows before the list).
	start := func(what string) string {
		runs++
		s.keys("clear", "Enter")
		s.waitFor("a clear screen", func(scr string) bool { return !strings.Contains(scr, "EXIT=") })
		s.keys(env+" ./briefs; echo EXIT''=$? TTY''=$(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon)", "Enter")
		scr := s.waitFor("the list ("+what+")", func(scr string) bool {
			return strings.Contains(scr, "EXIT=") || strings.Contains(scr, "Loaded ") && strings.Contains(scr, "search ready")
		})
		if strings.Contains(scr, "EXIT=") || strings.Contains(scr, "fatal error") || strings.Contains(scr, "panic") {
			t.Fatalf("%s: the reader did not start:\n%s", what, scr)
		}
		return scr
	}
	// quit leaves the reader and checks its status and the terminal.
	quit := func(what string) {
		s.keys("q")
		scr := s.waitText("EXIT=")
		if !strings.Contains(scr, "EXIT=0 TTY=icanon") {
			t.Fatalf("%s: bad exit or terminal left raw:\n%s", what, scr)
		}
	}
	// warnings opens the warnings view and returns it.
	warnings := func(what, want string) {
		s.keys("w")
		scr := s.waitFor(what+": the warnings view saying "+want, func(scr string) bool { return strings.Contains(scr, want) })
		s.keys("w") // not Escape: escape and the q that follows read as alt+q
		s.waitFor(what+": the warnings view closed", func(now string) bool { return now != scr })
	}

	// A first run makes both files; three briefs are starred.
	start("first run")
	for i := 0; i < 3; i++ {
		before := s.screen()
		s.keys("*")
		s.waitFor("a star", func(scr string) bool { return scr != before })
		s.keys("j")
	}
	quit("first run")
	starred := func() (int, int, error) {
		all, err := store.OpenState(stateDB).All()
		n := 0
		for _, r := range all {
			if r.Starred {
				n++
			}
		}
		return len(all), n, err
	}
	if total, n, err := starred(); n != 3 || err != nil {
		t.Fatalf("after the first run: %d states, %d starred, %v", total, n, err)
	}
	// Grow both files past a few MiB so that the sweep has steps: reading
	// marks of briefs not in this archive (journalled as the reader does),
	// and a bucket of padding in the cache (which the reader ignores).
	const padStates = 20000
	padState(t, stateDB, journal, padStates)
	padCache(t, cacheDB, 3<<20)
	want := padStates + 3

	pristine := map[string][]byte{}
	for _, p := range []string{cacheDB, stateDB, journal} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pristine[p] = b
	}
	restore := func() {
		for _, p := range []string{cacheDB, stateDB} {
			os.RemoveAll(p)
			aside, _ := filepath.Glob(p + ".corrupt-*")
			for _, a := range aside {
				os.RemoveAll(a)
			}
		}
		for p, b := range pristine {
			if err := os.WriteFile(p, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}

	type damage struct {
		name string
		file string
		do   func(path string) error
	}
	var cases []damage
	for _, file := range []string{cacheDB, stateDB} {
		size := int64(len(pristine[file]))
		for cut := int64(512 << 10); cut < size; cut += 512 << 10 {
			cases = append(cases, damage{fmt.Sprintf("%s cut to %d KiB", filepath.Base(file), cut>>10), file,
				func(p string) error { return os.Truncate(p, cut) }})
		}
		cases = append(cases,
			damage{filepath.Base(file) + " cut to 16 KiB", file, func(p string) error { return os.Truncate(p, 16<<10) }},
			damage{filepath.Base(file) + " of random bytes", file, func(p string) error {
				b := make([]byte, size)
				rand.Read(b)
				return os.WriteFile(p, b, 0o600)
			}},
			damage{filepath.Base(file) + " a directory", file, func(p string) error {
				os.Remove(p)
				return os.MkdirAll(filepath.Join(p, "x"), 0o700)
			}},
		)
	}
	cases = append(cases, damage{"state.db empty", stateDB, func(p string) error { return os.Truncate(p, 0) }})

	for _, c := range cases {
		restore()
		if err := c.do(c.file); err != nil {
			t.Fatal(err)
		}
		start(c.name)
		if c.file == stateDB {
			s.waitText("Reading state was damaged and rebuilt") // the state is read after the list shows
			warnings(c.name, "state.db.corrupt-")
		} else if !strings.Contains(c.name, "cut to") || cutBelowHighWater(pristine[c.file], c.name) {
			warnings(c.name, "cache.db.corrupt-")
		}
		quit(c.name)
		total, n, err := starred()
		if err != nil || total != want || n != 3 {
			t.Errorf("%s: after the run, %d states of %d, %d of 3 starred, %v", c.name, total, want, n, err)
		}
	}

	// kill -9 while stars are being written: the next start finds a
	// sound state holding at least what it held before.
	restore()
	pidFile := filepath.Join(dir, "pid")
	s.keys("clear", "Enter")
	s.waitFor("a clear screen", func(scr string) bool { return !strings.Contains(scr, "EXIT=") })
	s.keys("sh -c 'echo $$ > "+pidFile+"; exec env "+env+" ./briefs'; stty sane; echo KILL''ED", "Enter")
	s.waitFor("the list (kill -9)", func(scr string) bool { return strings.Contains(scr, "search ready") })
	var presses []string
	for range 40 {
		presses = append(presses, "*", "j")
	}
	s.keys(presses...)
	pid, _ := os.ReadFile(pidFile)
	time.Sleep(20 * time.Millisecond) // let some of the writes begin: no condition tells when one is half done
	if out, err := exec.Command("kill", "-9", strings.TrimSpace(string(pid))).CombinedOutput(); err != nil {
		t.Fatalf("kill: %v %s", err, out)
	}
	s.waitText("KILLED")
	start("after kill -9")
	quit("after kill -9")
	total, _, err := starred()
	if err != nil || total < want {
		t.Errorf("after kill -9: %d states of at least %d, %v", total, want, err)
	}
	t.Logf("%d runs of the reader on damaged files: no crash, every state kept", runs)
}

// cutBelowHighWater reports whether the cut a case's name gives is below
// the pages the pristine cache file uses (a cut above them loses nothing,
// so nothing is said).
func cutBelowHighWater(pristine []byte, name string) bool {
	var kib int64
	fmt.Sscanf(name[strings.Index(name, "cut to ")+len("cut to "):], "%d", &kib)
	pageSize := int64(uint32(pristine[24]) | uint32(pristine[25])<<8 | uint32(pristine[26])<<16 | uint32(pristine[27])<<24)
	hwm := func(off int64) (uint64, uint64) { // pgid and txid of a meta page
		m := pristine[off+16:]
		le := func(b []byte) uint64 {
			var v uint64
			for i := 7; i >= 0; i-- {
				v = v<<8 | uint64(b[i])
			}
			return v
		}
		return le(m[40:]), le(m[48:])
	}
	p0, t0 := hwm(0)
	p1, t1 := hwm(pageSize)
	pgid := p0
	if t1 > t0 {
		pgid = p1
	}
	return kib<<10 < int64(pgid)*pageSize
}

// padState adds n reading states to the state file and its journal, as
// the reader's writes would have.
func padState(t *testing.T, path, journal string, n int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	f, err := os.OpenFile(journal, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("reading"))
		for i := 0; i < n; i++ {
			id := fmt.Sprintf("elsewhere-%06d", i)
			v, _ := json.Marshal(store.Reading{Read: true, Position: i % 40, Updated: time.Now().UTC()})
			if err := b.Put([]byte(id), v); err != nil {
				return err
			}
			line, _ := json.Marshal(map[string]any{"id": id, "r": json.RawMessage(v)})
			if _, err := f.Write(append(line, '\n')); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// padCache adds a bucket of filler to the cache until it is size bytes.
func padCache(t *testing.T, path string, size int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte("padding"))
		if err != nil {
			return err
		}
		filler := make([]byte, 2000)
		for i := 0; i*len(filler) < size; i++ {
			rand.Read(filler)
			if err := b.Put(fmt.Appendf(nil, "%08d", i), filler); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
