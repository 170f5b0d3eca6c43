package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

// do runs fn on the open state file. A corrupt file is moved aside and a new
// one made; the returned error says so (the new file is still used).
func (s *State) do(write bool, fn func(b *bolt.Bucket) error) error {
	timeout := s.LockTimeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return fmt.Errorf("reading state: %w", err)
	}
	var lost error
	for attempt := 0; ; attempt++ {
		db, err := openBolt(s.path, timeout)
		if err == nil {
			err = s.run(db, write, fn)
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
		if !isCorrupt(err) || attempt > 0 {
			return fmt.Errorf("reading state: %w", err)
		}
		aside, merr := moveAside(s.path)
		if merr != nil {
			return fmt.Errorf("reading state: %w; %w", err, merr)
		}
		lost = fmt.Errorf("reading state %s was unreadable (%v): moved to %s, started anew", s.path, err, filepath.Base(aside))
	}
}

var errPanic = errors.New("corrupt file")

func (s *State) run(db *bolt.DB, write bool, fn func(b *bolt.Bucket) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errPanic, r)
		}
	}()
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

// All returns the reading state of every article that has one, by id.
func (s *State) All() (map[string]Reading, error) {
	out := map[string]Reading{}
	err := s.do(false, func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			var r Reading
			if json.Unmarshal(v, &r) == nil {
				out[string(k)] = r
			}
			return nil
		})
	})
	return out, err
}

// Get returns the reading state of the article with that id (the zero
// Reading when there is none).
func (s *State) Get(id string) (Reading, error) {
	var r Reading
	err := s.do(false, func(b *bolt.Bucket) error {
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
	return s.do(true, func(b *bolt.Bucket) error {
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
		return b.Put([]byte(id), v)
	})
}
