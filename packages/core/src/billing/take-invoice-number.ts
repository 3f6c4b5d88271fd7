import { Prisma } from "@tessera/db";
import type { SqlClient } from "./sql-client";

export interface InvoiceNumber {
  number: string;
  sequence: number;
}

/** The series a number belongs to: "INV" or "CN", per year of the billing month. */
export function invoiceSeries(prefix: "INV" | "CN", period: string): string {
  return `${prefix}-${period.slice(0, 4)}`;
}

function numberOf(series: string, sequence: number): InvoiceNumber {
  return { number: `${series}-${String(sequence).padStart(6, "0")}`, sequence };
}

/**
 * The next `count` numbers of a series, taken in the caller's transaction under the series row's
 * lock: a rolled-back finalisation gives its numbers back, so numbers have no gaps.
 */
export async function takeInvoiceNumbers(
  client: SqlClient,
  series: string,
  count: number,
): Promise<InvoiceNumber[]> {
  if (count <= 0) return [];
  const rows = await client.$queryRaw<{ first: number }[]>(Prisma.sql`
    INSERT INTO "InvoiceNumberSeries" ("series", "next") VALUES (${series}, ${count + 1}::int)
    ON CONFLICT ("series") DO UPDATE SET "next" = "InvoiceNumberSeries"."next" + ${count}::int
    RETURNING "next" - ${count}::int AS "first"`);
  const first = rows[0]!.first;
  return Array.from({ length: count }, (_, index) => numberOf(series, first + index));
}

/** The next number of a series (takeInvoiceNumbers for one). */
export async function takeInvoiceNumber(
  client: SqlClient,
  prefix: "INV" | "CN",
  period: string,
): Promise<InvoiceNumber> {
  const [taken] = await takeInvoiceNumbers(client, invoiceSeries(prefix, period), 1);
  return taken!;
}
