/**
 * Reliability of the worker tier against the real Slurm cluster of infra/slurm/up.sh. Each case
 * prints its lost and doubled counts (`reliability <case> lost=<n> doubled=<m>`); lost means a
 * launch that did not complete, doubled means more than one Slurm job for one workload (counted
 * from Slurm's own accounting, not from Tessera's rows).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@tessera/core";
import { serverEnv } from "@tessera/config";
import type { Database } from "@tessera/db";
import {
  eventually,
  startWorkerProcess,
  type WorkerProcess,
} from "../../../../infra/test/worker-process";
import { createIsolatedDatabase, type IsolatedDatabase } from "../testing/isolated-database";
import { obliterateQueues, testQueuePrefix } from "../testing/queue-prefix";
import {
  createSlurmWorld,
  lostAndDoubled,
  restartSlurmController,
  slurmJobsPerWorkload,
  tesseraJobsSubmittedSince,
  type SlurmWorld,
} from "./slurm-fixture";

let isolated: IsolatedDatabase;
let database: Database;
const running: WorkerProcess[] = [];

beforeAll(async () => {
  isolated = await createIsolatedDatabase("reliability");
  database = isolated.database;
});

// Each case starts its own workers and leaves none behind: a worker of an earlier case would
// relay the next case's launches through queues the next case does not flush.
afterEach(async () => {
  await Promise.all(running.splice(0).map((worker) => worker.stop()));
});

afterAll(async () => {
  await isolated?.close();
});

async function worker(prefix: string): Promise<WorkerProcess> {
  const started = await startWorkerProcess({
    DATABASE_URL: isolated.url,
    REDIS_URL: serverEnv().REDIS_URL,
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: "8",
    WORKER_POLL_MS: "500",
    RECONCILE_EVERY_MS: "2000",
    LOST_GRACE_SECONDS: "120",
  });
  running.push(started);
  await started.ready();
  return started;
}

async function statusesOf(ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await database.workload.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, status: true },
  });
  return new Map(rows.map((row) => [row.id, row.status]));
}

const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED", "LOST", "REFUSED"]);

/** Waits until every workload has ended, then until accounting shows a job for each. */
async function settle(ids: readonly string[], since: Date, timeoutMs: number) {
  const statuses = await eventually(
    `${ids.length} launches to end`,
    async () => {
      const current = await statusesOf(ids);
      return [...current.values()].every((status) => TERMINAL.has(status)) ? current : undefined;
    },
    timeoutMs,
    500,
  );
  // slurmdbd records asynchronously; give accounting a moment to catch up with the controller.
  const jobs = await eventually(
    "accounting to list every job",
    async () => {
      const found = await slurmJobsPerWorkload(ids, since);
      return [...found.values()].every((list) => list.length > 0) ? found : undefined;
    },
    30_000,
    1_000,
  ).catch(() => slurmJobsPerWorkload(ids, since));
  const outcome = lostAndDoubled(statuses, jobs);
  if (outcome.lost > 0) {
    // Say what happened to the launches that did not complete.
    const rows = await database.workload.findMany({
      where: { id: { in: [...ids] }, status: { not: "COMPLETED" } },
      select: { status: true, statusReason: true, exitCode: true },
      take: 5,
    });
    console.info(`not completed: ${JSON.stringify(rows)}`);
  }
  return { statuses, jobs, ...outcome };
}

async function expectSettledHolds(world: SlurmWorld, ids: readonly string[]) {
  const holds = await database.quotaHold.findMany({
    where: { reference: { in: ids.map((id) => `workload:${id}`) } },
    select: { status: true },
  });
  expect(holds).toHaveLength(ids.length);
  expect(holds.every((hold) => hold.status === "SETTLED")).toBe(true);
  const line = await database.allocationLine.findUniqueOrThrow({
    where: { id: world.allocationLineId },
  });
  expect(line.heldUnitSeconds).toBe(0n);
}

