package tagger

import (
	"unicode"
	"unicode/utf8"

	"briefs/articles/entities/gazetteer"
)

// Feature templates: each feature key is mix(template, value).
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tShape
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tShapeM1
	tShapeP1
	tShapeM1S
	tShapeSP1
	tLowerM1L
	tLowerLP1
	tGazM1
	tGaz
	tGazP1
	tGazShape
	tFirstShape
	tUpperLower
	tUpperShape
	tDocClass
	tClassWindow
	tLenClass
	tShapeLowerP1
	tLowerM1Shape
	tDocLower
	tP1
	tP1P2
	tP1Lower
	tP1Shape
	tP1Gaz
	tUpperDoc
	tHist
	tHistShape
	tHistLower
	tHistM1
	tHistP1
	tClus
	tClusCoarse
	tClusM1
	tClusP1
	tClusShape
	tClusM1Clus
	tWebBias
	tWebLower
	tWebShape
)

const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

func hstr(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 32
	return h | 1 // never 0: 0 marks an empty slot
}

var (
	hStart = hstr("<s>")
	hEnd   = hstr("</s>")
)

// word classes for capitalisation in context
const (
	clLower = iota
	clInit
	clCaps
	clDigit
	clPunct
	clMixed
)

type tokenInfo struct {
	word, lower, shape uint64
	pre                [3]uint64 // 2, 3, 4 runes
	suf                [4]uint64 // 1..4 runes
	gaz                uint64
	clus               uint64 // coarse<<16 | fine, or 1<<32 when unknown
	class              uint64
	doc                uint64
	length             uint64
}

// Extractor computes feature keys for the tokens of one sentence. Its zero
// value is ready for Init; reuse it to save allocations.
type Extractor struct {
	toks  []tokenInfo
	upper bool
	web   bool // the document reads as web text (styleCount.web)
	buf   []uint64
	lbuf  []byte
	hist  []uint64 // stage-two history codes, nil in stage one
}

// SetHistory gives the extractor stage one's history codes for the current
// sentence (see History.Codes); nil returns it to stage-one features.
func (x *Extractor) SetHistory(codes []uint64) { x.hist = codes }

// Lexicon is the word knowledge features draw on besides the sentence itself.
type Lexicon struct {
	Gaz      *gazetteer.Gazetteer
	Clusters map[string]uint32 // lower-cased word (digits as 0) -> coarse<<16 | fine
}

// Init prepares the extractor for a sentence.
func (x *Extractor) Init(lex *Lexicon, doc *Doc, words []string, upper bool) {
	x.upper = upper
	x.web = doc.web()
	x.hist = nil
	if cap(x.toks) < len(words) {
		x.toks = make([]tokenInfo, len(words))
	}
	x.toks = x.toks[:len(words)]
	for i, w := range words {
		x.fillWord(&x.toks[i], lex, doc, w)
	}
	if lex != nil && lex.Gaz != nil {
		for _, m := range lex.Gaz.Find(words, upper) {
			if m.Entry.World {
				continue // not a feature (gazetteer.Entry.World)
			}
			c := gazCode(m.Entry.Kind)
			x.toks[m.Start].gaz = c * 2
			for k := m.Start + 1; k < m.End; k++ {
				x.toks[k].gaz = c*2 + 1
			}
		}
	}
}

// fillWord sets what t says about w alone and its document evidence in doc
// (none when doc is nil); gaz is left 0.
func (x *Extractor) fillWord(t *tokenInfo, lex *Lexicon, doc *Doc, w string) {
	lower := x.lowerBytes(w)
	t.word = hstr(w)
	t.lower = hstrBytes(lower)
	t.shape, t.class = shape(w)
	n := len(lower)
	for k, l := range [3]int{2, 3, 4} {
		t.pre[k] = hstrBytes(lower[:prefixLen(lower, l)])
	}
	for k := range 4 {
		t.suf[k] = hstrBytes(lower[n-suffixLen(lower, k+1):])
	}
	t.length = uint64(min(utf8.RuneCount(lower), 8))
	t.doc = uint64(doc.get(string(lower)))
	t.gaz = 0
	t.clus = 1 << 32
	if lex != nil {
		if c, ok := lex.Clusters[string(digitsZero(lower))]; ok {
			t.clus = uint64(c)
		}
	}
}

func (x *Extractor) lowerBytes(w string) []byte {
	x.lbuf = x.lbuf[:0]
	for _, r := range w {
		x.lbuf = utf8.AppendRune(x.lbuf, unicode.ToLower(r))
	}
	return x.lbuf
}

// digitsZero writes the digits of s as 0, in place.
func digitsZero(s []byte) []byte {
	for i, c := range s {
		if c >= '1' && c <= '9' {
			s[i] = '0'
		}
	}
	return s
}

