package source

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize makes untrusted text safe to put on a terminal and regular to
// work with: invalid UTF-8 becomes U+FFFD, a byte order mark is dropped,
// CRLF and lone CR become LF, terminal escape sequences (CSI, OSC such as
// OSC 52, DCS, APC, PM, SOS and two-byte ESC sequences, in their 7-bit and
// C1 forms) are removed whole, the C1 code points that Windows-1252 text
// read as Latin-1 leaves (U+0092 for an apostrophe) become the marks they
// meant, every other C0/C1 control but newline and tab is removed, tabs become spaces, and Unicode bidirectional overrides and
// isolates are removed. Text that was UTF-8 read as Latin-1 or Windows-1252
// on its way ("TrÃ©vidic") is read again as UTF-8 ("Trévidic", see
// repairMojibake); other printable text is never changed.
func Sanitize(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	// a control removed can bring the halves of a garbled character together,
	// and a repaired one can be a control: again until nothing changes
	for {
		t := sanitizeOnce(repairMojibake(s))
		if t == s {
			return t
		}
		s = t
	}
}

// sanitizeOnce is one pass of Sanitize's removals and replacements.
func sanitizeOnce(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			i++
		case r == '\n':
			b.WriteByte('\n')
			i++
		case r == '\t':
			b.WriteByte(' ')
			i++
		case r == 0x1b: // ESC
			i = skipEscape(s, i+1)
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
		case r >= 0x80 && r < 0xa0 && c1Windows1252[r-0x80] != 0:
			// Windows-1252 text read as Latin-1 on its way: U+0092 is the
			// apostrophe it meant, not a control ("don't", not "dont").
			b.WriteRune(c1Windows1252[r-0x80])
			i += size
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			i += size
		case r == 0x2028 || r == 0x2029: // line and paragraph separators
			b.WriteByte('\n')
			i += size
		case isInvisibleFormat(r):
			i += size
		case r == zwj || r == zwnj || r >= tagFirst && r <= tagLast:
			if keepJoiner(b.String(), r, s[i+size:]) {
				b.WriteString(s[i : i+size])
			}
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// c1Windows1252 maps the C1 code points to the characters Windows-1252
// has at those bytes; 0 where it has none, and for the C1 codes that
// start terminal sequences (CSI, OSC, DCS, SOS, PM, APC), which are
// removed as such before this table is read.
var c1Windows1252 = [32]rune{
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, // 80-87
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, // 88-8f
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, // 90-97
	0, 0x2122, 0x0161, 0, 0x0153, 0, 0, 0, // 98-9f
}

// isPlain reports whether s is valid UTF-8 with nothing Sanitize would change.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 {
			return false
		}
	}
	return true
}

// isInvisibleFormat reports the format characters that can reorder or hide
// text on screen, and are removed wherever they are: bidi embeddings,
// overrides, isolates and marks, the BOM, the zero-width space, the word
// joiner and invisible operators, the soft hyphen, the Mongolian vowel
// separator and the interlinear annotation marks. Joiners and tag
// characters are removed too, but not inside an emoji (see keepJoiner).
// Hidden inside a word ("La\u200bvrov") they would keep it from being
// found, and give the terminal and the program different widths.
func isInvisibleFormat(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e: // LRE RLE PDF LRO RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI RLI FSI PDI
		return true
	case r == 0x200e || r == 0x200f || r == 0x061c: // LRM RLM ALM
		return true
	case r == 0xfeff: // BOM, zero-width no-break space
		return true
	case r == 0x200b, r >= 0x2060 && r <= 0x2064, r == 0x00ad, r == 0x180e: // ZWSP, WJ and invisible operators, SHY, MVS
		return true
	case r >= 0xfff9 && r <= 0xfffb: // interlinear annotation
		return true
	}
	return false
}

// The joiners and tags keepJoiner rules on.
const (
	zwnj     = 0x200c
	zwj      = 0x200d
	tagFirst = 0xe0000
	tagLast  = 0xe007f
	tagFlag  = 0x1f3f4 // WAVING BLACK FLAG, which tags make a region's flag
)