describe("the worker tier on a real Slurm cluster", () => {
  it("(a) loses and doubles nothing while workers are SIGKILLed during 100 launches", async () => {
    const prefix = testQueuePrefix("rel_a");
    const world = await createSlurmWorld(database, { grantedUnitSeconds: 1_000_000n });
    const since = new Date();
    const workers = [await worker(prefix), await worker(prefix)];
    const ids: string[] = [];
    const submitting = (async () => {
      for (let i = 0; i < 100; i += 1) {
        ids.push(await world.submit(`crash-${i}`, { script: "#!/bin/bash\nsleep 1\n" }));
        if (i % 10 === 9) await sleep(200);
      }
    })();
    // Four crashes while launches are under way; a replacement starts after each.
    for (let crash = 0; crash < 4; crash += 1) {
      await sleep(2_500);
      const victim = workers.shift()!;
      await victim.crash();
      workers.push(await worker(prefix));
    }
    await submitting;
    const result = await settle(ids, since, 360_000);
    console.info(`reliability (a) sigkill lost=${result.lost} doubled=${result.doubled}`);
    expect(ids).toHaveLength(100);
    expect(result.doubled).toBe(0);
    expect(result.lost).toBe(0);
    await expectSettledHolds(world, ids);
    await obliterateQueues(prefix);
  }, 600_000);

  it("(b) loses nothing when Redis loses every queue during a burst", async () => {
    const prefix = testQueuePrefix("rel_b");
    const world = await createSlurmWorld(database, { grantedUnitSeconds: 1_000_000n });
    const since = new Date();
    await worker(prefix);
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      ids.push(await world.submit(`flush-${i}`, { script: "#!/bin/bash\nsleep 1\n" }));
      // The flush lands in the middle of the burst: some launches queued, some not yet.
      if (i === 14) await obliterateQueues(prefix);
    }
    const result = await settle(ids, since, 300_000);
    console.info(`reliability (b) redis-flush lost=${result.lost} doubled=${result.doubled}`);
    expect(result.doubled).toBe(0);
    expect(result.lost).toBe(0);
    await expectSettledHolds(world, ids);
    await obliterateQueues(prefix);
  }, 420_000);

  it("(c) keeps running jobs through a slurmctld restart, and states converge", async () => {
    const prefix = testQueuePrefix("rel_c");
    const world = await createSlurmWorld(database, { grantedUnitSeconds: 1_000_000n });
    const since = new Date();
    await worker(prefix);
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      ids.push(await world.submit(`restart-${i}`, { script: "#!/bin/bash\nsleep 12\n" }));
    }
    await eventually(
      "some jobs running",
      async () => {
        const running = await database.workload.count({
          where: { id: { in: ids }, status: "RUNNING" },
        });
        return running > 0 ? running : undefined;
      },
      60_000,
    );
    const before = await database.workload.findMany({
      where: { id: { in: ids } },
      select: { id: true, externalId: true },
    });
    await restartSlurmController();
    const result = await settle(ids, since, 240_000);
    console.info(`reliability (c) slurmctld-restart lost=${result.lost} doubled=${result.doubled}`);
    expect(result.doubled).toBe(0);
    expect(result.lost).toBe(0);
    // The jobs that existed before the restart are the ones that completed: same Slurm job ids.
    for (const row of before) {
      if (row.externalId) expect(result.jobs.get(row.id)).toEqual([row.externalId]);
    }
    await expectSettledHolds(world, ids);
    await obliterateQueues(prefix);
  }, 420_000);

  it("(d) refuses a launch beyond quota and changes nothing, on the cluster or in the database", async () => {
    const world = await createSlurmWorld(database, { grantedUnitSeconds: 3_600n });
    const since = new Date();
    const counts = async () => ({
      workloads: await database.workload.count({ where: { organizationId: world.organizationId } }),
      outbox: await database.outboxEvent.count(),
      holds: await database.quotaHold.count({ where: { organizationId: world.organizationId } }),
      line: await database.allocationLine.findUniqueOrThrow({
        where: { id: world.allocationLineId },
        select: { heldUnitSeconds: true, consumedUnitSeconds: true },
      }),
    });
    const before = await counts();
    // 2 GPUs for an hour = 7,200 GPU-seconds against 3,600 granted.
    const refusal = await world
      .submit("too-big", { script: "#!/bin/bash\nsleep 1\n", quantity: 2, walltimeSeconds: 3_600 })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).message).toBe(
      "Not enough quota left on this allocation: this needs 2 GPU-hours and 1 GPU-hour remain, 1 GPU-hour short.",
    );
    expect(await counts()).toEqual(before);
    // Give a (wrongly) dispatched launch time to reach the cluster, then look at what Slurm saw.
    await sleep(2_000);
    expect(await tesseraJobsSubmittedSince(since)).toEqual([]);
    console.info("reliability (d) over-quota lost=0 doubled=0");
  });
});
