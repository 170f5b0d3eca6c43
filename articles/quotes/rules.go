package quotes

// Rule is one named decision of the pipeline: what `briefs explain` prints
// and what the trace records. Example is an invented brief on which the
// rule decides at least one quotation (TestRuleExamples runs every one).
type Rule struct {
	Name    string
	Doc     string
	Example string
}

// The stages, in the order they run on a quotation: detect marks -> keep or
// drop (DropRules) -> cue (CueRules) and its speaker (CueSpeakerRules) ->
// choose among the sentence's cues and subject (AttributionRules) -> resolve
// pronouns and descriptions (ResolveRules) -> inherit (InheritRules). Each
// slice lists its rules in the order the code tries them.

// Keep and drop rules (dropReason).
const (
	ruleChant        = "chant"
	ruleSingle       = "single"
	ruleTitle        = "title"
	ruleSoCalled     = "so-called"
	ruleWork         = "work"
	ruleAttributed   = "attributed"
	ruleUnattributed = "unattributed-long"
)

// DropRules keep or drop a quotation, in order.
var DropRules = []Rule{
	{ruleChant, "words a crowd chanted are kept, said by nobody named", `Protesters marched past the embassy to chants of "No more lies".`},
	{ruleSingle, "a single quoted word nobody is said to have said is a scare quote: dropped", `The "reform" changed little in the valley.`},
	{ruleTitle, "a short title-case phrase after a possessive, 'on' or 'of' is a title: dropped", `Mara Voss spoke on "Morning Harbour" about the vote.`},
	{ruleSoCalled, "a term introduced as so-called names a thing: dropped", `Officials met to discuss the so-called "green corridor" plan on Monday.`},
	{ruleWork, "a title-case phrase named as a work (a show, a memoir, a podcast) is a title: dropped", `Ilse Brandt wrote a memoir, "Winter In Tallinn Harbour", in 2019.`},
	{ruleAttributed, "a quotation with a speaker is kept", `"We will not sign," Marta Ilves said.`},
	{ruleUnattributed, "a quotation of two words or more is kept even with no speaker", `The crowd dispersed.` + "\n\n" + `"Nothing will change here."`},
}

// Cue rules (sentenceCues): what makes a word a speech cue.
const (
	ruleCueVerb           = "cue-verb"
	ruleCueAccordingTo    = "cue-according-to"
	ruleCueAfterQuoteVerb = "cue-after-quote-verb"
	ruleCueClauseFinal    = "cue-clause-final"
	ruleCueOpening        = "cue-opening"
	ruleCueCalls          = "cue-calls"
	ruleCueAfterPronoun   = "cue-after-pronoun"
	ruleCueTalkAbout      = "cue-talk-about"
	ruleCuePutIt          = "cue-put-it"
	ruleCuePointOut       = "cue-point-out"
)

// CueRules read a word as a speech cue, in order.
var CueRules = []Rule{
	{ruleCueVerb, "a speech verb of the lexicon (said, told, warned, ...)", `"The talks are over," Tomas Brenner said.`},
	{ruleCueAccordingTo, "'according to' names a source", `According to Ruth Achebe, "nobody believed the figures."`},
	{ruleCueAfterQuoteVerb, "a verb that is speech only right after a quotation ('Q,' she snapped)", `"Not today," Oskar Lind snapped.`},
	{ruleCueClauseFinal, "a verb ending its clause before a quotation ('Bystrom agreed.')", `Ada Kern elaborated: "It was a mistake."`},
	{ruleCueOpening, "a capitalised verb opening the sentence before a name and a colon ('Continued Stone:')", `The envoy spoke for an hour. Continued Ruiz: "Nothing was agreed."`},
	{ruleCueCalls, "'calls' with its quotation close behind is the verb", `Lena Dahl calls the plan "a fantasy".`},
	{ruleCueAfterPronoun, "a verb after a subject pronoun ('she yells')", `Nora Vik stood up. She yells: "Enough!"`},
	{ruleCueTalkAbout, "'went on about', 'talked about' with a quotation right after 'about'", `As Oskar Lind went on about "a port for everyone", the hall emptied.`},
	{ruleCuePutIt, "'as X puts it'", `As Dana Kerr puts it, "the bill is dead".`},
	{ruleCuePointOut, "'pointed out', 'points out' ('point' alone is mostly the noun)", `As the analyst Dora Finch pointed out in March, "No campaign has to fear the rule."`},
}

