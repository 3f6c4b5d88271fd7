-- Tessera: a new outbox event rings the relay's bell. Every statement that writes outbox events
-- notifies the channel tessera_outbox once (PostgreSQL delivers notifications at commit, and
-- folds a transaction's identical ones into one), so the worker tier's relays, which LISTEN on
-- it, dispatch the event at once instead of on their next poll. The poll stays as the fallback
-- for a relay whose listening connection is down.
CREATE FUNCTION tessera_outbox_notify() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tessera_outbox', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "OutboxEvent_notify"
  AFTER INSERT ON "OutboxEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION tessera_outbox_notify();
