// Command gen builds the entity gazetteer (articles/entities/gazetteer/gazetteer.tsv)
// from the public data in ../shared/data/gazetteer: ISO 3166 (iso-codes), CLDR 41
// English territory and subdivision names, and World Factbook profiles (long
// names, capitals, nationality nouns and adjectives). International
// organisations, seats of government and a few well-known aliases are curated
// by hand in curated.go.
//
// Run from the repository root:
//
//	go run ./articles/entities/gazetteer/gen [-data ../shared/data/gazetteer] [-out articles/entities/gazetteer/gazetteer.tsv]
//
// The output is deterministic: the same input gives the same file.
package main

import (
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"briefs/model"
)

// entry is one gazetteer row.
type entry struct {
	kind    model.EntityKind
	name    string
	country string // id of the country, for nationalities, places
	aliases []string
	world   bool // from the world lists or newsOrgs: unseen by the tagger's features
}

func (e *entry) id() string { return model.EntityID(e.kind, e.name) }

func (e *entry) add(aliases ...string) {
	for _, a := range aliases {
		a = strings.TrimSpace(a)
		if a == "" || strings.EqualFold(a, "none") || a == "NA" {
			continue
		}
		dup := false
		for _, x := range e.aliases {
			if x == a {
				dup = true
				break
			}
		}
		if !dup {
			e.aliases = append(e.aliases, a)
		}
	}
}

type gazetteer struct {
	byID  map[string]*entry
	order []string
}

func (g *gazetteer) get(kind model.EntityKind, name, country string) *entry {
	e := &entry{kind: kind, name: name, country: country}
	if old, ok := g.byID[e.id()]; ok {
		if old.country == "" {
			old.country = country
		}
		return old
	}
	g.byID[e.id()] = e
	g.order = append(g.order, e.id())
	e.add(name)
	return e
}

func main() {
	data := flag.String("data", filepath.Join("..", "shared", "data", "gazetteer"), "gazetteer data folder")
	out := flag.String("out", filepath.Join("articles", "entities", "gazetteer", "gazetteer.tsv"), "output file")
	flag.Parse()
	g := &gazetteer{byID: map[string]*entry{}}
	if err := build(g, *data); err != nil {
		log.Fatal(err)
	}
	if err := write(g, *out); err != nil {
		log.Fatal(err)
	}
	if err := writePeople(*data, filepath.Join(filepath.Dir(*out), "people.bin")); err != nil {
		log.Fatal(err)
	}
}

type isoCountry struct {
	Alpha2       string `json:"alpha_2"`
	Alpha3       string `json:"alpha_3"`
	Name         string `json:"name"`
	OfficialName string `json:"official_name"`
	CommonName   string `json:"common_name"`
}

type cldrName struct {
	Type string `xml:"type,attr"`
	Alt  string `xml:"alt,attr"`
	Name string `xml:",chardata"`
}

