-- Intake's own tables: the applicant (the case), its timeline, the audit log, roster imports.

CREATE TABLE applicant (
    id                       uuid        PRIMARY KEY,
    given_name               text        NOT NULL,
    family_name              text        NOT NULL,
    -- Lower-case, accent-free forms for prefix search and the duplicate rule.
    given_key                text        NOT NULL,
    family_key               text        NOT NULL,
    date_of_birth            date        NOT NULL,
    country_of_citizenship   char(2)     NOT NULL,
    preferred_language       text        NOT NULL,
    phone_e164               text,
    phone_region             char(2)     NOT NULL,
    sms_consent              boolean     NOT NULL,
    sms_consent_recorded_by  text,
    sms_consent_recorded_at  timestamptz,
    -- A-number: AES-GCM ciphertext, keyed fingerprint (duplicates), last four digits (masked search).
    a_number_cipher          bytea,
    a_number_fingerprint     text,
    a_number_last4           char(4),
    household_id             uuid,
    site_id                  text        NOT NULL,
    category                 text        NOT NULL,
    asylum_filed_on          date,
    asylum_lodged_on         date,
    clock_stopped_days       integer     NOT NULL DEFAULT 0,
    last_arrival_on          date,
    parole_end_date          date,
    parole_program           text,
    tps_country              char(2),
    prior_ead                boolean     NOT NULL DEFAULT false,
    fee_waiver_basis         text        NOT NULL DEFAULT 'NONE',
    filing_method            text        NOT NULL DEFAULT 'PAPER',
    stage                    text        NOT NULL,
    hold_reason              text,
    receipt_number           text,
    documents_ready          boolean     NOT NULL DEFAULT false,
    created_by               text        NOT NULL,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    version                  bigint      NOT NULL DEFAULT 0
);
-- The duplicate rules, enforced by the database: same A-number, or same name + birth date + phone.
CREATE UNIQUE INDEX applicant_a_number_unique ON applicant (a_number_fingerprint) WHERE a_number_fingerprint IS NOT NULL;
CREATE UNIQUE INDEX applicant_person_unique ON applicant (family_key, given_key, date_of_birth, phone_e164)
    WHERE phone_e164 IS NOT NULL;
-- Search and lists over 100,000 cases: newest first within filters, prefixes of names, exact phone.
CREATE INDEX applicant_created ON applicant (created_at DESC, id DESC);
CREATE INDEX applicant_site_stage ON applicant (site_id, stage, created_at DESC);
CREATE INDEX applicant_family_key ON applicant (family_key text_pattern_ops);
CREATE INDEX applicant_given_key ON applicant (given_key text_pattern_ops);
CREATE INDEX applicant_phone ON applicant (phone_e164);
CREATE INDEX applicant_a_number_last4 ON applicant (a_number_last4);
CREATE INDEX applicant_household ON applicant (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX applicant_open_by_category ON applicant (category, parole_program, tps_country)
    WHERE stage NOT IN ('filed', 'withdrawn');

-- Everything that happened to a case, from all four services, in order.
CREATE TABLE timeline_entry (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    applicant_id uuid        NOT NULL,
    event_id     uuid        NOT NULL UNIQUE,
    event_type   text        NOT NULL,
    source       text        NOT NULL,
    actor        text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    summary      text        NOT NULL
);
CREATE INDEX timeline_entry_applicant ON timeline_entry (applicant_id, occurred_at, id);

-- Append-only record of every read and change of a case by a person.
CREATE TABLE audit_entry (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    applicant_id uuid,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    detail       text,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_entry_applicant ON audit_entry (applicant_id, id);
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

-- Roster imports: one row per uploaded file (its hash makes re-uploads idempotent), with progress.
CREATE TABLE roster_import (
    id            uuid        PRIMARY KEY,
    content_hash  text        NOT NULL UNIQUE,
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL,
    status        text        NOT NULL,
    total_rows    integer     NOT NULL,
    processed     integer     NOT NULL DEFAULT 0,
    registered    integer     NOT NULL DEFAULT 0,
    duplicates    integer     NOT NULL DEFAULT 0,
    errors        jsonb       NOT NULL DEFAULT '[]',
    content       bytea,
    finished_at   timestamptz
);
