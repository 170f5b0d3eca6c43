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
// The stages live in their own files, their rules are named in rules.go,
// and `briefs explain` prints which rule decided each quotation (see
// README.md, which also has the BBC speaker set and its errors left:
// speakers 0.9519 there).
//
// Scored with ../shared/eval/quotes.py on PolNeAR dev (briefs extract):
// quote F1 0.968 (P 0.950, R 0.987), attribution 0.941, pronoun
// attribution 0.886; train: F1 0.960, attribution 0.920 (main on
// 2026-12-07 at 21:30; README.md).
// Of the 41 dev false positives, 20 are quotations the scorer cannot count
// (docs/quote-fp-reasons.py sorts them): 16 whose marks its pattern cannot
// read (opened or closed with a reversed mark, ”Like this.”, or holding the
// marks of a quotation inside them), 3 annotated as an attribution's second
// Content, which it does not read, and 1 whose annotated Content leaves
// the opening mark out. The rest are real quotations left outside every
// annotated attribution, and titles or scare quotes.
package quotes

import (
	"sync"
	"unicode"

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
	intro     bool // a subject a role in commas introduced (noteIntroduced), not the sentence's own
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
	// rules are the rule that gave each span its speaker (for confidence)
	rules []string
	// tr is the trace being kept, nil when none is (every use checks)
	tr *fieldTrace
	// collect, when set, receives every quotation's ranker candidates (RankExamples)
	collect func(st *fieldState, q *attribution, cs []rankCand)
	// pronounGender is the gender a he or she told of an entity whose name
	// tells none (learnGender)
	pronounGender map[string]byte
	// genderSkipped is the candidate a learned gender ruled out for the
	// pronoun being resolved (for the trace)
	genderSkipped string
	// scratch reused from one quotation or phrase to the next
	rankBuf []rankCand
	nameBuf []nameRef
}

// extractFieldTrace finds the quotes of one field, and with tr != nil
// records how each was kept and attributed.
func extractFieldTrace(a *model.Article, f model.Field, tr *Trace) []model.Quote {
	return extractFieldWith(a, f, tr, nil)
}

// extractFieldWith is extractFieldTrace with, when collect is set, the
// ranker off and every quotation's candidates given to collect (RankExamples).
func extractFieldWith(a *model.Article, f model.Field, tr *Trace, collect func(st *fieldState, q *attribution, cs []rankCand)) []model.Quote {
	text := a.Text(f)
	paras := splitParagraphs(text)
	spans, inner := findSpans(text, paras)
	if len(spans) == 0 {
		return nil
	}
	paraItems, release := tokenizeField(text, paras, spans)
	defer release()
	st := &fieldState{a: a, field: f, text: text, paras: paras, spans: spans, names: newNameIndex(a, f, text, spans, paraItems), rules: make([]string, len(spans)), collect: collect}
	if tr != nil {
		st.tr = &fieldTrace{spans: make([]spanTrace, len(spans)), steps: map[[2]int][]string{}}
	}
	direct, partial, bylines := st.attributeAll(paraItems)
	final := st.finalSpeakers(direct, bylines)
	return st.emit(final, partial, inner, tr)
}

// tokenizeField cuts every paragraph into items, carved from one pooled
// buffer; release gives the buffer back once nothing reads the items.
func tokenizeField(text string, paras []paragraph, spans []span) (paraItems [][]item, release func()) {
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
	release = func() {
		if cap(*bp) > maxPooledItems { // a huge brief's buffer is not kept
			return
		}
		clear((*bp)[:max(len(*bp), written)]) // drop the strings they point to
		*bp = (*bp)[:0]
		itemBufs.Put(bp)
	}
	if want := len(text)/4 + len(paras); cap(*bp) < want {
		*bp = make([]item, 0, want)
	}
	buf := *bp
	paraItems = make([][]item, len(paras))
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
	return paraItems, release
}

