import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@tessera/db";
import {
  createTestWorkload,
  createWorkloadSetup,
  type WorkloadSetup,
} from "../../../../packages/core/src/workloads/lifecycle/workload-fixture";
import { createTestContext } from "../testing/handler-context";
import { refusal, outage } from "../testing/in-memory-driver";
import { createIsolatedDatabase, type IsolatedDatabase } from "../testing/isolated-database";
import { testQueuePrefix } from "../testing/queue-prefix";
import { handleCancel } from "./cancel";
import { handleLaunch } from "./launch";
import { handleProvision } from "./provision";
import { handleTrack } from "./track";

let isolated: IsolatedDatabase;
let database: Database;
let harness: ReturnType<typeof createTestContext>;
const T = new Date("2026-04-01T12:00:00Z");

beforeAll(async () => {
  isolated = await createIsolatedDatabase("handlers");
  database = isolated.database;
  harness = createTestContext(database, testQueuePrefix("handlers"), { clock: () => T });
});

afterAll(async () => {
  await harness?.close();
  await isolated?.close();
});

const workloadRow = (id: string) => database.workload.findUniqueOrThrow({ where: { id } });
const lineOf = (setup: WorkloadSetup) =>
  database.allocationLine.findUniqueOrThrow({ where: { id: setup.allocationLineId } });
const events = (id: string) =>
  database.workloadEvent.findMany({ where: { workloadId: id }, orderBy: { id: "asc" } });
const actions = async (id: string) =>
  (await database.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } })).map(
    (a) => a.action,
  );

