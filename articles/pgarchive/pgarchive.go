// Package pgarchive is the shared archive of briefs on a PostgreSQL server:
// an archive.Archive that a desk of analysts reads at once, filled by
// `briefs ingest` (which extracts each brief once for everybody).
//
// # Schema
//
// The tables (migrations/, applied with goose; see Migrate) hold one row per
// brief (its text, the keys it is found by, a tsvector of its words with a
// GIN index), its entities in order (brief_entities) with their mentions,
// its quotes with their speakers, the entities across briefs with every
// alias any brief gave them (entities, entity_aliases), and each reader's
// marks (reading, keyed by the user name the archive was opened with: the
// database role unless Options.User names another).
//
// Lookups use keys the program computes on both sides (archive.Words,
// archive.Speakers, archive.EntityIDs): the tsvector is made of
// archive.Words as lexemes (array_to_tsvector, no stemming, no stop words)
// and a query's words become a tsquery of the same lexemes ANDed, so the
// server finds exactly the briefs the embedded archive finds, in the same
// order (put order).
//
// # Migrations: goose
//
// goose (github.com/pressly/goose/v3) over golang-migrate: its Provider
// runs plain SQL files embedded in the binary with no global state, takes a
// PostgreSQL advisory lock while it migrates (two ingesters started at once
// with --migrate do not both apply a migration), and needs only the
// database/sql face of the pgx pool we already hold (pgx/v5/stdlib); the
// files stay readable SQL with their Down part beside the Up.
//
// # Writers
//
// Put and Insert take a SHARE ROW EXCLUSIVE lock on briefs for their
// transaction: writers (several ingesters) go one at a time, readers never
// wait for them. Insert skips the briefs already there (ON CONFLICT DO
// NOTHING): ingesters reading the same feeds write each brief once. Each
// write that added briefs sends NOTIFY briefs_put with the highest Seq.
//
// # Secrets
//
// Connection strings are never printed: Redact hides the password of a
// URL or key=value string, and every error Open returns is redacted.
package pgarchive

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"briefs/articles/archive"
	"briefs/model"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Channel is the channel NOTIFY tells new briefs on; the payload is the
// highest Seq written.
const Channel = "briefs_put"

// maxLexeme is the longest word (in bytes) a tsvector holds; longer words
// are left out of the index (and a query for one finds nothing).
const maxLexeme = 2046

// Options tune Open.
type Options struct {
	// User names the reader whose marks Reading and UpdateReading keep;
	// "" means the database role.
	User string
	// Migrate applies the schema's pending migrations. Without it, Open
	// applies them only to a database that has none of the schema yet
	// (first use), and refuses an older schema.
	Migrate bool
	// MaxConns bounds the pool's connections; zero means pgxpool's default.
	MaxConns int32
}

// Archive is the archive on a PostgreSQL server. It is safe for concurrent
// use.
type Archive struct {
	pool *pgxpool.Pool
	user string
	url  string // redacted
}

var _ archive.Archive = (*Archive)(nil)

// IsURL reports whether s names a PostgreSQL server (postgres:// or
// postgresql://).
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

var passwordKV = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)

// Redact returns the connection string s with its password hidden.
func Redact(s string) string {
	if IsURL(s) {
		if u, err := url.Parse(s); err == nil {
			q := u.Query()
			if q.Has("password") {
				q.Set("password", "xxxxx")
				u.RawQuery = q.Encode()
			}
			return u.Redacted()
		}
		// unparsable: hide whatever sits between "//" and "@"
		rest := s[strings.Index(s, "//")+2:]
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			return s[:strings.Index(s, "//")+2] + "xxxxx" + rest[at:]
		}
		return s
	}
	return passwordKV.ReplaceAllString(s, "${1}xxxxx")
}

// password is the password written in s, or "".
func password(s string) string {
	if IsURL(s) {
		if u, err := url.Parse(s); err == nil {
			if p, ok := u.User.Password(); ok {
				return p
			}
			return u.Query().Get("password")
		}
		return ""
	}
	if m := passwordKV.FindStringSubmatch(s); m != nil {
		return strings.Trim(m[2], "'")
	}
	return ""
}

