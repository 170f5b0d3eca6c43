package source

import "testing"

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
