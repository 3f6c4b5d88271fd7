/**
 * Drops the database named by the URL (closing its connections) and creates it again, empty, on
 * the same server, through the server's maintenance database. infra/up.sh --fresh runs it before
 * migrating and seeding; it refuses a URL without a database name.
 *
 *   node --import tsx infra/scripts/recreate-database.ts <postgres-url>
 */
import pg from "pg";
import { readArgs } from "./args";

const { positional } = readArgs();
const url = positional[0];
const name = url ? decodeURIComponent(new URL(url).pathname.slice(1)) : "";
if (!url || !name || name === "postgres") {
  console.error("usage: recreate-database.ts <postgres-url naming a database other than postgres>");
  process.exit(2);
}

const maintenance = new URL(url);
maintenance.pathname = "/postgres";
const client = new pg.Client({ connectionString: maintenance.toString() });
const quoted = `"${name.replace(/"/g, '""')}"`;
try {
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${quoted}`);
} catch (error) {
  console.error(`Could not recreate the database ${name}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
}
