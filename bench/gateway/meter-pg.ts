/**
 * PostgreSQL's cost of the gateway's usage records, alone: the meter's own batch statement
 * (apps/gateway/src/meter.ts) run on batches of records of calls to a shared model, as the
 * gateway bench's calls are, and the CPU time of the database backend that ran them, read from
 * /proc. Then one batch under EXPLAIN ANALYZE, which names what each row cost (the insert, its
 * indexes, the triggers and foreign-key checks). Prints:
 *
 *   RESULT meter-pg us_per_record=<backend CPU µs per record> ms_per_batch=<wall ms per batch>
 *
 * Runs on its own database (tessera_bench_meter, or BENCH_DATABASE) and drops it.
 *
 *   pnpm exec tsx bench/gateway/meter-pg.ts    # BENCH_BATCH (1000), BENCH_BATCHES (20)
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { serverEnv } from "@tessera/config";
import { createDatabase } from "@tessera/db";
import { deploy as migrate } from "../../packages/db/scripts/migrate";
import { WRITE } from "../../apps/gateway/src/meter";
import type { MeteredRequest } from "../../apps/gateway/src/meter";
import {
  createTestKey,
  grantTokens,
  shareEndpoint,
} from "../../apps/gateway/src/testing/gateway-world";
import {
  createEndpointSetup,
  deployTestEndpoint,
} from "../../packages/core/src/endpoints/endpoint-fixture";
import { dropBenchDatabase, withDatabase } from "../bench-stores";
import { processCpuMs } from "../proc-cpu";

const DATABASE = process.env.BENCH_DATABASE ?? "tessera_bench_meter";
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);

async function main(): Promise<void> {
  const env = serverEnv();
  const url = withDatabase(env.DATABASE_URL, DATABASE);
  await dropBenchDatabase(env.DATABASE_URL, DATABASE);
  {
    const admin = new pg.Client({ connectionString: withDatabase(env.DATABASE_URL, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${DATABASE}"`);
    await admin.end();
  }
  await migrate(url);
  const database = createDatabase(url, 2);
  const client = new pg.Client({ connectionString: url });
  try {
    const setup = await createEndpointSetup(database);
    const endpoint = await deployTestEndpoint(setup);
    const { tokenClassId } = await shareEndpoint(database, { setup, endpointId: endpoint.id });
    const line = await grantTokens(database, setup, tokenClassId, 1_000_000_000n);
    const key = await createTestKey(database, setup, {});
    await client.connect();
    const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!
      .pid;
    let sequence = 0;
    const batch = (): string => {
      const now = Date.now();
      const records: MeteredRequest[] = Array.from({ length: BATCH }, () => ({
        id: `req_${randomBytes(16).toString("hex")}_${sequence++}`,
        organizationId: setup.organizationId,
        projectId: setup.projectId,
        apiKeyId: key.id,
        endpointId: endpoint.id,
        shared: true,
        resourceClassId: tokenClassId,
        allocationLineId: line,
        quotaHoldId: "lease-hold",
        model: "tessera-bench/meter",
        tokensIn: 30,
        tokensOut: 16,
        startedAt: now - 5,
        endedAt: now,
        ttftMs: null,
      }));
      return JSON.stringify(records);
    };
    // Warm: the plan cached, the indexes' pages in memory.
    for (let index = 0; index < 3; index++) await client.query(WRITE, [batch()]);
    const inputs = Array.from({ length: BATCHES }, batch);
    const cpuBefore = processCpuMs(backend);
    const started = performance.now();
    for (const input of inputs) await client.query(WRITE, [input]);
    const elapsed = performance.now() - started;
    const cpu = processCpuMs(backend) - cpuBefore;
    const plan = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, TIMING ON, COSTS OFF) ${WRITE}`,
      [batch()],
    );
    for (const row of plan.rows) console.info(row["QUERY PLAN"]);
    console.info(
      `RESULT meter-pg us_per_record=${((cpu * 1000) / (BATCH * BATCHES)).toFixed(1)} ms_per_batch=${(elapsed / BATCHES).toFixed(1)} batch=${BATCH} batches=${BATCHES}`,
    );
  } finally {
    await client.end().catch(() => undefined);
    await database.$disconnect();
    await dropBenchDatabase(env.DATABASE_URL, DATABASE);
  }
}

await main();
