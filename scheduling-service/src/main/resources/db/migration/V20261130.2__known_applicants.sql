-- Scheduling's own view of the applicants intake registered (from intake's applicant events):
-- a booking, reschedule or check-in naming an id intake never registered, or a withdrawn
-- applicant, is refused, and a caseworker acts only on applicants of their own site.
CREATE TABLE known_applicant (
    applicant_id       uuid        PRIMARY KEY,
    site_id            text        NOT NULL,
    household_id       uuid,
    preferred_language text,
    withdrawn          boolean     NOT NULL DEFAULT false,
    updated_at         timestamptz NOT NULL
);

-- A clinic upgraded in place has applicants registered before this table: the ones scheduling
-- already heard of through their documents are known from that.
INSERT INTO known_applicant (applicant_id, site_id, household_id, preferred_language, withdrawn, updated_at)
SELECT applicant_id, site_id, household_id, language, withdrawn, updated_at FROM ready_applicant
ON CONFLICT DO NOTHING;