// redactedError is an error whose text had the password removed.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// scrub removes the password of connString from err's text.
func scrub(err error, connString string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if p := password(connString); p != "" {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
		if e := url.QueryEscape(p); e != p {
			msg = strings.ReplaceAll(msg, e, "xxxxx")
		}
	}
	return &redactedError{msg: msg, err: err}
}

// connectError says in one line why the server could not be reached.
func connectError(err error, connString string) error {
	why := err.Error()
	var pe *pgconn.PgError
	var ce *pgconn.ConnectError
	switch {
	case errors.As(err, &pe):
		why = pe.Message
	case errors.As(err, &ce):
		why = ce.Unwrap().Error()
		// "127.0.0.1:5432 (127.0.0.1): dial error: dial tcp ...: connect: connection refused"
		if i := strings.LastIndex(why, ": "); i >= 0 && strings.Contains(why, "dial") {
			why = why[i+2:]
		}
		if inner := new(pgconn.PgError); errors.As(ce.Unwrap(), &inner) {
			why = inner.Message
		}
	}
	return scrub(fmt.Errorf("cannot open the archive at %s: %s", Redact(connString), why), connString)
}

// Open connects to the archive at connString (a postgres:// URL or a
// key=value string), applies the schema as Options say, and finds the user
// name marks are kept under.
func Open(ctx context.Context, connString string, opt Options) (*Archive, error) {
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		return nil, scrub(fmt.Errorf("the archive's address %s: %v", Redact(connString), err), connString)
	}
	if opt.MaxConns > 0 {
		cfg.MaxConns = opt.MaxConns
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, connectError(err, connString)
	}
	a := &Archive{pool: pool, user: opt.User, url: Redact(connString)}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, connectError(err, connString)
	}
	if a.user == "" {
		if err := pool.QueryRow(ctx, "SELECT current_user").Scan(&a.user); err != nil {
			pool.Close()
			return nil, scrub(err, connString)
		}
	}
	if err := a.migrate(ctx, opt.Migrate); err != nil {
		pool.Close()
		return nil, scrub(err, connString)
	}
	return a, nil
}

// String is the archive's address, its password hidden.
func (a *Archive) String() string { return a.url }

// User is the name the reading state is kept under.
func (a *Archive) User() string { return a.user }

// Pool is the connection pool (for LISTEN and the tests).
func (a *Archive) Pool() *pgxpool.Pool { return a.pool }

// provider makes the goose provider over the pool.
func (a *Archive) provider() (*goose.Provider, *sql.DB, error) {
	db := stdlib.OpenDBFromPool(a.pool)
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrationFiles(), goose.WithSessionLocker(locker),
		goose.WithTableName("briefs_schema_version"))
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return p, db, nil
}

// Migrated reports the schema's version in the database and the version
// this program knows.
func (a *Archive) Migrated(ctx context.Context) (current, target int64, err error) {
	p, db, err := a.provider()
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	return p.GetVersions(ctx)
}

func (a *Archive) migrate(ctx context.Context, force bool) error {
	p, db, err := a.provider()
	if err != nil {
		return err
	}
	defer db.Close()
	if !force {
		current, target, err := p.GetVersions(ctx)
		// Another process may be making the schema on first use right now:
		// give it a few seconds before calling the schema old.
		for wait := 0; err == nil && current > 0 && current < target && wait < 25; wait++ {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(200 * time.Millisecond):
			}
			current, target, err = p.GetVersions(ctx)
		}
		if err != nil {
			return fmt.Errorf("read the schema's version: %w", err)
		}
		if current == target {
			return nil
		}
		if current > target {
			return fmt.Errorf("the archive's schema (version %d) is newer than this briefs knows (%d): update briefs", current, target)
		}
		if current > 0 {
			return fmt.Errorf("the archive's schema is at version %d, this briefs needs %d: run 'briefs ingest --migrate --archive URL' once", current, target)
		}
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate the archive's schema: %w", err)
	}
	return nil
}

