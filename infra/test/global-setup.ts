import pg from "pg";
import { deploy } from "../../packages/db/scripts/migrate";

/**
 * Gives every integration run a fresh test database at the latest migration. The audit log is
 * append-only, so a database reused across runs would carry earlier runs' events forever.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@localhost:5432/tessera_test";
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await deploy(url);
}
