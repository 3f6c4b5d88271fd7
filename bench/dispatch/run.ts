/**
 * Dispatch benchmark: end-to-end launches per second through the whole path — the tRPC
 * `workloads.submit` procedure (placement, hold, workload row, audit event and outbox event in one
 * transaction) → the outbox relay → BullMQ → the launch handler in real worker processes → the
 * simulated cluster's driver → SUBMITTED written back — against plain BullMQ `add` + process of
 * no-op jobs at the same client count and worker concurrency, on the same machine, in the same run.
 * Rounds alternate which side goes first. Prints last:
 *
 *   RESULT dispatch ratio=<ours ÷ baseline> p99_ms=<accept→submitted> lost=<n> doubled=<m> …
 *
 * lost = launches that never reached the cluster; doubled = extra cluster jobs for one workload.
 * Runs on its own database (tessera_bench_dispatch) and queue prefix, and removes both at the end.
 */
import { randomBytes } from "node:crypto";
import { cpus } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { createCaller, createContext } from "@tessera/api";
import { serverEnv } from "@tessera/config";
import { startWorkerProcess, type WorkerProcess } from "../../infra/test/worker-process";
import { removePrefix } from "../bench-stores";
import { machineIdleMs, postgresCpuMs, processCpuMs } from "../proc-cpu";
import { runBaseline } from "./baseline";
import { createDispatchFixture, dropDispatchDatabase, type DispatchFixture } from "./fixture";

const LAUNCHES_PER_ROUND = Number(process.env.BENCH_LAUNCHES ?? 200);
const CLIENTS = 16;
const WORKERS = 2;
const CONCURRENCY = 8;
/** Measured rounds per side; the order of the two sides alternates. */
const ROUNDS = 3;
/** One unmeasured round per side first: both sides' code is compiled and their pools are open. */
const WARMUP_ROUNDS = 1;
const WALLTIME_SECONDS = 600;
/** After the last launch ended: long enough for the ending's own writes to be done. */
const QUIESCE_SETTLE_MS = 300;
const SETTLE_TIMEOUT_MS = Number(process.env.BENCH_SETTLE_MS ?? 180_000);

