-- Who read which applicant's data (appointments, the day's queue, the waitlist, texts, replies):
-- one row per applicant per read, append-only (issue 16: reads are audited everywhere).
CREATE TABLE read_audit (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    applicant_id uuid        NOT NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX read_audit_applicant ON read_audit (applicant_id, id);
CREATE FUNCTION read_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'read_audit is append-only';
END;
$$;
CREATE TRIGGER read_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON read_audit
    FOR EACH STATEMENT EXECUTE FUNCTION read_audit_is_append_only();
