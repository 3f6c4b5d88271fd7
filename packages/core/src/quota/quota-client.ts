import { Prisma } from "@tessera/db/sql";

/**
 * Anything that can run raw SQL: the process-wide client (each call is its own transaction) or a
 * caller's transaction (a launch that records its own audit event with the hold in one commit).
 */
export type QuotaClient = Pick<Prisma.TransactionClient, "$queryRaw">;

/** A unique violation raised by raw SQL (Prisma reports those as P2010 with the server's code). */
export function isRawUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const meta = error.meta as
    | {
        code?: unknown;
        driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } };
      }
    | undefined;
  return (
    meta?.code === "23505" ||
    meta?.driverAdapterError?.cause?.originalCode === "23505" ||
    meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation" ||
    /23505|unique constraint/i.test(error.message)
  );
}
