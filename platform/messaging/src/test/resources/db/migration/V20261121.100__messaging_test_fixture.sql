-- Test-only tables: a business row written beside outbox events, and the visible effect of
-- applying an event (deliberately without a unique key: only the inbox prevents doubles).
CREATE TABLE fixture_applicant (
    id       uuid PRIMARY KEY,
    category text NOT NULL
);
CREATE TABLE applied_effect (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid NOT NULL,
    applicant_id uuid NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now()
);
