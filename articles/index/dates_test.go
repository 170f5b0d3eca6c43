package index

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseDateTerm(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct {
		in       string
		from, to string // "" is open
	}{
		{"after:2026-06-01", "2026-06-01", ""},
		{"after:2026-06", "2026-06-01", ""},
		{"AFTER:2026", "2026-01-01", ""},
		{"before:2026-06-01", "", "2026-06-01"},
		{"before:2026-06", "", "2026-06-01"},
		{"on:2026-06-30", "2026-06-30", "2026-07-01"},
		{"on:2026-12", "2026-12-01", "2027-01-01"},
		{"on:2024-02", "2024-02-01", "2024-03-01"},
		{"on:2025", "2025-01-01", "2026-01-01"},
	} {
		d, err := ParseDateTerm(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		want := func(s string) time.Time {
			if s == "" {
				return time.Time{}
			}
			return day(s)
		}
		if !d.From.Equal(want(c.from)) || !d.To.Equal(want(c.to)) {
			t.Errorf("%s: [%v, %v), want [%s, %s)", c.in, d.From, d.To, c.from, c.to)
		}
	}
	for _, bad := range []string{"after:2026-13-01", "before:June", "on:2026-6-1", "on:26", "since:2026", "after:"} {
		if _, err := ParseDateTerm(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestDateTermHoldsOnTheBriefsOwnDay(t *testing.T) {
	d, _ := ParseDateTerm("on:2026-06-01")
	// late on 1 June in Vladivostok is 31 May in UTC: the brief's own day counts
	vvo := time.FixedZone("VLAT", 10*3600)
	if !d.Holds(time.Date(2026, 6, 1, 8, 0, 0, 0, vvo)) {
		t.Error("a brief of 1 June (UTC+10) is not on 2026-06-01")
	}
	if d.Holds(time.Date(2026, 5, 31, 23, 59, 0, 0, time.UTC)) || d.Holds(time.Date(2026, 6, 2, 0, 0, 0, 0, time.UTC)) {
		t.Error("the day before or after holds")
	}
	if d.Holds(time.Time{}) {
		t.Error("an undated brief holds")
	}
}

func TestDatesInQueries(t *testing.T) {
	ix := Build(corpus(), nil) // dated 2023-01-15 .. 2024-07-01, one undated
	cases := []struct {
		q       string
		want    []string // titles, in rank order when ordered
		ordered bool
	}{
		{"Russia after:2024-05-01", []string{"Belov warns on sanctions", "Inspectors return to Vienna"}, false},
		{"Russia before:2024-05-01", []string{"Russia and Iran discuss reactor deal"}, false},
		{"Russia on:2024-06", []string{"Inspectors return to Vienna"}, false},
		{"entity:Russia after:2024-03 before:2024-06", []string{"Russia and Iran discuss reactor deal", "Belov warns on sanctions"}, false},
		{"reactor AND after:2024-06-02", []string{"Envoy Orlov meets United States delegation"}, false},
		{"on:2023", []string{"Siblings share a prize", "Gallery draws crowds", "Kask family opens gallery"}, true},
		{"IAEA", []string{"Inspectors return to Vienna", "Hartmann joins agency"}, false},
		{"IAEA after:2000", []string{"Inspectors return to Vienna"}, false}, // the undated one never holds
		{"Russia after:2025", nil, false},
	}
	for _, c := range cases {
		got := titles(search(t, ix, c.q))
		if !c.ordered {
			slices.Sort(got)
			c.want = slices.Clone(c.want)
			slices.Sort(c.want)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.q, got, c.want)
		}
	}
	res, err := ix.Search("Belov after:2024-04", 0)
	if err != nil || !slices.Contains(res.Terms, "after:2024-04") {
		t.Errorf("terms %v, err %v", res.Terms, err)
	}
	if _, err := ix.Search("Russia after:2024-14", 0); err == nil || !strings.Contains(err.Error(), "not a date") {
		t.Errorf("a bad date: %v", err)
	}
	// a word that only looks like a prefix stays a word
	if res, err := ix.Search("Russia on:", 0); err != nil || len(res.Hits) != 3 {
		t.Errorf("'on:' alone: %d hits, %v", len(res.Hits), err)
	}
}
