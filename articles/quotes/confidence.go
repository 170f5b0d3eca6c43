package quotes

import "math"

// Stage: confidence. How sure a quotation's speaker is, 0-1: the rule that
// chose the speaker sets a base (a cue right after the quotation is surer
// than a sentence's subject or a speaker inherited from a paragraph
// before), and how the phrase became the speaker scales it (a named entity
// keeps it, a resolved pronoun lowers it, a pronoun nothing resolved or a
// bare description lowers it more). The reader dims speakers below
// model.LowSpeakerConfidence with a "?".

// ruleConfidence is the base confidence of each rule that gives a speaker.
var ruleConfidence = map[string]float64{
	ruleCueAfter: 0.95, ruleCueBefore: 0.9, ruleDashByline: 0.85, ruleNameColon: 0.85, rulePassiveAgent: 0.8,
	ruleSubordinateClause: 0.7, ruleCueLater: 0.7, ruleRelativeClause: 0.7, rulePossessorOfSpeech: 0.8,
	ruleClauseSubject: 0.6, ruleRanker: 0.6, rulePossessiveSpeechNoun: 0.65, ruleSentenceSubject: 0.55,
	ruleSameQuotation: 0.9, ruleBylineParagraph: 0.85, ruleInheritSamePara: 0.8, ruleInheritPrevQuote: 0.8,
	ruleInheritReported: 0.65, ruleInheritSubject: 0.55, ruleInheritColonCue: 0.75, ruleInheritColonSubject: 0.6,
	ruleRepeatedWords: 0.6, ruleCoordinated: 0.85, ruleInheritParaSubject: 0.6, ruleCausativeObject: 0.7,
}

// confidence rates the speaker w that rule chose.
func confidence(rule string, w *who) float64 {
	c, ok := ruleConfidence[rule]
	if !ok {
		c = 0.5
	}
	switch {
	case isPronounPhrase(w.phrase) && w.name == w.phrase:
		c *= 0.3 // a pronoun nothing resolved
	case isPronounPhrase(w.phrase):
		c *= 0.85
	case w.entity != "":
	case w.name != w.phrase:
		c *= 0.85 // a description resolved to a name the entities do not hold
	case !startsUpper(w.name):
		c *= 0.75 // a description as written ("a spokesman")
	default:
		c *= 0.9
	}
	return math.Round(c*100) / 100
}
