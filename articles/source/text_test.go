package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir returns a folder of ../shared (the repo's sibling), skipping the test when it is absent.
func sharedDir(t testing.TB, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s absent: %v", p, err)
	}
	return p
}

func TestSeedBrief(t *testing.T) {
	dir := sharedDir(t, "seed")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed brief in %s", dir)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	arts, err := Parse(files[0], data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	a := arts[0]
	firstLine, _, _ := strings.Cut(strings.TrimPrefix(string(data), "\ufeff"), "\n")
	if a.Title != strings.TrimSpace(firstLine) || a.Title == "" {
		t.Errorf("title %q, want the file's first line %q", a.Title, firstLine)
	}
	if strings.Contains(a.Body, a.Title) {
		t.Errorf("body still repeats the title")
	}
	if strings.Contains(a.Body, "Related news") {
		t.Errorf("body keeps the trailing boilerplate")
	}
	if n := len(a.Paragraphs()); n != 15 {
		t.Errorf("%d body paragraphs, want 15", n)
	}
	if a.Source != files[0] || a.ID == "" {
		t.Errorf("source %q id %q", a.Source, a.ID)
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		wantTitle string
		wantBody  string
	}{
		{"plain", "Talks resume in Vienna\n\nEnvoys met on Monday.\n\nNo deal yet.\n",
			"Talks resume in Vienna", "Envoys met on Monday.\n\nNo deal yet."},
		{"title repeated", "Talks resume\n\nTalks resume\nTalks resume\n\nEnvoys met.",
			"Talks resume", "Envoys met."},
		{"title repeated other case and spacing", "Talks Resume In Vienna\n\n  talks   resume in VIENNA \n\nEnvoys met.",
			"Talks Resume In Vienna", "Envoys met."},
		{"title repeat later is kept", "Talks resume\n\nEnvoys met.\n\nTalks resume\n",
			"Talks resume", "Envoys met.\n\nTalks resume"},
		{"leading blank lines", "\n\n  \nTalks resume\nEnvoys met.", "Talks resume", "Envoys met."},
		{"CRLF and BOM", "\ufeffTalks resume\r\n\r\nEnvoys met.\r\n\r\nNo deal.\r\n",
			"Talks resume", "Envoys met.\n\nNo deal."},
		{"lone CR", "Talks resume\r\rEnvoys met.\r\rNo deal.", "Talks resume", "Envoys met.\n\nNo deal."},
		{"trailing boilerplate", "T\n\nEnvoys met.\n\nRelated news\nRead more:\n\nShare this\n\n",
			"T", "Envoys met."},
		{"boilerplate only at the end", "T\n\nRead more\n\nEnvoys met.", "T", "Read more\n\nEnvoys met."},
		{"boilerplate only as whole lines", "T\n\nEnvoys met.\n\nRead more about the talks in our archive.",
			"T", "Envoys met.\n\nRead more about the talks in our archive."},
		{"runs of blank lines", "T\n\n\n\n\nA.\n\n\n\nB.", "T", "A.\n\nB."},
		{"stray whitespace", "  T  \n\n  A  line\twith   gaps.  \n\n\u00a0B.\u00a0", "T", "A line with gaps.\n\nB."},
		{"wrapped lines joined", "T\n\nA long\nparagraph.\n\nB.", "T", "A long paragraph.\n\nB."},
		{"one paragraph per line without blank lines", "T\nA.\nB.\nC.", "T", "A.\n\nB.\n\nC."},
		{"title only", "Just a title\n", "Just a title", ""},
		{"invalid UTF-8", "T\n\nBad \xff\xfe byte.", "T", "Bad \ufffd byte."},
		{"escapes removed", "T\x1b]0;owned\x07itle\n\nA \x1b[31mred\x1b[0m word.\x1b]52;c;ZXZpbA==\x07\n\nB\u202eC.",
			"Title", "A red word.\n\nBC."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse("brief.txt", []byte(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(arts) != 1 {
				t.Fatalf("%d articles", len(arts))
			}
			a := arts[0]
			if a.Title != tt.wantTitle {
				t.Errorf("title %q, want %q", a.Title, tt.wantTitle)
			}
			if a.Body != tt.wantBody {
				t.Errorf("body %q, want %q", a.Body, tt.wantBody)
			}
		})
	}
}

func TestParseRefuses(t *testing.T) {
	for name, in := range map[string]string{
		"empty":      "",
		"blank":      " \n\r\n\t \n",
		"binary":     "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00>\x00",
		"only junk":  "\x1b[2J\x1b[H",
		"only ctrls": "\x01\x02\x03 \x04",
	} {
		if arts, err := Parse("x.txt", []byte(in)); err == nil {
			t.Errorf("%s: no error, %d articles", name, len(arts))
		}
	}
}

func TestArticleIDStable(t *testing.T) {
	a, err := Parse("a.txt", []byte("Talks resume\n\nEnvoys met.\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("other/place.txt", []byte("\ufeffTalks resume\r\n\r\nTalks resume\r\n\r\n  Envoys met.\r\n\r\nRelated news\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a[0].ID != b[0].ID {
		t.Errorf("same content, ids %s and %s", a[0].ID, b[0].ID)
	}
	c, _ := Parse("a.txt", []byte("Talks resume\n\nEnvoys left.\n"))
	if c[0].ID == a[0].ID {
		t.Errorf("different content, same id %s", a[0].ID)
	}
}
