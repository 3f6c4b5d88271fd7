-- What the namespace's quota last counted for each endpoint (its desired replicas, or the pods
-- still there when more), so that the sweep converges the quota again once they have gone. Rows
-- from before count 0: their quota is converged again on their next deploy or scale.
-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "quotaReplicas" INTEGER NOT NULL DEFAULT 0;
