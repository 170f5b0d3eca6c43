package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"briefs/model"
)

// codecVersion is the first byte of every encoded value; a value with
// another first byte is not read (it is a miss, and is overwritten), but
// for version 3 (before Links), which is read with no links: the embedded
// archive's briefs stay readable until a load stores them again.
const codecVersion = 4

// codecNoLinks is the version before model.Article.Links.
const codecNoLinks = 3

// errShort is returned when an encoded value ends too early or a length
// runs past its end.
var errShort = errors.New("truncated value")

// EncodeArticles appends the compact binary form of arts to dst and returns
// it. Every field of model.Article is kept except Source, which names where
// the bytes were found and is set again when they are read back.
//
// The form is varint lengths and numbers; a mention's or quotation's text
// that is the slice of the title or body its offsets name (the usual case)
// is stored as a flag, not again.
func EncodeArticles(dst []byte, arts []model.Article) []byte {
	e := encoder{b: dst}
	e.b = append(e.b, codecVersion)
	e.uint(uint64(len(arts)))
	for i := range arts {
		e.article(&arts[i])
	}
	return e.b
}

// DecodeArticles reads what EncodeArticles wrote, setting each article's
// Source to source. The strings of the result share one copy of data, so
// data may be reused once DecodeArticles returns. Bad input is an error,
// never a panic.
func DecodeArticles(data []byte, source string) ([]model.Article, error) {
	if len(data) == 0 || data[0] != codecVersion && data[0] != codecNoLinks {
		return nil, fmt.Errorf("decode articles: not a version %d value", codecVersion)
	}
	d := decoder{s: string(data), i: 1, noLinks: data[0] == codecNoLinks}
	n := d.count(8) // an article takes at least 8 bytes
	if d.err != nil {
		return nil, fmt.Errorf("decode articles: %w", d.err)
	}
	arts := make([]model.Article, n)
	for i := range arts {
		d.article(&arts[i])
		arts[i].Source = source
	}
	if d.err == nil && d.i != len(d.s) {
		d.err = fmt.Errorf("%d bytes left over", len(d.s)-d.i)
	}
	if d.err != nil {
		return nil, fmt.Errorf("decode articles: %w", d.err)
	}
	return arts, nil
}

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}
func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// field stores title as 0 and body as 1; anything else verbatim after 2.
func (e *encoder) field(f model.Field) {
	switch f {
	case model.FieldTitle:
		e.b = append(e.b, 0)
	case model.FieldBody:
		e.b = append(e.b, 1)
	default:
		e.b = append(e.b, 2)
		e.str(string(f))
	}
}

func (e *encoder) article(a *model.Article) {
	e.str(a.ID)
	e.str(a.Title)
	e.str(a.Body)
	e.str(a.URL)
	e.str(a.Author)
	e.str(a.Outlet)
	e.uint(uint64(len(a.Links)))
	for _, l := range a.Links {
		e.str(l)
	}
	if a.Published.IsZero() {
		e.uint(0)
	} else {
		t, err := a.Published.MarshalBinary()
		if err != nil { // a zone offset that is not whole minutes: keep the instant
			t, _ = a.Published.UTC().MarshalBinary()
		}
		e.uint(uint64(len(t)))
		e.b = append(e.b, t...)
	}
	e.uint(uint64(len(a.Entities)))
	// Totals first, so the decoder makes one slice of each for the article.
	var aliases, mentions int
	for i := range a.Entities {
		aliases += len(a.Entities[i].Aliases)
		mentions += len(a.Entities[i].Mentions)
	}
	e.uint(uint64(aliases))
	e.uint(uint64(mentions))
	for i := range a.Entities {
		en := &a.Entities[i]
		e.str(en.ID)
		e.str(en.Name)
		e.str(string(en.Kind))
		e.str(en.Country)
		e.uint(uint64(len(en.Aliases)))
		for _, s := range en.Aliases {
			e.str(s)
		}
		e.uint(uint64(len(en.Mentions)))
		for j := range en.Mentions {
			e.mention(a, &en.Mentions[j])
		}
	}
	e.uint(uint64(len(a.Quotes)))
	for i := range a.Quotes {
		q := &a.Quotes[i]
		e.field(q.Field)
		e.int(q.Start)
		e.int(q.End)
		e.text(a, q.Field, q.Start, q.End, q.Text)
		e.str(q.Speaker)
		e.str(q.SpeakerEntity)
		e.str(q.SpeakerRole)
		e.str(q.Cue)
		e.bool(q.Partial)
		e.uint(uint64(math.Round(q.SpeakerConfidence * 100))) // hundredths: all the extractor gives
		e.bool(q.SpeakerMention != nil)
		if q.SpeakerMention != nil {
			e.mention(a, q.SpeakerMention)
		}
	}
}

func (e *encoder) mention(a *model.Article, m *model.Mention) {
	e.field(m.Field)
	e.int(m.Start)
	e.int(m.End)
	e.text(a, m.Field, m.Start, m.End, m.Text)
}

// text writes 0 when s is a.Text(f)[start:end], else 1 and s.
func (e *encoder) text(a *model.Article, f model.Field, start, end int, s string) {
	if f == model.FieldTitle || f == model.FieldBody {
		t := a.Text(f)
		if 0 <= start && start <= end && end <= len(t) && t[start:end] == s {
			e.b = append(e.b, 0)
			return
		}
	}
	e.b = append(e.b, 1)
	e.str(s)
}