// migrationFiles is the migrations folder as the root of an fs.FS.
func migrationFiles() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the folder is embedded
	}
	return sub
}

// Close closes the pool.
func (a *Archive) Close() error {
	a.pool.Close()
	return nil
}

// Len is how many briefs the archive holds.
func (a *Archive) Len(ctx context.Context) (int, error) {
	var n int
	err := a.pool.QueryRow(ctx, "SELECT count(*) FROM briefs").Scan(&n)
	return n, err
}

// LastSeq is the highest Seq in the archive (0 when empty).
func (a *Archive) LastSeq(ctx context.Context) (int64, error) {
	var n int64
	err := a.pool.QueryRow(ctx, "SELECT coalesce(max(seq), 0) FROM briefs").Scan(&n)
	return n, err
}

// Put stores briefs; an id already there is replaced and keeps its Seq.
func (a *Archive) Put(ctx context.Context, briefs []model.Article) error {
	_, err := a.write(ctx, briefs, true)
	return err
}

// Insert stores the briefs whose ids the archive does not hold yet and
// returns how many it stored; the others are left as they are. Several
// Inserts of the same briefs at once store each once.
func (a *Archive) Insert(ctx context.Context, briefs []model.Article) (int, error) {
	return a.write(ctx, briefs, false)
}

// lastOfEach keeps the last brief of each id, at its place (as the
// embedded archive does).
func lastOfEach(briefs []model.Article) ([]model.Article, error) {
	last := make(map[string]int, len(briefs))
	for i, b := range briefs {
		if b.ID == "" {
			return nil, fmt.Errorf("put %q: %w", b.Title, archive.ErrNoID)
		}
		last[b.ID] = i
	}
	out := make([]model.Article, 0, len(last))
	for i, b := range briefs {
		if last[b.ID] == i {
			out = append(out, b)
		}
	}
	return out, nil
}

// lexemes are a's words as the tsvector holds them.
func lexemes(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		if len(w) <= maxLexeme {
			out = append(out, w)
		}
	}
	return out
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func (a *Archive) write(ctx context.Context, briefs []model.Article, replace bool) (int, error) {
	briefs, err := lastOfEach(briefs)
	if err != nil || len(briefs) == 0 {
		return 0, err
	}
	tx, err := a.pool.Begin(ctx)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "LOCK TABLE briefs IN SHARE ROW EXCLUSIVE MODE"); err != nil {
		return 0, err
	}
	conflict := "ON CONFLICT (id) DO NOTHING"
	if replace {
		conflict = `ON CONFLICT (id) DO UPDATE SET source = excluded.source, title = excluded.title,
			published = excluded.published, url = excluded.url, author = excluded.author, outlet = excluded.outlet,
			body = excluded.body, n_entities = excluded.n_entities, n_quotes = excluded.n_quotes, words = excluded.words,
			entity_ids = excluded.entity_ids, speakers = excluded.speakers, ingested_at = now()`
	}
	insert := `INSERT INTO briefs (id, source, title, published, url, author, outlet, body, n_entities, n_quotes, words, entity_ids, speakers)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, array_to_tsvector($11::text[]), $12, $13) ` + conflict + ` RETURNING seq`
	batch := &pgx.Batch{}
	for i := range briefs {
		b := &briefs[i]
		batch.Queue(insert, b.ID, b.Source, b.Title, nullTime(b.Published), b.URL, b.Author, b.Outlet, b.Body,
			len(b.Entities), len(b.Quotes), lexemes(archive.BriefWords(b)), nonNil(archive.EntityIDs(b)), nonNil(archive.Speakers(b)))
	}
	res := tx.SendBatch(ctx, batch)
	var written []*model.Article
	var maxSeq int64
	for i := range briefs {
		var seq int64
		err := res.QueryRow().Scan(&seq)
		if errors.Is(err, pgx.ErrNoRows) {
			continue // there already (Insert)
		}
		if err != nil {
			res.Close()
			return 0, fmt.Errorf("write brief %s: %w", briefs[i].ID, err)
		}
		written = append(written, &briefs[i])
		maxSeq = max(maxSeq, seq)
	}
	if err := res.Close(); err != nil {
		return 0, err
	}
	if len(written) == 0 {
		return 0, tx.Commit(ctx)
	}
	ids := make([]string, len(written))
	for i, b := range written {
		ids[i] = b.ID
	}
	if replace {
		for _, q := range []string{"DELETE FROM mentions WHERE brief_id = ANY($1)", "DELETE FROM brief_entities WHERE brief_id = ANY($1)",
			"DELETE FROM quotes WHERE brief_id = ANY($1)"} {
			if _, err := tx.Exec(ctx, q, ids); err != nil {
				return 0, err
			}
		}
	}
	if err := copyParts(ctx, tx, written); err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, "SELECT pg_notify($1, $2)", Channel, strconv.FormatInt(maxSeq, 10)); err != nil {
		return 0, err
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, err
	}
	return len(written), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// copyParts writes the entities, mentions and quotes of briefs, and adds
