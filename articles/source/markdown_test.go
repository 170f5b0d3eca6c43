package source

import (
	"testing"
	"time"
)

func TestParseMarkdown(t *testing.T) {
	day := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name                             string
		in                               string
		title, body, url, author, outlet string
		published                        time.Time
	}{
		{name: "YAML front matter",
			in:    "---\ntitle: \"Envoys meet in Geneva\"\ndate: 2026-03-14\nsource: The Lakeside Courier\nurl: https://example.org/geneva\nauthor: Mara Velin\n---\n\n# Envoys meet in Geneva\n\nThe **envoys** met on _Monday_.\n\nRead more\n",
			title: "Envoys meet in Geneva", body: "The envoys met on Monday.", url: "https://example.org/geneva",
			author: "Mara Velin", outlet: "The Lakeside Courier", published: day},
		{name: "TOML front matter",
			in:    "+++\ntitle = \"Envoys meet in Geneva\"\ndate = 2026-03-14\noutlet = \"The Lakeside Courier\"\nlink = \"https://example.org/geneva\"\nauthor = [\"Mara Velin\", \"Oskar Brandt\"]\n+++\nThe envoys met on Monday.\n",
			title: "Envoys meet in Geneva", body: "The envoys met on Monday.", url: "https://example.org/geneva",
			author: "Mara Velin, Oskar Brandt", outlet: "The Lakeside Courier", published: day},
		{name: "no front matter: heading is the title",
			in:    "# Envoys meet in Geneva\n\nThe envoys [met](https://example.org) on Monday.\nThey spoke for `two` hours.\n\n- First point\n- Second point\n\n> A quoted line.\n\n---\n\n<div>raw</div>\n\nEnd.",
			title: "Envoys meet in Geneva",
			body:  "The envoys met on Monday. They spoke for two hours.\n\nFirst point\n\nSecond point\n\nA quoted line.\n\nEnd."},
		{name: "no front matter, no heading: first line",
			in:    "Envoys meet in Geneva\nThe envoys met on Monday.\n\nAT&T &amp; friends ![a map](m.png) here.",
			title: "Envoys meet in Geneva", body: "The envoys met on Monday.\n\nAT&T & friends a map here."},
		{name: "CRLF front matter",
			in:    "---\r\ntitle: Envoys meet\r\npublished: \"Sat, 14 Mar 2026 00:00:00 +0000\"\r\n---\r\nBody line.\r\n",
			title: "Envoys meet", body: "Body line.", published: day},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse("brief.md", []byte(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			a := arts[0]
			if a.Title != tt.title || a.Body != tt.body {
				t.Errorf("got title %q body %q\nwant title %q body %q", a.Title, a.Body, tt.title, tt.body)
			}
			if a.URL != tt.url || a.Author != tt.author || a.Outlet != tt.outlet {
				t.Errorf("got url %q author %q outlet %q", a.URL, a.Author, a.Outlet)
			}
			if !a.Published.Equal(tt.published) {
				t.Errorf("published %v, want %v", a.Published, tt.published)
			}
		})
	}
}

func TestParseMarkdownBadFrontMatter(t *testing.T) {
	for name, in := range map[string]string{
		"yaml": "---\ntitle: [unclosed\n---\nBody.\n",
		"toml": "+++\ntitle = \n+++\nBody.\n",
	} {
		if _, err := Parse("x.md", []byte(in)); err == nil {
			t.Errorf("%s: broken front matter accepted", name)
		}
	}
}
