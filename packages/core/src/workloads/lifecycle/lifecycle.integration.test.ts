import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import type { BackendJob, ComputeDriver, TenantAccountSpec } from "../../compute/driver";
import { DriverError } from "../../compute/driver-error";
import { verifyAuditChain } from "../../audit/verify-audit-chain";
import { submissionDated } from "../submission-dated";
import { applyBackendObservation, type ObservationResult } from "./apply-backend-observation";
import { applyObservation, applyObservations } from "./apply-observation";
import { listTrackedWorkloads, type TrackedWorkload } from "./list-tracked-workloads";
import { cancelUnsubmittedWorkload } from "./cancel-unsubmitted-workload";
import { findStalledLaunches } from "./find-stalled-launches";
import { markWorkloadLost } from "./mark-workload-lost";
import { markWorkloadMissing } from "./mark-workload-missing";
import { provisionTenant } from "./provision-tenant";
import { recordDeadLetter } from "./record-dead-letter";
import { recordWorkloadSubmitted } from "./record-workload-submitted";
import { recordWorkloadsSeen } from "./record-workloads-seen";
import { refreshWorkloadOutput } from "./refresh-workload-output";
import { refuseWorkload } from "./refuse-workload";
import { createTestWorkload, createWorkloadSetup, type WorkloadSetup } from "./workload-fixture";

const T0 = new Date("2026-03-01T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function backendJob(externalId: string, overrides: Partial<BackendJob>): BackendJob {
  return {
    externalId,
    workloadId: null,
    state: "PENDING",
    reason: null,
    submittedAt: T0,
    startedAt: null,
    endedAt: null,
    exitCode: null,
    elapsedSeconds: null,
    ...overrides,
  };
}

async function lineOf(setup: WorkloadSetup) {
  return db.allocationLine.findUniqueOrThrow({ where: { id: setup.allocationLineId } });
}

async function workloadRow(id: string) {
  return db.workload.findUniqueOrThrow({ where: { id } });
}

async function timeline(id: string) {
  return db.workloadEvent.findMany({ where: { workloadId: id }, orderBy: { id: "asc" } });
}

async function audits(id: string) {
  return db.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
}

async function submitted(
  setup: WorkloadSetup,
  options: { quantity?: number; walltimeSeconds?: number } = {},
) {
  const workload = await createTestWorkload(db, setup, options);
  const externalId = `job-${workload.id.slice(-6)}`;
  await recordWorkloadSubmitted(db, workload, { externalId });
  return { ...workload, externalId, clusterId: setup.clusterId };
}

