// Package quotes finds the quotations in an article and who said them.
//
// Detection takes every span between double quotation marks (straight,
// curly, guillemets; single quotes nest inside). A quotation that runs over
// several paragraphs (a paragraph opens it without closing it and the next
// opens with a mark) is one Quote from its first word to its last, the inner
// paragraph breaks and marks included; but a paragraph that opens with the
// other kind of mark and closes it is a quotation of its own (a block
// quotation in straight marks with quotations in curly ones inside it).
// Double marks paired inside a quotation (curly in straight, curly in
// curly) are words of it, not its end, and each such inner quotation is
// also a Quote of its own, with the outer one's speaker. A curly opener
// after the end of a sentence inside an open curly quotation starts the
// next quotation (the writer left the first unclosed). An unbalanced mark
// that nothing closes or continues yields nothing, and neither do a
// straight mark glued to the word before it with nothing open, markup
// attribute values (tweet="...") or heights (6'3").
//
// Attribution reads the sentence around each quotation for a speech cue
// ("said", "told", "according to", "telling X:", ...) and the speaker it
// names: "Q," X said / "Q," said X, ROLE / X said: "Q" / X said that "Q" /
// according to X, "Q" / "Q" ― X / X: "Q". A description with the name it
// describes between commas ("Congo’s foreign minister, Clarisse
// Mbuyi-Kalonji, said"; also as a sentence's subject, "Iran’s ambassador to
// the IAEA, Dariush Kamrani, dismissed ...") gives the name as speaker and
// the description as role (see appositive.go). A clause joined by ", and"
// with a subject of its own ("..., and Downing Street said") has its own
// speaker. Pronouns and descriptions ("he", "the minister", "the Iraqi
// minister") resolve to the last fitting speaker or sentence subject, or to
// the person named with that role and those modifiers; "the official" may
// stand for an unnamed "a senior US official" said just before. With no cue
// in its sentence, a quotation inside a sentence is its clause's subject's
// ("X dismissed Y as "Q""; not a passive one, "The text was drafted by ...,
// the Council's "penholders""), and a whole one keeps the speaker of the
// quotation or cue just before it (same or previous paragraph). Speakers
// are the article's person and organization entities when there are any
// (their canonical names and ids), else capitalised names found here (never
// words the entity extractor typed as a place or nationality), else the
// introducing phrase as written.
//
// Dropped as no quotation: quoted titles (title case after a possessive,
// "on" or "of"; or named as a work, "the reality show "Q"", "the "Q"
// podcast"), terms introduced as "so-called", and single quoted words
// nobody is said to have said (scare quotes). A chant ("chants of "Q"") is
// always kept: a crowd said it. Longer unattributed
// quotations are kept with an empty speaker: see keepUnattributed, isTitle,
// isWorkTitle and isSoCalled. TestSamplesAttribution lists every quotation
// of the built-in briefs with the speaker a careful reader gives.
//
// Scored with ../shared/eval/quotes.py on PolNeAR dev (briefs extract):
// quote F1 0.968 (P 0.950, R 0.987), attribution 0.943, pronoun
// attribution 0.891, end-to-end 0.940; train: F1 0.960, attribution 0.920.
// Of the 41 dev false positives, 20 are quotations the scorer cannot count
// (docs/quote-fp-reasons.py sorts them): 16 whose marks its pattern cannot
// read (opened or closed with a reversed mark, ”Like this.”, or holding the
// marks of a quotation inside them), 3 annotated as an attribution's second
// Content, which it does not read, and 1 whose annotated Content leaves
// the opening mark out. The rest are real quotations left outside every
// annotated attribution, and titles or scare quotes.
package quotes

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefs/model"
)

// itemBufs holds item buffers for extractField, so that the tokens of an
// article do not each time become garbage (a quarter of what extraction
// allocated on PolNeAR).
var itemBufs = sync.Pool{New: func() any { return new([]item) }}

// maxPooledItems bounds the buffers kept in itemBufs (4 MB).
const maxPooledItems = 1 << 16

