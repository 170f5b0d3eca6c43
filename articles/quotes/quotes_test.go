package quotes

import (
	"strings"
	"testing"
	"unicode/utf8"

	"briefs/articles/entities"
	"briefs/model"
)

// Every sentence here is invented; so is every person.
func TestPatterns(t *testing.T) {
	type want struct {
		text, speaker, cue, role string
		partial                  bool
	}
	cases := []struct {
		name string
		body string
		want []want
	}{
		{"quote comma name said", `"We will not sign this draft," Marta Ilves said on Friday.`,
			[]want{{text: "We will not sign this draft", speaker: "Marta Ilves", cue: "said"}}},
		{"name said colon quote", `Tomas Brenner said: "The talks are over."`,
			[]want{{text: "The talks are over.", speaker: "Tomas Brenner", cue: "said"}}},
		{"quote said name role", `"The corridor stays open," said Lina Sarkis, Jordan's deputy envoy to the UN.`,
			[]want{{text: "The corridor stays open", speaker: "Lina Sarkis", cue: "said", role: "Jordan's deputy envoy to the UN"}}},
		{"said that partial", `Pavel Orlin said that the deal was "dead on arrival" and "a gift to the hardliners".`,
			[]want{{text: "dead on arrival", speaker: "Pavel Orlin", cue: "said", partial: true},
				{text: "a gift to the hardliners", speaker: "Pavel Orlin", cue: "said", partial: true}}},
		{"according to", `According to Ruth Achebe, "nobody in the room believed the figures."`,
			[]want{{text: "nobody in the room believed the figures.", speaker: "Ruth Achebe", cue: "according to", partial: true}}},
		{"pronoun she", "Defence Minister Anna Kovalenko flew to Riga on Monday.\n\n\"We stand with our neighbours,\" she said.",
			[]want{{text: "We stand with our neighbours", speaker: "Anna Kovalenko", cue: "said"}}},
		{"said, then a clause about a thing", `Ana Rusk, a veteran organiser who ran two campaigns in 2019 and is now leading the party's postal-vote effort in the north, said the postal plan is "the core of our strategy."`,
			[]want{{text: "the core of our strategy.", speaker: "Ana Rusk", cue: "said", partial: true}}},
		{"a time phrase before the cue", `Mira Holt less than two weeks ago said the roads were "fully open."`,
			[]want{{text: "fully open.", speaker: "Mira Holt", cue: "said", partial: true}}},
		{"a number with a thousands separator", `The union, with 12,500 members, called the offer "a betrayal."`,
			[]want{{text: "a betrayal.", speaker: "The union", cue: "called", role: "with 12,500 members", partial: true}}},
		{"said first, then a clause about the speaker", `The old school is a museum now. Said Ana Ruiz, who taught there for thirty years, "We kept every desk."`,
			[]want{{text: "We kept every desk.", speaker: "Ana Ruiz", cue: "said"}}},
		{"a cue first, its quotation in the next paragraph", "The envoy spoke for an hour. Stated Ruiz:\n\n\"Nothing was agreed.\"",
			[]want{{text: "Nothing was agreed.", speaker: "Ruiz", cue: "stated"}}},
		{"a day before a noun describes it", `"The plan is dead," reads a Wednesday editorial in the Harbour Gazette.`,
			[]want{{text: "The plan is dead", speaker: "a Wednesday editorial", cue: "reads"}}},
		{"an abbreviated title ending a role", `"The hearing is over," committee Chairman Sen. Ola Brandt said.`,
			[]want{{text: "The hearing is over", speaker: "Ola Brandt", cue: "said", role: "committee Chairman"}}},
		{"what it calls", "The Harbour Alliance defended its leader on Monday. It denounced what it calls \"a coordinated smear.\"",
			[]want{{text: "a coordinated smear.", speaker: "Harbour Alliance", cue: "calls", partial: true}}},
		{"a call for is the noun", `Ana Ruiz said the call for "calm heads" came too late.`,
			[]want{{text: "calm heads", speaker: "Ana Ruiz", cue: "said", partial: true}}},
		{"pronoun he after named speaker", "Omar Haddad said the vote would be delayed. Later he added: \"Nothing is decided.\"",
			[]want{{text: "Nothing is decided.", speaker: "Omar Haddad", cue: "added"}}},
		{"description the minister", "Foreign Minister Tomas Varga met the delegation in Vienna.\n\n\"Our door is open,\" the minister said.",
			[]want{{text: "Our door is open", speaker: "Tomas Varga", cue: "said"}}},
		{"telling colon", `One of his aides went further, telling a local radio station: "The summit was a waste of time."`,
			[]want{{text: "The summit was a waste of time.", speaker: "One of his aides", cue: "telling"}}},
		{"however between subject and cue", `The Chilean ambassador however insisted the offer was "final".`,
			[]want{{text: "final", speaker: "The Chilean ambassador", cue: "insisted", partial: true}}},
		{"cue-less follow-on quote keeps its speaker", "\"This is a red line,\" said Ines Moreau. \"We will not cross it.\"\n\n\"Nor will our partners.\"",
			[]want{{text: "This is a red line", speaker: "Ines Moreau", cue: "said"},
				{text: "We will not cross it.", speaker: "Ines Moreau", cue: "said"},
				{text: "Nor will our partners.", speaker: "Ines Moreau", cue: "said"}}},
		{"multi-paragraph quotation", "Karl Dunst told reporters: \"The first point is trade.\n\n\"The second point is energy.\"",
			[]want{{text: "The first point is trade.\n\n\"The second point is energy.", speaker: "Karl Dunst", cue: "told"}}},
		{"tweeted and wrote", "Sofia Lund tweeted: \"Proud of our team tonight.\"\n\n\"History will judge us,\" Erik Dahl wrote.",
			[]want{{text: "Proud of our team tonight.", speaker: "Sofia Lund", cue: "tweeted"},
				{text: "History will judge us", speaker: "Erik Dahl", cue: "wrote"}}},
		{"curly quotes with nested single quotes", "“They told us ‘not now’ three times,” Amal Nasser said.",
			[]want{{text: "They told us ‘not now’ three times", speaker: "Amal Nasser", cue: "said"}}},
		{"curly quotes inside a straight quotation are its words, and quotations of their own", `"It comes across as “too loud” or “too shrill,” and I keep going," Mara Ostrow said.`,
			[]want{{text: "It comes across as “too loud” or “too shrill,” and I keep going", speaker: "Mara Ostrow", cue: "said"},
				{text: "too loud", speaker: "Mara Ostrow", cue: "said", partial: true},
				{text: "too shrill", speaker: "Mara Ostrow", cue: "said", partial: true}}},
		{"curly quotes inside a curly quotation", "“I would rather live in what he calls “chaos” than in his order,” said Irene Palo.",
			[]want{{text: "I would rather live in what he calls “chaos” than in his order", speaker: "Irene Palo", cue: "said"},
				{text: "chaos", speaker: "Irene Palo", cue: "said", partial: true}}},
		{"a quotation left unclosed before the next one", "“The port stays shut,” Oren Malik said on Monday. “Nobody has asked us.\n“We have asked twice,” added Dina Sorel.",
			[]want{{text: "The port stays shut", speaker: "Oren Malik", cue: "said"},
				{text: "Nobody has asked us.", speaker: "Oren Malik", cue: "said"},
				{text: "We have asked twice", speaker: "Dina Sorel", cue: "added"}}},
		{"a quotation left unclosed on the same line", "“The port stays shut,” Oren Malik said on Monday. “Nobody has asked us. “We have asked twice,” added Dina Sorel.",
			[]want{{text: "The port stays shut", speaker: "Oren Malik", cue: "said"},
				{text: "Nobody has asked us.", speaker: "Oren Malik", cue: "said"},
				{text: "We have asked twice", speaker: "Dina Sorel", cue: "added"}}},
		{"paragraphs run together, each reopening the quotation", `Lord Ferris said: "Victims come first. "Their safety will shape every trial." He went on: "Giving evidence is hard. "Yet it can be done." Ferris told the radio it was a start.`,
			[]want{{text: "Victims come first.", speaker: "Ferris", cue: "said"},
				{text: "Their safety will shape every trial.", speaker: "Ferris", cue: "said"},
				{text: "Giving evidence is hard.", speaker: "Ferris"},
				{text: "Yet it can be done.", speaker: "Ferris"}}}, // "Ferris told the radio it was ..." is a sentence of its own
		{"a stray closing mark opens nothing", `The envoy read out the list of [his] demands" before the session. The only "guarantee" on offer was verbal, Aldo Ferri said.`,
			[]want{{text: "guarantee", speaker: "Aldo Ferri", cue: "said", partial: true}}},
		{"a block quotation in straight marks, quotations in curly ones", "Vera Holt reports:\n\n\"The minister had arrived late. The room was tense.\n\n\"Nobody spoke for a minute.\n\n“We are not here to sign,” she said.",
			[]want{{text: "The minister had arrived late. The room was tense.\n\n\"Nobody spoke for a minute.", speaker: "Vera Holt", cue: "reports"},
				{text: "We are not here to sign", speaker: "Vera Holt", cue: "said"}}},
		{"participle after a determiner and an adverb is an adjective", `After a hastily called meeting, the Harbour Council issued a statement calling the launch "a clear breach".`,
			[]want{{text: "a clear breach", speaker: "Harbour Council", cue: "calling", partial: true}}},
		{"a slash inside the role before the name", "\"The reasons do not hold,\" said 9/11 widow Terry Vance.\n\nShe continued, \"All we ask is a hearing.\"",
			[]want{{text: "The reasons do not hold", speaker: "Terry Vance", cue: "said", role: "9/11 widow"},
				{text: "All we ask is a hearing.", speaker: "Terry Vance", cue: "continued", role: "9/11 widow"}}},
		{"a fragment that ends its sentence is not the next cue's", `Norway branded the launch a "reckless gamble." Chile insisted that the council "act this week."`,
			[]want{{text: "reckless gamble.", speaker: "Norway", partial: true},
				{text: "act this week.", speaker: "Chile", cue: "insisted", partial: true}}},
		{"guillemets", "Jean Marchetti said: «We are ready.»",
			[]want{{text: "We are ready.", speaker: "Jean Marchetti", cue: "said"}}},
		{"told the paper", `"There is no plan B," Hugo Brandt told the Daily Courier.`,
			[]want{{text: "There is no plan B", speaker: "Hugo Brandt", cue: "told"}}},
		{"warned and stressed", `"Time is running out," Dana Okafor warned. Greta Vos stressed that talks must go on "without conditions".`,
			[]want{{text: "Time is running out", speaker: "Dana Okafor", cue: "warned"},
				{text: "without conditions", speaker: "Greta Vos", cue: "stressed", partial: true}}},
		{"plural description", `The pair told reporters they had a "frank" exchange.`,
			[]want{{text: "frank", speaker: "The pair", cue: "told", partial: true}}},
		{"byline after a dash", "“I will vote for the first time this year.” ― Nadia Perez",
			[]want{{text: "I will vote for the first time this year.", speaker: "Nadia Perez"}}},
		{"nobody said it", "The communique was released in Oslo.\n\n\"Peace is a process, not a single signature on a page.\"",
			[]want{{text: "Peace is a process, not a single signature on a page."}}},
		{"pronoun for an unnamed description", "Mayor Lukas Berger opened the ward. A hospital spokeswoman said it was full.\n\n\"We are doing our best,\" she added.",
			[]want{{text: "We are doing our best", speaker: "A hospital spokeswoman", cue: "added"}}},
		{"parenthesis between subject and cue", `Ilse Varga, during a visit to Tartu, Estonia, said the plan was "ready to go".`,
			[]want{{text: "ready to go", speaker: "Ilse Varga", cue: "said", partial: true}}},
		{"participle after a quotation is not inverted", `Pablo Ruiz defended "our values," saying the city was "the heart of the country".`,
			[]want{{text: "our values", speaker: "Pablo Ruiz", cue: "saying", partial: true},
				{text: "the heart of the country", speaker: "Pablo Ruiz", cue: "saying", partial: true}}},
		{"byline paragraph", "\"Schools first, stadiums later.\"\n\n- Olga Pirtskhalava, Tbilisi.",
			[]want{{text: "Schools first, stadiums later.", speaker: "Olga Pirtskhalava"}}},
		{"a spokesman for someone", `The timing was so odd that a spokesman for Vera Lind could only quip: "The calendar was full."`,
			[]want{{text: "The calendar was full.", speaker: "a spokesman for Vera Lind", cue: "quip"}}},
		{"participle phrase between subject and cue", `"We are looking at every option," another official speaking to Radio Nord said.`,
			[]want{{text: "We are looking at every option", speaker: "another official", cue: "said"}}},
		{"as X puts it", `As the columnist Petra Holm puts it, "nobody is steering this ship."`,
			[]want{{text: "nobody is steering this ship.", speaker: "Petra Holm", cue: "put it", partial: true}}},
		{"agreed then a quotation", `Professor Anil Mehta agreed. "The numbers do not add up."`,
			[]want{{text: "The numbers do not add up.", speaker: "Anil Mehta", cue: "agreed"}}},
		{"statement after a colon", "President Ruth Okoro released the following statement:\n\n\"Our thoughts are with the families of the victims.\"",
			[]want{{text: "Our thoughts are with the families of the victims.", speaker: "Ruth Okoro"}}},
		{"speaker before a colon", `The news did not surprise pollster Ada Lindqvist: "Voters had already decided."`,
			[]want{{text: "Voters had already decided.", speaker: "Ada Lindqvist"}}},
		{"continued colon", "Rafael Ortiz spoke for an hour. Ortiz continued:\n\n\"The border is not for sale.\"",
			[]want{{text: "The border is not for sale.", speaker: "Rafael Ortiz", cue: "continued"}}},
		{"coordinated verbs share a subject", `When Mira Kell later turned to the budget and said it was "balanced at last", the room went quiet.`,
			[]want{{text: "balanced at last", speaker: "Mira Kell", cue: "said", partial: true}}},
		{"a thing called is no speaker", `Noor Aziz published a pamphlet called "Bread and Borders" last year.`,
			[]want{{text: "Bread and Borders", speaker: "Noor Aziz"}}},
		{"titles are not quotations", `"We are not done," Lena Moro said on Radio Nord's "Morning Desk" in Oslo.`,
			[]want{{text: "We are not done", speaker: "Lena Moro", cue: "said"}}},
		{"one-word scare quote dropped", `The so-called "reset" never came.`, nil},
		{"markup and heights are not quotations", `<tweet id="12345">Nothing here</tweet> The envoy is 6'2" tall.`,
			nil},
		{"marks between markup attributes", `<tweet author="@envoy" datetime="2026-01-02">Talks resume</tweet>`, nil},
		{"a role, then the name it describes", `Estonia's foreign minister, Kadri Vaher, said the talks were "going nowhere".`,
			[]want{{text: "going nowhere", speaker: "Kadri Vaher", cue: "said", role: "Estonia's foreign minister", partial: true}}},
		{"a chant is said words, even one word in title case", `The minister was met with chants of "Resign!" and cries of "Not In Our Name" outside the hall.`,
			[]want{{text: "Resign!", partial: true}, {text: "Not In Our Name", partial: true}}},
		{"a chant joined in is the chanters'", `The strikers joined in a chant of "Bread First!" at the gate.`,
			[]want{{text: "Bread First!", speaker: "The strikers", partial: true}}},
		{"a work's title is no quotation", `Ilse Brandt starred in "The Long Winter" before she ran for office.`, nil},
		{"an opening phrase with two adjectives", `Following a hastily arranged, late-night session, the Harbour Council issued a statement calling the blockade "an act of war".`,
			[]want{{text: "an act of war", speaker: "Harbour Council", cue: "calling", partial: true}}},
		{"including between subject and verb", `Mr. Dorn's relatives, including his sister, met the envoy on Friday and said they left with "more doubts than before".`,
			[]want{{text: "more doubts than before", speaker: "Mr. Dorn's relatives", cue: "said", partial: true}}},
		{"a document speaks after the cue", `"The treaty does not allow it," said the ruling.`,
			[]want{{text: "The treaty does not allow it", speaker: "the ruling", cue: "said"}}},
		{"a nickname inside a name is no quotation", `"We will hold the line," Senator Ana "Nina" Torres told the crowd.`,
			[]want{{text: "We will hold the line", speaker: `Ana "Nina" Torres`, cue: "told"}}},
		{"a claim of someone's", `Analysts questioned Rolf Voss's claim that the border was "fully secure".`,
			[]want{{text: "fully secure", speaker: "Rolf Voss", cue: "claim", partial: true}}},
		{"a speaker named after with, then she", "Lena Berg, a pollster, counted the ballots. Turnout was low in the north, said Berg.\n\nThe vote became the issue of the week, with Maria Ostrova — who’s called for big recounts in the north — attacking the tally.\n\n\"The count is wrong,\" she said.",
			[]want{
				{text: "The count is wrong", speaker: "Maria Ostrova", cue: "said"}}},
		{"a quotation inside a clause after 'after she'", `Rolf Voss described Mayor Ana Lind as "reckless" after she blamed the floods on "bad luck".`,
			[]want{{text: "reckless", speaker: "Rolf Voss", cue: "described", partial: true},
				{text: "bad luck", speaker: "Ana Lind", cue: "blamed", partial: true}}},
		{"an opening phrase with two adjectives before the subject", `In a wide-ranging, in-prison interview with a reporter last year, Tomas Lind said he welcomed the trial and added, "I will plead guilty."`,
			[]want{{text: "I will plead guilty.", speaker: "Tomas Lind", cue: "added"}}},
		{"a time phrase before the subject", `But a few days later, Vera Koss reversed herself again, telling the radio that the rules "are settled".`,
			[]want{{text: "are settled", speaker: "Vera Koss", cue: "telling", partial: true}}},
		{"outside opens a phrase, not a subject", `Outside the arena, about 200 protesters gathered, chanting "Go home."`,
			[]want{{text: "Go home.", speaker: "about 200 protesters", cue: "chanting"}}},
		{"a cue opening the sentence before the name", "\"The count was fair,\" Rolf Stein said.\n\nContinued Stein: \"Nobody has shown otherwise.\"",
			[]want{{text: "The count was fair", speaker: "Rolf Stein", cue: "said"},
				{text: "Nobody has shown otherwise.", speaker: "Rolf Stein", cue: "continued"}}},
		{"a participle as an adjective in the speaker", `"It was very pleasant," the shipping magnate told reporters. "It was brief," the left-leaning paper wrote.`,
			[]want{{text: "It was very pleasant", speaker: "the shipping magnate", cue: "told"},
				{text: "It was brief", speaker: "the left-leaning paper", cue: "wrote"}}},
		{"a stray mark opening an excerpt's paragraph", "The rally went on.\n\n\"Ines Varga walked onto the stage, chanting “Free the port!”\n\n“Not today,” said Omar Haddad.",
			[]want{{text: "Free the port!", speaker: "Ines Varga", cue: "chanting"},
				{text: "Not today", speaker: "Omar Haddad", cue: "said"}}},
		{"a doubled opening mark", "\"“The vote stands,” Ines Varga said. ““We counted twice,” Omar Haddad added.",
			[]want{{text: "The vote stands", speaker: "Ines Varga", cue: "said"},
				{text: "We counted twice", speaker: "Omar Haddad", cue: "added"}}},
		{"a number or a hashtag ending a quotation", `The envoy, who is 5'11" tall, said he was "99.9" percent sure. Ines Varga wrote "Thank you, Riga! #Vote2026" at noon.`,
			[]want{{text: "99.9", speaker: "The envoy", cue: "said", partial: true},
				{text: "Thank you, Riga! #Vote2026", speaker: "Ines Varga", cue: "wrote"}}},
		{"a crowd screaming back", "The mayor asked who would pay for the bridge.\n\n“Brussels!” the crowd screamed back.",
			[]want{{text: "Brussels!", speaker: "the crowd", cue: "screamed"}}},
		{"a slogan after 'a goal of' is said, a show after 'on' is a title", `Ines Varga proclaimed a goal of "Bread Before Borders." She said it on "Morning Harbour" later.`,
			[]want{{text: "Bread Before Borders.", speaker: "Ines Varga", cue: "proclaimed", partial: true}}},
		{"a noun-like verb after he or she", "Lena Ortiz ran toward the car.\n\n\"Stop the engine now,\" she yells while running.",
			[]want{{text: "Stop the engine now", speaker: "Lena Ortiz", cue: "yells"}}},
		{"state before a noun is no cue", `"The boundaries did not match," state prosecutor Ana Ruiz told reporters. "Nothing was hidden," states the report.`,
			[]want{{text: "The boundaries did not match", speaker: "Ana Ruiz", cue: "told"},
				{text: "Nothing was hidden", speaker: "the report", cue: "states"}}},
		{"a cue with a clause after it opens the next sentence", `"Exports held up," said economist Ana Ruiz. "The bank should stand ready to cut rates." Some traders have predicted rates will fall.`,
			[]want{{text: "Exports held up", speaker: "Ana Ruiz", cue: "said"},
				{text: "The bank should stand ready to cut rates.", speaker: "Ana Ruiz", cue: "said"}}},
		{"a relative clause's words are what it describes", `The claims were denied by Foreign Minister Ana Ruiz, who accused the opposition of "playing games". The rules stand.`,
			[]want{{text: "playing games", speaker: "Ana Ruiz", cue: "", partial: true}}},
		{"a name and a colon around a noun-like verb", "Mayor Ana Lind asked Omar Haddad about the plan. Haddad replies: \"Nothing is decided.\" The mayor then says: \"Then we wait.\"",
			[]want{{text: "Nothing is decided.", speaker: "Omar Haddad", cue: "replies"},
				{text: "Then we wait.", speaker: "Ana Lind", cue: "says"}}},
		{"his message was", "Ana Ruiz said growth mattered most. Her message to the bank was: \"Hold rates.\"",
			[]want{{text: "Hold rates.", speaker: "Ana Ruiz", cue: ""}}},
		{"a description is the person with that title, not the next name", "Foreign Minister Tomas Varga met Omar Haddad in Vienna. \"Our door is open,\" the minister said.",
			[]want{{text: "Our door is open", speaker: "Tomas Varga", cue: "said"}}},
		{"a deputy is not the principal", "Prime Minister Ana Lind defended the plan at a dinner hosted by Deputy Prime Minister Omar Haddad. \"We stand firm,\" the prime minister said.",
			[]want{{text: "We stand firm", speaker: "Ana Lind", cue: "said"}}},
		{"a role, a comma and a name after an inverted cue", `"The routes do not pay," said the airline's director of planning, Robert Boyle. "It has a full-scale crisis," commented Michael Boyd, an industry consultant.`,
			[]want{{text: "The routes do not pay", speaker: "Robert Boyle", cue: "said", role: "the airline's director of planning"},
				{text: "It has a full-scale crisis", speaker: "Michael Boyd", cue: "commented", role: "an industry consultant"}}},
		{"letters after the name in 'ROLE, NAME, said'", `The party's finance spokesman, Brian Holm MSP, said: "It is a tax in disguise."`,
			[]want{{text: "It is a tax in disguise.", speaker: "Brian Holm", cue: "said", role: "the party's finance spokesman"}}},
		{"a group is never he", "Tomas Varga told MPs the plan was \"justified\". Others disagreed. He added: \"No deal.\"",
			[]want{{text: "justified", speaker: "Tomas Varga", cue: "told", partial: true},
				{text: "No deal.", speaker: "Tomas Varga", cue: "added"}}},
		{"a title-case role before a name that is also a word", `The Shadow Secretary of State for the Family, Theresa May, said: "We will act." "The plan holds," said Nortel president and chief executive Bill Owens.`,
			[]want{{text: "We will act.", speaker: "Theresa May", cue: "said", role: "the Shadow Secretary of State for the Family"},
				{text: "The plan holds", speaker: "Bill Owens", cue: "said", role: "Nortel president and chief executive"}}},
		{"the spokesman of a named person is the spokesman", `A spokesman for Omar Haddad said the talks were over. "The plan is dead," the spokesman said.`,
			[]want{{text: "The plan is dead", speaker: "A spokesman for Omar Haddad", cue: "said"}}},
		{"Asked opens the next sentence", `Omar Haddad said: "We accept some of it." Asked whether he was comfortable, he nodded.`,
			[]want{{text: "We accept some of it.", speaker: "Omar Haddad", cue: "said"}}},
		{"a cue a colon follows introduces the next quotation", `Senior manager Jon Walton said: "It has been mobbed. "Every week footfall grew." Harbour Street Traders director Ana Ruiz said on Saturday: "The stores were heaving."`,
			[]want{{text: "It has been mobbed.", speaker: "Jon Walton", cue: "said"},
				{text: "Every week footfall grew.", speaker: "Jon Walton", cue: "said"},
				{text: "The stores were heaving.", speaker: "Ana Ruiz", cue: "said"}}},
		{"a coordinated clause has its own speaker", `The ministry called it "a provocation," and the embassy said it would reply.`,
			[]want{{text: "a provocation", speaker: "The ministry", cue: "called", partial: true}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := &model.Article{Title: "A brief", Body: c.body}
			Extract(a)
			if len(a.Quotes) != len(c.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(a.Quotes), a.Quotes, len(c.want))
			}
			for i, w := range c.want {
				q := a.Quotes[i]
				if q.Text != w.text || q.Speaker != w.speaker || q.Cue != w.cue || q.Partial != w.partial {
					t.Errorf("quote %d = {%q speaker %q cue %q partial %v}, want {%q %q %q %v}",
						i, q.Text, q.Speaker, q.Cue, q.Partial, w.text, w.speaker, w.cue, w.partial)
				}
				if w.role != "" && q.SpeakerRole != w.role {
					t.Errorf("quote %d role = %q, want %q", i, q.SpeakerRole, w.role)
				}
				if q.Field != model.FieldBody || a.Body[q.Start:q.End] != q.Text {
					t.Errorf("quote %d: offsets [%d,%d) in %s do not give its text", i, q.Start, q.End, q.Field)
				}
				if (q.SpeakerMention == nil) != (w.speaker == "") {
					t.Errorf("quote %d: speaker mention %v with speaker %q", i, q.SpeakerMention, w.speaker)
				}
				if m := q.SpeakerMention; m != nil && a.Body[m.Start:m.End] != m.Text {
					t.Errorf("quote %d: speaker mention offsets do not give %q", i, m.Text)
				}
			}
		})
	}
}

