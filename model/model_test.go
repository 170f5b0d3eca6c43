package model

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestSlug(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Bashar al-Assad", "bashar-al-assad"},
		{"U.S.", "us"},
		{"Ursula von der Leyen", "ursula-von-der-leyen"},
		{"Élysée Palace", "elysee-palace"},
		{"  Russia's  ", "russias"},
	} {
		if got := Slug(c.in); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if EntityID(KindCountry, "Russia") != "country:russia" {
		t.Errorf("EntityID = %q", EntityID(KindCountry, "Russia"))
	}
}

func TestArticleIDStable(t *testing.T) {
	a, b := ArticleID("T", "body"), ArticleID("T", "body")
	if a != b || len(a) != 16 {
		t.Fatalf("ids %q %q", a, b)
	}
	if ArticleID("T", "body.") == a || ArticleID("Tb", "ody") == a {
		t.Fatal("different content gave the same id")
	}
}

func TestJSONContractShape(t *testing.T) {
	a := Article{ID: "x", Title: "T", Body: "p1\n\np2"}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"entities":[]`, `"quotes":[]`, `"published":""`, `"url":""`} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s in %s", want, s)
		}
	}
	a.Published = time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	a.Entities = []Entity{{ID: "person:lavrov", Name: "Lavrov", Kind: KindPerson,
		Mentions: []Mention{{Field: FieldBody, Start: 0, End: 2, Text: "p1"}}}}
	a.Quotes = []Quote{{Field: FieldBody, Start: 4, End: 6, Text: "p2"},
		{Field: FieldBody, Text: "x", SpeakerMention: &Mention{Field: FieldBody, Text: "he"}}}
	b, _ = json.Marshal(a)
	s = string(b)
	for _, want := range []string{`"published":"2017-04-12T00:00:00Z"`, `"aliases":[]`, `"speaker_mention":null`, `"speaker_mention":{"field":"body"`} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s in %s", want, s)
		}
	}
	var back Article
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Published.Equal(a.Published) || back.Entities[0].Mentions[0].Text != "p1" || back.Quotes[1].SpeakerMention.Text != "he" {
		t.Fatalf("round trip lost data: %+v", back)
	}
	if got := back.Paragraphs(); len(got) != 2 || got[1] != "p2" {
		t.Fatalf("Paragraphs = %q", got)
	}
}

func TestKindHeadings(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds {
		h := k.Heading()
		if h == "" || seen[h] {
			t.Errorf("kind %q: heading %q empty or shared", k, h)
		}
		seen[h] = true
	}
	if got := KindPerson.Heading(); got != "People" {
		t.Errorf("person heading %q", got)
	}
	if got := EntityKind("event").Heading(); got != "Other" {
		t.Errorf("unknown kind heading %q, want Other", got)
	}
}
