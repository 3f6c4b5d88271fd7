-- The endpoint sweep reads the endpoints still leaving a namespace (DELETING, or DELETED or FAILED
-- with pods the quota last counted: quotaReplicas > 0) on every pass. By status and quotaReplicas
-- both in the index, the deleted endpoints that have left (which only grow) are not walked; the
-- index still serves lookups by status alone.
-- DropIndex
DROP INDEX "Endpoint_status_idx";

-- CreateIndex
CREATE INDEX "Endpoint_status_quotaReplicas_idx" ON "Endpoint"("status", "quotaReplicas");
