package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"time"

	bolt "go.etcd.io/bbolt"

	"briefs/articles/source"
)

// bucketHTTP maps a URL to its last download (see HTTPCache). It is kept
// when the extractor version changes: a download does not depend on it.
var bucketHTTP = []byte("http")

// httpCodec is the first byte of every encoded download; a value with
// another first byte is a miss.
const httpCodec = 1

// maxURLKey bounds the URLs HTTPCache keeps: bbolt refuses keys over 32 KB,
// and a failed write would stop every later write of the run.
const maxURLKey = 4096

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// HTTPCache is the cache file's table of downloads, by URL, with the
// validators their servers sent: a source.HTTPCache for conditional GET
// (set it as source.Options.HTTPCache). It lives in the same file as the
// articles, under the same lock, so two processes share it as they share
// the cache (the second runs without it). Writes are committed with the
// cache's others (within 100 ms, or at Flush or Close). Safe for concurrent
// use; on a disabled Cache every Get is a miss and every write is dropped.
type HTTPCache struct {
	c *Cache
}

// HTTPMaxAge is how long a download is kept: HTTP drops entries
// downloaded longer ago (an unchanged URL costs one full download a month),
// so URLs read once do not stay in the cache for ever.
const HTTPMaxAge = 30 * 24 * time.Hour

// HTTP returns the cache's table of downloads, first dropping the entries
// older than HTTPMaxAge (and those that do not decode).
func (c *Cache) HTTP() *HTTPCache {
	h := &HTTPCache{c: c}
	h.prune(time.Now().Add(-HTTPMaxAge))
	return h
}

// prune queues the deletion of entries downloaded before cutoff, or
// unreadable. It reads only the head of each value, not the body.
func (h *HTTPCache) prune(cutoff time.Time) {
	var stale [][]byte
	h.c.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHTTP)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			if fetched, ok := fetchedAt(v); !ok || fetched.Before(cutoff) {
				stale = append(stale, bytes.Clone(k))
			}
			return nil
		})
	})
	for _, k := range stale {
		h.c.queue(bucketHTTP, k, nil)
	}
}

// fetchedAt reads the fetch time of an encoded download without checking
// the rest; a zero time (never set) is very old.
func fetchedAt(v []byte) (time.Time, bool) {
	if len(v) < 1 || v[0] != httpCodec {
		return time.Time{}, false
	}
	rest := v[1:]
	for range 2 { // ETag, Last-Modified
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return time.Time{}, false
		}
		rest = rest[k+int(n):]
	}
	ns, k := binary.Varint(rest)
	if k <= 0 {
		return time.Time{}, false
	}
	if ns == 0 {
		return time.Time{}, true
	}
	return time.Unix(0, ns), true
}

// usableURL reports whether url can be a key.
func usableURL(url string) bool { return url != "" && len(url) <= maxURLKey }

// Get returns the download stored for url. An entry that does not decode
// (or whose checksum does not match) is a miss.
func (h *HTTPCache) Get(url string) (source.CachedResponse, bool) {
	var r source.CachedResponse
	var ok bool
	if !usableURL(url) {
		return r, false
	}
	h.c.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketHTTP)
		if b == nil {
			return nil
		}
		if v := b.Get([]byte(url)); v != nil {
			var err error
			r, err = decodeResponse(v) // copies v
			ok = err == nil
		}
		return nil
	})
	return r, ok
}

// Put stores r for url, replacing any entry. The cache keeps r.Body, which
// must not change afterwards.
func (h *HTTPCache) Put(url string, r source.CachedResponse) {
	if !usableURL(url) {
		return
	}
	h.c.queue(bucketHTTP, []byte(url), encodeResponse(r))
}

// Delete forgets url's entry, if any.
func (h *HTTPCache) Delete(url string) {
	if !usableURL(url) {
		return
	}
	h.c.queue(bucketHTTP, []byte(url), nil)
}

// encodeResponse writes r as: the codec byte, the ETag, the Last-Modified
// value, the fetch time (Unix ns), the body (each string a uvarint length
// and its bytes), then a CRC-32C of all that, so a damaged value is a miss
// rather than a wrong body.
func encodeResponse(r source.CachedResponse) []byte {
	b := make([]byte, 0, 1+3*binary.MaxVarintLen64+len(r.ETag)+len(r.LastModified)+len(r.Body)+binary.MaxVarintLen64+4)
	b = append(b, httpCodec)
	b = binary.AppendUvarint(b, uint64(len(r.ETag)))
	b = append(b, r.ETag...)
	b = binary.AppendUvarint(b, uint64(len(r.LastModified)))
	b = append(b, r.LastModified...)
	var fetched int64
	if !r.Fetched.IsZero() {
		fetched = r.Fetched.UnixNano()
	}
	b = binary.AppendVarint(b, fetched)
	b = binary.AppendUvarint(b, uint64(len(r.Body)))
	b = append(b, r.Body...)
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, crcTable))
}

// errBadResponse is why a stored download is not used.
var errBadResponse = errors.New("bad stored download")

// decodeResponse reads what encodeResponse wrote, copying every byte out
// of v (which bbolt owns). Bad input is an error, never a panic.
func decodeResponse(v []byte) (source.CachedResponse, error) {
	var r source.CachedResponse
	if len(v) < 1+4 || v[0] != httpCodec {
		return r, fmt.Errorf("%w: not a version %d value", errBadResponse, httpCodec)
	}
	body, sum := v[:len(v)-4], binary.BigEndian.Uint32(v[len(v)-4:])
	if crc32.Checksum(body, crcTable) != sum {
		return r, fmt.Errorf("%w: checksum mismatch", errBadResponse)
	}
	rest := body[1:]
	next := func() ([]byte, bool) {
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return nil, false
		}
		s := rest[k : k+int(n)]
		rest = rest[k+int(n):]
		return s, true
	}
	etag, ok1 := next()
	lm, ok2 := next()
	if !ok1 || !ok2 {
		return r, fmt.Errorf("%w: truncated", errBadResponse)
	}
	fetched, k := binary.Varint(rest)
	if k <= 0 {
		return r, fmt.Errorf("%w: truncated", errBadResponse)
	}
	rest = rest[k:]
	data, ok := next()
	if !ok || len(rest) != 0 {
		return r, fmt.Errorf("%w: bad length", errBadResponse)
	}
	r.ETag, r.LastModified = string(etag), string(lm)
	r.Body = bytes.Clone(data)
	if r.Body == nil {
		r.Body = []byte{}
	}
	if fetched != 0 {
		r.Fetched = time.Unix(0, fetched)
	}
	return r, nil
}
