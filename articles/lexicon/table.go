package lexicon

import "encoding/binary"

// Table is a read-only map from words to values, made once from a Go map,
// for the word lists that extraction asks about for most words of a text.
// It answers as the map does, at a fraction of the cost: open addressing
// with linear probing, at most a quarter full, on a cheap hash of the
// word's length and first and last bytes (WordHash), where a Go map hashes the whole
// word and probes a group of slots (a look-up of a short word there cost
// about 130 instructions; here a miss mostly ends at the first empty slot).
type Table[V any] struct {
	slots []tableSlot[V]
	mask  uint32
}

type tableSlot[V any] struct {
	key  string
	val  V
	used bool
}

// NewTable returns a Table holding what m holds.
func NewTable[V any](m map[string]V) *Table[V] {
	n := 8
	for n < 4*len(m) {
		n *= 2
	}
	t := &Table[V]{slots: make([]tableSlot[V], n), mask: uint32(n - 1)}
	for k, v := range m {
		i := WordHash(k) & t.mask
		for t.slots[i].used {
			i = (i + 1) & t.mask
		}
		t.slots[i] = tableSlot[V]{key: k, val: v, used: true}
	}
	return t
}

// Get returns the value of w and whether the table holds w, as m[w] does
// for the map the table was made from.
func (t *Table[V]) Get(w string) (V, bool) {
	for i := WordHash(w) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if !s.used {
			var zero V
			return zero, false
		}
		if s.key == w {
			return s.val, true
		}
	}
}

// At returns the value of w, the zero value when the table does not hold it.
func (t *Table[V]) At(w string) V {
	v, _ := t.Get(w)
	return v
}

// Len is the number of words in the table.
func (t *Table[V]) Len() int {
	n := 0
	for i := range t.slots {
		if t.slots[i].used {
			n++
		}
	}
	return n
}

// WordHash mixes the length of w with its first and last eight bytes (its
// first and last four, which overlap, when it is shorter; its first, middle
// and last byte when shorter still): a few loads, where a loop over the
// bytes cost as much as the rest of a look-up. Words that share all these
// hash alike: a table compares the words.
func WordHash(w string) uint32 {
	var a, b uint64
	switch n := len(w); {
	case n >= 8:
		a, b = binary.LittleEndian.Uint64([]byte(w[:8])), binary.LittleEndian.Uint64([]byte(w[n-8:]))
	case n >= 4:
		a, b = uint64(binary.LittleEndian.Uint32([]byte(w[:4]))), uint64(binary.LittleEndian.Uint32([]byte(w[n-4:])))
	case n > 0:
		a = uint64(w[0])<<16 | uint64(w[n>>1])<<8 | uint64(w[n-1])
	}
	h := (a^uint64(len(w))<<59)*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	return uint32(h >> 32)
}