describe("recordWorkloadSubmitted", () => {
  it("moves ACCEPTED to SUBMITTED once, with a timeline entry and a launch audit naming cluster and job", async () => {
    const setup = await createWorkloadSetup(db);
    const workload = await createTestWorkload(db, setup);
    const results = await Promise.all([
      recordWorkloadSubmitted(db, workload, { externalId: "4711" }),
      recordWorkloadSubmitted(db, workload, { externalId: "4711" }),
    ]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    const row = await workloadRow(workload.id);
    expect(row).toMatchObject({ status: "SUBMITTED", externalId: "4711" });
    expect(row.submittedAt).toBeInstanceOf(Date);
    const events = await timeline(workload.id);
    expect(events.map((e) => e.status)).toEqual(["ACCEPTED", "SUBMITTED"]);
    expect(events[1]!.message).toContain("as job 4711");
    const launched = (await audits(workload.id)).filter((a) => a.action === "workload.launched");
    expect(launched).toHaveLength(1);
    expect(launched[0]!.data).toMatchObject({ cluster: setup.clusterCode, externalId: "4711" });
    expect(launched[0]!.organizationId).toBe(setup.organizationId);

    const again = await recordWorkloadSubmitted(db, workload, { externalId: "9999" });
    expect(again).toMatchObject({ changed: false, status: "SUBMITTED", externalId: "4711" });
  });

  it("records launches that queue behind one another in one statement each batch, each once, the chain whole", async () => {
    const setup = await createWorkloadSetup(db);
    const workloads = await Promise.all(
      Array.from({ length: 12 }, () => createTestWorkload(db, setup)),
    );
    const results = await Promise.all(
      workloads.map((workload, i) =>
        recordWorkloadSubmitted(db, workload, {
          externalId: `batch-${i}`,
          cluster: { id: setup.clusterId, code: setup.clusterCode },
        }),
      ),
    );
    expect(results.every((result) => result.changed)).toBe(true);
    const ids = workloads.map((workload) => workload.id);
    // The first goes alone; the eleven that queued behind it go in one statement (one transaction).
    const writers = await db.$queryRaw<{ writers: bigint }[]>`
      SELECT count(DISTINCT xmin::text) AS writers FROM "Workload" WHERE "id" = ANY(${ids}::text[])`;
    expect(Number(writers[0]!.writers)).toBeLessThanOrEqual(2);
    for (const [i, workload] of workloads.entries()) {
      expect(await workloadRow(workload.id)).toMatchObject({
        status: "SUBMITTED",
        externalId: `batch-${i}`,
      });
      expect((await timeline(workload.id)).map((event) => event.status)).toEqual([
        "ACCEPTED",
        "SUBMITTED",
      ]);
      const launched = (await audits(workload.id)).filter((a) => a.action === "workload.launched");
      expect(launched.map((a) => a.data)).toEqual([
        { cluster: setup.clusterCode, clusterId: setup.clusterId, externalId: `batch-${i}` },
      ]);
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});

/** The workload as the tracker reads it before it applies an observation. */
async function snapshotOf(workload: { id: string; clusterId: string }): Promise<TrackedWorkload> {
  const page = await listTrackedWorkloads(db, { clusterId: workload.clusterId, limit: 1_000 });
  const found = page.find((w) => w.id === workload.id);
  if (found) return found;
  // An ended workload is not tracked any more; a late observation is planned against its row.
  const row = await db.workload.findUniqueOrThrow({
    where: { id: workload.id },
    include: { resourceClass: { select: { unit: true } } },
  });
  return { ...row, unit: row.resourceClass.unit, externalId: row.externalId! };
}

type Observe = (
  workload: { id: string; organizationId: string; clusterId: string },
  job: BackendJob,
) => Promise<ObservationResult>;

const observers: [string, Observe][] = [
  ["under the row's lock", (workload, job) => applyBackendObservation(db, workload, job)],
  [
    "in one statement from the tracker's snapshot",
    async (workload, job) => {
      const cluster = await db.cluster.findUniqueOrThrow({ where: { id: workload.clusterId } });
      return applyObservation(db, await snapshotOf(workload), job, { clusterCode: cluster.code });
    },
  ],
];

describe.each(observers)("applying observations %s", (_, observe) => {
  it("records pending reasons and the start only when they change, then settles elapsed × quantity on completion", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 100_000n });
    const workload = await submitted(setup, { quantity: 2, walltimeSeconds: 3_600 });
    const before = await lineOf(setup);
    expect(before.heldUnitSeconds).toBe(7_200n);

    // Another job's end says nothing about this workload.
    const stranger = backendJob("not-this-job", { state: "COMPLETED", elapsedSeconds: 5 });
    expect((await observe(workload, stranger)).changed).toBe(false);
    const pending = backendJob(workload.externalId, { reason: "Resources" });
    expect((await observe(workload, pending)).status).toBe("PENDING");
    expect((await observe(workload, pending)).changed).toBe(false);
    await observe(workload, { ...pending, reason: "Priority" });
    const running = backendJob(workload.externalId, {
      state: "RUNNING",
      reason: "None",
      startedAt: at(10),
    });
    await observe(workload, running);
    await observe(workload, running);
    expect((await workloadRow(workload.id)).startedAt).toEqual(at(10));

    const done = backendJob(workload.externalId, {
      state: "COMPLETED",
      startedAt: at(10),
      endedAt: at(610),
      exitCode: 0,
      elapsedSeconds: 600,
    });
    // Two workers see the end at once: one settles.
    const results = await Promise.all([observe(workload, done), observe(workload, done)]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(results.find((r) => r.changed)!.settlement).toEqual({
      settledUnitSeconds: 1_200,
      releasedUnitSeconds: 6_000,
    });

    const row = await workloadRow(workload.id);
    expect(row).toMatchObject({
      status: "COMPLETED",
      exitCode: 0,
      consumedUnitSeconds: 1_200n,
      endedAt: at(610),
    });
    const line = await lineOf(setup);
    expect(line.heldUnitSeconds).toBe(0n);
    expect(line.consumedUnitSeconds).toBe(1_200n);
    const ledger = await db.quotaLedgerEntry.findMany({
      where: { holdId: workload.holdId },
      orderBy: { id: "asc" },
    });
    expect(ledger.map((e) => [e.kind, e.heldDeltaUnitSeconds, e.consumedDeltaUnitSeconds])).toEqual(
      [
        ["HOLD", 7_200n, 0n],
        ["SETTLE", -7_200n, 1_200n],
      ],
    );
    expect((await timeline(workload.id)).map((e) => `${e.status}:${e.reason ?? ""}`)).toEqual([
      "ACCEPTED:Accepted",
      "SUBMITTED:",
      "PENDING:Resources",
      "PENDING:Priority",
      "RUNNING:",
      "COMPLETED:",
    ]);
    const completed = (await audits(workload.id)).filter((a) => a.action === "workload.completed");
    expect(completed).toHaveLength(1);
    expect(completed[0]!.data).toMatchObject({
      consumedUnitSeconds: "1200",
      heldUnitSeconds: "7200",
      exitCode: 0,
      hold: "settled",
    });
    // A late observation of an ended workload changes nothing.
    expect((await observe(workload, running)).changed).toBe(false);
  });

  it("dates the timeline's start and end at the workload's Started and Ended, a start after a requeue when it was seen", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 100_000n });
    const workload = await submitted(setup, { quantity: 1, walltimeSeconds: 3_600 });
    const entry = async (status: string, nth = 0) =>
      (await timeline(workload.id)).filter((e) => e.status === status)[nth]!;

    // The tracker sees the start later than the backend made it: the entry says the latter.
    await observe(
      workload,
      backendJob(workload.externalId, { state: "RUNNING", startedAt: at(10) }),
    );
    expect((await workloadRow(workload.id)).startedAt).toEqual(at(10));
    expect((await entry("RUNNING")).createdAt).toEqual(at(10));

    // Requeued and started again: the stored start stays the first, the new entry is when seen.
    await observe(workload, backendJob(workload.externalId, { reason: "BeginTime" }));
    const seen = new Date();
    await observe(
      workload,
      backendJob(workload.externalId, { state: "RUNNING", startedAt: at(50) }),
    );
    expect((await workloadRow(workload.id)).startedAt).toEqual(at(10));
    expect((await entry("RUNNING", 1)).createdAt.getTime()).toBeGreaterThanOrEqual(seen.getTime());

    await observe(
      workload,
      backendJob(workload.externalId, {
        state: "COMPLETED",
        startedAt: at(10),
        endedAt: at(610),
        exitCode: 0,
      }),
    );
    const row = await workloadRow(workload.id);
    expect(row.endedAt).toEqual(at(610));
    expect((await entry("COMPLETED")).createdAt).toEqual(row.endedAt);
  });

  it("keeps the backend's start and end when they precede the recorded submission, meters that run, and still lists Submitted first", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 100_000n });
    const workload = await submitted(setup, { quantity: 1, walltimeSeconds: 3_600 });
    const submittedAt = (await workloadRow(workload.id)).submittedAt!;
    // Slurm truncates to the second, and the hand-over is recorded once the backend answered.
    const startedAt = new Date(Math.floor(submittedAt.getTime() / 1000) * 1000 - 1000);
    const endedAt = new Date(startedAt.getTime() + 25_000);
    await observe(
      workload,
      backendJob(workload.externalId, { state: "RUNNING", reason: null, startedAt }),
    );
    await observe(
      workload,
      backendJob(workload.externalId, {
        state: "COMPLETED",
        reason: null,
        startedAt,
        endedAt,
        exitCode: 0,
        elapsedSeconds: 25,
      }),
    );
    const row = await workloadRow(workload.id);
    expect(row.startedAt).toEqual(startedAt);
    expect(row.endedAt).toEqual(endedAt);
    expect(row.consumedUnitSeconds).toBe(25n);
    // As the job's page shows it (getWorkload).
    const shown = submissionDated(await timeline(workload.id), row.startedAt);
    expect(shown.map((e) => e.status)).toEqual(["ACCEPTED", "SUBMITTED", "RUNNING", "COMPLETED"]);
    // (The fixture accepts the workload a moment before this made-up start; a real one is earlier.)
    const times = shown.slice(1).map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(shown[1]!.createdAt).toEqual(startedAt);
    expect(shown.at(-1)!.message).toContain("after 25 s");
  });

  it("settles a failed run capped at the hold, and releases a job cancelled before it started", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 100_000n });
    const failed = await submitted(setup, { quantity: 1, walltimeSeconds: 100 });
    await observe(
      failed,
      backendJob(failed.externalId, {
        state: "FAILED",
        reason: "NonZeroExitCode",
        startedAt: at(0),
        endedAt: at(130),
        exitCode: 3,
        elapsedSeconds: 130,
      }),
    );
    expect(await workloadRow(failed.id)).toMatchObject({
      status: "FAILED",
      exitCode: 3,
      consumedUnitSeconds: 100n,
      statusReason: "NonZeroExitCode",
    });

    const cancelled = await submitted(setup, { quantity: 4, walltimeSeconds: 1_000 });
    await db.workload.update({
      where: { id: cancelled.id },
      data: { cancelRequestedAt: new Date() },
    });
    const result = await observe(
      cancelled,
      backendJob(cancelled.externalId, { state: "CANCELLED", endedAt: at(5) }),
    );
    expect(result.settlement).toEqual({ settledUnitSeconds: 0, releasedUnitSeconds: 4_000 });
    expect(await workloadRow(cancelled.id)).toMatchObject({
      status: "CANCELLED",
      statusReason: "Cancelled on request",
      consumedUnitSeconds: 0n,
    });
    const hold = await db.quotaHold.findFirstOrThrow({ where: { id: cancelled.holdId } });
    expect(hold.status).toBe("RELEASED");
    const line = await lineOf(setup);
    expect(line).toMatchObject({ heldUnitSeconds: 0n, consumedUnitSeconds: 100n });
    expect((await audits(cancelled.id)).map((a) => a.action)).toContain("workload.cancelled");
  });
});