type cldrDoc struct {
	Territories  []cldrName `xml:"localeDisplayNames>territories>territory"`
	Subdivisions []cldrName `xml:"localeDisplayNames>subdivisions>subdivision"`
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

func readCLDR(path string) (*cldrDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var d cldrDoc
	if err := xml.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return &d, nil
}

var parens = regexp.MustCompile(`\s*\([^)]*\)`)

func build(g *gazetteer, dir string) error {
	var iso struct {
		C []isoCountry `json:"3166-1"`
	}
	if err := readJSON(filepath.Join(dir, "iso-codes", "iso_3166-1.json"), &iso); err != nil {
		return err
	}
	var former struct {
		C []isoCountry `json:"3166-3"`
	}
	if err := readJSON(filepath.Join(dir, "iso-codes", "iso_3166-3.json"), &former); err != nil {
		return err
	}
	cldr, err := readCLDR(filepath.Join(dir, "cldr41", "en.xml"))
	if err != nil {
		return err
	}
	subs, err := readCLDR(filepath.Join(dir, "cldr41", "subdivisions-en.xml"))
	if err != nil {
		return err
	}

	// Countries: canonical name is CLDR's, aliases from CLDR short/variant forms and ISO names.
	cldrBy := map[string][]cldrName{}
	for _, t := range cldr.Territories {
		cldrBy[t.Type] = append(cldrBy[t.Type], t)
	}
	byCode := map[string]*entry{}
	nameIndex := map[string]*entry{} // slug of any name -> country
	for _, c := range iso.C {
		canon := c.Name
		for _, t := range cldrBy[c.Alpha2] {
			if t.Alt == "" {
				canon = t.Name
			}
		}
		canon = fixCanon(canon)
		e := g.get(model.KindCountry, canon, "")
		for _, t := range cldrBy[c.Alpha2] {
			if t.Alt == "short" && len(t.Name) == 2 {
				e.add(t.Name) // UK, US: CLDR's own short forms
				continue
			}
			e.add(parens.ReplaceAllString(t.Name, ""))
		}
		e.add(c.CommonName, c.OfficialName)
		if !strings.Contains(c.Name, ",") {
			e.add(c.Name)
		}
		byCode[c.Alpha2] = e
		for _, a := range e.aliases {
			nameIndex[model.Slug(a)] = e
		}
	}
	for _, c := range former.C {
		name := c.Name
		if i := strings.Index(name, ","); i > 0 {
			name = name[:i]
		}
		if r, ok := formerRename[name]; ok {
			name = r
		}
		if _, ok := nameIndex[model.Slug(name)]; ok || name == "" {
			continue
		}
		e := g.get(model.KindCountry, name, "")
		nameIndex[model.Slug(name)] = e
	}
	// Regions (CLDR numeric territories) are places.
	for _, t := range cldr.Territories {
		if len(t.Type) == 3 && t.Type[0] >= '0' && t.Type[0] <= '9' && t.Alt == "" && t.Type != "001" {
			g.get(model.KindPlace, t.Name, "")
		}
	}

	// Factbook: long forms, capitals, nationalities.
	err = filepath.WalkDir(filepath.Join(dir, "factbook"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".json") {
			return nil
		}
		return factbook(g, path, nameIndex)
	})
	if err != nil {
		return fmt.Errorf("walk factbook: %w", err)
	}

	// Subdivisions of a few countries whose states and provinces the news names often.
	keep := map[string]bool{"us": true, "ca": true, "au": true, "cn": true, "in": true, "de": true, "br": true, "mx": true}
	for _, s := range subs.Subdivisions {
		if len(s.Type) < 3 || s.Alt != "" {
			continue
		}
		cc := s.Type[:2]
		name := strings.TrimSpace(s.Name)
		if !keep[cc] || strings.ContainsAny(name, "()") || len(name) < 3 {
			continue
		}
		if _, ok := nameIndex[model.Slug(name)]; ok || strings.HasPrefix(name, "Washington ") {
			continue // Georgia the country wins over the state; Washington DC is the capital's alias
		}
		ctry := ""
		if e := byCode[strings.ToUpper(cc)]; e != nil {
			ctry = e.id()
		}
		g.get(model.KindPlace, name, ctry)
	}
	for _, s := range subs.Subdivisions {
		switch s.Type {
		case "gbeng", "gbsct", "gbwls", "gbnir":
			g.get(model.KindCountry, s.Name, "")
		}
	}
	curate(g, nameIndex)
	return world(g, dir)
}

// formerRename gives former countries their everyday names ("" drops one that lives on under another name).
var formerRename = map[string]string{
	"USSR": "Soviet Union", "German Democratic Republic": "East Germany", "Burma": "", "East Timor": "",
	"Viet-Nam": "North Vietnam", "Byelorussian SSR Soviet Socialist Republic": "Byelorussian SSR",
}