func hstrBytes(s []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range s {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func prefixLen(s []byte, runes int) int {
	i := 0
	for n := 0; n < runes && i < len(s); n++ {
		_, k := utf8.DecodeRune(s[i:])
		i += k
	}
	return i
}

func suffixLen(s []byte, runes int) int {
	i := len(s)
	for n := 0; n < runes && i > 0; n++ {
		_, k := utf8.DecodeLastRune(s[:i])
		i -= k
	}
	return len(s) - i
}

// shape maps a word to its shape with runs collapsed ("Al-Assad" -> "Xx-Xx",
// "U.S." -> "X.X.", "1996-08-22" -> "d-d-d") and its class.
func shape(w string) (uint64, uint64) {
	h := uint64(fnvOffset)
	var last byte
	up, low, dig, other := 0, 0, 0, 0
	first := true
	firstUp := false
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			up++
			if first {
				firstUp = true
			}
		case unicode.IsLower(r):
			c = 'x'
			low++
		case unicode.IsDigit(r):
			c = 'd'
			dig++
		case r < 128:
			c = byte(r)
			other++
		default:
			c = '~'
			other++
		}
		first = false
		if c != last || c != 'x' && c != 'd' && c != 'X' {
			h ^= uint64(c)
			h *= fnvPrime
		}
		last = c
	}
	var class uint64
	switch {
	case up == 0 && low == 0 && dig == 0:
		class = clPunct
	case dig > 0 && up+low == 0:
		class = clDigit
	case up > 0 && low == 0:
		class = clCaps
	case firstUp:
		class = clInit
	case up == 0 && low > 0:
		class = clLower
	default:
		class = clMixed
	}
	return h, class
}

// Features returns the feature keys of token i given the two previous
// labels. The slice is reused by the next call.
func (x *Extractor) Features(i int, p1, p2 Label) []uint64 {
	t := &x.toks[i]
	f := x.buf[:0]
	lm1, lm2, lp1, lp2 := hStart, hStart, hEnd, hEnd
	sm1, sp1 := hStart, hEnd
	gm1, gp1 := uint64(99), uint64(99)
	km1, kp1 := uint64(3<<32), uint64(5<<32)
	cm1, cp1 := uint64(9), uint64(9)
	if i > 0 {
		a := &x.toks[i-1]
		lm1, sm1, gm1, cm1, km1 = a.lower, a.shape, a.gaz, a.class, a.clus
		if i > 1 {
			lm2 = x.toks[i-2].lower
		}
	}
	if i+1 < len(x.toks) {
		b := &x.toks[i+1]
		lp1, sp1, gp1, cp1, kp1 = b.lower, b.shape, b.gaz, b.class, b.clus
		if i+2 < len(x.toks) {
			lp2 = x.toks[i+2].lower
		}
	}
	f = append(f,
		mix(tBias, 0),
		mix(tWord, t.word),
		mix(tLower, t.lower),
		mix(tShape, t.shape),
		mix(tPre2, t.pre[0]), mix(tPre3, t.pre[1]), mix(tPre4, t.pre[2]),
		mix(tSuf1, t.suf[0]), mix(tSuf2, t.suf[1]), mix(tSuf3, t.suf[2]), mix(tSuf4, t.suf[3]),
		mix(tLowerM1, lm1), mix(tLowerP1, lp1), mix(tLowerM2, lm2), mix(tLowerP2, lp2),
		mix(tShapeM1, sm1), mix(tShapeP1, sp1),
		mix(tShapeM1S, mix(sm1, t.shape)), mix(tShapeSP1, mix(t.shape, sp1)),
		mix(tLowerM1L, mix(lm1, t.lower)), mix(tLowerLP1, mix(t.lower, lp1)),
		mix(tGazM1, gm1), mix(tGaz, t.gaz), mix(tGazP1, gp1), mix(tGazShape, mix(t.gaz, t.shape)),
		mix(tDocClass, t.doc<<4|t.class),
		mix(tClassWindow, cm1<<8|t.class<<4|cp1),
		mix(tLenClass, t.length<<4|t.class),
		mix(tShapeLowerP1, mix(t.shape, lp1)),
		mix(tLowerM1Shape, mix(lm1, t.shape)),
		mix(tDocLower, mix(t.doc, t.lower)),
		mix(tClus, t.clus&0xFFFF|t.clus>>32<<20), mix(tClusCoarse, t.clus>>16),
		mix(tClusM1, km1&0xFFFF|km1>>32<<20), mix(tClusP1, kp1&0xFFFF|kp1>>32<<20),
		mix(tClusShape, mix(t.clus, t.shape)), mix(tClusM1Clus, mix(km1>>16, t.clus>>16)),
	)
	if i == 0 {
		f = append(f, mix(tFirstShape, t.shape))
	}
	if x.upper {
		f = append(f, mix(tUpperLower, t.lower), mix(tUpperShape, t.shape), mix(tUpperDoc, t.doc<<4|t.class))
	}
	if x.web {
		f = append(f, mix(tWebBias, 0), mix(tWebLower, t.lower), mix(tWebShape, t.shape))
	}
	if x.hist != nil {
		h := x.hist[i]
		hm1, hp1 := uint64(31), uint64(31)
		if i > 0 {
			hm1 = x.hist[i-1]
		}
		if i+1 < len(x.hist) {
			hp1 = x.hist[i+1]
		}
		f = append(f, mix(tHist, h), mix(tHistShape, mix(h, t.shape)), mix(tHistLower, mix(h, t.lower)),
			mix(tHistM1, hm1<<8|h), mix(tHistP1, h<<8|hp1))
	}
	f = append(f,
		mix(tP1, uint64(p1)),
		mix(tP1P2, uint64(p1)<<8|uint64(p2)),
		mix(tP1Lower, mix(uint64(p1), t.lower)),
		mix(tP1Shape, mix(uint64(p1), t.shape)),
		mix(tP1Gaz, uint64(p1)<<8|t.gaz),
	)
	x.buf = f
	return f
}
