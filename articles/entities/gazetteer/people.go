package gazetteer

import (
	_ "embed"
	"encoding/binary"
	"hash/crc64"
	"hash/fnv"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"briefs/model"
)

// people.bin holds the sorted 64-bit keys (PersonKey) of the people the world
// data knows by name: 2015 legislators of 239 legislatures (EveryPolitician)
// and 2026 heads of state and government (Factbook). Written by gen.
//
//go:embed people.bin
var peopleData []byte

var (
	peopleOnce sync.Once
	people     []uint64
)

// PersonKey is the key of a person's name in the people list: the FNV-1a
// hash of its slug, so case, accents and punctuation do not matter.
func PersonKey(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(model.Slug(name)))
	return h.Sum64()
}

func loadPeople() {
	people = make([]uint64, len(peopleData)/8)
	for i := range people {
		people[i] = binary.LittleEndian.Uint64(peopleData[8*i:])
	}
}

// KnownPerson reports whether the world data knows name ("Condoleezza
// Rice", "Aung San Suu Kyi") as a person's full name.
func KnownPerson(name string) bool {
	peopleOnce.Do(loadPeople)
	_, ok := slices.BinarySearch(people, PersonKey(name))
	return ok
}

// KnownPersonWords is KnownPerson of the words joined by spaces, without
// building the name or its slug when the words are ASCII (the slug's
// hash is made as the bytes come).
func KnownPersonWords(words []string) bool {
	key, ok := personKeyWords(words)
	if !ok {
		return KnownPerson(strings.Join(words, " "))
	}
	peopleOnce.Do(loadPeople)
	_, ok = slices.BinarySearch(people, key)
	return ok
}

// personKeyWords is PersonKey of the words joined by spaces, made byte by
// byte as model.Slug would write the slug of ASCII text; ok is false
// (and the key unset) when a word holds a byte past ASCII.
func personKeyWords(words []string) (key uint64, ok bool) {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	started, dash := false, false
	for k, w := range words {
		if k > 0 {
			dash = true // the space between words
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case c >= utf8.RuneSelf:
				return 0, false
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
				if dash && started {
					h ^= '-'
					h *= prime
				}
				dash, started = false, true
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				h ^= uint64(c)
				h *= prime
			case c == '\'' || c == '.':
				// "U.S." -> "us", "O'Brien" -> "obrien"
			default:
				dash = true
			}
		}
	}
	return h, true
}

// DataDigest is a checksum of the embedded gazetteer and people list: new
// data gives a new digest, so a cache of what was typed with it can tell.
func DataDigest() uint64 {
	t := crc64.MakeTable(crc64.ECMA)
	return crc64.Update(crc64.Checksum([]byte(data), t), t, peopleData)
}
