package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/model"
	"briefs/ui/config"
)

// linkBrief is an invented brief with a URL, a feed it was read from and
// links in its text (one written twice, one without a scheme).
func linkBrief() model.Article {
	a := model.Article{
		Title:     "Quenby harbour commission publishes pilot rules",
		URL:       "https://quenby.example/news/pilot-rules",
		Source:    "https://quenby.example/feed.xml",
		Outlet:    "Quenby Desk",
		Published: time.Date(2026, 6, 3, 0, 0, 0, 0, time.UTC),
		Body: "The rules are at https://quenby.example/rules.pdf and a summary at www.harbour.example/summary.\n\n" +
			"Comments go to https://quenby.example/rules.pdf, the commission said (see https://consult.example/q?id=7).",
	}
	a.ID = model.ArticleID(a.Title, a.Body)
	return a
}

func TestBriefLinksNumbered(t *testing.T) {
	got := briefLinks(linkBrief())
	var urls []string
	for _, l := range got {
		urls = append(urls, l.url)
	}
	want := []string{"https://quenby.example/news/pilot-rules", "https://quenby.example/feed.xml", "https://quenby.example/rules.pdf", "www.harbour.example/summary", "https://consult.example/q?id=7"}
	if !slices.Equal(urls, want) {
		t.Fatalf("links %q,\nwant %q", urls, want)
	}
	if got[0].what != "the brief" || got[1].what != "read from" || openable(got[3].url) != "https://www.harbour.example/summary" {
		t.Errorf("kinds %+v", got)
	}
	// the page's or feed item's links come after where it was read from, each once
	b := linkBrief()
	b.Links = []string{"https://quenby.example/annex", "https://quenby.example/rules.pdf"}
	urls = urls[:0]
	for _, l := range briefLinks(b) {
		urls = append(urls, l.url+" "+l.what)
	}
	want = []string{"https://quenby.example/news/pilot-rules the brief", "https://quenby.example/feed.xml read from", "https://quenby.example/annex linked",
		"https://quenby.example/rules.pdf linked", "www.harbour.example/summary in the text", "https://consult.example/q?id=7 in the text"}
	if !slices.Equal(urls, want) {
		t.Fatalf("with links: %q,\nwant %q", urls, want)
	}
	if l := briefLinks(model.Article{Title: "x", Source: "briefs/a.txt", Body: "no link here"}); len(l) != 0 {
		t.Errorf("a brief without links: %+v", l)
	}
}