describe("applyObservation", () => {
  it("decides again under the lock when the workload changed since the tracker read it", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 100_000n });
    const workload = await submitted(setup, { quantity: 2, walltimeSeconds: 1_000 });
    const stale = await snapshotOf(workload);
    // A cancel is requested after the tracker read the row: the end must say so.
    await db.workload.update({ where: { id: workload.id }, data: { cancelRequestedAt: at(1) } });
    const cancelled = backendJob(workload.externalId, { state: "CANCELLED", endedAt: at(5) });
    const result = await applyObservation(db, stale, cancelled, { clusterCode: setup.clusterCode });
    expect(result).toMatchObject({ changed: true, status: "CANCELLED" });
    expect(await workloadRow(workload.id)).toMatchObject({
      status: "CANCELLED",
      statusReason: "Cancelled on request",
    });
    // The same stale snapshot again: nothing more is written.
    const again = await applyObservation(db, stale, cancelled, { clusterCode: setup.clusterCode });
    expect(again.changed).toBe(false);
    expect((await timeline(workload.id)).map((e) => e.status)).toEqual([
      "ACCEPTED",
      "SUBMITTED",
      "CANCELLED",
    ]);
    expect(
      (await audits(workload.id)).filter((a) => a.action === "workload.cancelled"),
    ).toHaveLength(1);
    expect(await lineOf(setup)).toMatchObject({ heldUnitSeconds: 0n, consumedUnitSeconds: 0n });
  });

  it("ends many workloads at once from one snapshot each, settling every hold once and keeping the chain whole", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 1_000_000n });
    const workloads = await Promise.all(
      Array.from({ length: 12 }, () => submitted(setup, { quantity: 1, walltimeSeconds: 600 })),
    );
    const snapshots = await Promise.all(workloads.map((w) => snapshotOf(w)));
    const ending = (externalId: string) =>
      backendJob(externalId, {
        state: "COMPLETED",
        startedAt: at(0),
        endedAt: at(60),
        exitCode: 0,
        elapsedSeconds: 60,
      });
    // Two trackers apply every end concurrently from the same snapshots.
    const results = await Promise.all(
      [...snapshots, ...snapshots].map((snapshot) =>
        applyObservation(db, snapshot, ending(snapshot.externalId), {
          clusterCode: setup.clusterCode,
        }),
      ),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(12);
    const line = await lineOf(setup);
    expect(line).toMatchObject({ heldUnitSeconds: 0n, consumedUnitSeconds: 720n });
    const settles = await db.quotaLedgerEntry.count({
      where: { allocationLineId: setup.allocationLineId, kind: "SETTLE" },
    });
    expect(settles).toBe(12);
    const completed = await db.auditEvent.count({
      where: { action: "workload.completed", targetId: { in: workloads.map((w) => w.id) } },
    });
    expect(completed).toBe(12);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("starts a page of workloads in one statement, and leaves one that changed meanwhile to the locked path", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 1_000_000n });
    const workloads = await Promise.all(
      Array.from({ length: 6 }, () => submitted(setup, { quantity: 1, walltimeSeconds: 600 })),
    );
    const snapshots = await Promise.all(workloads.map((w) => snapshotOf(w)));
    // One was asked to stop after the tracker read it; one waits in the queue instead.
    const stopping = workloads[1]!;
    await db.workload.update({ where: { id: stopping.id }, data: { cancelRequestedAt: at(1) } });
    const observations = snapshots.map((snapshot, index) => ({
      snapshot,
      job:
        index === 4
          ? backendJob(snapshot.externalId, { state: "PENDING", reason: "Resources" })
          : backendJob(snapshot.externalId, { state: "RUNNING", startedAt: at(2) }),
    }));
    const results = await applyObservations(db, observations, { clusterCode: setup.clusterCode });
    expect(results.map((r) => r.workloadId)).toEqual(workloads.map((w) => w.id));
    expect(results.map((r) => r.status)).toEqual([
      "RUNNING",
      "RUNNING",
      "RUNNING",
      "RUNNING",
      "PENDING",
      "RUNNING",
    ]);
    for (const [index, workload] of workloads.entries()) {
      const row = await workloadRow(workload.id);
      expect(row.status).toBe(index === 4 ? "PENDING" : "RUNNING");
      if (index !== 4) expect(row.startedAt).toEqual(at(2));
      const entries = (await timeline(workload.id)).map((e) => e.status);
      expect(entries).toEqual(["ACCEPTED", "SUBMITTED", index === 4 ? "PENDING" : "RUNNING"]);
    }
    expect((await workloadRow(workloads[4]!.id)).statusReason).toBe("Resources");
    // The one that changed still carries its cancel request: the locked path kept it.
    expect((await workloadRow(stopping.id)).cancelRequestedAt).toEqual(at(1));
    // The same snapshots again: every row has moved on, nothing is written twice.
    const again = await applyObservations(db, observations, { clusterCode: setup.clusterCode });
    expect(again.filter((r) => r.changed)).toHaveLength(0);
    for (const workload of workloads) expect(await timeline(workload.id)).toHaveLength(3);
  });

  it("ends a workload that holds no quota without touching any line", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 100_000n });
    const workload = await submitted(setup, { walltimeSeconds: 600 });
    await db.workload.update({ where: { id: workload.id }, data: { holdId: null } });
    const before = await lineOf(setup);
    const result = await applyObservation(
      db,
      await snapshotOf(workload),
      backendJob(workload.externalId, {
        state: "FAILED",
        startedAt: at(0),
        endedAt: at(9),
        exitCode: 1,
        elapsedSeconds: 9,
      }),
      { clusterCode: setup.clusterCode },
    );
    expect(result).toMatchObject({
      changed: true,
      status: "FAILED",
      settlement: { settledUnitSeconds: 0, releasedUnitSeconds: 0 },
    });
    expect(await lineOf(setup)).toEqual(before);
    expect((await audits(workload.id)).map((a) => a.action)).toContain("workload.failed");
  });
});

