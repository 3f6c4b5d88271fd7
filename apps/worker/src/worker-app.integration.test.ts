import { setTimeout as sleep } from "node:timers/promises";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import { OUTBOX_JOB_OPTIONS, WORKER_QUEUES, outboxJobId } from "@tessera/core";
import type { Database } from "@tessera/db";
import {
  createTestWorkload,
  createWorkloadSetup,
} from "../../../packages/core/src/workloads/lifecycle/workload-fixture";
import { createLogger } from "./logger";
import { inMemoryDrivers, outage } from "./testing/in-memory-driver";
import { createIsolatedDatabase, type IsolatedDatabase } from "./testing/isolated-database";
import { obliterateQueues, testQueuePrefix } from "./testing/queue-prefix";
import { createWorkerApp, type WorkerApp } from "./worker-app";
import { freePort } from "../../../infra/test/worker-process";

let isolated: IsolatedDatabase;
let database: Database;

beforeAll(async () => {
  isolated = await createIsolatedDatabase("app");
  database = isolated.database;
});

afterAll(async () => {
  await isolated?.close();
});

/** A running worker; without in-memory backends it drives clusters through @tessera/drivers. */
async function startApp(prefix: string, backends?: ReturnType<typeof inMemoryDrivers>) {
  const port = await freePort();
  const env = serverEnv({
    NODE_ENV: "test",
    DATABASE_URL: isolated.url,
    REDIS_URL: serverEnv().REDIS_URL,
    QUEUE_PREFIX: prefix,
    WORKER_POLL_MS: "200",
    RECONCILE_EVERY_MS: "1000",
    WORKER_HEALTH_PORT: String(port),
    LOG_LEVEL: "error",
  });
  const app = createWorkerApp(env, createLogger("error"), {
    driverFactory: backends?.factory,
    relayIdleMs: 25,
  });
  await app.start();
  return { app, port };
}

/** Waits for a condition the worker brings about; fails with what it was waiting for. */
async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>) {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const value = await probe();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

const statusOf = async (id: string) =>
  (await database.workload.findUniqueOrThrow({ where: { id } })).status;

describe("the running worker", () => {
  const prefix = testQueuePrefix("app");
  const backends = inMemoryDrivers();
  let app: WorkerApp;
  let port: number;

  beforeAll(async () => {
    ({ app, port } = await startApp(prefix, backends));
  });

  afterAll(async () => {
    await app?.close();
    await obliterateQueues(prefix);
  });

  it("takes a workload from the outbox to the backend and follows it to completion", async () => {
    const setup = await createWorkloadSetup(database, { grantedUnitSeconds: 100_000n });
    const workload = await createTestWorkload(database, setup, {
      quantity: 2,
      walltimeSeconds: 1_800,
    });
    // The tracker may already have seen it pending in the backend's queue.
    await eventually("the workload to be submitted", async () =>
      ["SUBMITTED", "PENDING"].includes(await statusOf(workload.id)),
    );
    const backend = backends.driver(setup.clusterId);
    const job = backend.jobOf(workload.id)!;
    backend.run(job.externalId, new Date(Date.now() - 90_000), "training…\n");
    await eventually("the workload to run", async () =>
      (await statusOf(workload.id)) === "RUNNING" ? true : null,
    );
    backend.end(job.externalId, "COMPLETED", 0);
    const done = await eventually("the workload to complete", async () => {
      const row = await database.workload.findUniqueOrThrow({ where: { id: workload.id } });
      return row.status === "COMPLETED" ? row : null;
    });
    expect(done.outputTail).toBe("training…\n");
    expect(done.consumedUnitSeconds).toBe(BigInt(backend.jobOf(workload.id)!.elapsedSeconds! * 2));
    const line = await database.allocationLine.findUniqueOrThrow({
      where: { id: setup.allocationLineId },
    });
    expect(line.heldUnitSeconds).toBe(0n);
    expect(line.consumedUnitSeconds).toBe(done.consumedUnitSeconds);
    expect(backend.jobsOf(workload.id)).toHaveLength(1);
  });

  it("sets a launch aside as a dead letter once its attempts are spent, keeping the workload accepted", async () => {
    const setup = await createWorkloadSetup(database);
    const workload = await createTestWorkload(database, setup, { outbox: false });
    const backend = backends.driver(setup.clusterId);
    backend.submitFailures.push(outage("slurmrestd: 503"), outage("slurmrestd: 503"));
    const connection = new Redis(serverEnv().REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(WORKER_QUEUES.launch, { connection, prefix });
    const jobId = outboxJobId(900_000_000 + Math.floor(Math.random() * 1_000_000));
    await queue.add(
      "workload.launch",
      { workloadId: workload.id },
      { ...OUTBOX_JOB_OPTIONS, attempts: 2, backoff: { type: "fixed", delay: 10 }, jobId },
    );
    const letter = await eventually("the dead letter", () =>
      database.deadLetter.findFirst({ where: { jobId } }),
    );
    await queue.close();
    await connection.quit();
    expect(letter).toMatchObject({
      queue: "launch",
      jobName: "workload.launch",
      attempts: 2,
      error: "slurmrestd: 503",
      payload: { workloadId: workload.id },
      resolvedAt: null,
    });
    expect(await statusOf(workload.id)).toBe("ACCEPTED");
    const timeline = await database.workloadEvent.findMany({
      where: { workloadId: workload.id },
      orderBy: { id: "asc" },
    });
    expect(timeline.at(-1)!.message).toContain("set aside for an operator");
    expect(backend.submitCalls).toBe(2);

    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/tessera_worker_dead_letters_total\{[^}]*queue="launch"[^}]*\} 1/);
    expect(metrics).toMatch(/tessera_worker_job_failures_total\{[^}]*queue="launch",final="false"/);
  });

  it("serves queue depth, outbox backlog, relay lag, handler latency and the outbox listener on /metrics", async () => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(text).toMatch(/tessera_outbox_listener_up\{[^}]*\} 1/);
    for (const queue of Object.values(WORKER_QUEUES)) {
      expect(text).toContain(`tessera_queue_jobs{queue="${queue}",state="waiting"`);
    }
    expect(text).toMatch(/tessera_outbox_backlog\{[^}]*\} 0/);
    expect(text).toContain("tessera_outbox_oldest_undispatched_age_seconds");
    expect(text).toMatch(/tessera_outbox_relay_lag_seconds_count\{[^}]*\} [1-9]/);
    expect(text).toMatch(
      /tessera_worker_handler_duration_seconds_count\{[^}]*queue="launch",outcome="completed"[^}]*\} [1-9]/,
    );
    const schedulers = new Queue(WORKER_QUEUES.reconcile, {
      connection: { url: serverEnv().REDIS_URL },
      prefix,
    });
    expect((await schedulers.getJobSchedulers()).map((s) => s.key).sort()).toEqual([
      "reconcile.idle-endpoints",
      "reconcile.reconcile",
      "reconcile.token-leases",
      "reconcile.track",
      "reconcile.track-endpoints",
    ]);
    await schedulers.close();
  });
});

