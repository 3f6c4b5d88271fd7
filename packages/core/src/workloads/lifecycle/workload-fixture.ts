/**
 * Workloads for tests and benchmarks, written directly to the database the way the web tier's
 * submitWorkload leaves them (row ACCEPTED + hold + first timeline entry + launch outbox event).
 * Tests and benchmarks only: never import from app code.
 */
import { randomBytes } from "node:crypto";
import type { Database, WorkloadStatus } from "@tessera/db";
import { placeHold } from "../../quota/place-hold";
import { createQuotaFixture, type QuotaFixture } from "../../quota/quota-fixture";

export interface WorkloadSetup extends QuotaFixture {
  projectId: string;
  resourceClassId: string;
  resourceClassCode: string;
  clusterId: string;
  clusterCode: string;
  organizationSlug: string;
}

/** An organisation with an allocation line and a simulated cluster that offers its class. */
export async function createWorkloadSetup(
  database: Database,
  options: { grantedUnitSeconds?: bigint; capacity?: number; listPriceMinorPerHour?: number } = {},
): Promise<WorkloadSetup> {
  const quota = await createQuotaFixture(database, {
    grantedUnitSeconds: options.grantedUnitSeconds ?? 1_000_000n,
    listPriceMinorPerHour: options.listPriceMinorPerHour,
  });
  const line = await database.allocationLine.findUniqueOrThrow({
    where: { id: quota.allocationLineId },
    select: { resourceClass: { select: { id: true, code: true } } },
  });
  const organization = await database.organization.findUniqueOrThrow({
    where: { id: quota.organizationId },
    select: { slug: true, projects: { select: { id: true }, take: 1 } },
  });
  const suffix = randomBytes(5).toString("hex");
  const cluster = await database.cluster.create({
    data: {
      code: `sim-${suffix}`,
      name: `Simulated ${suffix}`,
      kind: "SIM",
      region: "test",
      jurisdiction: "DE",
      resources: {
        create: { resourceClassId: line.resourceClass.id, capacity: options.capacity ?? 8 },
      },
    },
  });
  return {
    ...quota,
    projectId: organization.projects[0]!.id,
    resourceClassId: line.resourceClass.id,
    resourceClassCode: line.resourceClass.code,
    clusterId: cluster.id,
    clusterCode: cluster.code,
    organizationSlug: organization.slug,
  };
}

export interface TestWorkload {
  id: string;
  organizationId: string;
  holdId: string;
  heldUnitSeconds: bigint;
  outboxEventId: bigint | null;
}

/** One accepted workload with its hold; optionally already at a later state with a backend job. */
export async function createTestWorkload(
  database: Database,
  setup: WorkloadSetup,
  options: {
    quantity?: number;
    walltimeSeconds?: number;
    status?: WorkloadStatus;
    externalId?: string | null;
    startedAt?: Date | null;
    cancelRequestedAt?: Date | null;
    outbox?: boolean;
    script?: string;
    simSeconds?: number;
  } = {},
): Promise<TestWorkload> {
  const quantity = options.quantity ?? 1;
  const walltimeSeconds = options.walltimeSeconds ?? 3_600;
  const held = quantity * walltimeSeconds;
  const workload = await database.workload.create({
    data: {
      organizationId: setup.organizationId,
      projectId: setup.projectId,
      allocationLineId: setup.allocationLineId,
      resourceClassId: setup.resourceClassId,
      clusterId: setup.clusterId,
      name: `Test job ${randomBytes(3).toString("hex")}`,
      quantity,
      walltimeSeconds,
      spec: {
        script: options.script ?? "#!/bin/bash\necho hello\n",
        ...(options.simSeconds ? { simSeconds: options.simSeconds } : {}),
      },
      status: options.status ?? "ACCEPTED",
      externalId: options.externalId ?? null,
      submittedAt: options.externalId ? new Date() : null,
      startedAt: options.startedAt ?? null,
      cancelRequestedAt: options.cancelRequestedAt ?? null,
      heldUnitSeconds: BigInt(held),
      placement: { chosen: setup.clusterCode, reason: "test fixture" },
      createdById: setup.userId,
    },
  });
  const hold = await placeHold(database, {
    organizationId: setup.organizationId,
    allocationLineId: setup.allocationLineId,
    unitSeconds: held,
    reference: `workload:${workload.id}`,
    actorId: setup.userId,
  });
  await database.workload.update({ where: { id: workload.id }, data: { holdId: hold.holdId } });
  await database.workloadEvent.create({
    data: {
      organizationId: setup.organizationId,
      workloadId: workload.id,
      status: "ACCEPTED",
      reason: "Accepted",
      message: "Accepted by a test fixture.",
    },
  });
  const event =
    options.outbox === false
      ? null
      : await database.outboxEvent.create({
          data: {
            type: "workload.launch",
            aggregateId: workload.id,
            payload: { workloadId: workload.id },
          },
        });
  return {
    id: workload.id,
    organizationId: setup.organizationId,
    holdId: hold.holdId,
    heldUnitSeconds: BigInt(held),
    outboxEventId: event?.id ?? null,
  };
}
