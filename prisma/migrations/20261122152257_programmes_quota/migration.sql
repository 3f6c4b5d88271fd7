-- CreateEnum
CREATE TYPE "ResourceKind" AS ENUM ('GPU', 'MIG', 'CPU');

-- CreateEnum
CREATE TYPE "ClusterKind" AS ENUM ('SLURM', 'KUBERNETES', 'SIM');

-- CreateEnum
CREATE TYPE "AllocationRequestStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "QuotaHoldStatus" AS ENUM ('ACTIVE', 'SETTLED', 'RELEASED');

-- CreateEnum
CREATE TYPE "QuotaLedgerKind" AS ENUM ('HOLD', 'SETTLE', 'RELEASE');

-- CreateTable
CREATE TABLE "ResourceClass" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "unit" TEXT NOT NULL,
    "listPriceMinorPerHour" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "powerDrawWatts" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResourceClass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ClusterKind" NOT NULL,
    "region" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "endpoint" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterResource" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "resourceClassId" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "slurmPartition" TEXT,
    "slurmGres" TEXT,
    "k8sResourceName" TEXT,
    "k8sNodeSelector" JSONB,

    CONSTRAINT "ClusterResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "organizationId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sponsor" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "budgetMinor" BIGINT NOT NULL,
    "awardedMinor" BIGINT NOT NULL DEFAULT 0,
    "subsidyRateBps" INTEGER NOT NULL,
    "eligibleKinds" "OrganizationKind"[],
    "eligibleCountries" TEXT[],
    "orgCapMinor" BIGINT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeCall" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgrammeCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeOrganizationAward" (
    "programmeId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "awardedMinor" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgrammeOrganizationAward_pkey" PRIMARY KEY ("programmeId","organizationId")
);

