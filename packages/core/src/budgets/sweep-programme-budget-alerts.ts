import type { Database, ProgrammeBudgetMeasure } from "@tessera/db";
import { deliverMail } from "../mail/send-mail";
import { notifyUsers } from "../notifications/notify-user";
import { formatMoney } from "../programmes/money";
import { loadProgrammeConsumption } from "../programmes/programme-consumption";
import { TX_OPTIONS } from "../transaction";

/** A programme's administrators are told once when this share of its budget is reached. */
export const PROGRAMME_BUDGET_ALERT_PERCENT = 80;

interface ProgrammeBudget {
  id: string;
  name: string;
  currency: string;
  budgetMinor: bigint;
  awardedMinor: bigint;
  awardedClaimed: boolean;
  consumedClaimed: boolean;
}

function message(
  programme: ProgrammeBudget,
  measure: ProgrammeBudgetMeasure,
  amountMinor: bigint,
): { title: string; body: string } {
  const money = (minor: bigint) => formatMoney(minor, programme.currency);
  const percent = Number((amountMinor * 100n) / programme.budgetMinor);
  const left = programme.budgetMinor - amountMinor;
  return measure === "AWARDED"
    ? {
        title: `${programme.name}: ${percent}% of the budget is awarded`,
        body: `Awards from ${programme.name} commit ${money(amountMinor)} of its ${money(programme.budgetMinor)} budget; ${money(left > 0n ? left : 0n)} is left to award. Approvals that would pass the budget are refused.`,
      }
    : {
        title: `${programme.name}: ${percent}% of the budget is consumed`,
        body: `Usage on ${programme.name}'s awards has consumed ${money(amountMinor)} of its ${money(programme.budgetMinor)} budget: the programme's share of the rated usage, invoiced or not yet invoiced. The dashboard projects when the rest runs out at the recent rate.`,
      };
}

/**
 * The programme budget warnings: when the programme share awarded, or consumed (its share of the
 * rated usage, as the dashboard and the burn-down show it), reaches 80 % of a programme's budget,
 * every programme administrator is told once — in the portal and by mail. The ProgrammeBudgetAlert
 * row is the claim, inserted with ON CONFLICT DO NOTHING in the same transaction as the notices.
 */
export async function sweepProgrammeBudgetAlerts(
  database: Database,
  now: Date = new Date(),
): Promise<{ notified: number }> {
  const programmes = await database.$queryRaw<ProgrammeBudget[]>`
    SELECT p."id", p."name", p."currency"::text AS "currency", p."budgetMinor", p."awardedMinor",
           EXISTS (SELECT 1 FROM "ProgrammeBudgetAlert" a
                    WHERE a."programmeId" = p."id" AND a."measure" = 'AWARDED') AS "awardedClaimed",
           EXISTS (SELECT 1 FROM "ProgrammeBudgetAlert" a
                    WHERE a."programmeId" = p."id" AND a."measure" = 'CONSUMED') AS "consumedClaimed"
      FROM "Programme" p
     WHERE p."budgetMinor" > 0`;
  const reached = (amount: bigint, budget: bigint) =>
    amount * 100n >= budget * BigInt(PROGRAMME_BUDGET_ALERT_PERCENT);
  let notified = 0;
  for (const programme of programmes) {
    if (!programme.awardedClaimed && reached(programme.awardedMinor, programme.budgetMinor)) {
      notified += await alertProgramme(database, programme, "AWARDED", programme.awardedMinor);
    }
    // Consumption never exceeds what was awarded: below 80 % awarded, there is nothing to sum.
    if (programme.consumedClaimed || !reached(programme.awardedMinor, programme.budgetMinor)) {
      continue;
    }
    const { totalMinor: consumed } = await loadProgrammeConsumption(database, programme.id, now, {
      daily: false,
    });
    if (reached(consumed, programme.budgetMinor)) {
      notified += await alertProgramme(database, programme, "CONSUMED", consumed);
    }
  }
  return { notified };
}

async function alertProgramme(
  database: Database,
  programme: ProgrammeBudget,
  measure: ProgrammeBudgetMeasure,
  amountMinor: bigint,
): Promise<number> {
  const { notified, mails } = await database.$transaction(async (tx) => {
    const won = await tx.programmeBudgetAlert.createManyAndReturn({
      data: [
        {
          programmeId: programme.id,
          measure,
          thresholdPercent: PROGRAMME_BUDGET_ALERT_PERCENT,
          amountMinor,
          budgetMinor: programme.budgetMinor,
        },
      ],
      skipDuplicates: true,
    });
    if (won.length === 0) return { notified: 0, mails: [] };
    const admins = await tx.user.findMany({
      where: { platformRoles: { has: "PROGRAM_ADMIN" } },
      select: { id: true, email: true },
      orderBy: { id: "asc" },
    });
    return notifyUsers(tx, admins, {
      kind: "PROGRAMME_BUDGET_ALERT",
      eventKey: `programme-budget-${measure.toLowerCase()}-${PROGRAMME_BUDGET_ALERT_PERCENT}:${programme.id}`,
      organizationId: null,
      ...message(programme, measure, amountMinor),
      link: `/admin/programmes/${encodeURIComponent(programme.id)}`,
    });
  }, TX_OPTIONS);
  for (const mail of mails) await deliverMail(database, mail);
  return notified;
}