describe("on the simulated cluster", () => {
  const prefix = testQueuePrefix("sim");
  let app: WorkerApp;

  beforeAll(async () => {
    ({ app } = await startApp(prefix));
  });

  afterAll(async () => {
    await app?.close();
    await obliterateQueues(prefix);
  });

  it("runs jobs to completion and failure, settling what they used", async () => {
    const setup = await createWorkloadSetup(database, { grantedUnitSeconds: 100_000n });
    const passes = await createTestWorkload(database, setup, { quantity: 2, simSeconds: 1 });
    const fails = await createTestWorkload(database, setup, {
      simSeconds: 1,
      script: "#!/bin/bash\necho training\nexit 3\n",
    });
    const ended = async (id: string) => {
      const row = await database.workload.findUniqueOrThrow({ where: { id } });
      return ["COMPLETED", "FAILED"].includes(row.status) ? row : null;
    };
    const passed = await eventually("the first job to end", () => ended(passes.id));
    const failed = await eventually("the second job to end", () => ended(fails.id));
    expect(passed).toMatchObject({ status: "COMPLETED", exitCode: 0 });
    expect(failed).toMatchObject({ status: "FAILED", exitCode: 3 });
    // A one-second run, counted in whole seconds: 1 or 2 seconds × the units it held.
    expect([2n, 4n]).toContain(passed.consumedUnitSeconds);
    expect([1n, 2n]).toContain(failed.consumedUnitSeconds);
    const line = await database.allocationLine.findUniqueOrThrow({
      where: { id: setup.allocationLineId },
    });
    expect(line.heldUnitSeconds).toBe(0n);
    expect(line.consumedUnitSeconds).toBe(
      passed.consumedUnitSeconds! + failed.consumedUnitSeconds!,
    );
    expect(await database.simJob.count({ where: { clusterId: setup.clusterId } })).toBe(2);
    const account = await database.tenantClusterAccount.findFirstOrThrow({
      where: { organizationId: setup.organizationId, clusterId: setup.clusterId },
    });
    expect(account.status).toBe("READY");
  });
});

describe("shutdown", () => {
  it("lets the launch in progress finish before it closes", async () => {
    const prefix = testQueuePrefix("drain");
    const backends = inMemoryDrivers();
    const setup = await createWorkloadSetup(database);
    const backend = backends.driver(setup.clusterId);
    let open!: () => void;
    backend.submitGate = new Promise<void>((resolve) => (open = resolve));
    const submitting = new Promise<void>((resolve) => (backend.onSubmit = resolve));
    const { app, port } = await startApp(prefix, backends);
    const workload = await createTestWorkload(database, setup);
    await submitting;

    let closed = false;
    const closing = app.close().then(() => (closed = true));
    // The close is under way once the health endpoint has gone; it must still wait for the job.
    await eventually("the health endpoint to close", () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => false,
        () => true,
      ),
    );
    expect(closed).toBe(false);
    open();
    await closing;
    expect(["SUBMITTED", "PENDING"]).toContain(await statusOf(workload.id));
    const queue = new Queue(WORKER_QUEUES.launch, {
      connection: { url: serverEnv().REDIS_URL },
      prefix,
    });
    expect(await queue.getJobState(outboxJobId(workload.outboxEventId!))).toBe("completed");
    await queue.close();

    await obliterateQueues(prefix);
  });
});
