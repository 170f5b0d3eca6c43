package clipboard

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestSequence(t *testing.T) {
	if got, want := Sequence("hello"), "\x1b]52;c;aGVsbG8=\a"; got != want {
		t.Errorf("Sequence(hello) = %q, want %q", got, want)
	}
	text := "“Fine” — Ana Ruiz\n(a brief)"
	seq := Sequence(text)
	if !strings.HasPrefix(seq, "\x1b]52;c;") || !strings.HasSuffix(seq, "\a") {
		t.Fatalf("not an OSC 52 sequence: %q", seq)
	}
	dec, err := base64.StdEncoding.DecodeString(strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b]52;c;"), "\a"))
	if err != nil || string(dec) != text {
		t.Errorf("payload decodes to %q (%v), want %q", dec, err, text)
	}
}

func TestPlan(t *testing.T) {
	for _, c := range []struct {
		mode        string
		system, osc bool
	}{{Auto, true, true}, {"", true, true}, {System, true, false}, {OSC52, false, true}} {
		if s, o := Plan(c.mode); s != c.system || o != c.osc {
			t.Errorf("Plan(%q) = %v, %v; want %v, %v", c.mode, s, o, c.system, c.osc)
		}
	}
}
