-- Scheduling's own tables: sites, sessions and their slots, appointments, and the applicants
-- that documents made ready (the waitlist is the ready ones without an active appointment).

CREATE TABLE site (
    id          text        PRIMARY KEY,
    name        text        NOT NULL,
    address     text        NOT NULL,
    time_zone   text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE clinic_session (
    id            uuid        PRIMARY KEY,
    site_id       text        NOT NULL REFERENCES site (id),
    session_date  date        NOT NULL,
    start_time    time        NOT NULL,
    end_time      time        NOT NULL,
    slot_minutes  integer     NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    stations      integer     NOT NULL CHECK (stations BETWEEN 1 AND 500),
    languages     text        NOT NULL,
    closed        boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    CHECK (end_time > start_time)
);
CREATE INDEX clinic_session_site_date ON clinic_session (site_id, session_date);

-- A slot's capacity is enforced here, not in Java: a seat is taken by
-- UPDATE ... SET booked = booked + 1 WHERE booked < capacity, and the CHECK stops anything else.
CREATE TABLE slot (
    id          uuid        PRIMARY KEY,
    session_id  uuid        NOT NULL REFERENCES clinic_session (id),
    site_id     text        NOT NULL,
    starts_at   timestamptz NOT NULL,
    capacity    integer     NOT NULL,
    booked      integer     NOT NULL DEFAULT 0,
    CHECK (booked >= 0 AND booked <= capacity),
    UNIQUE (session_id, starts_at)
);
CREATE INDEX slot_free ON slot (site_id, starts_at) WHERE booked < capacity;

CREATE TABLE appointment (
    id                  uuid        PRIMARY KEY,
    applicant_id        uuid        NOT NULL,
    household_id        uuid,
    site_id             text        NOT NULL,
    slot_id             uuid        NOT NULL REFERENCES slot (id),
    starts_at           timestamptz NOT NULL,
    language            text,
    status              text        NOT NULL,
    receipt_number      text,
    checked_in_at       timestamptz,
    completed_at        timestamptz,
    no_show_rebooked    boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0
);
-- One active appointment per applicant, by construction too.
CREATE UNIQUE INDEX appointment_one_active ON appointment (applicant_id)
    WHERE status IN ('booked', 'confirmed', 'checked_in', 'on_hold');
CREATE INDEX appointment_slot ON appointment (slot_id) WHERE status IN ('booked', 'confirmed', 'checked_in', 'on_hold');
CREATE INDEX appointment_site_day ON appointment (site_id, starts_at);
CREATE INDEX appointment_household ON appointment (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE ready_applicant (
    applicant_id   uuid        PRIMARY KEY,
    household_id   uuid,
    site_id        text        NOT NULL,
    language       text,
    ready          boolean     NOT NULL,
    withdrawn      boolean     NOT NULL DEFAULT false,
    waitlisted_at  timestamptz,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX ready_applicant_waitlist ON ready_applicant (site_id, waitlisted_at) WHERE waitlisted_at IS NOT NULL;
