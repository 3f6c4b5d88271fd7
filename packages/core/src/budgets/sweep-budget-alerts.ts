import { Prisma, type Database } from "@tessera/db";
import { deliverMail } from "../mail/send-mail";
import { formatMoney } from "../programmes/money";
import { notifyUsers } from "../notifications/notify-user";
import { TX_OPTIONS } from "../transaction";
import { periodOf } from "../billing/billing-period";
import { BUDGET_THRESHOLDS, reachedThresholds, type BudgetThreshold } from "./budget-figures";
import { projectMonthSpend, type MonthProjection } from "./project-month-spend";

/** Who hears of an organisation's budget: those who pay for it or own it. */
export const BUDGET_RECIPIENT_ROLES = ["OWNER", "BILLING"] as const;

interface BudgetedOrganization {
  organizationId: string;
  name: string;
  timeZone: string;
  budgetMinor: bigint;
  currency: string;
}

export function budgetPath(organizationId: string): string {
  return `/orgs/${encodeURIComponent(organizationId)}/billing/budget`;
}

function monthName(period: string): string {
  return new Date(`${period}-15T12:00:00Z`).toLocaleDateString("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

function message(
  organization: BudgetedOrganization,
  spend: MonthProjection,
  threshold: BudgetThreshold,
): { title: string; body: string } {
  const money = (minor: bigint) => formatMoney(minor, organization.currency);
  const month = monthName(spend.period);
  const title =
    threshold === 100
      ? `${organization.name} has reached its budget for ${month}`
      : `${organization.name} has used ${threshold}% of its budget for ${month}`;
  // The page's projection: what is spent plus what is running now, run on (projectMonthSpend).
  const pace =
    spend.running.length === 0
      ? " Nothing is running now."
      : ` If what is running now keeps running (endpoints to the month's end, jobs to the end of their walltime), the month would end at ${money(spend.projectedMinor)}.`;
  return {
    title,
    body: `${organization.name} has spent ${money(spend.spentMinor)} of its ${money(organization.budgetMinor)} monthly budget in ${month} (its share of compute, before VAT).${pace} Running jobs and endpoints are not stopped; review the usage, or change the budget.`,
  };
}

/**
 * The monthly budget warnings: when an organisation's spend this month (in its billing time zone)
 * reaches 50 %, 80 % and 100 % of its budget, its owners and billing members are told — in the
 * portal and by mail — once per threshold and month. Each threshold's BudgetAlert row is the
 * claim: inserted with ON CONFLICT DO NOTHING in the same transaction as the notices, and only
 * while the budget is still the one measured against, so two sweeps at once (or a sweep racing a
 * budget change) tell nobody twice. When several thresholds are passed at once, all are claimed
 * and one notice says the highest.
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
    const highest = won.reduce<(typeof won)[number] | null>(
      (top, row) => (top && top.thresholdPercent >= row.thresholdPercent ? top : row),
      null,
    );
    if (!highest) return { notified: 0, mails: [] };
    const threshold = highest.thresholdPercent as BudgetThreshold;
    const recipients = await tx.$queryRaw<{ id: string; email: string | null }[]>`
      SELECT u."id", u."email"
        FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
       WHERE m."organizationId" = ${organization.organizationId}
         AND m."role"::text IN (${Prisma.join(BUDGET_RECIPIENT_ROLES)})
       ORDER BY u."id"`;
    return notifyUsers(tx, recipients, {
      kind: "BUDGET_ALERT",
      // The claim's time makes a threshold re-armed by a budget change a new event.
      eventKey: `budget-${threshold}:${organization.organizationId}:${period}:${highest.createdAt.getTime()}`,
      organizationId: organization.organizationId,
      ...message(organization, spend, threshold),
      link: budgetPath(organization.organizationId),
    });
  }, TX_OPTIONS);
  for (const mail of mails) await deliverMail(database, mail);
  return notified;
}