// decoder reads from one string; the first error sticks and every later
// read returns zero values.
type decoder struct {
	s       string
	i       int
	err     error
	noLinks bool // a version 3 value: no links field
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := uvarint(d.s[d.i:])
	if n <= 0 {
		d.fail(errShort)
		return 0
	}
	d.i += n
	return v
}

// uvarint is binary.Uvarint over a string, without a copy.
func uvarint(s string) (uint64, int) {
	var x uint64
	var sh uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 {
				return 0, -1
			}
			return x | uint64(b)<<sh, i + 1
		}
		x |= uint64(b&0x7f) << sh
		sh += 7
	}
	return 0, 0
}

func (d *decoder) int() int {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.fail(fmt.Errorf("offset %d out of range", v))
		return 0
	}
	return int(v)
}

// count reads a length of items that take at least min bytes each, and
// refuses one the rest of the value cannot hold.
func (d *decoder) count(min int) int {
	n := d.uint()
	if d.err == nil && n > uint64((len(d.s)-d.i)/min) {
		d.fail(errShort)
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count(1)
	if d.err != nil {
		return ""
	}
	s := d.s[d.i : d.i+n]
	d.i += n
	return s
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if d.i >= len(d.s) {
		d.fail(errShort)
		return 0
	}
	b := d.s[d.i]
	d.i++
	return b
}

func (d *decoder) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail(errors.New("bad flag"))
	return false
}

func (d *decoder) field() model.Field {
	switch d.byte() {
	case 0:
		return model.FieldTitle
	case 1:
		return model.FieldBody
	case 2:
		return model.Field(d.str())
	}
	d.fail(errors.New("bad field"))
	return ""
}

func (d *decoder) article(a *model.Article) {
	a.ID = d.str()
	a.Title = d.str()
	a.Body = d.str()
	a.URL = d.str()
	a.Author = d.str()
	a.Outlet = d.str()
	if n := 0; !d.noLinks {
		if n = d.count(1); n > 0 && d.err == nil { // a link takes at least its length byte
			a.Links = make([]string, n)
			for i := range a.Links {
				a.Links[i] = d.str()
			}
		}
	}
	if t := d.str(); t != "" && d.err == nil {
		if err := a.Published.UnmarshalBinary([]byte(t)); err != nil {
			d.fail(fmt.Errorf("published: %w", err))
		}
	}
	if n := d.count(6); n > 0 {
		a.Entities = make([]model.Entity, n)
		aliases := make([]string, d.count(1))
		mentions := make([]model.Mention, d.count(4))
		for i := range a.Entities {
			en := &a.Entities[i]
			en.ID = d.str()
			en.Name = d.str()
			en.Kind = model.EntityKind(d.str())
			en.Country = d.str()
			if k := d.count(1); k > 0 && d.err == nil {
				if k > len(aliases) {
					d.fail(errors.New("more aliases than counted"))
					break
				}
				en.Aliases, aliases = aliases[:k:k], aliases[k:]
				for j := range en.Aliases {
					en.Aliases[j] = d.str()
				}
			}
			if k := d.count(4); k > 0 && d.err == nil {
				if k > len(mentions) {
					d.fail(errors.New("more mentions than counted"))
					break
				}
				en.Mentions, mentions = mentions[:k:k], mentions[k:]
				for j := range en.Mentions {
					d.mention(a, &en.Mentions[j])
				}
			}
		}
	} else {
		d.count(1) // the totals of no entities
		d.count(1)
	}
	if n := d.count(10); n > 0 { // a quote takes at least 10 bytes
		a.Quotes = make([]model.Quote, n)
		for i := range a.Quotes {
			q := &a.Quotes[i]
			q.Field = d.field()
			q.Start = d.int()
			q.End = d.int()
			q.Text = d.text(a, q.Field, q.Start, q.End)
			q.Speaker = d.str()
			q.SpeakerEntity = d.str()
			q.SpeakerRole = d.str()
			q.Cue = d.str()
			q.Partial = d.bool()
			q.SpeakerConfidence = float64(d.uint()) / 100
			if d.bool() {
				q.SpeakerMention = new(model.Mention)
				d.mention(a, q.SpeakerMention)
			}
		}
	}
}

func (d *decoder) mention(a *model.Article, m *model.Mention) {
	m.Field = d.field()
	m.Start = d.int()
	m.End = d.int()
	m.Text = d.text(a, m.Field, m.Start, m.End)
}

// text reads what encoder.text wrote: a slice of the article's own text
// (checked against its length) or a string of its own.
func (d *decoder) text(a *model.Article, f model.Field, start, end int) string {
	switch d.byte() {
	case 0:
		t := a.Text(f)
		if f != model.FieldTitle && f != model.FieldBody || start < 0 || start > end || end > len(t) {
			d.fail(fmt.Errorf("offsets %d:%d outside the %s", start, end, f))
			return ""
		}
		return t[start:end]
	case 1:
		return d.str()
	}
	d.fail(errors.New("bad text flag"))
	return ""
}
