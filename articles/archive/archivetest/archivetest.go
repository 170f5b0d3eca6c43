// Package archivetest is the conformance test every archive.Archive
// implementation runs:
//
//	func TestConformance(t *testing.T) {
//		archivetest.Run(t, func(t *testing.T, name string) archive.Archive {
//			return openMine(t, name) // same name within one test: same archive
//		})
//	}
//
// The briefs it uses are invented for it.
package archivetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"briefs/articles/archive"
	"briefs/model"
)

// Factory opens the archive called name for the test t. Within one test the
// same name opens the same archive again (the test closes the one before
// first), and a test's first open of a name finds it empty. The factory
// fails t itself when it cannot open; Run closes what it opens.
type Factory func(t *testing.T, name string) archive.Archive

// Brief makes an invented brief with that id, title and body, published
// day days after 2026-01-01 (undated when day < 0). Implementations' own
// tests may use it.
func Brief(id, title, body string, day int) model.Article {
	a := model.Article{ID: id, Source: "/briefs/" + id + ".txt", Title: title, Body: body,
		URL: "https://example.org/" + id, Author: "Desk of " + id, Outlet: "Example Wire"}
	if day >= 0 {
		a.Published = time.Date(2026, 1, 1, 9, 30, 0, 0, time.UTC).AddDate(0, 0, day)
	}
	return a
}

// sample is three briefs: two name Norway's foreign ministry, one quotes an
// invented minister, one has no date.
func sample() []model.Article {
	a := Brief("a1", "Oslo talks resume", "Delegations met in Oslo on Monday.\n\nThe talks resume next week.", 0)
	a.Entities = []model.Entity{
		{ID: "place:oslo", Name: "Oslo", Kind: model.KindPlace, Aliases: []string{"Oslo"},
			Mentions: []model.Mention{{Field: model.FieldTitle, Start: 0, End: 4, Text: "Oslo"}, {Field: model.FieldBody, Start: 20, End: 24, Text: "Oslo"}}},
		{ID: "country:norway", Name: "Norway", Kind: model.KindCountry, Aliases: []string{"Norway"}, Country: ""},
	}
	b := Brief("b2", "Minister Halvorsen on grain", "\"The corridor stays open,\" said Ingrid Halvorsen, the minister.\n\nShipments of GRAIN rose.", 3)
	speaker := model.Mention{Field: model.FieldBody, Start: 32, End: 48, Text: "Ingrid Halvorsen"}
	b.Entities = []model.Entity{
		{ID: "person:ingrid-halvorsen", Name: "Ingrid Halvorsen", Kind: model.KindPerson, Aliases: []string{"Ingrid Halvorsen"},
			Mentions: []model.Mention{speaker}},
		{ID: "country:norway", Name: "Norway", Kind: model.KindCountry},
	}
	b.Quotes = []model.Quote{{Field: model.FieldBody, Start: 1, End: 24, Text: "The corridor stays open", Speaker: "Ingrid Halvorsen",
		SpeakerEntity: "person:ingrid-halvorsen", SpeakerMention: &speaker, SpeakerRole: "the minister", Cue: "said", SpeakerConfidence: 0.75}}
	c := Brief("c3", "Undated note", "Grain prices in Lagos fell.", -1)
	c.Quotes = []model.Quote{{Field: model.FieldBody, Start: 0, End: 5, Text: "Grain", Speaker: "a trader", Cue: "according to", Partial: true}}
	return []model.Article{a, b, c}
}

