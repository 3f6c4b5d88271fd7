import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { deploy } from "../packages/db/scripts/migrate";
import { startGatewayProcess } from "../apps/gateway/src/testing/gateway-process";
import { clearQueues, startWorker } from "./support/worker";

const root = path.resolve(import.meta.dirname, "..");
/** The worker's output during the run; infra/test.sh prints its tail when the e2e stage fails. */
export const E2E_WORKER_LOG = path.join(root, ".data", "e2e-worker.log");

/**
 * A fresh `tessera_e2e` database for every run: dropped, migrated to the latest schema and seeded
 * with the demo personas and organisations. Nothing else connects to it before the tests do.
 *
 * Then the worker tier starts against it, on empty queues: it is started here rather than as a
 * `webServer` because Playwright starts web servers before the global setup, and a worker must
 * not run against a database that is about to be dropped (nor wait for one that does not exist
 * yet). The returned function stops it after the run.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is set by playwright.config.ts");
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!database.endsWith("_e2e"))
    throw new Error(`Refusing to reset ${database}: not an e2e database`);

  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }

  await deploy(url);
  execFileSync("pnpm", ["--silent", "--filter", "@tessera/core", "seed"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    // Quiet on success (a JSON reporter may be writing to stdout); errors still show.
    stdio: ["ignore", "ignore", "inherit"],
  });

  const worker = JSON.parse(process.env.E2E_WORKER ?? "null") as {
    env: Record<string, string>;
    healthUrl: string;
  } | null;
  if (!worker) throw new Error("E2E_WORKER is set by playwright.config.ts");
  await clearQueues(
    worker.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    worker.env.QUEUE_PREFIX ?? "",
  );
  const running = await startWorker(root, worker.env, worker.healthUrl, E2E_WORKER_LOG);
  const gatewaySettings = JSON.parse(process.env.E2E_GATEWAY ?? "null") as {
    env: Record<string, string>;
    port: number;
  } | null;
  if (!gatewaySettings) throw new Error("E2E_GATEWAY is set by playwright.config.ts");
  // The gateway reads keys and routes from the freshly seeded database, like the worker.
  const gateway = await startGatewayProcess(gatewaySettings.env, gatewaySettings.port);
  return async () => {
    await gateway.stop();
    await running.stop();
  };
}
