package source

import "testing"

func TestCleanURLKeepsOnlyHTTP(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a?b=c#d":       "https://example.org/a?b=c#d",
		"  HTTP://Example.org/x  ":          "http://Example.org/x",
		"https://example.org/a b":           "https://example.org/a%20b",
		"https://example.org/\x1b[31mred":   "https://example.org/red",
		"--new-window=https://example.org":  "",
		"-https://example.org":              "",
		"file:///etc/passwd":                "",
		"javascript:alert(document.cookie)": "",
		"JavaScript:alert(1)":               "",
		"data:text/html;base64,PGI+":        "",
		"mailto:someone@example.org":        "",
		"https:example.org":                 "",
		"https://":                          "",
		"/relative/path":                    "",
		"https://-oProxyCommand=x/":         "",
		"":                                  "",
	} {
		if got := CleanURL(in); got != want {
			t.Errorf("CleanURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSanitizeRemovesInvisibles(t *testing.T) {
	scotland := "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"
	family := "\U0001F468\u200D\U0001F469\u200D\U0001F467"
	for in, want := range map[string]string{
		"La\u200bvrov":                         "Lavrov",
		"La\u200cvrov":                         "Lavrov",
		"La\u200dvrov":                         "Lavrov",
		"La\u2060vrov":                         "Lavrov",
		"La\u00advrov":                         "Lavrov",
		"Lav\U000E0041\U000E0042rov":           "Lavrov",
		"Lavrov\U000E0001\U000E007F":           "Lavrov",
		family:                                 family,
		"\U0001F469\U0001F3FD\u200D\U0001F4BB": "\U0001F469\U0001F3FD\u200D\U0001F4BB",
		"\u2764\uFE0F\u200D\U0001F525":         "\u2764\uFE0F\u200D\U0001F525",
		scotland + " Scotland":                 scotland + " Scotland",
		"\U0001F3F4\U000E0067\U000E0062":       "\U0001F3F4", // no cancel tag: not a flag
		"a\u200d\U0001F468":                    "a\U0001F468",
		"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645": "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", // Persian keeps its ZWNJ
	} {
		got := Sanitize(in)
		if got != want {
			t.Errorf("Sanitize(%+q) = %+q, want %+q", in, got, want)
		}
		if Sanitize(got) != got {
			t.Errorf("Sanitize not idempotent on %+q", got)
		}
	}
}
