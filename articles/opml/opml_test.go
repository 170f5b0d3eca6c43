package opml

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseNested(t *testing.T) {
	data, err := os.ReadFile("testdata/nested.opml")
	if err != nil {
		t.Fatal(err)
	}
	feeds, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []Feed{
		{URL: "https://fo.example.gov/news.rss", Title: "Foreign Office news", HTMLURL: "https://fo.example.gov/", Folders: []string{"Ministries"}},
		{URL: "https://quai.example.fr/feed.xml", Title: "Quai & Co briefings", Folders: []string{"Ministries", "Europe"}},
		{URL: "https://desk.example.de/atom", Title: "Berlin desk", Folders: []string{"Ministries", "Europe"}},
		{URL: "http://wire.example.com/rss", Title: "The Wire", Folders: []string{"Wires"}},
		{URL: "https://harbour.example.org/rss", Title: "Harbour news", Folders: []string{"Wires"}},
		{URL: "https://top.example.net/feed", Folders: []string{}},
	}
	if len(feeds) != len(want) {
		t.Fatalf("%d feeds, want %d: %+v", len(feeds), len(want), feeds)
	}
	for i := range want {
		if len(want[i].Folders) == 0 && len(feeds[i].Folders) == 0 {
			feeds[i].Folders = want[i].Folders
		}
		if !reflect.DeepEqual(feeds[i], want[i]) {
			t.Errorf("feed %d = %+v, want %+v", i, feeds[i], want[i])
		}
	}
}

func TestParseCharset(t *testing.T) {
	data, err := os.ReadFile("testdata/latin1.opml")
	if err != nil {
		t.Fatal(err)
	}
	feeds, err := Parse(data)
	if err != nil || len(feeds) != 1 || feeds[0].Title != "Café diplomatique" || feeds[0].Folders[0] != "Nouvelles" {
		t.Fatalf("Parse(latin1) = %+v, %v", feeds, err)
	}
}

func TestParseRefuses(t *testing.T) {
	for _, tt := range []struct{ in, err string }{
		{"", "not an OPML"},
		{"<rss><channel><title>x</title></channel></rss>", "not an OPML"},
		{`<opml version="2.0"><body><outline text="empty folder"/></body></opml>`, "names no feed"},
		{"feeds, one a line", "not an OPML"},
	} {
		if _, err := Parse([]byte(tt.in)); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("Parse(%q) error %v, want %q", tt.in, err, tt.err)
		}
	}
}

// TestWriteReadsBack: what Write writes, Parse reads back to the same feeds,
// folders and titles included (a title with markup characters too).
func TestWriteReadsBack(t *testing.T) {
	data, err := os.ReadFile("testdata/nested.opml")
	if err != nil {
		t.Fatal(err)
	}
	feeds, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	feeds = append(feeds, Feed{URL: "https://q.example/?a=1&b=<2>", Title: `"Quoted" <title> & more`})
	var buf bytes.Buffer
	if err := Write(&buf, "briefs feeds", feeds); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<opml version="2.0">`) {
		t.Errorf("not OPML 2.0:\n%s", buf.String())
	}
	back, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(feeds) {
		t.Fatalf("%d feeds back, want %d:\n%s", len(back), len(feeds), buf.String())
	}
	for i := range feeds {
		if back[i].URL != feeds[i].URL || back[i].Title != feeds[i].Title || back[i].HTMLURL != feeds[i].HTMLURL ||
			strings.Join(back[i].Folders, "/") != strings.Join(feeds[i].Folders, "/") {
			t.Errorf("feed %d back as %+v, want %+v", i, back[i], feeds[i])
		}
	}
}