// Extract sets a.Quotes from a.Title and a.Body. It uses a.Entities (person
// and organization mentions) to name speakers when they are there, and finds
// capitalised names itself when they are not.
func Extract(a *model.Article) {
	a.Quotes = nil
	if a.Title != "" {
		a.Quotes = append(a.Quotes, extractFieldTrace(a, model.FieldTitle, nil)...)
	}
	if a.Body != "" {
		a.Quotes = append(a.Quotes, extractFieldTrace(a, model.FieldBody, nil)...)
	}
}

// who is a resolved speaker.
type who struct {
	phrase     string // the words that name or stand for the speaker, as written
	start, end int    // where they are in the field
	name       string // the speaker a reader would give
	entity     string
	mention    *model.Mention
	role       string
	cue        string
	person     bool
	sure       bool // a person for sure (see nameRef.sure)
	plural     bool
	gender     byte // 'f', 'm' or 0 when unknown
}

// event is a speech cue with its speaker, in reading order.
type event struct {
	para, pos int
	w         *who
}

// fieldState is the work of one field.
type fieldState struct {
	a      *model.Article
	field  model.Field
	text   string
	paras  []paragraph
	spans  []span
	names  *nameIndex
	events []event
	// subjects are the persons that open sentences, for pronouns
	subjects []event
	// tr is the trace being kept, nil when none is (every use checks)
	tr *fieldTrace
}

// extractFieldTrace finds the quotes of one field, and with tr != nil
// records how each was kept and attributed.
func extractFieldTrace(a *model.Article, f model.Field, tr *Trace) []model.Quote {
	text := a.Text(f)
	paras := splitParagraphs(text)
	spans, inner := findSpans(text, paras)
	if len(spans) == 0 {
		return nil
	}
	opens := make(map[int]int, len(spans))
	for k, s := range spans {
		opens[s.open] = k
	}
	// the items of every paragraph, carved from one buffer reused by the
	// next field (nothing returned points into it)
	bp := itemBufs.Get().(*[]item)
	// written is how much of the buffer this field wrote: only that much
	// needs clearing (a buffer once grown for a long brief is mostly
	// untouched by the short ones after it, and clearing it all cost 5% of
	// extraction)
	written := 0
	defer func() {
		if cap(*bp) > maxPooledItems { // a huge brief's buffer is not kept
			return
		}
		clear((*bp)[:max(len(*bp), written)]) // drop the strings they point to
		*bp = (*bp)[:0]
		itemBufs.Put(bp)
	}()
	if want := len(text)/4 + len(paras); cap(*bp) < want {
		*bp = make([]item, 0, want)
	}
	buf := *bp
	paraItems := make([][]item, len(paras))
	low := lowerASCII(text)
	for pi, p := range paras {
		items := tokenize(buf[len(buf):], text, low, p, spans, opens)
		paraItems[pi] = items[:len(items):len(items)]
		if len(items) > 0 && cap(items) > 0 && &items[:cap(items)][cap(items)-1] == &buf[:cap(buf)][cap(buf)-1] {
			buf = buf[:len(buf)+len(items)] // still in the buffer: the next paragraph follows
		} else if len(items) > 0 {
			written = cap(buf) // it filled the buffer's rest before moving out
		}
	}
	*bp = buf
	st := &fieldState{a: a, field: f, text: text, paras: paras, spans: spans, names: newNameIndex(a, f, text, spans, paraItems)}
	if tr != nil {
		st.tr = &fieldTrace{spans: make([]spanTrace, len(spans)), steps: map[[2]int][]string{}}
	}
	direct := make([]*who, len(spans))
	partial := make([]bool, len(spans))
	bylines := make(map[int]*who) // paragraphs that only sign the quotation before them
	for pi, items := range paraItems {
		if w := st.byline(items, pi); w != nil {
			bylines[pi] = w
		}
		sents := sentences(text, items)
		for _, sr := range sents {
			lo, hi := sr[0], sr[1]
			st.noteSubject(items, lo, hi, pi)
			st.noteIntroduced(items, lo, hi, pi)
			cs := st.sentenceCues(items, lo, hi, pi)
			for i := lo; i < hi; i++ {
				if items[i].kind != itemQuote {
					continue
				}
				k := items[i].q
				partial[k] = isPartial(text, items, lo, i)
				var rule string
				var cue int
				direct[k], rule, cue = st.attribute(cs, items, lo, hi, i, pi)
				if st.tr != nil {
					st.traceDirect(k, rule, cs, cue, direct[k])
				}
				if direct[k] != nil {
					st.noteSpeaker(direct[k], pi)
				}
			}
		}
	}
	// a quotation over several paragraphs has one speaker
	groupWho := map[int]*who{}
	for k, s := range spans {
		if direct[k] != nil && groupWho[s.group] == nil {
			groupWho[s.group] = direct[k]
		}
	}
	final := make([]*who, len(spans))
	inherited := make([]bool, len(spans))
	for k, s := range spans {
		final[k] = direct[k]
		rule := ""
		if final[k] == nil && groupWho[s.group] != nil {
			final[k], rule = groupWho[s.group], ruleSameQuotation
		}
		if w := bylines[spans[k].para+1]; final[k] == nil && w != nil {
			final[k], rule = w, ruleBylineParagraph
		}
		if final[k] == nil {
			final[k], rule = st.inherit(spans, final, k)
			inherited[k] = final[k] != nil
		}
		if st.tr != nil && final[k] != nil && rule != "" {
			st.tr.spans[k].rule = rule
		}
	}
	var out []model.Quote
	for k := 0; k < len(spans); k++ {
		s := spans[k]
		// a quotation over several paragraphs is one quotation: its words run
		// from the first opening mark to the last closing one
		last := k
		for last+1 < len(spans) && spans[last+1].group == s.group {
			last++
		}
		end := spans[last].end
		w := final[k]
		if w != nil && w.cue == "" && isChant(text, s) && chantMet(text, s) {
			w = nil // "She was met with chants of "Q"": a crowd, not the sentence's subject
			if st.tr != nil {
				st.tr.spans[k].rule = ruleChantMet
			}
		}
		reason := dropReason(text, s, w)
		if tr != nil {
			st.traceQuote(tr, k, last, w, reason)
		}
		if reason != "" {
			k = last
			continue
		}
		q := model.Quote{Field: f, Start: s.start, End: end, Text: text[s.start:end], Partial: partial[k]}
		k = last
		if w != nil {
			q.Speaker = w.name
			q.SpeakerEntity = w.entity
			q.SpeakerRole = w.role
			q.Cue = w.cue
			if w.mention != nil {
				m := *w.mention
				q.SpeakerMention = &m
			}
		}
		out = append(out, q)
		// quotations quoted inside this one: the words of its speaker too
		for _, in := range inner {
			if w == nil || in.outer < s.group || in.outer > last {
				continue
			}
			iq := q
			iq.Start, iq.End, iq.Text, iq.Partial = in.start, in.end, text[in.start:in.end], true
			out = append(out, iq)
			if tr != nil {
				st.traceInner(tr, in, w)
			}
		}
	}
	return out
}

