-- Timeline entries take their ids from a sequence that hands out 50 at a time (Hibernate's pooled
-- optimizers), instead of an identity column: with an identity, Hibernate must insert each entry
-- on its own to learn its id, so a poll of events could not insert its entries in one JDBC batch.
-- The sequence starts 51 past the highest id, clear of existing rows whether Hibernate reads a
-- value as the low or the high end of its block. The column default serves inserts naming no id.
CREATE SEQUENCE timeline_entry_ids INCREMENT BY 50;
SELECT setval('timeline_entry_ids', (SELECT COALESCE(max(id), 0) + 51 FROM timeline_entry), false);
ALTER TABLE timeline_entry ALTER COLUMN id DROP IDENTITY IF EXISTS;
ALTER TABLE timeline_entry ALTER COLUMN id SET DEFAULT nextval('timeline_entry_ids');
ALTER SEQUENCE timeline_entry_ids OWNED BY timeline_entry.id;
