/**
 * A benchmark's own stores, made and removed by the benchmark: a database of its own on the
 * server at DATABASE_URL, and the Redis keys under its queue prefix.
 */
import pg from "pg";

export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

export async function dropBenchDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export { removePrefix } from "../infra/scripts/redis-prefix";
