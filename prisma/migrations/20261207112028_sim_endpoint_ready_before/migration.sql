-- The simulated cluster: the replicas ready when an endpoint last changed keep serving while the
-- change rolls out, as a Deployment's running pods do (a scale-up from 1 to 2 is degraded, not down).
-- AlterTable
ALTER TABLE "SimEndpoint" ADD COLUMN     "readyBefore" INTEGER NOT NULL DEFAULT 0;
