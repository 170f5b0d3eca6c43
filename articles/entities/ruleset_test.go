package entities

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"briefs/articles/entities/tagger"
	"briefs/articles/entities/token"
	"briefs/model"
)

// entityPairs lists "name=kind" of the entities found in text.
func entityPairs(x *Extractor, text string) []string {
	a := &model.Article{Body: text}
	x.Extract(a)
	var out []string
	for _, e := range a.Entities {
		out = append(out, fmt.Sprintf("%s=%s", e.Name, e.Kind))
	}
	return out
}

var reMark = regexp.MustCompile(`\[([^\]]+)\]([A-Z]+)`)

// applyMarked runs rule r alone on text whose brackets mark the tagger's
// spans ("in [Central Europe]ORG") and returns "words=TYPE" of its result.
func applyMarked(x *Extractor, r *Rule, text string) []string {
	var plain strings.Builder
	type mark struct {
		start, end int
		typ        tagger.Type
	}
	var marks []mark
	last := 0
	for _, m := range reMark.FindAllStringSubmatchIndex(text, -1) {
		plain.WriteString(text[last:m[0]])
		st := plain.Len()
		plain.WriteString(text[m[2]:m[3]])
		marks = append(marks, mark{st, plain.Len(), tagger.ParseType(text[m[4]:m[5]])})
		last = m[1]
	}
	plain.WriteString(text[last:])
	toks := token.Tokenize(plain.String())
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Text
	}
	var tagged []tagger.Span
	for _, m := range marks {
		sp := tagger.Span{Start: -1, Type: m.typ}
		for i, t := range toks {
			if t.Start >= m.start && t.End <= m.end {
				if sp.Start < 0 {
					sp.Start = i
				}
				sp.End = i + 1
			}
		}
		tagged = append(tagged, sp)
	}
	s := &sentence{toks: toks, words: words, tagWords: words, paraStart: true}
	s.matches = x.gaz.Find(words, false)
	out := r.apply(x, &ruleCtx{s: s, words: words, tagged: tagged, matches: s.matches})
	var res []string
	for _, t := range out {
		res = append(res, strings.Join(words[t.Start:t.End], " ")+"="+t.Type.String())
	}
	return res
}

// TestRuleExamples: every rule's example is its own test. A marked example
// ("in [Central Europe]ORG") gives the rule those spans and wants Want of
// it alone; a plain one is extracted whole, and wants Want with the rule
// and something else without it.
func TestRuleExamples(t *testing.T) {
	x := mustDefault(t)
	seen := map[string]bool{}
	for _, r := range Rules {
		t.Run(r.Name, func(t *testing.T) {
			if seen[r.Name] {
				t.Fatalf("two rules are named %q", r.Name)
			}
			seen[r.Name] = true
			if r.Doc == "" || r.Example == "" || r.apply == nil {
				t.Fatal("a rule needs a doc, an example and a function")
			}
			var want []string
			if r.Want != "" {
				want = strings.Split(r.Want, "; ")
			}
			if reMark.MatchString(r.Example) {
				if got := applyMarked(x, r, r.Example); !slices.Equal(got, want) {
					t.Errorf("%q: got %q, want %q", r.Example, got, want)
				}
				return
			}
			with := entityPairs(x, r.Example)
			without := entityPairs(x.Without(r.Name), r.Example)
			for _, w := range want {
				if !slices.Contains(with, w) {
					t.Errorf("%q: want %s, got %v", r.Example, w, with)
				}
			}
			if slices.Equal(with, without) {
				t.Errorf("%q: the same without the rule: %v", r.Example, with)
			}
		})
	}
}

// TestWithoutKeepsOrder: switching rules off keeps the others in order.
func TestWithoutKeepsOrder(t *testing.T) {
	x := mustDefault(t)
	y := x.Without("grade", "dateline")
	if len(y.ruleList()) != len(Rules)-2 || y.Without().ruleList()[0] != Rules[0] {
		t.Fatalf("Without: %d rules", len(y.ruleList()))
	}
	for _, r := range y.ruleList() {
		if r.Name == "grade" || r.Name == "dateline" {
			t.Errorf("%s still runs", r.Name)
		}
	}
	if ruleNamed("grade") == nil || ruleNamed("no such rule") != nil {
		t.Error("ruleNamed")
	}
}

func mustDefault(t testing.TB) *Extractor {
	t.Helper()
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestLinkStepsOff: each linking step but collect-persons can be switched
// off, and switching head-noun off leaves "the Council" apart.
func TestLinkStepsOff(t *testing.T) {
	x := mustDefault(t)
	steps := LinkSteps()
	if len(steps) < 6 || steps[0].Name != "person-tail" {
		t.Fatalf("LinkSteps: %v", steps)
	}
	text := "The Harbour Safety Council met on Monday. Later the Council said it would meet again."
	with, without := entityPairs(x, text), entityPairs(x.Without("head-noun"), text)
	if len(with) != 1 || len(without) != 2 {
		t.Errorf("head-noun: with %v, without %v", with, without)
	}
}
