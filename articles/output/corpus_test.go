package output

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"briefs/articles/index"
	"briefs/model"
)

// ent describes an entity of a hand-made article: its mentions are every
// occurrence of its forms in the title and body.
type ent struct {
	id    string
	kind  model.EntityKind
	name  string
	forms []string // longest first
}

// quo describes a quote: its words (found in the body) and speaker.
type quo struct {
	text, speaker, speakerID string
}

// mk builds an article from fiction, filling mentions and quote offsets.
func mk(title, body, day string, ents []ent, quotes []quo) model.Article {
	a := model.Article{Title: title, Body: body, ID: model.ArticleID(title, body)}
	if day != "" {
		a.Published, _ = time.Parse("2006-01-02", day)
	}
	for _, e := range ents {
		me := model.Entity{ID: e.id, Kind: e.kind, Name: e.name, Aliases: e.forms}
		for _, f := range []model.Field{model.FieldTitle, model.FieldBody} {
			text := a.Text(f)
			taken := make([]bool, len(text))
			for _, form := range e.forms {
				for at := 0; ; {
					k := strings.Index(text[at:], form)
					if k < 0 {
						break
					}
					s, end := at+k, at+k+len(form)
					if !slices.Contains(taken[s:end], true) {
						me.Mentions = append(me.Mentions, model.Mention{Field: f, Start: s, End: end, Text: form})
						for i := s; i < end; i++ {
							taken[i] = true
						}
					}
					at = end
				}
			}
		}
		a.Entities = append(a.Entities, me)
	}
	for _, q := range quotes {
		k := strings.Index(body, q.text)
		if k < 0 {
			panic("quote not in body: " + q.text)
		}
		a.Quotes = append(a.Quotes, model.Quote{Field: model.FieldBody, Start: k, End: k + len(q.text),
			Text: q.text, Speaker: q.speaker, SpeakerEntity: q.speakerID, Cue: "said"})
	}
	return a
}

var (
	russia = ent{"country:russia", model.KindCountry, "Russia", []string{"Russian Federation", "Russia"}}
	iran   = ent{"country:iran", model.KindCountry, "Iran", []string{"Iran"}}
	usa    = ent{"country:united-states", model.KindCountry, "United States", []string{"United States", "U.S."}}
	iaea   = ent{"organization:iaea", model.KindOrganization, "International Atomic Energy Agency", []string{"International Atomic Energy Agency", "IAEA"}}
	belov  = ent{"person:anton-belov", model.KindPerson, "Anton Belov", []string{"Anton Belov", "Belov"}}
	belovS = ent{"person:belov", model.KindPerson, "Belov", []string{"Belov"}}
	orlovI = ent{"person:dmitri-orlov", model.KindPerson, "Dmitri Orlov", []string{"Dmitri Orlov", "Orlov"}}
	orlovY = ent{"person:dmitry-orlov", model.KindPerson, "Dmitry Orlov", []string{"Dmitry Orlov", "Orlov"}}
	moscow = ent{"place:moscow", model.KindPlace, "Moscow", []string{"Moscow"}}
	vienna = ent{"place:vienna", model.KindPlace, "Vienna", []string{"Vienna"}}
)

// corpus is a handful of invented briefs.
func corpus() []model.Article {
	return []model.Article{
		mk("Russia and Iran discuss reactor deal",
			"Foreign Minister Anton Belov met Iranian officials in Moscow on Monday.\n\n"+
				"\"We will finish the reactor on time,\" Belov said, adding that Russia would keep its word.",
			"2024-03-01", []ent{belov, russia, iran, moscow},
			[]quo{{"We will finish the reactor on time,", "Anton Belov", "person:anton-belov"}}),
		mk("Belov warns on sanctions",
			"The Russian Federation will answer any new sanctions, Belov told reporters.\n\n"+
				"\"Sanctions have never worked,\" Belov said. Talks with Iran continue next week.",
			"2024-05-01", []ent{belovS, russia, iran},
			[]quo{{"Sanctions have never worked,", "Belov", "person:belov"}}),
		mk("Inspectors return to Vienna",
			"Dmitri Orlov, a Russia envoy, said the IAEA would send inspectors back.\n\n"+
				"\"The IAEA must see every site,\" Orlov said in Vienna. The U.S. welcomed the step.",
			"2024-06-10", []ent{orlovI, russia, iaea, vienna, usa},
			[]quo{{"The IAEA must see every site,", "Dmitri Orlov", "person:dmitri-orlov"}}),
		mk("Envoy Orlov meets United States delegation",
			"Dmitry Orlov met a United States delegation about the reactor.\n\n"+
				"\"Nothing is settled yet,\" one of his deputies said.",
			"2024-07-01", []ent{orlovY, usa},
			[]quo{{"Nothing is settled yet,", "One of his deputies", ""}}),
	}
}