// Cue speaker rules (sentenceCues): who the cue's speaker is.
const (
	ruleSpeakerAccordingTo       = "speaker-according-to"
	ruleSpeakerAfterOpeningCue   = "speaker-after-opening-cue"
	ruleSpeakerInvertedRoleName  = "speaker-inverted-role-name"
	ruleSpeakerInverted          = "speaker-inverted"
	ruleSpeakerQuotedAs          = "speaker-quoted-as"
	ruleSpeakerParticiplePrevCue = "speaker-participle-previous-cue"
	ruleSpeakerParticipleOwn     = "speaker-participle-own-subject"
	ruleSpeakerParticipleSubject = "speaker-participle-sentence-subject"
	ruleSpeakerParticipleMain    = "speaker-participle-main-subject"
	ruleSpeakerRoleThenName      = "speaker-role-then-name"
	ruleSpeakerBefore            = "speaker-before-cue"
	ruleSpeakerWhoClause         = "speaker-who-clause"
	ruleSpeakerBeforeParenthesis = "speaker-before-parenthesis"
	ruleSpeakerNameInRole        = "speaker-name-in-role"
	ruleSpeakerPronounAnd        = "speaker-pronoun-and"
	ruleSpeakerFirstVerbSubject  = "speaker-first-verb-subject"
	ruleSpeakerAfterComma        = "speaker-after-comma"
	ruleSpeakerSubjectNotObject  = "speaker-subject-not-object"
)

// CueSpeakerRules find the speaker a cue names, in order.
var CueSpeakerRules = []Rule{
	{ruleSpeakerAccordingTo, "the noun phrase after 'according to'", `According to Ruth Achebe, "nobody believed the figures."`},
	{ruleSpeakerAfterOpeningCue, "the name after a sentence-opening cue", `The envoy spoke for an hour. Continued Ruiz: "Nothing was agreed."`},
	{ruleSpeakerInvertedRoleName, "'Q,' said ROLE, NAME: the name", `"We are ready," said the port's director of planning, Robert Vale.`},
	{ruleSpeakerInverted, "'Q,' said X: the noun phrase after the cue", `"The corridor stays open," said Lina Sarkis, Jordan's deputy envoy.`},
	{ruleSpeakerQuotedAs, "'quoted X as saying': X", `"We are mourning a fine company," the agency quoted engineer Ana Lee as saying.`},
	{ruleSpeakerParticiplePrevCue, "a participle cue ('telling') speaks for the cue before it", `Omar Haddad wrote in a statement, adding: "We will appeal."`},
	{ruleSpeakerParticipleMain, "a participle after an opening preposition speaks for the main clause's subject ('After saying ..., she')", `After saying the bridge was "quite safe," Mayor Ilse Brandt reopened it to traffic.`},
	{ruleSpeakerParticipleOwn, "a participle after a name is that name's ('and Lind calling it')", `The talks ended, with Oskar Lind calling them "a farce".`},
	{ruleSpeakerParticipleSubject, "a participle with no cue before it speaks for the sentence's subject", `One of his aides went further, telling a radio station: "The summit was a waste of time."`},
	{ruleSpeakerRoleThenName, "'DESCRIPTION, NAME, said': the name, the description its role", `Congo's foreign minister, Clarisse Mbuyi-Kalonji, said the deal was "a first step".`},
	{ruleSpeakerBefore, "the noun phrase right before the cue", `"We will not sign this draft," Marta Ilves said on Friday.`},
	{ruleSpeakerWhoClause, "'X who spoke anonymously said': X", `A Harbour Authority official who spoke anonymously about the talks said the plan was "finished for now".`},
	{ruleSpeakerBeforeParenthesis, "'X, 22, of Flint, said': the subject before the parenthesis", `Cory Janssen, 22, of Tartu, said the rent was "too high".`},
	{ruleSpeakerNameInRole, "'after ..., Gov. NAME (R-OH), said': the name in the role", `After winning the primary, Gov. Lars Ekdahl (R-OH), said it was "a good night".`},
	{ruleSpeakerPronounAnd, "'..., I laughed and said': the pronoun before the first verb", `When my aunt mentioned it, I laughed and said "never again".`},
	{ruleSpeakerFirstVerbSubject, "'X referred to ... and said': the subject of the first verb", `Mara Quist read the letter aloud and said it was "a disgrace".`},
	{ruleSpeakerAfterComma, "'..., said X' after other words: the phrase after the cue", `The plan was delayed again, said Ilse Varga. "It is a scandal."`},
	{ruleSpeakerSubjectNotObject, "'X, a veteran who ..., said the program is': the sentence's subject", `Ana Rusk, a veteran organiser who ran two campaigns in 2019 and is now leading the party's postal-vote effort in the north, said the postal plan is "the core of our strategy."`},
}