// their entities and aliases to the tables across briefs.
func copyParts(ctx context.Context, tx pgx.Tx, briefs []*model.Article) error {
	var ents, ments, quotes [][]any
	type alias struct{ id, text string }
	firstSeen := map[string]model.Entity{}
	aliases := map[alias]bool{}
	for _, b := range briefs {
		for i, e := range b.Entities {
			ents = append(ents, []any{b.ID, i, e.ID, e.Name, string(e.Kind), e.Country, nonNil(e.Aliases)})
			for j, m := range e.Mentions {
				ments = append(ments, []any{b.ID, i, j, string(m.Field), m.Start, m.End, m.Text})
			}
			if _, ok := firstSeen[e.ID]; !ok && e.ID != "" {
				firstSeen[e.ID] = e
			}
			for _, t := range append([]string{e.Name}, e.Aliases...) {
				if t != "" && e.ID != "" {
					aliases[alias{e.ID, t}] = true
				}
			}
		}
		for i, q := range b.Quotes {
			var smField, smText any
			var smStart, smEnd any
			if m := q.SpeakerMention; m != nil {
				smField, smStart, smEnd, smText = string(m.Field), m.Start, m.End, m.Text
			}
			quotes = append(quotes, []any{b.ID, i, string(q.Field), q.Start, q.End, q.Text, q.Speaker, q.SpeakerEntity,
				smField, smStart, smEnd, smText, q.SpeakerRole, q.Cue, q.Partial, q.SpeakerConfidence})
		}
	}
	copies := []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"brief_entities", []string{"brief_id", "ord", "entity_id", "name", "kind", "country", "aliases"}, ents},
		{"mentions", []string{"brief_id", "entity_ord", "ord", "field", "start_at", "end_at", "text"}, ments},
		{"quotes", []string{"brief_id", "ord", "field", "start_at", "end_at", "text", "speaker", "speaker_entity",
			"sm_field", "sm_start", "sm_end", "sm_text", "speaker_role", "cue", "partial", "confidence"}, quotes},
	}
	for _, c := range copies {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("write %s: %w", c.table, err)
		}
	}
	if len(firstSeen) > 0 {
		ids := make([]string, 0, len(firstSeen))
		for id := range firstSeen {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		kinds, names := make([]string, len(ids)), make([]string, len(ids))
		for i, id := range ids {
			kinds[i], names[i] = string(firstSeen[id].Kind), firstSeen[id].Name
		}
		if _, err := tx.Exec(ctx, `INSERT INTO entities (id, kind, name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
			ON CONFLICT (id) DO NOTHING`, ids, kinds, names); err != nil {
			return fmt.Errorf("write entities: %w", err)
		}
		var aids, texts, folded []string
		for al := range aliases {
			aids, texts = append(aids, al.id), append(texts, al.text)
		}
		for _, t := range texts {
			folded = append(folded, archive.Fold(t))
		}
		if _, err := tx.Exec(ctx, `INSERT INTO entity_aliases (entity_id, alias, folded) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
			ON CONFLICT DO NOTHING`, aids, texts, folded); err != nil {
			return fmt.Errorf("write entity aliases: %w", err)
		}
	}
	return nil
}

