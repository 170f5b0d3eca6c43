package theme

import (
	"fmt"
	"image/color"
	"reflect"
	"testing"

	"charm.land/lipgloss/v2"
)

// themeBackgrounds are the terminal backgrounds a theme is checked on:
// black and the usual dark greys for dark; white and off-white for light.
var themeBackgrounds = map[bool][]color.Color{
	true:  {color.RGBA{0, 0, 0, 255}, color.RGBA{0x1e, 0x1e, 0x1e, 255}, color.RGBA{0x28, 0x2c, 0x34, 255}},
	false: {color.RGBA{255, 255, 255, 255}, color.RGBA{0xf5, 0xf5, 0xf0, 255}},
}

// eachStyle calls fn with every lipgloss.Style reachable from v (fields,
// nested structs such as the help and list styles, maps), named by path.
func eachStyle(path string, v reflect.Value, fn func(string, lipgloss.Style)) {
	if st, ok := v.Interface().(lipgloss.Style); ok {
		fn(path, st)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				eachStyle(path+"."+f.Name, v.Field(i), fn)
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			eachStyle(fmt.Sprintf("%s[%v]", path, k), v.MapIndex(k), fn)
		}
	}
}

func isSet(c color.Color) bool {
	if c == nil {
		return false
	}
	_, ok := c.(lipgloss.NoColor)
	return !ok
}

// Every foreground colour of every style, help bar and list included,
// reads at WCAG AA (4.5:1) on its own background, or on each terminal
// background of its theme when it has none; no style is faint (terminals
// dim faint text by an amount nobody can check). Issue 20, defect 7.
func TestEveryStyleContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		checked := 0
		eachStyle("Styles", reflect.ValueOf(New(dark)), func(path string, st lipgloss.Style) {
			if st.GetFaint() {
				t.Errorf("dark=%v: %s is faint", dark, path)
			}
			fg := st.GetForeground()
			if !isSet(fg) {
				return
			}
			checked++
			bgs := themeBackgrounds[dark]
			if bg := st.GetBackground(); isSet(bg) {
				bgs = []color.Color{bg}
			}
			for _, bg := range bgs {
				if r := contrast(fg, bg); r < 4.5 {
					t.Errorf("dark=%v: %s: %v on %v is %.2f:1, want 4.5", dark, path, fg, bg, r)
				}
			}
		})
		if checked < 20 {
			t.Errorf("dark=%v: only %d styles with a colour checked", dark, checked)
		}
	}
}