// dropReason says why the quotation s, with the speaker w (nil when none),
// is no quotation: "single" (one unattributed word), "title", "so-called"
// or "work"; "" keeps it. A chant is always kept.
func dropReason(text string, s span, w *who) string {
	if isChant(text, s) {
		return ""
	}
	switch {
	case w == nil && !keepUnattributed(text, s):
		return "single"
	case isTitle(text, s):
		return "title"
	case isSoCalled(text, s):
		return "so-called"
	case isWorkTitle(text, s):
		return "work"
	}
	return ""
}

// keepUnattributed decides about a quotation nobody is said to have said.
// A single quoted word with no speaker ("quack", "she", "13th") is a scare
// quote or a title: dropped. Longer ones are kept with an empty speaker (a
// reader still wants "Things will work out fine ..." shown). Measured with
// ../shared/eval/quotes.py: dropping one-word ones moves quote F1 from 0.9519
// to 0.9531 on PolNeAR train (0.9522 on dev); dropping up to two or three
// words loses as many annotated quotations as it removes scare quotes.
func keepUnattributed(text string, s span) bool {
	return countWords(text[s.start:s.end], minUnattributedWords) >= minUnattributedWords
}

// minUnattributedWords is the shortest unattributed quotation kept, in words.
const minUnattributedWords = 2