// Attribution rules (attribute): which cue or phrase of the sentence speaks.
const (
	ruleCueAfter             = "cue-after"
	ruleDashByline           = "dash-byline"
	rulePassiveAgent         = "passive-agent"
	ruleSubordinateClause    = "subordinate-clause"
	ruleCueBefore            = "cue-before"
	ruleCueLater             = "cue-later"
	ruleNameColon            = "name-colon"
	ruleRelativeClause       = "relative-clause"
	rulePossessorOfSpeech    = "possessor-of-speech"
	ruleClauseSubject        = "clause-subject"
	ruleExpletiveSubject     = "expletive-subject"
	rulePossessiveSpeechNoun = "possessive-speech-noun"
	rulePassiveSubject       = "passive-subject"
	ruleSentenceSubject      = "sentence-subject"
)

// AttributionRules choose the speaker of a quotation in its sentence, in order.
var AttributionRules = []Rule{
	{ruleCueAfter, "a cue right after the quotation ('Q,' X said / 'Q,' said X) (not one in a 'when' clause after a quotation that a cue before it introduces)", `"We will not sign this draft," Marta Ilves said.`},
	{ruleDashByline, "a name after a dash ('Q' ― X)", `"Never again" ― Petra Lund.`},
	{rulePassiveAgent, "the agent of a passive naming verb ('was described as Q by X', 'described by X as Q')", `Her remarks were described as "reckless" and "cruel" by the Harbour Tenants Union on Monday.`},
	{ruleSubordinateClause, "a clause of its own after the cue ('after she blamed ... Q')", `Rolf Voss described Mayor Ana Lind as "tireless" after she blamed the floods on "years of neglect".`},
	{ruleCueBefore, "the nearest cue before the quotation (X said: 'Q' / X said that 'Q')", `Tomas Brenner said: "The talks are over."`},
	{ruleCueLater, "a cue later in the sentence (not one in 'what X called', which names the words after it)", `The plan, which is "dead on arrival" in its current form, Pavel Orlin told reporters, will be redrafted.`},
	{ruleNameColon, "'NAME: Q': the name before the colon", `Republican pollster Daron Shale: "The race is tied."`},
	{ruleRelativeClause, "'X, which has attacked the plan as a Q': X", `The Harbour Pilots Union, which has attacked the plan as "reckless and rushed", met on Monday.`},
	{rulePossessorOfSpeech, "'X's claim that ... Q': X", `Analysts questioned Rolf Voss's claim that the border was "secure".`},
	{ruleClauseSubject, "a clause of its own: its subject", `Omar Haddad has been busy, but the final text avoids citing "any of the five states".`},
	{ruleExpletiveSubject, "'It is ... Q': no speaker", `It is a "historic moment" for the whole region.`},
	{rulePossessiveSpeechNoun, "'His message was: Q': the possessor", `Ivo Kranz met the chancellor. His message to her was: "Act now."`},
	{rulePassiveSubject, "'The text was drafted by ...': no speaker", `The text was drafted by Norway and Chile, the Council's "penholders" on the file.`},
	{ruleSentenceSubject, "no cue: the sentence's subject ('X dismissed Y as Q')", `Ilse Brandt dismissed the report as "pure fiction".`},
}

// ruleCoordinated is tried before AttributionRules (attributeAll).
const ruleCoordinated = "coordinated-quotation"

// CoordinatedRule documents ruleCoordinated as a rule.
var CoordinatedRule = Rule{ruleCoordinated, "a quotation joined by 'and' or 'or' to the one before it, which a cue before both gave its speaker, shares that speaker ('X called it \"Q1\" and \"Q2,\" Y said')",
	`As Oskar Lind went on about "a port for everyone," and "our own families," Ilona Brandt said yes.`}

// ruleCausativeObject is tried before AttributionRules too (attributeAll).
const ruleCausativeObject = "causative-object"

// CausativeRule documents ruleCausativeObject as a rule.
var CausativeRule = Rule{ruleCausativeObject, "'led X to fear a \"Q\"': a quotation that ends the infinitive clause of the one a causative verb names is that one's",
	`All this has led the writer Ilse Brandt to fear a "quiet surrender".`}

// ruleRanker is the learned ranker (rank.go): where the rules propose two
// speakers or more, it may choose another than the first rule's.
const ruleRanker = "ranker"

