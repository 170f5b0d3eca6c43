package entities

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"briefs/articles/entities/tagger"
	"briefs/model"
)

// EntityTrace says how one entity of an article was found: by each of its
// mentions, what the tagger said of its words, the gazetteer entry that
// typed it, the rules that changed it and the linking step that tied it to
// the entity.
type EntityTrace struct {
	Entity   model.Entity
	Mentions []MentionTrace
}

// MentionTrace is the story of one mention.
type MentionTrace struct {
	model.Mention
	Tagger    string   // the tagger's labels of its words ("B-PER I-PER"), "" when it tagged none
	Margin    float32  // the smallest margin of those labels (tagger.TagDocMargins)
	Gazetteer string   // the gazetteer entry's id, "" when none
	Rules     []string // "rule: what it did", in the order they ran
	Link      string   // "step: detail" of the linking step that tied it, "" when it stands alone
}

// ExtractTrace extracts a's entities as Extract does (setting a.Entities)
// and returns, entity by entity, the decisions behind them. It costs
// Extract nothing when not called.
func (x *Extractor) ExtractTrace(a *model.Article) []EntityTrace {
	ents, _ := x.ExtractTraceDropped(a)
	return ents
}

// DroppedSpan is a span the tagger or a rule proposed that a later rule
// removed, leaving no entity there: "body 10-18 "Hospital": LOC dropped by
// common-institution".
type DroppedSpan struct {
	Field      model.Field
	Start, End int    // byte offsets in the field
	Text       string // the field's text there
	Type       string // the type it had: PER, LOC, ORG or MISC
	Rule       string // the rule that dropped it
}

// String is the span as `explain` prints it.
func (d DroppedSpan) String() string {
	return fmt.Sprintf("%s %d-%d %q: %s dropped by %s", d.Field, d.Start, d.End, d.Text, d.Type, d.Rule)
}

// ExtractTraceDropped is ExtractTrace also returning the spans rules
// dropped, in the order they were dropped; a span dropped by one rule and
// made again by a later one, or covered by an entity in the end, is not
// listed.
func (x *Extractor) ExtractTraceDropped(a *model.Article) ([]EntityTrace, []DroppedSpan) {
	tr := &traceBufs{tagged: map[spanPos]tagNote{}}
	x.extract(a, tr)
	why := map[spanPos]int{}
	for i, sp := range tr.link.spans {
		why[spanPos{sp.field, sp.start, sp.end}] = i
	}
	out := make([]EntityTrace, 0, len(a.Entities))
	for _, e := range a.Entities {
		et := EntityTrace{Entity: e}
		for _, m := range e.Mentions {
			mt := MentionTrace{Mention: m}
			pos := spanPos{m.Field, m.Start, m.End}
			if tn, ok := tr.tagged[pos]; ok {
				mt.Tagger, mt.Margin = tn.labels, tn.margin
			}
			if i, ok := why[pos]; ok {
				if gz := tr.link.spans[i].gz; gz != nil {
					mt.Gazetteer = gz.ID
				}
				mt.Link = tr.link.why[i]
			}
			for _, ev := range tr.events {
				if ev.field == m.Field && ev.start < m.End && m.Start < ev.end {
					mt.Rules = append(mt.Rules, ev.rule+": "+ev.what)
				}
			}
			et.Mentions = append(et.Mentions, mt)
		}
		out = append(out, et)
	}
	return out, tr.dropped(a)
}

// dropped lists the spans a rule dropped that no entity's mention overlaps.
func (tr *traceBufs) dropped(a *model.Article) []DroppedSpan {
	var out []DroppedSpan
	for _, ev := range tr.events {
		typ, ok := strings.CutPrefix(ev.what, "dropped ")
		if !ok || tr.mentioned(a, ev) || slices.ContainsFunc(out, func(d DroppedSpan) bool { return d.Field == ev.field && d.Start == ev.start && d.End == ev.end }) {
			continue
		}
		text := a.Body
		if ev.field == model.FieldTitle {
			text = a.Title
		}
		out = append(out, DroppedSpan{Field: ev.field, Start: ev.start, End: ev.end, Text: text[ev.start:ev.end], Type: typ, Rule: ev.rule})
	}
	return out
}

