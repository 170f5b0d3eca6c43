package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefs/model"
)

const (
	sameTitle = "Coastal states sign fisheries accord in Port Aldren"
	sameBody  = "Foreign ministers from Norland and the Republic of Vessa signed a fisheries accord on Tuesday, ending a two-year dispute over the northern banks.\n\n" +
		"\"This agreement shows that patient talks still work,\" said Ilse Marrow, Norland's foreign minister.\n\n" +
		"The accord must still be ratified by both parliaments before the spring season opens."
)

var sameDate = time.Date(2026, 2, 10, 9, 30, 0, 0, time.UTC)

// gzipBytes compresses data.
func gzipBytes(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSameArticleEveryFormat: one brief written as text, Markdown, JSON,
// JSON Lines, HTML, RSS, Atom and JSON Feed (and gzip of each) reads to
// the same title and body.
func TestSameArticleEveryFormat(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "same", "*"))
	if err != nil || len(files) < 8 {
		t.Fatalf("testdata/same: %d files, %v", len(files), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []struct {
			name string
			data []byte
		}{{f, data}, {f + ".gz", gzipBytes(t, data)}} {
			t.Run(filepath.Base(v.name), func(t *testing.T) {
				arts, err := Parse(v.name, v.data)
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if len(arts) != 1 {
					t.Fatalf("%d articles", len(arts))
				}
				a := arts[0]
				if a.Title != sameTitle {
					t.Errorf("title %q", a.Title)
				}
				if a.Body != sameBody {
					t.Errorf("body\n%q\nwant\n%q", a.Body, sameBody)
				}
				if a.ID != model.ArticleID(sameTitle, sameBody) {
					t.Errorf("id %s", a.ID)
				}
				if a.Source != v.name {
					t.Errorf("source %q", a.Source)
				}
				if strings.HasSuffix(f, ".txt") {
					return // plain text carries no metadata
				}
				if !a.Published.Equal(sameDate) {
					t.Errorf("published %v", a.Published)
				}
				if a.URL != "https://example.org/news/fisheries-accord" {
					t.Errorf("url %q", a.URL)
				}
				if a.Author != "Petra Lund" {
					t.Errorf("author %q", a.Author)
				}
				if a.Outlet != "The Harbour Ledger" {
					t.Errorf("outlet %q", a.Outlet)
				}
			})
		}
	}
}

// TestSniffing: the content decides when the extension is missing or wrong.
func TestSniffing(t *testing.T) {
	for _, f := range []string{"brief.json", "brief.jsonl", "brief.html", "brief.rss", "brief.atom", "brief.feed.json", "brief.md"} {
		data, err := os.ReadFile(filepath.Join("testdata", "same", f))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"noext", "wrong.txt", "https://example.org/feed?id=3"} {
			arts, err := Parse(name, data)
			if err != nil {
				t.Errorf("%s as %s: %v", f, name, err)
				continue
			}
			if arts[0].Title != sameTitle || arts[0].Body != sameBody {
				t.Errorf("%s as %s: title %q body %q", f, name, arts[0].Title, arts[0].Body)
			}
		}
	}
}