func fixCanon(s string) string {
	switch s {
	case "Congo - Kinshasa":
		return "Democratic Republic of the Congo"
	case "Congo - Brazzaville":
		return "Republic of the Congo"
	case "Myanmar (Burma)":
		return "Myanmar"
	case "Hong Kong SAR China":
		return "Hong Kong"
	case "Macao SAR China":
		return "Macao"
	case "Palestinian Territories":
		return "Palestine"
	}
	return parens.ReplaceAllString(s, "")
}

type text struct {
	Text string `json:"text"`
}

type profile struct {
	Government struct {
		CountryName struct {
			Long  text `json:"conventional long form"`
			Short text `json:"conventional short form"`
		} `json:"Country name"`
		Capital struct {
			Name text `json:"name"`
		} `json:"Capital"`
	} `json:"Government"`
	People struct {
		Nationality struct {
			Noun text `json:"noun"`
			Adj  text `json:"adjective"`
		} `json:"Nationality"`
	} `json:"People and Society"`
}

// factbookAlias maps factbook short forms that CLDR spells otherwise.
var factbookAlias = map[string]string{
	"Congo (Brazzaville)": "Republic of the Congo", "DRC": "Democratic Republic of the Congo",
	"Burma": "Myanmar", "The Gambia": "Gambia", "The Bahamas": "Bahamas", "The Dominican": "Dominican Republic",
	"Holy See (Vatican City)": "Vatican City", "Macau": "Macao", "Cote d'Ivoire": "Côte d’Ivoire",
	"Czechia": "Czechia", "Timor-Leste": "Timor-Leste", "Eswatini": "Eswatini", "Turkey": "Türkiye",
	"Saint Barthelemy": "St. Barthélemy", "Saint Martin": "St. Martin", "Curacao": "Curaçao",
	"Saint Kitts and Nevis": "St. Kitts & Nevis", "Saint Lucia": "St. Lucia",
	"Saint Vincent and the Grenadines": "St. Vincent & Grenadines", "Virgin Islands": "U.S. Virgin Islands",
	"Sao Tome and Principe": "São Tomé & Príncipe", "Wallis and Futuna": "Wallis & Futuna",
	"Saint Pierre and Miquelon": "St. Pierre & Miquelon", "Antigua and Barbuda": "Antigua & Barbuda",
	"Bosnia and Herzegovina": "Bosnia & Herzegovina", "Trinidad and Tobago": "Trinidad & Tobago",
	"Turks and Caicos Islands": "Turks & Caicos Islands", "Heard Island and McDonald Islands": "Heard & McDonald Islands",
	"South Georgia and South Sandwich Islands": "South Georgia & South Sandwich Islands",
	"Falkland Islands (Islas Malvinas)":        "Falkland Islands", "Pitcairn Islands": "Pitcairn Islands",
	"Cocos (Keeling) Islands": "Cocos (Keeling) Islands", "Gaza, Gaza Strip": "", "West Bank": "",
}

