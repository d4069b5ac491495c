-- The development gateway's texts by time: its viewer lists the newest first, its retention
-- purge deletes the oldest, and the bench counts accepted texts since the last it saw; each
-- scanned the whole table without this.
CREATE INDEX dev_sms_created ON dev_sms (created_at);
