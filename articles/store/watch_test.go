package store

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Watchlists live in the reading state beside the briefs' marks: saved,
// changed, removed; the briefs' marks never see them; a damaged state file
// gets them back from the journal, removals included.
func TestWatchlistsInTheReadingState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	st := OpenState(path)
	if err := st.Update("brief-1", func(r *Reading) { r.Read = true }); err != nil {
		t.Fatal(err)
	}
	for name, q := range map[string]string{"Lavrov": "entity:Lavrov", "IAEA": "Iran AND IAEA", "June": "speaker:Orlov after:2026-06"} {
		if err := st.UpdateWatch(name, func(w *Watch) { w.Query = q }); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.UpdateWatch("Lavrov", func(w *Watch) { w.Reported = append(w.Reported, "brief-1") }); err != nil {
		t.Fatal(err)
	}
	if ok, err := st.RemoveWatch("June"); !ok || err != nil {
		t.Fatalf("remove June: %v %v", ok, err)
	}
	if ok, err := st.RemoveWatch("nobody"); ok || err != nil {
		t.Fatalf("remove a watchlist never saved: %v %v", ok, err)
	}
	check := func(st *State, when string) {
		t.Helper()
		ws, err := st.Watches()
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		var names []string
		for _, w := range ws {
			names = append(names, w.Name+"="+w.Query)
		}
		if want := []string{"IAEA=Iran AND IAEA", "Lavrov=entity:Lavrov"}; !slices.Equal(names, want) {
			t.Errorf("%s: watchlists %q, want %q", when, names, want)
		}
		if len(ws) == 2 && !slices.Equal(ws[1].Reported, []string{"brief-1"}) {
			t.Errorf("%s: Lavrov reported %v", when, ws[1].Reported)
		}
		all, err := st.All()
		if len(all) != 1 || !all["brief-1"].Read {
			t.Errorf("%s: the briefs' state %v (%v): watchlists must not show as briefs", when, all, err)
		}
	}
	check(st, "saved")
	// a removed one comes back empty when saved again
	if err := st.UpdateWatch("June", func(w *Watch) {
		if w.Query != "" {
			t.Errorf("a removed watchlist kept its query %q", w.Query)
		}
	}); err != nil {
		t.Fatal(err)
	}
	st.RemoveWatch("June")

	// the state file cut short: rebuilt from the journal, watchlists too
	if err := os.WriteFile(path, []byte("not a bolt file"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenState(path).All(); err == nil {
		t.Fatal("a damaged file read without a note")
	}
	check(OpenState(path), "restored from the journal")
	if err := st.UpdateWatch(" ", func(*Watch) {}); err == nil {
		t.Error("a watchlist without a name was saved")
	}
}
