-- The key version that sealed each identity number (issue 16). NULL marks a value sealed before
-- key versions existed: key 1, without associated data; the rotation job re-seals those too.
ALTER TABLE applicant ADD COLUMN a_number_key_version smallint;
ALTER TABLE i765_form ADD COLUMN key_version smallint;