// mentioned reports whether an entity's mention overlaps the event's span.
func (tr *traceBufs) mentioned(a *model.Article, ev ruleEvent) bool {
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Field == ev.field && m.Start < ev.end && ev.start < m.End {
				return true
			}
		}
	}
	return false
}

// Format writes the trace as indented lines:
//
//	organization Taliban (organization:taliban)
//	  body 12-19 "Taleban": tagger B-ORG (margin 310); gazetteer organization:taliban; link gazetteer: organization:taliban
func (t EntityTrace) Format(w io.Writer) error {
	e := t.Entity
	if _, err := fmt.Fprintf(w, "%s %s (%s)\n", e.Kind, e.Name, e.ID); err != nil {
		return err
	}
	for _, m := range t.Mentions {
		var parts []string
		if m.Tagger != "" {
			parts = append(parts, fmt.Sprintf("tagger %s (margin %.0f)", m.Tagger, m.Margin))
		} else {
			parts = append(parts, "tagger O")
		}
		if m.Gazetteer != "" {
			parts = append(parts, "gazetteer "+m.Gazetteer)
		}
		for _, r := range m.Rules {
			parts = append(parts, "rule "+r)
		}
		if m.Link != "" {
			parts = append(parts, "link "+m.Link)
		}
		if _, err := fmt.Fprintf(w, "  %s %d-%d %q: %s\n", m.Field, m.Start, m.End, m.Text, strings.Join(parts, "; ")); err != nil {
			return err
		}
	}
	return nil
}

// String is Format into a string.
func (t EntityTrace) String() string {
	var b strings.Builder
	_ = t.Format(&b)
	return b.String()
}

// RuleNames returns the names of the rules that changed any mention, in
// order of first appearance.
func (t EntityTrace) RuleNames() []string {
	var out []string
	for _, m := range t.Mentions {
		for _, r := range m.Rules {
			name, _, _ := strings.Cut(r, ":")
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// traceBufs collects what ExtractTrace reports while an article is read.
type traceBufs struct {
	events []ruleEvent
	tagged map[spanPos]tagNote
	link   linkOut
}

type spanPos struct {
	field      model.Field
	start, end int
}

type tagNote struct {
	labels string
	margin float32
}

// ruleEvent is one rule changing the spans of a sentence: the span it left
// (or removed), in byte offsets of the field.
type ruleEvent struct {
	rule       string
	field      model.Field
	start, end int
	what       string
}

// noteRule records the spans of after that before did not have, and those
// before had that after dropped.
func (tr *traceBufs) noteRule(name string, s *sentence, before, after []tagger.Span) {
	for _, t := range after {
		if !slices.Contains(before, t) {
			tr.events = append(tr.events, ruleEvent{rule: name, field: s.field, start: s.toks[t.Start].Start, end: s.toks[t.End-1].End, what: "made " + t.Type.String()})
		}
	}
	for _, t := range before {
		if !slices.Contains(after, t) && !overlapsAny(after, t) {
			tr.events = append(tr.events, ruleEvent{rule: name, field: s.field, start: s.toks[t.Start].Start, end: s.toks[t.End-1].End, what: "dropped " + t.Type.String()})
		}
	}
}

// noteTagger records the tagger's labels and least margin for the words of each span.
func (tr *traceBufs) noteTagger(s *sentence, spans []span, labels []tagger.Label, margins []float32) {
	for _, sp := range spans {
		var ls []string
		least := float32(0)
		tagged := false
		for i, t := range s.toks {
			if t.Start < sp.start || t.End > sp.end {
				continue
			}
			ls = append(ls, labels[i].String())
			if labels[i] != 0 {
				tagged = true
			}
			if margins != nil && (len(ls) == 1 || margins[i] < least) {
				least = margins[i]
			}
		}
		if tagged {
			tr.tagged[spanPos{sp.field, sp.start, sp.end}] = tagNote{strings.Join(ls, " "), least}
		}
	}
}

func overlapsAny(list []tagger.Span, t tagger.Span) bool {
	for _, u := range list {
		if u.Start < t.End && t.Start < u.End {
			return true
		}
	}
	return false
}
