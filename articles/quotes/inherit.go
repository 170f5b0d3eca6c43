package quotes

import (
	"sort"
	"strings"
)

// Stage: inherit. A quotation with no speaker in its sentence takes one from
// the quotations and cues around it (InheritRules).

// noteSpeaker records the speaker of a quotation found without a cue (a
// byline, a colon, a sentence's subject) as an event, so that later
// pronouns can stand for it; a cue's speaker is recorded already.
func (st *fieldState) noteSpeaker(w *who, para int) {
	// a cue's speaker is among the sentence's last few events
	for i := len(st.events) - 1; i >= 0 && i >= len(st.events)-16; i-- {
		if st.events[i].w == w {
			return
		}
	}
	st.events = append(st.events, event{para: para, pos: w.start, w: w})
}

// inherit gives a cue-less quotation the speaker of the quotation or speech
// cue before it: in the same paragraph, or the previous paragraph's last
// quotation when that paragraph ends with it (or with a colon).
func (st *fieldState) inherit(spans []span, final []*who, k int) (*who, string) {
	s := spans[k]
	// same paragraph: the last speech event before the quotation
	var best *event
	for i := len(st.events) - 1; i >= 0; i-- {
		e := &st.events[i]
		if e.para < s.para {
			break
		}
		if e.para == s.para && e.pos < s.open {
			best = e
			break
		}
	}
	if best != nil {
		return best.w, ruleInheritSamePara
	}
	if w := st.paragraphSubject(spans, k); w != nil {
		return w, ruleInheritParaSubject
	}
	if s.para == 0 {
		return nil, ""
	}
	// previous paragraph: its last quotation, when nothing else follows it, or a colon-ended cue
	prev := st.paras[s.para-1]
	tail := strings.TrimSpace(st.text[prev.start:prev.end])
	prevQuoted := false
	for j := k - 1; j >= 0; j-- {
		if spans[j].para < s.para-1 {
			break
		}
		prevQuoted = prevQuoted || spans[j].para == s.para-1
		if spans[j].para == s.para-1 && final[j] != nil {
			// the quotation's sentence ends the paragraph ("...," X told Y.)
			if !newSentenceIn(st.text[spans[j].close:prev.end]) {
				return final[j], ruleInheritPrevQuote
			}
			break
		}
	}
	// "Carter said that ... .¶¶"Q"": a paragraph of reported speech with no
	// quotation, then a paragraph that opens with one
	if !prevQuoted && (k == 0 || spans[k-1].para < s.para) && opensParagraph(st.text, st.paras[s.para], s) {
		i := sort.Search(len(st.events), func(i int) bool { return st.events[i].para >= s.para }) - 1
		if i >= 0 && st.events[i].para == s.para-1 && (st.events[i].w.person || st.events[i].w.entity != "") {
			return st.events[i].w, ruleInheritReported
		}
	}
	// "Holm praised the plan.¶¶"Q"": a paragraph about a named person, with
	// no quotation, then a paragraph that opens with one: the last person
	// that paragraph made the subject of a sentence
	if !prevQuoted && (k == 0 || spans[k-1].para < s.para) && opensParagraph(st.text, st.paras[s.para], s) {
		i := sort.Search(len(st.subjects), func(i int) bool { return st.subjects[i].para >= s.para }) - 1
		for ; i >= 0 && st.subjects[i].para == s.para-1; i-- {
			if w := st.subjects[i].w; w.person && w.entity != "" {
				return w, ruleInheritSubject
			}
		}
	}
	if strings.HasSuffix(tail, ":") {
		for i := len(st.events) - 1; i >= 0; i-- {
			if st.events[i].para == s.para-1 {
				return st.events[i].w, ruleInheritColonCue
			}
		}
		// "President Clinton released the following statement:"
		for i := len(st.subjects) - 1; i >= 0; i-- {
			if st.subjects[i].para == s.para-1 {
				return st.subjects[i].w, ruleInheritColonSubject
			}
		}
	}
	return nil, ""
}

