-- Every retention run, dry or not (issue 16): which data class, the cutoff, how many records it
-- found or purged, who ran it. Append-only, like the other audit trails.
CREATE TABLE retention_run (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    data_class  text        NOT NULL,
    cutoff      timestamptz NOT NULL,
    records     bigint      NOT NULL,
    dry_run     boolean     NOT NULL,
    actor       text        NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION retention_run_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'retention_run is append-only';
END;
$$;
CREATE TRIGGER retention_run_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON retention_run
    FOR EACH STATEMENT EXECUTE FUNCTION retention_run_is_append_only();
