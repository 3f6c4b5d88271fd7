import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { deploy } from "../packages/db/scripts/migrate";

const root = path.resolve(import.meta.dirname, "..");

/**
 * A fresh `tessera_e2e` database for every run: dropped, migrated to the latest schema and seeded
 * with the demo personas and organisations. Nothing else connects to it before the tests do.
 */
export default async function globalSetup(): Promise<void> {
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
}
