package corpustest

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"briefs/articles"
	"briefs/articles/entities"
	"briefs/articles/index"
	"briefs/articles/source"
	"briefs/model"
)

// loadSamples loads and extracts the built-in briefs and indexes them with
// the gazetteer as resolver.
func loadSamples(t testing.TB) ([]model.Article, *index.Index) {
	t.Helper()
	arts, _, err := articles.Load(context.Background(), nil, source.Options{})
	if err != nil {
		t.Fatalf("load samples: %v", err)
	}
	if len(arts) < 5 {
		t.Fatalf("only %d sample briefs", len(arts))
	}
	x, err := entities.Default()
	if err != nil {
		t.Fatalf("entity model: %v", err)
	}
	return arts, index.Build(arts, x)
}

func hitIDs(t *testing.T, ix *index.Index, q string) []string {
	t.Helper()
	res, err := ix.Search(q, 0)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ArticleID)
	}
	sort.Strings(out)
	return out
}

// namingAny returns the ids of the articles that list an entity with one of these ids.
func namingAny(arts []model.Article, ids []string) []string {
	var out []string
	for _, a := range arts {
		for _, id := range ids {
			if a.EntityByID(id) != nil {
				out = append(out, a.ID)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestSamplesAliasQueriesFindTheSameBriefs(t *testing.T) {
	arts, ix := loadSamples(t)
	// every alias of these entities, as written and folded otherwise, finds
	// exactly the briefs that name the entity (under any id tied to it)
	for _, name := range []string{"Russia", "United States", "United Nations"} {
		st, ok := ix.Entity(name)
		if !ok {
			t.Errorf("%s is not in the samples", name)
			continue
		}
		members := st.Members
		if len(members) == 0 {
			members = []string{st.ID}
		}
		want := namingAny(arts, members)
		if len(want) < 2 {
			t.Errorf("%s is named in %d samples: the test needs at least 2", name, len(want))
			continue
		}
		queries := []string{"entity:" + st.ID}
		forms := 0
		for _, al := range st.Aliases {
			if id, _ := ix.Resolve(al); id != st.ID {
				continue // a form another entity uses more: ambiguous, not an alias of this one
			}
			forms++
			queries = append(queries, al, strings.ToUpper(al), strings.ToLower(strings.ReplaceAll(al, ".", "")),
				`entity:"`+al+`"`)
		}
		if forms < 2 {
			t.Errorf("%s: only %d surface forms of its own in %q", st.ID, forms, st.Aliases)
		}
		if st.ID == "country:russia" {
			queries = append(queries, "russian federation", "RUSSIAN FEDERATION")
		}
		for _, q := range queries {
			if got := hitIDs(t, ix, q); !slices.Equal(got, want) {
				t.Errorf("%q found %d briefs, %s is named in %d", q, len(got), st.ID, len(want))
			}
		}
	}
}

func TestSamplesSpeakerReturnsExactlyTheirQuotes(t *testing.T) {
	arts, ix := loadSamples(t)
	// every speaker entity of the samples
	speakers := map[string]bool{}
	for _, a := range arts {
		for _, q := range a.Quotes {
			if q.SpeakerEntity != "" {
				speakers[q.SpeakerEntity] = true
			}
		}
	}
	if len(speakers) < 3 {
		t.Fatalf("only %d speaker entities in the samples", len(speakers))
	}
	for sp := range speakers {
		canon, ok := ix.Resolve(sp)
		if !ok {
			t.Errorf("speaker %s not resolved", sp)
			continue
		}
		st, _ := ix.Entity(canon)
		members := st.Members
		if len(members) == 0 {
			members = []string{canon}
		}
		type key struct {
			id    string
			start int
		}
		var want []key
		for _, a := range arts {
			for _, q := range a.Quotes {
				if slices.Contains(members, q.SpeakerEntity) {
					want = append(want, key{a.ID, q.Start})
				}
			}
		}
		var got []key
		for _, q := range ix.Quotes(canon, "") {
			got = append(got, key{q.ArticleID, q.Quote.Start})
			if q.SpeakerID != canon {
				t.Errorf("quote of %s reports speaker %s", canon, q.SpeakerID)
			}
		}
		cmp := func(a, b key) int {
			if a.id != b.id {
				if a.id < b.id {
					return -1
				}
				return 1
			}
			return a.start - b.start
		}
		slices.SortFunc(want, cmp)
		slices.SortFunc(got, cmp)
		if !slices.Equal(got, want) {
			t.Errorf("Quotes(%s): %d quotes, want %d", canon, len(got), len(want))
		}
		// speaker: in a query finds exactly the briefs those quotes are in
		var wantDocs []string
		for _, k := range want {
			if !slices.Contains(wantDocs, k.id) {
				wantDocs = append(wantDocs, k.id)
			}
		}
		sort.Strings(wantDocs)
		if got := hitIDs(t, ix, "speaker:"+canon); !slices.Equal(got, wantDocs) {
			t.Errorf("speaker:%s found %v, want %v", canon, got, wantDocs)
		}
	}
}

func TestSamplesANDNarrows(t *testing.T) {
	arts, ix := loadSamples(t)
	ids := func(name string) []string {
		st, ok := ix.Entity(name)
		if !ok {
			t.Fatalf("%s is not in the samples", name)
		}
		if len(st.Members) > 0 {
			return st.Members
		}
		return []string{st.ID}
	}
	russia, china := namingAny(arts, ids("Russia")), namingAny(arts, ids("China"))
	both := hitIDs(t, ix, "Russia AND China")
	implicit := hitIDs(t, ix, "entity:Russia entity:China")
	if !slices.Equal(both, implicit) {
		t.Errorf("AND %v, implicit %v", both, implicit)
	}
	if len(both) == 0 || len(both) >= len(russia) && len(both) >= len(china) {
		t.Fatalf("Russia %d, China %d, both %d: AND should narrow", len(russia), len(china), len(both))
	}
	for _, id := range both {
		if !slices.Contains(russia, id) || !slices.Contains(china, id) {
			t.Errorf("%s does not name both", id)
		}
	}
	for _, id := range russia {
		if slices.Contains(china, id) && !slices.Contains(both, id) {
			t.Errorf("%s names both but was not found", id)
		}
	}
}

// fold writes a name as a hurried user would: lower case, no accents, no hyphens.
func fold(s string) string {
	return strings.ReplaceAll(model.Slug(s), "-", " ")
}

func TestSamplesSurnameAndAccents(t *testing.T) {
	arts, ix := loadSamples(t)
	// people by surname, over the whole sample corpus
	bySurname := map[string]map[string]bool{}
	accented := map[string]string{} // id -> name with a letter outside ASCII
	for _, a := range arts {
		for _, e := range a.Entities {
			words := strings.Fields(e.Name)
			if e.Kind == model.KindPerson && len(words) >= 2 {
				last := strings.ToLower(words[len(words)-1])
				if bySurname[last] == nil {
					bySurname[last] = map[string]bool{}
				}
				bySurname[last][e.ID] = true
			}
			if strings.ContainsFunc(e.Name, func(r rune) bool { return r > 127 }) && model.Slug(e.Name) != "" {
				accented[e.ID] = e.Name
			}
		}
	}
	checked := 0
	for last, ids := range bySurname {
		if len(ids) != 1 || strings.ContainsAny(last, "-'’") {
			continue
		}
		for id := range ids {
			want, _ := ix.Resolve(id)
			if got, ok := ix.Resolve(last); !ok || got != want {
				t.Errorf("surname %q resolved to %q %v, want %q", last, got, ok, want)
			}
			checked++
		}
	}
	if checked < 5 {
		t.Errorf("only %d unique surnames checked", checked)
	}
	for id, name := range accented {
		want, _ := ix.Resolve(id)
		if got, ok := ix.Resolve(fold(name)); !ok || got != want {
			t.Errorf("%q (for %q) resolved to %q %v, want %q", fold(name), name, got, ok, want)
		}
	}
	// the most quoted person is suggested from the first letters of their name
	people := ix.Entities(model.KindPerson)
	if len(people) == 0 {
		t.Fatal("no people")
	}
	top := people[0]
	for _, p := range people {
		if p.Quotes > top.Quotes {
			top = p
		}
	}
	sugs := ix.Suggest(top.Name[:min(4, len(top.Name))], 5)
	if !slices.ContainsFunc(sugs, func(s index.Suggestion) bool { return s.ID == top.ID }) {
		t.Errorf("Suggest(%q) lacks %s: %+v", top.Name[:4], top.ID, sugs)
	}
	// hits of a person query carry the entity and a highlight
	res, err := ix.Search(top.Name, 0)
	if err != nil || res.Total != top.Articles {
		t.Errorf("%q: %d hits, named in %d (%v)", top.Name, res.Total, top.Articles, err)
	}
	for _, h := range res.Hits {
		if len(h.Entities) == 0 || len(h.Snippet.Highlights) == 0 {
			t.Errorf("hit %s lacks an entity or a highlight", h.ArticleID)
		}
	}
}
