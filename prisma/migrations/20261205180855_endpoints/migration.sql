-- CreateEnum
CREATE TYPE "ModelOpenness" AS ENUM ('OPEN_SCIENCE', 'OPEN_TOOLING', 'OPEN_MODEL', 'WEIGHTS_AVAILABLE');

-- CreateEnum
CREATE TYPE "EndpointStatus" AS ENUM ('ACCEPTED', 'DEPLOYING', 'READY', 'SCALED_TO_ZERO', 'DEGRADED', 'FAILED', 'DELETING', 'DELETED');

-- AlterTable
ALTER TABLE "WorkloadEvent" ADD COLUMN     "endpointStatus" "EndpointStatus";

-- CreateTable
CREATE TABLE "Model" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "parameters" BIGINT NOT NULL,
    "licenseSpdx" TEXT NOT NULL,
    "weightsSha256" CHAR(64) NOT NULL,
    "weightsOpen" BOOLEAN NOT NULL,
    "dataOpen" BOOLEAN NOT NULL,
    "codeOpen" BOOLEAN NOT NULL,
    "openness" "ModelOpenness" NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "restrictions" TEXT,
    "trainedByWorkloadId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServingRuntime" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "image" TEXT NOT NULL,
    "args" TEXT[],
    "port" INTEGER NOT NULL,
    "healthPath" TEXT NOT NULL,
    "resourceKinds" "ResourceKind"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServingRuntime_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Endpoint" (
    "workloadId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "runtimeId" TEXT NOT NULL,
    "minReplicas" INTEGER NOT NULL,
    "maxReplicas" INTEGER NOT NULL,
    "desiredReplicas" INTEGER NOT NULL,
    "readyReplicas" INTEGER NOT NULL DEFAULT 0,
    "observedReplicas" INTEGER NOT NULL DEFAULT 0,
    "idleSecondsBeforeZero" INTEGER,
    "leaseSeconds" INTEGER NOT NULL,
    "leaseStartedAt" TIMESTAMP(3),
    "observedUnitSeconds" BIGINT NOT NULL DEFAULT 0,
    "holdGeneration" INTEGER NOT NULL DEFAULT 0,
    "externalId" TEXT,
    "url" TEXT,
    "status" "EndpointStatus" NOT NULL DEFAULT 'ACCEPTED',
    "statusReason" TEXT,
    "lastObservedAt" TIMESTAMP(3),
    "missingSince" TIMESTAMP(3),
    "deleteRequestedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Endpoint_pkey" PRIMARY KEY ("workloadId")
);

-- CreateTable
CREATE TABLE "EndpointReplicaSample" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" TEXT NOT NULL,
    "workloadId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "ready" INTEGER NOT NULL,
    "desired" INTEGER NOT NULL,

    CONSTRAINT "EndpointReplicaSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimEndpoint" (
    "id" BIGSERIAL NOT NULL,
    "clusterId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "labels" JSONB NOT NULL,
    "spec" JSONB NOT NULL,
    "replicas" INTEGER NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Model_name_key" ON "Model"("name");

-- CreateIndex
CREATE INDEX "Model_active_openness_idx" ON "Model"("active", "openness");

-- CreateIndex
CREATE INDEX "Model_licenseSpdx_idx" ON "Model"("licenseSpdx");

-- CreateIndex
CREATE UNIQUE INDEX "ServingRuntime_code_key" ON "ServingRuntime"("code");

-- CreateIndex
CREATE INDEX "Endpoint_organizationId_createdAt_idx" ON "Endpoint"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "Endpoint_status_idx" ON "Endpoint"("status");

-- CreateIndex
CREATE UNIQUE INDEX "EndpointReplicaSample_workloadId_at_key" ON "EndpointReplicaSample"("workloadId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SimEndpoint_clusterId_name_key" ON "SimEndpoint"("clusterId", "name");

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_trainedByWorkloadId_fkey" FOREIGN KEY ("trainedByWorkloadId") REFERENCES "Workload"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Endpoint" ADD CONSTRAINT "Endpoint_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Workload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Endpoint" ADD CONSTRAINT "Endpoint_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Endpoint" ADD CONSTRAINT "Endpoint_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Endpoint" ADD CONSTRAINT "Endpoint_runtimeId_fkey" FOREIGN KEY ("runtimeId") REFERENCES "ServingRuntime"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EndpointReplicaSample" ADD CONSTRAINT "EndpointReplicaSample_workloadId_fkey" FOREIGN KEY ("workloadId") REFERENCES "Endpoint"("workloadId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EndpointReplicaSample" ADD CONSTRAINT "EndpointReplicaSample_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Replica bounds the database keeps, whatever code writes them.
ALTER TABLE "Endpoint" ADD CONSTRAINT "Endpoint_replicas_check"
  CHECK ("minReplicas" >= 0 AND "maxReplicas" >= GREATEST("minReplicas", 1)
         AND "desiredReplicas" >= 0 AND "desiredReplicas" <= "maxReplicas"
         AND "readyReplicas" >= 0 AND "observedReplicas" >= 0
         AND "leaseSeconds" > 0 AND "observedUnitSeconds" >= 0);
ALTER TABLE "Model" ADD CONSTRAINT "Model_weightsSha256_check" CHECK ("weightsSha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "Model" ADD CONSTRAINT "Model_parameters_check" CHECK ("parameters" > 0);
