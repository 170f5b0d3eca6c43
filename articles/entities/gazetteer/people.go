package gazetteer

import (
	_ "embed"
	"encoding/binary"
	"hash/crc64"
	"hash/fnv"
	"slices"
	"sync"

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

// KnownPerson reports whether the world data knows name ("Condoleezza
// Rice", "Aung San Suu Kyi") as a person's full name.
func KnownPerson(name string) bool {
	peopleOnce.Do(func() {
		people = make([]uint64, len(peopleData)/8)
		for i := range people {
			people[i] = binary.LittleEndian.Uint64(peopleData[8*i:])
		}
	})
	_, ok := slices.BinarySearch(people, PersonKey(name))
	return ok
}

// DataDigest is a checksum of the embedded gazetteer and people list: new
// data gives a new digest, so a cache of what was typed with it can tell.
func DataDigest() uint64 {
	t := crc64.MakeTable(crc64.ECMA)
	return crc64.Update(crc64.Checksum([]byte(data), t), t, peopleData)
}
