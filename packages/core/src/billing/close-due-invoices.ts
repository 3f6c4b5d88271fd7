import { Prisma, rawTransaction, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { latestInvoiceSql } from "./aggregate-usage";
import { periodOf, shiftPeriod } from "./billing-period";
import { DEFAULT_BILLING_TIME_ZONE } from "./billing-time-zone";
import { finaliseInvoices, type InvoiceToFinalise } from "./finalise-invoices";

const DAY_MS = 86_400_000;
/** Organisations finalised per transaction when the caller does not say. */
export const INVOICE_BATCH_SIZE = 500;

interface Pending {
  organizationId: string;
  timeZone: string;
  /** The month of the organisation's latest invoice, if it has one. */
  latestPeriod: string | null;
  firstStart: Date;
  lastStart: Date;
}

/**
 * Organisations with usage no invoice covers: when the first and the last of it started. Read
 * organisation by organisation through the indexes — only what the latest invoice leaves out (a
 * later start, or a larger id for late usage) — not by scanning every record ever metered. With
 * JIT off: over every organisation the estimated cost is high enough for PostgreSQL to compile
 * the statement, which takes longer than the few index lookups per organisation it runs.
 */
async function pendingOrganizations(
  database: Database,
  organizationIds: readonly string[] | null,
): Promise<Pending[]> {
  const only =
    organizationIds === null
      ? Prisma.empty
      : Prisma.sql`WHERE o."id" IN (SELECT unnest(${[...organizationIds]}::text[]))`;
  const rows = await rawTransaction(database, async (statement) => {
    await statement(Prisma.sql`SET LOCAL jit = off`);
    return statement<Pending>(
      Prisma.sql`
    SELECT o."id" AS "organizationId",
           COALESCE(b."timeZone", ${DEFAULT_BILLING_TIME_ZONE}) AS "timeZone",
           l."period" AS "latestPeriod",
           least(later."first", newer."first") AS "firstStart",
           greatest(later."last", newer."last") AS "lastStart"
      FROM "Organization" o
      LEFT JOIN "BillingAccount" b ON b."organizationId" = o."id"
      LEFT JOIN LATERAL (${latestInvoiceSql(Prisma.sql`o."id"`)}) l ON true
      CROSS JOIN LATERAL (
        SELECT min(u."intervalStart") AS "first", max(u."intervalStart") AS "last"
          FROM "UsageRecord" u
         WHERE u."organizationId" = o."id"
           AND u."intervalStart" >= COALESCE(l."until", '-infinity'::timestamp)
      ) later
      CROSS JOIN LATERAL (
        SELECT min(n."intervalStart") AS "first", max(n."intervalStart") AS "last"
          FROM (SELECT u."intervalStart" FROM "UsageRecord" u
                 WHERE u."organizationId" = o."id"
                   AND u."id" > COALESCE(l."through", 9223372036854775807)
                 ORDER BY u."id") n
      ) newer
     ${only}`,
    );
  });
  return rows.filter((row) => row.firstStart !== null);
}

/**
 * The scheduled sweep: for each organisation with unbilled usage, finalises every billing month
 * that ended more than `graceDays` ago, oldest first — from the month of its oldest unbilled
 * usage, or the month after its latest invoice when that is later (usage of a month already
 * invoiced goes on the next invoice as late usage). Organisations are finalised `batchSize` at a
 * time, each batch one transaction (finaliseInvoices), in the order of their ids. Safe to run
 * twice or concurrently: a month gets one invoice.
 */
export async function closeDueInvoices(
  database: Database,
  input: {
    sellerCountry: string;
    graceDays: number;
    now?: Date;
    organizationIds?: string[];
    batchSize?: number;
  },
): Promise<{ finalised: string[] }> {
  const now = input.now ?? new Date();
  const batchSize = Math.max(1, input.batchSize ?? INVOICE_BATCH_SIZE);
  const finalised: string[] = [];
  let pending = await pendingOrganizations(database, input.organizationIds ?? null);
  // Each round finalises one month per organisation; one with more due months goes round again.
  for (let round = 0; pending.length > 0 && round < 240; round += 1) {
    const due: (InvoiceToFinalise & { more: boolean })[] = [];
    for (const org of pending) {
      // The newest month whose grace period is over.
      const lastDue = shiftPeriod(
        periodOf(new Date(now.getTime() - input.graceDays * DAY_MS), org.timeZone),
        -1,
      );
      let period = periodOf(org.firstStart, org.timeZone);
      if (org.latestPeriod !== null && period <= org.latestPeriod) {
        period = shiftPeriod(org.latestPeriod, 1);
      }
      if (period > lastDue) continue;
      const more = periodOf(org.lastStart, org.timeZone) > period;
      due.push({ organizationId: org.organizationId, period, more });
    }
    due.sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
    const again: string[] = [];
    for (let start = 0; start < due.length; start += batchSize) {
      const batch = due.slice(start, start + batchSize);
      const results = await finaliseInvoices(database, SYSTEM_ACTOR, {
        items: batch.map(({ organizationId, period }) => ({ organizationId, period })),
        sellerCountry: input.sellerCountry,
        now,
      });
      results.forEach((result, index) => {
        if (result?.created) finalised.push(result.number);
        // Nothing billed (another run got there first): the next sweep looks again.
        if (result && batch[index]!.more) again.push(batch[index]!.organizationId);
      });
    }
    pending = again.length > 0 ? await pendingOrganizations(database, again) : [];
  }
  return { finalised };
}
