-- Wake the SMS dispatcher when messages are queued: NOTIFY is delivered at commit, one per
-- statement is enough (the dispatcher drains everything due).
CREATE FUNCTION message_queued_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('clinic_sms', '');
    RETURN NULL;
END $$;
CREATE TRIGGER message_queued_notify AFTER INSERT ON message
    FOR EACH STATEMENT EXECUTE FUNCTION message_queued_notify();
