// Package testbriefs loads the hand-written fiction briefs in ui/testdata for
// the reader's tests, and marks their entities and quotes by hand-made rules
// so the reader can be tested without the extractors.
package testbriefs

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"briefs/articles/samples"
	"briefs/model"
)

// Dir is the folder of fiction briefs, found from this file so any test package can use it.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "briefs")
}

// Load reads every .txt brief in dir, in name order: the first line is the
// title, the rest paragraphs separated by blank lines. Each gets a date a
// day apart, so the list shows dates.
func Load(dir string) ([]model.Article, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	sort.Strings(names)
	var arts []model.Article
	for i, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read brief: %w", err)
		}
		a := Parse(string(b))
		a.Source = filepath.Join("briefs", filepath.Base(name)) // labelled "briefs", the folder
		a.Published = time.Date(2026, 3, 2+i, 0, 0, 0, 0, time.UTC)
		arts = append(arts, a)
	}
	return arts, nil
}

// MustLoad is Load for tests that cannot go on without the briefs.
func MustLoad(tb testing.TB) []model.Article {
	tb.Helper()
	arts, err := Load(Dir())
	if err != nil {
		tb.Fatal(err)
	}
	if len(arts) == 0 {
		tb.Fatalf("no briefs in %s", Dir())
	}
	return arts
}

// Parse makes an article of a title line and blank-line separated paragraphs.
func Parse(text string) model.Article {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	title, rest, _ := strings.Cut(strings.TrimSpace(text), "\n")
	var paras []string
	for _, p := range strings.Split(rest, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	a := model.Article{Title: strings.TrimSpace(title), Body: strings.Join(paras, model.ParagraphSep)}
	a.ID = model.ArticleID(a.Title, a.Body)
	return a
}

// Spec names an entity to mark: every whole-word occurrence of Name and its aliases is a mention.
type Spec struct {
	Name    string
	Kind    model.EntityKind
	Aliases []string
}

// Annotate marks the given entities in the title and body, and every
// double-quoted passage of the body as a quote, its speaker the person
// mentioned nearest to it in the same paragraph. Longer names win over the
// shorter ones inside them ("Russian Federation" over "Russian").
func Annotate(a *model.Article, specs []Spec) {
	type form struct {
		text string
		spec int
	}
	var forms []form
	for i, s := range specs {
		for _, f := range append([]string{s.Name}, s.Aliases...) {
			forms = append(forms, form{f, i})
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].text) > len(forms[j].text) })
	found := make([][]model.Mention, len(specs))
	for _, f := range []model.Field{model.FieldTitle, model.FieldBody} {
		text := a.Text(f)
		taken := make([]bool, len(text))
		for _, fm := range forms {
			for from := 0; ; {
				i := strings.Index(text[from:], fm.text)
				if i < 0 {
					break
				}
				start, end := from+i, from+i+len(fm.text)
				from = end
				if !boundary(text, start-1) || !boundary(text, end) || slices.Contains(taken[start:end], true) {
					continue
				}
				for k := start; k < end; k++ {
					taken[k] = true
				}
				found[fm.spec] = append(found[fm.spec], model.Mention{Field: f, Start: start, End: end, Text: fm.text})
			}
		}
	}
	a.Entities = nil
	for i, s := range specs {
		ms := found[i]
		if len(ms) == 0 {
			continue
		}
		slices.SortFunc(ms, func(x, y model.Mention) int {
			if x.Field != y.Field {
				return strings.Compare(string(y.Field), string(x.Field)) // title first
			}
			return x.Start - y.Start
		})
		a.Entities = append(a.Entities, model.Entity{
			ID: model.EntityID(s.Kind, s.Name), Name: s.Name, Kind: s.Kind,
			Aliases: append([]string{s.Name}, s.Aliases...), Mentions: ms,
		})
	}
	a.Quotes = quotes(a)
}

func boundary(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return true
	}
	c := text[i]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80)
}

