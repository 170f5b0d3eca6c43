package quotes

import (
	"testing"

	"briefs/articles/entities"
)

// TestSpokespersonNamed ties "a spokesman" to the spokesperson the article
// names, before or after, and leaves it alone when the text does not say
// which (invented briefs).
func TestSpokespersonNamed(t *testing.T) {
	x, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, body, quote, want string
	}{
		{"named before", "Ana Ruiz, a spokeswoman for the harbour authority, met reporters on Monday.\n\n\"The port stays open,\" a spokeswoman said.",
			"The port stays open", "Ana Ruiz"},
		{"named after", "\"We will appeal the ruling,\" a spokesman said on Tuesday.\n\nThe spokesman, Tomas Brenner, added that the party had not been told.",
			"We will appeal the ruling", "Tomas Brenner"},
		{"title before the name", "Foreign ministry spokesman Ivo Kranz spoke first.\n\nLater, \"nothing has been agreed,\" a spokesman for the ministry told reporters.",
			"nothing has been agreed", "Ivo Kranz"},
		{"the one who speaks for them", "Ana Ruiz, a spokeswoman for the harbour authority, and Mira Holt, a spokeswoman for the city council, met reporters.\n\n\"The budget is final,\" a spokeswoman for the council said.",
			"The budget is final", "Mira Holt"},
		{"two and no words to choose", "Ana Ruiz, a spokeswoman for the harbour authority, and Mira Holt, a spokeswoman for the city council, met reporters.\n\n\"The budget is final,\" a spokeswoman said.",
			"The budget is final", "a spokeswoman"},
		{"a spokeswoman is not a spokesman", "Tomas Brenner, a spokesman for the union, met reporters on Monday.\n\n\"The strike is over,\" a spokeswoman said.",
			"The strike is over", "a spokeswoman"},
		{"another's spokesman near", "\"We never said that,\" a spokesman for the Harbour Office said.\n\nBut Ilse Varga, spokeswoman for the Tenants Union, disagreed.",
			"We never said that", "a spokesman for the Harbour Office"},
		{"nobody named", "The port closed early on Monday.\n\n\"We are ready,\" a spokeswoman said.",
			"We are ready", "a spokeswoman"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, _ := traced(t, x, c.body)
			for _, q := range a.Quotes {
				if q.Text == c.quote {
					if q.Speaker != c.want {
						t.Errorf("speaker %q, want %q", q.Speaker, c.want)
					}
					return
				}
			}
			t.Errorf("no quote %q in %+v", c.quote, a.Quotes)
		})
	}
}
