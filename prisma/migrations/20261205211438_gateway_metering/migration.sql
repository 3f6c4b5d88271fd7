-- AlterTable
ALTER TABLE "UsageRecord" ADD COLUMN     "latencyMs" INTEGER,
ADD COLUMN     "timeToFirstTokenMs" INTEGER;

-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "lastRequestAt" TIMESTAMP(3);
