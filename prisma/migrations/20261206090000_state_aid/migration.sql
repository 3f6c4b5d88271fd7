-- CreateEnum
CREATE TYPE "StateAidEntryKind" AS ENUM ('AWARD', 'DECLARED');

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "legalBasis" TEXT NOT NULL DEFAULT 'Commission Regulation (EU) 2023/2831 (de minimis aid)';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "actsEconomically" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stateAidGroupId" TEXT;

-- CreateTable
CREATE TABLE "UndertakingGroup" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "registryId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UndertakingGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StateAidAward" (
    "id" TEXT NOT NULL,
    "kind" "StateAidEntryKind" NOT NULL,
    "organizationId" TEXT NOT NULL,
    "undertakingGroupId" TEXT,
    "requestId" TEXT NOT NULL,
    "allocationId" TEXT,
    "programmeId" TEXT,
    "grantor" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "grantedOn" DATE NOT NULL,
    "grossGrantEquivalentMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'EUR',
    "ceilingMinor" BIGINT,
    "windowTotalMinor" BIGINT,
    "bookedById" TEXT,
    "bookedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StateAidAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeclaredDeMinimisAid" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "grantor" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "grantedOn" DATE NOT NULL,

    CONSTRAINT "DeclaredDeMinimisAid_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UndertakingGroup_country_registryId_key" ON "UndertakingGroup"("country", "registryId");

-- CreateIndex
CREATE UNIQUE INDEX "StateAidAward_allocationId_key" ON "StateAidAward"("allocationId");

-- CreateIndex
CREATE INDEX "StateAidAward_organizationId_grantedOn_idx" ON "StateAidAward"("organizationId", "grantedOn");

-- CreateIndex
CREATE INDEX "StateAidAward_undertakingGroupId_grantedOn_idx" ON "StateAidAward"("undertakingGroupId", "grantedOn");

-- CreateIndex
CREATE INDEX "StateAidAward_grantedOn_id_idx" ON "StateAidAward"("grantedOn", "id");

-- CreateIndex
CREATE INDEX "StateAidAward_requestId_idx" ON "StateAidAward"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "DeclaredDeMinimisAid_requestId_position_key" ON "DeclaredDeMinimisAid"("requestId", "position");

-- CreateIndex
CREATE INDEX "Organization_stateAidGroupId_idx" ON "Organization"("stateAidGroupId");

-- AddForeignKey
ALTER TABLE "StateAidAward" ADD CONSTRAINT "StateAidAward_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StateAidAward" ADD CONSTRAINT "StateAidAward_undertakingGroupId_fkey" FOREIGN KEY ("undertakingGroupId") REFERENCES "UndertakingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StateAidAward" ADD CONSTRAINT "StateAidAward_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclaredDeMinimisAid" ADD CONSTRAINT "DeclaredDeMinimisAid_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AllocationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_stateAidGroupId_fkey" FOREIGN KEY ("stateAidGroupId") REFERENCES "UndertakingGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The ledger's other references (kept: an application or award with state-aid records
-- cannot be deleted).
ALTER TABLE "StateAidAward" ADD CONSTRAINT "StateAidAward_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AllocationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StateAidAward" ADD CONSTRAINT "StateAidAward_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StateAidAward" ADD CONSTRAINT "StateAidAward_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UndertakingGroup" ADD CONSTRAINT "UndertakingGroup_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every ledger row is a positive amount in euro cents. An award names its allocation and
-- programme and keeps the ceiling and the rolling total it was booked against, which never
-- exceeds that ceiling; a declared row names neither.
ALTER TABLE "StateAidAward" ADD CONSTRAINT "StateAidAward_amount_check" CHECK ("grossGrantEquivalentMinor" > 0 AND "currency" = 'EUR');
ALTER TABLE "StateAidAward" ADD CONSTRAINT "StateAidAward_kind_check" CHECK (
  ("kind" = 'AWARD' AND "allocationId" IS NOT NULL AND "programmeId" IS NOT NULL
     AND "ceilingMinor" IS NOT NULL AND "windowTotalMinor" IS NOT NULL
     AND "windowTotalMinor" >= "grossGrantEquivalentMinor" AND "windowTotalMinor" <= "ceilingMinor")
  OR ("kind" = 'DECLARED' AND "allocationId" IS NULL AND "ceilingMinor" IS NULL AND "windowTotalMinor" IS NULL));
ALTER TABLE "DeclaredDeMinimisAid" ADD CONSTRAINT "DeclaredDeMinimisAid_amount_check" CHECK ("amountMinor" > 0 AND "position" >= 0);

-- The ledger is kept as booked: corrections are new rows, never edits.
CREATE FUNCTION tessera_state_aid_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'StateAidAward is immutable once booked';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "StateAidAward_immutable" BEFORE UPDATE OR DELETE ON "StateAidAward"
  FOR EACH ROW EXECUTE FUNCTION tessera_state_aid_immutable();
CREATE TRIGGER "StateAidAward_no_truncate" BEFORE TRUNCATE ON "StateAidAward"
  FOR EACH STATEMENT EXECUTE FUNCTION tessera_state_aid_immutable();
