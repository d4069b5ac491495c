-- How each consent was given or withdrawn (issue 16: who, when and how): in person at the clinic,
-- in writing, or by the applicant's own text message.
ALTER TABLE consent ADD COLUMN method text NOT NULL DEFAULT 'in-person';
