import { PrismaPg } from "@prisma/adapter-pg";
import { serverEnv } from "@tessera/config";
import { PrismaClient } from "./generated/prisma/client";

export type Database = PrismaClient;

export function createDatabase(
  connectionString: string = serverEnv().DATABASE_URL,
  max = 10,
): Database {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

const globalForDb = globalThis as unknown as { tesseraDb?: Database };

/** The process-wide client (kept on globalThis so Next.js dev reloads reuse one pool). */
export const db: Database = globalForDb.tesseraDb ?? createDatabase();
if (serverEnv().NODE_ENV !== "production") globalForDb.tesseraDb = db;