// RankerRule documents the ranker as a rule (it runs after AttributionRules
// propose their speakers, not in their order).
var RankerRule = Rule{ruleRanker, "where the rules propose different speakers, a model learned on PolNeAR train scores each and may overrule the first rule (a cue or subject rule, never one written for one construction)",
	`Harbour Trust director Mara Voss noted that dredging, what her dredging business calls "routine maintenance", is "central" to the plan.`}

// Inherit rules (extractField, inherit): a quotation with no speaker in its
// sentence takes one from around it.
const (
	ruleSameQuotation       = "same-quotation"
	ruleBylineParagraph     = "byline-paragraph"
	ruleInheritSamePara     = "inherit-same-paragraph"
	ruleInheritParaSubject  = "inherit-paragraph-subject"
	ruleInheritPrevQuote    = "inherit-previous-quotation"
	ruleInheritReported     = "inherit-reported-speech"
	ruleInheritSubject      = "inherit-previous-subject"
	ruleInheritColonCue     = "inherit-colon-cue"
	ruleInheritColonSubject = "inherit-colon-subject"
	ruleRepeatedWords       = "repeated-words"
	ruleInnerQuotation      = "inner-quotation"
	ruleChantMet            = "chant-met"
)

// InheritRules give a quotation with no speaker of its own one from around it, in order.
var InheritRules = []Rule{
	{ruleSameQuotation, "a quotation running over several paragraphs has one speaker", "\"We have enough fuel for the winter.\n\n\"And we have enough staff,\" Mira Holt said."},
	{ruleBylineParagraph, "a paragraph that only signs the quotation before it ('- Sanders.')", "\"We will be back next year.\"\n\n- Ilona Sand."},
	{ruleInheritSamePara, "the last speech cue before it in its paragraph", `Mira Holt said the port would stay open. "We have enough fuel for the winter."`},
	{ruleInheritParaSubject, "the first quotation of a paragraph, opening a sentence after one whose subject is a named person: that person", "Mira Holt toured the port on Monday. Holt named the winter as the main risk. \"Nobody can promise fuel for every week.\""},
	{ruleInheritPrevQuote, "the previous paragraph's last quotation, when its sentence ends that paragraph", "\"We have enough fuel,\" Mira Holt told reporters.\n\n\"And we have enough staff for the winter.\""},
	{ruleInheritReported, "a paragraph of reported speech, then a paragraph opening with a quotation", "Sara Lund said that the plan would fail.\n\n\"Nobody has read it.\""},
	{ruleInheritSubject, "a paragraph about a named person, then a paragraph opening with a quotation", "Foreign Minister Tomas Varga praised the plan.\n\n\"It is the best offer we have had.\""},
	{ruleInheritColonCue, "the cue of a paragraph ending with a colon", "Mira Holt called the plan \"a good start\" on Friday. She said on Monday:\n\n\"The port will stay open.\""},
	{ruleInheritColonSubject, "the subject of a paragraph ending with a colon ('X released the following statement:')", "It was \"a tragedy for us all\". President Ivo Kranz released the following statement:\n\n\"We mourn with the families.\""},
	{ruleRepeatedWords, "a quotation that repeats four words or more quoted earlier with a speaker takes that speaker", "Ivo Kranz said that \"the border will stay open\" this winter.\n\nThe talks ended late.\n\n\"The border will stay open for every family.\""},
	{ruleInnerQuotation, "a quotation inside another is the outer one's speaker's", `"They told me “we are finished” and left," Ana Ruiz said.`},
	{ruleChantMet, "a chant someone was met with is the crowd's, not the subject's", `Karin Holm was met with loud chants of "Go home now".`},
}

// Resolve steps (resolve, resolvePronoun): how a phrase becomes a named speaker.
const (
	ruleStepPronounLastSpeaker = "pronoun-last-speaker"
	ruleStepPronounGender      = "pronoun-gender-from-pronoun"
	ruleStepPronounLastNamed   = "pronoun-last-person-named"
	ruleStepPronounQuotedAbout = "pronoun-person-quoted-about"
	ruleStepPronounWriter      = "pronoun-writer"
	ruleStepPronounLastGroup   = "pronoun-last-group"
	ruleStepPronounLastBody    = "pronoun-last-body-named"
	ruleStepPronounSinceCue    = "pronoun-named-since-cue"
	ruleStepUnresolved         = "pronoun-unresolved"
	ruleStepPersonsAnd         = "persons-joined-by-and"
	ruleStepNameInPhrase       = "name-in-phrase"
	ruleStepSameUnnamed        = "description-same-unnamed"
	ruleStepByRole             = "description-by-role"
	ruleStepPlaceLastPerson    = "description-place-last-person"
	ruleStepMainPerson         = "description-main-person"
	ruleStepDescribedLast      = "description-last-person"
	ruleStepSpokesperson       = "description-named-spokesperson"
	ruleStepUnresolvedPerson   = "description-unresolved-person"
)