describe("launch", () => {
  it("handled twice, also at once, makes one backend job and one SUBMITTED transition", async () => {
    const setup = await createWorkloadSetup(database);
    const workload = await createTestWorkload(database, setup, { quantity: 2, simSeconds: 30 });
    const backend = harness.backend(setup.clusterId);
    const payload = { workloadId: workload.id };
    const [first, second] = await Promise.all([
      handleLaunch(harness.context, payload),
      handleLaunch(harness.context, payload),
    ]);
    const third = await handleLaunch(harness.context, payload);

    expect(backend.jobsOf(workload.id)).toHaveLength(1);
    const externalId = backend.jobOf(workload.id)!.externalId;
    // Both may reach the cluster (the driver finds the job the other made), or the second may
    // already read SUBMITTED, depending on which reads the workload first; never two jobs.
    const outcomes = [first, second].map((r) => r.outcome).sort();
    expect([
      ["submitted", "submitted"],
      ["already-submitted", "submitted"],
    ]).toContainEqual(outcomes);
    expect(third).toEqual({ outcome: "already-submitted", status: "SUBMITTED" });
    expect(await workloadRow(workload.id)).toMatchObject({ status: "SUBMITTED", externalId });
    expect((await events(workload.id)).filter((e) => e.status === "SUBMITTED")).toHaveLength(1);
    expect(await actions(workload.id)).toEqual(["workload.launched"]);
    // The request carried the account made on first launch and the simulated duration.
    const account = await database.tenantClusterAccount.findFirstOrThrow({
      where: { organizationId: setup.organizationId, clusterId: setup.clusterId },
    });
    expect(account.status).toBe("READY");
    const request = backend.jobs.get(externalId)!.request!;
    expect(request).toMatchObject({
      account: account.accountName,
      quantity: 2,
      environment: { TESSERA_WORKLOAD_ID: workload.id, TESSERA_SIM_SECONDS: "30" },
    });
    // The two concurrent first launches may both converge the account; each asks for the same.
    const provisioned = backend.tenants.length;
    expect(provisioned).toBeGreaterThanOrEqual(1);
    for (const call of backend.tenants) {
      expect(call).toEqual({ accountName: account.accountName, gpuLimit: 8 });
    }

    // A later workload of the same organisation does not provision again.
    const next = await createTestWorkload(database, setup);
    await handleLaunch(harness.context, { workloadId: next.id });
    expect(backend.tenants).toHaveLength(provisioned);
  });

  it("closes a workload cancelled before submit without touching the backend", async () => {
    const setup = await createWorkloadSetup(database);
    const workload = await createTestWorkload(database, setup, { cancelRequestedAt: new Date() });
    expect(await handleLaunch(harness.context, { workloadId: workload.id })).toEqual({
      outcome: "cancelled",
    });
    expect(harness.backend(setup.clusterId).submitCalls).toBe(0);
    expect((await workloadRow(workload.id)).status).toBe("CANCELLED");
    expect((await lineOf(setup)).heldUnitSeconds).toBe(0n);
  });

  it("refuses on a backend refusal and releases the hold; retries on an outage", async () => {
    const setup = await createWorkloadSetup(database);
    const backend = harness.backend(setup.clusterId);
    const flaky = await createTestWorkload(database, setup);
    backend.submitFailures.push(outage("slurmctld is restarting"));
    await expect(handleLaunch(harness.context, { workloadId: flaky.id })).rejects.toThrow(
      "slurmctld is restarting",
    );
    expect((await workloadRow(flaky.id)).status).toBe("ACCEPTED");

    const refused = await createTestWorkload(database, setup, { walltimeSeconds: 600 });
    backend.submitFailures.push(refusal("Invalid partition name specified"));
    expect(await handleLaunch(harness.context, { workloadId: refused.id })).toMatchObject({
      outcome: "refused",
    });
    expect(await workloadRow(refused.id)).toMatchObject({
      status: "REFUSED",
      statusReason: "Invalid partition name specified",
    });
    const line = await lineOf(setup);
    expect(line.heldUnitSeconds).toBe(flaky.heldUnitSeconds);
    expect(await actions(refused.id)).toEqual(["workload.refused"]);
  });

  it("refuses when the organisation's account is refused by the backend", async () => {
    const setup = await createWorkloadSetup(database);
    const workload = await createTestWorkload(database, setup);
    harness.backend(setup.clusterId).tenantFailures.push(refusal("account name rejected"));
    expect(await handleLaunch(harness.context, { workloadId: workload.id })).toMatchObject({
      outcome: "refused",
      reason: "The cluster refused the organisation's account: account name rejected",
    });
    expect(harness.backend(setup.clusterId).submitCalls).toBe(0);
  });

  it("cancels the job it just made when a cancel closed the workload during the submit", async () => {
    const setup = await createWorkloadSetup(database);
    const backend = harness.backend(setup.clusterId);
    const workload = await createTestWorkload(database, setup);
    let open!: () => void;
    backend.submitGate = new Promise<void>((resolve) => (open = resolve));
    const submitting = new Promise<void>((resolve) => (backend.onSubmit = resolve));
    const launch = handleLaunch(harness.context, { workloadId: workload.id });
    await submitting;
    await database.workload.update({
      where: { id: workload.id },
      data: { cancelRequestedAt: new Date() },
    });
    expect(await handleCancel(harness.context, { workloadId: workload.id })).toEqual({
      outcome: "cancelled-before-submit",
      status: "CANCELLED",
    });
    open();
    const outcome = await launch;
    backend.submitGate = null;
    backend.onSubmit = null;
    expect(outcome.outcome).toBe("orphan-cancelled");
    expect(backend.jobOf(workload.id)!.state).toBe("CANCELLED");
    expect(await workloadRow(workload.id)).toMatchObject({ status: "CANCELLED", externalId: null });
    expect(await actions(workload.id)).toEqual(["workload.cancelled", "workload.orphan_cancelled"]);
  });
});