// keepJoiner says whether the joiner or tag r, between the text already
// kept (before) and the rest (after), does a visible job: a ZWJ between two
// emoji (a family, a profession), a ZWNJ between two letters of a script
// that joins them (Persian, Arabic, the Indic scripts), a tag in a
// subdivision flag (the black flag, tags, and the cancel tag).
func keepJoiner(before string, r rune, after string) bool {
	prev, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(after)
	switch {
	case r == zwj:
		if prev == 0xfe0f || prev >= 0x1f3fb && prev <= 0x1f3ff { // emoji presentation, skin tone: look at the emoji
			p, n := utf8.DecodeLastRuneInString(before)
			for (p == 0xfe0f || p >= 0x1f3fb && p <= 0x1f3ff) && n > 0 {
				before = before[:len(before)-n]
				p, n = utf8.DecodeLastRuneInString(before)
			}
			prev = p
		}
		return isPictographic(prev) && isPictographic(next)
	case r == zwnj:
		return joiningScript(prev) && joiningScript(next)
	default: // a tag: kept only in a whole flag: the black flag, tags, the cancel tag
		k := before
		for {
			p, n := utf8.DecodeLastRuneInString(k)
			if p >= 0xe0020 && p <= 0xe007e {
				k = k[:len(k)-n]
				continue
			}
			if p != tagFlag {
				return false
			}
			break
		}
		if r == tagLast {
			return len(k) < len(before) // at least one tag before it
		}
		if r < 0xe0020 {
			return false
		}
		for a := after; ; {
			q, n := utf8.DecodeRuneInString(a)
			if q == tagLast {
				return true
			}
			if q < 0xe0020 || q > 0xe007e {
				return false
			}
			a = a[n:]
		}
	}
}

// isPictographic approximates Unicode's Extended_Pictographic: the blocks
// emoji come from.
func isPictographic(r rune) bool {
	switch {
	case r >= 0x1f000 && r <= 0x1faff, r >= 0x2600 && r <= 0x27bf, r >= 0x2300 && r <= 0x23ff,
		r >= 0x2b00 && r <= 0x2bff, r >= 0x2190 && r <= 0x21ff:
		return true
	case r == 0x00a9, r == 0x00ae, r == 0x203c, r == 0x2049, r == 0x2122, r == 0x2139, r == 0x3030, r == 0x303d:
		return true
	}
	return false
}

// joiningScript reports letters of the scripts where a ZWNJ changes how
// letters join or combine.
func joiningScript(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Syriac, unicode.Nko, unicode.Mongolian,
		unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya,
		unicode.Tamil, unicode.Telugu, unicode.Kannada, unicode.Malayalam, unicode.Sinhala)
}

// skipEscape returns the index after the escape sequence whose ESC ended at i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// Intermediate bytes then one final byte (ESC ( B, ESC 7, ESC c ...).
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI returns the index after a control sequence's parameters,
// intermediates and final byte that start at i.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString returns the index after a control string (OSC, DCS, ...) that
// starts at i: it ends at BEL, ESC \, C1 ST, or a newline (a terminal would
// swallow more, but the text after a newline is the article's own).
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case s[i] == '\n':
			return i
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + 2
		}
		i++
	}
	return i
}

