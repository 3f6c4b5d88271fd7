import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { toSafeNumber } from "../programmes/money";
import { lockOrganization } from "../tenancy/lock-organization";
import type { TenantAccess } from "../tenancy/tenant-access";
import { MAX_BUDGET_MINOR } from "../money-limits";
import { TX_OPTIONS } from "../transaction";
import { reachedThresholds } from "./budget-figures";
import { getBudget, type BudgetView } from "./get-budget";
import { getMonthSpend } from "./get-month-spend";

export { MAX_BUDGET_MINOR } from "../money-limits";

/**
 * Sets the organisation's monthly budget in the billing currency (integer minor units), or clears
 * it (null). Audited. A changed budget is a new budget: this month's alert thresholds it has not
 * reached are armed again, so raising it mid-month warns again when the new 80 % is reached.
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
  const spend = await getMonthSpend(tenant.db, {
    organizationId,
    sellerCountry: input.sellerCountry,
    now,
  });
  await tenant.db.$transaction(async (tx) => {
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
    if (from?.minor === to?.minor && from?.currency === to?.currency) return;
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
  }, TX_OPTIONS);
  return getBudget(tenant, { sellerCountry: input.sellerCountry, now });
}
