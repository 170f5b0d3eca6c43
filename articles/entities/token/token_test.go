package token

import (
	"strings"
	"testing"
)

func texts(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Text)
	}
	return strings.Join(s, " ")
}

func TestTokenize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Russia's envoy didn't go.", "Russia 's envoy did n't go ."},
		{"He said U.S.", "He said U.S."},
		{"Mr. Lomax met Gen. Okafor in St. Ives.", "Mr. Lomax met Gen. Okafor in St. Ives ."},
		{`"We insist", he said.`, `" We insist " , he said .`},
		{"(Bashar al-Assad) cost $5.5 million, 3%...", "( Bashar al-Assad ) cost $ 5.5 million , 3 % ..."},
		{"the states' rights", "the states ' rights"},
		{"J. R. Hartley's 1990s hits: fine!", "J. R. Hartley 's 1990s hits : fine !"},
		{"", ""},
		// spaces past ASCII part words; other bytes past ASCII stay in them
		{"Tbilisi\u00a0talks\u2003resumed — Zoë's café,\tthen\nrain", "Tbilisi talks resumed — Zoë 's café , then rain"},
		{"x\u00a0", "x"}, {"\u00a0y", "y"}, {"\xffab c\xff", "\xffab c\xff"}, {"end.", "end ."},
	}
	for _, c := range cases {
		got := Tokenize(c.in)
		if texts(got) != c.want {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, texts(got), c.want)
		}
		for _, tk := range got {
			if c.in[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q has offsets %d:%d = %q", c.in, tk.Text, tk.Start, tk.End, c.in[tk.Start:tk.End])
			}
		}
	}
}

func TestSentences(t *testing.T) {
	toks := Tokenize(`He left. "She stayed." Then U.S. troops came. the end`)
	ends := Sentences(toks)
	var got []string
	start := 0
	for _, e := range ends {
		got = append(got, texts(toks[start:e]))
		start = e
	}
	want := []string{"He left .", `" She stayed . "`, "Then U.S. troops came . the end"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}
