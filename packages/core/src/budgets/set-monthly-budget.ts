import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { toSafeNumber } from "../programmes/money";
import { lockOrganization } from "../tenancy/lock-organization";
import type { TenantAccess } from "../tenancy/tenant-access";
import { MAX_BUDGET_MINOR } from "../money-limits";
import { TX_OPTIONS } from "../transaction";
import { deliverMail } from "../mail/send-mail";
import { highestClaim, notifyBudgetRecipients, reachedWhenSetNotice } from "./budget-alert-notice";
import { reachedThresholds } from "./budget-figures";
import { getBudget, type BudgetView } from "./get-budget";
import { projectMonthSpend } from "./project-month-spend";

export { MAX_BUDGET_MINOR } from "../money-limits";

/**
 * Sets the organisation's monthly budget in the billing currency (integer minor units), or clears
 * it (null). Audited. A changed budget is a new budget: this month's alert thresholds it has not
 * reached are armed again, so raising it mid-month warns again when the new 80 % is reached.
 * Thresholds the month's spend has already passed when the budget is set (or lowered) and that
 * were not told yet are claimed here and told at once, in one notice naming the share actually
 * spent and the highest of them (74 % spent is "74.0%, past 50%", not "50%"); the sweep
 * (sweepBudgetAlerts) finds them claimed and tells only of the thresholds spend grows past later.
 */
export async function setMonthlyBudget(
  tenant: TenantAccess,
  actor: Actor,
  input: { budgetMinor: bigint | null; sellerCountry: string; now?: Date },
): Promise<BudgetView> {
  const wanted = input.budgetMinor;
  if (wanted !== null && (wanted < 1n || wanted > MAX_BUDGET_MINOR)) {
    throw new AppError(
      "INVALID",
      "A monthly budget must be a positive amount; clear it instead to have none.",
    );
  }
  const now = input.now ?? new Date();
  const organizationId = tenant.organization.id;
  const spend = await projectMonthSpend(tenant.db, {
    organizationId,
    sellerCountry: input.sellerCountry,
    now,
  });
  const mails = await tenant.db.$transaction(async (tx) => {
    // One budget change at a time per organisation, so the audit trail reads in order.
    await lockOrganization(tx, organizationId);
    const current = await tx.billingAccount.findUnique({
      where: { organizationId },
      select: { monthlyBudgetMinor: true, monthlyBudgetCurrency: true },
    });
    const from =
      current?.monthlyBudgetMinor != null
        ? { minor: current.monthlyBudgetMinor, currency: current.monthlyBudgetCurrency }
        : null;
    const to = wanted === null ? null : { minor: wanted, currency: spend.currency };
    if (from?.minor === to?.minor && from?.currency === to?.currency) return [];
    const budget = {
      monthlyBudgetMinor: to?.minor ?? null,
      monthlyBudgetCurrency: to?.currency ?? null,
    };
    await tx.billingAccount.upsert({
      where: { organizationId },
      create: { organizationId, ...budget },
      update: budget,
    });
    const stillReached = to ? reachedThresholds(spend.spentMinor, to.minor) : [];
    await tx.budgetAlert.deleteMany({
      where: { period: spend.period, thresholdPercent: { notIn: stillReached } },
    });
    const money = (value: { minor: bigint; currency: string | null } | null) =>
      value && { minor: toSafeNumber(value.minor), currency: value.currency };
    await recordAuditEvent(tx, actor, {
      action: "billing.budget_changed",
      organizationId,
      targetType: "Organization",
      targetId: organizationId,
      data: { from: money(from), to: money(to), period: spend.period },
    });
    if (!to) return [];
    // The thresholds still claimed (by the budget before) stay told; the others passed are new.
    const claimed = await tx.budgetAlert.createManyAndReturn({
      data: stillReached.map((thresholdPercent) => ({
        organizationId,
        period: spend.period,
        thresholdPercent,
        budgetMinor: to.minor,
        spentMinor: spend.spentMinor,
        currency: spend.currency,
      })),
      skipDuplicates: true,
      select: { thresholdPercent: true, createdAt: true },
    });
    const highest = highestClaim(claimed);
    if (!highest) return [];
    const alerted = {
      organizationId,
      name: tenant.organization.name,
      budgetMinor: to.minor,
      currency: spend.currency,
    };
    const { mails } = await notifyBudgetRecipients(tx, {
      organizationId,
      period: spend.period,
      threshold: highest.threshold,
      claimedAt: highest.createdAt,
      notice: reachedWhenSetNotice(alerted, spend, highest.threshold),
    });
    return mails;
  }, TX_OPTIONS);
  for (const mail of mails) await deliverMail(tenant.db, mail);
  return getBudget(tenant, { sellerCountry: input.sellerCountry, now });
}
