package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"briefs/articles"
	"briefs/articles/pgarchive"
	"briefs/articles/source"
	"briefs/model"
)

func newIngestCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ingest [PATH|URL|-]...",
		Short: "Read and extract briefs once, into a shared archive on PostgreSQL",
		Long: `Read every source (as the reader does: its arguments, else the config's sources and feeds),
extract what each brief names and quotes, and write the briefs with their entities, mentions and
quotes into the shared archive on a PostgreSQL server, for a desk of analysts to read.

Idempotent: a brief the archive holds already (same id) is not written again, and several
ingesters at once write each brief once. The schema is made on first use; --migrate applies a
newer schema to an archive that has one. --every keeps polling: read again, write what is new,
wait, until interrupted. The address comes from --archive or $BRIEFS_ARCHIVE; its password is
never printed. A server that cannot be reached (wrong host, wrong password): one line, exit 1.`,
		Example: `briefs ingest --archive postgres://briefs@db.example.org/briefs --migrate
briefs ingest --archive postgres://briefs@localhost/briefs ~/briefs
BRIEFS_ARCHIVE=postgres://briefs:secret@db/briefs briefs ingest --every 15m`,
		Args: func(cmd *cobra.Command, args []string) error { return nil },
	}
	flags := addArchiveFlags(cmd)
	flags.into = true
	cmd.Flags().Lookup("archive").Usage = "the archive to write: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default $" + envArchive + ", then the config's archive)"
	migrate := cmd.Flags().Bool("migrate", false, "apply the schema's pending migrations first")
	every := cmd.Flags().Duration("every", 0, "read the sources again this often (15m, 1h) until interrupted; 0: once")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if *every < 0 || *every > 0 && *every < time.Second {
			return usagef(cmd, "--every %v: want 1s or more (or 0: once)", *every)
		}
		in, err := flags.input(cmd, args)
		if err != nil {
			return err
		}
		if !in.server() {
			return usagef(cmd, "ingest needs the archive: --archive postgres://... (or $%s, or the config's archive)", envArchive)
		}
		specs := in.specs
		ctx := cmd.Context()
		ar, err := openArchive(cmd, in, *migrate)
		if err != nil {
			return err
		}
		defer ar.Close()
		articles.LimitStreamingMemory() // one batch at a time
		for {
			warns, err := ingestOnce(ctx, cmd, ar, specs)
			if err != nil && *every > 0 && ctx.Err() != nil {
				return nil // interrupted: how --every stops; what the pass wrote is kept (each batch is its own transaction)
			}
			if err != nil {
				return err
			}
			if *every == 0 {
				return finish(cmd, warns, "")
			}
			reportWarnings(cmd.ErrOrStderr(), warns)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(*every):
			}
		}
	}
	return cmd
}

// ingestOnce reads specs and writes what the archive lacks; it says what it
// did on standard error.
func ingestOnce(ctx context.Context, cmd *cobra.Command, ar *pgarchive.Archive, specs []string) ([]source.Warning, error) {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	read, written := 0, 0
	var werr error
	warns := articles.Stream(ctx, specs, streamOptions(cmd), func(batch []model.Article) {
		if werr != nil {
			return
		}
		read += len(batch)
		n, err := ar.Insert(ctx, batch)
		if err != nil {
			werr = err
			cancel()
			return
		}
		written += n
	}, nil)
	if werr != nil {
		if errors.Is(werr, context.Canceled) && cmd.Context().Err() != nil {
			return warns, nil // interrupted
		}
		return warns, fmt.Errorf("write to the archive at %s: %v", ar, werr)
	}
	if ctx.Err() != nil && cmd.Context().Err() != nil {
		return warns, nil
	}
	if written > 0 {
		if err := ar.Analyze(ctx); err != nil {
			return warns, fmt.Errorf("analyze the archive at %s: %v", ar, err)
		}
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "briefs: %s read, %d new in the archive at %s (%d there already), %.1fs\n",
		plural(read, "brief"), written, ar, read-written, time.Since(start).Seconds())
	return warns, nil
}