describe("cancel and track", () => {
  it("follows a job through pending and running, keeps its output, and settles what it ran when cancelled", async () => {
    const setup = await createWorkloadSetup(database, { grantedUnitSeconds: 100_000n });
    const backend = harness.backend(setup.clusterId);
    const workload = await createTestWorkload(database, setup, {
      quantity: 4,
      walltimeSeconds: 3_600,
    });
    await handleLaunch(harness.context, { workloadId: workload.id });
    const externalId = backend.jobOf(workload.id)!.externalId;

    backend.setPending(externalId, "Resources");
    await handleTrack(harness.context);
    expect(await workloadRow(workload.id)).toMatchObject({
      status: "PENDING",
      statusReason: "Resources",
    });
    backend.run(externalId, new Date(T.getTime() - 120_000), "step 1\nstep 2\n");
    await handleTrack(harness.context);
    expect(await workloadRow(workload.id)).toMatchObject({
      status: "RUNNING",
      outputTail: "step 1\nstep 2\n",
    });
    // The job writes more at once: the tail is taken again only after OUTPUT_REFRESH_SECONDS.
    backend.run(externalId, new Date(T.getTime() - 120_000), "step 1\nstep 2\nstep 3\n");
    await handleTrack(harness.context);
    expect((await workloadRow(workload.id)).outputTail).toBe("step 1\nstep 2\n");

    expect(await handleCancel(harness.context, { workloadId: workload.id })).toEqual({
      outcome: "not-requested",
    });
    await database.workload.update({
      where: { id: workload.id },
      data: { cancelRequestedAt: new Date() },
    });
    expect(await handleCancel(harness.context, { workloadId: workload.id })).toEqual({
      outcome: "cancel-sent",
      status: "CANCELLED",
    });
    // 120 s × 4 GPUs of the 14,400 held.
    expect(await workloadRow(workload.id)).toMatchObject({
      status: "CANCELLED",
      consumedUnitSeconds: 480n,
      statusReason: "Cancelled on request",
    });
    expect(await lineOf(setup)).toMatchObject({ heldUnitSeconds: 0n, consumedUnitSeconds: 480n });
    expect(await handleCancel(harness.context, { workloadId: workload.id })).toEqual({
      outcome: "already-ended",
      status: "CANCELLED",
    });
  });

  it("completes a job, settling elapsed × quantity, and one broken cluster does not stop the others", async () => {
    const broken = await createWorkloadSetup(database);
    const brokenJob = await createTestWorkload(database, broken);
    await handleLaunch(harness.context, { workloadId: brokenJob.id });
    const setup = await createWorkloadSetup(database, { grantedUnitSeconds: 100_000n });
    const workload = await createTestWorkload(database, setup, {
      quantity: 2,
      walltimeSeconds: 1_000,
    });
    await handleLaunch(harness.context, { workloadId: workload.id });
    const backend = harness.backend(setup.clusterId);
    const externalId = backend.jobOf(workload.id)!.externalId;
    backend.run(externalId, new Date(T.getTime() - 300_000));
    backend.end(externalId, "COMPLETED", 0);
    harness.backend(broken.clusterId).describeFailures.push(outage("connection refused"));

    const summary = await handleTrack(harness.context);
    expect(summary.failedClusters).toEqual([broken.clusterCode]);
    expect(await workloadRow(workload.id)).toMatchObject({
      status: "COMPLETED",
      exitCode: 0,
      consumedUnitSeconds: 600n,
    });
    expect(await lineOf(setup)).toMatchObject({ heldUnitSeconds: 0n, consumedUnitSeconds: 600n });
  });
});

describe("provision", () => {
  it("provisions the account, and sends a refusal straight to the dead letters", async () => {
    const setup = await createWorkloadSetup(database);
    const payload = { organizationId: setup.organizationId, clusterId: setup.clusterId };
    expect(await handleProvision(harness.context, payload)).toMatchObject({
      status: "READY",
      changed: true,
    });
    harness.backend(setup.clusterId).tenantFailures.push(refusal("GrpTRES rejected"));
    await database.organization.update({
      where: { id: setup.organizationId },
      data: { maxConcurrentGpus: 2 },
    });
    await expect(handleProvision(harness.context, payload)).rejects.toMatchObject({
      name: "UnrecoverableError",
      message: "GrpTRES rejected",
    });
  });
});
