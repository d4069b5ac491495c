-- The rule book as data the clinic keeps current (issue 14). Rows are never edited: a change is a
-- new row, and a row that replaces another names it in "supersedes" (which ends the old one on
-- the new one's effective date). The bundled rules are loaded at start-up when missing.
CREATE TABLE eligibility_rule (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text        NOT NULL UNIQUE,
    kind        text        NOT NULL,
    body        jsonb       NOT NULL,
    supersedes  text        REFERENCES eligibility_rule (id),
    added_by    text        NOT NULL,
    added_at    timestamptz NOT NULL
);
-- A rule is superseded once: two successors of one row would make "which is in force" ambiguous.
CREATE UNIQUE INDEX eligibility_rule_superseded_once ON eligibility_rule (supersedes) WHERE supersedes IS NOT NULL;
-- Refused like the audit log's edits (one function for every append-only table from here on).
CREATE FUNCTION refuse_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER eligibility_rule_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON eligibility_rule
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_edit();

-- The last eligibility decision announced for a case (an event goes out only when it changes),
-- the hold a policy action placed and the stage to return to when it is lifted, and a
-- supervisor's approval to book despite the decision.
ALTER TABLE applicant
    ADD COLUMN eligibility_status     text,
    ADD COLUMN earliest_filing_date   date,
    ADD COLUMN eligibility_signature  text,
    ADD COLUMN hold_reference         text,
    ADD COLUMN stage_before_hold      text,
    ADD COLUMN override_approved_by   text,
    ADD COLUMN override_reason        text;
CREATE INDEX applicant_open ON applicant (id) WHERE stage NOT IN ('filed', 'withdrawn');
CREATE INDEX applicant_hold_reference ON applicant (hold_reference) WHERE hold_reference IS NOT NULL;

-- A supervisor's action on every case a rule affects (hold or lift), run in the background.
CREATE TABLE policy_action (
    id            uuid        PRIMARY KEY,
    rule_id       text        NOT NULL REFERENCES eligibility_rule (id),
    action        text        NOT NULL CHECK (action IN ('hold', 'lift')),
    reason        text        NOT NULL,
    status        text        NOT NULL,
    total         integer     NOT NULL DEFAULT 0,
    processed     integer     NOT NULL DEFAULT 0,
    changed       integer     NOT NULL DEFAULT 0,
    requested_by  text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    finished_at   timestamptz
);
CREATE INDEX policy_action_rule ON policy_action (rule_id, requested_at DESC);
