-- Audit ids come from a sequence 50 at a time (issue 17): with an identity column every entry was
-- inserted on its own to learn its id, so a checklist save's seven "check" entries made seven
-- round trips instead of one JDBC batch. The sequence starts 51 past the highest id, clear of
-- existing rows whether Hibernate reads a value as the low or the high end of its block. The
-- column default serves inserts naming no id. The append-only trigger is untouched.
CREATE SEQUENCE document_audit_ids INCREMENT BY 50;
SELECT setval('document_audit_ids', (SELECT COALESCE(max(id), 0) + 51 FROM document_audit), false);
ALTER TABLE document_audit ALTER COLUMN id DROP IDENTITY IF EXISTS;
ALTER TABLE document_audit ALTER COLUMN id SET DEFAULT nextval('document_audit_ids');
ALTER SEQUENCE document_audit_ids OWNED BY document_audit.id;
