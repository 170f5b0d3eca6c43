package config

import (
	"strings"
	"testing"
	"time"
)

// reload_every takes a duration, "" or "0" for never; too short or not a
// duration is a problem with its line, and the setting stays off.
func TestReloadEveryAndNotify(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want time.Duration
		prob string
	}{
		{`reload_every = "15m"`, 15 * time.Minute, ""},
		{`reload_every = "1h30m"`, 90 * time.Minute, ""},
		{`reload_every = "2s"`, 2 * time.Second, ""},
		{`reload_every = ""`, 0, ""},
		{`reload_every = "0"`, 0, ""},
		{`reload_every = "10ms"`, 0, "too often"},
		{`reload_every = "soon"`, 0, "not a duration"},
		{`reload_every = 15`, 0, "reload_every"},
	} {
		c, probs := Parse("c.toml", []byte(tc.src+"\n"))
		if c.ReloadEvery != tc.want {
			t.Errorf("%s: %v, want %v", tc.src, c.ReloadEvery, tc.want)
		}
		switch {
		case tc.prob == "" && len(probs) > 0:
			t.Errorf("%s: problems %v", tc.src, probs)
		case tc.prob != "" && (len(probs) != 1 || !strings.Contains(probs[0].String(), tc.prob) || probs[0].Line != 1):
			t.Errorf("%s: problems %v, want one on line 1 saying %q", tc.src, probs, tc.prob)
		}
	}
	if c := Default(); c.Notify != NotifyBell || c.ReloadEvery != 0 {
		t.Errorf("defaults: notify %q, reload_every %v", c.Notify, c.ReloadEvery)
	}
	for _, v := range []string{NotifyBell, NotifyOSC9, NotifyOSC777, NotifyNone} {
		if c, probs := Parse("c.toml", []byte(`notify = "`+v+`"`)); c.Notify != v || len(probs) > 0 {
			t.Errorf("notify %q: got %q, %v", v, c.Notify, probs)
		}
	}
	if c, probs := Parse("c.toml", []byte(`notify = "email"`)); c.Notify != NotifyBell || len(probs) != 1 {
		t.Errorf("notify email: got %q, %v", c.Notify, probs)
	}
}