func TestJSONShapes(t *testing.T) {
	tests := []struct {
		name, in string
		titles   []string
		bodies   []string
	}{
		{"array", `[{"title":"A","body":"Alpha."},{"headline":"B","text":"Beta."}]`, []string{"A", "B"}, []string{"Alpha.", "Beta."}},
		{"wrapped list", `{"articles":[{"Title":"A","Content":"<p>One.</p><p>Two &amp; three.</p>"}]}`, []string{"A"}, []string{"One.\n\nTwo & three."}},
		{"no title field", `{"body":"First line\nSecond para."}`, []string{"First line"}, []string{"Second para."}},
		{"summary only", `{"title":"A","description":"Short."}`, []string{"A"}, []string{"Short."}},
		{"jsonl with blank lines", "{\"title\":\"A\",\"body\":\"x\"}\n\n{\"title\":\"B\",\"body\":\"y\"}\n", []string{"A", "B"}, []string{"x", "y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "x.json"
			if strings.HasPrefix(tt.name, "jsonl") {
				name = "x.jsonl"
			}
			arts, err := Parse(name, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != len(tt.titles) {
				t.Fatalf("%d articles", len(arts))
			}
			for i, a := range arts {
				if a.Title != tt.titles[i] || a.Body != tt.bodies[i] {
					t.Errorf("%d: title %q body %q", i, a.Title, a.Body)
				}
			}
		})
	}
}

// TestBrokenInputs: each bad input gives an error that says what is wrong,
// and the good parts of a partly bad file are kept.
func TestBrokenInputs(t *testing.T) {
	bomb := gzipBytes(t, bytes.Repeat([]byte("A"), DefaultMaxFileSize+1))
	good := gzipBytes(t, []byte("Title\n\nBody."))
	tests := []struct {
		name, file string
		data       []byte
		want       string // in the error
		keep       int    // articles still read
	}{
		{"JSON syntax", "x.json", []byte("{\n  \"title\": \"A\",\n  \"body\": \"B\"\n  \"url\": 1\n}"), "line 4, column 3", 0},
		{"JSON truncated", "x.json", []byte("[{\"title\": \"A\""), "malformed JSON at line 1", 0},
		{"JSON trailing data", "x.json", []byte(`{"title":"A"} {"title":"B"}`), "extra data", 0},
		{"JSON not articles", "x.json", []byte(`{"weather":"fine"}`), "no title, body", 0},
		{"JSON scalar", "x.json", []byte(`42`), "JSON number", 0},
		{"JSON bad item", "x.json", []byte(`[{"title":"A","body":"a"}, 7, {"title":"C","body":"c"}]`), "item 2", 2},
		{"JSONL bad line", "x.jsonl", []byte("{\"title\":\"A\",\"body\":\"a\"}\n{\"title\": oops}\n{\"title\":\"C\",\"body\":\"c\"}\n"), "line 2: malformed JSON at column 11", 2},
		{"RSS broken", "x.rss", []byte("<rss><channel><item><title>A</title><description>unclosed"), "feed ends early", 1},
		{"RSS no items", "x.rss", []byte(`<rss version="2.0"><channel><title>Empty</title></channel></rss>`), "no readable item", 0},
		{"unknown XML", "x.xml", []byte(`<?xml version="1.0"?><catalog><book/></catalog>`), "neither RSS", 0},
		{"YAML front matter", "x.md", []byte("---\ntitle: [\n---\nBody"), "YAML", 0},
		{"gzip truncated", "x.txt.gz", good[:len(good)-6], "gzip", 0},
		{"gzip bomb", "x.txt.gz", bomb, "refused", 0},
		{"binary", "x.bin", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary", 0},
		{"empty", "x.txt", nil, "empty", 0},
		{"feed list", "feeds.txt", []byte("# my feeds\nhttps://example.org/a.xml\nhttps://example.org/b.xml\n"), "feed list of 2 URLs", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse(tt.file, tt.data)
			if err == nil {
				t.Fatalf("no error, %d articles", len(arts))
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to say %q", err, tt.want)
			}
			if len(arts) != tt.keep {
				t.Errorf("%d articles kept, want %d", len(arts), tt.keep)
			}
		})
	}
}

// TestMixedFolder: every format plus a binary, an empty, an oversized and
// a broken file: the good ones load, each bad one is a warning.
func TestMixedFolder(t *testing.T) {
	dir := t.TempDir()
	same, _ := filepath.Glob(filepath.Join("testdata", "same", "*"))
	for _, f := range same {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rss, _ := os.ReadFile(filepath.Join("testdata", "same", "brief.rss"))
	writeFiles(t, dir, map[string]string{
		"zz/feed.rss.gz": string(gzipBytes(t, rss)),
		"binary":         "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00",
		"empty.txt":      "",
		"broken.json":    "[{\"title\": \"A\", \"body\": \"B\"},\n {\"title\": }]",
		"tool/main.go":   "package main\n\nfunc main() {}\n",
		"photo.png":      "\x89PNG\r\n\x1a\n",
	})
	big, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()

	arts, warns := Load(context.Background(), []string{dir}, Options{})
	if len(arts) != len(same)+1 {
		t.Errorf("%d articles, want %d", len(arts), len(same)+1)
	}
	for _, a := range arts {
		if a.Title != sameTitle || a.Body != sameBody {
			t.Errorf("%s: title %q", a.Source, a.Title)
		}
	}
	want := map[string]string{filepath.Base(dir): "2 file(s) left out: not a brief format (.go .png)", "binary": "binary", "empty.txt": "empty", "huge.txt": "size limit", "broken.json": "line 2, column"}
	if len(warns) != len(want) {
		t.Errorf("warnings: %v", warns)
	}
	for _, w := range warns {
		reason, ok := want[filepath.Base(w.Source)]
		if !ok || !strings.Contains(w.Reason, reason) {
			t.Errorf("unexpected warning %v", w)
		}
	}
}

// TestSizeLimitStdin: standard input is bounded too.
func TestSizeLimitStdin(t *testing.T) {
	in := strings.NewReader("Title\n\n" + strings.Repeat("word ", 1000))
	arts, warns := Load(context.Background(), []string{"-"}, Options{Stdin: in, MaxFileSize: 1000})
	if len(arts) != 0 || len(warns) != 1 || !strings.Contains(warns[0].Reason, "more than") {
		t.Errorf("%d articles, warnings %v", len(arts), warns)
	}
}

func TestEncodings(t *testing.T) {
	// UTF-16 with a BOM, little and big endian.
	le := []byte{0xff, 0xfe}
	be := []byte{0xfe, 0xff}
	for _, r := range "Caf\u00e9 talks\n\nEnvoys met." {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for name, data := range map[string][]byte{"le": le, "be": be} {
		arts, err := Parse("x.txt", data)
		if err != nil || arts[0].Title != "Café talks" || arts[0].Body != "Envoys met." {
			t.Errorf("UTF-16 %s: %v %+v", name, err, arts)
		}
	}
	// A page that declares windows-1252.
	page := "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 talks</title></head><body><p>Envoys met at the caf\xe9.</p></body></html>"
	arts, err := Parse("x.html", []byte(page))
	if err != nil || arts[0].Title != "Café talks" || arts[0].Body != "Envoys met at the café." {
		t.Errorf("windows-1252 page: %v %+v", err, arts)
	}
	// Undeclared invalid UTF-8 is repaired, not guessed.
	arts, err = Parse("x.html", []byte("<html><head><title>Caf\xe9</title></head><body><p>B</p></body></html>"))
	if err != nil || arts[0].Title != "Caf\ufffd" {
		t.Errorf("invalid UTF-8 page: %v %+v", err, arts)
	}
}
