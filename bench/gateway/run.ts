/**
 * Gateway benchmark: the same simulated model server (no artificial delay) called by 64
 * concurrent clients directly and through the gateway — keys checked, limits counted in Redis,
 * residency judged, tokens spent from leases on the organisation's line of the model's tier (the
 * model is a shared one), usage spooled and written to PostgreSQL — streaming and not, in alternating
 * rounds of the same run. Both servers run as processes of their own, as in production. A third
 * side, a bare Node proxy (bare-proxy.ts: node:http and undici like the gateway, none of its
 * work), measures the floor: what any proxy process costs on this machine. Prints:
 *
 *   RESULT gateway ratio=<through ÷ direct throughput> p50_added_ms=<x> p99_added_ms=<y> lost=<n> doubled=<m>
 *     … floor_ratio=<bare ÷ direct> of_floor=<through ÷ bare> solo_p50_added_ms=<a> solo_p99_added_ms=<b>
 *
 * The added latencies are those of the 64 clients, as the aim is set; solo_… are those of one
 * client alone (direct and through in turn), where nothing waits for the cores: the gateway's own
 * work per call.
 *
 * lost = answers a client got whole (status 200, the stream's closing [DONE]) without a usage
 * record once the gateway has flushed; doubled = records beyond one per request. Runs on its own
 * database (tessera_bench_gateway, or BENCH_DATABASE) and Redis prefix, and removes both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Pool } from "undici";
import { serverEnv } from "@tessera/config";
import { createDatabase } from "@tessera/db";
import { deploy as migrate } from "../../packages/db/scripts/migrate";
import { freePort } from "../../infra/test/worker-process";
import { startGatewayProcess } from "../../apps/gateway/src/testing/gateway-process";
import {
  createTestKey,
  grantTokens,
  markEndpoint,
  shareEndpoint,
} from "../../apps/gateway/src/testing/gateway-world";
import {
  createEndpointSetup,
  deployTestEndpoint,
} from "../../packages/core/src/endpoints/endpoint-fixture";
import { dropBenchDatabase, removePrefix, withDatabase } from "../bench-stores";
import { parts, sample, spent } from "./cpu";

const CLIENTS = 64;
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 4_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** One client alone, per path and mode and round: the latency a path adds on cores not saturated. */
const SOLO_MS = Number(process.env.BENCH_SOLO_MS ?? 1_500);
/** Its own database, made and dropped by the run (BENCH_DATABASE lets two runs share a server). */
const DATABASE = process.env.BENCH_DATABASE ?? "tessera_bench_gateway";
/** Straight to the model server; through the gateway; through a bare proxy (the floor). */
const SIDES = ["direct", "through", "bare"] as const;
const root = path.resolve(import.meta.dirname, "../..");

function progress(message: string): void {
  console.info(`[bench] ${message}`);
}

async function startSim(model: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(root, "apps/model-sim"),
    env: {
      PATH: process.env.PATH,
      MODEL_SIM_PORT: String(port),
      MODEL_SIM_MODELS: model,
      MODEL_SIM_TTFT_MS: "0",
      MODEL_SIM_ITL_MS: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 400; attempt++) {
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, child };
    await sleep(50);
  }
  throw new Error("the simulated model server did not start");
}

/** The floor: a bare proxy (no key, limits, leases or metering) in front of the same server. */
async function startBareProxy(upstream: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "bare-proxy.ts")],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        BARE_PROXY_PORT: String(port),
        BARE_PROXY_UPSTREAM: upstream,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 400; attempt++) {
    const up = await fetch(`${url}/health`, {
      method: "POST",
      signal: AbortSignal.timeout(2_000),
    }).then(
      () => true,
      () => false,
    );
    if (up) return { url, child };
    await sleep(50);
  }
  throw new Error("the bare proxy did not start");
}

interface Round {
  requests: number;
  elapsedMs: number;
  latencies: number[];
  ids: string[];
}

