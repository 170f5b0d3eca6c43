package source

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"briefs/model"
)

// Outlet labels: a short name for where a brief comes from, for the
// reader's list, byline and status line. Never a path.

// knownOutlets maps the way file names and hosts write an outlet (folded:
// lower case, letters and digits only) to its name.
var knownOutlets = map[string]string{
	"nyt": "New York Times", "nytimes": "New York Times", "newyorktimes": "New York Times",
	"washpost": "Washington Post", "wapo": "Washington Post", "washingtonpost": "Washington Post",
	"usatoday": "USA Today", "politico": "Politico", "breitbart": "Breitbart",
	"huffpost": "HuffPost", "huffingtonpost": "HuffPost", "westjournal": "Western Journal",
	"cnn": "CNN", "foxnews": "Fox News", "bbc": "BBC", "reuters": "Reuters", "apnews": "AP",
	"guardian": "The Guardian", "theguardian": "The Guardian", "wsj": "Wall Street Journal",
	"ft": "Financial Times", "economist": "The Economist", "aljazeera": "Al Jazeera",
	"npr": "NPR", "latimes": "Los Angeles Times", "bloomberg": "Bloomberg",
}

// fold keeps the lower-case letters and digits of s.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// OutletFromName returns the known outlet a file name starts with
// ("nyt_2016-10-02_...", "wash-post_..."), or "".
func OutletFromName(name string) string {
	base := filepath.Base(name)
	head := base
	if k := strings.IndexAny(base, "_ "); k > 0 {
		head = base[:k]
	} else {
		head = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return knownOutlets[fold(head)]
}

// outletOfHost is a URL's host without "www.", or the known outlet it is.
func outletOfHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	parts := strings.Split(host, ".")
	if len(parts) >= 2 {
		if o := knownOutlets[fold(parts[len(parts)-2])]; o != "" {
			return o
		}
	}
	return host
}

// Label is the short name of where a brief comes from: the outlet it
// names (front matter, a feed's title, og:site_name), else the host of
// its URL, else a known outlet in its file name, else the folder it was
// read from; "standard input" for "-", "built-in sample" for the samples
// (read from the binary, with no folder).
func Label(a model.Article) string {
	switch {
	case strings.TrimSpace(a.Outlet) != "":
		return strings.TrimSpace(a.Outlet)
	case a.Source == "-":
		return "standard input"
	case strings.Contains(a.Source, "://"):
		if h := outletOfHost(a.Source); h != "" {
			return h
		}
	}
	if o := OutletFromName(a.Source); o != "" {
		return o
	}
	if a.URL != "" {
		if h := outletOfHost(a.URL); h != "" {
			return h
		}
	}
	if a.Source == "" {
		return "unknown source"
	}
	dir := filepath.Base(filepath.Dir(a.Source))
	if dir == "." || dir == string(filepath.Separator) || dir == "" {
		return "built-in sample"
	}
	return dir
}

// nameDate finds a date in a file name: 2016-10-02, 2016_10_02 or 20161002.
var nameDate = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)`)

// DateFromName returns the date a file name carries ("nyt_2016-10-02_..."),
// for a brief that gives none; false when it has none.
func DateFromName(name string) (time.Time, bool) {
	m := nameDate.FindStringSubmatch(filepath.Base(name))
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// FileTime returns the modification time of the file a brief was read
// from, for a brief that gives no date and whose file name carries none;
// false for standard input, URLs, the built-in samples (no folder) and
// files that are gone. It reads the disk: call it off the update loop.
func FileTime(src string) (time.Time, bool) {
	if src == "" || src == "-" || strings.Contains(src, "://") {
		return time.Time{}, false
	}
	if dir := filepath.Dir(src); dir == "." || dir == "" {
		return time.Time{}, false
	}
	info, err := os.Stat(src)
	if err != nil || !info.Mode().IsRegular() {
		return time.Time{}, false
	}
	return info.ModTime(), true
}
