-- Test-only: the prerequisite FixtureConsumer's "needs-contact" events wait for, written by
-- FixturePrerequisites from ContactPointChanged events.
CREATE TABLE fixture_prerequisite (
    applicant_id uuid PRIMARY KEY
);
