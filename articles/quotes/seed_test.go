package quotes

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefs/articles/entities"
	"briefs/articles/quotes/internal/plainbrief"
	"briefs/articles/samples"
	"briefs/model"
)

// parseBrief makes an article of a plain-text brief as the reader does
// (plainbrief.Parse: first paragraph the title, repeats of it dropped),
// with a trailing "Related news" cut.
func parseBrief(raw string) model.Article {
	a, _ := plainbrief.Parse(strings.ReplaceAll(raw, "\r\n", "\n"))
	body := strings.TrimSpace(strings.TrimSuffix(a.Body, "Related news"))
	return model.Article{ID: model.ArticleID(a.Title, body), Title: a.Title, Body: body}
}

type seedQuote struct {
	Text    string   `json:"text"`
	Speaker *string  `json:"speaker"`
	AlsoOK  []string `json:"also_ok"`
	Partial *bool    `json:"partial"`
	Note    string   `json:"note"`
}

// linkedSpeaker reads the speaker a spec's note allows for a quotation it
// leaves unattributed ("a reader may link it to Donald Trump, who ..."), or "".
func linkedSpeaker(note string) string {
	_, after, ok := strings.Cut(note, "may link it to ")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(after, ",")
	return strings.TrimSpace(name)
}

// checkQuote finds want among got (by its words) and checks its speaker.
func checkQuote(t *testing.T, a *model.Article, want seedQuote) {
	t.Helper()
	var q *model.Quote
	for i := range a.Quotes {
		if strings.TrimRight(a.Quotes[i].Text, ".,") == strings.TrimRight(want.Text, ".,") {
			q = &a.Quotes[i]
		}
	}
	if q == nil {
		t.Errorf("quote %q not found", want.Text)
		return
	}
	if a.Text(q.Field)[q.Start:q.End] != q.Text {
		t.Errorf("quote %q: offsets [%d,%d) do not give its text", want.Text, q.Start, q.End)
	}
	if want.Speaker == nil && linkedSpeaker(want.Note) != "" && q.Speaker != "" {
		// the words repeat a quotation with a speaker (the repeated-words rule)
		linked := linkedSpeaker(want.Note)
		want.Speaker = &linked
	}
	if want.Speaker == nil {
		if q.Speaker != "" || q.SpeakerMention != nil {
			t.Errorf("quote %q: speaker %q, want none", want.Text, q.Speaker)
		}
		return
	}
	ok := strings.EqualFold(q.Speaker, *want.Speaker)
	for _, alt := range want.AlsoOK {
		ok = ok || strings.EqualFold(q.Speaker, alt)
	}
	if !ok {
		t.Errorf("quote %q: speaker %q, want %q (or %v)", want.Text, q.Speaker, *want.Speaker, want.AlsoOK)
	}
	if q.SpeakerMention == nil {
		t.Errorf("quote %q: no speaker mention", want.Text)
	} else if m := q.SpeakerMention; a.Text(m.Field)[m.Start:m.End] != m.Text {
		t.Errorf("quote %q: speaker mention offsets do not give %q", want.Text, m.Text)
	}
	if want.Partial != nil && q.Partial != *want.Partial {
		t.Errorf("quote %q: partial %v, want %v", want.Text, q.Partial, *want.Partial)
	}
}

// TestSeedShared checks every quote of ../shared/spec/seed-expected.json on
// the seed brief in ../shared/seed (skipped without the shared folder).
func TestSeedShared(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	spec, err := os.ReadFile(filepath.Join(shared, "spec", "seed-expected.json"))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("no ../shared/spec/seed-expected.json")
	}
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		File   string      `json:"file"`
		Quotes []seedQuote `json:"quotes"`
	}
	if err := json.Unmarshal(spec, &exp); err != nil {
		t.Fatalf("seed-expected.json: %v", err)
	}
	raw, err := os.ReadFile(filepath.Join(shared, exp.File))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no ../shared/%s", exp.File)
	}
	if err != nil {
		t.Fatal(err)
	}
	a := parseBrief(string(raw))
	Extract(&a)
	if len(exp.Quotes) == 0 {
		t.Fatal("seed-expected.json lists no quotes")
	}
	for _, want := range exp.Quotes {
		checkQuote(t, &a, want)
	}
	if len(a.Quotes) != len(exp.Quotes) {
		t.Errorf("found %d quotes, the seed has %d", len(a.Quotes), len(exp.Quotes))
	}
}

// TestSeedEmbedded checks the seed's hardest attributions on the copy
// embedded in articles/samples, so a fresh clone tests them too.
func TestSeedEmbedded(t *testing.T) {
	raw, err := fs.ReadFile(samples.FS, samples.SeedName)
	if err != nil {
		t.Fatalf("read embedded seed: %v", err)
	}
	a := parseBrief(string(raw))
	Extract(&a)
	str := func(s string) *string { return &s }
	for _, want := range []seedQuote{
		{Text: "We insist on an objective investigation of what happened on April 4th", Speaker: str("Lavrov")}, // "he said"
		{Text: "This is contrary to any standards of justice", Speaker: str("Vladimir Safronkov")},              // "said NAME, ROLE"
		{Text: "Russian Federation is among that group the only non-failed state", Speaker: str("Vladimir Safronkov")},
		{Text: "Things will work out fine between the United States of America and Russian Federation", Speaker: str("Donald Trump")}, // the words he said above
		{Text: "not enough", Speaker: str("The US ambassador")},
		{Text: "In general, primitiveness and loutishness are very characteristic of the current rhetoric coming out of Washington", Speaker: str("One of his deputies")},
	} {
		checkQuote(t, &a, want)
	}
	for _, q := range a.Quotes {
		if q.Text == "This is contrary to any standards of justice" && q.SpeakerRole != "Russia's deputy envoy to the UN" {
			t.Errorf("Safronkov's role = %q", q.SpeakerRole)
		}
	}
}

// TestSeedWithEntities runs the product's order (entities, then quotes) on
// the embedded seed: speakers come out as entities, ids included.
func TestSeedWithEntities(t *testing.T) {
	x, err := entities.Default()
	if err != nil {
		t.Fatalf("entities: %v", err)
	}
	raw, err := fs.ReadFile(samples.FS, samples.SeedName)
	if err != nil {
		t.Fatalf("read embedded seed: %v", err)
	}
	a := parseBrief(string(raw))
	x.Extract(&a)
	Extract(&a)
	checked := 0
	for _, q := range a.Quotes {
		if q.SpeakerEntity == "" {
			continue
		}
		e := a.EntityByID(q.SpeakerEntity)
		if e == nil {
			t.Errorf("quote %q: speaker entity %q is not among the article's entities", q.Text, q.SpeakerEntity)
			continue
		}
		if e.Name != q.Speaker {
			t.Errorf("quote %q: speaker %q, but its entity is named %q", q.Text, q.Speaker, e.Name)
		}
		checked++
	}
	for _, q := range a.Quotes {
		if strings.HasPrefix(q.Text, "We insist") && (q.SpeakerEntity == "" || !strings.Contains(q.Speaker, "Lavrov")) {
			t.Errorf("\"he said\" quote: speaker %q entity %q, want Lavrov's entity", q.Speaker, q.SpeakerEntity)
		}
	}
	if checked < 5 {
		t.Errorf("only %d quotes tied to an entity, want at least 5", checked)
	}
}
