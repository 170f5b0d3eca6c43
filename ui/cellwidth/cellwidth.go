// Package cellwidth keeps the reader's one idea of how wide text is on a
// terminal: lipgloss's (ansi.StringWidth, by grapheme cluster), which every
// layout in the UI uses.
//
// A terminal that does not cluster graphemes (no mode 2027: tmux, xterm,
// most others), and Bubble Tea's renderer on such a terminal, measure by
// code point instead (wcwidth): a family emoji joined by ZWJs is 6 cells
// for them and 2 for lipgloss, so a line that lipgloss fitted to a pane
// runs 4 cells into the next one and wipes its border. Frame removes the
// disagreement from a finished frame: a cluster whose two widths differ is
// drawn as a stand-in exactly as wide by both (its first code point,
// padded), so every line is as wide as lipgloss measured it, whichever
// measure the renderer and the terminal use.
package cellwidth

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// Width is the width of s in cells: the widest of its lines, as lipgloss
// measures it. Use it, not another width function, anywhere in the UI.
func Width(s string) int { return lipgloss.Width(s) }

// Frame returns frame with every grapheme cluster that the two measures
// disagree on replaced by a stand-in of the same width by both (see the
// package doc). Escape sequences are kept as they are.
func Frame(frame string) string {
	if !mayDisagree(frame) {
		return frame
	}
	var b strings.Builder
	b.Grow(len(frame))
	p := ansi.NewParser()
	var state byte
	for s := frame; s != ""; {
		if s[0] == 0x1b || s[0] < 0x20 {
			seq, _, n, next := ansi.DecodeSequence(s, state, p) // an escape sequence or a control: kept
			state = next
			b.WriteString(seq)
			s = s[n:]
			continue
		}
		// Text up to the next escape, cut into clusters the way lipgloss
		// measures them (ansi.DecodeSequence takes an ASCII base apart
		// from its keycap).
		end := strings.IndexFunc(s, func(r rune) bool { return r < 0x20 })
		if end < 0 {
			end = len(s)
		}
		text := s[:end]
		s = s[end:]
		gs := -1
		for text != "" {
			var g string
			g, text, _, gs = uniseg.FirstGraphemeClusterInString(text, gs)
			if isEmojiCluster(g) {
				if w := ansi.StringWidth(g); ansi.StringWidthWc(g) != w {
					b.WriteString(standIn(g, w))
					continue
				}
			}
			b.WriteString(g)
		}
	}
	return b.String()
}

// standIn is a string w cells wide by both measures for the cluster g: its
// first code point when that is as wide, else that code point (or nothing)
// padded with spaces.
func standIn(g string, w int) string {
	r, _ := utf8.DecodeRuneInString(g)
	first := string(r)
	fw := ansi.StringWidthWc(first)
	if fw != ansi.StringWidth(first) || fw > w {
		return strings.Repeat(" ", w)
	}
	return first + strings.Repeat(" ", w-fw)
}

// mayDisagree reports whether s holds a code point that can make an emoji
// cluster whose widths differ (see isEmojiCluster). Text without any
// (nearly every frame) is returned as it is.
func mayDisagree(s string) bool {
	for _, r := range s {
		if r >= 0x200d && emojiPart(r) {
			return true
		}
	}
	return false
}

// isEmojiCluster reports whether the cluster g is an emoji sequence: only
// those are replaced. Clusters of other scripts (an Indic conjunct, Hangul
// jamo) may be measured differently too, but a stand-in would lose a
// letter of the text.
func isEmojiCluster(g string) bool {
	for _, r := range g {
		if emojiPart(r) {
			return true
		}
	}
	return false
}

// emojiPart reports the code points that join or modify emoji: ZWJ, the
// variation selectors, skin tones, regional indicators, the keycap and tags.
func emojiPart(r rune) bool {
	return r == 0x200d || r >= 0xfe00 && r <= 0xfe0f || r >= 0x1f3fb && r <= 0x1f3ff ||
		r >= 0x1f1e6 && r <= 0x1f1ff || r == 0x20e3 || r >= 0xe0000 && r <= 0xe007f
}