// paragraphSubject: "Sanders named bigotry as one reason. "Q."": a
// quotation with no cue, opening a sentence after one whose subject is a
// named person, with no quotation between them, is that person's; else nil.
func (st *fieldState) paragraphSubject(spans []span, k int) *who {
	s := spans[k]
	if opensParagraph(st.text, st.paras[s.para], s) {
		return nil
	}
	// the sentence's own subject, not a person a role in commas introduced
	i := sort.Search(len(st.subjects), func(i int) bool { return st.subjects[i].pos >= s.open }) - 1
	for i >= 0 && st.subjects[i].intro {
		i--
	}
	if i < 0 || st.subjects[i].para != s.para {
		return nil
	}
	// no quotation between the subject and this one (a quoted title before
	// the subject, "On "Face the Nation," X ...", is none)
	if k > 0 && spans[k-1].para == s.para && spans[k-1].open > st.subjects[i].pos {
		return nil
	}
	if w := st.subjects[i].w; w.person && w.entity != "" {
		return w
	}
	return nil
}

// byline reads a paragraph that only signs the quotation before it
// ("- Sanders.", "—Maria Lopez, Denver"): a dash, then a name.
func (st *fieldState) byline(items []item, para int) *who {
	if len(items) < 2 || len(items) > 16 || items[0].kind != itemPunct || !strings.Contains("-—―–", items[0].text) || !items[1].capitalised() {
		return nil
	}
	for _, it := range items {
		if it.kind == itemQuote {
			return nil
		}
	}
	a, b := forwardNP(items, 1, len(items))
	if b <= a {
		return nil
	}
	return st.resolve(items, a, b, appositive(items, b, len(items)), para)
}

// newSentenceIn reports whether a new sentence starts in s: a full stop,
// question or exclamation mark, a space and a capital letter.
func newSentenceIn(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' && s[i+2] >= 'A' && s[i+2] <= 'Z' {
			// "Sen. Warren" and "U.S. Senate" do not end sentences
			j := i
			for j > 0 && s[j-1] != ' ' {
				j--
			}
			if w := strings.ToLower(strings.Trim(s[j:i], "(")); abbreviations[w] || len(w) <= 1 || strings.Contains(w, ".") {
				continue
			}
			return true
		}
	}
	return false
}

// opensParagraph reports whether the quotation s is the first thing in its paragraph.
func opensParagraph(text string, p paragraph, s span) bool {
	return strings.TrimSpace(text[p.start:s.open]) == ""
}

// repeatedWords gives the quotation k, with no speaker of its own, the
// speaker of an earlier quotation whose words it repeats: four words or more
// of one run in the other ("things will work out fine" said by X, then
// "Things will work out fine between ..." alone), or nil.
func (st *fieldState) repeatedWords(final []*who, k int) *who {
	s := st.spans[k]
	mine := quoteWords(st.text[s.start:s.end])
	if len(mine) < minRepeatedWords {
		return nil
	}
	for j := k - 1; j >= 0; j-- {
		if final[j] == nil || st.spans[j].group == s.group {
			continue
		}
		sj := st.spans[j]
		theirs := quoteWords(st.text[sj.start:sj.end])
		if len(theirs) >= minRepeatedWords && (containsRun(mine, theirs) || containsRun(theirs, mine)) {
			return final[j]
		}
	}
	return nil
}

// minRepeatedWords is the shortest run of words repeatedWords takes for a repetition.
const minRepeatedWords = 4

// quoteWords returns the words of a quotation, lower case, punctuation trimmed.
func quoteWords(q string) []string {
	f := strings.Fields(strings.ToLower(q))
	out := f[:0]
	for _, w := range f {
		if w = strings.Trim(w, ".,;:!?\"'“”‘’()"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// containsRun reports whether the words of run appear in words, in a row.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		ok := true
		for m := range run {
			if words[i+m] != run[m] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
