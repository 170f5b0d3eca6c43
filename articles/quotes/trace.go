package quotes

import (
	"fmt"
	"io"
	"strings"

	"briefs/model"
)

// Trace records, for each quotation of an article, why it was kept or
// dropped and how its speaker was found: the rules that decided, the cue,
// the candidates, and each coreference step. ExtractTrace fills it; Extract
// keeps none (the trace costs a nil check when off).
type Trace struct {
	Quotes []QuoteTrace
}

// QuoteTrace is the story of one quotation.
type QuoteTrace struct {
	Field      model.Field
	Start, End int    // the quoted words
	Text       string // the quoted words (the first paragraph's, for one running over several)
	Marks      string // the opening and closing marks as written, with their offsets
	Kept       bool
	KeepRule   string // the rule that kept or dropped it (see DropRules)
	Number     int    // 1-based position among the article's quotes when kept, else 0
	Cue        string // the speech cue, as written
	CueRule    string // the rule that read the cue (see CueRules)
	CueSubject string // the rule that found the cue's speaker (see CueSpeakerRules)
	Candidates []Candidate
	Rule       string // the rule that chose the speaker (see AttributionRules, InheritRules)
	Speaker    string
	Phrase     string   // the words that name or stand for the speaker, as written
	Steps      []string // coreference steps ("he -> Lavrov: pronoun-last-speaker")
	Ranker     string   // what the ranker weighed ("ranker: score 0.83 over X 0.41"), "" when it did not run
}

// Candidate is a speaker the quotation's sentence offers: the speaker of
// each of its cues, and its subject.
type Candidate struct {
	Phrase string  // as written
	Name   string  // as resolved
	Source string  // "cue:said" or "subject"
	Score  float64 // 0 when the choice is by rule, not by score
	Chosen bool
}

// ExtractTrace sets a.Quotes as Extract does and fills tr with the story
// of every quotation, kept or dropped.
func ExtractTrace(a *model.Article, tr *Trace) {
	a.Quotes = nil
	if a.Title != "" {
		a.Quotes = append(a.Quotes, extractFieldTrace(a, model.FieldTitle, tr)...)
	}
	if a.Body != "" {
		a.Quotes = append(a.Quotes, extractFieldTrace(a, model.FieldBody, tr)...)
	}
	n := 0
	for i := range tr.Quotes {
		if tr.Quotes[i].Kept {
			n++
			tr.Quotes[i].Number = n
		}
	}
}

// fieldTrace is the trace of one field while it is extracted.
type fieldTrace struct {
	spans []spanTrace
	// steps are the coreference steps of each resolved phrase, by its offsets
	steps map[[2]int][]string
	// cues are every cue read, with its speaker
	cues []cueAt
	// ranked are the ranker's candidates of span rankedSpan, the last it weighed
	ranked     []rankCand
	rankedSpan int
}

// traceRank records what the ranker weighed for span k: its candidates with
// their scores, and which it chose (chosen, 0 for the rules' first choice).
func (st *fieldState) traceRank(k int, rc []rankCand, chosen int) {
	st.tr.ranked, st.tr.rankedSpan = append(st.tr.ranked[:0], rc...), k
	other := 0
	if chosen == 0 {
		other = 1
		for j := range rc {
			if j > 0 && rc[j].score > rc[other].score {
				other = j
			}
		}
	}
	c, o := rc[chosen], rc[other]
	how := "kept the rules' choice"
	if chosen != 0 {
		how = "overruled " + rc[0].rule
	}
	st.tr.spans[k].ranker = fmt.Sprintf("ranker: %s %.2f over %s %.2f (%s)", c.w.name, c.score, o.w.name, o.score, how)
}

// spanTrace is what attribution learnt about one span.
type spanTrace struct {
	rule   string
	cue    *cueAt
	cands  []Candidate
	ranker string
}

// step records a coreference step of the phrase w stands for.
func (t *fieldTrace) step(w *who, format string, args ...any) {
	k := [2]int{w.start, w.end}
	t.steps[k] = append(t.steps[k], fmt.Sprintf(format, args...))
}

// resetSteps forgets the steps of an earlier resolution of the same phrase.
func (t *fieldTrace) resetSteps(start, end int) {
	delete(t.steps, [2]int{start, end})
}

// candidates lists the speakers of the sentence's cues.
func candidatesOf(cs []cueAt, chosen *who) []Candidate {
	var out []Candidate
	for _, c := range cs {
		if c.w == nil {
			continue
		}
		out = append(out, Candidate{Phrase: c.w.phrase, Name: c.w.name, Source: "cue:" + c.w.cue, Chosen: c.w == chosen})
	}
	return out
}

// Write prints the trace, one block per quotation; with only > 0, only the
// quote of that number.
func (tr *Trace) Write(w io.Writer, only int) error {
	for _, q := range tr.Quotes {
		if only > 0 && q.Number != only {
			continue
		}
		if err := q.write(w); err != nil {
			return err
		}
	}
	return nil
}

