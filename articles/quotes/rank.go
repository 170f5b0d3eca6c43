package quotes

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"briefs/articles/lexicon"
)

// Stage: choose, by a learned ranker. attribute's rules each propose a
// speaker; the first that decides wins. Where two rules propose different
// speakers, the ranker scores every proposal (and every other cue speaker of
// the sentence) by features of the candidate (the rule that proposed it, its
// order, its side of the quotation and distance, person or body, named or a
// pronoun or a description, earlier speaker, ...) with weights learned by
// logistic regression on PolNeAR train (cmd train in ./train; README). The
// trace names its scores ("ranker: score 0.83 over X 0.41").

//go:embed ranker.json
var rankerJSON []byte

// rankModel is the logistic model the ranker scores with.
type rankModel struct {
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
	Bias     float64   `json:"bias"`
	// Margin is how much more than the rules' first choice a candidate must
	// score to take its place.
	Margin float64 `json:"margin"`
	Note   string  `json:"note,omitempty"`
}

// ranker is the embedded model; nil when it is empty or does not fit the
// code's features (rankerErr says why: TestRanker holds it nil, and the
// train command still runs to write a model that fits).
var ranker, rankerErr = loadRanker(rankerJSON)

func loadRanker(b []byte) (*rankModel, error) {
	var m rankModel
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("ranker.json: %v", err)
	}
	if len(m.Weights) == 0 {
		return nil, nil // no model: the rules decide alone
	}
	if len(m.Features) != numRankFeatures || len(m.Weights) != numRankFeatures {
		return nil, fmt.Errorf("ranker.json has %d features, the code %d: run the train command (README)", len(m.Weights), numRankFeatures)
	}
	for i, f := range m.Features {
		if f != rankFeatureNames[i] {
			return nil, fmt.Errorf("ranker.json feature %d is %q, the code's %q: run the train command (README)", i, f, rankFeatureNames[i])
		}
	}
	return &m, nil
}

