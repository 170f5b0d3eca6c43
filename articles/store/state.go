package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Reading is what the reader did with one article.
type Reading struct {
	Read     bool      `json:"read,omitempty"`
	Starred  bool      `json:"starred,omitempty"`
	Position int       `json:"pos,omitempty"` // last scroll offset, in lines
	Anchor   int       `json:"at,omitempty"`  // the body byte offset shown at the top then, plus one (0: unknown)
	Updated  time.Time `json:"updated"`
}

var bucketReading = []byte("reading")

// DefaultStatePath is where reading state lives:
// $XDG_DATA_HOME/briefs/state.db (~/.local/share/briefs/state.db), the folder
// made if need be. It is a separate file from the cache, so rebuilding the
// cache never loses it.
func DefaultStatePath() (string, error) {
	p, err := xdg.DataFile(filepath.Join("briefs", "state.db"))
	if err != nil {
		return "", fmt.Errorf("state path: %w", err)
	}
	return p, nil
}

// State is the reading state file. Each call opens the file, does its work
// in one transaction and closes it, so several briefs processes can share it
// (each waits at most LockTimeout for the others). Safe for concurrent use.
//
// Every change is also appended to a journal beside the file (state.journal,
// one JSON line per change, rewritten as a snapshot of the whole state when
// it has grown to twice the file's size), inside the write transaction so
// that processes take turns. When state.db is found damaged (shorter than
// its pages, bad meta pages, a fault or panic while reading, empty while the
// journal is not, a directory) it is moved aside and rebuilt from the
// journal: a crash or a cut file loses at most the change being written.
// A file that may not be written (a read-only folder) is read read-only;
// changes then fail with ErrReadOnly.
type State struct {
	path string
	// LockTimeout bounds the wait for another process; zero means
	// DefaultLockTimeout.
	LockTimeout time.Duration
}

// OpenState returns the reading state kept at path. Nothing is read yet.
func OpenState(path string) *State { return &State{path: path} }

// ErrBusy is returned when another process holds the state file for longer
// than the lock timeout.
var ErrBusy = errors.New("reading state in use by another briefs")

// ErrRepaired is wrapped by the error of a call that found the state file
// damaged and rebuilt it from the journal: the call's result is good, and
// the error says what was done.
var ErrRepaired = errors.New("reading state repaired")

// ErrReadOnly is returned by a change when the state file may only be read.
var ErrReadOnly = errors.New("reading state is read-only: changes are not saved")

// journalPath is the journal kept beside the state file at path.
func journalPath(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + ".journal"
}

// do runs fn on the open state file. A damaged file is moved aside and
// rebuilt from the journal; the returned error says so (the new file is
// still used, and fn has run).
func (s *State) do(write bool, fn func(b *bolt.Bucket, j *journal) error) error {
	timeout := s.LockTimeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return fmt.Errorf("reading state: %w", err)
	}
	j := &journal{path: journalPath(s.path)}
	var lost error
	for attempt := 0; ; attempt++ {
		err := checkFile(s.path)
		if err == nil && j.nonEmpty() && isEmptyFile(s.path) {
			err = damaged("empty, but its journal is not")
		}
		var db *bolt.DB
		readOnly := false
		if err == nil {
			db, err = openBolt(s.path, timeout, false)
			if errors.Is(err, fs.ErrPermission) {
				if write {
					return fmt.Errorf("%w (%s)", ErrReadOnly, s.path)
				}
				readOnly = true
				db, err = openBolt(s.path, timeout, true)
			}
		}
		if err == nil {
			j.readOnly = readOnly
			err = s.run(db, write && !readOnly, func(b *bolt.Bucket) error { return fn(b, j) })
			if cerr := db.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("reading state: %w", cerr)
			}
			if err == nil || !errors.Is(err, errForeign) && !errors.Is(err, errPanic) {
				return errors.Join(lost, err)
			}
		}
		if errors.Is(err, berrors.ErrTimeout) {
			return fmt.Errorf("%w: %s", ErrBusy, s.path)
		}
		if readOnly && errors.Is(err, fs.ErrNotExist) {
			return lost // a read-only folder without a state file: no state
		}
		if !isCorrupt(err) || attempt > 0 {
			return fmt.Errorf("reading state: %w", err)
		}
		aside, merr := moveAside(s.path)
		if merr != nil {
			return fmt.Errorf("reading state: %w; %w", err, merr)
		}
		n, rerr := s.restore(j, timeout)
		switch {
		case rerr != nil:
			lost = fmt.Errorf("%w: %s was damaged (%v): moved to %s; not restored from %s: %v", ErrRepaired, s.path, err, filepath.Base(aside), filepath.Base(j.path), rerr)
		case n == 0:
			lost = fmt.Errorf("%w: %s was damaged (%v): moved to %s, started anew (%s has no marks)", ErrRepaired, s.path, err, filepath.Base(aside), filepath.Base(j.path))
		default:
			lost = fmt.Errorf("%w: %s was damaged (%v): moved to %s; %d briefs' marks restored from %s", ErrRepaired, s.path, err, filepath.Base(aside), n, filepath.Base(j.path))
		}
	}
}

