/**
 * API benchmark: requests per second of an authenticated, tenant-scoped tRPC query through the
 * Next.js route (`GET /api/trpc/projects.list`), against the same work served by plain
 * node:http in the same run. Prints last:
 *
 *   RESULT api ratio=<tRPC rps ÷ plain rps> trpc_rps=<x> plain_rps=<y>
 *
 * Sets up its own database (tessera_bench) on the server at DATABASE_URL, builds the web app if
 * it has not been built, and drops the database again at the end.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import superjson from "superjson";
import { serverEnv } from "@tessera/config";
import { createBenchFixture, dropBenchDatabase } from "./fixture";
import { fetchJson, runLoad, type LoadResult, type Target } from "./load";
import { freePort, startService, stopService, waitUntil, type Service } from "./processes";
import { pageIds } from "./page-ids";

const CONCURRENCY = 16;
const WARMUP_MS = 5_000;
const ROUND_MS = 5_000;
const ROUNDS = 3;

const root = path.resolve(import.meta.dirname, "../..");
const webDir = path.join(root, "apps/web");
const nextBin = path.join(webDir, "node_modules/.bin/next");
const env = serverEnv();

function progress(message: string): void {
  console.info(`[bench] ${message}`);
}

function ensureWebBuild(): void {
  if (existsSync(path.join(webDir, ".next/BUILD_ID"))) return;
  progress("building the web app (next build)");
  const result = spawnSync(nextBin, ["build"], {
    cwd: webDir,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

function rps(result: LoadResult): number {
  return result.requests / result.seconds;
}

function add(total: LoadResult, next: LoadResult): LoadResult {
  return {
    requests: total.requests + next.requests,
    failures: total.failures + next.failures,
    seconds: total.seconds + next.seconds,
  };
}

async function main(): Promise<void> {
  const services: Service[] = [];
  let cleanedUp = false;
  const cleanUp = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    await Promise.all(services.map(stopService));
    await dropBenchDatabase(env.DATABASE_URL).catch((error: unknown) => {
      console.error(`could not drop the bench database: ${String(error)}`);
    });
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));

  try {
    progress("creating the bench database and fixture");
    const fixture = await createBenchFixture(env.DATABASE_URL);
    ensureWebBuild();

    const [webPort, plainPort] = [await freePort(), await freePort()];
    const serviceEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: fixture.databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_URL: `http://localhost:${webPort}`,
      RATE_LIMIT_DISABLED: "true",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    progress(`starting next start on ${webPort} and the plain node:http server on ${plainPort}`);
    const web = startService("next start", nextBin, ["start", "-p", String(webPort)], {
      cwd: webDir,
      env: serviceEnv,
    });
    services.push(web);
    const plain = startService(
      "plain node:http",
      process.execPath,
      ["--import", "tsx", "bench/api/plain-server.ts", String(plainPort)],
      { cwd: root, env: serviceEnv },
    );
    services.push(plain);

    const input = encodeURIComponent(
      superjson.stringify({ organizationId: fixture.organizationId }),
    );
    const headers = { cookie: `authjs.session-token=${fixture.sessionToken}` };
    const trpc: Target = {
      name: "tRPC",
      port: webPort,
      path: `/api/trpc/projects.list?input=${input}`,
      headers,
    };
    const baseline: Target = {
      name: "plain",
      port: plainPort,
      path: `/projects?input=${input}`,
      headers,
    };

    const answersOk = (target: Target) => async () => (await fetchJson(target)).status === 200;
    await waitUntil(web, answersOk(trpc), 120);
    await waitUntil(plain, answersOk(baseline), 60);

    // Both must return the same first page, or the comparison means nothing.
    const trpcIds = pageIds((await fetchJson(trpc)).body);
    const plainIds = pageIds((await fetchJson(baseline)).body);
    if (trpcIds.length === 0 || trpcIds.join() !== plainIds.join()) {
      throw new Error(
        `the two servers returned different pages (${trpcIds.length} vs ${plainIds.length} items)`,
      );
    }

    progress(`warming up (${WARMUP_MS / 1000}s each, ${CONCURRENCY} in flight)`);
    await runLoad(trpc, CONCURRENCY, WARMUP_MS);
    await runLoad(baseline, CONCURRENCY, WARMUP_MS);

    let trpcTotal: LoadResult = { requests: 0, failures: 0, seconds: 0 };
    let plainTotal: LoadResult = { requests: 0, failures: 0, seconds: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate the order so drift (caches, CPU boost) does not favour one side.
      const order = round % 2 === 0 ? [trpc, baseline] : [baseline, trpc];
      for (const target of order) {
        const result = await runLoad(target, CONCURRENCY, ROUND_MS);
        progress(`round ${round + 1} ${target.name}: ${rps(result).toFixed(0)} req/s`);
        if (target === trpc) trpcTotal = add(trpcTotal, result);
        else plainTotal = add(plainTotal, result);
      }
    }
    if (trpcTotal.failures > 0 || plainTotal.failures > 0) {
      throw new Error(`failed requests: tRPC ${trpcTotal.failures}, plain ${plainTotal.failures}`);
    }

    await cleanUp();
    const trpcRps = rps(trpcTotal);
    const plainRps = rps(plainTotal);
    console.info(
      `RESULT api ratio=${(trpcRps / plainRps).toFixed(2)} trpc_rps=${trpcRps.toFixed(1)} plain_rps=${plainRps.toFixed(1)}`,
    );
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
