package reader

import (
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestHintKeys: a hint names the first key of its binding; "/" is a key,
// not a separator (the help bar once showed " find" with no key).
func TestHintKeys(t *testing.T) {
	for _, c := range []struct {
		help, want string
	}{
		{"/", "/"},
		{"j/k", "j"},
		{"esc", "esc"},
		{"", "x"},
	} {
		b := key.NewBinding(key.WithKeys("x"), key.WithHelp(c.help, "desc"))
		if got := hint(b, "d").Help().Key; got != c.want {
			t.Errorf("help key %q: hint names %q, want %q", c.help, got, c.want)
		}
	}
	if got := hint(DefaultKeyMap().Find, "find").Help().Key; got != "/" {
		t.Errorf("the find hint names %q, want /", got)
	}
}
