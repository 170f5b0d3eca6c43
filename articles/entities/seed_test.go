package entities

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefs/articles/samples"
	"briefs/model"
)

// seedExpected is the part of seed-expected.json the entity test checks.
type seedExpected struct {
	Title    string `json:"title"`
	Entities []struct {
		Canonical string         `json:"canonical"`
		Type      string         `json:"type"`
		Surface   map[string]int `json:"surface"`
		AlsoOK    []string       `json:"also_ok"`
	} `json:"entities"`
	NotEntities []string `json:"not_entities"`
}

// loadSeedExpected reads the spec from ../shared when it is there, else the copy in testdata.
func loadSeedExpected(t *testing.T) seedExpected {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "spec", "seed-expected.json")
	b, err := os.ReadFile(path)
	if err != nil {
		b, err = os.ReadFile(filepath.Join("testdata", "seed-expected.json"))
		if err != nil {
			t.Fatalf("read seed expectations: %v", err)
		}
	}
	var exp seedExpected
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatalf("parse seed expectations: %v", err)
	}
	return exp
}

// seedArticle builds the seed as the cleaner leaves it: the repeated title
// and the trailing "Related news" line removed.
func seedArticle(t *testing.T) *model.Article {
	t.Helper()
	b, err := samples.FS.ReadFile(samples.SeedName)
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	title, rest, _ := strings.Cut(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	title = strings.TrimSpace(title)
	var paras []string
	for _, p := range strings.Split(rest, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" || p == title || p == "Related news" {
			continue
		}
		paras = append(paras, p)
	}
	return &model.Article{Title: title, Body: strings.Join(paras, model.ParagraphSep)}
}

func TestSeedEntities(t *testing.T) {
	exp := loadSeedExpected(t)
	a := seedArticle(t)
	if a.Title != exp.Title {
		t.Fatalf("seed title %q, expected file says %q", a.Title, exp.Title)
	}
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	x.Extract(a)
	checkOffsets(t, a)
	for _, want := range exp.Entities {
		// The entity is the one holding the canonical form (or, failing that, the first surface form).
		var ent *model.Entity
		for i := range a.Entities {
			e := &a.Entities[i]
			if e.Name == want.Canonical || has(e.Aliases, want.Canonical) {
				ent = e
				break
			}
		}
		if ent == nil {
			t.Errorf("%s: not found", want.Canonical)
			continue
		}
		kinds := append([]string{want.Type}, want.AlsoOK...)
		if !has(kinds, string(ent.Kind)) {
			t.Errorf("%s: kind %s, want one of %v", want.Canonical, ent.Kind, kinds)
		}
		got := map[string]int{}
		titleSeen := map[string]bool{}
		for _, m := range ent.Mentions {
			if m.Field == model.FieldTitle {
				if titleSeen[m.Text] {
					continue
				}
				titleSeen[m.Text] = true
			}
			got[m.Text]++
		}
		for form, n := range want.Surface {
			if got[form] != n {
				t.Errorf("%s: surface %q tied %d times, want %d (mentions %v)", want.Canonical, form, got[form], n, got)
			}
		}
	}
	for _, not := range exp.NotEntities {
		word, _, _ := strings.Cut(not, " (")
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Text == word || strings.HasPrefix(m.Text, word+" ") {
					t.Errorf("%q reported as part of entity %s (%s)", word, e.Name, m.Text)
				}
			}
		}
	}
}

// checkOffsets asserts every mention's text is where its offsets say.
func checkOffsets(t *testing.T, a *model.Article) {
	t.Helper()
	for _, e := range a.Entities {
		if e.ID == "" || e.Name == "" || len(e.Mentions) == 0 || len(e.Aliases) == 0 {
			t.Errorf("incomplete entity %+v", e)
		}
		for _, m := range e.Mentions {
			text := a.Text(m.Field)
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %q at %s[%d:%d] does not match the text", e.Name, m.Text, m.Field, m.Start, m.End)
			}
		}
	}
}