-- CreateTable
CREATE TABLE "AllocationRequest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "status" "AllocationRequestStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "justification" TEXT NOT NULL,
    "dataClassification" "DataClassification" NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "submittedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AllocationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationRequestLine" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "resourceClassId" TEXT NOT NULL,
    "unitHours" INTEGER NOT NULL,
    "listPriceMinorPerHour" INTEGER NOT NULL,
    "grantedUnitHours" INTEGER,

    CONSTRAINT "AllocationRequestLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationRequestEvent" (
    "id" BIGSERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "fromStatus" "AllocationRequestStatus",
    "toStatus" "AllocationRequestStatus" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllocationRequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "assignedById" TEXT NOT NULL,
    "score" INTEGER,
    "comment" TEXT,
    "scoredAt" TIMESTAMP(3),
    "conflictDeclaredAt" TIMESTAMP(3),
    "conflictReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Allocation" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "subsidyRateBps" INTEGER NOT NULL,
    "listValueMinor" BIGINT NOT NULL,
    "programmeShareMinor" BIGINT NOT NULL,
    "tenantShareMinor" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllocationLine" (
    "id" TEXT NOT NULL,
    "allocationId" TEXT NOT NULL,
    "resourceClassId" TEXT NOT NULL,
    "grantedUnitSeconds" BIGINT NOT NULL,
    "heldUnitSeconds" BIGINT NOT NULL DEFAULT 0,
    "consumedUnitSeconds" BIGINT NOT NULL DEFAULT 0,
    "listPriceMinorPerHour" INTEGER NOT NULL,

    CONSTRAINT "AllocationLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuotaHold" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "allocationLineId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "unitSeconds" BIGINT NOT NULL,
    "status" "QuotaHoldStatus" NOT NULL DEFAULT 'ACTIVE',
    "settledUnitSeconds" BIGINT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "QuotaHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuotaLedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "allocationLineId" TEXT NOT NULL,
    "holdId" TEXT NOT NULL,
    "kind" "QuotaLedgerKind" NOT NULL,
    "heldDeltaUnitSeconds" BIGINT NOT NULL,
    "consumedDeltaUnitSeconds" BIGINT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sealedByAuditEventId" BIGINT,

    CONSTRAINT "QuotaLedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResourceClass_code_key" ON "ResourceClass"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_code_key" ON "Cluster"("code");

-- CreateIndex
CREATE INDEX "ClusterResource_resourceClassId_idx" ON "ClusterResource"("resourceClassId");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterResource_clusterId_resourceClassId_key" ON "ClusterResource"("clusterId", "resourceClassId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_organizationId_createdAt_idx" ON "Notification"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_slug_key" ON "Programme"("slug");

-- CreateIndex
CREATE INDEX "ProgrammeCall_programmeId_opensAt_idx" ON "ProgrammeCall"("programmeId", "opensAt");

-- CreateIndex
CREATE INDEX "ProgrammeOrganizationAward_organizationId_idx" ON "ProgrammeOrganizationAward"("organizationId");

-- CreateIndex
CREATE INDEX "AllocationRequest_organizationId_createdAt_idx" ON "AllocationRequest"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "AllocationRequest_programmeId_status_idx" ON "AllocationRequest"("programmeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AllocationRequestLine_requestId_resourceClassId_key" ON "AllocationRequestLine"("requestId", "resourceClassId");

-- CreateIndex
CREATE INDEX "AllocationRequestEvent_requestId_id_idx" ON "AllocationRequestEvent"("requestId", "id");

-- CreateIndex
CREATE INDEX "Review_reviewerId_createdAt_idx" ON "Review"("reviewerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Review_requestId_reviewerId_key" ON "Review"("requestId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "Allocation_requestId_key" ON "Allocation"("requestId");

-- CreateIndex
CREATE INDEX "Allocation_organizationId_createdAt_idx" ON "Allocation"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Allocation_programmeId_createdAt_idx" ON "Allocation"("programmeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AllocationLine_allocationId_resourceClassId_key" ON "AllocationLine"("allocationId", "resourceClassId");

-- CreateIndex
CREATE UNIQUE INDEX "QuotaHold_reference_key" ON "QuotaHold"("reference");

-- CreateIndex
CREATE INDEX "QuotaHold_allocationLineId_status_idx" ON "QuotaHold"("allocationLineId", "status");

-- CreateIndex
CREATE INDEX "QuotaHold_organizationId_createdAt_idx" ON "QuotaHold"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "QuotaLedgerEntry_allocationLineId_kind_createdAt_idx" ON "QuotaLedgerEntry"("allocationLineId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "QuotaLedgerEntry_organizationId_id_idx" ON "QuotaLedgerEntry"("organizationId", "id");

-- CreateIndex
CREATE INDEX "QuotaLedgerEntry_holdId_idx" ON "QuotaLedgerEntry"("holdId");

-- AddForeignKey
ALTER TABLE "ClusterResource" ADD CONSTRAINT "ClusterResource_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterResource" ADD CONSTRAINT "ClusterResource_resourceClassId_fkey" FOREIGN KEY ("resourceClassId") REFERENCES "ResourceClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeCall" ADD CONSTRAINT "ProgrammeCall_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeOrganizationAward" ADD CONSTRAINT "ProgrammeOrganizationAward_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeOrganizationAward" ADD CONSTRAINT "ProgrammeOrganizationAward_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequest" ADD CONSTRAINT "AllocationRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequest" ADD CONSTRAINT "AllocationRequest_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequest" ADD CONSTRAINT "AllocationRequest_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequest" ADD CONSTRAINT "AllocationRequest_callId_fkey" FOREIGN KEY ("callId") REFERENCES "ProgrammeCall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequest" ADD CONSTRAINT "AllocationRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequest" ADD CONSTRAINT "AllocationRequest_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequest" ADD CONSTRAINT "AllocationRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequestLine" ADD CONSTRAINT "AllocationRequestLine_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AllocationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequestLine" ADD CONSTRAINT "AllocationRequestLine_resourceClassId_fkey" FOREIGN KEY ("resourceClassId") REFERENCES "ResourceClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequestEvent" ADD CONSTRAINT "AllocationRequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AllocationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationRequestEvent" ADD CONSTRAINT "AllocationRequestEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AllocationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AllocationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationLine" ADD CONSTRAINT "AllocationLine_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllocationLine" ADD CONSTRAINT "AllocationLine_resourceClassId_fkey" FOREIGN KEY ("resourceClassId") REFERENCES "ResourceClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaHold" ADD CONSTRAINT "QuotaHold_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaHold" ADD CONSTRAINT "QuotaHold_allocationLineId_fkey" FOREIGN KEY ("allocationLineId") REFERENCES "AllocationLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaLedgerEntry" ADD CONSTRAINT "QuotaLedgerEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaLedgerEntry" ADD CONSTRAINT "QuotaLedgerEntry_allocationLineId_fkey" FOREIGN KEY ("allocationLineId") REFERENCES "AllocationLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaLedgerEntry" ADD CONSTRAINT "QuotaLedgerEntry_holdId_fkey" FOREIGN KEY ("holdId") REFERENCES "QuotaHold"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Tessera: hand-written constraints. The database, not Node, keeps these true under any concurrency.

-- Catalogue.
ALTER TABLE "ResourceClass" ADD CONSTRAINT "ResourceClass_code_format" CHECK ("code" ~ '^[a-z0-9][a-z0-9.-]*$');
ALTER TABLE "ResourceClass" ADD CONSTRAINT "ResourceClass_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "ResourceClass" ADD CONSTRAINT "ResourceClass_price_nonnegative" CHECK ("listPriceMinorPerHour" >= 0);
ALTER TABLE "ResourceClass" ADD CONSTRAINT "ResourceClass_power_nonnegative" CHECK ("powerDrawWatts" >= 0);
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_code_format" CHECK ("code" ~ '^[a-z0-9][a-z0-9.-]*$');
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_jurisdiction_format" CHECK ("jurisdiction" ~ '^([A-Z]{2}|EU)$');
ALTER TABLE "ClusterResource" ADD CONSTRAINT "ClusterResource_capacity_nonnegative" CHECK ("capacity" >= 0);

-- Programmes: awards never exceed the budget (invariant 4); rates are basis points.
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_budget_positive" CHECK ("budgetMinor" > 0);
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_awarded_within_budget" CHECK ("awardedMinor" >= 0 AND "awardedMinor" <= "budgetMinor");
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_subsidy_bps" CHECK ("subsidyRateBps" BETWEEN 0 AND 10000);
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_cap_positive" CHECK ("orgCapMinor" > 0);
ALTER TABLE "ProgrammeCall" ADD CONSTRAINT "ProgrammeCall_window" CHECK ("closesAt" > "opensAt");
ALTER TABLE "ProgrammeOrganizationAward" ADD CONSTRAINT "ProgrammeOrganizationAward_nonnegative" CHECK ("awardedMinor" >= 0);

-- Applications and reviews.
ALTER TABLE "AllocationRequest" ADD CONSTRAINT "AllocationRequest_period" CHECK ("periodEnd" > "periodStart");
ALTER TABLE "AllocationRequestLine" ADD CONSTRAINT "AllocationRequestLine_hours_positive" CHECK ("unitHours" > 0);
ALTER TABLE "AllocationRequestLine" ADD CONSTRAINT "AllocationRequestLine_price_nonnegative" CHECK ("listPriceMinorPerHour" >= 0);
ALTER TABLE "AllocationRequestLine" ADD CONSTRAINT "AllocationRequestLine_granted_within_requested" CHECK ("grantedUnitHours" IS NULL OR ("grantedUnitHours" >= 0 AND "grantedUnitHours" <= "unitHours"));
ALTER TABLE "Review" ADD CONSTRAINT "Review_score_range" CHECK ("score" IS NULL OR "score" BETWEEN 1 AND 5);
ALTER TABLE "Review" ADD CONSTRAINT "Review_conflicted_cannot_score" CHECK ("conflictDeclaredAt" IS NULL OR "score" IS NULL);

-- Allocations and quota: held + consumed never exceeds granted (invariant 2).
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_validity" CHECK ("validTo" > "validFrom");
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_shares" CHECK ("programmeShareMinor" >= 0 AND "tenantShareMinor" >= 0 AND "listValueMinor" = "programmeShareMinor" + "tenantShareMinor");
ALTER TABLE "AllocationLine" ADD CONSTRAINT "AllocationLine_granted_positive" CHECK ("grantedUnitSeconds" > 0);
ALTER TABLE "AllocationLine" ADD CONSTRAINT "AllocationLine_held_nonnegative" CHECK ("heldUnitSeconds" >= 0);
ALTER TABLE "AllocationLine" ADD CONSTRAINT "AllocationLine_consumed_nonnegative" CHECK ("consumedUnitSeconds" >= 0);
ALTER TABLE "AllocationLine" ADD CONSTRAINT "AllocationLine_within_granted" CHECK ("heldUnitSeconds" + "consumedUnitSeconds" <= "grantedUnitSeconds");
ALTER TABLE "QuotaHold" ADD CONSTRAINT "QuotaHold_positive" CHECK ("unitSeconds" > 0);
ALTER TABLE "QuotaHold" ADD CONSTRAINT "QuotaHold_settled_within_hold" CHECK ("settledUnitSeconds" IS NULL OR ("settledUnitSeconds" >= 0 AND "settledUnitSeconds" <= "unitSeconds"));
ALTER TABLE "QuotaHold" ADD CONSTRAINT "QuotaHold_closed_consistently" CHECK (("status" = 'ACTIVE') = ("closedAt" IS NULL) AND ("status" = 'SETTLED') = ("settledUnitSeconds" IS NOT NULL));

-- Notifications are for a user or for a whole organisation.
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipient" CHECK ("userId" IS NOT NULL OR "organizationId" IS NOT NULL);

-- The sealer finds unsealed ledger entries through this partial index.
CREATE INDEX "QuotaLedgerEntry_unsealed_idx" ON "QuotaLedgerEntry"("id") WHERE "sealedByAuditEventId" IS NULL;

-- Application history is append-only.
CREATE FUNCTION tessera_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AllocationRequestEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AllocationRequestEvent"
  FOR EACH ROW EXECUTE FUNCTION tessera_append_only();
CREATE TRIGGER "AllocationRequestEvent_no_truncate"
  BEFORE TRUNCATE ON "AllocationRequestEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION tessera_append_only();

-- The quota ledger is append-only, except that sealing stamps an unsealed entry with the id of the
-- audit event whose digest covers it (see packages/core/src/quota/seal-quota-ledger.ts).
CREATE FUNCTION tessera_quota_ledger_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD."sealedByAuditEventId" IS NULL
       AND NEW."sealedByAuditEventId" IS NOT NULL
       AND (to_jsonb(NEW) - 'sealedByAuditEventId') = (to_jsonb(OLD) - 'sealedByAuditEventId') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'QuotaLedgerEntry is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "QuotaLedgerEntry_append_only"
  BEFORE UPDATE OR DELETE ON "QuotaLedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION tessera_quota_ledger_guard();
CREATE TRIGGER "QuotaLedgerEntry_no_truncate"
  BEFORE TRUNCATE ON "QuotaLedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION tessera_quota_ledger_guard();
