-- The service runs as ${runtime_role}, a role that reads and writes rows and nothing more (issue 16):
-- migrations run as the database's owner, which alone may alter tables or drop a trigger such as
-- the audit log's append-only guard. Tables the owner creates later are granted the same way.
GRANT USAGE ON SCHEMA public TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${runtime_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${runtime_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtime_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${runtime_role};
-- The migration history is the owner's alone (unless one role does both, as nowhere the clinic runs).
DO $$
BEGIN
    IF current_user <> '${runtime_role}' THEN
        EXECUTE 'REVOKE ALL ON flyway_schema_history FROM ${runtime_role}';
    END IF;
END
$$;
