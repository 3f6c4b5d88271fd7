import { Prisma } from "@tessera/db";

type RawClient = { $queryRaw<R>(query: Prisma.Sql): Prisma.PrismaPromise<R> };

/**
 * The next number of a series ("INV" or "CN", per year of the billing month), taken in the
 * caller's transaction under the series row's lock: a rolled-back finalisation gives its number
 * back, so numbers have no gaps.
 */
export async function takeInvoiceNumber(
  client: RawClient,
  prefix: "INV" | "CN",
  period: string,
): Promise<{ number: string; sequence: number }> {
  const series = `${prefix}-${period.slice(0, 4)}`;
  const rows = await client.$queryRaw<{ taken: number }[]>(Prisma.sql`
    INSERT INTO "InvoiceNumberSeries" ("series", "next") VALUES (${series}, 2)
    ON CONFLICT ("series") DO UPDATE SET "next" = "InvoiceNumberSeries"."next" + 1
    RETURNING "next" - 1 AS "taken"`);
  const taken = rows[0]!.taken;
  return { number: `${series}-${String(taken).padStart(6, "0")}`, sequence: taken };
}
