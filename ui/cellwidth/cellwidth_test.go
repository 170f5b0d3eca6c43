package cellwidth

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

const (
	family   = "\U0001F468\u200D\U0001F469\u200D\U0001F467"
	heart    = "\u2764\uFE0F"
	toned    = "\U0001F469\U0001F3FD"
	ukraine  = "\U0001F1FA\U0001F1E6"
	scotland = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"
)

func TestFrameAgreesWithEveryMeasure(t *testing.T) {
	for _, line := range []string{
		"plain text │ border",
		"Talks " + family + " end │",
		"\x1b[1m" + heart + " bold\x1b[0m │",
		toned + " and " + ukraine + " and " + scotland + " │",
		"k\u0301ey caf\u00e9 │",
		"1\uFE0F\u20E3 keycap │",
	} {
		got := Frame(line)
		if w, wc := ansi.StringWidth(got), ansi.StringWidthWc(got); w != wc || w != Width(line) {
			t.Errorf("Frame(%+q) = %+q: %d cells by grapheme, %d by code point, %d measured before", line, got, w, wc, Width(line))
		}
		if !strings.HasSuffix(ansi.Strip(got), "│") && strings.HasSuffix(line, "│") {
			t.Errorf("lost the border: %+q", got)
		}
	}
	if got := Frame("Talks " + family + " end"); got != "Talks \U0001F468 end" {
		t.Errorf("family stand-in %+q", got)
	}
	if s := "no emoji here, café"; Frame(s) != s {
		t.Error("plain text changed")
	}
}
