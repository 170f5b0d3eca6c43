-- A brief's entities, mentions and quotes are written and removed with the
-- brief, in the same transaction, by the program alone: the foreign keys
-- checked each row again (a trigger per row), which made writing a batch
-- of 256 briefs (~7,000 entity and mention rows) take about twice as long.

-- +goose Up
ALTER TABLE mentions DROP CONSTRAINT mentions_brief_id_entity_ord_fkey;
ALTER TABLE brief_entities DROP CONSTRAINT brief_entities_brief_id_fkey;
ALTER TABLE quotes DROP CONSTRAINT quotes_brief_id_fkey;

-- +goose Down
ALTER TABLE quotes ADD FOREIGN KEY (brief_id) REFERENCES briefs (id) ON DELETE CASCADE;
ALTER TABLE brief_entities ADD FOREIGN KEY (brief_id) REFERENCES briefs (id) ON DELETE CASCADE;
ALTER TABLE mentions ADD FOREIGN KEY (brief_id, entity_ord) REFERENCES brief_entities (brief_id, ord) ON DELETE CASCADE;
