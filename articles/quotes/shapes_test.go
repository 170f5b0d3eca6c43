package quotes

import (
	"strings"
	"testing"

	"briefs/articles/entities"
	"briefs/model"
)

// TestRealArticleShapes checks, on invented sentences, the shapes of the
// errors a reader found in real BBC and US articles (issue 17): every
// person here is invented.
func TestRealArticleShapes(t *testing.T) {
	cases := []speakerCase{
		{"a quotation that ends a sentence, then a new speaker's own sentence",
			"Announcing the plan, Mr Varden said: \"The council has ignored every warning. \"Its spending has doubled in four years.\" His deputy, Lena Okafor, argued that the budget needed a new start.",
			[]wantSpeaker{{"Its spending has doubled in four years.", "Varden"}}},
		{"a colon quotation, then another speaker's reported sentence",
			"Mr Dunmore told the delegates: \"Nothing will divide this party before the vote.\" Labour's Carl Ibsen said the pair had faced a \"roasting\" from members.",
			[]wantSpeaker{{"Nothing will divide this party before the vote.", "Dunmore"}, {"roasting", "Carl Ibsen"}}},
		{"a chairman may be a woman",
			"Mr Tallis said the seats were theirs to keep. Party chairman Orla Quentin urged the two men to resign in a letter.\n\nShe said: \"The party has taken legal advice.\"",
			[]wantSpeaker{{"The party has taken legal advice.", "Orla Quentin"}}},
		{"a possessive before a participle is no speech cue",
			"Mr Brack said the issue was that Mr Ludlow's reported views had been shown as party policy. He told the radio: \"He appears to have said these things.\"",
			[]wantSpeaker{{"He appears to have said these things.", "Brack"}}},
		{"a role with its remit before a name",
			"But Deputy Secretary to the Treasury Ewan Morley attacked the plans. \"The cuts cannot be found,\" he said.",
			[]wantSpeaker{{"The cuts cannot be found", "Ewan Morley"}}},
		{"the MP a description in title case",
			"Home Office minister Gwen Tarrant spoke to the committee on Tuesday.\n\n\"The threat is real,\" the Bridgend MP told the committee.",
			[]wantSpeaker{{"The threat is real", "Gwen Tarrant"}}},
		{"a clause about a quoted fragment is no speech event",
			"Party spokesman Ivo Marsh said that instead of the \"clean sweep\" the Unity Party had promised, there had been a \"flood\" of them. \"For two decades these bodies have grown.\"",
			[]wantSpeaker{{"flood", "Ivo Marsh"}, {"For two decades these bodies have grown.", "Ivo Marsh"}}},
		{"the agent of a passive naming verb speaks",
			"Her remarks were described as \"careless\" and \"cruel\" by the Harbour Tenants Union. The minister also announced plans to merge nine boards - described by one staff union as a \"quiet purge\".",
			[]wantSpeaker{{"careless", "Harbour Tenants Union"}, {"cruel", "Harbour Tenants Union"}, {"quiet purge", "union"}}},
		{"a subject that opens the sentence speaks a fragment; the paragraph after follows its cue",
			"Rowan Petts \"totally condemned\" the deletion of the files on Monday.\n\n\"This should never have happened,\" said Mr Petts. \"It was a grave error.\" \"Nobody will be blamed for it.\"",
			[]wantSpeaker{{"totally condemned", "Rowan Petts"}, {"It was a grave error.", "Rowan Petts"}, {"Nobody will be blamed for it.", "Rowan Petts"}}},
		{"a colon quotation after a name is the name's, not the body named before",
			"The government wants a deal by June. Mr Hallam said: \"We want to do nothing that can damage the recovery.\"",
			[]wantSpeaker{{"We want to do nothing that can damage the recovery.", "Hallam"}}},
		{"a description resolves to the person it describes",
			"Marco Vell, who ran the 2012 campaign, joined the firm in May.\n\n\"The numbers are clear,\" the former campaign strategist said.",
			[]wantSpeaker{{"The numbers are clear", "Marco Vell"}}},
		{"a statement is its author's",
			"Governor Ilse Brandt issued a statement on Friday. Her statement said the bridge was \"safe for traffic\".",
			[]wantSpeaker{{"safe for traffic", "Ilse Brandt"}}},
		{"a time is no speaker",
			"Last week the minister, Oskar Lind, said the fund was \"nearly empty\".",
			[]wantSpeaker{{"nearly empty", "Oskar Lind"}}},
		{"a time is never a speaker; a reported passive's subject speaks",
			"Mr Varga changed his mind in June 2004, after his allies intervened, writes Mr Holm. In Mr Holm's book Mr Dace is alleged to have told the mayor: \"Nothing you say now will convince me.\"",
			[]wantSpeaker{{"Nothing you say now will convince me.", "Dace"}}},
		{"the spokesman is the spokesman who spoke, not the name after his verb",
			"A party spokesman said Mr Rudd's resignation followed reports of a meeting. \"He did attend it once and regrets it,\" the spokesman added.",
			[]wantSpeaker{{"He did attend it once and regrets it", "spokesman"}}},
		{"a description ending in a number ('the mother of three') speaks",
			"Ana Ruiz spoke first. When pressed on why the plan left out fathers, the mother of three replied, \"It is meant for mothers first.\"",
			[]wantSpeaker{{"It is meant for mothers first.", "mother of three"}}},
		{"'what X described as' names what follows, not the quotation before",
			"Omar Haddad has repeatedly wondered whether the judges will be \"fair\" to him, in what analysts described as an old tactic.",
			[]wantSpeaker{{"fair", "Omar Haddad"}}},
		{"a participle or a lone 'All' is never a speaker",
			"At the congress in Tartu his aides forced a change in the platform, stripping out a call for \"armed patrols\" on the border.\n\nAll this has led the writer Ilse Brandt to fear a \"quiet surrender.\"",
			[]wantSpeaker{{"armed patrols", "!stripping"}, {"quiet surrender.", "!All"}}},
		{"'as X put it' after a long subject with commas is X's",
			"His Harvard degree, his MBA and his post at Columbia University as a heart surgeon and director of the Harbour Clinic haven’t shielded him from being seen, as The New Yorker put it in a lengthy profile, “the operator.”",
			[]wantSpeaker{{"the operator.", "New Yorker"}}},
		{"'footage of X saying, Q, when Y blasted him' is X's",
			"The advert ends with footage of Oskar Lind saying during the debate last week, \"That makes me clever,\" when Ana Ruiz blasted him for paying no tax.",
			[]wantSpeaker{{"That makes me clever", "Oskar Lind"}}},
		{"a quotation after a sentence whose subject follows a quoted show's name and a parenthesis",
			"Omar Haddad spoke first.\n\nOn \"Morning Harbour,\" Sen. Ilse Brandt (Vt.), who lost the primaries to Omar Haddad, named the exhaustion of young voters as one reason. \"The younger people are tired.\"",
			[]wantSpeaker{{"The younger people are tired.", "Ilse Brandt"}}},
		{"the sentence's subject, not the person its who-clause names",
			"Omar Haddad spoke first.\n\nSen. Ilse Brandt, who lost the primaries to Omar Haddad, named the exhaustion of young voters as one reason. \"The younger people are tired.\"",
			[]wantSpeaker{{"The younger people are tired.", "Ilse Brandt"}}},
		{"'prompted his wife and current nominee X to make a comment that described ... as Q' is X's",
			"The two governors before him had built the prisons. Then Governor Piotr Nowak signed the 1994 bill, which prompted his wife and current party nominee Ilona Nowak to make a comment that described young offenders as \"lost causes.\"",
			[]wantSpeaker{{"lost causes.", "Ilona Nowak"}}},
		{"the archbishop is the archbishop named",
			"Archbishop Samuel Okonkwo visited the camp on Monday.\n\n\"Nobody should be held without trial,\" the archbishop said.",
			[]wantSpeaker{{"Nobody should be held without trial", "Samuel Okonkwo"}}},
	}
	checkSpeakers(t, cases)
}

