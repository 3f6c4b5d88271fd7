-- CreateEnum
CREATE TYPE "WorkloadKind" AS ENUM ('TRAINING_JOB', 'INFERENCE_ENDPOINT');

-- CreateEnum
CREATE TYPE "WorkloadStatus" AS ENUM ('ACCEPTED', 'SUBMITTED', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'LOST', 'REFUSED');

-- CreateEnum
CREATE TYPE "JobTemplateKind" AS ENUM ('PYTORCH_DDP', 'BATCH');

-- CreateEnum
CREATE TYPE "ProvisioningStatus" AS ENUM ('PENDING', 'READY', 'FAILED');

-- CreateEnum
CREATE TYPE "SimJobState" AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "maxConcurrentGpus" INTEGER NOT NULL DEFAULT 8;

-- CreateTable
CREATE TABLE "Workload" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "allocationLineId" TEXT NOT NULL,
    "resourceClassId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "kind" "WorkloadKind" NOT NULL DEFAULT 'TRAINING_JOB',
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "walltimeSeconds" INTEGER NOT NULL,
    "templateId" TEXT,
    "spec" JSONB NOT NULL,
    "status" "WorkloadStatus" NOT NULL DEFAULT 'ACCEPTED',
    "statusReason" TEXT,
    "externalId" TEXT,
    "holdId" TEXT,
    "heldUnitSeconds" BIGINT NOT NULL,
    "consumedUnitSeconds" BIGINT,
    "exitCode" INTEGER,
    "placement" JSONB NOT NULL,
    "outputTail" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "cancelRequestedAt" TIMESTAMP(3),
    "cancelRequestedById" TEXT,
    "lastObservedAt" TIMESTAMP(3),
    "missingSince" TIMESTAMP(3),

    CONSTRAINT "Workload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkloadEvent" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "workloadId" TEXT NOT NULL,
    "status" "WorkloadStatus" NOT NULL,
    "reason" TEXT,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkloadEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobTemplate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" "JobTemplateKind" NOT NULL,
    "script" TEXT NOT NULL,
    "defaultImage" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadLetter" (
    "id" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "jobName" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "failedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,

    CONSTRAINT "DeadLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantClusterAccount" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "accountName" TEXT NOT NULL,
    "gpuLimit" INTEGER NOT NULL,
    "status" "ProvisioningStatus" NOT NULL DEFAULT 'PENDING',
    "lastError" TEXT,
    "provisionedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenantClusterAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimJob" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "resourceClassId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "walltimeSeconds" INTEGER NOT NULL,
    "exitCode" INTEGER NOT NULL DEFAULT 0,
    "state" "SimJobState" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "output" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SimJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workload_holdId_key" ON "Workload"("holdId");

-- CreateIndex
CREATE INDEX "Workload_organizationId_createdAt_idx" ON "Workload"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Workload_organizationId_status_idx" ON "Workload"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Workload_clusterId_status_idx" ON "Workload"("clusterId", "status");

-- CreateIndex
CREATE INDEX "Workload_status_updatedAt_idx" ON "Workload"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Workload_clusterId_externalId_key" ON "Workload"("clusterId", "externalId");

-- CreateIndex
CREATE INDEX "WorkloadEvent_workloadId_id_idx" ON "WorkloadEvent"("workloadId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "JobTemplate_code_key" ON "JobTemplate"("code");

-- CreateIndex
CREATE INDEX "OutboxEvent_dispatchedAt_id_idx" ON "OutboxEvent"("dispatchedAt", "id");

-- CreateIndex
CREATE INDEX "OutboxEvent_aggregateId_idx" ON "OutboxEvent"("aggregateId");

-- CreateIndex
CREATE INDEX "DeadLetter_resolvedAt_failedAt_idx" ON "DeadLetter"("resolvedAt", "failedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeadLetter_queue_jobId_failedAt_key" ON "DeadLetter"("queue", "jobId", "failedAt");

-- CreateIndex
CREATE INDEX "TenantClusterAccount_organizationId_idx" ON "TenantClusterAccount"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "TenantClusterAccount_clusterId_organizationId_key" ON "TenantClusterAccount"("clusterId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "TenantClusterAccount_clusterId_accountName_key" ON "TenantClusterAccount"("clusterId", "accountName");

-- CreateIndex
CREATE INDEX "SimJob_clusterId_state_idx" ON "SimJob"("clusterId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "SimJob_clusterId_name_key" ON "SimJob"("clusterId", "name");

-- AddForeignKey
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_allocationLineId_fkey" FOREIGN KEY ("allocationLineId") REFERENCES "AllocationLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_resourceClassId_fkey" FOREIGN KEY ("resourceClassId") REFERENCES "ResourceClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "JobTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkloadEvent" ADD CONSTRAINT "WorkloadEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkloadEvent" ADD CONSTRAINT "WorkloadEvent_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Workload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantClusterAccount" ADD CONSTRAINT "TenantClusterAccount_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantClusterAccount" ADD CONSTRAINT "TenantClusterAccount_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Guards the database keeps whatever the application does.
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_walltime_positive" CHECK ("walltimeSeconds" > 0);
ALTER TABLE "Workload" ADD CONSTRAINT "Workload_held_nonnegative" CHECK ("heldUnitSeconds" >= 0);
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_maxConcurrentGpus_nonnegative" CHECK ("maxConcurrentGpus" >= 0);
ALTER TABLE "SimJob" ADD CONSTRAINT "SimJob_quantity_positive" CHECK ("quantity" > 0);

-- The timeline is append-only, like the audit log.
CREATE FUNCTION "WorkloadEvent_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'WorkloadEvent is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "WorkloadEvent_no_update" BEFORE UPDATE ON "WorkloadEvent"
  FOR EACH ROW EXECUTE FUNCTION "WorkloadEvent_append_only"();
