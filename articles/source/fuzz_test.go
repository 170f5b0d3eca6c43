package source

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz targets: every parser and the cleaner. Their seed corpora are in
// testdata/fuzz/<target>; `go test` replays them, `go test -fuzz` explores.
// Each checks that nothing panics and that every article that comes out is
// safe for the screen and well formed.

func fuzzParse(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := Parse(name, data)
		if err == nil && len(arts) == 0 {
			t.Fatal("no article and no error")
		}
		for _, a := range arts {
			checkArticle(t, a)
			if a.Source != name {
				t.Fatalf("source %q", a.Source)
			}
		}
	})
}

func FuzzParseText(f *testing.F) {
	fuzzParse(f, "brief.txt", "Title\n\nTitle\n\nBody.\n\nRelated news\n", "\ufeffT\r\n\r\nB\x1b[2J")
}

func FuzzParseMarkdown(f *testing.F) {
	fuzzParse(f, "brief.md", "---\ntitle: T\ndate: 2026-01-02\n---\n# T\n\n*B*", "+++\ntitle = \"T\"\n+++\nB")
}

func FuzzParseJSON(f *testing.F) {
	fuzzParse(f, "brief.json", `{"title":"T","body":"B"}`, `[{"headline":"T","content":"<p>B</p>"}]`, `{"items":[{"title":"T"}]}`)
}

func FuzzParseJSONL(f *testing.F) {
	fuzzParse(f, "brief.jsonl", "{\"title\":\"T\",\"body\":\"B\"}\n{\"title\":1}\n")
}

func FuzzParseHTML(f *testing.F) {
	fuzzParse(f, "brief.html", "<html><head><title>T</title></head><body><p>B</p></body></html>", "<p>A<br><br>B")
}

func FuzzParseFeed(f *testing.F) {
	fuzzParse(f, "feed.xml",
		`<rss version="2.0"><channel><title>O</title><item><title>T</title><description>&lt;p&gt;B&lt;/p&gt;</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><content type="html">B</content></entry></feed>`,
		`{"version":"https://jsonfeed.org/version/1.1","items":[{"title":"T","content_text":"B"}]}`,
		`<opml><body><outline xmlUrl="https://example.org/f"/></body></opml>`)
}

func FuzzParseGzip(f *testing.F) {
	fuzzParse(f, "brief.txt.gz", string(gzipBytes(f, []byte("Title\n\nBody."))), string(gzipBytes(f, gzipBytes(f, []byte("T\n\nB")))))
}

// FuzzClean checks the cleaner alone: its output is screen-safe and
// cleaning twice changes nothing.
func FuzzClean(f *testing.F) {
	f.Add("Title", "Title\n\nBody \x1b]52;c;AA==\x07 text.\r\n\r\nRead more\n")
	f.Add("T", "\u202eA\u00a0 B\n\n\n\nC\n")
	f.Fuzz(func(t *testing.T, title, text string) {
		s := Sanitize(text)
		checkScreenSafe(t, "sanitized", s, true)
		if Sanitize(s) != s {
			t.Fatalf("Sanitize not idempotent: %q -> %q", s, Sanitize(s))
		}
		ct := CleanTitle(title)
		checkScreenSafe(t, "title", ct, false)
		body := Body(ct, text)
		checkScreenSafe(t, "body", body, true)
		if strings.Contains(body, "\n\n\n") || strings.TrimSpace(body) != body {
			t.Fatalf("body not in paragraphs: %q", body)
		}
		if again := Body(ct, body); again != body {
			t.Fatalf("Body not idempotent:\n%q\n%q", body, again)
		}
	})
}

// FuzzBalanceXML checks the XML mender: it never panics, leaves alone
// what it does not change, and what it mends needs no second mending.
func FuzzBalanceXML(f *testing.F) {
	for _, s := range []string{"<a><b x='1'><c/></a>", "<a>t</x></a>", "<rss><channel><i:c t='x'><item/></channel></rss>", "<a><![CDATA[<b>]]></a>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, ok := balanceXML(data)
		if !ok && string(out) != string(data) {
			t.Fatalf("unchanged input altered: %q -> %q", data, out)
		}
		if ok {
			if again, ok2 := balanceXML(out); ok2 {
				t.Fatalf("mended twice: %q -> %q -> %q", data, out, again)
			}
		}
	})
}

// FuzzCharset checks the decoding path: it never panics, and reading
// stray bytes as Windows-1252 punctuation never adds a bad byte.
func FuzzCharset(f *testing.F) {
	for _, s := range []string{"Caf\xc3\xa9 \x93yes\x94 \xff", "\xff\xfeT\x00", "<?xml version='1.0' encoding='koi8-r'?><a>\xf0\xd2</a>", "<meta charset=gbk>\xbb\xe1"} {
		f.Add([]byte(s))
	}
	bad := func(b []byte) int {
		n := 0
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				n++
			}
			i += size
		}
		return n
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		toUTF8Text(data, "")
		toUTF8Text(data, "windows-1252")
		if out := windowsPunctuation(data); bad(out) > bad(data) {
			t.Fatalf("%q -> %q", data, out)
		}
	})
}
