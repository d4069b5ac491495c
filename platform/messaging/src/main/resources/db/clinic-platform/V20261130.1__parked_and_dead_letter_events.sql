-- Parking: an event whose prerequisite has not arrived (ArrivedEarly) waits here, keyed by
-- applicant, instead of holding its Kafka partition. Later events of the same consumer and
-- applicant queue behind it, so one applicant's order is kept while every other applicant
-- flows. The head of each (consumer, applicant) queue is tried again when the prerequisite's
-- handler releases the applicant, or at next_attempt_at (backoff), and goes to the
-- dead-letter topic once parked longer than the configured bound. See InboxProcessor.
CREATE TABLE parked_event (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer        text        NOT NULL,
    parking_key     text        NOT NULL,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    headers         jsonb       NOT NULL,
    payload         bytea       NOT NULL,
    -- What the event waits for ("the applicant's contact point"), or that it queues behind an
    -- earlier parked event of the same applicant.
    waiting_for     text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    parked_at       timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    -- A redelivered record (offset not yet committed when the consumer stopped) parks once.
    UNIQUE (consumer, event_id)
);
CREATE INDEX parked_event_queue ON parked_event (consumer, parking_key, id);
CREATE INDEX parked_event_key ON parked_event (parking_key);
CREATE INDEX parked_event_due ON parked_event (next_attempt_at);

-- Every record this service's consumers gave up on: unparseable, failing after the last
-- attempt, or parked past the bound. The record also goes to <topic>.dlq; this copy lets an
-- operator list and re-drive it (GET/POST /api/admin/messaging/dead-letters) without reading
-- the topic. Payloads stay in the service's own database, as the event's effects would.
CREATE TABLE dead_letter_event (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer        text        NOT NULL,
    parking_key     text,
    event_id        uuid,
    event_type      text,
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    headers         jsonb       NOT NULL,
    payload         bytea,
    reason          text        NOT NULL,
    dead_at         timestamptz NOT NULL DEFAULT now(),
    -- Set when a re-drive applied, skipped or parked it; null while it still needs a person.
    redriven_at     timestamptz,
    redrive_outcome text,
    UNIQUE (consumer, topic, kafka_partition, kafka_offset)
);
CREATE INDEX dead_letter_event_open ON dead_letter_event (consumer, dead_at) WHERE redriven_at IS NULL;

-- Extra Kafka headers of an outbox row (trace context), sent after the CloudEvents headers
-- the columns give; for a raw row (a record forwarded to a dead-letter topic as it was read)
-- they are the record's whole header set.
ALTER TABLE outbox_event ADD COLUMN headers jsonb;
ALTER TABLE outbox_event ADD COLUMN raw boolean NOT NULL DEFAULT false;