// listPage is how many records List asks for at a time: a first screen
// comes back at once, a whole list of 100,000 in 100 round trips.
const listPage = 1000

// List calls fn with the records after the cursor, in Seq order, fetched a
// page at a time.
func (a *Archive) List(ctx context.Context, after int64, fn func(archive.Record) bool) error {
	for page := 100; ; page = listPage {
		rows, err := a.pool.Query(ctx, `SELECT b.seq, b.id, b.title, b.published, b.outlet, b.source, b.n_entities, b.n_quotes,
				coalesce(r.read, false), coalesce(r.starred, false)
			FROM briefs b LEFT JOIN reading r ON r.user_name = $2 AND r.brief_id = b.id
			WHERE b.seq > $1 ORDER BY b.seq LIMIT $3`, after, a.user, page)
		if err != nil {
			return err
		}
		recs := make([]archive.Record, 0, page)
		for rows.Next() {
			var r archive.Record
			var pub *time.Time
			var read, starred bool
			if err := rows.Scan(&r.Seq, &r.ID, &r.Title, &pub, &r.Outlet, &r.Source, &r.Entities, &r.Quotes, &read, &starred); err != nil {
				rows.Close()
				return err
			}
			if pub != nil {
				r.Published = pub.UTC()
			}
			r.Flags = archive.Reading{Read: read, Starred: starred}.Flags()
			recs = append(recs, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range recs {
			if !fn(r) {
				return nil
			}
		}
		if len(recs) < page {
			return nil
		}
		after = recs[len(recs)-1].Seq
	}
}

// Get returns the whole brief with that id.
func (a *Archive) Get(ctx context.Context, id string) (model.Article, error) {
	got, err := a.getMany(ctx, []string{id})
	if err != nil {
		return model.Article{}, err
	}
	if len(got) == 0 {
		return model.Article{}, fmt.Errorf("get %s: %w", id, archive.ErrNotFound)
	}
	return got[0], nil
}

// getMany returns the briefs with those ids that the archive holds, in the
// order of ids, in one round trip.
func (a *Archive) getMany(ctx context.Context, ids []string) ([]model.Article, error) {
	batch := &pgx.Batch{}
	batch.Queue("SELECT id, source, title, published, url, author, outlet, body FROM briefs WHERE id = ANY($1)", ids)
	batch.Queue("SELECT brief_id, ord, entity_id, name, kind, country, aliases FROM brief_entities WHERE brief_id = ANY($1) ORDER BY brief_id, ord", ids)
	batch.Queue("SELECT brief_id, entity_ord, field, start_at, end_at, text FROM mentions WHERE brief_id = ANY($1) ORDER BY brief_id, entity_ord, ord", ids)
	batch.Queue(`SELECT brief_id, field, start_at, end_at, text, speaker, speaker_entity, sm_field, sm_start, sm_end, sm_text,
		speaker_role, cue, partial, confidence FROM quotes WHERE brief_id = ANY($1) ORDER BY brief_id, ord`, ids)
	res := a.pool.SendBatch(ctx, batch)
	defer res.Close()
	byID := make(map[string]*model.Article, len(ids))
	err := eachRow(res, func(rows pgx.Rows) error {
		b := &model.Article{}
		var pub *time.Time
		if err := rows.Scan(&b.ID, &b.Source, &b.Title, &pub, &b.URL, &b.Author, &b.Outlet, &b.Body); err != nil {
			return err
		}
		if pub != nil {
			b.Published = pub.UTC()
		}
		byID[b.ID] = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(res, func(rows pgx.Rows) error {
		var e model.Entity
		var bid, kind string
		var ord int
		if err := rows.Scan(&bid, &ord, &e.ID, &e.Name, &kind, &e.Country, &e.Aliases); err != nil {
			return err
		}
		e.Kind = model.EntityKind(kind)
		if b := byID[bid]; b != nil && ord == len(b.Entities) {
			b.Entities = append(b.Entities, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(res, func(rows pgx.Rows) error {
		var bid, field string
		var ord int
		var m model.Mention
		if err := rows.Scan(&bid, &ord, &field, &m.Start, &m.End, &m.Text); err != nil {
			return err
		}
		m.Field = model.Field(field)
		if b := byID[bid]; b != nil && ord >= 0 && ord < len(b.Entities) {
			b.Entities[ord].Mentions = append(b.Entities[ord].Mentions, m)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(res, func(rows pgx.Rows) error {
		var q model.Quote
		var bid, field string
		var smField, smText *string
		var smStart, smEnd *int
		if err := rows.Scan(&bid, &field, &q.Start, &q.End, &q.Text, &q.Speaker, &q.SpeakerEntity, &smField, &smStart, &smEnd, &smText,
			&q.SpeakerRole, &q.Cue, &q.Partial, &q.SpeakerConfidence); err != nil {
			return err
		}
		q.Field = model.Field(field)
		if smField != nil && smStart != nil && smEnd != nil && smText != nil {
			q.SpeakerMention = &model.Mention{Field: model.Field(*smField), Start: *smStart, End: *smEnd, Text: *smText}
		}
		if b := byID[bid]; b != nil {
			b.Quotes = append(b.Quotes, q)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]model.Article, 0, len(byID))
	for _, id := range ids {
		if b := byID[id]; b != nil {
			out = append(out, *b)
			delete(byID, id)
		}
	}
	return out, nil
}

// eachRow reads the batch's next result, calling scan with each row.
func eachRow(res pgx.BatchResults, scan func(pgx.Rows) error) error {
	rows, err := res.Query()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// tsquery is the words ANDed, each a quoted lexeme.
func tsquery(words []string) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = "'" + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(w) + "'"
	}
	return strings.Join(parts, " & ")
}

// Search returns the ids of the briefs q finds, in Seq order.
func (a *Archive) Search(ctx context.Context, q archive.Query) ([]string, error) {
	if q.Empty() {
		return nil, nil
	}
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if q.Entity != "" {
		where = append(where, "entity_ids @> ARRAY["+arg(q.Entity)+"::text]")
	}
	if q.Speaker != "" {
		where = append(where, "speakers @> ARRAY["+arg(archive.Fold(q.Speaker))+"::text]")
	}
	if words := archive.Words(q.Text); len(words) > 0 {
		for _, w := range words {
			if len(w) > maxLexeme {
				return nil, nil // no brief holds it in the index
			}
		}
		where = append(where, "words @@ "+arg(tsquery(words))+"::tsquery")
	}
	// The planner walks the seq index for a key most briefs hold (the
	// first 50 come at once) and the GIN index for a rare one; it tells
	// them apart by the statistics of briefs, which Analyze (run by ingest
	// after each pass that wrote) and autovacuum keep.
	sqlText := "SELECT id FROM briefs WHERE " + strings.Join(where, " AND ") + " ORDER BY seq"
	if q.Limit > 0 {
		sqlText += " LIMIT " + arg(q.Limit)
	}
	rows, err := a.pool.Query(ctx, sqlText, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// Reading returns the reading state of the brief with that id.
func (a *Archive) Reading(ctx context.Context, id string) (archive.Reading, error) {
	var r archive.Reading
	var updated *time.Time
	err := a.pool.QueryRow(ctx, "SELECT read, starred, position, anchor, updated FROM reading WHERE user_name = $1 AND brief_id = $2",
		a.user, id).Scan(&r.Read, &r.Starred, &r.Position, &r.Anchor, &updated)
	if errors.Is(err, pgx.ErrNoRows) {
		return archive.Reading{}, nil
	}
	if updated != nil {
		r.Updated = *updated
	}
	return r, err
}

// UpdateReading changes the reading state of one brief with fn, the row
// locked meanwhile.
func (a *Archive) UpdateReading(ctx context.Context, id string, fn func(*archive.Reading)) error {
	if id == "" {
		return fmt.Errorf("update reading: %w", archive.ErrNoID)
	}
	return pgx.BeginFunc(ctx, a.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "INSERT INTO reading (user_name, brief_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", a.user, id); err != nil {
			return err
		}
		var r archive.Reading
		var updated *time.Time
		if err := tx.QueryRow(ctx, "SELECT read, starred, position, anchor, updated FROM reading WHERE user_name = $1 AND brief_id = $2 FOR UPDATE",
			a.user, id).Scan(&r.Read, &r.Starred, &r.Position, &r.Anchor, &updated); err != nil {
			return err
		}
		if updated != nil {
			r.Updated = *updated
		}
		fn(&r)
		r.Updated = time.Now()
		_, err := tx.Exec(ctx, "UPDATE reading SET read = $3, starred = $4, position = $5, anchor = $6, updated = $7 WHERE user_name = $1 AND brief_id = $2",
			a.user, id, r.Read, r.Starred, r.Position, r.Anchor, r.Updated)
		return err
	})
}

// eachPage is how many briefs Each fetches at once.
const eachPage = 500

// Analyze refreshes the planner's statistics of briefs (which words, entities
// and speakers are common), which Search's plans depend on.
func (a *Archive) Analyze(ctx context.Context) error {
	_, err := a.pool.Exec(ctx, "ANALYZE briefs")
	return err
}

// Each calls fn with every brief whose Seq is greater than after, whole, in
// Seq order (64 first, then eachPage at a time), until fn returns false.
func (a *Archive) Each(ctx context.Context, after int64, fn func(seq int64, b model.Article) bool) error {
	for page := 64; ; page = eachPage { // a reader's first screen at once
		rows, err := a.pool.Query(ctx, "SELECT seq, id FROM briefs WHERE seq > $1 ORDER BY seq LIMIT $2", after, page)
		if err != nil {
			return err
		}
		var ids []string
		var seqs []int64
		for rows.Next() {
			var seq int64
			var id string
			if err := rows.Scan(&seq, &id); err != nil {
				rows.Close()
				return err
			}
			ids, seqs = append(ids, id), append(seqs, seq)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		got, err := a.getMany(ctx, ids)
		if err != nil {
			return err
		}
		j := 0
		for i, id := range ids {
			if j < len(got) && got[j].ID == id {
				if !fn(seqs[i], got[j]) {
					return nil
				}
				j++
			}
		}
		after = seqs[len(seqs)-1]
	}
}

// Watch calls fn with the record of every brief put after the cursor, as
// they arrive, until ctx is done: it LISTENs on Channel on a connection of
// its own and lists what is new on each notification (and every poll
// interval, so that a notification lost while the server was away is
// caught up). A connection that fails is opened again, after a pause; down
// is told each time the server cannot be reached (nil when it is back).
func (a *Archive) Watch(ctx context.Context, after int64, poll time.Duration, fn func(archive.Record), down func(error)) error {
	if poll <= 0 {
		poll = time.Minute
	}
	catchUp := func() error {
		return a.List(ctx, after, func(r archive.Record) bool {
			fn(r)
			after = r.Seq
			return true
		})
	}
	failed := false
	for ctx.Err() == nil {
		err := func() error {
			conn, err := a.pool.Acquire(ctx)
			if err != nil {
				return err
			}
			defer conn.Release()
			if _, err := conn.Exec(ctx, "LISTEN "+Channel); err != nil {
				conn.Conn().Close(ctx) // not back to the pool while listening
				return err
			}
			defer conn.Conn().Close(context.Background())
			if failed && down != nil {
				down(nil)
			}
			failed = false
			for {
				if err := catchUp(); err != nil {
					return err
				}
				wctx, cancel := context.WithTimeout(ctx, poll)
				_, err := conn.Conn().WaitForNotification(wctx)
				cancel()
				if err != nil && ctx.Err() == nil && !errors.Is(err, context.DeadlineExceeded) {
					return err
				}
				if ctx.Err() != nil {
					return nil
				}
			}
		}()
		if err != nil && ctx.Err() == nil {
			if down != nil {
				down(err)
			}
			failed = true
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
		}
	}
	return nil
}
