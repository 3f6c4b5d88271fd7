import { Prisma, rawTransaction, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { latestInvoiceSql } from "./aggregate-usage";
import { periodBoundsMemo, periodOf, shiftPeriod } from "./billing-period";
import { DEFAULT_BILLING_TIME_ZONE } from "./billing-time-zone";
import { finaliseInvoices, type InvoiceToFinalise } from "./finalise-invoices";

const DAY_MS = 86_400_000;
/** Organisations finalised per transaction when the caller does not say. */
export const INVOICE_BATCH_SIZE = 500;
/**
 * Batches finalised at once when the caller does not say, each in its own transaction on its own
 * connection. Two keep the database busy: while one batch writes its invoices (and holds the
 * number series until it commits), the next one sums and rates its usage.
 */
export const INVOICE_RUN_CONCURRENCY = 2;

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
 * Runs `work` for each item, at most `concurrency` at a time. After a failure no further item
 * starts; the ones running finish, and the first error is thrown.
 */
async function forEachAtOnce<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lane = async () => {
    while (errors.length === 0 && next < items.length) {
      const item = items[next]!;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  if (errors.length > 0) throw errors[0];
}

/**
 * The scheduled sweep: for each organisation with unbilled usage, finalises every billing month
 * that ended more than `graceDays` ago, oldest first — from the month of its oldest unbilled
 * usage, or the month after its latest invoice when that is later (usage of a month already
 * invoiced goes on the next invoice as late usage). Organisations are finalised `batchSize` at a
 * time, each batch one transaction (finaliseInvoices), batches taken in the order of their
 * organisations' ids, `concurrency` of them at once (their organisations are disjoint, and what
 * they share — an award, the number series, the audit chain — each takes under its own lock, in
 * the same order in every batch). Safe to run twice or concurrently: a month gets one invoice.
 * Once a batch fails no further batch starts; those already running finish, and the error is
 * thrown.
 */
export async function closeDueInvoices(
  database: Database,
  input: {
    sellerCountry: string;
    graceDays: number;
    now?: Date;
    organizationIds?: string[];
    batchSize?: number;
    concurrency?: number;
  },
): Promise<{ finalised: string[] }> {
  const now = input.now ?? new Date();
  const batchSize = Math.max(1, input.batchSize ?? INVOICE_BATCH_SIZE);
  const concurrency = Math.max(1, input.concurrency ?? INVOICE_RUN_CONCURRENCY);
  const finalised: string[] = [];
  const boundsIn = periodBoundsMemo();
  // The newest month whose grace period is over, per time zone.
  const lastDueIn = new Map<string, string>();
  const lastDueOf = (timeZone: string) => {
    let lastDue = lastDueIn.get(timeZone);
    if (lastDue === undefined) {
      lastDue = shiftPeriod(
        periodOf(new Date(now.getTime() - input.graceDays * DAY_MS), timeZone),
        -1,
      );
      lastDueIn.set(timeZone, lastDue);
    }
    return lastDue;
  };
  let pending = await pendingOrganizations(database, input.organizationIds ?? null);
  // Each round finalises one month per organisation; one with more due months goes round again.
  for (let round = 0; pending.length > 0 && round < 240; round += 1) {
    const due: (InvoiceToFinalise & { more: boolean })[] = [];
    for (const org of pending) {
      let period = periodOf(org.firstStart, org.timeZone);
      if (org.latestPeriod !== null && period <= org.latestPeriod) {
        period = shiftPeriod(org.latestPeriod, 1);
      }
      if (period > lastDueOf(org.timeZone)) continue;
      // Usage of a later month too: this organisation goes round again.
      const more = org.lastStart >= boundsIn(period, org.timeZone).end;
      due.push({ organizationId: org.organizationId, period, more });
    }
    due.sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
    const batches: (typeof due)[] = [];
    for (let start = 0; start < due.length; start += batchSize) {
      batches.push(due.slice(start, start + batchSize));
    }
    const again: string[] = [];
    await forEachAtOnce(batches, concurrency, async (batch) => {
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
    });
    pending = again.length > 0 ? await pendingOrganizations(database, again) : [];
  }
  return { finalised };
}
