package pgarchive

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"briefs/articles/archive"
)

// AllReading returns the reading state of every brief the user has marked,
// by brief id, in one query (the reader reads it once at start).
func (a *Archive) AllReading(ctx context.Context) (map[string]archive.Reading, error) {
	rows, err := a.pool.Query(ctx, "SELECT brief_id, read, starred, position, anchor, updated FROM reading WHERE user_name = $1", a.user)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]archive.Reading{}
	for rows.Next() {
		var id string
		var r archive.Reading
		var updated *time.Time
		if err := rows.Scan(&id, &r.Read, &r.Starred, &r.Position, &r.Anchor, &updated); err != nil {
			return nil, err
		}
		if updated != nil {
			r.Updated = *updated
		}
		out[id] = r
	}
	return out, rows.Err()
}

// Watch is a watchlist kept on the server for one user: a saved search
// with a name.
type Watch struct {
	Name  string
	Query string
	// Reported are the ids of the briefs `briefs watch` has printed for it.
	Reported []string
	Updated  time.Time
}

// Watches returns the user's watchlists, in the order of their names.
func (a *Archive) Watches(ctx context.Context) ([]Watch, error) {
	rows, err := a.pool.Query(ctx, "SELECT name, query, reported, updated FROM watches WHERE user_name = $1 ORDER BY name", a.user)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (Watch, error) {
		var w Watch
		err := row.Scan(&w.Name, &w.Query, &w.Reported, &w.Updated)
		return w, err
	})
}

// UpdateWatch changes the user's watchlist called name with fn, the row
// locked meanwhile; a watchlist not kept yet starts empty (its name set).
func (a *Archive) UpdateWatch(ctx context.Context, name string, fn func(*Watch)) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("watchlist: empty name")
	}
	return pgx.BeginFunc(ctx, a.pool, func(tx pgx.Tx) error {
		w := Watch{Name: name}
		err := tx.QueryRow(ctx, "SELECT query, reported FROM watches WHERE user_name = $1 AND name = $2 FOR UPDATE", a.user, name).
			Scan(&w.Query, &w.Reported)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		fn(&w)
		w.Name, w.Updated = name, time.Now()
		if w.Reported == nil {
			w.Reported = []string{}
		}
		_, err = tx.Exec(ctx, `INSERT INTO watches (user_name, name, query, reported, updated) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (user_name, name) DO UPDATE SET query = EXCLUDED.query, reported = EXCLUDED.reported, updated = EXCLUDED.updated`,
			a.user, name, w.Query, w.Reported, w.Updated)
		if err != nil {
			return fmt.Errorf("watchlist %s: %w", name, err)
		}
		return nil
	})
}

// RemoveWatch removes the user's watchlist called name; false when there
// was none.
func (a *Archive) RemoveWatch(ctx context.Context, name string) (bool, error) {
	tag, err := a.pool.Exec(ctx, "DELETE FROM watches WHERE user_name = $1 AND name = $2", a.user, strings.TrimSpace(name))
	if err != nil {
		return false, err
	}
	return tag.RowsAffected() > 0, nil
}
