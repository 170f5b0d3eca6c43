package source

import (
	"bytes"
	"encoding/xml"
	"io"
	"mime"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wlynxg/chardet"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// toUTF8Text is the one place where a source's bytes become UTF-8, for
// every format, whether they came from a file or a download. In order:
//
//  1. a byte order mark (UTF-8, UTF-16 or UTF-32, either order) decides,
//     as it does in browsers: it cannot be there by chance;
//  2. UTF-16 or UTF-32 without a BOM is recognised by its zero bytes
//     around the first "<", "{" or letter;
//  3. valid UTF-8 stays UTF-8, whatever a stale <meta> or XML declaration
//     says (a page re-saved as UTF-8 keeps its old meta charset);
//  4. the charset of the HTTP Content-Type header (headerCharset), if any;
//  5. the encoding an XML declaration or an HTML <meta> gives (the HTML
//     prescan of the standard: a <meta> that really is a meta, never a
//     <script charset>);
//  6. text that is not UTF-8 with a few bad bytes, and has enough
//     non-ASCII bytes to tell, is given the charset a detector names
//     with confidence (see detectCharset);
//  7. otherwise the bytes stay as they are, but for Windows-1252 quotes
//     and dashes pasted into mostly-ASCII text (windowsPunctuation), and
//     the bad ones become U+FFFD when the text is cleaned: UTF-8 with a
//     bad byte is repaired, not guessed.
//
// A decoded XML document has its declaration's encoding set to UTF-8, so
// that the feed parser does not decode it a second time. Gzip data is
// returned as it is.
func toUTF8Text(data []byte, headerCharset string) []byte {
	if isGzip(data) {
		return data
	}
	if out, ok := fromBOM(data); ok {
		return fixXMLDecl(out)
	}
	if enc := sniffWide(data); enc != nil {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return fixXMLDecl(out)
		}
	}
	if utf8.Valid(data) {
		return data
	}
	if enc := lookupCharset(headerCharset); enc != nil {
		return decodeWith(enc, data)
	}
	if enc := declaredCharset(data); enc != nil {
		return decodeWith(enc, data)
	}
	if enc := detectCharset(data); enc != nil {
		return decodeWith(enc, data)
	}
	return windowsPunctuation(data)
}

// maxPunctuationShare bounds the share of non-ASCII bytes (one in this
// many) in text whose stray bytes windowsPunctuation reads as Windows-1252.
const maxPunctuationShare = 10

// windowsPunctuation reads the stray bytes 0x80-0x9F of UTF-8 text (bytes
// that are no part of a valid sequence) as the Windows-1252 punctuation
// they are there: curly quotes, dashes and an ellipsis pasted from a word
// processor into an otherwise UTF-8 page or feed. Mapped to U+FFFD, a
// quotation loses its marks. Only in text that is mostly ASCII (at most
// one byte in ten above 0x7F) and not binary; other stray bytes stay bad,
// and become U+FFFD when the text is cleaned.
func windowsPunctuation(data []byte) []byte {
	high := 0
	for _, c := range data {
		if c >= 0x80 {
			high++
		}
	}
	if high == 0 || high*maxPunctuationShare > len(data) || binaryControls(data) {
		return data
	}
	var out []byte
	for i := 0; i < len(data); {
		size := 1
		if c := data[i]; c >= 0x80 {
			var r rune
			r, size = utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 && c <= 0x9f && c1Windows1252[c-0x80] != 0 {
				if out == nil {
					out = append(make([]byte, 0, len(data)+16), data[:i]...)
				}
				out = utf8.AppendRune(out, c1Windows1252[c-0x80])
				i++
				continue
			}
		}
		if out != nil {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	if out == nil {
		return data
	}
	return out
}

// minDetectBytes is how many non-ASCII bytes text must have before its
// charset is guessed: fewer are too little to tell, and stay U+FFFD.
const minDetectBytes = 16

// minDetectConfidence is the detector's confidence (0-1) below which its
// guess is not taken.
const minDetectConfidence = 0.25

// detectCharset guesses the charset of text that is not UTF-8 and
// declares none (EUC-JP, KOI8-R, TIS-620, Windows-1252 saved without a
// word): only when most of its non-ASCII sequences are not valid UTF-8
// (UTF-8 with bad bytes stays UTF-8), with enough non-ASCII bytes to
// tell, and only a confident guess.
func detectCharset(data []byte) encoding.Encoding {
	if mostlyUTF8(data) || binaryControls(data) {
		return nil
	}
	high := 0
	for _, c := range data {
		if c >= 0x80 {
			high++
		}
	}
	if high < minDetectBytes {
		return nil
	}
	sample := data
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	r := chardet.Detect(sample)
	name := strings.ToLower(r.Encoding)
	if name == "" || name == "utf-8" || name == "ascii" || r.Confidence < minDetectConfidence {
		return nil
	}
	return lookupCharset(name)
}

// decodeWith decodes data with enc (UTF-8 itself meaning no change) and
// marks an XML declaration as UTF-8.
func decodeWith(enc encoding.Encoding, data []byte) []byte {
	if enc == encoding.Nop || enc == unicode.UTF8 {
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return fixXMLDecl(out)
}

// charsetOf returns the charset parameter of a Content-Type header value.
func charsetOf(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		// "text/html; charset=gbk;" and other near misses
		if i := strings.Index(strings.ToLower(contentType), "charset="); i >= 0 {
			v := contentType[i+len("charset="):]
			v, _, _ = strings.Cut(v, ";")
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
		return ""
	}
	return params["charset"]
}

// lookupCharset returns the encoding a charset label names, by the
// WHATWG table (so "iso-8859-1" is Windows-1252, as browsers read it);
// nil for an empty or unknown label.
func lookupCharset(label string) encoding.Encoding {
	label = strings.TrimSpace(label)
	if label == "" {
		return nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil
	}
	return enc
}

// fromBOM decodes data that starts with a byte order mark.
func fromBOM(data []byte) ([]byte, bool) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		return data[3:], true
	case bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}):
		enc = utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}):
		enc = utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	default:
		return nil, false
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, false
	}
	return out, true
}