// TestEntities checks that entity mentions name the speaker: its canonical
// name and id, even when the text uses a short form or a pronoun.
func TestEntities(t *testing.T) {
	body := "Prime Minister Helga Strand opened the session.\n\n\"We will balance the budget,\" Strand said. \"Every ministry will help,\" she added."
	a := &model.Article{Body: body}
	id := model.EntityID(model.KindPerson, "Helga Strand")
	full := strings.Index(body, "Helga Strand")
	short := strings.Index(body, "Strand said")
	a.Entities = []model.Entity{{ID: id, Name: "Helga Strand", Kind: model.KindPerson, Aliases: []string{"Helga Strand", "Strand"},
		Mentions: []model.Mention{
			{Field: model.FieldBody, Start: full, End: full + len("Helga Strand"), Text: "Helga Strand"},
			{Field: model.FieldBody, Start: short, End: short + len("Strand"), Text: "Strand"},
		}}}
	Extract(a)
	if len(a.Quotes) != 2 {
		t.Fatalf("got %d quotes, want 2", len(a.Quotes))
	}
	for _, q := range a.Quotes {
		if q.Speaker != "Helga Strand" || q.SpeakerEntity != id {
			t.Errorf("quote %q: speaker %q entity %q, want Helga Strand %s", q.Text, q.Speaker, q.SpeakerEntity, id)
		}
	}
	if m := a.Quotes[0].SpeakerMention; m == nil || m.Start != short {
		t.Errorf("first quote's speaker mention = %+v, want the mention at %d", m, short)
	}
	if m := a.Quotes[1].SpeakerMention; m == nil || m.Text != "she" {
		t.Errorf("second quote's speaker mention = %+v, want \"she\"", m)
	}
}

