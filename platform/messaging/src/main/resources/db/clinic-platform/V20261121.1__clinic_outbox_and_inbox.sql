-- Platform tables every service gets from clinic-messaging (location db/clinic-platform).
-- Migration versions are dates (VYYYYMMDD.N) across the platform and the services, so a
-- platform migration added later always sorts after the migrations a service already has.

-- Transactional outbox: written in the same transaction as the state change it announces,
-- drained by the relay (see OutboxRelay), deleted once the broker acknowledged it.
CREATE TABLE outbox_event (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       uuid        NOT NULL UNIQUE,
    event_type     text        NOT NULL,
    source         text        NOT NULL,
    subject        text        NOT NULL,
    correlation_id text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    topic          text        NOT NULL,
    event_key      text        NOT NULL,
    -- Rows of one key share a shard; one relay at a time drains a shard, in id order.
    shard          smallint    NOT NULL,
    payload        bytea       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_event_shard_id ON outbox_event (shard, id);

-- A queue table: rows live for milliseconds. Vacuum and analyze it on row counts, not on a
-- fraction of a table that is nearly always empty, so the planner never sees a stale picture.
ALTER TABLE outbox_event SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 5000
);

-- Wake the relay when rows commit (NOTIFY is delivered at commit; one per statement is enough).
CREATE FUNCTION clinic_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('clinic_outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION clinic_outbox_notify();

-- Inbox: one row per (event, consumer) applied. Inserted in the handler's own transaction;
-- a conflict means the event was already applied and the handler is skipped.
CREATE TABLE processed_event (
    event_id     uuid        NOT NULL,
    consumer     text        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
