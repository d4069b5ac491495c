-- Whether intake's contact-point event for the applicant has been applied (a contact row can
-- exist earlier, made from an applicant event). Triggers wait for it instead of suppressing
-- the SMS. Rows that existed before were complete as far as they could be: known.
ALTER TABLE contact ADD COLUMN contact_point_known boolean NOT NULL DEFAULT false;
UPDATE contact SET contact_point_known = true;