// TestLinksViewKeys: L shows the links numbered, the brief's URL first; j
// moves; a digit opens that link (the configured browser, here true); one
// past the last says so; esc comes back. o stays "open the brief".
func TestLinksViewKeys(t *testing.T) {
	o := Options{Config: config.Default()}
	o.Config.Browser = "true"
	a := New([]model.Article{linkBrief()}, nil)
	if err := a.Configure(o); err != nil {
		t.Fatal(err)
	}
	a, _ = step(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
	a, _ = keys(t, a, "L")
	s := screen(a)
	if !a.links.open || !strings.Contains(s, "1  https://quenby.example/news/pilot-rules  the brief") || !strings.Contains(s, "5  https://consult.example/q?id=7") {
		t.Fatalf("L:\n%s", s)
	}
	if !strings.Contains(s, "1-9 open link N") {
		t.Errorf("the help bar does not name the links view's keys:\n%s", s)
	}
	a, _ = keys(t, a, "j", "j")
	if a.links.sel != 2 {
		t.Fatalf("j j: selected %d", a.links.sel)
	}
	a, _ = keys(t, a, "4")
	if !strings.Contains(a.status, "Opening link 4: www.harbour.example/summary") {
		t.Fatalf("4: status %q", a.status)
	}
	a, _ = keys(t, a, "9")
	if !strings.Contains(a.status, "No link 9: this brief has 5 links") {
		t.Fatalf("9: status %q", a.status)
	}
	a, _ = keys(t, a, "esc")
	if a.links.open || strings.Contains(screen(a), "Links of") {
		t.Fatalf("esc left the links view open:\n%s", screen(a))
	}
	a, _ = keys(t, a, "o")
	if !strings.Contains(a.status, "Opening https://quenby.example/news/pilot-rules") {
		t.Fatalf("o: status %q", a.status)
	}
}

// TestPipeSaveAndPager: | asks for a command and runs it on the brief's
// text (here through pipeCommand, the command the reader hands the
// terminal to); > saves Markdown, or text for .txt, never over a file;
// $PAGER gets the brief in a Markdown file.
func TestPipeSaveAndPager(t *testing.T) {
	art := linkBrief()
	a := sized(t, 100, 30, []model.Article{art})
	a, _ = keys(t, a, "|")
	if a.prompt.kind != "pipe" || !strings.Contains(screen(a), "| ") {
		t.Fatalf("| shows no prompt:\n%s", screen(a))
	}
	a, quit := keys(t, a, "w", "c", " ", "-", "l", "q")
	if quit || a.prompt.in.Value() != "wc -lq" {
		t.Fatalf("typing in the prompt: quit %v, value %q", quit, a.prompt.in.Value())
	}
	a, _ = keys(t, a, "backspace", "enter")
	if a.prompt.kind != "" || a.status != "| wc -l" {
		t.Fatalf("enter: prompt %q, status %q", a.prompt.kind, a.status)
	}
	out, err := pipeCommand("tr a-z A-Z | head -n 1", BriefMarkdown(art), false).Output()
	if err != nil || string(out) != "# QUENBY HARBOUR COMMISSION PUBLISHES PILOT RULES\n" {
		t.Fatalf("pipe: %q, %v", out, err)
	}

	dir := t.TempDir()
	for _, name := range []string{"brief.md", "brief.txt"} {
		a, _ = keys(t, a, ">")
		if a.prompt.kind != "save" || !strings.HasSuffix(a.prompt.in.Value(), "-full.md") {
			t.Fatalf("> prompt %q %q", a.prompt.kind, a.prompt.in.Value())
		}
		a.prompt.in.SetValue(filepath.Join(dir, name))
		a, _ = keys(t, a, "enter")
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !strings.Contains(a.status, "saved to") {
			t.Fatalf("save %s: %v, status %q", name, err, a.status)
		}
		head := "# Quenby harbour"
		if name == "brief.txt" {
			head = "Quenby harbour commission publishes pilot rules\n====="
		}
		if !strings.HasPrefix(string(data), head) || !strings.Contains(string(data), "Comments go to") || !strings.Contains(string(data), "Quenby Desk · 3 June 2026") {
			t.Fatalf("%s:\n%s", name, data)
		}
	}
	a, _ = keys(t, a, ">")
	a.prompt.in.SetValue(filepath.Join(dir, "brief.md"))
	a, _ = keys(t, a, "enter")
	if !a.statusWarn || !strings.Contains(a.status, "is there already") {
		t.Fatalf("saving over a file: status %q", a.status)
	}
	a, _ = keys(t, a, ">", "esc")
	if a.prompt.kind != "" {
		t.Fatal("esc left the prompt")
	}

	md := filepath.Join(dir, "brief.md")
	out, err = viewCommand("cat -n", md).Output()
	if err != nil || !strings.Contains(string(out), "1\t# Quenby harbour") {
		t.Fatalf("the pager command: %q, %v", out, err)
	}
}

// The links of an HTML brief read from a folder (<a href>) are in the
// links view, from the first load and from the cache on the next start.
func TestLinksOfAnHTMLBrief(t *testing.T) {
	dir := t.TempDir()
	page := `<html><head><title>Ferry crews return to work in Valletta</title></head><body><article>
<h1>Ferry crews return to work in Valletta</h1>
<p>Crews went back on board on Tuesday after a week ashore, the union said, and the first
sailings left on time. The agreement is <a href="https://union.example/agreement">on the union's site</a>.</p>
<p>The port authority thanked passengers for their patience and published
<a href="https://port.example/timetable">the new timetable</a> for the summer season.</p>
</article></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "ferry.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(t.TempDir(), "cache.db")
	for _, run := range []string{"first load", "from the cache"} {
		a := sized(t, 100, 30, nil)
		a = loadInto(t, a, StreamLoader([]string{dir}, articles.StreamOptions{CachePath: cache}))
		a, _ = keys(t, a, "enter", "L")
		s := screen(a)
		for _, want := range []string{"Links of “Ferry crews return to work in Valletta”", "https://union.example/agreement  linked", "https://port.example/timetable  linked"} {
			if !strings.Contains(s, want) {
				t.Fatalf("%s: the links view lacks %q:\n%s", run, want, s)
			}
		}
		a.ld.briefs.close()
	}
}
