package source

import (
	"bytes"
	"encoding/xml"
	"io"
	"sort"
	"strings"
)

// balanceXML mends the elements of an XML document that are never closed
// although the elements around them are. When an end tag closes an
// element further out, the elements still open inside it were never
// closed: each becomes empty (<x a='1'> turns into <x a='1'/>), so that
// what followed it stays where the rest of the document puts it (the items
// after an unclosed <itunes:category> stay in the channel, the text after
// an unclosed <br> in its paragraph). An end tag that closes nothing open
// is dropped. Names are matched without regard to case, as lenient feed
// readers do. A document cut short is left to closeXML, and one the
// tokenizer cannot read is mended only up to where it stops. ok is false
// when there was nothing to mend.
func balanceXML(data []byte) ([]byte, bool) {
	type open struct {
		name string
		gt   int64 // offset of the '>' that ends its start tag
	}
	type cut struct {
		from, to int64 // bytes to drop; from == to: insert '/' at from
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var stack []open
	var cuts []cut
	for {
		start := dec.InputOffset()
		tok, err := dec.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			end := dec.InputOffset()
			gt := end - 1
			if gt < 0 || gt >= int64(len(data)) || data[gt] != '>' {
				gt = -1
			}
			stack = append(stack, open{strings.ToLower(qualified(t.Name)), gt})
		case xml.EndElement:
			name := strings.ToLower(qualified(t.Name))
			at := -1
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == name {
					at = i
					break
				}
			}
			if at < 0 {
				end := dec.InputOffset()
				if start < end && end <= int64(len(data)) && bytes.HasPrefix(data[start:end], []byte("</")) {
					cuts = append(cuts, cut{start, end})
				}
				continue
			}
			for _, o := range stack[at+1:] {
				if o.gt > 0 && data[o.gt-1] != '/' {
					cuts = append(cuts, cut{o.gt, o.gt})
				}
			}
			stack = stack[:at]
		}
	}
	if len(cuts) == 0 {
		return data, false
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].from < cuts[j].from })
	out := make([]byte, 0, len(data)+len(cuts))
	prev := int64(0)
	for _, c := range cuts {
		if c.from < prev {
			continue
		}
		out = append(out, data[prev:c.from]...)
		if c.from == c.to {
			out = append(out, '/')
		}
		prev = c.to
	}
	out = append(out, data[prev:]...)
	return out, true
}
