import { Prisma, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { NOT_INVOICED } from "./aggregate-usage";
import { periodOf, shiftPeriod } from "./billing-period";
import { DEFAULT_BILLING_TIME_ZONE } from "./billing-time-zone";
import { finaliseInvoices, type InvoiceToFinalise } from "./finalise-invoices";

const DAY_MS = 86_400_000;
/** Organisations finalised per transaction when the caller does not say. */
export const INVOICE_BATCH_SIZE = 500;

interface Pending {
  organizationId: string;
  timeZone: string;
  firstStart: Date;
  lastStart: Date;
}

/** Organisations with usage no invoice covers: when the first and the last of it started. */
async function pendingOrganizations(
  database: Database,
  organizationIds: readonly string[] | null,
): Promise<Pending[]> {
  return database.$queryRaw<Pending[]>(Prisma.sql`
    SELECT u."organizationId", COALESCE(b."timeZone", ${DEFAULT_BILLING_TIME_ZONE}) AS "timeZone",
           min(u."intervalStart") AS "firstStart", max(u."intervalStart") AS "lastStart"
      FROM "UsageRecord" u LEFT JOIN "BillingAccount" b ON b."organizationId" = u."organizationId"
     WHERE ${NOT_INVOICED}
       AND (${organizationIds}::text[] IS NULL OR u."organizationId" = ANY(${organizationIds}::text[]))
     GROUP BY u."organizationId", b."timeZone"`);
}

/**
 * The scheduled sweep: for each organisation with unbilled usage, finalises every billing month
 * that ended more than `graceDays` ago, oldest first — the first month from its oldest unbilled
 * usage that has no invoice yet (usage of a month already invoiced goes on the next one as late
 * usage). Organisations are finalised `batchSize` at a time, each batch one transaction
 * (finaliseInvoices). Safe to run twice or concurrently: a month gets one invoice.
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
    const claims = await database.invoicePeriodClaim.findMany({
      where: { organizationId: { in: pending.map((p) => p.organizationId) } },
      select: { organizationId: true, period: true },
    });
    const claimed = new Set(claims.map((claim) => `${claim.organizationId}/${claim.period}`));
    const due: (InvoiceToFinalise & { more: boolean })[] = [];
    for (const org of pending) {
      // The newest month whose grace period is over.
      const lastDue = shiftPeriod(
        periodOf(new Date(now.getTime() - input.graceDays * DAY_MS), org.timeZone),
        -1,
      );
      let period = periodOf(org.firstStart, org.timeZone);
      while (claimed.has(`${org.organizationId}/${period}`)) period = shiftPeriod(period, 1);
      if (period > lastDue) continue;
      const more = periodOf(org.lastStart, org.timeZone) > period;
      due.push({ organizationId: org.organizationId, period, more });
    }
    const again: string[] = [];
    for (let start = 0; start < due.length; start += batchSize) {
      const batch = due.slice(start, start + batchSize);
      const results = await finaliseInvoices(database, SYSTEM_ACTOR, {
        items: batch.map(({ organizationId, period }) => ({ organizationId, period })),
        sellerCountry: input.sellerCountry,
        now,
      });
      results.forEach((result, index) => {
        if (result?.created) finalised.push(result.invoice.number);
        // Nothing billed (another run got there first): the next sweep looks again.
        if (result && batch[index]!.more) again.push(batch[index]!.organizationId);
      });
    }
    pending = again.length > 0 ? await pendingOrganizations(database, again) : [];
  }
  return { finalised };
}
