package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	gz "briefs/articles/entities/gazetteer"
	"briefs/model"
)

// worldRow is one row of a gazetteer/world TSV: name, aliases, kind, country.
type worldRow struct {
	name    string
	aliases []string
	kind    string
	country string
}

func readWorld(path string) ([]worldRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var out []worldRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for sc.Scan() {
		if first { // header
			first = false
			continue
		}
		fl := strings.Split(sc.Text(), "\t")
		if len(fl) < 4 {
			continue
		}
		r := worldRow{name: strings.TrimSpace(fl[0]), kind: fl[2], country: fl[3]}
		if fl[1] != "" {
			r.aliases = strings.Split(fl[1], "|")
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// badWorldAliases are aliases of the curated world lists that name something
// else as often as the group: a city, the members of a body, a bare common
// noun, a group's predecessor, successor or wing, a generic word.
var badWorldAliases = map[string]bool{
	"Brussels": true, "MEPs": true, "Commission": true, "Commonwealth": true, "Quad": true,
	"junta": true, "Red Cross": true, "G8": true, "UN nuclear watchdog": true, "World Court": true,
	"Strasbourg court": true, "Sahrawi Arab Democratic Republic": true, "SADR": true,
	"Africa Corps": true, "Quds Force": true, "Qods Force": true, "Women's Protection Units": true,
	"YPJ": true, "Free Syrian Army": true, "Oromo Liberation Front": true, "OLF": true,
	"State Administration Council": true, "SAC": true, "Myanmar military": true, "Wagner": true,
	"Fano": true, "Sepah": true, "Janjaweed": true, "Hashd": true, "Polisario": false,
	"Council of Ministers": true, "European Community": true, "Organisation of African Unity": true,
	"OAU": true, "Party of God": true, "Islamic Jihad": true, "Human Rights Council": true,
	"League of the Righteous": true, "Shabab": true, "Qaida": true, "Qaeda": true, "Tamil Tigers": false,
	"EMC": true, "Estado Mayor Central": true, "FARC dissidents": true, "Islamic State group": false,
}

var reParen = regexp.MustCompile(`\s*\(([^)]*)\)\s*`)

// worldAlias says whether a curated alias may name its group in text: not
// lower case alone ("junta"), not "the ..." (the plain alias matches), not two
// letters or fewer unless dotted ("IS", "AA"; "A.U." is kept), not in badWorldAliases.
func worldAlias(a string) bool {
	a = strings.TrimSpace(a)
	if a == "" || badWorldAliases[a] || strings.HasPrefix(a, "the ") {
		return false
	}
	letters := 0
	upper := false
	for _, r := range a {
		if unicode.IsLetter(r) {
			letters++
		}
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper = true
		}
	}
	return upper && (letters > 2 || strings.Count(a, ".") >= 2) // "A.U." is written for the union only
}

// world adds the organisations of ../shared/data/gazetteer/world: the curated
// armed groups and intergovernmental organisations with their spellings
// (Taliban/Taleban, al-Qaeda/al-Qaida, AU/A.U.), the Factbook's armed groups
// and political parties (names of two words or more, without acronyms, which
// collide across countries), and heads of state and government as people
// (full names only). A row whose name or alias is already an organisation's
// joins that entry, so every spelling links to one entity.
func world(g *gazetteer, dir string) error {
	bySlug := map[string]*entry{}
	index := func(e *entry) {
		for _, a := range e.aliases {
			if s := model.Slug(a); s != "" && bySlug[s] == nil {
				bySlug[s] = e
			}
		}
	}
	for _, id := range g.order {
		if e := g.byID[id]; e.kind == model.KindOrganization {
			index(e)
		}
	}
	// names the curated lists give two groups ("EC", "IEA"), by row
	seen := map[string]int{}
	var curated []worldRow
	for _, f := range []string{"curated_intergovernmental_orgs.tsv", "curated_armed_groups_aliases.tsv"} {
		rows, err := readWorld(filepath.Join(dir, "world", f))
		if err != nil {
			return err
		}
		for _, r := range rows {
			row := map[string]bool{}
			for _, a := range append([]string{r.name}, r.aliases...) {
				row[model.Slug(a)] = true
			}
			for s := range row {
				seen[s]++
			}
		}
		curated = append(curated, rows...)
	}
	addOrg := func(name string, aliases []string, country string) {
		var e *entry
		for _, a := range append([]string{name}, aliases...) {
			if e = bySlug[model.Slug(a)]; e != nil {
				break
			}
		}
		if e == nil {
			e = g.get(model.KindOrganization, name, country)
			e.world = true
		}
		e.add(name)
		e.add(aliases...)
		index(e)
	}
	for _, r := range curated {
		var al []string
		for _, a := range r.aliases {
			if worldAlias(a) && seen[model.Slug(a)] == 1 {
				al = append(al, strings.TrimSpace(a))
			}
		}
		addOrg(r.name, al, "")
	}
	for _, f := range []string{"factbook_armed_terrorist_groups.tsv", "factbook_political_parties.tsv"} {
		rows, err := readWorld(filepath.Join(dir, "world", f))
		if err != nil {
			return err
		}
		for _, r := range rows {
			var names []string
			// "National Democratic Rally (Rassemblement National Democratique)"
			if m := reParen.FindStringSubmatch(r.name); m != nil {
				names = append(names, strings.TrimSpace(reParen.ReplaceAllString(r.name, " ")), m[1])
			} else {
				names = append(names, r.name)
			}
			names = append(names, r.aliases...)
			var keep []string
			for _, n := range names {
				n = strings.TrimSpace(n)
				if len(strings.Fields(n)) >= 2 && worldAlias(n) && !strings.ContainsAny(n, "–;/") {
					keep = append(keep, n)
				}
			}
			if len(keep) > 0 {
				addOrg(keep[0], keep[1:], "")
			}
		}
	}
	heads, err := readWorld(filepath.Join(dir, "world", "factbook_heads_of_state_government.tsv"))
	if err != nil {
		return err
	}
	for _, r := range heads {
		if len(strings.Fields(r.name)) >= 2 && !strings.ContainsAny(r.name, "()") {
			g.get(model.KindPerson, r.name, "").world = true
		}
	}
	return nil
}

// writePeople writes the names of legislators (EveryPolitician) and heads
// of state and government (Factbook) as sorted 64-bit hashes of their slugs
// (gazetteer.PersonKey), for the rule that a name the world knows as a
// person is a person: full names of two words or more in Latin letters, and
// their aliases of the same shape.
func writePeople(dir, out string) error {
	var keys []uint64
	for _, f := range []string{"everypolitician_legislators.tsv", "factbook_heads_of_state_government.tsv"} {
		rows, err := readWorld(filepath.Join(dir, "world", f))
		if err != nil {
			return err
		}
		for _, r := range rows {
			for _, n := range append([]string{r.name}, r.aliases...) {
				if personName(n) {
					keys = append(keys, gz.PersonKey(n))
				}
			}
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	b := make([]byte, 8*len(keys))
	for i, k := range keys {
		binary.LittleEndian.PutUint64(b[8*i:], k)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	log.Printf("wrote %d people to %s", len(keys), out)
	return nil
}

// personName accepts a name of two to five capitalised words in Latin
// letters, none a single letter ("Ana Sofía Berrocal", not "Anwar khan").
func personName(n string) bool {
	f := strings.Fields(n)
	if len(f) < 2 || len(f) > 5 || strings.ContainsAny(n, ",()") {
		return false
	}
	for _, w := range f {
		first := true
		for _, r := range w {
			if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
				return false
			}
			if first && !unicode.IsUpper(r) {
				return false
			}
			first = false
		}
		if utf8.RuneCountInString(strings.Trim(w, ".")) < 2 {
			return false
		}
	}
	return true
}
