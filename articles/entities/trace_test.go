package entities

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"briefs/model"
)

// TestExtractTraceSeed: on the built-in briefs the trace lists every
// entity Extract finds, each mention with the rules that made it, and
// names the rules behind known repairs.
func TestExtractTraceSeed(t *testing.T) {
	x := mustDefault(t)
	wantRules := map[string]map[string]string{ // file -> entity name -> a rule or link step
		"008_asean-manila-maritime.txt":    {"Second Thomas Shoal": "place-head"},
		"007_african-union-addis-talks.md": {"Norwegian Refugee Council": "nationality-body"},
		"003_security-council-haiti.md":    {"United Nations Security Council": "head-noun"},
	}
	for file, want := range wantRules {
		a := sampleArticle(t, file)
		b := *a
		x.Extract(a)
		tr := x.ExtractTrace(&b)
		if !reflect.DeepEqual(a.Entities, b.Entities) {
			t.Fatalf("%s: ExtractTrace found other entities than Extract", file)
		}
		if len(tr) != len(a.Entities) {
			t.Fatalf("%s: %d traces for %d entities", file, len(tr), len(a.Entities))
		}
		for k, et := range tr {
			if len(et.Mentions) != len(a.Entities[k].Mentions) {
				t.Errorf("%s: %s: %d mention traces for %d mentions", file, et.Entity.Name, len(et.Mentions), len(a.Entities[k].Mentions))
			}
			s := et.String()
			if !strings.HasPrefix(s, string(et.Entity.Kind)+" "+et.Entity.Name) {
				t.Errorf("trace does not open with the entity: %q", s)
			}
		}
		for name, rule := range want {
			i := slices.IndexFunc(tr, func(e EntityTrace) bool { return e.Entity.Name == name })
			if i < 0 {
				t.Errorf("%s: no entity %q", file, name)
				continue
			}
			s := tr[i].String()
			if !slices.Contains(tr[i].RuleNames(), rule) && !strings.Contains(s, "link "+rule+":") {
				t.Errorf("%s: %q: want %s in its trace:\n%s", file, name, rule, s)
			}
		}
	}
}

// TestTraceTaggerAndGazetteer: a trace names the tagger's labels and the gazetteer entry.
func TestTraceTaggerAndGazetteer(t *testing.T) {
	x := mustDefault(t)
	a := &model.Article{Body: "Fighters of the Taleban attacked a post near Kandahar. Later Taliban leaders denied it."}
	tr := x.ExtractTrace(a)
	i := slices.IndexFunc(tr, func(e EntityTrace) bool { return e.Entity.ID == "organization:taliban" })
	if i < 0 {
		t.Fatalf("no Taliban: %v", tr)
	}
	if len(tr[i].Mentions) != 2 {
		t.Errorf("Taleban and Taliban are not one entity: %v", tr[i])
	}
	for _, m := range tr[i].Mentions {
		if m.Gazetteer != "organization:taliban" || !strings.Contains(m.Link, "gazetteer") {
			t.Errorf("mention %q: gazetteer %q link %q", m.Text, m.Gazetteer, m.Link)
		}
	}
}

// TestTraceDropped: the trace lists the spans rules dropped, each with the
// rule's name, and not the spans that ended as entities.
func TestTraceDropped(t *testing.T) {
	x := mustDefault(t)
	a := &model.Article{Body: "The chief, dubbed Robocop by the press, was taken to Hospital in Leeds on Monday."}
	_, dropped := x.ExtractTraceDropped(a)
	got := map[string]string{}
	for _, d := range dropped {
		got[d.Text] = d.Rule
		if a.Body[d.Start:d.End] != d.Text || d.Field != model.FieldBody {
			t.Errorf("dropped span %v: offsets do not give its text", d)
		}
		if !strings.Contains(d.String(), "dropped by "+d.Rule) {
			t.Errorf("String() = %q", d.String())
		}
	}
	for text, rule := range map[string]string{"Robocop": "nickname", "Hospital": "common-institution"} {
		if got[text] != rule {
			t.Errorf("%s: dropped by %q, want %q (all: %v)", text, got[text], rule, dropped)
		}
	}
	if _, ok := got["Leeds"]; ok {
		t.Errorf("Leeds, an entity, listed as dropped: %v", dropped)
	}
	off, _ := x.Without("nickname", "common-institution").ExtractTraceDropped(&model.Article{Body: a.Body})
	if len(off) == 0 {
		t.Fatal("no entities without the two rules")
	}
}
