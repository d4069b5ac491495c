-- The notification service's tables: contact points, messages (each one's intent recorded
-- before the gateway is called), reminders, opt-outs, replies kept for caseworkers.

CREATE TABLE contact (
    applicant_id  uuid        PRIMARY KEY,
    phone         text,
    language      text        NOT NULL,
    sms_consent   boolean     NOT NULL,
    time_zone     text,
    site_id       text,
    withdrawn     boolean     NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX contact_phone ON contact (phone);

-- id is derived from (event id, template): a redelivered event maps to the same row.
CREATE TABLE message (
    id            uuid        PRIMARY KEY,
    applicant_id  uuid        NOT NULL,
    template_key  text        NOT NULL,
    language      text        NOT NULL,
    phone         text,
    body          text,
    segments      integer     NOT NULL,
    status        text        NOT NULL,
    not_before    timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    provider_id   text,
    error_code    text,
    created_at    timestamptz NOT NULL,
    sending_at    timestamptz,
    sent_at       timestamptz,
    delivered_at  timestamptz,
    purged        boolean     NOT NULL DEFAULT false
);
CREATE INDEX message_due ON message (not_before) WHERE status = 'pending';
CREATE INDEX message_sending ON message (sending_at) WHERE status = 'sending';
CREATE INDEX message_applicant ON message (applicant_id, created_at);
CREATE INDEX message_provider ON message (provider_id);
CREATE INDEX message_purge ON message (sent_at) WHERE NOT purged;

CREATE TABLE reminder (
    id              uuid        PRIMARY KEY,
    applicant_id    uuid        NOT NULL,
    appointment_id  uuid        NOT NULL,
    kind            text        NOT NULL,
    due_at          timestamptz NOT NULL,
    starts_at       timestamptz NOT NULL,
    site_name       text        NOT NULL,
    site_address    text        NOT NULL,
    time_zone       text        NOT NULL,
    status          text        NOT NULL
);
CREATE INDEX reminder_due ON reminder (due_at) WHERE status = 'pending';
CREATE INDEX reminder_appointment ON reminder (appointment_id);

CREATE TABLE opt_out (
    phone          text        PRIMARY KEY,
    opted_out_at   timestamptz NOT NULL
);

CREATE TABLE inbound_reply (
    id            uuid        PRIMARY KEY,
    provider_id   text        UNIQUE,
    phone         text,
    applicant_id  uuid,
    body          text,
    intent        text,
    received_at   timestamptz NOT NULL
);

-- The local development gateway's outbox to nowhere: what a phone would have received.
CREATE TABLE dev_sms (
    id          uuid        PRIMARY KEY,
    reference   uuid        NOT NULL UNIQUE,
    to_phone    text        NOT NULL,
    body        text        NOT NULL,
    language    text,
    status      text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX dev_sms_to ON dev_sms (to_phone, created_at DESC);