func TestWriters(t *testing.T) {
	ix := index.Build(corpus(), nil)
	res, _ := ix.Search("Belov", 0)
	for _, f := range []Format{FormatJSONL, FormatJSON, FormatMarkdown, FormatText} {
		var b bytes.Buffer
		if err := WriteHits(&b, f, res.Hits); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "Belov warns on sanctions") {
			t.Errorf("%s hits lack a title:\n%s", f, b.String())
		}
	}
	var b bytes.Buffer
	if err := WriteHits(&b, FormatJSONL, res.Hits); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("jsonl lines: %d", len(lines))
	}
	var h map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &h); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "title", "published", "score", "entities", "canonical", "snippet"} {
		if _, ok := h[k]; !ok {
			t.Errorf("hit lacks %q", k)
		}
	}
	b.Reset()
	if err := WriteHits(&b, FormatText, res.Hits); err != nil || !strings.Contains(b.String(), "[Belov]") {
		t.Errorf("text hits should mark highlights:\n%s", b.String())
	}

	b.Reset()
	if err := WriteQuotes(&b, FormatJSON, ix.Quotes("Belov", "")); err != nil {
		t.Fatal(err)
	}
	var qs []struct {
		ID        string `json:"id"`
		SpeakerID string `json:"speaker_id"`
		Quote     struct {
			Text          string `json:"text"`
			SpeakerEntity string `json:"speaker_entity"`
		} `json:"quote"`
	}
	if err := json.Unmarshal(b.Bytes(), &qs); err != nil || len(qs) != 2 {
		t.Fatalf("quotes json: %v %s", err, b.String())
	}
	if qs[1].SpeakerID != "person:anton-belov" || qs[1].Quote.SpeakerEntity != "person:belov" || qs[1].Quote.Text == "" {
		t.Errorf("quote json: %+v", qs[1])
	}

	b.Reset()
	if err := WriteEntities(&b, FormatJSONL, ix.EntitiesWith(model.KindCountry, 2)); err != nil {
		t.Fatal(err)
	}
	var e struct {
		ID       string `json:"id"`
		Articles int    `json:"articles"`
		With     []struct {
			ID string `json:"id"`
		} `json:"with"`
	}
	if err := json.Unmarshal([]byte(strings.Split(b.String(), "\n")[0]), &e); err != nil || e.ID != "country:russia" || e.Articles != 3 || len(e.With) != 2 {
		t.Errorf("entities jsonl: %v %+v", err, e)
	}
	for _, f := range []Format{FormatMarkdown, FormatText} {
		b.Reset()
		if err := WriteEntities(&b, f, ix.Entities("")); err != nil || !strings.Contains(b.String(), "Anton Belov") {
			t.Errorf("%s entities:\n%s", f, b.String())
		}
		b.Reset()
		if err := WriteQuotes(&b, f, ix.Quotes("", "")); err != nil || !strings.Contains(b.String(), "(unattributed)") && !strings.Contains(b.String(), "One of his deputies") {
			t.Errorf("%s quotes:\n%s", f, b.String())
		}
	}
	if _, err := ParseFormat("yaml"); err == nil {
		t.Error("ParseFormat(yaml) should fail")
	}
	if f, err := ParseFormat("Markdown"); err != nil || f != FormatMarkdown {
		t.Errorf("ParseFormat(Markdown) = %q %v", f, err)
	}
}
