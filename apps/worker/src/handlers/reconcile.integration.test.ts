import { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxJobId } from "@tessera/core";
import type { Database } from "@tessera/db";
import {
  createTestWorkload,
  createWorkloadSetup,
} from "../../../../packages/core/src/workloads/lifecycle/workload-fixture";
import { relayOutboxOnce } from "../relay";
import { createTestContext } from "../testing/handler-context";
import { createIsolatedDatabase, type IsolatedDatabase } from "../testing/isolated-database";
import { obliterateQueues, testQueuePrefix } from "../testing/queue-prefix";
import { handleLaunch } from "./launch";
import { handleReconcile } from "./reconcile";
import { handleTrack } from "./track";
import { createDriverRegistry } from "../drivers";

let isolated: IsolatedDatabase;
let database: Database;
let harness: ReturnType<typeof createTestContext>;
const prefix = testQueuePrefix("reconcile");

beforeAll(async () => {
  isolated = await createIsolatedDatabase("reconcile");
  database = isolated.database;
  harness = createTestContext(database, prefix, {
    settings: { lostGraceSeconds: 300, redriveAfterMs: 10_000 },
  });
});

afterAll(async () => {
  await harness?.close();
  await isolated?.close();
  await obliterateQueues(prefix);
});

const workloadRow = (id: string) => database.workload.findUniqueOrThrow({ where: { id } });
const orphanAudits = (externalId: string) =>
  database.auditEvent.findMany({
    where: {
      action: "workload.orphan_cancelled",
      data: { path: ["externalId"], equals: externalId },
    },
  });

/** As if the relay had dispatched the event a minute ago. */
const dispatchedLongAgo = (eventId: bigint) =>
  database.outboxEvent.update({
    where: { id: eventId },
    data: { dispatchedAt: new Date(Date.now() - 60_000) },
  });

