-- Eligibility gates booking (issue 14): scheduling keeps intake's last eligibility decision for
-- each applicant, and why (and until when) a ready applicant waits.
ALTER TABLE known_applicant
    ADD COLUMN eligibility_status  text,
    ADD COLUMN eligible_from       date,
    ADD COLUMN hold_reference      text,
    ADD COLUMN overridden          boolean NOT NULL DEFAULT false;
ALTER TABLE ready_applicant
    ADD COLUMN waitlist_reason     text,
    ADD COLUMN eligible_from       date;
