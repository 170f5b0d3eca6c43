package source

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"briefs/model"
)

// checkScreenSafe fails t when s could act on a terminal: invalid UTF-8,
// control characters (newline allowed where multiline), bidi overrides.
func checkScreenSafe(t testing.TB, what, s string, multiline bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8 %q", what, s)
	}
	for _, r := range s {
		switch {
		case r == '\n' && multiline:
		case unicode.IsControl(r), isInvisibleFormat(r), r == 0x2028, r == 0x2029:
			t.Errorf("%s: control %U left in %q", what, r, s)
			return
		}
	}
}

// checkArticle checks every field of a that reaches the screen, and the
// shape of the body.
func checkArticle(t testing.TB, a model.Article) {
	t.Helper()
	checkScreenSafe(t, "title", a.Title, false)
	checkScreenSafe(t, "body", a.Body, true)
	for what, s := range map[string]string{"source": a.Source, "url": a.URL, "author": a.Author, "outlet": a.Outlet} {
		checkScreenSafe(t, what, s, false)
	}
	if strings.Contains(a.Body, "\n\n\n") || strings.TrimSpace(a.Body) != a.Body {
		t.Errorf("body not in paragraphs: %q", a.Body)
	}
	for _, p := range a.Paragraphs() {
		if p == "" || strings.TrimSpace(p) != p || strings.Contains(p, "\n") {
			t.Errorf("bad paragraph %q", p)
		}
	}
	if a.ID != model.ArticleID(a.Title, a.Body) {
		t.Errorf("id %s does not match the content", a.ID)
	}
}

// hostile is a string with every kind of sequence a feed could use against a terminal.
const hostile = "Safe\x1b]52;c;cm0gLXJmIH4=\x07 \x1b]0;pwned\x1b\\\x1b[2J\x1b[H\x1b]8;;https://evil.example\x07link\x1b]8;;\x07" +
	"\u009b31m\u009d0;t\u009c\u202eevil\u202c\u2066x\u2069\x08\x7f\x1bP+q\x1b\\\x1b7\x1b(0 text"

func TestSanitizeRemovesEscapes(t *testing.T) {
	got := Sanitize(hostile + "\x00")
	want := "Safe linkevilx text"
	if got != want {
		t.Errorf("Sanitize\n got %q\nwant %q", got, want)
	}
	checkScreenSafe(t, "sanitized", got, false)
	if Sanitize(got) != got {
		t.Errorf("Sanitize is not idempotent on %q", got)
	}
	for _, s := range []string{"plain text", "Ünïcödé — “quotes” 北京 🙂", "tab\there"} {
		if Sanitize(s) != strings.ReplaceAll(s, "\t", " ") {
			t.Errorf("Sanitize changed %q to %q", s, Sanitize(s))
		}
	}
}

func TestHostileFeed(t *testing.T) {
	// Raw ESC is not XML: the parser drops it, and what follows is plain text.
	// Character references and C1 controls do get through it.
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet` + "\x1b]0;x\x07" + `</title>
<item><title>Title` + "\u009b31m\u202e" + `</title><link>https://example.org/` + "\u009d52;c;AA==\u009c" + `a</link>
<author>Ann` + "\x1b[2J" + `</author>
<description>&lt;p&gt;Body&amp;#x1b;]52;c;cm0=&amp;#7; one.&lt;/p&gt;&lt;p&gt;` + "\u009b" + `2JTwo.&lt;/p&gt;</description></item>
</channel></rss>`
	arts, err := Parse("feed.rss", []byte(rss))
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	checkArticle(t, a)
	if !strings.HasPrefix(a.Title, "Title") || !strings.HasPrefix(a.Body, "Body") || !strings.HasSuffix(a.Body, "\n\nTwo.") ||
		!strings.HasPrefix(a.Outlet, "Outlet") || a.URL != "https://example.org/a" {
		t.Errorf("title %q body %q outlet %q url %q", a.Title, a.Body, a.Outlet, a.URL)
	}
}

func TestHostileEveryFormat(t *testing.T) {
	inputs := map[string]string{
		"x.txt":   hostile + "\n\n" + hostile + "\n",
		"x.md":    "---\ntitle: \"T\\e]52;c;AA==\\a\"\nauthor: \"A\\e[2J\"\n---\n" + hostile,
		"x.json":  `{"title":"T\u001b]0;x\u0007","body":"B\u001b[31m\u202e","author":"\u009b2J","url":"https://e.example/\u001b[2J"}`,
		"x.jsonl": `{"title":"T\u001b]0;x\u0007","body":"B\u0000"}`,
		"x.html":  "<html><head><title>T\x1b]0;x\x07</title></head><body><p>" + hostile + "</p></body></html>",
	}
	for name, in := range inputs {
		arts, err := Parse(name, []byte(in))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, a := range arts {
			checkArticle(t, a)
		}
	}
}

func TestHostileFileName(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no control characters in Windows file names")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "brief\x1b]52;c;AA==\x07\x1b[2J.txt")
	if err := os.WriteFile(name, []byte("Title\n\nBody."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty\x1b[31m.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	arts, warns := Load(context.Background(), []string{dir}, Options{})
	if len(arts) != 1 || len(warns) != 1 {
		t.Fatalf("%d articles, %d warnings", len(arts), len(warns))
	}
	checkArticle(t, arts[0])
	checkScreenSafe(t, "warning source", warns[0].Source, false)
	checkScreenSafe(t, "warning", warns[0].Error(), false)
	if !strings.HasSuffix(arts[0].Source, "brief.txt") {
		t.Errorf("source %q", arts[0].Source)
	}
}

// TestRepairMojibake: UTF-8 read as Latin-1 or Windows-1252 on its way is
// read again; ordinary accented text is left as it is.
func TestRepairMojibake(t *testing.T) {
	for in, want := range map[string]string{
		"prosecutor Marc TrÃ©vidic said":  "prosecutor Marc Trévidic said",
		"JesÃºs \"Chuy\" GarcÃ\u00ada":    "Jesús \"Chuy\" García",
		"Stefan KÃ¶rner, chairman":        "Stefan Körner, chairman",
		"it costs â‚¬5 â€” or less":       "it costs €5 — or less",
		"double: TrÃƒÂ©vidic":             "double: Trévidic",
		"café in São Paulo, ¿Qué? 25°C Â": "café in São Paulo, ¿Qué? 25°C Â",
		"Ã alone and Ão":                  "Ã alone and Ão",
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRepairMojibakeAcrossAControl(t *testing.T) {
	s := Sanitize("Tr\u00c3\x01\u00a9vidic")
	if s != "Trévidic" || Sanitize(s) != s {
		t.Fatalf("got %q", s)
	}
}
