-- A caseworker's import is limited to their site, also when it resumes after a restart.
ALTER TABLE roster_import ADD COLUMN restricted_to_site text;
