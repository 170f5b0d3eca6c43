package source

import (
	"strings"
	"testing"
)

// boilerPage is a news page with four paragraphs of story and one kind of
// boilerplate, put after the second paragraph, or wrapped around the story
// when it holds "%s".
func boilerPage(boiler string) string {
	story := "<p>" + longPara(1) + "</p>" + "<p>" + longPara(2) + "</p>"
	rest := "<p>" + longPara(3) + "</p>" + "<p>" + longPara(4) + "</p>"
	body := story + boiler + rest
	if strings.Contains(boiler, "%s") {
		body = strings.Replace(boiler, "%s", story+rest, 1)
	}
	return `<html><head><title>Fisheries accord talks resume</title></head><body>` +
		`<div class="masthead"><a href="/">Harbour Post</a></div><article>` + body + `</article></body></html>`
}

// Each kind of boilerplate on a page of its own (invented pages): the
// boilerplate goes, the four paragraphs of the story stay, in order.
func TestBoilerplateKinds(t *testing.T) {
	cases := []struct{ kind, html, gone string }{
		{"figure caption", `<figure><img src="quay.jpg"><figcaption>Envoys walk along the quay before the talks</figcaption></figure>`, "Envoys walk"},
		{"screen-reader caption label", `<figure><img src="quay.jpg"><p class="media-caption"><span class="off-screen">Media caption</span> Envoys walk along the quay</p></figure>`, "Media caption"},
		{"image copyright line", `<p>Image copyright Harbour Post Agency</p>`, "Image copyright"},
		{"photo credit line", `<p>Photo: Lena Holm/Harbour Post</p>`, "Lena Holm"},
		{"agency credit", `<p>LENA HOLM/AFP/Getty Images</p>`, "LENA HOLM"},
		{"credit in brackets", `<p>(Artist: Lena Holm)</p>`, "Lena Holm"},
		{"caption in a wrapper readability unwraps", `<div class="dnd-caption-wrapper"><div><p>Harbour cranes stand idle during the strike</p></div></div>`, "cranes stand idle"},
		{"caption inside a share wrapper around the story", `<div id="share-btns-container">%s<div class="caption-wrapper"><p>Harbour cranes stand idle during the strike</p></div></div>`, "cranes stand idle"},
		{"caption source", `<p class="caption">Nets dry on the pier. <span class="image-source"><em>Source: Supplied</em></span></p>`, "Source: Supplied"},
		{"updated stamp", `<p>Updated: 4 March 2024 11:02 GMT</p>`, "Updated"},
		{"published stamp with the outlet", `<p class="storytimestamp"><span class="postDateStamp">Harbour Post (Oslo) First published March 4, 2024: 9:12 AM ET</span></p>`, "First published"},
		{"date glued to a byline", `<p>3/4/2024 7:11 AM PST BY HARBOUR STAFF</p>`, "HARBOUR STAFF"},
		{"byline glued to a date", `<p>By Ana Ruiz, Updated 10:32 AM, March 4, 2024</p>`, "Ana Ruiz"},
		{"newsletter sign-up line", `<p>Sign up for our daily Harbour newsletter</p>`, "newsletter"},
		{"newsletter block readability unwraps", `<div class="story-embed"><div class="p-16 newsletter-wrapper"><p>Get Harbour Weekly, a paid letter from our port desk. Your first month costs nothing.</p><div><h2>Monthly</h2><p>A plan you can cancel at any time.</p></div></div></div>`, "Harbour Weekly"},
		{"related stories block", `<div class="related-stories"><h3>More on the talks</h3><ul><li><a href="/a">Quota deal stalls in the north</a></li><li><a href="/b">Ferry strike ends</a></li></ul></div>`, "Quota deal"},
		{"share line", `<p>Share this article</p>`, "Share this"},
		{"sign-in line", `<p>Sign in</p>`, "Sign in"},
		{"video player controls", `<div class="video-js"><div class="vjs-control-bar"><div class="vjs-live-control"><span class="vjs-control-text">Stream Type</span>LIVE</div><div class="vjs-remaining-time"><span class="vjs-control-text">Remaining Time</span>-0:00</div></div></div>`, "Stream Type"},
		{"author biography", `<div class="post-body-bio">Ana Ruiz covers fisheries and the ports of the North Sea for the Harbour Post.</div>`, "covers fisheries"},
		{"about the author heading", `<h4>About the Author</h4>`, "About the Author"},
		{"print edition note", `<p>A version of this article appears in print on March 5, 2024, on Page A9 of the Harbour edition with the headline: Talks Resume.</p>`, "appears in print"},
		{"error report prompt", `<div class="error-report"><p class="error-report__text">Found a mistake in this story? Tell us through the contact form.</p></div>`, "Found a mistake"},
		{"sponsor line", `<p>Powered by HarbourRates.com</p>`, "Powered by"},
		{"editor credit", `<p>[责任编辑：王小明]</p>`, "责任编辑"},
		{"share prompt", `<p>分享到微信</p>`, "分享到"},
		{"caption on a Chinese page", `<p>图为渔船停靠在码头。</p>`, "渔船停靠"},
		{"credit for all pictures", `<p>(All photos: Harbour Post staff)</p>`, "All photos"},
		{"where the story appeared first", `<p>This article originally appeared on Harbour Weekly.</p>`, "originally appeared"},
		{"republished note", `<p>Originally published at harbour.example.org on March 4, 2024.</p>`, "Originally published"},
		{"related story line", `<p>Related: Ferry strike ends after two weeks</p>`, "Ferry strike"},
		{"label", `<p>EXCLUSIVE</p>`, "EXCLUSIVE"},
	}
	for _, c := range cases {
		arts, err := Parse("page.html", []byte(boilerPage(c.html)))
		if err != nil {
			t.Errorf("%s: %v", c.kind, err)
			continue
		}
		body := arts[0].Body
		if strings.Contains(body, c.gone) {
			t.Errorf("%s: %q kept in %q", c.kind, c.gone, body)
		}
		ps := paragraphs(arts[0])
		if len(ps) != 4 {
			t.Errorf("%s: %d paragraphs, want the story's 4: %q", c.kind, len(ps), body)
			continue
		}
		for i, p := range ps {
			if p != longPara(i+1) {
				t.Errorf("%s: paragraph %d is %q", c.kind, i+1, p)
			}
		}
	}
}

// Sentences that open like boilerplate are story text.
func TestBoilerplateLookalikesKept(t *testing.T) {
	for _, p := range []string{
		"Powered by wind, the ferry crossed to the island in an hour.",
		"About the author of the report, the ministry said nothing.",
		"A version of the accord was signed in Geneva in 2019.",
		"(The envoys did not say when the talks would resume.)",
		"By March 4, 2024 the quotas had run out.",
		"分享经验的渔民说，今年的配额太少。",
		"图书馆的渔业档案今年对外开放。",
		"Related talks on the ferry routes begin in May.",
		"This article of the accord was first published in 2019, the envoys said, and never changed since then.",
		"Exclusive rights to the northern quota went to Chile.",
	} {
		arts, err := Parse("page.html", []byte(boilerPage("<p>"+p+"</p>")))
		if err != nil || !strings.Contains(arts[0].Body, p) {
			t.Errorf("%q dropped: %v %q", p, err, arts[0].Body)
		}
	}
}