// TestHonorificIsNoRole: "Mr Strand said" names Helga Strand, with no role
// "Mr", and the honorific still gives the gender for the pronoun after it.
func TestHonorificIsNoRole(t *testing.T) {
	body := "Olav Strand and Helga Berg met in Oslo.\n\n\"We will balance the budget,\" Mr Strand said. \"Every ministry will help,\" he added."
	a := &model.Article{Body: body}
	var ents []model.Entity
	for _, p := range [][2]string{{"Olav Strand", "Strand"}, {"Helga Berg", ""}} {
		e := model.Entity{ID: model.EntityID(model.KindPerson, p[0]), Name: p[0], Kind: model.KindPerson}
		full := strings.Index(body, p[0])
		e.Mentions = append(e.Mentions, model.Mention{Field: model.FieldBody, Start: full, End: full + len(p[0]), Text: p[0]})
		if p[1] != "" {
			short := strings.Index(body, "Mr "+p[1]) + len("Mr ")
			e.Mentions = append(e.Mentions, model.Mention{Field: model.FieldBody, Start: short, End: short + len(p[1]), Text: p[1]})
		}
		ents = append(ents, e)
	}
	a.Entities = ents
	Extract(a)
	if len(a.Quotes) != 2 {
		t.Fatalf("got %d quotes, want 2", len(a.Quotes))
	}
	for _, q := range a.Quotes {
		if q.Speaker != "Olav Strand" || q.SpeakerRole != "" {
			t.Errorf("quote %q: speaker %q role %q, want Olav Strand and no role", q.Text, q.Speaker, q.SpeakerRole)
		}
	}
}