// Run runs every conformance check on archives from open.
func Run(t *testing.T, open Factory) {
	ctx := context.Background()
	opened := func(t *testing.T, name string) archive.Archive {
		t.Helper()
		ar := open(t, name)
		if ar == nil {
			t.Fatalf("factory returned no archive")
		}
		return ar
	}
	closeOK := func(t *testing.T, ar archive.Archive) {
		t.Helper()
		if err := ar.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	}
	list := func(t *testing.T, ar archive.Archive, after int64) []archive.Record {
		t.Helper()
		var out []archive.Record
		if err := ar.List(ctx, after, func(r archive.Record) bool { out = append(out, r); return true }); err != nil {
			t.Fatalf("List: %v", err)
		}
		return out
	}
	put := func(t *testing.T, ar archive.Archive, briefs ...model.Article) {
		t.Helper()
		if err := ar.Put(ctx, briefs); err != nil {
			t.Fatalf("Put: %v", err)
		}
	}

	t.Run("Empty", func(t *testing.T) {
		ar := opened(t, "empty")
		defer closeOK(t, ar)
		if got := list(t, ar, 0); len(got) != 0 {
			t.Fatalf("a new archive lists %d records", len(got))
		}
		if n, err := ar.Len(ctx); err != nil || n != 0 {
			t.Fatalf("Len = %d, %v; want 0", n, err)
		}
		if _, err := ar.Get(ctx, "a1"); !errors.Is(err, archive.ErrNotFound) {
			t.Fatalf("Get of a missing id: %v; want ErrNotFound", err)
		}
		if ids, err := ar.Search(ctx, archive.Query{Text: "oslo"}); err != nil || len(ids) != 0 {
			t.Fatalf("Search in an empty archive = %v, %v", ids, err)
		}
	})

	t.Run("ListRecords", func(t *testing.T) {
		ar := opened(t, "list")
		defer closeOK(t, ar)
		briefs := sample()
		put(t, ar, briefs[:2]...)
		put(t, ar, briefs[2])
		got := list(t, ar, 0)
		if len(got) != 3 {
			t.Fatalf("List gave %d records, want 3", len(got))
		}
		for i, r := range got {
			a := briefs[i]
			want := archive.RecordOf(&a)
			want.Seq = r.Seq
			if !r.Published.Equal(want.Published) {
				t.Errorf("record %d Published = %v, want %v", i, r.Published, want.Published)
			}
			r.Published, want.Published = time.Time{}, time.Time{}
			if r != want {
				t.Errorf("record %d = %+v, want %+v", i, r, want)
			}
			if i > 0 && r.Seq <= got[i-1].Seq {
				t.Errorf("Seq not increasing in put order: %d after %d", r.Seq, got[i-1].Seq)
			}
			if r.Seq <= 0 {
				t.Errorf("Seq %d; want > 0", r.Seq)
			}
		}
		if !got[2].Published.IsZero() {
			t.Errorf("an undated brief lists with date %v", got[2].Published)
		}
		if n, err := ar.Len(ctx); err != nil || n != 3 {
			t.Fatalf("Len = %d, %v; want 3", n, err)
		}
		// from a cursor: only what came after
		after := list(t, ar, got[0].Seq)
		if len(after) != 2 || after[0].ID != "b2" || after[1].ID != "c3" {
			t.Fatalf("List after the first = %v; want b2, c3", ids(after))
		}
		if rest := list(t, ar, got[2].Seq); len(rest) != 0 {
			t.Fatalf("List after the last = %v; want nothing", ids(rest))
		}
		// fn returning false stops the listing
		n := 0
		if err := ar.List(ctx, 0, func(archive.Record) bool { n++; return false }); err != nil || n != 1 {
			t.Fatalf("List stopped by fn: %d calls, %v; want 1", n, err)
		}
	})

	t.Run("GetWhole", func(t *testing.T) {
		ar := opened(t, "get")
		defer closeOK(t, ar)
		briefs := sample()
		put(t, ar, briefs...)
		for _, want := range briefs {
			got, err := ar.Get(ctx, want.ID)
			if err != nil {
				t.Fatalf("Get(%s): %v", want.ID, err)
			}
			if d := diff(got, want); d != "" {
				t.Errorf("Get(%s): %s", want.ID, d)
			}
		}
	})

	t.Run("ReplaceKeepsPlace", func(t *testing.T) {
		ar := opened(t, "replace")
		defer closeOK(t, ar)
		briefs := sample()
		put(t, ar, briefs...)
		before := list(t, ar, 0)
		fuller := briefs[0]
		fuller.Title = "Oslo talks resume, fuller"
		fuller.Body += "\n\nA third paragraph names Bergen."
		fuller.Entities = fuller.Entities[:1] // Norway is gone
		put(t, ar, fuller)
		after := list(t, ar, 0)
		if len(after) != 3 || after[0].ID != "a1" || after[0].Seq != before[0].Seq || after[0].Title != fuller.Title || after[0].Entities != 1 {
			t.Fatalf("after replacing a1: %+v; want a1 first, same Seq %d, new title, 1 entity", after, before[0].Seq)
		}
		got, err := ar.Get(ctx, "a1")
		if err != nil || diff(got, fuller) != "" {
			t.Fatalf("Get after replace: %v %s", err, diff(got, fuller))
		}
		// the old version's words and entities find it no more; the new ones do
		if ids := search(t, ar, archive.Query{Entity: "country:norway"}); !slices.Equal(ids, []string{"b2"}) {
			t.Errorf("Entity norway after a1 lost it = %v; want [b2]", ids)
		}
		if ids := search(t, ar, archive.Query{Text: "bergen"}); !slices.Equal(ids, []string{"a1"}) {
			t.Errorf("Text bergen = %v; want [a1]", ids)
		}
		// within one batch the last brief of an id wins
		x1, x2 := Brief("x", "first", "one", 1), Brief("x", "second", "two", 1)
		put(t, ar, x1, x2)
		if got, err := ar.Get(ctx, "x"); err != nil || got.Title != "second" {
			t.Fatalf("Get(x) after a batch with two x = %q, %v; want second", got.Title, err)
		}
		if n, _ := ar.Len(ctx); n != 4 {
			t.Fatalf("Len = %d; want 4", n)
		}
	})

	t.Run("PutAtomic", func(t *testing.T) {
		ar := opened(t, "atomic")
		defer closeOK(t, ar)
		good := Brief("g", "good", "fine text", 1)
		if err := ar.Put(ctx, []model.Article{good, Brief("", "no id", "text", 1)}); !errors.Is(err, archive.ErrNoID) {
			t.Fatalf("Put with an empty id: %v; want ErrNoID", err)
		}
		if got := list(t, ar, 0); len(got) != 0 {
			t.Fatalf("a failed Put stored %v", ids(got))
		}
		if err := ar.Put(ctx, nil); err != nil {
			t.Fatalf("Put of nothing: %v", err)
		}
	})

	t.Run("Search", func(t *testing.T) {
		ar := opened(t, "search")
		defer closeOK(t, ar)
		put(t, ar, sample()...)
		for _, c := range []struct {
			q    archive.Query
			want []string
		}{
			{archive.Query{Entity: "country:norway"}, []string{"a1", "b2"}},
			{archive.Query{Entity: "place:oslo"}, []string{"a1"}},
			{archive.Query{Entity: "place:lagos"}, nil},
			{archive.Query{Speaker: "person:ingrid-halvorsen"}, []string{"b2"}},
			{archive.Query{Speaker: "ingrid HALVORSEN"}, []string{"b2"}},
			{archive.Query{Speaker: "A Trader"}, []string{"c3"}},
			{archive.Query{Speaker: "Halvorsen"}, nil}, // a name is matched whole
			{archive.Query{Text: "grain"}, []string{"b2", "c3"}},
			{archive.Query{Text: "Grain, LAGOS"}, []string{"c3"}},
			{archive.Query{Text: "oslo"}, []string{"a1"}}, // title and body
			{archive.Query{Text: "resume"}, []string{"a1"}},
			{archive.Query{Text: "grai"}, nil}, // words, not prefixes
			{archive.Query{Text: "grain", Entity: "country:norway"}, []string{"b2"}},
			{archive.Query{Text: "grain", Limit: 1}, []string{"b2"}},
			{archive.Query{Entity: "country:norway", Speaker: "a trader"}, nil},
			{archive.Query{}, nil},
			{archive.Query{Text: " ,.; "}, nil},
		} {
			if got := search(t, ar, c.q); !slices.Equal(got, c.want) {
				t.Errorf("Search(%+v) = %v; want %v", c.q, got, c.want)
			}
		}
	})

	t.Run("Reading", func(t *testing.T) {
		ar := opened(t, "reading")
		defer closeOK(t, ar)
		put(t, ar, sample()...)
		if r, err := ar.Reading(ctx, "a1"); err != nil || r.Read || r.Starred {
			t.Fatalf("Reading of an unread brief = %+v, %v", r, err)
		}
		start := time.Now().Add(-time.Second)
		if err := ar.UpdateReading(ctx, "a1", func(r *archive.Reading) { r.Read, r.Position, r.Anchor = true, 7, 120 }); err != nil {
			t.Fatalf("UpdateReading: %v", err)
		}
		if err := ar.UpdateReading(ctx, "c3", func(r *archive.Reading) { r.Starred = true }); err != nil {
			t.Fatalf("UpdateReading: %v", err)
		}
		if err := ar.UpdateReading(ctx, "a1", func(r *archive.Reading) { r.Starred = !r.Starred }); err != nil {
			t.Fatalf("UpdateReading: %v", err)
		}
		r, err := ar.Reading(ctx, "a1")
		if err != nil || !r.Read || !r.Starred || r.Position != 7 || r.Anchor != 120 || r.Updated.Before(start) {
			t.Fatalf("Reading(a1) = %+v, %v; want read, starred, at 7/120, updated now", r, err)
		}
		flags := map[string]archive.Flags{}
		for _, rec := range list(t, ar, 0) {
			flags[rec.ID] = rec.Flags
		}
		want := map[string]archive.Flags{"a1": archive.FlagRead | archive.FlagStarred, "b2": 0, "c3": archive.FlagStarred}
		if fmt.Sprint(flags) != fmt.Sprint(want) {
			t.Fatalf("List flags = %v; want %v", flags, want)
		}
		// reading state of an id not (yet) in the archive is kept
		if err := ar.UpdateReading(ctx, "later", func(r *archive.Reading) { r.Read = true }); err != nil {
			t.Fatalf("UpdateReading of an id not in the archive: %v", err)
		}
		put(t, ar, Brief("later", "Later brief", "Comes after its mark.", 9))
		last := list(t, ar, 0)
		if l := last[len(last)-1]; l.ID != "later" || l.Flags != archive.FlagRead {
			t.Fatalf("a brief put after its mark lists as %+v; want read", l)
		}
		if err := ar.UpdateReading(ctx, "", func(r *archive.Reading) { r.Read = true }); !errors.Is(err, archive.ErrNoID) {
			t.Fatalf("UpdateReading of an empty id: %v; want ErrNoID", err)
		}
	})

	t.Run("Concurrent", func(t *testing.T) {
		ar := opened(t, "concurrent")
		defer closeOK(t, ar)
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for w := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 10 {
					id := fmt.Sprintf("w%d-%d", w, i)
					if err := ar.Put(ctx, []model.Article{Brief(id, "Brief "+id, "Text of "+id+" about wheat.", i)}); err != nil {
						errs <- err
					}
					if err := ar.UpdateReading(ctx, id, func(r *archive.Reading) { r.Read = true }); err != nil {
						errs <- err
					}
					if _, err := ar.Search(ctx, archive.Query{Text: "wheat"}); err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("concurrent use: %v", err)
		}
		got := list(t, ar, 0)
		if len(got) != 40 {
			t.Fatalf("40 briefs put at once, %d listed", len(got))
		}
		seen := map[string]bool{}
		for i, r := range got {
			if seen[r.ID] || r.Flags != archive.FlagRead || i > 0 && r.Seq <= got[i-1].Seq {
				t.Fatalf("record %d: %+v (seen before: %v)", i, r, seen[r.ID])
			}
			seen[r.ID] = true
		}
		if ids := search(t, ar, archive.Query{Text: "wheat"}); len(ids) != 40 {
			t.Fatalf("Text wheat finds %d of 40", len(ids))
		}
	})

	t.Run("Reopen", func(t *testing.T) {
		ar := opened(t, "reopen")
		briefs := sample()
		put(t, ar, briefs...)
		if err := ar.UpdateReading(ctx, "b2", func(r *archive.Reading) { r.Starred = true }); err != nil {
			t.Fatalf("UpdateReading: %v", err)
		}
		before := list(t, ar, 0)
		closeOK(t, ar)
		ar = opened(t, "reopen")
		defer closeOK(t, ar)
		after := list(t, ar, 0)
		if fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("after reopening: %+v\nbefore: %+v", after, before)
		}
		got, err := ar.Get(ctx, "b2")
		if err != nil || diff(got, briefs[1]) != "" {
			t.Fatalf("Get after reopening: %v %s", err, diff(got, briefs[1]))
		}
		if ids := search(t, ar, archive.Query{Speaker: "person:ingrid-halvorsen", Text: "corridor"}); !slices.Equal(ids, []string{"b2"}) {
			t.Fatalf("Search after reopening = %v", ids)
		}
		// new briefs after a reopen come after the old ones
		put(t, ar, Brief("d4", "Fourth", "More text.", 4))
		all := list(t, ar, 0)
		if l := all[len(all)-1]; l.ID != "d4" || l.Seq <= before[len(before)-1].Seq {
			t.Fatalf("a brief put after reopening: %+v; want last, Seq > %d", l, before[len(before)-1].Seq)
		}
	})
}

