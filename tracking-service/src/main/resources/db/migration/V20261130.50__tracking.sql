-- Filed cases whose USCIS status the tracker follows: one row per applicant with a receipt.
CREATE TABLE tracked_case (
    applicant_id      uuid PRIMARY KEY,
    receipt_number    varchar(13) NOT NULL UNIQUE,
    recorded_at       timestamptz NOT NULL,
    status            varchar(32),
    uscis_status      varchar(200),
    status_date       date,
    status_changed_at timestamptz,
    last_checked_at   timestamptz,
    next_check_at     timestamptz NOT NULL,
    checks            integer NOT NULL DEFAULT 0,
    failures          integer NOT NULL DEFAULT 0,
    -- How much of the quota the case deserves (PollSchedule): new filings and cases in motion 4, settled 1, quiet 0.5.
    weight            double precision NOT NULL DEFAULT 4,
    closed            boolean NOT NULL DEFAULT false,
    version           bigint NOT NULL DEFAULT 0
);
-- The poller's question, every tick: which open cases are due, oldest first.
CREATE INDEX tracked_case_due ON tracked_case (next_check_at) WHERE NOT closed;

-- Calls spent against USCIS's daily quota, per USCIS day: incremented before each call, never past the limit.
CREATE TABLE uscis_quota (
    day  date PRIMARY KEY,
    used integer NOT NULL
);