func factbook(g *gazetteer, path string, nameIndex map[string]*entry) error {
	var p profile
	if err := readJSON(path, &p); err != nil {
		return err
	}
	short := html.UnescapeString(p.Government.CountryName.Short.Text)
	long := html.UnescapeString(p.Government.CountryName.Long.Text)
	if i := strings.Index(long, ";"); i >= 0 {
		long = long[:i]
	}
	if i := strings.Index(long, "("); i >= 0 {
		long = strings.TrimSpace(long[:i])
	}
	var c *entry
	for _, n := range []string{short, long} {
		if n == "" || n == "none" {
			continue
		}
		if a, ok := factbookAlias[n]; ok {
			if a == "" {
				return nil
			}
			n = a
		}
		if e := nameIndex[model.Slug(n)]; e != nil {
			c = e
			break
		}
		if e := nameIndex[model.Slug(parens.ReplaceAllString(n, ""))]; e != nil {
			c = e
			break
		}
	}
	if c == nil {
		if short != "" && short != "None" && short != "none" {
			log.Printf("factbook %s: no ISO country for %q / %q", filepath.Base(path), short, long)
		}
		return nil
	}
	if !strings.HasPrefix(short, "The ") && short != "none" && !strings.Contains(short, "(") && !strings.Contains(short, ",") {
		c.add(short)
	}
	if long != "none" && long != "" && !strings.Contains(long, ",") {
		c.add(long)
	}
	// Capital: the first name before any note, parenthesis, comma or semicolon.
	capName := html.UnescapeString(p.Government.Capital.Name.Text)
	if i := strings.IndexAny(capName, ";(,"); i >= 0 {
		capName = capName[:i]
	}
	capName = strings.TrimSpace(capName)
	if capName != "" && capName != "None" && !strings.HasPrefix(capName, "no ") && !strings.HasPrefix(capName, "administered") {
		if _, clash := nameIndex[model.Slug(capName)]; !clash {
			pl := g.get(model.KindPlace, capName, c.id())
			pl.country = c.id()
		}
	}
	// Nationality: adjectives and nouns, singular and plural.
	nat := g.get(model.KindNationality, firstDemonym(p.People.Nationality.Adj.Text, p.People.Nationality.Noun.Text), c.id())
	if nat.name == "" {
		delete(g.byID, nat.id())
		g.order = g.order[:len(g.order)-1]
		return nil
	}
	if nat.country == "country:north-korea" && c.id() == "country:south-korea" {
		nat.country = c.id() // "Korean" most often means South Korean
	}
	for _, f := range []string{p.People.Nationality.Adj.Text, p.People.Nationality.Noun.Text} {
		for _, d := range demonyms(f) {
			if nameIndex[model.Slug(d)] == nil { // "Congo", "Luxembourg": the country, not a demonym
				nat.add(d)
			}
		}
	}
	return nil
}

var demonymNote = regexp.MustCompile(`\((singular|plural|collective|colloquial|US |or )[^)]*\)|;.*$|note -.*$`)

// demonyms splits a factbook nationality field ("Briton(s), British (collective plural)",
// "Frenchman(men), Frenchwoman(women)") into words.
func demonyms(s string) []string {
	s = html.UnescapeString(s)
	s = demonymNote.ReplaceAllString(s, "")
	var out []string
	for _, part := range regexp.MustCompile(`,| or |/`).Split(s, -1) {
		part = strings.TrimSpace(part)
		if part == "" || part == "None" || part == "none" || part == "NA" {
			continue
		}
		if i := strings.Index(part, "("); i > 0 {
			base := strings.TrimSpace(part[:i])
			suf := strings.Trim(part[i:], "() ")
			out = append(out, base)
			switch {
			case suf == "s" || suf == "es":
				out = append(out, base+suf)
			case suf == "men" && strings.HasSuffix(base, "man"):
				out = append(out, strings.TrimSuffix(base, "man")+"men")
			case suf == "women" && strings.HasSuffix(base, "woman"):
				out = append(out, strings.TrimSuffix(base, "woman")+"women")
			}
			continue
		}
		if strings.ContainsAny(part, "()") || len(strings.Fields(part)) > 3 {
			continue
		}
		out = append(out, part)
	}
	return out
}

func firstDemonym(adj, noun string) string {
	for _, f := range []string{adj, noun} {
		if d := demonyms(f); len(d) > 0 {
			return d[0]
		}
	}
	return ""
}

func write(g *gazetteer, out string) error {
	ids := append([]string(nil), g.order...)
	sort.SliceStable(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var b strings.Builder
	b.WriteString("# id\tkind\tname\tcountry\taliases (|-separated). Generated by go run ./articles/entities/gazetteer/gen; do not edit.\n")
	for _, id := range ids {
		e := g.byID[id]
		if e == nil {
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s", id, e.kind, e.name, e.country, strings.Join(e.aliases, "|"))
		if e.world {
			b.WriteString("\tworld")
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	log.Printf("wrote %d entries to %s", len(ids), out)
	return nil
}
