package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"runtime/debug"
)

// A bbolt file is mapped into memory, and bbolt trusts its meta page: a file
// shorter than the high-water mark that page records (cut by a full disk, an
// interrupted copy, a sync tool) is read past its end, which is a SIGBUS or
// SIGSEGV, and a Go fatal error no recover can catch. So every file is
// checked with plain reads before bbolt maps it (checkFile), and every
// goroutine that reads a mapped file turns a fault into a panic
// (guardFaults) that the callers' recover turns into an error.

// errDamaged marks a file that is not a usable bbolt file: it is moved aside.
var errDamaged = errors.New("damaged file")

// damageError says how a file is damaged; it is errDamaged.
type damageError struct{ msg string }

func (e *damageError) Error() string        { return e.msg }
func (e *damageError) Is(target error) bool { return target == errDamaged }

func damaged(format string, args ...any) error {
	return &damageError{fmt.Sprintf(format, args...)}
}

// bbolt's on-disk constants (go.etcd.io/bbolt/internal/common).
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16 // id uint64, flags uint16, count uint16, overflow uint32
	metaSumSize    = 56 // the meta fields the checksum covers
	metaSize       = metaSumSize + 8
	noFreelist     = ^uint64(0)
)

// boltMeta is what checkFile reads of a meta page.
type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64 // the high-water mark: pages [0, pgid) are in use
	txid     uint64
}

// readMeta decodes and validates the meta page at off; ok is false when
// there is none (bad magic, version or checksum).
func readMeta(f *os.File, off int64) (boltMeta, bool) {
	var buf [pageHeaderSize + metaSize]byte
	if _, err := f.ReadAt(buf[:], off); err != nil {
		return boltMeta{}, false
	}
	m := buf[pageHeaderSize:]
	le := binary.LittleEndian
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	h.Write(m[:metaSumSize])
	if h.Sum64() != le.Uint64(m[metaSumSize:]) {
		return boltMeta{}, false
	}
	return boltMeta{
		pageSize: le.Uint32(m[8:]),
		root:     le.Uint64(m[16:]),
		freelist: le.Uint64(m[32:]),
		pgid:     le.Uint64(m[40:]),
		txid:     le.Uint64(m[48:]),
	}, true
}

// checkFile checks the bbolt file at path with plain reads, before anything
// maps it: it must be a regular file, and either empty (bbolt makes a new
// one) or hold a valid meta page whose high-water mark, root and freelist
// lie inside the file. A missing file is fine (it is made). The error wraps
// errDamaged when the file is not usable, and says why.
func checkFile(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return damaged("not a regular file (%s)", info.Mode().Type())
	}
	size := info.Size()
	if size == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()

	// The meta page bbolt will use is the valid one with the higher
	// transaction id. The first is at 0; the second one page on, and the
	// page size is the first's or, when that is damaged, one bbolt tries.
	m0, ok0 := readMeta(f, 0)
	var m1 boltMeta
	ok1 := false
	if ok0 {
		m1, ok1 = readMeta(f, int64(m0.pageSize))
	} else {
		for _, ps := range []int64{int64(os.Getpagesize()), 4096, 8192, 16384, 32768, 65536} {
			if m1, ok1 = readMeta(f, ps); ok1 && int64(m1.pageSize) == ps {
				break
			}
			ok1 = false
		}
	}
	var m boltMeta
	switch {
	case ok0 && ok1:
		m = m0
		if m1.txid > m0.txid {
			m = m1
		}
	case ok0:
		m = m0
	case ok1:
		m = m1
	default:
		return damaged("no valid meta page in %d bytes", size)
	}
	ps := uint64(m.pageSize)
	if ps < 1024 || ps > 1<<20 || ps&(ps-1) != 0 {
		return damaged("a page size of %d", ps)
	}
	if m.pgid < 4 {
		return damaged("a high-water mark of %d pages", m.pgid)
	}
	if m.pgid > uint64(size)/ps { // pgid*ps > size, without overflow
		return damaged("truncated: %d bytes, its %d pages need %d", size, m.pgid, m.pgid*ps)
	}
	if m.root < 2 || m.root >= m.pgid || m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= m.pgid) {
		return damaged("pointers outside the file (root page %d, freelist %d, %d pages)", m.root, m.freelist, m.pgid)
	}
	return nil
}

// guardFaults makes a memory fault in the calling goroutine (a read past
// the end of a file truncated while mapped) a panic instead of a fatal
// error; the returned function restores the previous setting. Use as
// defer guardFaults()() before a recover.
func guardFaults() func() {
	old := debug.SetPanicOnFault(true)
	return func() { debug.SetPanicOnFault(old) }
}
