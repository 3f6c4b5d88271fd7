/**
 * Where a launch's time goes, without the worker processes: statements and CPU per
 * `workloads.submit` and per launch handler run, one at a time, in this process.
 *
 *   pnpm exec tsx bench/dispatch/probe.ts
 *
 * Prints per phase: SQL statements (as PostgreSQL receives them, BEGIN/COMMIT included), wall
 * milliseconds, this process's CPU milliseconds and the PostgreSQL server's, each the mean over
 * BENCH_PROBE_RUNS. The client is made as createDatabase makes it (named statements, the raw path
 * for the hottest statements).
 */
import { PrismaPg } from "../../packages/db/node_modules/@prisma/adapter-pg/dist/index.mjs";
import { createCaller, createContext } from "@tessera/api";
import { serverEnv } from "@tessera/config";
import { PrismaClient } from "../../packages/db/src/generated/prisma/client";
import { createDriver } from "../../packages/drivers/src/index";
import { createDriverRegistry } from "../../apps/worker/src/drivers";
import { createEndpointDriverRegistry } from "../../apps/worker/src/endpoint-drivers";
import { DEFAULT_HANDLER_SETTINGS } from "../../apps/worker/src/handlers/context";
import { handleLaunch } from "../../apps/worker/src/handlers/launch";
import type { QueueSet } from "../../apps/worker/src/queues";
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import pg from "pg";
import { registerRawPool } from "../../packages/db/src/raw-query";
import { createStatementNamer } from "../../packages/db/src/statement-names";
import { createDispatchFixture, dropDispatchDatabase } from "./fixture";
import { postgresCpuMs } from "../proc-cpu";

const RUNS = Number(process.env.BENCH_PROBE_RUNS ?? 30);
/** A file to write a CPU profile of the submit burst to (open it in Chrome's DevTools). */
const PROFILE = process.env.BENCH_PROBE_PROFILE;

async function profiled<T>(work: () => Promise<T>): Promise<T> {
  if (!PROFILE) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    await writeFile(PROFILE, JSON.stringify(profile));
    session.disconnect();
  }
}

let statements = 0;
const seen = new Map<string, number>();

function count(query: string) {
  statements += 1;
  const key = query.replace(/\s+/g, " ").slice(0, 110);
  seen.set(key, (seen.get(key) ?? 0) + 1);
}

/** A client as createDatabase makes it (named statements, the raw path), counting statements. */
function client(url: string) {
  const namer = createStatementNamer();
  const pool = new pg.Pool({ connectionString: url, max: 24 });
  const database = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: namer }),
    log: [{ emit: "event", level: "query" }],
  });
  database.$on("query", (event) => count(event.query));
  registerRawPool(database, { pool, name: (sql) => namer({ sql }), onQuery: count });
  return database;
}

async function measure<T>(label: string, runs: number, work: (i: number) => Promise<T>) {
  // One untimed run first: the first call of each statement compiles it.
  await work(-1);
  statements = 0;
  seen.clear();
  const cpu = process.cpuUsage();
  const server = postgresCpuMs();
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) await work(i);
  const wall = (performance.now() - started) / runs;
  const used = process.cpuUsage(cpu);
  const serverUsed = (postgresCpuMs() - server) / runs;
  console.info(
    `${label}: ${(statements / runs).toFixed(1)} statements, ${wall.toFixed(1)} ms wall, ${((used.user + used.system) / 1000 / runs).toFixed(1)} ms CPU here, ${serverUsed.toFixed(1)} ms PostgreSQL CPU`,
  );
  for (const [query, count] of [...seen].sort((a, b) => b[1] - a[1])) {
    console.info(`   ${(count / runs).toFixed(1)}× ${query}`);
  }
}

async function main(): Promise<void> {
  const env = serverEnv();
  const fixture = await createDispatchFixture(env.DATABASE_URL, RUNS * 6, 600);
  const database = client(fixture.databaseUrl);
  try {
    const caller = createCaller(
      createContext({
        headers: new Headers({ "user-agent": "tessera-probe" }),
        user: { ...fixture.user, platformRoles: [] },
        database: database,
      }),
    );
    const submit = (name: string) =>
      caller.workloads.submit({
        organizationId: fixture.organizationId,
        projectId: fixture.projectId,
        allocationLineId: fixture.allocationLineId,
        name,
        quantity: 1,
        walltimeSeconds: 600,
        source: { type: "script", script: "#!/bin/bash\ntrue\n" },
        simSeconds: 1,
      });
    const ids: string[] = [];
    await measure("submit", RUNS, async (i) => {
      const job = await submit(`Probe ${i}`);
      ids.push(job.id);
    });
    const clients = Number(process.env.BENCH_PROBE_CLIENTS ?? 16);
    const burst = RUNS * 2;
    let next = 0;
    const cpu = process.cpuUsage();
    const server = postgresCpuMs();
    const started = performance.now();
    await profiled(() =>
      Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < burst) {
            next += 1;
            await submit(`Burst ${next}`);
          }
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const serverUsed = (postgresCpuMs() - server) / burst;
    console.info(
      `submit burst, ${clients} clients: ${(burst / seconds).toFixed(1)} submits/s, ${((used.user + used.system) / 1000 / burst).toFixed(1)} ms CPU each here, ${serverUsed.toFixed(1)} ms PostgreSQL CPU`,
    );
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    const drivers = createDriverRegistry(database, (cluster) =>
      createDriver(cluster, { env, db: database }),
    );
    const context = {
      database: database as never,
      drivers,
      // The probe launches training jobs only.
      endpoints: createEndpointDriverRegistry(database, () => null),
      queues: {} as QueueSet,
      log: silent,
      settings: DEFAULT_HANDLER_SETTINGS,
    };
    let n = 0;
    await measure("launch", RUNS, async () => {
      const outcome = await handleLaunch(context, { workloadId: ids[n]! });
      n += 1;
      if (outcome.outcome !== "submitted") throw new Error(JSON.stringify(outcome));
    });
  } finally {
    await database.$disconnect();
    await fixture.database.$disconnect();
    await dropDispatchDatabase(env.DATABASE_URL);
  }
}

await main();
