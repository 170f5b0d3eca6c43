package output

import (
	"strings"
	"testing"
	"time"

	"briefs/model"
)

func TestMarkdown(t *testing.T) {
	a := &model.Article{
		Title: "Envoys meet in Geneva", Source: "x.txt", Outlet: "Wire",
		Published: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC),
		Entities: []model.Entity{
			{Name: "Ana Ruiz", Kind: model.KindPerson, Mentions: make([]model.Mention, 2)},
			{Name: "Geneva", Kind: model.KindPlace, Mentions: make([]model.Mention, 1)},
			{Name: "Chile", Kind: model.KindCountry, Mentions: make([]model.Mention, 3)},
		},
		Quotes: []model.Quote{
			{Text: "We will\nreturn", Speaker: "Ana Ruiz", SpeakerRole: "Chile's envoy"},
			{Text: "no deal"},
		},
	}
	var b strings.Builder
	if err := Markdown(&b, a); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"# Envoys meet in Geneva\n",
		"_Wire · x.txt · 2026-03-04_",
		"- **People**: Ana Ruiz (2)\n- **Countries**: Chile (3)\n- **Places**: Geneva (1)\n",
		"- “We will return” — Ana Ruiz, Chile's envoy\n",
		"- “no deal” — unattributed\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("digest lacks %q:\n%s", want, got)
		}
	}
}