// TestDescriptionNamingAPlace: "The former New Mexico governor ... He
// released ... “Q”" stands for the person named just before (Gary Olsen),
// not for the article's most named person.
func TestDescriptionNamingAPlace(t *testing.T) {
	body := "Rex Dalton said the race was tight. Dalton spoke twice more on Friday, and Dalton's aides agreed.\n\n" +
		"Candidate Gary Olsen’s doctor calls him fit.\n\n" +
		"The former New Mexico governor is a triathlete. He released a letter that says he has “extraordinarily good health” for his age."
	a := &model.Article{Body: body}
	add := func(kind model.EntityKind, name string, texts ...string) {
		e := model.Entity{ID: model.EntityID(kind, name), Name: name, Kind: kind}
		from := 0
		for _, tx := range texts {
			i := strings.Index(body[from:], tx) + from
			e.Mentions = append(e.Mentions, model.Mention{Field: model.FieldBody, Start: i, End: i + len(tx), Text: tx})
			from = i + len(tx)
		}
		a.Entities = append(a.Entities, e)
	}
	add(model.KindPerson, "Rex Dalton", "Rex Dalton", "Dalton", "Dalton")
	add(model.KindPerson, "Gary Olsen", "Gary Olsen")
	add(model.KindPlace, "New Mexico", "New Mexico")
	Extract(a)
	if len(a.Quotes) != 1 || a.Quotes[0].Speaker != "Gary Olsen" {
		t.Fatalf("quotes %+v, want one by Gary Olsen", a.Quotes)
	}
}

