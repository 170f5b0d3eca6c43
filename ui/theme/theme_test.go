package theme

import (
	"image/color"
	"math"
	"testing"

	"briefs/model"
)

// luminance is the WCAG relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Every kind's colour must read on a typical background of its theme (WCAG
// AA for text, 4.5:1) and differ from the other kinds'.
func TestKindColoursReadableAndDistinct(t *testing.T) {
	backgrounds := map[bool][]color.Color{
		true:  {color.RGBA{0, 0, 0, 255}, color.RGBA{0x1e, 0x1e, 0x1e, 255}, color.RGBA{0x28, 0x2c, 0x34, 255}},
		false: {color.RGBA{255, 255, 255, 255}, color.RGBA{0xf5, 0xf5, 0xf0, 255}},
	}
	for dark, bgs := range backgrounds {
		colours := KindColors(dark)
		for _, k := range model.Kinds {
			c, ok := colours[k]
			if !ok {
				t.Fatalf("dark=%v: no colour for %s", dark, k)
			}
			for _, bg := range bgs {
				if r := contrast(c, bg); r < 4.5 {
					t.Errorf("dark=%v: %s has contrast %.1f on %v, want at least 4.5", dark, k, r, bg)
				}
			}
			for _, other := range model.Kinds {
				if other != k && colours[other] == c {
					t.Errorf("dark=%v: %s and %s share a colour", dark, k, other)
				}
			}
		}
	}
}

// Without colour (NO_COLOR, colour-blind readers) an entity still stands out.
func TestKindsHaveANonColourCue(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := New(dark)
		for _, k := range model.Kinds {
			s := st.EntityStyle(k)
			if !s.GetBold() && !s.GetUnderline() && !s.GetItalic() {
				t.Errorf("dark=%v: %s has no bold, underline or italic", dark, k)
			}
		}
		if !st.Quote.GetItalic() {
			t.Error("quotes are not italic")
		}
		if !st.Mention.GetReverse() || !st.Current.GetReverse() {
			t.Error("the selection is not reversed")
		}
	}
	if New(true).EntityStyle("unheard-of").GetUnderline() != New(true).EntityStyle(model.KindOther).GetUnderline() {
		t.Error("an unknown kind does not fall back to other")
	}
}
