import { Prisma } from "@tessera/db";

/**
 * Interactive transaction settings for domain mutations. Audit appends are serialised platform-wide,
 * so under load a transaction may wait a little for a connection or the chain lock.
 */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