// TestParagraphAboutASpeaker: a paragraph about a named person, with no
// quotation, then a paragraph that opens with one: the quotation is that
// person's (entities from the product's extractor).
func TestParagraphAboutASpeaker(t *testing.T) {
	x, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Article{Title: "Port deal", Body: "\"The port deal is sound,\" Ines Valdor said.\n\n" +
		"Tomas Brel left early. Valdor is confident the senate will agree, because she sees no rival plan.\n\n" +
		"\"Nobody else has put a figure on the table.\""}
	x.Extract(a)
	Extract(a)
	if len(a.Quotes) != 2 {
		t.Fatalf("got %d quotes %+v, want 2", len(a.Quotes), a.Quotes)
	}
	if q := a.Quotes[1]; q.Speaker != "Ines Valdor" || q.SpeakerEntity == "" {
		t.Errorf("second quote: speaker %q entity %q, want Ines Valdor and her entity", q.Speaker, q.SpeakerEntity)
	}
}

// TestFirstPersonIsTheWriter: in a column with a byline, "I said" is the
// writer's; with no byline it stays "I".
func TestFirstPersonIsTheWriter(t *testing.T) {
	body := "When my neighbour asked about the vote, I laughed and said, \"I have not decided.\""
	a := &model.Article{Body: body, Author: "Lena Sorvik"}
	Extract(a)
	if len(a.Quotes) != 1 || a.Quotes[0].Speaker != "Lena Sorvik" || a.Quotes[0].SpeakerMention == nil || a.Quotes[0].SpeakerMention.Text != "I" {
		t.Fatalf("with a byline: %+v, want Lena Sorvik (mention I)", a.Quotes)
	}
	b := &model.Article{Body: body}
	Extract(b)
	if len(b.Quotes) != 1 || b.Quotes[0].Speaker != "I" {
		t.Fatalf("without a byline: %+v, want I", b.Quotes)
	}
}

