-- The document service's own tables: checklists and their items, scans' metadata, audit.

CREATE TABLE checklist (
    applicant_id        uuid        PRIMARY KEY,
    household_id        uuid,
    site_id             text        NOT NULL,
    category            text        NOT NULL,
    preferred_language  text,
    prior_ead           boolean     NOT NULL DEFAULT false,
    fee_waiver_claimed  boolean     NOT NULL DEFAULT false,
    template_version    text        NOT NULL,
    ready               boolean     NOT NULL DEFAULT false,
    withdrawn           boolean     NOT NULL DEFAULT false,
    opened_at           timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0
);
CREATE INDEX checklist_site ON checklist (site_id, ready);

CREATE TABLE checklist_item (
    applicant_id  uuid        NOT NULL REFERENCES checklist (applicant_id),
    type          text        NOT NULL,
    required      boolean     NOT NULL,
    may_be_not_applicable boolean NOT NULL DEFAULT false,
    status        text        NOT NULL,
    reason        text,
    note          text,
    checked_by    text,
    checked_at    timestamptz,
    PRIMARY KEY (applicant_id, type)
);

CREATE TABLE scan (
    id            uuid        PRIMARY KEY,
    applicant_id  uuid        NOT NULL,
    document_type text        NOT NULL,
    storage_key   text        NOT NULL UNIQUE,
    media_type    text        NOT NULL,
    size_bytes    integer     NOT NULL,
    pages         integer     NOT NULL,
    sha256        text        NOT NULL,
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL
);
CREATE INDEX scan_applicant ON scan (applicant_id, document_type);

-- Append-only: every check, upload and view of a scan, by whom and when.
CREATE TABLE document_audit (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    applicant_id  uuid        NOT NULL,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    document_type text,
    detail        text,
    at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_audit_applicant ON document_audit (applicant_id, id);
CREATE FUNCTION document_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'document_audit is append-only';
END;
$$;
CREATE TRIGGER document_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON document_audit
    FOR EACH STATEMENT EXECUTE FUNCTION document_audit_is_append_only();