/** `clients` clients for `ms`, each sending the next request as soon as its last one is whole. */
async function round(
  pool: Pool,
  token: string | null,
  model: string,
  stream: boolean,
  clients = CLIENTS,
  ms = ROUND_MS,
): Promise<Round> {
  const body = JSON.stringify({
    model,
    stream,
    max_tokens: 16,
    messages: [
      { role: "user", content: "Summarise the national compute programme in a sentence." },
    ],
  });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const latencies: number[] = [];
  const ids: string[] = [];
  let requests = 0;
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const answer = await pool.request({
          path: "/v1/chat/completions",
          method: "POST",
          headers,
          body,
        });
        const text = await answer.body.text();
        const whole = answer.statusCode === 200 && (!stream || text.endsWith("data: [DONE]\n\n"));
        if (!whole) throw new Error(`HTTP ${answer.statusCode}: ${text.slice(0, 300)}`);
        latencies.push(performance.now() - sent);
        requests++;
        const id = answer.headers["x-request-id"];
        if (typeof id === "string") ids.push(id);
      }
    }),
  );
  return { requests, elapsedMs: performance.now() - started, latencies, ids };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const env = serverEnv();
  const url = withDatabase(env.DATABASE_URL, DATABASE);
  const prefix = `bench-gw-${randomBytes(4).toString("hex")}`;
  await dropBenchDatabase(env.DATABASE_URL, DATABASE);
  const adminUrl = withDatabase(env.DATABASE_URL, "postgres");
  {
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`CREATE DATABASE "${DATABASE}"`);
    await client.end();
  }
  await migrate(url);
  const database = createDatabase(url, 4);
  const children: ChildProcess[] = [];
  let gateway: Awaited<ReturnType<typeof startGatewayProcess>> | undefined;
  try {
    progress("setting up an organisation, an endpoint and a key");
    const setup = await createEndpointSetup(database);
    const model = `tessera-bench/${randomBytes(4).toString("hex")}`;
    await database.model.update({ where: { id: setup.modelId }, data: { name: model } });
    const endpoint = await deployTestEndpoint(setup);
    const sim = await startSim(model);
    children.push(sim.child);
    await markEndpoint(database, endpoint.id, "READY", sim.url);
    // A shared model, so every call through the gateway spends tokens from a lease.
    const { tokenClassId } = await shareEndpoint(database, { setup, endpointId: endpoint.id });
    await grantTokens(database, setup, tokenClassId, 1_000_000_000_000n);
    // Limits are checked on every call, as for any key, but set where they never bind: a fast
    // machine passes the portal's largest per-key limit (100,000 a minute) within seconds, and a
    // 429 would end the run. The fixture writes the key directly, past the portal's bounds.
    const key = await createTestKey(database, setup, {
      requestsPerMinute: 1_000_000_000,
      tokensPerMinute: 2_000_000_000,
    });
    gateway = await startGatewayProcess({
      DATABASE_URL: url,
      REDIS_URL: env.REDIS_URL,
      QUEUE_PREFIX: prefix,
      // To profile the gateway: BENCH_GATEWAY_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/gw".
      ...(process.env.BENCH_GATEWAY_NODE_OPTIONS
        ? { NODE_OPTIONS: process.env.BENCH_GATEWAY_NODE_OPTIONS }
        : {}),
    });
    const bareProxy = await startBareProxy(sim.url);
    children.push(bareProxy.child);
    const direct = new Pool(sim.url, { connections: CLIENTS, pipelining: 1 });
    const through = new Pool(gateway.url, { connections: CLIENTS, pipelining: 1 });
    const bare = new Pool(bareProxy.url, { connections: CLIENTS, pipelining: 1 });
    const pools = { direct, through, bare };
    const tokens = { direct: null, through: key.token, bare: null };

    progress("warming up both paths");
    for (const stream of [false, true]) {
      for (const side of SIDES) await round(pools[side], tokens[side], model, stream);
    }
    const totals = {
      direct: { requests: 0, ms: 0, latencies: [] as number[] },
      through: { requests: 0, ms: 0, latencies: [] as number[] },
      bare: { requests: 0, ms: 0, latencies: [] as number[] },
    };
    const byMode: Record<string, { requests: number; ms: number; cpu: Record<string, number> }> =
      {};
    // CPU by process, so the report can say where each request's cycles went.
    const processes = parts({
      "load generator": process.pid,
      "model server": sim.child.pid,
      gateway: gateway.child.pid,
      "bare proxy": bareProxy.child.pid,
    });
    const ids: string[] = [];
    for (let index = 0; index < ROUNDS; index++) {
      for (const stream of [false, true]) {
        // Rotate which path goes first, so drift in the machine's load falls on all three.
        const turn = (index + (stream ? 1 : 0)) % SIDES.length;
        const order = [...SIDES.slice(turn), ...SIDES.slice(0, turn)];
        for (const side of order) {
          const cpuBefore = sample(processes);
          const result = await round(pools[side], tokens[side], model, stream);
          const cpu = spent(cpuBefore, sample(processes));
          const mode = `${side} ${stream ? "streaming" : "whole"}`;
          const kept = (byMode[mode] ??= { requests: 0, ms: 0, cpu: {} });
          kept.requests += result.requests;
          kept.ms += result.elapsedMs;
          for (const [part, seconds] of Object.entries(cpu)) {
            kept.cpu[part] = (kept.cpu[part] ?? 0) + seconds;
          }
          totals[side].requests += result.requests;
          totals[side].ms += result.elapsedMs;
          totals[side].latencies.push(...result.latencies);
          if (side === "through") ids.push(...result.ids);
          progress(
            `round ${index + 1} ${stream ? "streaming" : "whole"} ${side}: ${Math.round((result.requests / result.elapsedMs) * 1000)} req/s, p50 ${quantile(result.latencies, 0.5).toFixed(2)} ms`,
          );
        }
      }
    }
    // One client at a time, direct and through in turn: what the gateway's own work adds to a
    // call when nothing queues for the cores (the 64-client figures above are mostly queueing).
    const solo = { direct: [] as number[], through: [] as number[] };
    for (let index = 0; index < ROUNDS; index++) {
      for (const stream of [false, true]) {
        const order =
          (index + (stream ? 1 : 0)) % 2
            ? (["through", "direct"] as const)
            : (["direct", "through"] as const);
        for (const side of order) {
          const result = await round(pools[side], tokens[side], model, stream, 1, SOLO_MS);
          solo[side].push(...result.latencies);
          if (side === "through") ids.push(...result.ids);
        }
      }
    }
    const soloP50 = quantile(solo.through, 0.5) - quantile(solo.direct, 0.5);
    const soloP99 = quantile(solo.through, 0.99) - quantile(solo.direct, 0.99);
    progress(
      `one client: direct p50 ${quantile(solo.direct, 0.5).toFixed(2)} ms, through p50 ${quantile(solo.through, 0.5).toFixed(2)} ms over ${solo.through.length} calls`,
    );
    await Promise.all([direct.close(), through.close(), bare.close()]);

    progress(`waiting for the gateway to write ${ids.length} usage records`);
    const counted = async () =>
      (
        await database.$queryRaw<{ records: bigint; distinct: bigint; matched: bigint }[]>`
          SELECT count(*)::bigint AS records, count(DISTINCT "sourceRef")::bigint AS distinct,
                 count(*) FILTER (WHERE "sourceRef" = ANY(${ids}::text[]))::bigint AS matched
            FROM "UsageRecord" WHERE source = 'GATEWAY_TOKENS'`
      )[0]!;
    let census = await counted();
    for (let attempt = 0; attempt < 300 && Number(census.matched) < ids.length; attempt++) {
      await sleep(100);
      census = await counted();
    }
    // Every call spent tokens from leases: the placements, each one hold on the quota ledger.
    const { leases } = (
      await database.$queryRaw<{ leases: bigint }[]>`
        SELECT count(*)::bigint AS leases FROM "QuotaHold" WHERE reference LIKE 'lease:%'`
    )[0]!;
    if (leases === 0n) throw new Error("No token lease was placed: the gateway spent no tokens.");
    const directRate = totals.direct.requests / totals.direct.ms;
    const throughRate = totals.through.requests / totals.through.ms;
    const ratio = throughRate / directRate;
    const bareRate = totals.bare.requests / totals.bare.ms;
    const p50 = quantile(totals.through.latencies, 0.5) - quantile(totals.direct.latencies, 0.5);
    const p99 = quantile(totals.through.latencies, 0.99) - quantile(totals.direct.latencies, 0.99);
    const lost = ids.length - Number(census.matched);
    const doubled = Number(census.records) - Number(census.distinct);
    progress(
      `direct ${Math.round(directRate * 1000)} req/s, through ${Math.round(throughRate * 1000)} req/s over ${totals.through.requests} requests`,
    );
    // Where each request's CPU went, and how much of the machine's cores the run kept busy.
    for (const [mode, kept] of Object.entries(byMode)) {
      const perRequest = Object.entries(kept.cpu)
        .filter(([, seconds]) => seconds > 0)
        .map(([part, seconds]) => `${part} ${((seconds / kept.requests) * 1e6).toFixed(0)}`)
        .join(", ");
      const busy = Object.values(kept.cpu).reduce((sum, seconds) => sum + seconds, 0);
      progress(
        `${mode}: ${Math.round((kept.requests / kept.ms) * 1000)} req/s; CPU µs per request: ${perRequest}; cores busy ${(busy / (kept.ms / 1000)).toFixed(2)}`,
      );
    }
    console.info(
      `RESULT gateway ratio=${ratio.toFixed(3)} p50_added_ms=${p50.toFixed(2)} p99_added_ms=${p99.toFixed(2)} lost=${lost} doubled=${doubled} leases=${leases} direct_rps=${Math.round(directRate * 1000)} through_rps=${Math.round(throughRate * 1000)} bare_rps=${Math.round(bareRate * 1000)} floor_ratio=${(bareRate / directRate).toFixed(3)} of_floor=${(throughRate / bareRate).toFixed(3)} clients=${CLIENTS} solo_p50_added_ms=${soloP50.toFixed(2)} solo_p99_added_ms=${soloP99.toFixed(2)}`,
    );
  } finally {
    await gateway?.stop().catch(() => undefined);
    for (const child of children) {
      child.kill("SIGTERM");
      await once(child, "close").catch(() => undefined);
    }
    await database.$disconnect();
    await dropBenchDatabase(env.DATABASE_URL, DATABASE);
    await removePrefix(env.REDIS_URL, prefix);
  }
}

await main();