// TestColumnWriterFromBio: with no byline, a column's closing line ("Lena
// Sorvik is a playwright ...") names the writer "I" stands for; "she" is
// never the writer.
func TestColumnWriterFromBio(t *testing.T) {
	body := "When my mother mentioned the vote, I laughed and said, \"I have not decided.\" She was upset. To which she said, \"Decide soon.\"\n\nLena Sorvik is a playwright in Tallinn."
	at := strings.LastIndex(body, "Lena Sorvik")
	a := &model.Article{Body: body, Entities: []model.Entity{{ID: "person:lena-sorvik", Kind: model.KindPerson, Name: "Lena Sorvik",
		Mentions: []model.Mention{{Field: model.FieldBody, Start: at, End: at + len("Lena Sorvik"), Text: "Lena Sorvik"}}}}}
	Extract(a)
	if len(a.Quotes) != 2 || a.Quotes[0].Speaker != "Lena Sorvik" || a.Quotes[0].SpeakerEntity != "person:lena-sorvik" || a.Quotes[1].Speaker == "Lena Sorvik" {
		t.Fatalf("got %+v, want the first quote by Lena Sorvik (I) and the second not", a.Quotes)
	}
}

// TestBadInput makes sure odd text neither panics nor yields bad offsets.
func TestBadInput(t *testing.T) {
	for _, body := range []string{
		`"`, `""`, `" "`, "“", "”", "«»", `"unclosed`, "\"a\n\n\"b", "\n\n\"\n\n", `said "`, `"x," said`, `according to`,
		"\xff\"\xfe\"", `"Q," said, , ,`, `)" said (`, "«a» «b» «", `“a“b”c”`,
	} {
		a := &model.Article{Title: body, Body: body}
		Extract(a)
		for _, q := range a.Quotes {
			if a.Text(q.Field)[q.Start:q.End] != q.Text {
				t.Errorf("%q: quote offsets [%d,%d) do not give %q", body, q.Start, q.End, q.Text)
			}
		}
	}
}

