-- Audit ids come from a sequence 50 at a time (issue 17): with an identity column Hibernate had to
-- insert each entry on its own to learn its id, and that insert first flushed every insert queued
-- before it, so a registration's audit entry cut its JDBC batch in two. The sequence starts 51
-- past the highest id, clear of existing rows whether Hibernate reads a value as the low or the
-- high end of its block. The column default serves the search's multi-row insert, which names no
-- id. The append-only trigger is untouched.
CREATE SEQUENCE audit_entry_ids INCREMENT BY 50;
SELECT setval('audit_entry_ids', (SELECT COALESCE(max(id), 0) + 51 FROM audit_entry), false);
ALTER TABLE audit_entry ALTER COLUMN id DROP IDENTITY IF EXISTS;
ALTER TABLE audit_entry ALTER COLUMN id SET DEFAULT nextval('audit_entry_ids');
ALTER SEQUENCE audit_entry_ids OWNED BY audit_entry.id;