// isPartial reports whether the quotation at items[i] is a fragment inside a
// sentence: it starts in lower case, or words of the sentence run straight into it.
func isPartial(text string, items []item, lo, i int) bool {
	q := items[i].text
	for _, r := range q {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return true
			}
			break
		}
		if unicode.IsDigit(r) {
			break
		}
	}
	if i > lo {
		prev := items[i-1]
		if prev.kind == itemWord && !(cues[prev.lower] != cueForm{}) {
			return true
		}
	}
	return false
}

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

// sortedMentions lists the field's person/organization mentions by start.
type mentionRef struct {
	start, end int
	ent        *model.Entity
	m          model.Mention
}

func fieldMentions(a *model.Article, f model.Field) []mentionRef {
	var out []mentionRef
	for i := range a.Entities {
		e := &a.Entities[i]
		for _, m := range e.Mentions {
			if m.Field == f {
				out = append(out, mentionRef{m.Start, m.End, e, m})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
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

// isTitle reports a quoted title rather than quoted words: a short phrase
// in title case right after a possessive or "on"/"of" ("CNN's "State of the
// Union"", "on "Face the Nation""). Measured on PolNeAR train: such spans
// are twice as often outside any annotated quotation as inside one.
func isTitle(text string, s span) bool {
	q := text[s.start:s.end]
	if n := countWords(q, 5); n == 0 || n > 4 {
		return false
	}
	words := strings.Fields(q)
	for _, w := range words {
		r := firstRune(strings.TrimLeft(w, "([‘'"))
		if unicode.IsLower(r) && !titleSmallWords[strings.ToLower(w)] {
			return false
		}
	}
	before := strings.TrimRight(text[max(0, s.open-12):s.open], " ")
	lower := strings.ToLower(before)
	if strings.HasSuffix(lower, "'s") || strings.HasSuffix(lower, "’s") {
		return true
	}
	last := lastWords(text[max(0, s.open-40):s.open], 2) // "On "Face the Nation,"" opens a paragraph too
	n := len(last)
	switch {
	case n == 0:
		return false
	case last[n-1] == "of":
		// "a goal of "Peace Through Strength"": a slogan, which is said
		return n == 1 || !sloganNouns[last[0]]
	}
	return last[n-1] == "on"
}

// sloganNouns name words someone says, before "of" and the words in title
// case: "a goal of "Peace Through Strength"", "his message of "Jobs First"".
var sloganNouns = toSet("goal goals slogan slogans motto mantra message theme themes refrain catchphrase watchword promise vision cry cries call calls")

// isChant reports words a crowd chanted or cried: "chants of "Q"", "cries
// of "Q"", "a chorus of "Q"". They were said, even by nobody named, and a
// one-word chant ("No!") is no title.
func isChant(text string, s span) bool {
	before := strings.TrimRight(text[max(0, s.open-24):s.open], " ")
	if !strings.HasSuffix(before, " of") {
		return false
	}
	w := lastWords(before, 2)
	return len(w) == 2 && w[1] == "of" && chantNouns[w[0]]
}

// chantMet reports a chant someone was met with ("met with loud chants of
// "Q"", "walked in to chants of "Q""): the crowd chants, not the subject of
// the sentence, as in "Activists joined in a chant of "Q"".
func chantMet(text string, s span) bool {
	w := lastWords(text[max(0, s.open-80):s.open], 8)
	for _, x := range w[:max(0, len(w)-2)] {
		if x == "with" || x == "to" {
			return true
		}
	}
	return false
}

// chantNouns are what a crowd shouts, before "of".
var chantNouns = toSet("chant chants chanting chorus cries cry shouts shout calls roar roars")

// isSoCalled reports a term introduced as "so-called": the writer names a
// thing ("Moscow's so-called "shadow fleet""), nobody is quoted. Measured on
// PolNeAR train, dropping them costs 3 annotated quotations for 2 that are
// not (annotators kept terms inside an attributed sentence); a reader of the
// product is better served without them.
func isSoCalled(text string, s span) bool {
	before := strings.ToLower(strings.TrimRight(text[max(0, s.open-12):s.open], " "))
	return strings.HasSuffix(before, "so-called") || strings.HasSuffix(before, "so called")
}

// isWorkTitle reports the title of a work rather than quoted words: a
// phrase of at most eight words in title case, named as a work by the words
// around it: a kind of work before it ("the reality show "Q"", "his memoir,
// "Q"", "starred in "Q"", "an interview with "Q"") or after it ("the "Q"
// podcast", "the "Q" star"). Measured on PolNeAR train: 49 such spans lie
// outside every annotated quotation and 10 inside one (annotators kept
// works named in an attributed sentence).
func isWorkTitle(text string, s span) bool {
	q := text[s.start:s.end]
	if !titleCase(q, 8) {
		return false
	}
	before := lastWords(text[max(0, s.open-40):s.open], 2)
	if n := len(before); n > 0 && (workNouns[before[n-1]] || n == 2 && workIntros[before[0]+" "+before[1]]) {
		return true
	}
	// a work noun right after the closing mark (no comma between)
	after := text[min(s.close, len(text)):min(len(text), s.close+24)]
	if _, n, ok := markAt(text, min(s.close, len(text)-1)); ok && s.close < len(text) {
		after = text[s.close+n : min(len(text), s.close+n+24)]
	}
	if f := strings.Fields(after); len(f) > 0 && workNounsAfter[strings.ToLower(strings.TrimRight(f[0], ".,;:"))] && !strings.ContainsAny(f[0][:1], ",.;:") {
		return true
	} else if len(f) > 1 && mediaWords[strings.ToLower(f[0])] && workNounsAfter[strings.ToLower(strings.TrimRight(f[1], ".,;:"))] {
		// "his "Keepin' It Real" radio program"
		return true
	}
	// the name of an event, a law or a scheme: "a "Commander-in-Chief Forum""
	words := strings.Fields(q)
	return len(words) >= 2 && namedThings[strings.ToLower(strings.TrimRight(words[len(words)-1], ".,;:!?"))]
}

// mediaWords come between a title and the kind of work it names ("radio program").
var mediaWords = toSet("radio tv television talk news reality web cable late-night morning")

// namedThings end the title-case name of an event, a law or a scheme.
var namedThings = toSet(`forum summit conference day act initiative program programme tour award awards prize festival
convention caucus rally fund foundation`)

// titleCase reports a phrase of at most max words whose words all start
// with a capital or a digit, short function words aside, with at least one capital.
func titleCase(q string, max int) bool {
	if n := countWords(q, max+1); n == 0 || n > max {
		return false
	}
	words := strings.Fields(q)
	caps := 0
	for _, w := range words {
		w = strings.TrimLeft(w, "(“‘\"'")
		r := firstRune(w)
		if unicode.IsLower(r) && !titleSmallWords[strings.ToLower(strings.TrimRight(w, ".,:;!?"))] {
			return false
		}
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return caps > 0
}

// countWords counts the words of s, as strings.Fields splits them, up to
// limit: a quotation of a thousand words is not split only to learn it has
// more than four.
func countWords(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s) && n < limit; {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// lastWords returns the last n words of s, lower case, punctuation trimmed.
func lastWords(s string, n int) []string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) > n {
		f = f[len(f)-n:]
	}
	for i := range f {
		f[i] = strings.Trim(f[i], ".,;:()“”\"")
	}
	return f
}

// workNouns name a kind of work right before its title.
var workNouns = toSet(`show shows podcast movie film films documentary play musical series program programme drama thriller
sitcom comedy album song songs anthem memoir novel book books magazine newspaper column blog website episode reboot
franchise video sketch segment hit classic`)

// workIntros are two words that introduce a work's title ("starred in", "host of").
var workIntros = toSet2(`starred in|stars in|star in|roles in|role in|acting in|appeared in|appear in|host of|episode of|
interview with|appear on|appeared on|appearing on|appearance on`)

// workNounsAfter name a kind of work or event right after its title ("the "Q" podcast").
var workNounsAfter = toSet(`podcast show series movie film reboot actress actor star stars theme song album tour rally
reception summit shirts shirt program programme segment episode franchise`)

// toSet2 makes a set of "|"-separated phrases.
func toSet2(phrases string) map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(phrases, "|") {
		m[strings.TrimSpace(p)] = true
	}
	return m
}

// titleSmallWords stay lower case inside titles.
var titleSmallWords = toSet("a an the of on in at to for and or with by from as vs.")

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
