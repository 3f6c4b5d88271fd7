import { Prisma, type MailMessage } from "@tessera/db";
import type { SqlClient } from "../billing/sql-client";
import { notifyUsers, type NotificationWriter } from "../notifications/notify-user";
import { formatPercent } from "../programmes/format-percent";
import { formatMoney } from "../programmes/money";
import { BUDGET_THRESHOLDS, type BudgetThreshold } from "./budget-figures";
import type { MonthProjection } from "./project-month-spend";

/** Who hears of an organisation's budget: those who pay for it or own it. */
export const BUDGET_RECIPIENT_ROLES = ["OWNER", "BILLING"] as const;

export function budgetPath(organizationId: string): string {
  return `/orgs/${encodeURIComponent(organizationId)}/billing/budget`;
}

/** The organisation and the budget an alert measures against. */
export interface AlertedBudget {
  organizationId: string;
  name: string;
  budgetMinor: bigint;
  currency: string;
}

type Notice = { title: string; body: string };

function monthName(period: string): string {
  return new Date(`${period}-15T12:00:00Z`).toLocaleDateString("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

// The page's projection: what is spent plus what is running now, run on (projectMonthSpend).
function paceSentence(spend: MonthProjection, money: (minor: bigint) => string): string {
  return spend.running.length === 0
    ? " Nothing is running now."
    : ` If what is running now keeps running (endpoints to the month's end, jobs to the end of their walltime), the month would end at ${money(spend.projectedMinor)}.`;
}

const CLOSING =
  " Running jobs and endpoints are not stopped; review the usage, or change the budget.";

/** The notice of a threshold the month's spend has grown past (the sweep's). */
export function thresholdReachedNotice(
  budget: AlertedBudget,
  spend: MonthProjection,
  threshold: BudgetThreshold,
): Notice {
  const money = (minor: bigint) => formatMoney(minor, budget.currency);
  const month = monthName(spend.period);
  const title =
    threshold === 100
      ? `${budget.name} has reached its budget for ${month}`
      : `${budget.name} has used ${threshold}% of its budget for ${month}`;
  return {
    title,
    body: `${budget.name} has spent ${money(spend.spentMinor)} of its ${money(budget.budgetMinor)} monthly budget in ${month} (its share of compute, before VAT).${paceSentence(spend, money)}${CLOSING}`,
  };
}

/**
 * The notice of a budget set (or changed) below what the month has already spent: it names the
 * share actually spent at that moment and the highest threshold it is past — 73.8 %, past 50 % —
 * since "50 %" alone would understate it — and when the next warning comes.
 */
export function reachedWhenSetNotice(
  budget: AlertedBudget,
  spend: MonthProjection,
  threshold: BudgetThreshold,
): Notice {
  const money = (minor: bigint) => formatMoney(minor, budget.currency);
  const month = monthName(spend.period);
  const share = formatPercent(spend.spentMinor, budget.budgetMinor);
  const next = BUDGET_THRESHOLDS.find((t) => t > threshold);
  const ahead = next === undefined ? "" : ` The next warning comes at ${next}%.`;
  return {
    title: `${budget.name} has already used ${share} of its budget for ${month}, past the ${threshold}% warning`,
    body: `When its monthly budget was set to ${money(budget.budgetMinor)}, ${budget.name} had already spent ${money(spend.spentMinor)} in ${month} (${share} of it, past the ${threshold}% warning; its share of compute, before VAT).${paceSentence(spend, money)}${ahead}${CLOSING}`,
  };
}

/** Of the thresholds a statement just claimed, the highest (the one the notice names), if any. */
export function highestClaim(
  claimed: readonly { thresholdPercent: number; createdAt: Date }[],
): { threshold: BudgetThreshold; createdAt: Date } | null {
  const top = claimed.reduce<(typeof claimed)[number] | null>(
    (best, row) => (best && best.thresholdPercent >= row.thresholdPercent ? best : row),
    null,
  );
  return top && { threshold: top.thresholdPercent as BudgetThreshold, createdAt: top.createdAt };
}

/**
 * Tells the organisation's owners and billing members of the highest threshold just claimed.
 * Call it in the claim's transaction; deliver the returned mail after the commit.
 */
export async function notifyBudgetRecipients(
  tx: NotificationWriter & SqlClient,
  input: {
    organizationId: string;
    period: string;
    threshold: BudgetThreshold;
    /** When the threshold was claimed: a threshold re-armed by a budget change is a new event. */
    claimedAt: Date;
    notice: Notice;
  },
): Promise<{ notified: number; mails: MailMessage[] }> {
  const recipients = await tx.$queryRaw<{ id: string; email: string | null }[]>(Prisma.sql`
    SELECT u."id", u."email"
      FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
     WHERE m."organizationId" = ${input.organizationId}
       AND m."role"::text IN (${Prisma.join(BUDGET_RECIPIENT_ROLES)})
     ORDER BY u."id"`);
  return notifyUsers(tx, recipients, {
    kind: "BUDGET_ALERT",
    eventKey: `budget-${input.threshold}:${input.organizationId}:${input.period}:${input.claimedAt.getTime()}`,
    organizationId: input.organizationId,
    ...input.notice,
    link: budgetPath(input.organizationId),
  });
}