// quotes finds "..." passages and gives each the nearest person in its paragraph as speaker.
func quotes(a *model.Article) []model.Quote {
	var out []model.Quote
	body := a.Body
	for from := 0; ; {
		i := strings.IndexByte(body[from:], '"')
		if i < 0 {
			break
		}
		start := from + i + 1
		j := strings.IndexByte(body[start:], '"')
		if j < 0 {
			break
		}
		end := start + j
		from = end + 1
		q := model.Quote{Field: model.FieldBody, Start: start, End: end, Text: body[start:end], Cue: "said"}
		if e, m := nearestPerson(a, start, end); e != nil {
			q.Speaker = e.Name
			q.SpeakerEntity = e.ID
			q.SpeakerMention = m
		}
		out = append(out, q)
	}
	return out
}

func nearestPerson(a *model.Article, start, end int) (*model.Entity, *model.Mention) {
	pStart := strings.LastIndex(a.Body[:start], model.ParagraphSep) + 1
	pEnd := len(a.Body)
	if k := strings.Index(a.Body[end:], model.ParagraphSep); k >= 0 {
		pEnd = end + k
	}
	best, bestDist := -1, 1<<30
	var bestE *model.Entity
	var bestM *model.Mention
	for ei := range a.Entities {
		e := &a.Entities[ei]
		if e.Kind != model.KindPerson {
			continue
		}
		for mi := range e.Mentions {
			m := &e.Mentions[mi]
			if m.Field != model.FieldBody || m.Start < pStart || m.End > pEnd || (m.Start >= start && m.End <= end) {
				continue
			}
			d := min(abs(m.Start-end), abs(start-m.End))
			if d < bestDist {
				best, bestDist, bestE, bestM = mi, d, e, m
			}
		}
	}
	if best < 0 {
		return nil, nil
	}
	mc := *bestM
	return bestE, &mc
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// SeedSpecs are the entities a careful reader finds in the seed brief (facts:
// names and kinds), for marking it by hand in the reader's tests.
var SeedSpecs = []Spec{
	{Name: "Donald Trump", Kind: model.KindPerson, Aliases: []string{"Trump"}},
	{Name: "Bashar al-Assad", Kind: model.KindPerson, Aliases: []string{"Bashar Assad", "Assad"}},
	{Name: "Tillerson", Kind: model.KindPerson},
	{Name: "Lavrov", Kind: model.KindPerson},
	{Name: "Putin", Kind: model.KindPerson},
	{Name: "Vladimir Safronkov", Kind: model.KindPerson},
	{Name: "United States", Kind: model.KindCountry, Aliases: []string{"United States of America", "US", "U.S."}},
	{Name: "Russia", Kind: model.KindCountry, Aliases: []string{"Russian Federation"}},
	{Name: "Syria", Kind: model.KindCountry},
	{Name: "Moscow", Kind: model.KindPlace},
	{Name: "Washington", Kind: model.KindPlace},
	{Name: "United Nations", Kind: model.KindOrganization, Aliases: []string{"UN"}},
	{Name: "Kremlin", Kind: model.KindOrganization},
	{Name: "Syrian", Kind: model.KindNationality},
	{Name: "Russian", Kind: model.KindNationality},
	{Name: "American", Kind: model.KindNationality},
}

// Seed returns the seed brief from the built-in samples, cleaned as the
// reader receives it (one title, no "Related news"), with SeedSpecs and its
// quotes marked by Annotate. It reads the sample itself so that the reader's
// tests do not depend on the source readers.
func Seed(tb testing.TB) model.Article {
	tb.Helper()
	data, err := fs.ReadFile(samples.FS, samples.SeedName)
	if err != nil {
		tb.Fatalf("read the seed sample: %v", err)
	}
	a := Parse(string(data))
	var paras []string
	for _, p := range a.Paragraphs() {
		if p != a.Title && p != "Related news" {
			paras = append(paras, p)
		}
	}
	a.Body = strings.Join(paras, model.ParagraphSep)
	a.ID = model.ArticleID(a.Title, a.Body)
	a.Source = samples.SeedName
	Annotate(&a, SeedSpecs)
	return a
}
