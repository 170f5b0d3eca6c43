package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// journal is the reading state's append-only copy: one JSON line per change
// ({"id":..., "r":{...}}), the last line of an id winning. It is only
// written inside a write transaction of the state file, whose lock makes
// processes take turns. When it has grown past twice the state file's size
// (and journalSlack), it is rewritten as one line per brief.
type journal struct {
	path     string
	readOnly bool
	err      error // the last write that failed
}

// journalSlack is how much a journal may grow before it is compacted,
// whatever the size of the state file (a variable for tests).
var journalSlack int64 = 256 << 10

type journalLine struct {
	ID string          `json:"id"`
	R  json.RawMessage `json:"r"`
}

func (j *journal) exists() bool {
	_, err := os.Stat(j.path)
	return err == nil
}

func (j *journal) nonEmpty() bool {
	info, err := os.Stat(j.path)
	return err == nil && info.Size() > 0
}

func appendLine(buf *bytes.Buffer, id string, v []byte) error {
	line, err := json.Marshal(journalLine{ID: id, R: v})
	if err != nil {
		return err
	}
	buf.Write(line)
	buf.WriteByte('\n')
	return nil
}

// record appends one change; b is the state's bucket after it, used to
// compact the journal when it has grown too big.
func (j *journal) record(b *bolt.Bucket, id string, v []byte) {
	if !j.exists() {
		j.snapshot(b)
		return
	}
	var buf bytes.Buffer
	if err := appendLine(&buf, id, v); err != nil {
		j.err = err
		return
	}
	f, err := os.OpenFile(j.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		j.err = err
		return
	}
	_, err = f.Write(buf.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		j.err = err
		return
	}
	if info, err := os.Stat(j.path); err == nil && info.Size() > 2*b.Tx().Size()+journalSlack {
		j.snapshot(b)
	}
}

// snapshot rewrites the journal as the state of every brief in b, through a
// new file renamed over the old, so the journal is never half written.
func (j *journal) snapshot(b *bolt.Bucket) {
	var buf bytes.Buffer
	err := b.ForEach(func(k, v []byte) error { return appendLine(&buf, string(k), v) })
	if err == nil {
		err = writeFileAtomic(j.path, buf.Bytes())
	}
	if err != nil {
		j.err = err
	}
}

// writeFileAtomic writes data to a new file beside path, syncs it and
// renames it over path.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// replay reads the journal: the last state of each brief, as stored in the
// state file. A line that does not decode (a write cut short) is skipped.
func (j *journal) replay() (map[string][]byte, error) {
	f, err := os.Open(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	all := map[string][]byte{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l journalLine
		if json.Unmarshal(sc.Bytes(), &l) != nil || l.ID == "" {
			continue
		}
		var r Reading
		if json.Unmarshal(l.R, &r) != nil {
			continue
		}
		all[l.ID] = bytes.Clone(l.R)
	}
	if err := sc.Err(); err != nil {
		return all, fmt.Errorf("read %s: %w", j.path, err)
	}
	return all, nil
}