func (q *QuoteTrace) write(w io.Writer) error {
	var b strings.Builder
	if q.Kept {
		fmt.Fprintf(&b, "quote %d", q.Number)
	} else {
		b.WriteString("dropped")
	}
	fmt.Fprintf(&b, " (%s %d-%d): %q\n", q.Field, q.Start, q.End, clip(q.Text, 100))
	fmt.Fprintf(&b, "  marks: %s\n", q.Marks)
	if q.Kept {
		fmt.Fprintf(&b, "  kept: %s\n", q.KeepRule)
	} else {
		fmt.Fprintf(&b, "  dropped: %s\n", q.KeepRule)
	}
	if q.Cue != "" {
		fmt.Fprintf(&b, "  cue: %q by %s; its speaker by %s\n", q.Cue, q.CueRule, q.CueSubject)
	}
	for _, c := range q.Candidates {
		mark := " "
		if c.Chosen {
			mark = "*"
		}
		fmt.Fprintf(&b, "  candidate %s %q -> %q (%s)", mark, c.Phrase, c.Name, c.Source)
		if c.Score != 0 {
			fmt.Fprintf(&b, " score %.3f", c.Score)
		}
		b.WriteByte('\n')
	}
	switch {
	case q.Speaker == "" && q.Rule != "":
		fmt.Fprintf(&b, "  speaker: none, by %s\n", q.Rule)
	case q.Speaker != "":
		fmt.Fprintf(&b, "  speaker: %q by %s", q.Speaker, q.Rule)
		if q.Phrase != "" && q.Phrase != q.Speaker {
			fmt.Fprintf(&b, " (written %q)", q.Phrase)
		}
		b.WriteByte('\n')
	default:
		b.WriteString("  speaker: none\n")
	}
	if q.Ranker != "" {
		fmt.Fprintf(&b, "  %s\n", q.Ranker)
	}
	for _, s := range q.Steps {
		fmt.Fprintf(&b, "  step: %s\n", s)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "..."
}

// traceDirect records what attribute decided for span k in its sentence.
func (st *fieldState) traceDirect(k int, rule string, cs []cueAt, cue int, w *who) {
	t := spanTrace{rule: rule, cands: candidatesOf(cs, w), ranker: st.tr.spans[k].ranker}
	if rc := st.tr.ranked; len(rc) > 0 && st.tr.rankedSpan == k {
		t.cands = t.cands[:0]
		for _, c := range rc {
			t.cands = append(t.cands, Candidate{Phrase: c.w.phrase, Name: c.w.name, Source: "rule:" + c.rule, Score: c.score, Chosen: c.w == w})
		}
	}
	if cue >= 0 {
		c := cs[cue]
		t.cue = &c
	}
	st.tr.spans[k] = t
}

// traceQuote records span k (through last, for a quotation over several
// paragraphs) with its final speaker w and the reason it is dropped ("" keeps it).
func (st *fieldState) traceQuote(tr *Trace, k, last int, w *who, reason string) {
	s, e := st.spans[k], st.spans[last]
	q := QuoteTrace{Field: st.field, Start: s.start, End: e.end, Text: st.text[s.start:e.end], Kept: reason == ""}
	q.Marks = fmt.Sprintf("%s at %d", strings.TrimSpace(st.text[s.open:s.start]), s.open)
	if _, n, ok := markAt(st.text, min(e.close, len(st.text)-1)); ok && e.close < len(st.text) {
		q.Marks += fmt.Sprintf(", %s at %d", st.text[e.close:e.close+n], e.close)
	} else {
		q.Marks += ", not closed in its paragraph"
	}
	if last > k {
		q.Marks += fmt.Sprintf(" (over %d paragraphs)", e.para-s.para+1)
	}
	switch {
	case reason != "":
		q.KeepRule = reason
	case isChant(st.text, s):
		q.KeepRule = ruleChant
	case w != nil:
		q.KeepRule = ruleAttributed
	default:
		q.KeepRule = ruleUnattributed
	}
	t := st.tr.spans[k]
	q.Rule, q.Candidates, q.Ranker = t.rule, t.cands, t.ranker
	if w != nil {
		st.traceSpeaker(&q, w, t.cue)
	}
	tr.Quotes = append(tr.Quotes, q)
}

// traceSpeaker fills q's speaker, cue and coreference steps from w.
func (st *fieldState) traceSpeaker(q *QuoteTrace, w *who, c *cueAt) {
	q.Speaker, q.Phrase, q.Cue = w.name, w.phrase, w.cue
	if c == nil || c.w != w {
		c = nil
		for i := len(st.tr.cues) - 1; i >= 0; i-- {
			if st.tr.cues[i].w == w {
				c = &st.tr.cues[i]
				break
			}
		}
	}
	if c != nil {
		q.CueRule, q.CueSubject = c.rule, c.subj
	} else if w.cue != "" {
		q.CueRule, q.CueSubject = q.Rule, q.Rule
	}
	q.Steps = st.tr.steps[[2]int{w.start, w.end}]
}

// traceInner records a quotation quoted inside one with the speaker w.
func (st *fieldState) traceInner(tr *Trace, in span, w *who) {
	q := QuoteTrace{Field: st.field, Start: in.start, End: in.end, Text: st.text[in.start:in.end], Kept: true, KeepRule: ruleAttributed, Rule: ruleInnerQuotation}
	q.Marks = fmt.Sprintf("%s at %d, inside the quotation around it", strings.TrimSpace(st.text[in.open:in.start]), in.open)
	st.traceSpeaker(&q, w, nil)
	tr.Quotes = append(tr.Quotes, q)
}
