package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"briefs/articles/pgarchive"
	"briefs/articles/pgarchive/pgtest"
	"briefs/articles/store"
)

// With the shared archive, watchlists live on the server under the reader's
// name (the config's archive_user, else the database role): briefs watch
// add / list / rm and briefs watch read and write them there, and the local
// reading state holds none of them. The config's archive key is enough to
// name the server.
func TestWatchlistsOnTheArchive(t *testing.T) {
	u := pgtest.URL(t)
	home := t.TempDir()
	t.Cleanup(xdg.Reload)
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
	t.Setenv(envArchive, "")
	xdg.Reload()
	if code, stderr := runBriefs("ingest", "--archive", u, "--samples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	cfg := filepath.Join(home, "config.toml")
	if err := os.WriteFile(cfg, []byte("archive = \""+u+"\"\narchive_user = \"ana\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	if code, _, stderr := runOut("watch", "add", "--config", cfg, "Lavrov", "entity:Lavrov"); code != 0 {
		t.Fatalf("watch add: exit %d: %s", code, stderr)
	}
	if code, out, stderr := runOut("watch", "list", "--config", cfg); code != 0 || out != "Lavrov\tentity:Lavrov\n" {
		t.Fatalf("watch list on the archive: exit %d, %q, %s", code, out, stderr)
	}
	// not in the local reading state
	if code, out, _ := runOut("watch", "list"); code != exitFailure || out != "" {
		t.Errorf("watch list without the archive: exit %d, %q; want none (1)", code, out)
	}
	// another reader of the same archive has none
	if code, _, _ := runOut("watch", "list", "--archive", u); code != exitFailure {
		t.Errorf("watch list as the database role: exit %d; want none (1): ana's are ana's", code)
	}
	// the first run prints the matches and notes them on the server; the second has nothing new
	code, out, stderr := runOut("watch", "--config", cfg)
	if code != 0 || !strings.Contains(out, "Lavrov\t") {
		t.Fatalf("watch: exit %d, %q, %s", code, out, stderr)
	}
	n := strings.Count(out, "\n")
	if code, again, _ := runOut("watch", "--config", cfg); code != exitFailure || again != "" {
		t.Errorf("watch again: exit %d, %q; want nothing new (1)", code, again)
	}
	ar, err := pgarchive.Open(context.Background(), u, pgarchive.Options{User: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	defer ar.Close()
	ws, err := ar.Watches(context.Background())
	if err != nil || len(ws) != 1 || len(ws[0].Reported) != n {
		t.Fatalf("ana's watchlists on the server: %+v, %v; want Lavrov with %d reported", ws, err, n)
	}
	if code, _, stderr := runOut("watch", "rm", "--config", cfg, "Lavrov"); code != 0 {
		t.Fatalf("watch rm: exit %d: %s", code, stderr)
	}
	if ws, _ := ar.Watches(context.Background()); len(ws) != 0 {
		t.Errorf("after rm: %+v", ws)
	}
}

// The reader's marks go to the server when it reads the shared archive:
// serverState is the reading state the reader is given, per user.
func TestServerState(t *testing.T) {
	u := pgtest.URL(t)
	ctx := context.Background()
	ana, err := pgarchive.Open(ctx, u, pgarchive.Options{User: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	defer ana.Close()
	st := serverState{ana}
	if err := st.Update("b1", func(r *store.Reading) { r.Read, r.Position, r.Anchor = true, 12, 340 }); err != nil {
		t.Fatal(err)
	}
	if err := st.Update("b1", func(r *store.Reading) { r.Starred = !r.Starred }); err != nil {
		t.Fatal(err)
	}
	all, err := st.All()
	if err != nil {
		t.Fatal(err)
	}
	r := all["b1"]
	if len(all) != 1 || !r.Read || !r.Starred || r.Position != 12 || r.Anchor != 340 || r.Updated.IsZero() {
		t.Fatalf("All = %+v; want b1 read, starred, at line 12 (340)", all)
	}
	// the same marks reach another session of the same user
	again, err := pgarchive.Open(ctx, u, pgarchive.Options{User: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if all, _ := (serverState{again}).All(); !all["b1"].Starred {
		t.Errorf("a second session of ana reads %+v", all)
	}
	if all, _ := (serverState{mustOpen(t, u, "ben")}).All(); len(all) != 0 {
		t.Errorf("ben reads ana's marks: %+v", all)
	}
}

func mustOpen(t *testing.T, u, user string) *pgarchive.Archive {
	t.Helper()
	a, err := pgarchive.Open(context.Background(), u, pgarchive.Options{User: user})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// changes signals an open reader when briefs are ingested (LISTEN/NOTIFY),
// and not for the briefs the archive held when the reader opened.
func TestChangesOnIngest(t *testing.T) {
	u := pgtest.URL(t)
	dir := t.TempDir()
	writeBrief(t, filepath.Join(dir, "a.txt"), "Harbour talks in Quenby resume",
		"Negotiators for the Quenby harbour commission met again on Tuesday, a spokesman said.")
	if code, stderr := runBriefs("ingest", "--archive", u, dir); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	ar := mustOpen(t, u, "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := changes(ctx, ar)
	select {
	case <-ch:
		t.Fatal("a change told for a brief the archive held already")
	case <-time.After(2 * time.Second):
	}
	if code, stderr := runBriefs("ingest", "--archive", u, "--samples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	select {
	case <-ch:
	case <-time.After(30 * time.Second):
		t.Fatal("no change told 30 s after an ingest")
	}
}
