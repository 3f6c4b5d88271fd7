-- Tessera: the audit chain's tail, read after taking the chain's lock, so that one statement can
-- lock, read the tail and append (recordAuditEvent). A statement's own snapshot is taken before
-- it waits for a lock and could miss an event committed meanwhile; each query of a VOLATILE
-- function takes a fresh snapshot, so the tail read here includes every event committed before
-- the lock was granted. The lock (7355608, the chain's advisory lock) is held until commit.
CREATE FUNCTION tessera_audit_chain_tail() RETURNS text
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7355608);
  RETURN COALESCE(
    (SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1),
    repeat('0', 64)
  );
END
$$;
