-- Three consumers write a contact row (intake's contact point, intake's applicant facts, the
-- booking's time zone). Each writes the whole row, so without a version one could put back what
-- another had just changed; with it the later writer fails and the inbox retries it.
ALTER TABLE contact ADD COLUMN version bigint NOT NULL DEFAULT 0;
