-- Test-only: a rule PostgreSQL checks only at COMMIT, so a test can make a transaction fail after
-- its before-completion work (the outbox's write) has run.
CREATE TABLE fixture_checked_at_commit (
    id int NOT NULL,
    CONSTRAINT fixture_checked_at_commit_unique UNIQUE (id) DEFERRABLE INITIALLY DEFERRED
);