describe("workloads that end without running", () => {
  it("refuses an accepted workload once and releases its hold", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 50_000n });
    const workload = await createTestWorkload(db, setup, { quantity: 2, walltimeSeconds: 600 });
    const first = await refuseWorkload(db, workload, { reason: "Invalid account t_x" });
    const second = await refuseWorkload(db, workload, { reason: "Invalid account t_x" });
    expect([first.changed, second.changed]).toEqual([true, false]);
    expect(await workloadRow(workload.id)).toMatchObject({
      status: "REFUSED",
      statusReason: "Invalid account t_x",
    });
    expect((await lineOf(setup)).heldUnitSeconds).toBe(0n);
    expect((await audits(workload.id)).map((a) => a.action)).toEqual(["workload.refused"]);
    await expect(refuseWorkload(db, workload, { reason: " " })).rejects.toMatchObject({
      code: "INVALID",
    });
  });

  it("cancels an unsubmitted workload only when a cancel was requested", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 50_000n });
    const workload = await createTestWorkload(db, setup, { walltimeSeconds: 900 });
    expect((await cancelUnsubmittedWorkload(db, workload)).changed).toBe(false);
    expect((await workloadRow(workload.id)).status).toBe("ACCEPTED");
    await db.workload.update({
      where: { id: workload.id },
      data: { cancelRequestedAt: new Date() },
    });
    expect(await cancelUnsubmittedWorkload(db, workload)).toMatchObject({
      changed: true,
      status: "CANCELLED",
    });
    expect((await lineOf(setup)).heldUnitSeconds).toBe(0n);
    const ledger = await db.quotaLedgerEntry.findMany({ where: { holdId: workload.holdId } });
    expect(ledger.map((e) => e.kind).sort()).toEqual(["HOLD", "RELEASE"]);
  });

  it("marks a missing job lost only after the grace period, unless it reappears", async () => {
    const setup = await createWorkloadSetup(db, { grantedUnitSeconds: 50_000n });
    const workload = await submitted(setup, { walltimeSeconds: 500 });
    const pending = backendJob(workload.externalId, { reason: "Resources" });
    await applyBackendObservation(db, workload, pending);
    const missing = await markWorkloadMissing(db, workload, { graceSeconds: 300, now: at(0) });
    expect(missing).toEqual({ changed: true, missingSince: at(0) });
    expect(
      (await markWorkloadMissing(db, workload, { graceSeconds: 300, now: at(60) })).changed,
    ).toBe(false);
    expect(
      (await markWorkloadLost(db, workload, { graceSeconds: 300, now: at(299) })).changed,
    ).toBe(false);

    // It comes back unchanged: the grace period is over, the timeline says so.
    await applyBackendObservation(db, workload, pending);
    expect((await workloadRow(workload.id)).missingSince).toBeNull();
    expect((await timeline(workload.id)).at(-1)!.message).toBe(
      "The cluster reports this job again.",
    );
    expect(
      (await markWorkloadLost(db, workload, { graceSeconds: 300, now: at(400) })).changed,
    ).toBe(false);

    await markWorkloadMissing(db, workload, { graceSeconds: 300, now: at(400) });
    expect(
      (await markWorkloadLost(db, workload, { graceSeconds: 300, now: at(650) })).changed,
    ).toBe(false);
    expect(await markWorkloadLost(db, workload, { graceSeconds: 300, now: at(700) })).toMatchObject(
      {
        changed: true,
        status: "LOST",
      },
    );
    expect((await lineOf(setup)).heldUnitSeconds).toBe(0n);
    expect((await workloadRow(workload.id)).endedAt).toEqual(at(700));
    expect((await timeline(workload.id)).at(-1)).toMatchObject({
      status: "LOST",
      createdAt: at(700),
    });
    expect((await audits(workload.id)).map((a) => a.action)).toContain("workload.lost");
    expect(
      (await timeline(workload.id)).some((e) => e.message?.includes("will be marked lost")),
    ).toBe(true);
  });
});

