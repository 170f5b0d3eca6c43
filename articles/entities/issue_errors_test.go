package entities

import (
	"testing"

	"briefs/model"
)

// TestIssueErrors holds each kind of error readers met in real articles to
// invented sentences of the same shape (people and towns made up; real
// countries, bodies, companies and broadcasters are facts). kind "" means
// the form must not be an entity; same names a form that must be the same
// entity as form.
func TestIssueErrors(t *testing.T) {
	cases := []struct {
		what, body, form string
		kind             model.EntityKind
		same             string
	}{
		{"a news anchor is a person", "On the evening bulletin Wolf Hadley asked the minister about the vote.", "Wolf Hadley", model.KindPerson, ""},
		{"a long Burmese name is one person", "Opposition leader Aung San Mya Thet was freed on Monday. Supporters of Mya Thet cheered.", "Aung San Mya Thet", model.KindPerson, "Mya Thet"},
		{"a known given name before a surname", "The visit of Condoleezza Harlow to Cairo ended on Friday.", "Condoleezza Harlow", model.KindPerson, ""},
		{"a company is an organisation", "Merck said on Tuesday that its profits had risen by a tenth.", "Merck", model.KindOrganization, ""},
		{"a broadcaster is an organisation", "The interview was aired by Al-Jazeera on Sunday night.", "Al-Jazeera", model.KindOrganization, ""},
		{"a programme is one name", "She told Listener's Hour on Radio 4 that the plan was wrong.", "Listener's Hour", model.KindOther, ""},
		{"a storm is other", "Damage from Hurricane Odalys was worse than first feared.", "Hurricane Odalys", model.KindOther, ""},
		{"towns are places", "Turnout fell in Sunderland and Durham at the local elections.", "Durham", model.KindPlace, ""},
		{"a town before its mayor", "Kettleby mayor Ruth Anstey opened the new bridge on Monday.", "Kettleby", model.KindPlace, ""},
		{"an Act of Parliament is other", "Such a change would need an Act of Parliament, ministers said.", "Act of Parliament", model.KindOther, ""},
		{"a law is other", "Requests under the Freedom of Information Act rose sharply last year.", "Freedom of Information Act", model.KindOther, ""},
		{"a treaty is other", "Both sides said the New START treaty should be extended.", "New START", model.KindOther, ""},
		{"an award is other", "The singer received the Congressional Gold Medal in June.", "Congressional Gold Medal", model.KindOther, ""},
		{"exams are other", "Pupils sitting A-levels and GCSE papers got their results on Thursday.", "GCSE", model.KindOther, ""},
		{"a plural acronym is no name", "Loans to SMEs rose by a fifth last year, the bank said.", "SMEs", "", ""},
		{"a remit before Secretary is no body", "Trade and Industry Secretary Olwen Pryce met bankers on Monday.", "Industry", "", ""},
		{"a remit before Secretary, alone", "Transport Secretary Dafydd Rees said the trains were late.", "Transport", "", ""},
		{"the Taleban are the Taliban", "Taleban fighters attacked a checkpoint. The Taliban later denied it.", "Taleban", model.KindOrganization, "Taliban"},
		{"bare al-Qaida", "Officials blamed al-Qaida for the attack on the convoy.", "al-Qaida", model.KindOrganization, ""},
		{"A.U. is the African Union", "Troops of the African Union were sent north. A.U. officials said more would follow.", "A.U.", model.KindOrganization, "African Union"},
		{"a bare Parliament", "The bill now goes to Parliament, where it may stall.", "Parliament", model.KindOrganization, ""},
		{"a commission named in full", "A report by the Low Pay Commission said wages had risen.", "Low Pay Commission", model.KindOrganization, ""},
		{"a sentence opening No is no name", "No decision has been taken yet, a spokeswoman for the council said.", "No", "", ""},
		{"a quoted No is no name", "Asked whether she would stand again, Ruth Anstey said: \"No.\"", "No", "", ""},
		{"Uni is no name", "Many students who leave Uni in their first year never return, the survey found.", "Uni", "", ""},
		{"Hospital is no name", "The driver was taken to Hospital after the crash on the bypass, police said.", "Hospital", "", ""},
		{"a nickname is no name", "The home secretary, dubbed Robocop for his hard line on crime, met police chiefs.", "Robocop", "", ""},
		{"a nickname before by", "The minister was dubbed Robocop by colleagues after the speech.", "Robocop", "", ""},
		{"Radio 4 is one broadcaster", "Olwen Pryce told Radio 4 on Sunday that the fares would rise.", "Radio 4", model.KindOrganization, ""},
		{"Radio 4's programme", "Speaking on Radio 4's morning programme, Dafydd Rees denied the claim.", "Radio 4", model.KindOrganization, ""},
		{"the Commission is the one the article names", "The Low Pay Commission met on Monday. The Commission said wages had risen.", "Commission", model.KindOrganization, "Low Pay Commission"},
	}
	for _, c := range cases {
		t.Run(c.what, func(t *testing.T) {
			a := extract(t, "", c.body)
			e := find(a, c.form)
			switch {
			case c.kind == "" && e != nil:
				t.Errorf("%q is an entity (%s): %s", c.form, e.ID, describe(a))
			case c.kind != "" && e == nil:
				t.Errorf("%q not found whole: %s", c.form, describe(a))
			case c.kind != "" && e.Kind != c.kind:
				t.Errorf("%q is a %s, want a %s: %s", c.form, e.Kind, c.kind, describe(a))
			case c.same != "" && find(a, c.same) != e:
				t.Errorf("%q and %q are not one entity: %s", c.form, c.same, describe(a))
			}
		})
	}
}
