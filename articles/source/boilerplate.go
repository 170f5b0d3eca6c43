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
	"bio": true, // an author's biography under the story
	"vjs": true, // video.js player controls ("Stream Type LIVE", "Remaining Time")
}

// boilerClassPairs are two-word class names whose words alone are too
// common to count ("off screen", "visually hidden", "screen reader").
var boilerClassPairs = []string{"off-screen", "visually-hidden", "screen-reader", "sr-only", "read-more", "more-stories", "image-credit", "photo-credit", "wp-caption-text",
	"image-source", "author-bio", "about-author", "error-report", "posted-date", "post-date", "publish-date", "control-bar"}

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
			if boilerClassWords[w] || strings.HasPrefix(w, "related") || strings.HasPrefix(w, "newsletter") ||
				strings.HasSuffix(w, "timestamp") || strings.HasSuffix(w, "datestamp") { // "storytimestamp", "cnnDateStamp"
				return true
			}
		}
	}
	return false
}

// boilerMark is the attribute markBoilerplate gives the elements inside a
// boilerplate block, so that they are known as such after readability has
// unwrapped the block (it replaces a <div> that holds one element by that
// element, and the block's class goes with the <div>).
const boilerMark = "data-briefs-boilerplate"

// markBoilerplate marks, before readability reads the page, every element
// inside a small boilerplate block (a newsletter sign-up, a share bar, a
// caption): one holding at most a quarter of the page's words. A bigger
// one is a wrapper that may hold the article itself, and is left to the
// checks after readability.
func markBoilerplate(doc *html.Node) {
	words := wordCounts(doc)
	blocks, _ := outermost(doc, func(c *html.Node) bool {
		return (tagOf(c) == atom.Figcaption || classBoiler(c)) && words[c]*4 <= words[doc]
	})
	for _, b := range blocks {
		var mark func(n *html.Node)
		mark = func(n *html.Node) {
			if n.Type == html.ElementNode {
				n.Attr = append(n.Attr, html.Attribute{Key: boilerMark})
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				mark(c)
			}
		}
		mark(b)
	}
}

// wordCounts counts the words of the text inside every element below
// root, and root's, in one walk (scripts and styles hold none).
func wordCounts(root *html.Node) map[*html.Node]int {
	counts := map[*html.Node]int{}
	var walk func(n *html.Node) int
	walk = func(n *html.Node) int {
		switch {
		case n.Type == html.TextNode:
			return len(strings.Fields(n.Data))
		case n.Type == html.ElementNode && htmlSkipped[tagOf(n)]:
			return 0
		}
		sum := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			sum += walk(c)
		}
		if n.Type == html.ElementNode || n == root {
			counts[n] = sum
		}
		return sum
	}
	walk(root)
	return counts
}

// marked reports an element markBoilerplate marked.
func marked(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == boilerMark {
			return true
		}
	}
	return false
}

// pruneBoilerplate removes from n the elements that hold no article text:
// <figcaption>, elements whose class or id says caption, credit,
// screen-reader only, share, social, newsletter, related or byline, and
// those markBoilerplate marked. An element holding more than half of n's
// words is a wrapper, not boilerplate: it stays and what is inside it is
// looked at (a page whose whole article sits in a "share-container" keeps
// it, and loses the caption inside). A removal that would leave less than
// half of the text in all is not made.
func pruneBoilerplate(n *html.Node) {
	words := wordCounts(n)
	total := words[n]
	doomed, _ := outermost(n, func(c *html.Node) bool {
		return (tagOf(c) == atom.Figcaption || classBoiler(c) || marked(c)) && words[c]*2 <= total
	})
	removed := 0
	for _, d := range doomed {
		removed += words[d]
	}
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
	// a date alone, once or twice: "22 Dec, 2016", "Feb. 21, 2019 3:04 PM",
	// or with a byline after it: "2/26/2024 7:11 AM PST BY HARBOUR STAFF"
	`|(?:(?:\p{L}{3,9}\.? \d{1,2},? \d{4}|\d{1,2} \p{L}{3,9}\.?,? \d{4}|\d{1,2}/\d{1,2}/\d{2,4})(?: \d{1,2}:\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)? ?){1,2}(?:(?:[|•·–—-] ?)?by [\p{L}.'’ -]{2,40})?` +
	// a print edition's note, an author box's heading
	`|a version of this (?:article|story|review|interview) appear(?:s|ed) in print\b.{0,220}|about the authors?` +
	// a credit in brackets under a picture: "(Artist: Lena Holm)", "(Photo by Ana Ruiz)"
	`|\((?:all |top |main )?(?:photo|photograph|image|picture|artist|art|illustration|credit|source|video)s?(?::| by) [^()]{1,60}\)` +
	// an editor's credit, share prompts and captions on Chinese news pages
	// ("图注：" caption, "图为" the picture shows)
	`|[\[【]?责任编辑[:：].{1,20}[\]】]?|(?:分享到|转播到).{1,12}|(?:图注|图为|图片来源)[:：]?.{1,100}` +
	// where the story appeared first, a link to another story, a label
	`|this (?:article|story|post|piece) (?:was )?(?:originally |first )?(?:appeared|published|reprinted|republished) (?:on|in|at|by) .{2,80}` +
	`|originally published (?:on|in|at|by) .{2,100}` +
	`|related(?: (?:article|story|stories|coverage|content|news|link|reading))?: .{2,120}` +
	`|exclusive|breaking news|more about:` +
	`|powered by [\p{L}\d.-]{2,40}` +
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
