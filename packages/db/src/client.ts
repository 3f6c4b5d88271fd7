import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { serverEnv } from "@tessera/config";
import { PrismaClient } from "./generated/prisma/client";
import { registerRawPool } from "./raw-query";
import { createStatementNamer, UNNAMED } from "./statement-names";

export type Database = PrismaClient;

export function createDatabase(
  connectionString: string = serverEnv().DATABASE_URL,
  max = 10,
): Database {
  // Behind PgBouncer in transaction mode a prepared statement may land on another server
  // connection; `pgbouncer=true` in the URL (as Prisma users know it) turns preparing off.
  const prepare = new URL(connectionString).searchParams.get("pgbouncer") !== "true";
  const namer = createStatementNamer();
  const name = (sql: string) => (prepare ? namer({ sql }) : UNNAMED);
  const pool = new pg.Pool({ connectionString, max });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, {
      disposeExternalPool: true,
      ...(prepare ? { statementNameGenerator: namer } : {}),
    }),
  });
  registerRawPool(client, { pool, name });
  return client;
}

const globalForDb = globalThis as unknown as { tesseraDb?: Database };

/** The process-wide client (kept on globalThis so Next.js dev reloads reuse one pool). */
export const db: Database = globalForDb.tesseraDb ?? createDatabase();
if (serverEnv().NODE_ENV !== "production") globalForDb.tesseraDb = db;
