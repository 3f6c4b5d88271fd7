/**
 * A database of its own for a worker test file (tests only). The worker's relay and reconciler work
 * on every row they find, so a test that runs them must not share its database with other test
 * files running at the same time: it gets `<test database>_<name>`, migrated afresh and dropped
 * when the file is done.
 */
import { serverEnv } from "@tessera/config";
import { createDatabase, type Database } from "@tessera/db";
import { deploy } from "../../../../packages/db/scripts/migrate";

export interface IsolatedDatabase {
  url: string;
  database: Database;
  close(): Promise<void>;
}

async function dropDatabase(base: URL, databaseName: string): Promise<void> {
  const maintenanceUrl = new URL(base);
  maintenanceUrl.pathname = "/postgres";
  const maintenance = createDatabase(maintenanceUrl.toString(), 1);
  try {
    await maintenance.$executeRawUnsafe(
      `DROP DATABASE IF EXISTS "${databaseName.replace(/"/g, '""')}" WITH (FORCE)`,
    );
  } finally {
    await maintenance.$disconnect();
  }
}

export async function createIsolatedDatabase(name: string): Promise<IsolatedDatabase> {
  const base = new URL(serverEnv().DATABASE_URL);
  const databaseName = `${decodeURIComponent(base.pathname.slice(1))}_${name}`;
  await dropDatabase(base, databaseName);
  const url = new URL(base);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  await deploy(url.toString());
  const database = createDatabase(url.toString(), 12);
  return {
    url: url.toString(),
    database,
    async close() {
      await database.$disconnect();
      await dropDatabase(base, databaseName);
    },
  };
}