// FuzzExtract checks that no input panics and that every offset gives its text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{`"Q," X said.`, "“a ‘b’ c,” she said.\n\n“d", `according to Y, «Z»`, `"x" ― Ann Lee`, `"Q," said, ,`,
		`Its envoy, Col. Ann al-Lee, who spoke, said "Q," and the Iraqi minister said "R".`, `The Forces' chief, A B, said, "x"`,
		"A senior official said it.\n\n\"Q,\" the official said. She continued, \"R\"", `The so-called "x" show "Big Top" podcast`,
		"“a “b” c,” X said. “d.\n“e,” Y added.", `[his] systems" then "z" and "q “r” s," A said.`, "\"p\n\n“q,” she said.\n\n\"r “s”", `met with chants of "No!" and cries of`, "Stated X:", "Said A, who, \"q\"",
		"x\n\n\"A walked on, chanting “U!”\n\n“b,” C said.", "\"“a,” B said. ““c”", `He is 6'3" and "99.9" sure, #T2016" he 5’11"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		a := &model.Article{Title: body, Body: body}
		Extract(a)
		for _, q := range a.Quotes {
			text := a.Text(q.Field)
			if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
				t.Fatalf("%q: bad quote offsets [%d,%d)", body, q.Start, q.End)
			}
			if m := q.SpeakerMention; m != nil && (m.Start < 0 || m.End > len(a.Text(m.Field)) || a.Text(m.Field)[m.Start:m.End] != m.Text) {
				t.Fatalf("%q: bad speaker mention %+v", body, *m)
			}
		}
	})
}

func TestCountWords(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "a\u00a0b c", "x\u2003y\u0085z", "tab\tand\nline", "a b c d e f g h"} {
		for limit := 0; limit < 10; limit++ {
			if got, want := countWords(s, limit), min(len(strings.Fields(s)), limit); got != want {
				t.Errorf("countWords(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
}

// TestWordClassesAreWords checks that tokenize may leave the classes of a
// punctuation item empty: no word set of wordClasses holds a lone mark.
func TestWordClassesAreWords(t *testing.T) {
	for w := range wordClasses {
		if r, n := utf8.DecodeRuneInString(w); n == len(w) && !isWordRune(r) {
			t.Errorf("wordClasses holds %q, which tokenize makes a punctuation item", w)
		}
	}
}

// TestLexiconCues checks the cue table built from the lexicon's speech
// verbs: every regular form a cue, the noun-like forms not (but after
// he/she), the irregular verbs by hand.
func TestLexiconCues(t *testing.T) {
	for w, want := range map[string]string{"warned": "warn", "warning": "warn", "insists": "insist", "said": "say", "told": "tell"} {
		if got := cues[w].lemma; got != want {
			t.Errorf("cue %q: lemma %q, want %q", w, got, want)
		}
	}
	for _, w := range []string{"claims", "report", "calls"} {
		if cues[w] != (cueForm{}) {
			t.Errorf("%q is a cue; the lexicon says it is mostly a noun", w)
		}
	}
	if pronounCues["claims"].lemma != "claim" {
		t.Errorf("'he claims': %+v", pronounCues["claims"])
	}
	if !roleNouns["minister"] || !documentNouns["statement"] || !speechNouns["remarks"] || !groupHeads["campaign"] || !personNouns["aide"] {
		t.Error("a description list lost a word")
	}
}

// TestContainsWordAsFields holds containsWord and containsStem, which walk
// the words without allocating, to the words strings.FieldsFunc gives.
func TestContainsWordAsFields(t *testing.T) {
	notLetter := func(r rune) bool { return !(r >= 'a' && r <= 'z') }
	for _, s := range []string{"", "the minister, ana ruiz", "  ministère des affaires", "iraq's envoy", "a-b c", "régime x", "rwanda"} {
		words := strings.FieldsFunc(s, notLetter)
		for _, w := range append(words, "minister", "iraqi", "rwandan", "x", "gime", "ministre") {
			want := false
			for _, f := range words {
				want = want || f == w
			}
			if got := containsWord(s, w); got != want {
				t.Errorf("containsWord(%q, %q) = %v", s, w, got)
			}
			wantStem := false
			for _, f := range words {
				wantStem = wantStem || f == w || len(f) >= 4 && len(w) >= 4 && (strings.HasPrefix(w, f) && len(w)-len(f) <= 3 || strings.HasPrefix(f, w) && len(f)-len(w) <= 3)
			}
			if got := containsStem(s, w); got != wantStem {
				t.Errorf("containsStem(%q, %q) = %v", s, w, got)
			}
		}
	}
}
