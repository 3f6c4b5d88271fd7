import type { Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../actor";
import { periodOf, shiftPeriod } from "./billing-period";
import { DEFAULT_BILLING_TIME_ZONE } from "./billing-time-zone";
import { finaliseInvoice } from "./finalise-invoice";

const DAY_MS = 86_400_000;

/**
 * The scheduled sweep: for each organisation with unbilled usage, finalises every billing month
 * that ended more than `graceDays` ago, oldest first (a month already invoiced is left as it is;
 * its late usage goes on the next one). Safe to run twice or concurrently: finaliseInvoice makes
 * one invoice per month.
 */
export async function closeDueInvoices(
  database: Database,
  input: { sellerCountry: string; graceDays: number; now?: Date; organizationIds?: string[] },
): Promise<{ finalised: string[] }> {
  const now = input.now ?? new Date();
  const pending = await database.$queryRaw<
    { organizationId: string; firstStart: Date; timeZone: string }[]
  >`
    SELECT u."organizationId", min(u."intervalStart") AS "firstStart",
           COALESCE(b."timeZone", ${DEFAULT_BILLING_TIME_ZONE}) AS "timeZone"
      FROM "UsageRecord" u LEFT JOIN "BillingAccount" b ON b."organizationId" = u."organizationId"
     WHERE u."billedInvoiceId" IS NULL
       AND (${input.organizationIds ?? null}::text[] IS NULL OR u."organizationId" = ANY(${input.organizationIds ?? null}::text[]))
     GROUP BY u."organizationId", b."timeZone"`;
  const finalised: string[] = [];
  for (const org of pending) {
    // The newest month whose grace period is over.
    const lastDue = shiftPeriod(
      periodOf(new Date(now.getTime() - input.graceDays * DAY_MS), org.timeZone),
      -1,
    );
    for (
      let period = periodOf(org.firstStart, org.timeZone);
      period <= lastDue;
      period = shiftPeriod(period, 1)
    ) {
      const result = await finaliseInvoice(database, SYSTEM_ACTOR, {
        organizationId: org.organizationId,
        period,
        sellerCountry: input.sellerCountry,
        now,
      });
      if (result?.created) finalised.push(result.invoice.number);
    }
  }
  return { finalised };
}