// attributeAll reads every sentence of the field in order: its subject,
// its cues, and the speaker of each quotation in it (direct, nil when the
// sentence names none); bylines are the paragraphs that only sign the
// quotation before them.
func (st *fieldState) attributeAll(paraItems [][]item) (direct []*who, partial []bool, bylines map[int]*who) {
	text, spans := st.text, st.spans
	direct = make([]*who, len(spans))
	partial = make([]bool, len(spans))
	bylines = make(map[int]*who) // paragraphs that only sign the quotation before them
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
				if w := st.coordinated(items, lo, i, direct); w != nil {
					direct[k], rule, cue = w, ruleCoordinated, -1
				} else if w := st.causativeObject(items, lo, i, pi); w != nil {
					direct[k], rule, cue = w, ruleCausativeObject, -1
				} else {
					direct[k], rule, cue = st.attribute(cs, items, lo, hi, i, pi)
				}
				st.rules[k] = rule
				if st.tr != nil {
					st.traceDirect(k, rule, cs, cue, direct[k])
				}
				if direct[k] != nil {
					st.noteSpeaker(direct[k], pi)
				}
			}
		}
	}
	return direct, partial, bylines
}

// coordinated: "as X went on about "Q1," and "Q2" and "Q3," Y said": a
// quotation joined by "and" or "or" to the quotation before it, which a cue
// before both gave its speaker, shares that speaker; else nil.
func (st *fieldState) coordinated(items []item, lo, i int, direct []*who) *who {
	j := i - 1
	if j <= lo || items[j].lower != "and" && items[j].lower != "or" {
		return nil
	}
	p := j - 1
	if items[p].isPunct(",") {
		p--
	}
	if p < lo || items[p].kind != itemQuote {
		return nil
	}
	if k := items[p].q; direct[k] != nil && (st.rules[k] == ruleCueBefore || st.rules[k] == ruleCoordinated) {
		return direct[k]
	}
	return nil
}

// causativeObject: "All this has led the journalist Dainis Ivans to fear a
// "Q"": a quotation that ends the infinitive clause of one a causative verb
// names (a name) is that one's; else nil.
func (st *fieldState) causativeObject(items []item, lo, i, para int) *who {
	for k := lo; k+3 < i; k++ {
		if !causatives[items[k].lower] {
			continue
		}
		a, b := forwardNP(items, k+1, i)
		// "his wife and current nominee Hillary Clinton to ...": one person described twice
		if b > a && b+1 < i && items[b].lower == "and" {
			if _, b2 := forwardNP(items, b+1, i); b2 > b+1 {
				b = b2
			}
		}
		if b <= a || b+1 >= i || items[b].lower != "to" || items[b+1].kind != itemWord || !properModifier(items, a, b) {
			continue
		}
		for m := b + 1; m < i; m++ {
			if items[m].kind != itemWord {
				return nil // the quotation is past the clause
			}
		}
		return st.resolve(items, a, b, "", para)
	}
	return nil
}

// causatives lead someone to do what the infinitive after them says.
var causatives = toSet("led leads prompted prompts pushed pushes caused causes forced forces inspired inspires drove drives moved")

// finalSpeakers gives each span its speaker: its own, else its
// quotation's (over several paragraphs), a byline's, or one inherited.
func (st *fieldState) finalSpeakers(direct []*who, bylines map[int]*who) []*who {
	spans := st.spans
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
		if final[k] == nil {
			final[k], rule = st.repeatedWords(final, k), ruleRepeatedWords
		}
		if final[k] != nil && rule != "" {
			st.rules[k] = rule
			if st.tr != nil {
				st.tr.spans[k].rule = rule
			}
		}
	}
	return final
}

// emit makes the quotes of the field: each quotation once (from its first
// mark to its last), dropped ones left out, inner quotations after theirs.
func (st *fieldState) emit(final []*who, partial []bool, inner []span, tr *Trace) []model.Quote {
	text, spans, f := st.text, st.spans, st.field
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
			q.SpeakerConfidence = confidence(st.rules[k], w)
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