// speakerCase is an invented brief and the speaker each of its quotations must get.
type speakerCase struct {
	name, body string
	want       []wantSpeaker
}

// wantSpeaker is a quotation and a part of the speaker it must get
// ("!words": words its speaker must not hold).
type wantSpeaker struct{ quote, speaker string }

// checkSpeakers extracts the entities and quotes of each case and checks
// every wanted quotation's speaker contains the wanted words.
func checkSpeakers(t *testing.T, cases []speakerCase) {
	t.Helper()
	x, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := &model.Article{Title: "Brief", Body: c.body}
			x.Extract(a)
			Extract(a)
			for _, w := range c.want {
				var q *model.Quote
				for i := range a.Quotes {
					if strings.TrimRight(a.Quotes[i].Text, ".,") == strings.TrimRight(w.quote, ".,") {
						q = &a.Quotes[i]
					}
				}
				if q == nil {
					t.Errorf("quote %q not found in %+v", w.quote, a.Quotes)
					continue
				}
				if not, ok := strings.CutPrefix(w.speaker, "!"); ok {
					if strings.Contains(q.Speaker, not) {
						t.Errorf("quote %q: speaker %q, never %q", w.quote, q.Speaker, not)
					}
					continue
				}
				if !strings.Contains(q.Speaker, w.speaker) {
					t.Errorf("quote %q: speaker %q, want %q", w.quote, q.Speaker, w.speaker)
				}
			}
		})
	}
}

// TestDescriptionWithNumber checks that "the 34-year-old mother of three"
// (head "mother", a family noun) resolves to the person named before it.
func TestDescriptionWithNumber(t *testing.T) {
	x, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	_, tr := traced(t, x, "Ana Ruiz spoke on Monday. She said the plan was fine, and when pressed on why it left out fathers, the 34-year-old mother of three replied, \"It is meant for mothers first.\"")
	for _, q := range tr.Quotes {
		for _, s := range q.Steps {
			if strings.HasPrefix(s, "the 34-year-old mother of three -> Ana Ruiz: ") {
				return
			}
		}
	}
	var b strings.Builder
	_ = tr.Write(&b, 0)
	t.Errorf("the description did not resolve to Ana Ruiz:\n%s", b.String())
}
