package source

import (
	"net/url"
	"strings"
	"unicode"
)

// titleSeparators part a headline from the site name in a <title>.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " : ", " « ", " » "}

// siteKey reduces a site name or host label to its letters and digits,
// lower case, a leading "the" and a trailing top-level domain left out:
// "The Hill", "TheHill" and "thehill.com" are all "hill".
func siteKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "@")
	s = strings.TrimPrefix(s, "www.")
	for _, tld := range []string{".com", ".org", ".net", ".co.uk", ".co", ".news", ".io", ".de", ".fr", ".uk"} {
		s = strings.TrimSuffix(s, tld)
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	k := b.String()
	if len(k) > 5 && strings.HasPrefix(k, "the") {
		k = k[3:]
	}
	return k
}

// hostLabel returns the name of a URL's host without "www." and its
// top-level domain: "https://www.latimes.com/x" -> "latimes".
func hostLabel(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if i := strings.IndexByte(h, '.'); i > 0 {
		h = h[:i]
	}
	return h
}

// isSiteName reports whether part of a title names the site: it is one
// of the names the page declares (og:site_name, application-name, JSON-LD
// publisher, twitter:site), spacing, case and a leading "The" aside, or
// the host's name.
func isSiteName(part string, sites []string, host string) bool {
	k := siteKey(part)
	if k == "" {
		return false
	}
	for _, s := range sites {
		if sk := siteKey(s); sk != "" && sk == k {
			return true
		}
	}
	return host != "" && len(k) >= 3 && siteKey(host) == k
}

// stripSiteName removes a site name the page declares from the end of a
// title (or from its start before " | "): "Talks resume - Los Angeles Times" with
// og:site_name "Los Angeles Times" becomes "Talks resume". What is left
// must keep at least two words; a title that is only the site name stays.
func stripSiteName(title string, sites []string, host string) string {
	for changed := true; changed; {
		changed = false
		for _, sep := range titleSeparators {
			if i := strings.LastIndex(title, sep); i > 0 {
				head, tail := title[:i], title[i+len(sep):]
				if len(strings.Fields(head)) >= 2 && isSiteName(tail, sites, host) {
					title, changed = strings.TrimSpace(head), true
					break
				}
			}
			if i := strings.Index(title, sep); i > 0 && sep == " | " {
				head, tail := title[:i], title[i+len(sep):]
				if len(strings.Fields(tail)) >= 2 && isSiteName(head, sites, host) {
					title, changed = strings.TrimSpace(tail), true
					break
				}
			}
		}
	}
	return title
}

// headOfTitle reports whether head is title's part before a separator
// (" - ", " | ", ...), of two words or more: the headline a page also
// declares on its own, without what the title adds after it.
func headOfTitle(title, head string) bool {
	if len(strings.Fields(head)) < 2 || len(head) >= len(title) || !strings.HasPrefix(title, head) {
		return false
	}
	rest := title[len(head):]
	for _, sep := range titleSeparators {
		if strings.HasPrefix(rest, sep) {
			return true
		}
	}
	return false
}
