package source

import (
	"strings"
	"testing"
	"time"
)

// An element that is never closed, inside elements that are, becomes
// empty; an end tag that closes nothing goes; a well-formed document and
// one cut short are left alone.
func TestBalanceXML(t *testing.T) {
	for in, want := range map[string]string{
		"<a><b x='1'><c/><d>t</d></a>":       "<a><b x='1'/><c/><d>t</d></a>",
		"<a><b><c>t</b></a>":                 "<a><b><c/>t</b></a>",
		"<a>t</x></a>":                       "<a>t</a>",
		"<a><B>t</b></a>":                    "", // case aside, it is closed
		"<a><b>t</b><c/></a>":                "",
		"<a><b>t":                            "",
		"<a><![CDATA[<b>]]><!-- <c> --></a>": "",
	} {
		got, ok := balanceXML([]byte(in))
		if want == "" {
			if ok || string(got) != in {
				t.Errorf("%q changed to %q", in, got)
			}
		} else if !ok || string(got) != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}

// Items inside an element left open (a podcast category whose end tag is
// missing) are the channel's items still.
func TestFeedItemsInUnclosedElement(t *testing.T) {
	feed := `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd' version='2.0'><channel><title>Harbour hour</title>
<itunes:category text='News'>
<itunes:category text='Politics'/>
<item><title>Quay talks</title><description>The envoys met at the quay.</description></item>
<item><title>Ferry rules</title><description>New rules for the ferry from May.</description></item>
</channel></rss>`
	arts, err := Parse("podcast.xml", []byte(feed))
	if err != nil || len(arts) != 2 || arts[0].Title != "Quay talks" || arts[1].Body != "New rules for the ferry from May." || arts[0].Outlet != "Harbour hour" {
		t.Errorf("%v %+v", err, arts)
	}
}

// A feed inside a page (an Atom feed in an XHTML body) is read as the
// feed; markup that only looks like one (in a script, or a <feed> that
// is not Atom's) leaves the page a page.
func TestEmbeddedFeed(t *testing.T) {
	page := `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Harbour notes</title>
<entry><title>Quay talks</title><link rel="alternate" href="https://harbour.example.org/quay"/><summary>The envoys met at the quay.</summary></entry>
<entry><title>Ferry rules</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>New rules for the ferry from May.</p></div></content></entry>
</feed></body></html>`
	arts, err := Parse("notes.xml", []byte(page))
	if err != nil || len(arts) != 2 || arts[0].Title != "Quay talks" || arts[0].URL != "https://harbour.example.org/quay" ||
		arts[1].Body != "New rules for the ferry from May." || arts[1].Outlet != "Harbour notes" {
		t.Errorf("%v %+v", err, arts)
	}
	for _, p := range []string{
		`<html><head><title>Feed tools</title><script>var t = '<rss version="2.0"><channel><item><title>x</title></item></channel></rss>';</script></head><body><p>The envoys met at the quay.</p></body></html>`,
		`<html><head><title>Feed tools</title></head><body><feed><entry><title>x</title></entry></feed><p>The envoys met at the quay.</p></body></html>`,
	} {
		arts, err := Parse("tools.html", []byte(p))
		if err != nil || len(arts) != 1 || arts[0].Title != "Feed tools" || !strings.Contains(arts[0].Body, "The envoys met at the quay.") {
			t.Errorf("%v %+v", err, arts)
		}
	}
}

// A Channel Definition Format file is read as a feed: each ITEM an
// article whose link is its HREF against the BASE in force, its text its
// ABSTRACT, its date its LASTMOD; channels inside channels too.
func TestCDFChannel(t *testing.T) {
	doc := `<?xml version="1.0"?>
<CHANNEL BASE="https://harbour.example.org/" HREF="https://harbour.example.org/" LASTMOD="2024-04-06T23:05:43-05:00">
  <TITLE>Harbour channel</TITLE>
  <ABSTRACT>News of the port.</ABSTRACT>
  <ITEM HREF="/quay" LASTMOD="2024-04-06T23:05:43-05:00"><TITLE>Quay talks</TITLE><ABSTRACT>The envoys met at the quay &amp; agreed.</ABSTRACT></ITEM>
  <CHANNEL BASE="https://ferry.example.org/news/">
    <TITLE>Ferry desk</TITLE>
    <ITEM HREF="rules"><TITLE>Ferry rules</TITLE><ABSTRACT>New rules from May.</ABSTRACT></ITEM>
  </CHANNEL>
</CHANNEL>`
	for _, name := range []string{"channel.xml", "channel.cdf"} {
		arts, err := Parse(name, []byte(doc))
		if err != nil || len(arts) != 2 {
			t.Fatalf("%s: %v %+v", name, err, arts)
		}
		want := time.Date(2024, 4, 7, 4, 5, 43, 0, time.UTC)
		if a := arts[0]; a.Title != "Quay talks" || a.Body != "The envoys met at the quay & agreed." || a.URL != "https://harbour.example.org/quay" ||
			!a.Published.Equal(want) || a.Outlet != "Harbour channel" {
			t.Errorf("%s: %+v", name, a)
		}
		if a := arts[1]; a.Title != "Ferry rules" || a.URL != "https://ferry.example.org/news/rules" {
			t.Errorf("%s: %+v", name, a)
		}
	}
	// An RSS channel without its <rss> around it is read the same way.
	bare := `<channel><title>Harbour news</title><link>https://harbour.example.org/</link>
<item><title>Quay reopens</title><link>/quay</link><description>&lt;p&gt;The quay &lt;b&gt;reopened&lt;/b&gt;.&lt;/p&gt;</description><pubDate>Mon, 02 Dec 2024 10:00:00 GMT</pubDate></item></channel>`
	arts, err := Parse("bare.xml", []byte(bare))
	if err != nil || len(arts) != 1 || arts[0].Title != "Quay reopens" || arts[0].Body != "The quay reopened." ||
		arts[0].URL != "https://harbour.example.org/quay" || !arts[0].Published.Equal(time.Date(2024, 12, 2, 10, 0, 0, 0, time.UTC)) || arts[0].Outlet != "Harbour news" {
		t.Errorf("bare channel: %v %+v", err, arts)
	}
	if _, ok := channelToAtom([]byte(`<CHANNEL><TITLE>Empty</TITLE></CHANNEL>`)); ok {
		t.Error("a channel with no item made a feed")
	}
}