// score is the model's probability that x is the speaker.
func (m *rankModel) score(x *rankVec) float64 {
	z := m.Bias
	for i, w := range m.Weights {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// rankCand is a speaker a rule proposed for a quotation.
type rankCand struct {
	w     *who
	rule  string // the proposing rule, or "cue" for a cue speaker no rule chose
	order int    // the rule's place in attributionOrder (len for a cue speaker)
	fired int    // how many rules proposed a speaker before this one
	cue   int    // the cue's index in cs, or -1
	x     rankVec
	score float64
}

// The features, in the order of rankFeatureNames.
const (
	fBias0 = iota // unused slot kept 0: the bias is separate
	fFirst
	fFired
	fBefore
	fAfter
	fDistance
	fSameClause
	fPerson
	fEntity
	fPlural
	fSure
	fPronoun
	fDescription
	fCapitalised
	fHasCue
	fLastSpeaker
	fSpokeInPara
	fSpokeBefore
	fPhraseWords
	fCandidates
	fPartial
	fRoleNoun
	fDocument
	fTime
	fAccordingTo
	fRuleBase // one feature per attribution rule, then one for a cue speaker
)

const numRankFeatures = fRuleBase + 15

type rankVec [numRankFeatures]float64

var rankFeatureNames = func() []string {
	n := []string{"unused", "first", "fired", "before", "after", "distance", "same-clause", "person", "entity", "plural",
		"sure", "pronoun", "description", "capitalised", "has-cue", "last-speaker", "spoke-in-paragraph", "spoke-before",
		"phrase-words", "candidates", "partial", "role-noun", "document", "time", "according-to"}
	for _, r := range attributionOrder {
		n = append(n, "rule:"+r.name)
	}
	return append(n, "rule:cue")
}()

// rankable lists the candidates of a quotation: the speaker each rule
// proposes (the first rule's first) and every other cue speaker of the
// sentence, each once by name.
func (st *fieldState) rankable(q *attribution, buf []rankCand) []rankCand {
	out := buf[:0]
	fired := 0
	have := func(w *who) bool {
		for _, c := range out {
			if c.w == w || c.w.name == w.name {
				return true
			}
		}
		return false
	}
	for o, r := range attributionOrder {
		w, cue, ok := r.fn(st, q)
		if !ok {
			continue
		}
		if w == nil {
			if fired == 0 {
				return out // "It is ...": the rules say nobody, and the ranker has nothing to weigh
			}
			continue
		}
		if !have(w) {
			out = append(out, rankCand{w: w, rule: r.name, order: o, fired: fired, cue: cue})
		}
		if fired == 0 && st.collect == nil && !RankerMayOverrule(r.name) {
			return out // the ranker would keep this rule's choice: no need to weigh the others
		}
		fired++
	}
	if len(out) == 0 {
		return out
	}
	for ci, c := range q.cs {
		if c.w != nil && !have(c.w) && !reportingSource(c.w) {
			out = append(out, rankCand{w: c.w, rule: "cue", order: len(attributionOrder), fired: fired, cue: ci})
		}
	}
	for k := range out {
		st.rankFeatures(q, &out[k], len(out))
	}
	return out
}

// rankFeatures fills c.x.
func (st *fieldState) rankFeatures(q *attribution, c *rankCand, n int) {
	x := &c.x
	w := c.w
	qs := q.items[q.i].start
	if c.fired == 0 {
		x[fFirst] = 1
	}
	x[fFired] = float64(min(c.fired, 4)) / 4
	d := 0
	if w.end <= qs {
		x[fBefore] = 1
		d = qs - w.end
	} else {
		x[fAfter] = 1
		d = w.start - st.spans[q.items[q.i].q].end
	}
	x[fDistance] = math.Log1p(float64(max(d, 0))) / 6
	if q.clauseLo > q.lo && w.start >= q.items[q.clauseLo].start || q.clauseLo == q.lo {
		x[fSameClause] = 1
	}
	x[fPerson] = b2f(w.person)
	x[fEntity] = b2f(w.entity != "")
	x[fPlural] = b2f(w.plural)
	x[fSure] = b2f(w.sure)
	x[fPronoun] = b2f(isPronounPhrase(w.phrase))
	x[fDescription] = b2f(w.name == w.phrase && !startsUpper(w.phrase))
	x[fCapitalised] = b2f(startsUpper(w.phrase))
	x[fHasCue] = b2f(c.cue >= 0 || w.cue != "")
	if ne := len(st.events); ne > 0 && st.events[ne-1].w.name == w.name {
		x[fLastSpeaker] = 1
	}
	for i := len(st.events) - 1; i >= 0 && i >= len(st.events)-16; i-- {
		e := st.events[i]
		if e.w.name != w.name || e.w == w {
			continue
		}
		x[fSpokeBefore] = 1
		if e.para == q.para {
			x[fSpokeInPara] = 1
		}
	}
	x[fPhraseWords] = float64(min(strings.Count(w.phrase, " ")+1, 8)) / 8
	x[fCandidates] = float64(min(n, 5)) / 5
	x[fPartial] = b2f(isPartial(st.text, q.items, q.lo, q.i))
	head := strings.ToLower(w.phrase[strings.LastIndexByte(w.phrase, ' ')+1:])
	x[fRoleNoun] = b2f(roleNouns[head] || personNouns[head])
	x[fDocument] = b2f(documentNouns[head] || speechNouns[head])
	x[fTime] = b2f(agoWords[head])
	x[fAccordingTo] = b2f(w.cue == "according to")
	x[fRuleBase+c.order] = 1
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// rankChoose scores the candidates and returns the index of the one the
// ranker chooses: the rules' first choice unless another scores higher by
// the model's margin.
func rankChoose(m *rankModel, cs []rankCand) int {
	if !RankerMayOverrule(cs[0].rule) {
		for k := range cs {
			cs[k].score = m.score(&cs[k].x)
		}
		return 0
	}
	best := 0
	for k := range cs {
		cs[k].score = m.score(&cs[k].x)
		if cs[k].score > cs[best].score {
			best = k
		}
	}
	if best != 0 && cs[best].score-cs[0].score < m.Margin {
		return 0
	}
	return best
}

// RankerMayOverrule reports whether the ranker may choose another speaker
// than the one rule proposed first: the cue rules and the subject rules,
// which read any sentence; the rules written for one construction
// (subordinate-clause, passive-agent, relative-clause, possessor-of-speech,
// name-colon, dash-byline) keep their choice.
func RankerMayOverrule(rule string) bool {
	switch rule {
	case ruleCueAfter, ruleCueBefore, ruleCueLater, ruleClauseSubject, ruleSentenceSubject:
		return true
	}
	return false
}

// reportingSource reports a cue speaker that only reports words someone
// else said ("according to CNN", "the Times reported", "a transcript
// shows"): never a candidate of its own for words a rule gave to the
// person who said them. PolNeAR's annotators give such words to the
// report; a reader wants the speaker.
func reportingSource(w *who) bool {
	switch w.cue {
	case "according to", "reported", "reports", "reporting", "report", "shows", "showed":
		return true
	}
	head := strings.ToLower(w.phrase[strings.LastIndexByte(w.phrase, ' ')+1:])
	return documentNouns[head] || reportNouns[head]
}

// reportNouns head phrases that carry someone's words.
var reportNouns = lexSet(lexicon.ReportNouns)
