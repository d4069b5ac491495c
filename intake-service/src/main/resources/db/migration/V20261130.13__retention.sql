-- When a closed case's personal fields were purged (issue 16: retention). Statistics stay: site,
-- category, stage, dates, language, the birth year.
ALTER TABLE applicant ADD COLUMN purged_at timestamptz;
CREATE INDEX applicant_closed_unpurged ON applicant (updated_at) WHERE purged_at IS NULL AND stage IN ('filed', 'withdrawn');