function progress(message: string): void {
  console.info(`[bench] ${message}`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface OursRound {
  seconds: number;
  latenciesMs: number[];
  lost: number;
  doubled: number;
}

/** Where a round's CPU went, per launch: this process (the API), the workers, PostgreSQL. */
function cpuMeter(workerPids: number[]) {
  const read = () => ({
    api: process.cpuUsage(),
    workers: workerPids.reduce((sum, pid) => sum + processCpuMs(pid), 0),
    postgres: postgresCpuMs(),
    idle: machineIdleMs(),
    at: performance.now(),
  });
  const start = read();
  return (launches: number) => {
    const end = read();
    const api = process.cpuUsage(start.api);
    const per = (ms: number) => (ms / launches).toFixed(2);
    const wall = end.at - start.at;
    return `CPU ms per launch: API ${per((api.user + api.system) / 1000)}, workers ${per(end.workers - start.workers)}, PostgreSQL ${per(end.postgres - start.postgres)}; machine idle ${((100 * (end.idle - start.idle)) / (wall * cpus().length)).toFixed(0)}%`;
  };
}

async function runOurs(
  fixture: DispatchFixture,
  watcher: pg.Client,
  round: number,
  workerPids: number[] = [],
): Promise<OursRound> {
  const caller = createCaller(
    createContext({
      headers: new Headers({ "user-agent": "tessera-bench" }),
      user: { ...fixture.user, platformRoles: [] },
      database: fixture.database,
    }),
  );
  const ids: string[] = [];
  const meter = cpuMeter(workerPids);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < LAUNCHES_PER_ROUND) {
        const n = next;
        next += 1;
        const job = await caller.workloads.submit({
          organizationId: fixture.organizationId,
          projectId: fixture.projectId,
          allocationLineId: fixture.allocationLineId,
          name: `Bench ${round}-${n}`,
          quantity: 1,
          walltimeSeconds: WALLTIME_SECONDS,
          source: { type: "script", script: "#!/bin/bash\ntrue\n" },
          simSeconds: 1,
        });
        ids.push(job.id);
      }
    }),
  );
  const submitSeconds = (performance.now() - started) / 1000;
  progress(`  accepted ${ids.length} in ${submitSeconds.toFixed(2)} s`);
  // Done when every launch has its cluster job id written back. Watched with one plain
  // statement on a connection of its own: the instrument should cost the machine next to
  // nothing (the baseline's is an in-process counter).
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { rows } = await watcher.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM "Workload" WHERE "id" = ANY($1::text[]) AND "submittedAt" IS NULL`,
      [ids],
    );
    if (rows[0]!.waiting === 0) break;
    await sleep(20);
  }
  const seconds = (performance.now() - started) / 1000;
  progress(`  ${meter(ids.length)}`);
  const rows = await fixture.database.workload.findMany({
    where: { id: { in: ids } },
    select: { id: true, createdAt: true, submittedAt: true },
  });
  const latenciesMs = rows
    .filter((row) => row.submittedAt)
    .map((row) => row.submittedAt!.getTime() - row.createdAt.getTime());
  const perName = await fixture.database.simJob.groupBy({
    by: ["name"],
    where: { name: { in: ids.map((id) => `tessera-${id}`) } },
    _count: { _all: true },
  });
  const doubled = perName.reduce((sum, row) => sum + Math.max(0, row._count._all - 1), 0);
  const lost = ids.length - perName.length;
  return { seconds, latenciesMs, lost, doubled };
}

/**
 * Waits until the launches of earlier rounds have run to their end and the outbox is empty, so
 * that neither side is measured while the workers still track the other's leftovers. The workers
 * keep their periodic sweeps; those are part of Tessera at rest.
 */
async function quiesce(fixture: DispatchFixture): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const [live, undispatched] = await Promise.all([
      fixture.database.workload.count({
        where: { status: { in: ["ACCEPTED", "SUBMITTED", "PENDING", "RUNNING"] } },
      }),
      fixture.database.outboxEvent.count({ where: { dispatchedAt: null } }),
    ]);
    if (live === 0 && undispatched === 0) {
      await sleep(QUIESCE_SETTLE_MS);
      return;
    }
    await sleep(100);
  }
  throw new Error("earlier launches did not finish within the settle timeout");
}

async function main(): Promise<void> {
  const env = serverEnv();
  const prefix = `bench_dispatch_${randomBytes(4).toString("hex")}`;
  progress(`fixture: database, organisation, simulated cluster, allocation`);
  const fixture = await createDispatchFixture(
    env.DATABASE_URL,
    LAUNCHES_PER_ROUND * (ROUNDS + WARMUP_ROUNDS),
    WALLTIME_SECONDS,
  );
  const workers: WorkerProcess[] = [];
  const watcher = new pg.Client({ connectionString: fixture.databaseUrl });
  await watcher.connect();
  try {
    for (let i = 0; i < WORKERS; i += 1) {
      workers.push(
        await startWorkerProcess({
          DATABASE_URL: fixture.databaseUrl,
          REDIS_URL: env.REDIS_URL,
          QUEUE_PREFIX: prefix,
          WORKER_CONCURRENCY: String(CONCURRENCY),
          WORKER_POLL_MS: process.env.BENCH_POLL_MS ?? "1000",
          RECONCILE_EVERY_MS: "10000",
          ...(process.env.BENCH_WORKER_NODE_OPTIONS
            ? { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS }
            : {}),
        }),
      );
    }
    await Promise.all(workers.map((worker) => worker.ready()));
    progress(`${WORKERS} worker processes × concurrency ${CONCURRENCY}, ${CLIENTS} clients`);

    const ours: OursRound[] = [];
    const warmUp: OursRound[] = [];
    const baseline: number[] = [];
    const runBaselineRound = async () => {
      const { seconds } = await runBaseline({
        redisUrl: env.REDIS_URL,
        prefix: `${prefix}_baseline`,
        jobs: LAUNCHES_PER_ROUND,
        clients: CLIENTS,
        workers: WORKERS,
        concurrency: CONCURRENCY,
      });
      return LAUNCHES_PER_ROUND / seconds;
    };
    for (let round = 0; round < WARMUP_ROUNDS; round += 1) {
      const warm = await runOurs(fixture, watcher, -1 - round);
      const warmBaseline = await runBaselineRound();
      progress(
        `warm-up (not counted): ours ${(LAUNCHES_PER_ROUND / warm.seconds).toFixed(1)} launches/s, baseline ${warmBaseline.toFixed(1)} jobs/s`,
      );
      warmUp.push(warm);
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      const sides = round % 2 === 0 ? ["baseline", "ours"] : ["ours", "baseline"];
      for (const side of sides) {
        await quiesce(fixture);
        if (side === "ours") {
          const result = await runOurs(
            fixture,
            watcher,
            round,
            workers.map((worker) => worker.child.pid ?? 0),
          );
          ours.push(result);
          progress(
            `round ${round + 1} ours: ${(LAUNCHES_PER_ROUND / result.seconds).toFixed(1)} launches/s, lost ${result.lost}, doubled ${result.doubled}`,
          );
        } else {
          const jps = await runBaselineRound();
          baseline.push(jps);
          progress(`round ${round + 1} baseline: ${jps.toFixed(1)} jobs/s`);
        }
      }
    }
    if ([...warmUp, ...ours].some((r) => r.lost > 0) || process.env.BENCH_VERBOSE) {
      for (const worker of workers) console.error(`[worker ${worker.port}]\n${worker.output()}`);
    }
    // Medians: one round disturbed by the machine (another process, a GC pause) moves a mean.
    const oursLps = median(ours.map((r) => LAUNCHES_PER_ROUND / r.seconds));
    const baselineJps = median(baseline);
    const latencies = ours.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
    // Every launch counts here, the warm-up's too: a lost launch is lost whenever it happens.
    const lost = [...warmUp, ...ours].reduce((sum, r) => sum + r.lost, 0);
    const doubled = [...warmUp, ...ours].reduce((sum, r) => sum + r.doubled, 0);
    console.info(
      `RESULT dispatch ratio=${(oursLps / baselineJps).toFixed(3)} p99_ms=${percentile(latencies, 99)} lost=${lost} doubled=${doubled} p50_ms=${percentile(latencies, 50)} ours_lps=${oursLps.toFixed(1)} baseline_jps=${baselineJps.toFixed(1)}`,
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await watcher.end();
    await fixture.database.$disconnect();
    await removePrefix(env.REDIS_URL, prefix);
    await removePrefix(env.REDIS_URL, `${prefix}_baseline`);
    await dropDispatchDatabase(env.DATABASE_URL).catch((error: unknown) => {
      console.error(`could not drop the benchmark database: ${String(error)}`);
    });
  }
}

await main();
