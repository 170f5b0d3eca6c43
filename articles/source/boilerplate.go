package source

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page's main text, as readability finds it, still carries what is no
// article text: photo captions and credits, text for screen readers only
// ("Media caption"), share and sign-in lines, newsletter and related-story
// blocks, "Updated ..." stamps and bylines glued to dates. pruneBoilerplate
// removes the elements that hold them, by their tag and the words of their
// class and id; boilerParagraph drops the whole paragraphs that are one.

// boilerClassWords are the words of a class or id (split at "-", "_" and
// spaces) that mark an element as no article text.
var boilerClassWords = map[string]bool{
	"caption": true, "captions": true, "figcaption": true, "credit": true, "credits": true,
	"sr":        true, // sr-only
	"offscreen": true, "visuallyhidden": true,
	"share": true, "sharing": true, "sharebar": true, "social": true, "sharetools": true,
	"newsletter": true, "signup": true, "subscribe": true, "subscription": true,
	"related": true, "recommended": true, "promo": true, "outbrain": true, "taboola": true,
	"byline": true, "timestamp": true,
}

// boilerClassPairs are two-word class names whose words alone are too
// common to count ("off screen", "visually hidden", "screen reader").
var boilerClassPairs = []string{"off-screen", "visually-hidden", "screen-reader", "sr-only", "read-more", "more-stories", "image-credit", "photo-credit", "wp-caption-text"}

// classBoiler reports whether n's class or id marks boilerplate.
func classBoiler(n *html.Node) bool {
	for _, key := range []string{"class", "id"} {
		v := strings.ToLower(attr(n, key))
		if v == "" {
			continue
		}
		for _, p := range boilerClassPairs {
			if strings.Contains(v, p) {
				return true
			}
		}
		prev := ""
		for _, w := range strings.FieldsFunc(v, func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '\t' }) {
			if prev == "no" || prev == "without" { // "no_caption"
				prev = w
				continue
			}
			prev = w
			if boilerClassWords[w] || strings.HasPrefix(w, "related") || strings.HasPrefix(w, "newsletter") {
				return true
			}
		}
	}
	return false
}

// pruneBoilerplate removes from n the elements that hold no article text:
// <figcaption>, and elements whose class or id says caption, credit,
// screen-reader only, share, social, newsletter, related or byline. A
// removal that would leave less than half of the text is not made (a page
// whose whole article sits in a "related" wrapper keeps it).
func pruneBoilerplate(n *html.Node) {
	total := len(strings.Fields(textOf(n)))
	doomed, removed := outermost(n, func(c *html.Node) bool {
		return tagOf(c) == atom.Figcaption || classBoiler(c)
	})
	if total > 0 && removed*2 > total {
		return
	}
	removeAll(doomed)
}

// boilerLine finds the paragraphs that are one boilerplate line: stamps,
// captions and credits, share and sign-in lines.
var boilerLine = regexp.MustCompile(`(?i)^(?:` +
	`(?:last )?(?:updated|published|posted|modified|first published)(?: on| at)?:? .{0,60}\d.{0,30}` + // stamps with a number
	`|(?:image|media|photo|picture|video) (?:caption|copyright|credit|source)\b.{0,200}` +
	`|(?:photo|photograph|picture|image|credit)s?: [^.]{1,80}` +
	`|sign in|sign up|log in|register|subscribe|advertisement|skip to (?:main )?content|share(?: this)?(?: article| story| page)?|share on \w+|share via \w+` +
	`|email|print|tweet|copy link|comments?|\d+ comments?|listen to (?:this )?article.{0,20}` +
	`|(?:sign up|subscribe) (?:to|for) (?:our|the) .{0,40}newsletter.{0,60}` +
	// a media player's controls
	`|play(?: video)?|pause|mute|unmute|fullscreen|/|current time \d+:\d+|duration(?: time)? \d+:\d+|loaded: \d+(?:\.\d+)?%|\d+:\d+` +
	// what stands for a picture, a gallery's counter
	`|image|images|photo|photos|view photo|view gallery|video|gallery: .{0,80}|\d+ / \d+|\d+ of \d+` +
	// social buttons and prompts
	`|facebook|twitter|linkedin|whatsapp|pinterest|reddit|instagram|e-?mail this|follow (?:us|@?[\p{L}\d_]+)(?: on)?:? .{0,60}(?:twitter|facebook|instagram).{0,30}` +
	`|found this helpful|save|saved|related searches|promoted by .{1,30}|sponsored(?: content)?|ad|ads|read more:?|comments? \(\d+ posted\)` +
	// a photo credit: "JANE DOE/AFP/Getty Images", "Photo by Jane Doe"
	`|[\p{Lu} .'’-]{3,40}/(?:afp|ap|reuters|epa|getty images|anadolu|xinhua|afp via getty images)(?:/getty images)?` +
	`|(?:top |cover )?(?:photo|photograph|image|illustration|picture)s? (?:by|courtesy(?: of)?) .{2,60}` +
	// a date alone, once or twice: "22 Dec, 2016", "Feb. 21, 2019 3:04 PM"
	`|(?:(?:\p{L}{3,9}\.? \d{1,2},? \d{4}|\d{1,2} \p{L}{3,9}\.?,? \d{4})(?: \d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)? ?){1,2}` +
	`)[.!]?$`)

// bylineStamp finds a byline glued to a date: "By Ana Ruiz, Updated 10:32
// AM, March 4, 2019", "By Ana Ruiz | 4 March 2019".
var bylineStamp = regexp.MustCompile(`(?i)^by [\p{L}.'’ -]{2,60}(?:[,|•·–—-]|\s)\s*(?:updated|published|posted|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[^.]{0,60}$`)

// boilerParagraph reports a paragraph that is one boilerplate line.
func boilerParagraph(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" || len(p) > 240 {
		return false
	}
	return boilerLine.MatchString(p) || bylineStamp.MatchString(p)
}

// dropBoilerParagraphs removes the paragraphs boilerParagraph reports.
func dropBoilerParagraphs(blocks []string) []string {
	out := blocks[:0:0]
	for _, b := range blocks {
		if !boilerParagraph(b) {
			out = append(out, b)
		}
	}
	return out
}
