package quotes

import "testing"

// TestPronounShapes checks, on invented briefs, the shapes of the pronoun
// speakers PolNeAR dev got wrong (issue 17). The "it" and "After saying"
// cases failed before their rules; the "Commission on" case guards the
// run of a body's name that is no person (the real article failed on it).
func TestPronounShapes(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"he is no body named after 'Commission on'",
			"Oskar Lind spoke in Dayton on Friday.\n\nHe notes that the Commission on Harbour Debates announced earlier Friday that there was an issue with his microphone. His voice was quieter at times.\n\nHe says, \"Fixing that microphone was harder than any campaign.\"",
			[]wantSpeaker{{"Fixing that microphone was harder than any campaign.", "Oskar Lind"}}},
		{"it: the body named in the sentence's opening clause",
			"Although the Harbour Authority did not name the firm, it warned of \"reckless contractors\" in its report.",
			[]wantSpeaker{{"reckless contractors", "Harbour Authority"}}},
		{"it: the body that opened the paragraph before a quoted passage",
			"PolitiFact is operated by the Dayton Herald, a paper in Ohio.\n\nDuring the campaign, the Herald gave Ana Ruiz its endorsement:\n\nShe has served the valley for twenty years and knows its budget well.\n\nMeanwhile, it attacked Omar Haddad, saying he \"has no plan for the valley at all.\"",
			[]wantSpeaker{{"has no plan for the valley at all.", "Herald"}}},
		{"a participle after 'After' speaks for the main clause's subject",
			"In her memoir, Ana Ruiz recalled the winter of 2003.\n\nAfter saying her ankle was \"too swollen to walk on,\" she was \"rushed\" to the clinic.",
			[]wantSpeaker{{"too swollen to walk on", "Ana Ruiz"}}},
		{"after a reporter's passage about a woman, she is the woman",
			"The Courier sent its reporter, Mara Voss, to the camp. Voss reports:\n\n\"The first time she saw the sea, she was nine. She was afraid of it.\n\n\"Ilona Brandt thought the whole trip was a mistake. She was tired.\"\n\nThe woman's fear is recorded in detail:\n\n\"Here comes the boat,\" she said.",
			[]wantSpeaker{{"Here comes the boat", "Ilona Brandt"}}},
		{"he is not the woman a she stood for",
			"Piotr Nowak sat on the sofa beside Ilona.\n\n\"You are winning,\" Ilona said.\n\n\"Are you sure?\" she asked.\n\n\"I love you,\" he said.",
			[]wantSpeaker{{"I love you", "Piotr Nowak"}}},
		{"they: a campaign that opens the sentence",
			"Ana Ruiz spoke in Porto on Friday. Ruiz's campaign is seeking to contrast her plan with what they call Omar Haddad's \"empty promises.\"",
			[]wantSpeaker{{"empty promises.", "campaign"}}},
	})
}
