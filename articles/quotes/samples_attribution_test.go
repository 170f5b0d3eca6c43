package quotes

import (
	"io/fs"
	"strings"
	"testing"

	"briefs/articles/entities"
	"briefs/articles/samples"
	"briefs/articles/source"
	"briefs/model"
)

// sampleQuote is one quotation of a built-in brief, by the first words it
// quotes, and the speakers a careful reader would give (the first is the
// best answer; the others are defensible too).
type sampleQuote struct {
	prefix   string
	speakers []string
}

func q(prefix string, speakers ...string) sampleQuote { return sampleQuote{prefix, speakers} }

// sampleSpeakers lists, for each fictional built-in brief, every quotation
// the product should show and who said it, read by hand. A quotation that is
// no quotation (a term in quotation marks nobody is said to have said: "the
// Council's "penholders"", "so-called "shadow fleet"") is not listed: it
// must not be shown.
var sampleSpeakers = map[string][]sampleQuote{
	"001_iaea-board-vienna.md": {
		q("We cannot report to this board", "Matteo Ferraresi-Lund"),
		q("The continuity of our knowledge", "Matteo Ferraresi-Lund"),
		// "Iran’s ambassador to the IAEA, Dariush Kamrani, dismissed what he called ..."
		q("politically manufactured crisis", "Dariush Kamrani"),
		q("no serious answer ever came back", "Dariush Kamrani"),
		q("Every state around this table", "Rebecca Halloran"),
		// the draft resolution's own words
		q("requests", "The draft"),
		q("without further delay", "The draft"),
		q("A resolution like this will only harden", "Oleg Sadovnikov"),
		// "China’s envoy, Lin Shaohua, urged all sides to ..."
		q("return to the spirit of the 2015 arrangement", "Lin Shaohua"),
		q("Our door is open to the inspectors", "Dariush Kamrani"),
		q("What we will not accept", "Dariush Kamrani"),
		q("Resolutions are for the board", "Matteo Ferraresi-Lund"),
		q("Cameras are for us", "Matteo Ferraresi-Lund"),
	},
	"002_geneva-sudan-ceasefire.txt": {
		q("We have agreement on the principle", "Tomas de Aranda"),
		q("That is progress of a kind", "Tomas de Aranda"),
		// "The army delegation, led by retired general X, said it would not accept ..."
		q("armed escorts from a force", "The army delegation"),
		q("sovereignty over national roads", "Mohamed al-Tayeb Nour"),
		// "The Rapid Support Forces' chief negotiator, Ibrahim Adam Sharif, accused ... "Q," he said."
		q("They want a ceasefire on paper", "Ibrahim Adam Sharif"),
		q("We have signed every humanitarian text", "Ibrahim Adam Sharif"),
		q("Every day of delay", "Saskia Lindqvist"),
		// "The U.S. special envoy, Marcus Ellery, said ... He said: "Q""
		q("If the parties can agree", "Marcus Ellery"),
		q("Not yet", "Tomas de Aranda"),
	},
	"003_security-council-haiti.md": {
		q("Haitians did not ask us", "Ana Sofía Berrocal de León"),
		q("the mission will be judged", "Gregory Ashcombe"),
		// "Russia’s envoy, Arkady Belyaev, said ..."
		q("a blank cheque", "Arkady Belyaev"),
		q("sign off on an open-ended armed presence", "Arkady Belyaev"),
		q("Security without politics", "Xu Wenjing"),
		q("We are grateful for every officer", "Jean-Robert Désir"),
		q("We would be more grateful", "Jean-Robert Désir"),
	},
	"004_eu-sanctions-tankers.txt": {
		q("This is the largest single listing", "Helena Marquardt"),
		q("Every one of these tankers", "Helena Marquardt"),
		// "The Hungarian minister, Gábor Szentendrei, said ..."
		q("written assurances", "Gábor Szentendrei"),
		q("We were never against sanctions", "Gábor Szentendrei"),
		q("We were against sanctions that punish", "Gábor Szentendrei"),
		q("Each week we argue among ourselves", "Kadri Vaher"),
		q("illegitimate unilateral restrictions", "Gennady Shirokov"),
		q("take every necessary measure", "Gennady Shirokov"),
	},
	"005_opec-vienna-output.md": {
		q("We chose caution over ambition", "Farid bin Rashid"),
		q("for as long as the numbers tell us to", "Farid bin Rashid"),
		// "Its minister, Mariam Al Suwaidi, said she ... "Q," she said."
		q("A quota that was fair in 2023", "Mariam Al Suwaidi"),
		q("fully committed", "Yerlan Abenov"),
		q("balanced and responsible", "Sergei Karpenko"),
		// "His Iraqi counterpart, Haider al-Jubouri, ... "Q," the Iraqi minister said."
		q("Baghdad needs revenue", "Haider al-Jubouri"),
		// "OPEC’s secretary general, Ahmed Lawal-Bello, rejected ... "Q," he said."
		q("We have been written off many times", "Ahmed Lawal-Bello"),
		q("We are still here", "Ahmed Lawal-Bello"),
	},
	"006_nato-brussels-air-defence.txt": {
		q("For too long we have bought", "Henrik Aalstad"),
		q("That era is over", "Henrik Aalstad"),
		// "The Dutch defence minister, Marieke van den Broek, said ... "Q," she said."
		q("The factories are ready", "Marieke van den Broek"),
		// "Her Turkish counterpart, Selim Atakan, pressed ... "Q," the Turkish minister said."
		q("An alliance that asks us to spend more", "Selim Atakan"),
		q("The U.S. will stand with every ally", "Caroline Bexley"),
		q("another step in the militarisation of Europe", "Russia's mission to the European Union", "Russia's mission"),
		q("They shoot down what is fired at us", "Henrik Aalstad"),
	},
	"007_african-union-addis-talks.md": {
		q("Nobody in this building believes", "Amani Mwakyusa"),
		q("What we are building is a way to check", "Amani Mwakyusa"),
		// "Congo’s foreign minister, Clarisse Mbuyi-Kalonji, said that Kinshasa had come back "Q""
		q("in good faith but with open eyes", "Clarisse Mbuyi-Kalonji"),
		q("Our people were told", "Clarisse Mbuyi-Kalonji"),
		q("They want to see the roads open", "Clarisse Mbuyi-Kalonji"),
		// "Rwanda’s special envoy, Jean-Bosco Habimana, said ... "Q," the Rwandan envoy said."
		q("Security is not a one-way street", "Jean-Bosco Habimana"),
		q("Our border communities have a right", "Jean-Bosco Habimana"),
		// "Esther Nyambura of the Norwegian Refugee Council said the talks were "Q""
		q("the only good news we have had", "Esther Nyambura"),
	},
	"008_asean-manila-maritime.txt": {
		// the ministers' closing statement
		q("serious concern", "Foreign ministers of the Association of Southeast Asian Nations", "Association of Southeast Asian Nations"),
		q("We did not come to Manila", "Ramon Villareal-Cruz"),
		q("We came to say clearly", "Ramon Villareal-Cruz"),
		// "... according to two diplomats involved in the drafting, and the final
		// text avoids naming China directly in its paragraph on "Q"": the text's words
		q("dangerous manoeuvres at sea", "the final text"),
		q("a code with teeth", "Nguyen Thi Lan Anh"),
		// "Malaysia’s foreign minister, Farah binti Kamaruddin, took a more measured line. "Q," she said."
		q("Malaysia’s interest is a sea", "Farah binti Kamaruddin"),
		q("The text is perhaps two-thirds agreed", "Wulan Sasmita"),
		q("The last third is always the hardest", "Wulan Sasmita"),
		q("indisputable sovereignty", "Zhou Mingxuan"),
		q("certain countries outside the region", "Zhou Mingxuan"),
		q("stands with its Philippine ally", "A U.S. State Department spokesperson"),
		q("Ten countries do not always use the same words", "Chea Sovannarith"),
		q("but they want the same thing", "Chea Sovannarith"),
	},
	"009_thessaloniki-summit.md": {
		// "The two leaders met ... In a joint declaration, they pledged to "Q""
		q("refrain from statements and actions", "The two leaders"),
		q("We will not solve in one afternoon", "Nikos Varelas"),
		q("But we have agreed to stop making it worse", "Nikos Varelas"),
		q("Our pilots and our sailors", "Kemal Arıkan"),
		q("agreed to disagree on the big questions", "Eleni Mavrogordatou"),
		// "Her Turkish counterpart, Selim Atakan, described the mood at the table as "Q""
		q("frank, sometimes difficult, never hostile", "Selim Atakan"),
		// "The White House called it "Q," and Downing Street said ..."
		q("an important step for the security", "White House", "The White House"),
		q("at length", "one Greek diplomat"),
		// "Opposition parties in Athens accused Varelas of "Q," and a nationalist deputy in Ankara called ..."
		q("trading sovereignty for photographs", "Opposition parties in Athens", "Opposition parties"),
		q("a trap", "a nationalist deputy in Ankara", "a nationalist deputy"),
		q("Trust is not a feeling", "Nikos Varelas"),
		q("It is a record", "Nikos Varelas"),
	},
	"010_reykjavik-arms-talks.txt": {
		// "Negotiators from the United States and Russia met ..., describing the atmosphere as "Q" and "Q""
		q("businesslike", "Negotiators from the United States and Russia", "Negotiators"),
		q("better than expected", "Negotiators from the United States and Russia", "Negotiators"),
		q("Nobody should expect a treaty", "Daniel Okafor-Reyes"),
		q("What we have is a calendar", "Daniel Okafor-Reyes"),
		q("Strategic stability is indivisible", "Yuri Maltsev"),
		q("You cannot ask us to count our warheads", "Yuri Maltsev"),
		// "a senior US official said ... "Q," the official said"
		q("Transparency is the cheapest form of security", "a senior US official"),
		q("We used to exchange tens of thousands", "a senior US official"),
		q("a certain seriousness", "Gennady Shirokov"),
		q("words must be followed by deeds", "Gennady Shirokov"),
		q("Small countries cannot make peace", "Sigrún Halldórsdóttir"),
		q("but we can at least give them a quiet room", "Sigrún Halldórsdóttir"),
	},
}