// ResolveRules turn the phrase that names or stands for a speaker into a speaker, in order.
var ResolveRules = []Rule{
	{ruleStepPronounLastSpeaker, "he/she: the last speaker or sentence subject of fitting gender", "Omar Haddad said the vote would be delayed. Later he added: \"Nothing is decided.\""},
	{ruleStepPronounQuotedAbout, "he/she after a speaker whose passage (a quotation over paragraphs, no 'I' or 'we') speaks of a 'she': the person the passage names, not its speaker", "Mara Voss, a reporter, wrote:\n\n\"Ilona Brandt had waited all night at the gate. She was tired.\n\n\"Ilona Brandt did not sleep. She was angry.\"\n\nThe crowd grew.\n\n\"We are still here,\" she said."},
	{ruleStepPronounGender, "he/she: a person whose name tells no gender is of the gender of the first he or she that stood for them", "Piotr Nowak sat on the sofa beside Ilona.\n\n\"You are winning,\" Ilona said.\n\n\"Are you sure?\" she asked.\n\n\"I love you,\" he said."},
	{ruleStepPronounLastNamed, "he/she: else the last person of fitting gender named", "The letter reached Anna Kovalenko on Monday, a week late.\n\n\"We stand with our neighbours,\" she said."},
	{ruleStepPronounWriter, "I: the column's writer", "I was in the room.\n\n\"Never,\" I said.\n\nAna Ruiz is a playwright in Lisbon."},
	{ruleStepPronounLastGroup, "they/it: the last group or body that spoke", `The Harbour Alliance defended its leader on Monday. It denounced what it calls "a coordinated smear."`},
	{ruleStepPronounLastBody, "it: else the last organisation named, in its paragraph or the two before", `Although the Harbour Authority did not name the firm, it warned of "reckless contractors" in its report.`},
	{ruleStepPronounSinceCue, "he/she in a clause after the cue: the person named since the cue", `Rolf Voss described Mayor Ana Lind as "tireless" after she blamed the floods on "years of neglect".`},
	{ruleStepUnresolved, "a pronoun nothing before it fits", `"We are ready," he said.`},
	{ruleStepPersonsAnd, "two persons joined by 'and' speak together", `"We are ready," Ana Ruiz and Omar Haddad said.`},
	{ruleStepNameInPhrase, "a name inside the phrase is the speaker ('Trump adviser Kellyanne Conway')", `"The hearing is over," committee Chairman Sen. Ola Brandt said.`},
	{ruleStepSameUnnamed, "'the official' after 'a senior official said': the same unnamed one", "A senior US official said the talks had stalled.\n\n\"We are not there yet,\" the official said."},
	{ruleStepByRole, "'the minister': the person named with that role", "Foreign Minister Tomas Varga met the delegation in Vienna.\n\n\"Our door is open,\" the minister said."},
	{ruleStepPlaceLastPerson, "'the former New Mexico governor': the person named just before", "Gary Lund spoke in Santa Fe.\n\n\"We will win,\" the former New Mexico governor said."},
	{ruleStepMainPerson, "'the senator' with no one so named: the person the article names most", "Ana Ruiz toured the port. Ana Ruiz met workers. Ruiz spoke later.\n\n\"We will win,\" the senator said."},
	{ruleStepDescribedLast, "'the former campaign strategist': a described person no role names is the person named last, in its paragraph or the one before", "Marco Vell, who ran the 2012 campaign, joined the firm in May.\n\n\"The numbers are clear,\" the former campaign strategist said."},
	{ruleStepSpokesperson, "'a spokeswoman', 'a spokesman for the ministry': the spokesperson the article names, before or after (the one whose description shares a word of whom they speak for, else the only one)", "Ana Ruiz, a spokeswoman for the harbour authority, met reporters on Monday.\n\n\"The port stays open,\" a spokeswoman for the authority said."},
	{ruleStepUnresolvedPerson, "an unresolved description of a person still is one ('a spokeswoman')", `"We are ready," a spokeswoman said.`},
}

// entityNote names the entity a speaker resolved to, for a trace step.
func entityNote(id string) string {
	if id == "" {
		return ""
	}
	return " (entity " + id + ")"
}