describe("reconcile", () => {
  it("cancels backend jobs no live workload owns, and leaves jobs of live or launching workloads alone", async () => {
    const setup = await createWorkloadSetup(database);
    const backend = harness.backend(setup.clusterId);
    const live = await createTestWorkload(database, setup, { outbox: false });
    await handleLaunch(harness.context, { workloadId: live.id });
    const liveJob = backend.jobOf(live.id)!.externalId;
    const ended = await createTestWorkload(database, setup, { outbox: false });
    await handleLaunch(harness.context, { workloadId: ended.id });
    await database.workload.update({ where: { id: ended.id }, data: { status: "COMPLETED" } });
    const endedJob = backend.jobOf(ended.id)!.externalId;
    const ghostJob = backend.addJob("cnotaworkloadatall0000000");
    const launching = await createTestWorkload(database, setup, { outbox: false });
    const launchingJob = backend.addJob(launching.id);
    const duplicateJob = backend.addJob(live.id);
    const foreignJob = backend.addJob(null);

    const summary = await handleReconcile(harness.context);
    expect(summary.orphansCancelled).toBe(3);
    expect(backend.cancelCalls.sort()).toEqual([duplicateJob, endedJob, ghostJob].sort());
    for (const id of [liveJob, launchingJob, foreignJob]) {
      expect(backend.jobs.get(id)!.job.state).not.toBe("CANCELLED");
    }
    const [ghost] = await orphanAudits(ghostJob);
    expect(ghost!.data).toMatchObject({ reason: "no_workload", cluster: setup.clusterCode });
    expect((await orphanAudits(endedJob))[0]!.data).toMatchObject({ reason: "workload_ended" });
    expect((await orphanAudits(duplicateJob))[0]!.organizationId).toBe(setup.organizationId);

    // The next sweep finds nothing more to cancel.
    expect((await handleReconcile(harness.context)).orphansCancelled).toBe(0);
  });

  it("sweeps only clusters of a kind this release drives", async () => {
    const kubernetes = await database.cluster.create({
      data: {
        code: `k8s-${Date.now()}`,
        name: "Inference cluster (no driver yet)",
        kind: "KUBERNETES",
        region: "test",
        jurisdiction: "DE",
      },
    });
    // Registered in the catalogue before its slurmrestd address is known.
    const unwired = await database.cluster.create({
      data: {
        code: `slurm-unwired-${Date.now()}`,
        name: "Training cluster without an endpoint yet",
        kind: "SLURM",
        region: "test",
        jurisdiction: "DE",
      },
    });
    const swept = (await harness.context.drivers.activeClusters()).map((cluster) => cluster.id);
    expect(swept).not.toContain(kubernetes.id);
    expect(swept).not.toContain(unwired.id);
    expect(swept.length).toBeGreaterThan(0);
    await database.cluster.updateMany({
      where: { id: { in: [kubernetes.id, unwired.id] } },
      data: { active: false },
    });
  });

  it("keeps tracking every other cluster when one cluster's driver cannot be made", async () => {
    const setup = await createWorkloadSetup(database);
    const workload = await createTestWorkload(database, setup, { outbox: false });
    await handleLaunch(harness.context, { workloadId: workload.id });
    const broken = await database.cluster.create({
      data: {
        code: `aaa-broken-${Date.now()}`,
        name: "A cluster whose driver throws",
        kind: "SIM",
        region: "test",
        jurisdiction: "DE",
      },
    });
    // The same in-memory backends, but making the broken cluster's driver throws, as a driver
    // with an unusable configuration does. It sorts first, so it is swept before the others.
    const drivers = createDriverRegistry(database, (cluster) => {
      if (cluster.id === broken.id) throw new Error("unusable configuration");
      return harness.backend(cluster.id);
    });
    const context = { ...harness.context, drivers };
    const backend = harness.backend(setup.clusterId);
    backend.run(backend.jobOf(workload.id)!.externalId, new Date());
    try {
      const tracked = await handleTrack(context);
      expect(tracked.failedClusters).toEqual([broken.code]);
      expect((await workloadRow(workload.id)).status).toBe("RUNNING");
      const reconciled = await handleReconcile(context);
      expect(reconciled.failedClusters).toEqual([broken.code]);
    } finally {
      await database.cluster.update({ where: { id: broken.id }, data: { active: false } });
    }
  });

  it("leaves alone a live workload's job that another cluster record of the same backend lists", async () => {
    const setup = await createWorkloadSetup(database);
    const live = await createTestWorkload(database, setup, { outbox: false });
    await handleLaunch(harness.context, { workloadId: live.id });
    // The same backend registered twice: the second record sees the first one's job too.
    const twin = await database.cluster.create({
      data: {
        code: `twin-${setup.clusterCode}`,
        name: "The same backend, registered again",
        kind: "SIM",
        region: "test",
        jurisdiction: "DE",
      },
    });
    const twinBackend = harness.backend(twin.id);
    const seenTwice = twinBackend.addJob(live.id);
    await handleReconcile(harness.context);
    expect(twinBackend.cancelCalls).not.toContain(seenTwice);
    expect((await workloadRow(live.id)).status).not.toBe("CANCELLED");
    await database.cluster.update({ where: { id: twin.id }, data: { active: false } });
  });

  it("marks a workload whose job vanished missing, then LOST after the grace period, releasing its hold", async () => {
    const setup = await createWorkloadSetup(database, { grantedUnitSeconds: 100_000n });
    const backend = harness.backend(setup.clusterId);
    const workload = await createTestWorkload(database, setup, {
      walltimeSeconds: 900,
      outbox: false,
    });
    await handleLaunch(harness.context, { workloadId: workload.id });
    backend.forget(backend.jobOf(workload.id)!.externalId);

    const first = await handleReconcile(harness.context);
    expect(first).toMatchObject({ markedMissing: 1, markedLost: 0 });
    const missing = await workloadRow(workload.id);
    expect(missing.status).toBe("SUBMITTED");
    expect(missing.missingSince).toBeInstanceOf(Date);

    // The grace period (300 s) has passed.
    await database.workload.update({
      where: { id: workload.id },
      data: { missingSince: new Date(Date.now() - 301_000) },
    });
    const second = await handleReconcile(harness.context);
    expect(second).toMatchObject({ markedMissing: 0, markedLost: 1 });
    expect(await workloadRow(workload.id)).toMatchObject({
      status: "LOST",
      consumedUnitSeconds: 0n,
    });
    const line = await database.allocationLine.findUniqueOrThrow({
      where: { id: setup.allocationLineId },
    });
    expect(line.heldUnitSeconds).toBe(0n);
    expect(
      await database.auditEvent.count({
        where: { targetId: workload.id, action: "workload.lost" },
      }),
    ).toBe(1);
  });

  it("does not count jobs as missing when the backend cannot be asked", async () => {
    const setup = await createWorkloadSetup(database);
    const backend = harness.backend(setup.clusterId);
    const workload = await createTestWorkload(database, setup, { outbox: false });
    await handleLaunch(harness.context, { workloadId: workload.id });
    backend.forget(backend.jobOf(workload.id)!.externalId);
    backend.describeFailures.push(new Error("slurmrestd: 500"));
    const summary = await handleReconcile(harness.context);
    expect(summary.failedClusters).toContain(setup.clusterCode);
    expect((await workloadRow(workload.id)).missingSince).toBeNull();
  });

  it("re-drives a launch whose queue job was lost with Redis, once, under the same job id", async () => {
    const setup = await createWorkloadSetup(database);
    const workload = await createTestWorkload(database, setup);
    await relayOutboxOnce(database, harness.queues);
    const jobId = outboxJobId(workload.outboxEventId!);
    expect(await harness.queues.launch.getJobState(jobId)).toBe("waiting");

    // Queued a moment ago: the reconciler leaves it to the queue.
    await dispatchedLongAgo(workload.outboxEventId!);
    expect((await handleReconcile(harness.context)).launchesRedriven).toBe(0);

    await obliterateQueues(prefix);
    expect(await harness.queues.launch.getJobState(jobId)).toBe("unknown");
    const summary = await handleReconcile(harness.context);
    expect(summary.launchesRedriven).toBe(1);
    const job = await harness.queues.launch.getJob(jobId);
    expect(job).toMatchObject({ name: "workload.launch", data: { workloadId: workload.id } });
    expect((await handleReconcile(harness.context)).launchesRedriven).toBe(0);

    await handleLaunch(harness.context, job!.data as { workloadId: string });
    expect((await workloadRow(workload.id)).status).toBe("SUBMITTED");
    await obliterateQueues(prefix);
    expect((await handleReconcile(harness.context)).launchesRedriven).toBe(0);
  });

  it("re-drives a launch whose job completed while the workload is still accepted", async () => {
    const setup = await createWorkloadSetup(database);
    const workload = await createTestWorkload(database, setup);
    await relayOutboxOnce(database, harness.queues);
    await dispatchedLongAgo(workload.outboxEventId!);
    const jobId = outboxJobId(workload.outboxEventId!);
    // Take the job by hand and complete it without launching: a finished job under the id.
    const manual = new Worker(harness.queues.launch.name, null, {
      connection: harness.queues.launch.opts.connection,
      prefix,
    });
    const token = "test-token";
    const taken = await manual.getNextJob(token);
    expect(taken?.id).toBe(jobId);
    await taken.moveToCompleted({ outcome: "nothing" }, token, false);
    await manual.close();
    expect(await harness.queues.launch.getJobState(jobId)).toBe("completed");

    expect((await handleReconcile(harness.context)).launchesRedriven).toBe(1);
    expect(await harness.queues.launch.getJobState(jobId)).toBe("waiting");
    await handleLaunch(harness.context, { workloadId: workload.id });
    await harness.queues.launch.drain();
  });

  it("waits for an operator on a dead-lettered launch, and withdraws it once dismissed", async () => {
    const setup = await createWorkloadSetup(database);
    const workload = await createTestWorkload(database, setup, { walltimeSeconds: 1_200 });
    await relayOutboxOnce(database, harness.queues);
    await dispatchedLongAgo(workload.outboxEventId!);
    await obliterateQueues(prefix);
    const letter = await database.deadLetter.create({
      data: {
        queue: "launch",
        jobId: outboxJobId(workload.outboxEventId!),
        jobName: "workload.launch",
        payload: { workloadId: workload.id },
        error: "slurmrestd unreachable",
        attempts: 8,
      },
    });
    expect((await handleReconcile(harness.context)).launchesWithdrawn).toBe(0);
    expect(await harness.queues.launch.getJobState(letter.jobId)).toBe("unknown");
    expect((await workloadRow(workload.id)).status).toBe("ACCEPTED");

    await database.deadLetter.update({
      where: { id: letter.id },
      data: { resolvedAt: new Date(), resolution: "image no longer exists" },
    });
    expect((await handleReconcile(harness.context)).launchesWithdrawn).toBe(1);
    expect(await workloadRow(workload.id)).toMatchObject({
      status: "REFUSED",
      statusReason: "An operator withdrew the launch: image no longer exists",
    });
    const line = await database.allocationLine.findUniqueOrThrow({
      where: { id: setup.allocationLineId },
    });
    expect(line.heldUnitSeconds).toBe(0n);
  });

  it("cancels again a job whose cancel was requested long ago and still runs", async () => {
    const setup = await createWorkloadSetup(database);
    const backend = harness.backend(setup.clusterId);
    const workload = await createTestWorkload(database, setup, { outbox: false });
    await handleLaunch(harness.context, { workloadId: workload.id });
    const externalId = backend.jobOf(workload.id)!.externalId;
    backend.run(externalId, new Date());
    await database.workload.update({
      where: { id: workload.id },
      data: { status: "RUNNING", cancelRequestedAt: new Date(Date.now() - 60_000) },
    });
    const summary = await handleReconcile(harness.context);
    expect(summary.cancelsResent).toBe(1);
    expect(backend.cancelCalls).toContain(externalId);
    expect(backend.jobs.get(externalId)!.job.state).toBe("CANCELLED");
  });
});
