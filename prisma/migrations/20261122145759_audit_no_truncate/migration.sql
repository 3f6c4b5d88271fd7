-- Tessera: the row-level append-only trigger does not see TRUNCATE, which would empty the audit
-- log in one statement. Refuse it too.
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION tessera_audit_append_only();
