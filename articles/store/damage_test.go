package store

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"briefs/model"
)

const sweepStep = 512 << 10

// bigCache makes a cache of at least size bytes at path and returns its keys.
func bigCache(t *testing.T, path string, size int64) []Key {
	t.Helper()
	c := Open(path, Options{Version: "v"})
	var keys []Key
	for i := 0; ; i++ {
		k := SourceKey("v", "a.txt", []byte(fmt.Sprint(i)))
		keys = append(keys, k)
		c.Put(k, []model.Article{fiction(40)})
		if i%500 == 499 {
			c.Flush()
			if info, err := os.Stat(path); err == nil && info.Size() >= size {
				break
			}
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return keys
}

// TestTruncatedCacheSweep cuts a cache at every 512 KiB step: each Open
// either uses it or moves it aside with a note naming the file, and no read
// faults (before the pre-flight check, a cut file was a SIGSEGV/SIGBUS in
// Get: a fatal error that killed the process).
func TestTruncatedCacheSweep(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig.db")
	keys := bigCache(t, orig, 3<<20)
	data, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	for cut := int64(sweepStep); cut < int64(len(data)); cut += sweepStep {
		path := filepath.Join(dir, fmt.Sprintf("cut-%d", cut), "cache.db")
		os.MkdirAll(filepath.Dir(path), 0o700)
		if err := os.WriteFile(path, data[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		c := Open(path, Options{Version: "v"})
		hits := 0
		for _, k := range keys {
			if _, ok := c.Get(k, "a.txt"); ok {
				hits++
			}
		}
		notes := c.Notes()
		c.Close()
		// A cut past the last page in use (bbolt grows files ahead) loses
		// nothing; any other is told, naming the file.
		if hits != len(keys) && (len(notes) == 0 || !strings.Contains(notes[0], path) || !strings.Contains(notes[0], "truncated")) {
			t.Errorf("cut at %d of %d: %d of %d hits, notes %q do not name the cut file", cut, len(data), hits, len(keys), notes)
		}
		if hits == len(keys) && len(notes) > 0 {
			t.Errorf("cut at %d: every value read, but notes %q", cut, notes)
		}
		c = Open(path, Options{Version: "v"})
		k := SourceKey("v", "new.txt", nil)
		c.Put(k, []model.Article{fiction(1)})
		c.Flush()
		if _, ok := c.Get(k, "new.txt"); !ok {
			t.Errorf("cut at %d: the rebuilt cache does not work: %v", cut, c.Notes())
		}
		c.Close()
	}
}

// TestDamagedCacheShapes: random bytes, a directory, an empty file.
func TestDamagedCacheShapes(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(path string) error
		note string
	}{
		{"random bytes", func(p string) error {
			b := make([]byte, 64<<10)
			rand.Read(b)
			return os.WriteFile(p, b, 0o600)
		}, "no valid meta page"},
		{"a directory", func(p string) error { return os.MkdirAll(filepath.Join(p, "inside"), 0o700) }, "not a regular file"},
		{"empty", func(p string) error { return os.WriteFile(p, nil, 0o600) }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cache.db")
			if err := tc.make(path); err != nil {
				t.Fatal(err)
			}
			c := Open(path, Options{Version: "v"})
			defer c.Close()
			if !c.Enabled() {
				t.Fatalf("not usable: %v", c.Notes())
			}
			notes := strings.Join(c.Notes(), "\n")
			if tc.note != "" && (!strings.Contains(notes, tc.note) || !strings.Contains(notes, path)) {
				t.Errorf("notes %q, want %q naming the file", notes, tc.note)
			}
		})
	}
}

// fillState stars every other of n briefs and marks all read.
// It writes in batches (one Update per brief would take a minute of fsyncs),
// through the journal as Update does.
func fillState(t *testing.T, st *State, n int) {
	t.Helper()
	for start := 0; start < n; start += 500 {
		err := st.do(true, func(b *bolt.Bucket, j *journal) error {
			for i := start; i < min(start+500, n); i++ {
				id := fmt.Sprintf("brief-%05d-%s", i, strings.Repeat("x", 60))
				v, _ := json.Marshal(Reading{Read: true, Starred: i%2 == 0, Position: i, Updated: time.Now()})
				if err := b.Put([]byte(id), v); err != nil {
					return err
				}
				j.record(b, id, v)
			}
			return j.err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestDamagedStateRestoredFromJournal cuts a state file at every 512 KiB
// step (and to 0 bytes, and to random bytes): every read mark and star
// comes back from the journal, and the error says what happened.
func TestDamagedStateRestoredFromJournal(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: thousands of state writes")
	}
	dir := t.TempDir()
	orig := filepath.Join(dir, "orig", "state.db")
	const n = 6000
	fillState(t, OpenState(orig), n)
	data, _ := os.ReadFile(orig)
	journal, _ := os.ReadFile(journalPath(orig))
	t.Logf("state.db %d bytes, journal %d bytes", len(data), len(journal))
	var cuts []int64
	for cut := int64(sweepStep); cut < int64(len(data)); cut += sweepStep {
		cuts = append(cuts, cut)
	}
	cuts = append(cuts, 16<<10, 0, -1) // -1: random bytes
	for _, cut := range cuts {
		sub := filepath.Join(dir, fmt.Sprintf("cut%d", cut))
		os.MkdirAll(sub, 0o700)
		path := filepath.Join(sub, "state.db")
		content := data[:max(cut, 0)]
		if cut < 0 {
			content = make([]byte, len(data))
			rand.Read(content)
		}
		os.WriteFile(path, content, 0o600)
		os.WriteFile(journalPath(path), journal, 0o600)
		all, err := OpenState(path).All()
		if aside, _ := filepath.Glob(path + ".corrupt-*"); len(aside) > 0 != (err != nil) {
			t.Errorf("cut at %d: moved aside %v, err %v", cut, aside, err)
		}
		if err != nil && (!strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "restored")) {
			t.Errorf("cut at %d: err %v, want a note naming the file and the restore", cut, err)
		}

		if len(all) != n {
			t.Fatalf("cut at %d: %d briefs' state, want %d", cut, len(all), n)
		}
		starred := 0
		for _, r := range all {
			if r.Starred {
				starred++
			}
		}
		if starred != n/2 {
			t.Errorf("cut at %d: %d starred, want %d", cut, starred, n/2)
		}
		if _, err := OpenState(path).All(); err != nil {
			t.Errorf("cut at %d: after the restore: %v", cut, err)
		}
	}
}

// TestStateJournalCompacts: the journal stays near the state's size however
// many changes are made.
func TestStateJournalCompacts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	st := OpenState(path)
	defer func(old int64) { journalSlack = old }(journalSlack)
	journalSlack = 4 << 10
	for i := 0; i < 400; i++ {
		if err := st.Update(fmt.Sprint("b", i%10), func(r *Reading) { r.Position = i }); err != nil {
			t.Fatal(err)
		}
	}
	info, _ := os.Stat(journalPath(path))
	db, _ := os.Stat(path)
	if info.Size() > 2*db.Size()+journalSlack+4096 {
		t.Errorf("journal %d bytes for a state file of %d", info.Size(), db.Size())
	}
	os.Remove(path)
	os.WriteFile(path, nil, 0o600)
	all, err := st.All()
	if err == nil || len(all) != 10 || all["b3"].Position != 393 {
		t.Errorf("after emptying: %v %v", all["b3"], err)
	}
}

// TestStateDirectoryInPlace: a directory where the state file should be is
// moved aside; the journal restores the state.
func TestStateDirectoryInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	st := OpenState(path)
	fillState(t, st, 3)
	os.Remove(path)
	os.MkdirAll(filepath.Join(path, "x"), 0o700)
	all, err := st.All()
	if err == nil || !strings.Contains(err.Error(), "not a regular file") || len(all) != 3 {
		t.Fatalf("%d kept, err %v", len(all), err)
	}
}

// TestReadOnlyStateAndCache: a folder that may not be written is read: the
// stars show and the cache answers (before, both were "permission denied"
// and nothing showed). As root, which may write anywhere, the files and the
// folder are made immutable (chattr +i) instead.
func TestReadOnlyStateAndCache(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.db")
	fillState(t, OpenState(path), 3)
	cpath := filepath.Join(dir, "cache.db")
	c := Open(cpath, Options{Version: "v"})
	k := SourceKey("v", "a.txt", nil)
	c.Put(k, []model.Article{fiction(0)})
	c.Close()
	files := []string{path, cpath, journalPath(path), dir}
	if os.Geteuid() == 0 {
		args := append([]string{"+i"}, files...)
		if out, err := exec.Command("chattr", args...).CombinedOutput(); err != nil {
			t.Skipf("root, and chattr +i does not work here (%v %s): the read-only case cannot be made", err, out)
		}
		defer exec.Command("chattr", append([]string{"-i"}, files...)...).Run()
	} else {
		for _, p := range files {
			os.Chmod(p, 0o500)
		}
		defer os.Chmod(dir, 0o700)
	}
	all, err := OpenState(path).All()
	if err != nil || len(all) != 3 {
		t.Fatalf("read-only state: %d, %v", len(all), err)
	}
	if err := OpenState(path).Update("x", func(r *Reading) { r.Read = true }); !errors.Is(err, ErrReadOnly) {
		t.Errorf("a change to a read-only state: %v, want ErrReadOnly", err)
	}
	c = Open(cpath, Options{Version: "v"})
	defer c.Close()
	if _, ok := c.Get(k, "a.txt"); !ok {
		t.Errorf("read-only cache not used: %v", c.Notes())
	}
	if n := c.Notes(); len(n) != 1 || !strings.Contains(n[0], "read-only") {
		t.Errorf("notes %v", n)
	}
}