// normalizeSpace trims a line and folds every run of Unicode spaces
// (including no-break spaces) into one ASCII space.
func normalizeSpace(line string) string {
	if !needsSpaceFold(line) {
		return line
	}
	var b strings.Builder
	b.Grow(len(line))
	space := false
	for _, r := range line {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsSpaceFold(s string) bool {
	prev := true // a leading space needs trimming
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (prev || r != ' ') {
			return true
		}
		prev = sp
	}
	return prev && s != ""
}

// CleanTitle returns s as one clean line: sanitized, whitespace folded.
func CleanTitle(s string) string {
	return normalizeSpace(Sanitize(s))
}

// CleanSource returns a path or URL fit for the screen: control characters
// and escape sequences are removed, whitespace is folded.
func CleanSource(s string) string {
	return normalizeSpace(Sanitize(s))
}

// CleanURL returns s as a link a brief may carry: an absolute http or
// https URL with a host, as net/url writes it again (so it never starts
// with '-' and holds no space or control character). Anything else (an
// option such as --new-window=..., file:, javascript:, data:, a relative
// path) is "": never opened, never copied as a link.
func CleanURL(s string) string {
	s = CleanSource(s)
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "" ||
		strings.HasPrefix(u.Host, "-") {
		return ""
	}
	return u.String()
}

// titleKey folds a line for comparing it with the title: case, spacing and
// surrounding punctuation do not count.
func titleKey(s string) string {
	s = strings.ToLower(normalizeSpace(s))
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

// boilerplate lists the lines, folded by boilerKey, that are dropped from the end of a body.
var boilerplate = map[string]bool{
	"related":                    true,
	"related news":               true,
	"related articles":           true,
	"related stories":            true,
	"related content":            true,
	"related coverage":           true,
	"related topics":             true,
	"related links":              true,
	"read more":                  true,
	"read more news":             true,
	"read the full story":        true,
	"continue reading":           true,
	"more news":                  true,
	"more on this story":         true,
	"more stories":               true,
	"see also":                   true,
	"share":                      true,
	"share this":                 true,
	"share this article":         true,
	"share this story":           true,
	"share on facebook":          true,
	"share on twitter":           true,
	"share on x":                 true,
	"share via email":            true,
	"tweet":                      true,
	"email":                      true,
	"print":                      true,
	"advertisement":              true,
	"comments":                   true,
	"leave a comment":            true,
	"subscribe":                  true,
	"subscribe now":              true,
	"sign up for our newsletter": true,
	"back to top":                true,
	"top stories":                true,
	"most read":                  true,
	"you may also like":          true,
	"recommended":                true,
	"tags":                       true,
}

// boilerKey folds a short line for looking it up in boilerplate.
func boilerKey(s string) string {
	if len(s) > 60 {
		return ""
	}
	return titleKey(s)
}

// isBoilerplate reports whether a whole line is a trailing boilerplate line.
func isBoilerplate(line string) bool {
	k := boilerKey(line)
	return k != "" && boilerplate[k]
}

// Body cleans article text: it is sanitized, lines are trimmed and their
// spaces folded, lines repeating title at the top are dropped, whole
// boilerplate lines at the end are dropped, and the paragraphs (separated
// by blank lines; lines within one are joined by a space) are joined by
// model.ParagraphSep. Text with no blank line at all but several lines is
// taken as one paragraph per line. No other word is changed.
func Body(title, text string) string {
	lines := strings.Split(Sanitize(text), "\n")
	for i, l := range lines {
		lines[i] = normalizeSpace(l)
	}
	return joinParagraphs(trimLines(lines, title))
}

// trimLines drops the leading blank lines and repeats of title, and the
// trailing blank and boilerplate lines.
func trimLines(lines []string, title string) []string {
	key := titleKey(title)
	start := 0
	for start < len(lines) {
		l := lines[start]
		if l == "" || (key != "" && titleKey(l) == key) {
			start++
			continue
		}
		break
	}
	end := len(lines)
	for end > start {
		l := lines[end-1]
		if l == "" || isBoilerplate(l) {
			end--
			continue
		}
		break
	}
	return lines[start:end]
}

// joinParagraphs turns trimmed lines into paragraphs joined by "\n\n".
func joinParagraphs(lines []string) string {
	blank := false
	for _, l := range lines {
		if l == "" {
			blank = true
			break
		}
	}
	if !blank {
		return strings.Join(lines, "\n\n")
	}
	var b strings.Builder
	state := 0 // 0 start, 1 inside a paragraph, 2 after a blank line
	for _, l := range lines {
		switch {
		case l == "":
			if state == 1 {
				state = 2
			}
		case state == 0:
			b.WriteString(l)
			state = 1
		case state == 1:
			b.WriteByte(' ')
			b.WriteString(l)
		default:
			b.WriteString("\n\n")
			b.WriteString(l)
			state = 1
		}
	}
	return b.String()
}

// repairMojibake undoes UTF-8 that was decoded as Latin-1 or Windows-1252
// somewhere between the writer and us: each run of characters whose bytes
// in that encoding form one UTF-8 sequence ("Ã©" is C3 A9, "é") becomes
// that character. A lead byte must be followed by exactly its continuation
// bytes, so ordinary text ("café", "São Paulo", "¿Qué?") is left alone. It
// repeats until nothing changes (text garbled twice), so that Sanitize
// stays idempotent.
func repairMojibake(s string) string {
	for {
		t, changed := repairMojibakeOnce(s)
		if !changed {
			return s
		}
		s = t
	}
}

func repairMojibakeOnce(s string) (string, bool) {
	var b strings.Builder
	changed := false
	last := 0 // s[last:i] is not written yet
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n := 0 // continuation bytes a lead byte wants
		switch {
		case r >= 0xc2 && r <= 0xdf:
			n = 1
		case r >= 0xe0 && r <= 0xef:
			n = 2
		case r >= 0xf0 && r <= 0xf4:
			n = 3
		}
		if n == 0 {
			i += size
			continue
		}
		var buf [4]byte
		buf[0] = byte(r)
		j, k := i+size, 1
		for ; k <= n && j < len(s); k++ {
			c, csize := utf8.DecodeRuneInString(s[j:])
			cb, ok := latinByte(c)
			if !ok || cb < 0x80 || cb > 0xbf {
				break
			}
			buf[k] = cb
			j += csize
		}
		if k <= n {
			i += size
			continue
		}
		fixed, fsize := utf8.DecodeRune(buf[:n+1])
		if fixed == utf8.RuneError || fsize != n+1 || fixed < 0xa0 {
			i += size
			continue
		}
		if !changed {
			b.Grow(len(s))
			changed = true
		}
		b.WriteString(s[last:i])
		b.WriteRune(fixed)
		i, last = j, j
	}
	if !changed {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// latinByte returns the byte a character stands for in Windows-1252 (which
// is Latin-1 but for 0x80-0x9F), when it is one of them.
func latinByte(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true
	}
	if b, ok := cp1252[r]; ok {
		return b, true
	}
	return 0, false
}

// cp1252 maps the characters Windows-1252 puts at 0x80-0x9F to their bytes.
var cp1252 = map[rune]byte{'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
	'‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
	'–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f}
