package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Watch is a watchlist: a saved search with a name ("Lavrov":
// "entity:Lavrov after:2026-06"). Watchlists are kept in the reading state,
// as records of their own kind beside the briefs' (keys starting with
// watchPrefix, which no article id does), so they share its file, its
// journal and its repair.
type Watch struct {
	Name  string `json:"name"`
	Query string `json:"query"`
	// Reported are the ids of the briefs `briefs watch` has printed for it,
	// so that the next run prints only new ones.
	Reported []string  `json:"reported,omitempty"`
	Removed  bool      `json:"removed,omitempty"` // a removed watchlist stays as this mark, so the journal replays the removal
	Updated  time.Time `json:"updated"`
}

// watchPrefix starts the key of a watchlist's record.
var watchPrefix = []byte("\x00watch:")

// isWatchKey reports whether a key of the reading bucket is a watchlist's.
func isWatchKey(k []byte) bool { return bytes.HasPrefix(k, watchPrefix) }

func watchKey(name string) []byte { return append(slices.Clip(watchPrefix), name...) }

// Watches returns the watchlists, in the order of their names.
func (s *State) Watches() ([]Watch, error) {
	var out []Watch
	err := s.do(false, func(b *bolt.Bucket, _ *journal) error {
		c := b.Cursor()
		for k, v := c.Seek(watchPrefix); k != nil && isWatchKey(k); k, v = c.Next() {
			var w Watch
			if json.Unmarshal(v, &w) == nil && !w.Removed && w.Name != "" {
				out = append(out, w)
			}
		}
		return nil
	})
	return out, err
}

// UpdateWatch changes the watchlist called name with fn, in one
// transaction; a watchlist not kept yet (or removed) starts empty. fn may
// mark it Removed.
func (s *State) UpdateWatch(name string, fn func(*Watch)) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("watchlist: empty name")
	}
	var jerr error
	err := s.do(true, func(b *bolt.Bucket, j *journal) error {
		var w Watch
		k := watchKey(name)
		if v := b.Get(k); v != nil {
			json.Unmarshal(v, &w) // a bad value reads as a new watchlist
		}
		if w.Removed {
			w = Watch{}
		}
		w.Name = name
		fn(&w)
		w.Updated = time.Now().UTC()
		v, err := json.Marshal(w)
		if err != nil {
			return fmt.Errorf("watchlist %s: %w", name, err)
		}
		if err := b.Put(k, v); err != nil {
			return err
		}
		j.record(b, string(k), v)
		jerr = j.err
		return nil
	})
	if err == nil && jerr != nil {
		return fmt.Errorf("watchlist saved, but not its journal %s: %w", journalPath(s.path), jerr)
	}
	return err
}

// RemoveWatch removes the watchlist called name; false when there was none.
func (s *State) RemoveWatch(name string) (bool, error) {
	ws, err := s.Watches()
	if err != nil {
		return false, err
	}
	if !slices.ContainsFunc(ws, func(w Watch) bool { return w.Name == strings.TrimSpace(name) }) {
		return false, nil
	}
	return true, s.UpdateWatch(name, func(w *Watch) { *w = Watch{Name: w.Name, Removed: true} })
}
