-- Watchlists (saved searches) per reader, beside the reading marks: the
-- reader's W view, `briefs watch` and its alerts read them from here when
-- they read the shared archive.

-- +goose Up
CREATE TABLE watches (
    user_name text NOT NULL,
    name      text NOT NULL,
    query     text NOT NULL,
    reported  text[] NOT NULL DEFAULT '{}',  -- ids `briefs watch` has printed, so the next run prints only new ones
    updated   timestamptz NOT NULL,
    PRIMARY KEY (user_name, name)
);

-- +goose Down
DROP TABLE watches;
