-- Surge planning: an applicant filed (intake's case-filed) no longer waits for a visit.
ALTER TABLE known_applicant ADD COLUMN filed_at timestamptz;
-- The backlog's question: who at a site is registered, not withdrawn and not filed.
CREATE INDEX known_applicant_backlog ON known_applicant (site_id) WHERE NOT withdrawn AND filed_at IS NULL;