// sampleRoles are roles the text gives a speaker, checked where a reader
// would expect them.
var sampleRoles = map[string]string{
	"return to the spirit of the 2015 arrangement": "China’s envoy",
	"in good faith but with open eyes":             "Congo’s foreign minister",
	"This is the largest single listing":           "the bloc's foreign policy chief",
	"Small countries cannot make peace":            "Iceland's foreign minister",
	"sovereignty over national roads":              "its spokesman",
	"armed escorts from a force":                   "",
}

// TestSamplesAttribution runs the product's order (source parsing, the
// entity extractor, then quotes) over each fictional built-in brief and
// checks every quotation the product shows against sampleSpeakers.
func TestSamplesAttribution(t *testing.T) {
	x, err := entities.Default()
	if err != nil {
		t.Fatalf("entities: %v", err)
	}
	for name, want := range sampleSpeakers {
		t.Run(name, func(t *testing.T) {
			data, err := fs.ReadFile(samples.FS, name)
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			arts, err := source.Parse(name, data)
			if err != nil || len(arts) != 1 {
				t.Fatalf("parse %s: %d articles, %v", name, len(arts), err)
			}
			a := &arts[0]
			x.Extract(a)
			Extract(a)
			used := make([]bool, len(a.Quotes))
			for _, w := range want {
				k := -1
				for i, got := range a.Quotes {
					if !used[i] && strings.HasPrefix(got.Text, w.prefix) {
						k = i
						break
					}
				}
				if k < 0 {
					t.Errorf("quote %q not found", w.prefix)
					continue
				}
				used[k] = true
				got := a.Quotes[k]
				ok := false
				for _, s := range w.speakers {
					ok = ok || got.Speaker == s
				}
				if !ok {
					t.Errorf("quote %q: speaker %q (mention %q), want %q", w.prefix, got.Speaker, mentionText(got.SpeakerMention), w.speakers[0])
				}
				if m := got.SpeakerMention; m == nil || a.Text(m.Field)[m.Start:m.End] != m.Text {
					t.Errorf("quote %q: speaker mention %+v does not point at its text", w.prefix, m)
				}
				if role, ok := sampleRoles[w.prefix]; ok && got.SpeakerRole != role {
					t.Errorf("quote %q: role %q, want %q", w.prefix, got.SpeakerRole, role)
				}
				if e := got.SpeakerEntity; e != "" && (a.EntityByID(e) == nil || a.EntityByID(e).Name != got.Speaker) {
					t.Errorf("quote %q: speaker %q is not the name of its entity %q", w.prefix, got.Speaker, e)
				}
			}
			for i, got := range a.Quotes {
				if !used[i] {
					t.Errorf("unexpected quote %q (speaker %q)", got.Text, got.Speaker)
				}
			}
		})
	}
	if n := len(samples.Names()) - 1; len(sampleSpeakers) != n {
		t.Errorf("sampleSpeakers covers %d briefs; samples has %d besides the seed", len(sampleSpeakers), n)
	}
}

func mentionText(m *model.Mention) string {
	if m == nil {
		return ""
	}
	return m.Text
}
