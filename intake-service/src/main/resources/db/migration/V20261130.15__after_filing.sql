-- After filing: USCIS's status as the tracking service reads it, the mailing address history,
-- and the tasks that ask a caseworker to act ("Needs attention").
ALTER TABLE applicant ADD COLUMN uscis_status text;
ALTER TABLE applicant ADD COLUMN uscis_status_title text;
ALTER TABLE applicant ADD COLUMN uscis_status_date date;

-- Where mail reaches the applicant: the address on the form at filing, then each move.
CREATE TABLE mailing_address (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    applicant_id uuid        NOT NULL REFERENCES applicant (id),
    reason       text        NOT NULL CHECK (reason IN ('filing', 'move')),
    in_care_of   text,
    street       text        NOT NULL,
    unit         text,
    city         text        NOT NULL,
    state        text        NOT NULL,
    zip_code     text        NOT NULL,
    effective_on date        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL
);
CREATE INDEX mailing_address_applicant ON mailing_address (applicant_id, effective_on, id);

-- What a caseworker must do about a case: raised by an event (once: the event id and kind are
-- unique), ticked off with the date it was done.
CREATE TABLE case_task (
    id              uuid        PRIMARY KEY,
    applicant_id    uuid        NOT NULL REFERENCES applicant (id),
    kind            text        NOT NULL,
    detail          text,
    due_on          date,
    created_at      timestamptz NOT NULL,
    source_event_id uuid        NOT NULL,
    done_on         date,
    done_by         text,
    done_at         timestamptz,
    UNIQUE (source_event_id, kind)
);
CREATE INDEX case_task_open ON case_task (created_at) WHERE done_on IS NULL;
CREATE INDEX case_task_applicant ON case_task (applicant_id);