// sniffWide recognises UTF-16 and UTF-32 text without a BOM by the zero
// bytes of its first characters, which must be ASCII (a "<", "{", a letter),
// as XML's own detection does; nil for anything else.
func sniffWide(data []byte) encoding.Encoding {
	if len(data) < 8 {
		return nil
	}
	ascii := func(c byte) bool { return c >= 0x09 && c < 0x80 && c != 0 }
	b := data[:8]
	switch {
	case ascii(b[0]) && b[1] == 0 && b[2] == 0 && b[3] == 0 && ascii(b[4]) && b[5] == 0 && b[6] == 0 && b[7] == 0:
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM)
	case b[0] == 0 && b[1] == 0 && b[2] == 0 && ascii(b[3]) && b[4] == 0 && b[5] == 0 && b[6] == 0 && ascii(b[7]):
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM)
	case ascii(b[0]) && b[1] == 0 && ascii(b[2]) && b[3] == 0 && ascii(b[4]) && b[5] == 0:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case b[0] == 0 && ascii(b[1]) && b[2] == 0 && ascii(b[3]) && b[4] == 0 && ascii(b[5]):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// xmlDeclEncoding finds the encoding of an XML declaration.
var xmlDeclEncoding = regexp.MustCompile(`^(\s*<\?xml[^>]*?\sencoding\s*=\s*)(["'])([A-Za-z0-9._:-]*)(["'])`)

// declaredCharset returns the encoding that the document declares: an
// XML declaration's, else an HTML <meta charset> or <meta http-equiv
// content-type> found by the standard's prescan of the first 1024 bytes.
// nil when nothing is declared.
func declaredCharset(data []byte) encoding.Encoding {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if m := xmlDeclEncoding.FindSubmatch(head); m != nil {
		return lookupCharset(string(m[3]))
	}
	if !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return nil
	}
	return metaCharset(head)
}

// metaCharset is the standard's prescan: the first <meta charset> or
// <meta http-equiv=content-type content="...; charset=..."> of head, read
// by a tokenizer, so that a <script charset> or text that mentions
// "charset" does not count. A meta that names UTF-16 means UTF-8 (the
// bytes would not have been readable as ASCII otherwise).
func metaCharset(head []byte) encoding.Encoding {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var cs, content string
			pragma := false
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					pragma = strings.EqualFold(string(v), "content-type")
				case "content":
					content = string(v)
				}
			}
			if cs == "" && pragma {
				cs = charsetOf(content)
			}
			if cs == "" {
				continue
			}
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(cs)), "utf-16") {
				return nil
			}
			if enc := lookupCharset(cs); enc != nil {
				return enc
			}
		}
	}
}

