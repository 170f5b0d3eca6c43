package quotes

import (
	"strings"
	"testing"

	"briefs/articles/entities"
	"briefs/model"
)

// traced runs entities and quotes with a trace on an invented brief body.
func traced(t *testing.T, x *entities.Extractor, body string) (*model.Article, *Trace) {
	t.Helper()
	a := &model.Article{Title: "Brief", Body: body}
	x.Extract(a)
	var tr Trace
	ExtractTrace(a, &tr)
	return a, &tr
}

// mentions reports whether some quotation's trace names the rule.
func (tr *Trace) mentions(rule string) bool {
	for _, q := range tr.Quotes {
		if q.KeepRule == rule || q.CueRule == rule || q.CueSubject == rule || q.Rule == rule {
			return true
		}
		for _, s := range q.Steps {
			if strings.HasSuffix(s, ": "+rule) || strings.Contains(s, ": "+rule+" (") {
				return true
			}
		}
	}
	return false
}

// TestRuleExamples runs every rule's example and checks the trace shows
// that rule deciding; rule names are unique and documented.
func TestRuleExamples(t *testing.T) {
	x, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, set := range [][]Rule{DropRules, CueRules, CueSpeakerRules, {CoordinatedRule, CausativeRule}, AttributionRules, {RankerRule}, InheritRules, ResolveRules} {
		for _, r := range set {
			if seen[r.Name] {
				t.Errorf("rule %q named twice", r.Name)
			}
			seen[r.Name] = true
			if r.Doc == "" || r.Example == "" {
				t.Errorf("rule %q: no doc or no example", r.Name)
				continue
			}
			t.Run(r.Name, func(t *testing.T) {
				_, tr := traced(t, x, r.Example)
				if !tr.mentions(r.Name) {
					var b strings.Builder
					_ = tr.Write(&b, 0)
					t.Errorf("example %q: rule %s does not decide; trace:\n%s", r.Example, r.Name, b.String())
				}
			})
		}
	}
}

// TestTraceOffSameQuotes checks ExtractTrace finds the quotes Extract finds.
func TestTraceOffSameQuotes(t *testing.T) {
	x, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range [][]Rule{DropRules, AttributionRules, InheritRules, ResolveRules} {
		for _, r := range set {
			a, tr := traced(t, x, r.Example)
			b := &model.Article{Title: a.Title, Body: a.Body, Entities: a.Entities}
			Extract(b)
			if len(a.Quotes) != len(b.Quotes) {
				t.Fatalf("%s: %d quotes traced, %d not", r.Name, len(a.Quotes), len(b.Quotes))
			}
			kept := 0
			for i := range a.Quotes {
				if a.Quotes[i] != b.Quotes[i] && (a.Quotes[i].Text != b.Quotes[i].Text || a.Quotes[i].Speaker != b.Quotes[i].Speaker) {
					t.Errorf("%s: quote %d differs with a trace", r.Name, i)
				}
			}
			for _, q := range tr.Quotes {
				if q.Kept {
					kept++
				}
			}
			if kept != len(a.Quotes) {
				t.Errorf("%s: trace keeps %d quotes, extraction %d", r.Name, kept, len(a.Quotes))
			}
		}
	}
}

// TestAttributionOrder checks that attribute tries its rules in the order
// AttributionRules documents.
func TestAttributionOrder(t *testing.T) {
	if len(attributionOrder) != len(AttributionRules) {
		t.Fatalf("%d rules run, %d documented", len(attributionOrder), len(AttributionRules))
	}
	for i, r := range attributionOrder {
		if r.name != AttributionRules[i].Name {
			t.Errorf("rule %d runs %s, documented %s", i, r.name, AttributionRules[i].Name)
		}
	}
}

// TestCueOrder checks that readCue tries its rules in the order CueRules documents.
func TestCueOrder(t *testing.T) {
	if len(cueOrder) != len(CueRules) {
		t.Fatalf("%d rules run, %d documented", len(cueOrder), len(CueRules))
	}
	for i, r := range cueOrder {
		if r.name != CueRules[i].Name {
			t.Errorf("rule %d runs %s, documented %s", i, r.name, CueRules[i].Name)
		}
	}
}
