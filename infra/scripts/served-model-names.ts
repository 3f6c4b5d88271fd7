/**
 * Prints the names of the catalogue's active models, comma-separated: what the simulated model
 * server must answer to, since on the simulated cluster every endpoint is served by it.
 *
 *   node --import tsx infra/scripts/served-model-names.ts <postgres-url>
 */
import pg from "pg";
import { readArgs } from "./args";

const { positional } = readArgs();
const url = positional[0];
if (!url) {
  console.error("usage: served-model-names.ts <postgres-url>");
  process.exit(2);
}

const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    `SELECT "name" FROM "Model" WHERE "active" ORDER BY "name"`,
  );
  if (rows.length === 0) {
    console.error("The catalogue has no active models (seed it first: pnpm db:seed).");
    process.exit(1);
  }
  process.stdout.write(`${rows.map((row) => row.name).join(",")}\n`);
} finally {
  await client.end();
}