// fixXMLDecl sets an XML declaration's encoding to UTF-8 in data that has
// been decoded to UTF-8.
func fixXMLDecl(data []byte) []byte {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	m := xmlDeclEncoding.FindSubmatchIndex(head)
	if m == nil {
		return data
	}
	if strings.EqualFold(string(data[m[6]:m[7]]), "utf-8") {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:m[6]]...)
	out = append(out, "UTF-8"...)
	out = append(out, data[m[7]:]...)
	return out
}

// xmlCharRef finds numeric character references, to drop those of
// characters XML forbids.
var xmlCharRef = regexp.MustCompile(`&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});`)

// repairXML makes an XML document that a strict parser would refuse for
// one bad byte readable, so that no feed is lost for it: invalid UTF-8
// becomes U+FFFD, and the characters XML 1.0 forbids (C0 controls but tab
// and line ends, U+FFFE, U+FFFF), raw or as character references, are
// removed. Data with none of them is returned as it is.
func repairXML(data []byte) []byte {
	clean := utf8.Valid(data)
	if clean {
		for _, c := range data {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				clean = false
				break
			}
		}
	}
	if clean && !bytes.Contains(data, []byte("&#")) && !bytes.Contains(data, []byte("\xef\xbf\xbe")) && !bytes.Contains(data, []byte("\xef\xbf\xbf")) {
		return data
	}
	in := strings.ToValidUTF8(string(data), "\uFFFD")
	var b strings.Builder
	b.Grow(len(in))
	for i := 0; i < len(in); {
		r, size := utf8.DecodeRuneInString(in[i:])
		switch {
		case r == 0x1b:
			// a terminal escape sequence goes whole, as Sanitize takes it
			i = skipEscape(in, i+1)
		case !xmlChar(r):
			i += size
		default:
			b.WriteString(in[i : i+size])
			i += size
		}
	}
	s := b.String()
	s = xmlCharRef.ReplaceAllStringFunc(s, func(ref string) string {
		num := ref[2 : len(ref)-1]
		var v uint64
		var err error
		if num[0] == 'x' || num[0] == 'X' {
			v, err = strconv.ParseUint(num[1:], 16, 32)
		} else {
			v, err = strconv.ParseUint(num, 10, 32)
		}
		if err != nil || v > utf8.MaxRune || !xmlChar(rune(v)) {
			return ""
		}
		return ref
	})
	return []byte(s)
}

// xmlChar reports the characters XML 1.0 allows.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r == 0xfffe || r == 0xffff:
		return false
	case r >= 0xd800 && r <= 0xdfff:
		return false
	}
	return true
}

// closeXML completes an XML document that ends early (a download cut
// short, a closing tag lost): a tag cut in the middle is finished or
// dropped, and the elements still open are closed, innermost first. ok is
// false when there was nothing to mend.
func closeXML(data []byte) ([]byte, bool) {
	data = bytes.TrimRight(data, " \t\r\n")
	mended := false
	if lt, gt := bytes.LastIndexByte(data, '<'), bytes.LastIndexByte(data, '>'); lt > gt {
		mended = true
		if tail := data[lt:]; bytes.HasPrefix(tail, []byte("</")) && !bytes.ContainsAny(tail, " \t\r\n\"'") {
			data = append(append([]byte(nil), data...), '>')
		} else {
			data = data[:lt]
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var open []string
	for {
		tok, err := dec.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, qualified(t.Name))
		case xml.EndElement:
			if n := len(open); n > 0 && open[n-1] == qualified(t.Name) {
				open = open[:n-1]
			}
		}
	}
	if len(open) == 0 {
		return data, mended
	}
	out := append([]byte(nil), data...)
	for i := len(open) - 1; i >= 0; i-- {
		out = append(out, "</"+open[i]+">"...)
	}
	return out, true
}

func qualified(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// mostlyUTF8 reports text that is UTF-8 with some damage: at least half
// of its non-ASCII sequences are valid UTF-8. Legacy encodings make valid
// UTF-8 only by chance, though often enough to pass a weaker test: the
// byte pairs of EUC-JP or TIS-620 text are valid UTF-8 about one time in
// four (a lead byte 0xC2-0xDF before a byte 0xA1-0xBF).
func mostlyUTF8(data []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		i += size
	}
	return good > 0 && bad <= good
}

// binaryControls reports data whose first 8 KB hold NULs or C0 controls
// as no text does: a detector would find a charset in anything.
func binaryControls(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	nul, ctl := 0, 0
	for _, c := range head {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
			ctl++
		}
	}
	return nul > 1 && nul*100 > len(head) || nul > 64 || ctl*20 > len(head)
}
