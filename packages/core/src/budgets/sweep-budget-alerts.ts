import type { Database } from "@tessera/db";
import { deliverMail } from "../mail/send-mail";
import { TX_OPTIONS } from "../transaction";
import { periodOf } from "../billing/billing-period";
import {
  highestClaim,
  notifyBudgetRecipients,
  thresholdReachedNotice,
  type AlertedBudget,
} from "./budget-alert-notice";
import { BUDGET_THRESHOLDS, reachedThresholds } from "./budget-figures";
import { projectMonthSpend } from "./project-month-spend";

interface BudgetedOrganization extends AlertedBudget {
  timeZone: string;
}

/**
 * The monthly budget warnings: when an organisation's spend this month (in its billing time zone)
 * reaches 50 %, 80 % and 100 % of its budget, its owners and billing members are told — in the
 * portal and by mail — once per threshold and month. Each threshold's BudgetAlert row is the
 * claim: inserted with ON CONFLICT DO NOTHING in the same transaction as the notices, and only
 * while the budget is still the one measured against, so two sweeps at once (or a sweep racing a
 * budget change) tell nobody twice. When several thresholds are passed at once, all are claimed
 * and one notice says the highest. Thresholds a budget has passed already when it is set are
 * claimed and told by setMonthlyBudget itself, so the sweep tells only of spend growing past them.
 */
export async function sweepBudgetAlerts(
  database: Database,
  input: { sellerCountry: string; now?: Date },
): Promise<{ notified: number }> {
  const now = input.now ?? new Date();
  const organizations = await database.$queryRaw<BudgetedOrganization[]>`
    SELECT b."organizationId", o."name", b."timeZone", b."monthlyBudgetMinor" AS "budgetMinor",
           b."monthlyBudgetCurrency"::text AS "currency"
      FROM "BillingAccount" b
      JOIN "Organization" o ON o."id" = b."organizationId"
     WHERE b."monthlyBudgetMinor" IS NOT NULL`;
  let notified = 0;
  for (const organization of organizations) {
    notified += await alertOrganization(database, organization, input.sellerCountry, now);
  }
  return { notified };
}

async function alertOrganization(
  database: Database,
  organization: BudgetedOrganization,
  sellerCountry: string,
  now: Date,
): Promise<number> {
  const period = periodOf(now, organization.timeZone);
  const claimed = await database.budgetAlert.findMany({
    where: { organizationId: organization.organizationId, period },
    select: { thresholdPercent: true },
  });
  const open = BUDGET_THRESHOLDS.filter((t) => !claimed.some((c) => c.thresholdPercent === t));
  if (open.length === 0) return 0;
  const spend = await projectMonthSpend(database, {
    organizationId: organization.organizationId,
    sellerCountry,
    now,
  });
  // A budget in another currency than the charges cannot be compared (the page says so).
  if (spend.currency !== organization.currency || spend.period !== period) return 0;
  const due = reachedThresholds(spend.spentMinor, organization.budgetMinor).filter((t) =>
    open.includes(t),
  );
  if (due.length === 0) return 0;

  const { notified, mails } = await database.$transaction(async (tx) => {
    const won = await tx.$queryRaw<{ thresholdPercent: number; createdAt: Date }[]>`
      INSERT INTO "BudgetAlert" ("organizationId", "period", "thresholdPercent", "budgetMinor",
                                 "spentMinor", "currency")
      SELECT b."organizationId", ${period}::text, t, b."monthlyBudgetMinor",
             ${spend.spentMinor}::bigint, b."monthlyBudgetCurrency"
        FROM "BillingAccount" b, unnest(${due}::int[]) AS t
       WHERE b."organizationId" = ${organization.organizationId}
         AND b."monthlyBudgetMinor" = ${organization.budgetMinor}::bigint
         AND b."monthlyBudgetCurrency" = ${organization.currency}::text
      ON CONFLICT DO NOTHING
      RETURNING "thresholdPercent", "createdAt"`;
    const highest = highestClaim(won);
    if (!highest) return { notified: 0, mails: [] };
    return notifyBudgetRecipients(tx, {
      organizationId: organization.organizationId,
      period,
      threshold: highest.threshold,
      claimedAt: highest.createdAt,
      notice: thresholdReachedNotice(organization, spend, highest.threshold),
    });
  }, TX_OPTIONS);
  for (const mail of mails) await deliverMail(database, mail);
  return notified;
}