func search(t *testing.T, ar archive.Archive, q archive.Query) []string {
	t.Helper()
	got, err := ar.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return got
}

func ids(rs []archive.Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// diff says how got differs from want ("" when it does not): every field,
// the time compared as an instant, nil and empty slices alike.
func diff(got, want model.Article) string {
	if !got.Published.Equal(want.Published) {
		return fmt.Sprintf("Published %v, want %v", got.Published, want.Published)
	}
	got.Published, want.Published = time.Time{}, time.Time{}
	g, w := fmt.Sprintf("%+v", norm(got)), fmt.Sprintf("%+v", norm(want))
	if g != w {
		return fmt.Sprintf("got  %s\nwant %s", g, w)
	}
	return ""
}

// norm turns empty slices into nil and speaker mentions into values, for
// comparing printed forms.
func norm(a model.Article) any {
	type quote struct {
		Q model.Quote
		M model.Mention
	}
	ents := []model.Entity{}
	for _, e := range a.Entities {
		if len(e.Aliases) == 0 {
			e.Aliases = nil
		}
		if len(e.Mentions) == 0 {
			e.Mentions = nil
		}
		ents = append(ents, e)
	}
	qs := []quote{}
	for _, q := range a.Quotes {
		var m model.Mention
		if q.SpeakerMention != nil {
			m = *q.SpeakerMention
		}
		q.SpeakerMention = nil
		qs = append(qs, quote{q, m})
	}
	a.Entities, a.Quotes = nil, nil
	return []any{a, ents, qs}
}
