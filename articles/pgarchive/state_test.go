package pgarchive

import (
	"context"
	"slices"
	"testing"

	"briefs/articles/archive"
	"briefs/articles/pgarchive/pgtest"
)

// TestReadingPerUser: marks and watchlists are kept per reader name; one
// reader never sees another's.
func TestReadingPerUser(t *testing.T) {
	ctx := context.Background()
	u := pgtest.URL(t)
	ana := open(t, u, Options{User: "ana"})
	defer ana.Close()
	ben := open(t, u, Options{User: "ben"})
	defer ben.Close()

	if err := ana.UpdateReading(ctx, "b1", func(r *archive.Reading) { r.Read, r.Starred = true, true }); err != nil {
		t.Fatal(err)
	}
	if err := ana.UpdateReading(ctx, "b2", func(r *archive.Reading) { r.Position = 7 }); err != nil {
		t.Fatal(err)
	}
	if err := ben.UpdateReading(ctx, "b1", func(r *archive.Reading) { r.Read = true }); err != nil {
		t.Fatal(err)
	}
	all, err := ana.AllReading(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || !all["b1"].Starred || !all["b1"].Read || all["b2"].Position != 7 {
		t.Errorf("ana's reading = %+v", all)
	}
	all, err = ben.AllReading(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all["b1"].Starred || !all["b1"].Read {
		t.Errorf("ben's reading = %+v, want b1 read, not starred", all)
	}

	if err := ana.UpdateWatch(ctx, " Lavrov ", func(w *Watch) { w.Query = "entity:Lavrov" }); err != nil {
		t.Fatal(err)
	}
	if err := ana.UpdateWatch(ctx, "Lavrov", func(w *Watch) { w.Reported = append(w.Reported, "b1", "b2") }); err != nil {
		t.Fatal(err)
	}
	if err := ana.UpdateWatch(ctx, "Aid", func(w *Watch) { w.Query = "aid" }); err != nil {
		t.Fatal(err)
	}
	ws, err := ana.Watches(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 2 || ws[0].Name != "Aid" || ws[1].Name != "Lavrov" || ws[1].Query != "entity:Lavrov" || !slices.Equal(ws[1].Reported, []string{"b1", "b2"}) {
		t.Errorf("ana's watchlists = %+v", ws)
	}
	if ws, err := ben.Watches(ctx); err != nil || len(ws) != 0 {
		t.Errorf("ben's watchlists = %+v, %v; want none", ws, err)
	}
	if ok, err := ana.RemoveWatch(ctx, "Lavrov"); !ok || err != nil {
		t.Errorf("RemoveWatch(Lavrov) = %v, %v; want true", ok, err)
	}
	if ok, err := ana.RemoveWatch(ctx, "Lavrov"); ok || err != nil {
		t.Errorf("RemoveWatch(Lavrov) again = %v, %v; want false", ok, err)
	}
	if err := ana.UpdateWatch(ctx, "  ", func(*Watch) {}); err == nil {
		t.Error("UpdateWatch with an empty name: no error")
	}
}
