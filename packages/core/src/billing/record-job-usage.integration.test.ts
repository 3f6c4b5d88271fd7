import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import type { BackendJob } from "../compute/driver";
import { applyBackendObservation } from "../workloads/lifecycle/apply-backend-observation";
import { applyObservation } from "../workloads/lifecycle/apply-observation";
import { recordWorkloadSubmitted } from "../workloads/lifecycle/record-workload-submitted";
import {
  createTestWorkload,
  createWorkloadSetup,
  type WorkloadSetup,
} from "../workloads/lifecycle/workload-fixture";
import { recordJobUsage } from "./record-job-usage";

// 23:00 UTC on 31 January is already 1 February in Brussels (UTC+1).
const START = new Date("2026-01-31T22:00:00Z");
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

function ended(externalId: string, elapsedSeconds: number): BackendJob {
  return {
    externalId,
    workloadId: null,
    state: "COMPLETED",
    reason: null,
    submittedAt: START,
    startedAt: START,
    endedAt: at(elapsedSeconds),
    exitCode: 0,
    elapsedSeconds,
  };
}

async function finishedJob(setup: WorkloadSetup, quantity: number) {
  const workload = await createTestWorkload(db, setup, { quantity, walltimeSeconds: 7_200 });
  const externalId = `job-${workload.id.slice(-8)}`;
  await recordWorkloadSubmitted(db, workload, { externalId });
  return { ...workload, externalId, clusterId: setup.clusterId };
}

async function usageOf(workloadId: string) {
  return db.usageRecord.findMany({ where: { workloadId }, orderBy: { intervalStart: "asc" } });
}

describe("metering finished jobs", () => {
  it("meters units × elapsed once per job, split at the billing month's boundary, with estimated energy", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 1_000_000n });
    const workload = await finishedJob(setup, 2);
    const job = ended(workload.externalId, 5_400);
    // Two workers see the end at once; the end is seen again later.
    await Promise.all([
      applyBackendObservation(db, workload, job),
      applyBackendObservation(db, workload, job),
    ]);
    await applyBackendObservation(db, workload, job);

    const records = await usageOf(workload.id);
    expect(records.map((r) => [r.intervalStart, r.intervalEnd, r.unitSeconds])).toEqual([
      [START, new Date("2026-01-31T23:00:00Z"), 7_200n],
      [new Date("2026-01-31T23:00:00Z"), at(5_400), 3_600n],
    ]);
    expect(records.every((r) => r.source === "SIM" && r.quantity === 2)).toBe(true);
    expect(records.every((r) => r.allocationLineId === setup.allocationLineId)).toBe(true);
    // 700 W × 2 GPUs × 3600 s = 1400 Wh; × 1800 s = 700 Wh.
    expect(records.map((r) => [r.energyMilliWh, r.energyBasis])).toEqual([
      [1_400_000n, "ESTIMATED"],
      [700_000n, "ESTIMATED"],
    ]);
    const total = records.reduce((sum, r) => sum + r.unitSeconds, 0n);
    expect(total).toBe(
      (await db.workload.findUniqueOrThrow({ where: { id: workload.id } })).consumedUnitSeconds,
    );
  });

  it("counts a job metered twice — by the one-statement path, the locked path and directly — once", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 1_000_000n });
    const workload = await finishedJob(setup, 1);
    const job = ended(workload.externalId, 600);
    const snapshot = await db.workload.findUniqueOrThrow({
      where: { id: workload.id },
      include: { resourceClass: { select: { unit: true } } },
    });
    const tracked = {
      ...snapshot,
      unit: snapshot.resourceClass.unit,
      externalId: snapshot.externalId!,
    };
    const cluster = await db.cluster.findUniqueOrThrow({ where: { id: setup.clusterId } });
    await applyObservation(db, tracked, job, { clusterCode: cluster.code });
    await applyObservation(db, tracked, job, { clusterCode: cluster.code });
    await applyBackendObservation(db, workload, job);
    const again = await recordJobUsage(db, {
      workloadId: workload.id,
      startedAt: START,
      unitSeconds: 600,
      quantity: 1,
    });
    expect(again).toBe(0);
    const records = await usageOf(workload.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      unitSeconds: 600n,
      sourceRef: `${setup.clusterId}:${workload.externalId}`,
    });
  });

  it("meters nothing for a job cancelled before it started", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 1_000_000n });
    const workload = await finishedJob(setup, 1);
    await applyBackendObservation(db, workload, {
      ...ended(workload.externalId, 0),
      state: "CANCELLED",
      startedAt: null,
      elapsedSeconds: 0,
    });
    expect(await usageOf(workload.id)).toHaveLength(0);
  });

  it("refuses to change or delete a usage record", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 1_000_000n });
    const workload = await finishedJob(setup, 1);
    await applyBackendObservation(db, workload, ended(workload.externalId, 60));
    const [record] = await usageOf(workload.id);
    await expect(
      db.usageRecord.update({ where: { id: record!.id }, data: { unitSeconds: 1n } }),
    ).rejects.toThrow(/immutable/);
    await expect(db.usageRecord.delete({ where: { id: record!.id } })).rejects.toThrow(/immutable/);
    expect((await usageOf(workload.id))[0]!.unitSeconds).toBe(60n);
  });
});