// isEmptyFile reports whether path is a file of 0 bytes.
func isEmptyFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Size() == 0
}

// restore makes a new state file from the journal and returns how many
// briefs' states it holds.
func (s *State) restore(j *journal, timeout time.Duration) (int, error) {
	all, err := j.replay()
	if err != nil || len(all) == 0 {
		return 0, err
	}
	db, err := openBolt(s.path, timeout, false)
	if err != nil {
		return 0, err
	}
	err = s.run(db, true, func(b *bolt.Bucket) error {
		for id, v := range all {
			if err := b.Put([]byte(id), v); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	return len(all), nil
}

var errPanic = errors.New("corrupt file")

func (s *State) run(db *bolt.DB, write bool, fn func(b *bolt.Bucket) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errPanic, r)
		}
	}()
	defer guardFaults()()
	if !write {
		return db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketReading)
			if b == nil {
				if !emptyTx(tx) {
					return errForeign
				}
				return nil
			}
			return fn(b)
		})
	}
	return db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketReading)
		if b == nil {
			if !emptyTx(tx) {
				return errForeign
			}
			var err error
			if b, err = tx.CreateBucket(bucketReading); err != nil {
				return err
			}
		}
		return fn(b)
	})
}

func emptyTx(tx *bolt.Tx) bool {
	empty := true
	tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
	return empty
}

// All returns the reading state of every article that has one, by id. When
// the file was damaged and rebuilt, the error wraps ErrRepaired and the map
// holds what was restored.
func (s *State) All() (map[string]Reading, error) {
	out := map[string]Reading{}
	err := s.do(false, func(b *bolt.Bucket, j *journal) error {
		err := b.ForEach(func(k, v []byte) error {
			if isWatchKey(k) {
				return nil // a watchlist (see Watches)
			}
			var r Reading
			if json.Unmarshal(v, &r) == nil {
				out[string(k)] = r
			}
			return nil
		})
		if err == nil && !j.readOnly && !j.exists() && len(out) > 0 {
			j.snapshot(b) // a state file from before the journal: start one
		}
		return err
	})
	return out, err
}

// Get returns the reading state of the article with that id (the zero
// Reading when there is none).
func (s *State) Get(id string) (Reading, error) {
	var r Reading
	err := s.do(false, func(b *bolt.Bucket, _ *journal) error {
		if v := b.Get([]byte(id)); v != nil {
			json.Unmarshal(v, &r) // a bad value reads as no state
		}
		return nil
	})
	return r, err
}

// Update changes the reading state of the article with that id with fn, in
// one transaction (so two processes never lose each other's changes), and
// stamps it with the time.
func (s *State) Update(id string, fn func(*Reading)) error {
	if id == "" {
		return errors.New("reading state: empty article id")
	}
	var jerr error
	err := s.do(true, func(b *bolt.Bucket, j *journal) error {
		var r Reading
		if v := b.Get([]byte(id)); v != nil {
			json.Unmarshal(v, &r)
		}
		fn(&r)
		r.Updated = time.Now().UTC()
		v, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("reading state: %w", err)
		}
		if err := b.Put([]byte(id), v); err != nil {
			return err
		}
		j.record(b, id, v)
		jerr = j.err
		return nil
	})
	if err == nil && jerr != nil {
		return fmt.Errorf("reading state saved, but not its journal %s: %w", journalPath(s.path), jerr)
	}
	return err
}
