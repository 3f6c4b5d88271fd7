-- AlterEnum
ALTER TYPE "ResourceKind" ADD VALUE 'TOKENS';

-- AlterTable
ALTER TABLE "UsageRecord" ADD COLUMN     "quotaHoldId" TEXT;

-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "fallbackModelId" TEXT,
ADD COLUMN     "tokenResourceClassId" TEXT;

-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "shared" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "QuotaHold" ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_tokenResourceClassId_fkey" FOREIGN KEY ("tokenResourceClassId") REFERENCES "ResourceClass"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_fallbackModelId_fkey" FOREIGN KEY ("fallbackModelId") REFERENCES "Model"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A dead gateway's lease is settled from the records metered against it: found by lease, and
-- only token records on shared models carry one.
CREATE INDEX "UsageRecord_quotaHoldId_idx" ON "UsageRecord" ("quotaHoldId") WHERE "quotaHoldId" IS NOT NULL;

-- The worker's sweep reads the leases still open after they expired.
CREATE INDEX "QuotaHold_open_leases_idx" ON "QuotaHold" ("expiresAt") WHERE "status" = 'ACTIVE' AND "expiresAt" IS NOT NULL;

ALTER TABLE "Model" ADD CONSTRAINT "Model_fallback_not_itself_check"
  CHECK ("fallbackModelId" IS NULL OR "fallbackModelId" <> "id");
