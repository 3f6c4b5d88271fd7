/**
 * Exits 0 when the PostgreSQL server named by the URL accepts a connection and answers a query,
 * 1 otherwise (printing why). The database itself need not exist yet: migrations create it, so
 * this connects to the server's maintenance database.
 *
 *   node --import tsx infra/scripts/pg-ready.ts <url> [--wait <seconds>]
 */
import pg from "pg";
import { readArgs, retryUntil } from "./args";

const { positional, number } = readArgs();
const url = positional[0];
if (!url) {
  console.error("usage: pg-ready.ts <postgres-url> [--wait <seconds>]");
  process.exit(2);
}

const maintenance = new URL(url);
maintenance.pathname = "/postgres";
let lastError = "";

async function answers(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: maintenance.toString(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (await retryUntil(answers, number("wait", 0))) process.exit(0);
const shown = new URL(url);
shown.password = shown.password ? "***" : "";
console.error(`PostgreSQL at ${shown.toString()} is not reachable: ${lastError || "no answer"}`);
process.exit(1);