describe("provisionTenant", () => {
  function driverDouble(fail?: DriverError) {
    const calls: TenantAccountSpec[] = [];
    const driver: Pick<ComputeDriver, "ensureTenant"> = {
      ensureTenant: (spec) => {
        calls.push(spec);
        return fail ? Promise.reject(fail) : Promise.resolve();
      },
    };
    return { driver, calls };
  }

  it("creates the account with the organisation's GPU cap, audits once, and follows a changed cap", async () => {
    const setup = await createWorkloadSetup(db);
    await db.organization.update({
      where: { id: setup.organizationId },
      data: { maxConcurrentGpus: 3 },
    });
    const { driver, calls } = driverDouble();
    const input = { organizationId: setup.organizationId, clusterId: setup.clusterId };
    const [a, b] = await Promise.all([
      provisionTenant(db, driver, input),
      provisionTenant(db, driver, input),
    ]);
    expect([a.changed, b.changed].filter(Boolean)).toHaveLength(1);
    const expectedName = `t_${setup.organizationSlug.replace(/-/g, "_")}`;
    expect(a).toMatchObject({ accountName: expectedName, gpuLimit: 3, status: "READY" });
    expect(calls[0]).toEqual({ accountName: expectedName, gpuLimit: 3 });
    const account = await db.tenantClusterAccount.findFirstOrThrow({
      where: { organizationId: setup.organizationId, clusterId: setup.clusterId },
    });
    expect(account).toMatchObject({ status: "READY", gpuLimit: 3, lastError: null });
    expect((await audits(account.id)).map((e) => e.action)).toEqual(["tenant.provisioned"]);

    expect((await provisionTenant(db, driver, input)).changed).toBe(false);
    await db.organization.update({
      where: { id: setup.organizationId },
      data: { maxConcurrentGpus: 5 },
    });
    expect(await provisionTenant(db, driver, input)).toMatchObject({ changed: true, gpuLimit: 5 });
    expect(await audits(account.id)).toHaveLength(2);
  });

  it("marks the account FAILED with the error and rethrows it", async () => {
    const setup = await createWorkloadSetup(db);
    const refusal = new DriverError("sacctmgr: account name too long", false);
    const { driver } = driverDouble(refusal);
    await expect(
      provisionTenant(db, driver, {
        organizationId: setup.organizationId,
        clusterId: setup.clusterId,
      }),
    ).rejects.toBe(refusal);
    const account = await db.tenantClusterAccount.findFirstOrThrow({
      where: { organizationId: setup.organizationId },
    });
    expect(account).toMatchObject({
      status: "FAILED",
      lastError: "sacctmgr: account name too long",
    });
  });
});

