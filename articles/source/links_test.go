package source

import (
	"slices"
	"strings"
	"testing"
)

// A page's links are those of its article, resolved against the page's
// address, http(s) only, each once; the page furniture's (navigation,
// footer) are not the brief's.
func TestHTMLLinks(t *testing.T) {
	page := `<!doctype html><html><head><title>Harbour talks resume in Valletta</title></head><body>
<nav><a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour talks resume in Valletta</h1>
<p>Envoys from Norland and Estmark met again on Monday, two weeks after the
<a href="/2026/03/talks-stall">talks stalled</a> over inspection fees. The
port authority published <a href="https://port.example/fees.pdf">its fee schedule</a>
on the same day, and the envoys said they would study it before the next round.</p>
<p>A spokesman for the Norland delegation, Ivo Brandt, said the schedule was
"a fair place to start", and pointed reporters to <a href="https://port.example/fees.pdf">the
schedule</a> again. Questions went to <a href="mailto:press@port.example">the press office</a>.
The next meeting is set for Thursday in the <a href="../maps/valletta">old harbour</a> building.</p>
<p>Shipping firms welcomed the news, saying delays at the harbour gate had cost them
dearly through the winter months and that any agreement would help.</p>
</article>
<footer><a href="/about">About us</a></footer>
</body></html>`
	arts, err := parseHTML("https://news.example/2026/04/harbour", "https://news.example/2026/04/harbour", []byte(page))
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	want := []string{"https://news.example/2026/03/talks-stall", "https://port.example/fees.pdf", "https://news.example/2026/maps/valletta"}
	if got := arts[0].Links; !slices.Equal(got, want) {
		t.Fatalf("links %q, want %q", got, want)
	}
	// a file with no address keeps only the absolute links
	arts, _ = parseHTML("harbour.html", "", []byte(page))
	if got := arts[0].Links; !slices.Equal(got, []string{"https://port.example/fees.pdf"}) {
		t.Fatalf("links of a file: %q", got)
	}
	// a saved file that declares its own address resolves against it, as
	// the download would have
	saved := strings.Replace(page, "</title></head>", `</title>
<link rel="canonical" href="https://news.example/2026/04/harbour"></head>`, 1)
	arts, _ = parseHTML("harbour.html", "", []byte(saved))
	if got := arts[0].Links; !slices.Equal(got, want) {
		t.Fatalf("links of a saved file with a canonical address %q, want %q", got, want)
	}
	if arts[0].URL != "https://news.example/2026/04/harbour" {
		t.Fatalf("URL %q", arts[0].URL)
	}
}

// A feed item's links are its own (RSS <link>, Atom <link>s) and those of
// its content's <a href>.
func TestFeedItemLinks(t *testing.T) {
	feed := `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Desk</title><link>https://desk.example/</link>
<item><title>Fees schedule published</title><link>https://desk.example/fees</link>
<description><![CDATA[<p>The port authority put its <a href="/docs/fees.pdf">schedule</a> online, and
<a href="https://port.example/notice">a notice</a> explains it.</p>]]></description></item>
<item><title>Plain item</title><link>https://desk.example/plain</link><description>No links here at all.</description></item>
</channel></rss>`
	arts, err := parseFeed("https://desk.example/rss", "https://desk.example/rss", []byte(feed))
	if err != nil || len(arts) != 2 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	want := []string{"https://desk.example/fees", "https://desk.example/docs/fees.pdf", "https://port.example/notice"}
	if got := arts[0].Links; !slices.Equal(got, want) {
		t.Fatalf("links %q, want %q", got, want)
	}
	if got := arts[1].Links; len(got) != 1 || !strings.HasSuffix(got[0], "/plain") {
		t.Fatalf("the plain item's links %q", got)
	}
}
