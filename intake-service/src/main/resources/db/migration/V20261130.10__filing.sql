-- Issue 15: the I-765 answers, the certifications and consents as they happen, the checklist
-- as document-service reports it, and the filing itself.

-- The form's answers, one row per case. Plain answers are JSON (they change with the form's
-- edition); the I-94, passport, travel-document and Social Security numbers are AES-GCM
-- ciphertext like the A-number, with their last four characters for the masked view.
CREATE TABLE i765_form (
    applicant_id          uuid PRIMARY KEY REFERENCES applicant (id),
    answers               text        NOT NULL,
    i94_cipher            bytea,
    i94_last4             text,
    passport_cipher       bytea,
    passport_last4        text,
    travel_doc_cipher     bytea,
    travel_doc_last4      text,
    ssn_cipher            bytea,
    ssn_last4             text,
    updated_by            text        NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               bigint      NOT NULL DEFAULT 0
);

-- Parts 3 to 5 of the I-765 (the applicant's statement, the interpreter's and the preparer's
-- certifications) as they were given: who, when, which text. Never edited: a correction is a
-- new row, and the newest row of a kind is the one that counts.
CREATE TABLE certification (
    id                    uuid PRIMARY KEY,
    applicant_id          uuid        NOT NULL REFERENCES applicant (id),
    kind                  text        NOT NULL,
    text_version          text        NOT NULL,
    language              text,
    via_interpreter       boolean     NOT NULL DEFAULT false,
    person_name           text,
    organization          text,
    phone                 text,
    email                 text,
    guardian_name         text,
    guardian_relationship text,
    recorded_by           text        NOT NULL,
    recorded_at           timestamptz NOT NULL
);
CREATE INDEX certification_by_applicant ON certification (applicant_id, kind, recorded_at);
CREATE TRIGGER certification_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON certification
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_edit();

-- Consents (SMS; disclosure to the Social Security Administration) as a ledger: each grant and
-- each withdrawal is a row; the newest row of a kind is the consent in force.
CREATE TABLE consent (
    id                    uuid PRIMARY KEY,
    applicant_id          uuid        NOT NULL REFERENCES applicant (id),
    kind                  text        NOT NULL,
    granted               boolean     NOT NULL,
    recorded_by           text        NOT NULL,
    recorded_at           timestamptz NOT NULL
);
CREATE INDEX consent_by_applicant ON consent (applicant_id, kind, recorded_at);
CREATE TRIGGER consent_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON consent
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_edit();
-- The SMS consents given at registration so far start the ledger.
INSERT INTO consent (id, applicant_id, kind, granted, recorded_by, recorded_at)
SELECT gen_random_uuid(), id, 'sms', sms_consent, coalesce(sms_consent_recorded_by, created_by),
       coalesce(sms_consent_recorded_at, created_at)
FROM applicant;

-- The checklist as document-service announced it: each required item and what became of it.
CREATE TABLE checklist_item (
    applicant_id          uuid        NOT NULL REFERENCES applicant (id),
    document_type         text        NOT NULL,
    status                text        NOT NULL,
    checked_by            text,
    checked_at            timestamptz,
    PRIMARY KEY (applicant_id, document_type)
);

-- The filing: when, how, and how the fee was met.
ALTER TABLE applicant
    ADD COLUMN filed_on          date,
    ADD COLUMN filed_method      text,
    ADD COLUMN fee_status        text,
    ADD COLUMN receipt_recorded_at timestamptz;