describe("output, sightings, dead letters and stalled launches", () => {
  it("stores the output tail only when it changed; a sighting is stamped once a minute and leaves updatedAt alone", async () => {
    const setup = await createWorkloadSetup(db);
    const workload = await submitted(setup);
    const t0 = new Date();
    const secondsOn = (seconds: number) => ({ now: new Date(t0.getTime() + seconds * 1000) });
    expect(await refreshWorkloadOutput(db, workload, "epoch 1\n", secondsOn(0))).toBe(true);
    expect(await refreshWorkloadOutput(db, workload, "epoch 1\n", secondsOn(20))).toBe(false);
    expect(await refreshWorkloadOutput(db, workload, null, secondsOn(20))).toBe(false);
    // A running job's tail is taken again only every OUTPUT_REFRESH_SECONDS…
    expect(await refreshWorkloadOutput(db, workload, "epoch 2\n", secondsOn(25))).toBe(true);
    expect(await refreshWorkloadOutput(db, workload, "epoch 3\n", secondsOn(30))).toBe(false);
    // …but the last words of a job that ended are always kept.
    expect(
      await refreshWorkloadOutput(db, workload, "epoch 3\ndone\n", {
        ...secondsOn(31),
        final: true,
      }),
    ).toBe(true);
    const before = await workloadRow(workload.id);
    expect(before.outputTail).toBe("epoch 3\ndone\n");
    expect(before.outputTailAt).toEqual(secondsOn(31).now);
    // Submitting stamped it just now: a sighting within the resolution writes nothing.
    const soon = new Date(before.lastObservedAt!.getTime() + 30_000);
    expect(await recordWorkloadsSeen(db, [workload.id], soon)).toBe(0);
    const later = new Date(before.lastObservedAt!.getTime() + 61_000);
    expect(await recordWorkloadsSeen(db, [workload.id], later)).toBe(1);
    const after = await workloadRow(workload.id);
    expect(after.lastObservedAt).toEqual(later);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("keeps a dead-lettered launch's workload ACCEPTED and says so in its timeline; lists it as stalled with its dead letter", async () => {
    const setup = await createWorkloadSetup(db);
    const workload = await createTestWorkload(db, setup);
    await db.outboxEvent.update({
      where: { id: workload.outboxEventId! },
      data: { dispatchedAt: at(-60) },
    });
    let stalled = await findStalledLaunches(db, { dispatchedBefore: new Date() });
    const mine = () => stalled.find((s) => s.workloadId === workload.id);
    expect(mine()).toMatchObject({ outboxEventId: workload.outboxEventId, deadLetter: null });

    const letter = await recordDeadLetter(db, {
      queue: "launch",
      jobId: `outbox-${workload.outboxEventId}`,
      jobName: "workload.launch",
      payload: { workloadId: workload.id },
      error: "slurmrestd: connection refused",
      attempts: 8,
      workloadId: workload.id,
    });
    expect(letter.workloadNoted).toBe(true);
    expect((await workloadRow(workload.id)).status).toBe("ACCEPTED");
    const last = (await timeline(workload.id)).at(-1)!;
    expect(last.status).toBe("ACCEPTED");
    expect(last.message).toContain("set aside for an operator");
    expect(last.message).toContain("connection refused");
    expect(
      await db.deadLetter.findUniqueOrThrow({ where: { id: letter.deadLetterId } }),
    ).toMatchObject({
      queue: "launch",
      attempts: 8,
      payload: { workloadId: workload.id },
    });

    stalled = await findStalledLaunches(db, { dispatchedBefore: new Date() });
    expect(mine()!.deadLetter).toMatchObject({ id: letter.deadLetterId, resolvedAt: null });
    // Not yet dispatched long enough ago: not listed.
    stalled = await findStalledLaunches(db, { dispatchedBefore: at(-120) });
    expect(mine()).toBeUndefined();
  });
});
