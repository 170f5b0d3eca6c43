package quotes

import "testing"

// TestGeneralShapes checks, on invented sentences, shapes of any news that
// PolNeAR train and the BBC briefs showed left unattributed or given to the
// wrong person (2026-12-08): a quotation that ends with a question mark
// before its speaker, a speaker with a long description in commas, a
// quotation closed by a comma after a determiner, a new sentence of
// reported speech after a question.
func TestGeneralShapes(t *testing.T) {
	cases := []speakerCase{
		{"a question, then its speaker and an adverb of the cue",
			"Volunteers filled the hall.\n\n\"How are you this evening?\" Ines Harte said cheerfully into the phone.",
			[]wantSpeaker{{"How are you this evening?", "Ines Harte"}}},
		{"a question, then its speaker with a long description in commas",
			"Volunteers filled the hall.\n\n\"Is this a good time to talk?\" Ines Harte, a retired nurse from a coastal town, said.",
			[]wantSpeaker{{"Is this a good time to talk?", "Ines Harte"}}},
		{"a quotation after a determiner, closed by a comma, then its writer described at length",
			"The \"question of how one drafts an appeal (urgent or not) to win five judges on a split bench remains open,\" Tomas Reyland, a law professor at the University of Leeds, wrote last week after the ruling.",
			[]wantSpeaker{{"question of how one drafts an appeal (urgent or not) to win five judges on a split bench remains open", "Tomas Reyland"}}},
		{"a fragment after a determiner, closed by a comma, is the next speaker's",
			"Mayor Orla Quent faces a hard race. Yet she is also a \"safe pair of hands,\" Councillor Bram Dunne said.",
			[]wantSpeaker{{"safe pair of hands", "Bram Dunne"}}},
		{"a question, then another speaker's own sentence of reported speech",
			"Mr Varden said: \"The rules are vague. \"How is a constable to tell one hunt from another?\" Councillor Tam Oduya, another co-chair of the group, said that the law was \"badly drafted\".",
			[]wantSpeaker{{"How is a constable to tell one hunt from another?", "Varden"}, {"badly drafted", "Oduya"}}},
		{"a question, then its speaker and a phrase of the cue's own",
			"Mr Varden spoke first.\n\n\"Why would anyone cozy up to that government?\" Professor Ilse Brandt said about the senator's campaign.",
			[]wantSpeaker{{"Why would anyone cozy up to that government?", "Ilse Brandt"}}},
		{"'as X pointed out, Q' is X's",
			"Mr Varden spoke first.\n\nAs the analyst Dora Finch pointed out in March, \"No campaign has to fear the rule this year.\"",
			[]wantSpeaker{{"No campaign has to fear the rule this year.", "Dora Finch"}}},
		{"'X points out.' before a paragraph of quotations",
			"Small firms are getting ready. Its engineers work with the ministry on the transfer of skills, Mr Radek Halloway points out. \"These people are trying to work. Business goes on at all times.\"",
			[]wantSpeaker{{"These people are trying to work. Business goes on at all times.", "Halloway"}}},
		{"a preposition inside the phrase after a quotation ('a voice-over in the ad states')",
			"Mr Varden spoke first.\n\n\"We must act now,\" a voice-over in the new advert states.",
			[]wantSpeaker{{"We must act now", "advert"}}},
		{"a question, then 'X said of Y': whom the words were about",
			"Mr Varden spoke first.\n\n\"Who do they think they are?\" Ms Edda Ostrow said of the bank in February, when it refused to pay.",
			[]wantSpeaker{{"Who do they think they are?", "Ostrow"}}},
	}
	checkSpeakers(t, cases)
}
