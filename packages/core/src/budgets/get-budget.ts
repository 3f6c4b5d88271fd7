import { toSafeNumber } from "../programmes/money";
import { roleMay } from "../tenancy/permissions";
import type { TenantAccess } from "../tenancy/tenant-access";
import {
  BUDGET_THRESHOLDS,
  percentOfBudget,
  reachedThresholds,
  type BudgetThreshold,
} from "./budget-figures";
import { projectMonthSpend } from "./project-month-spend";

export interface BudgetView {
  /** The monthly budget in integer minor units of `currency`; null when none is set. */
  budgetMinor: number | null;
  /** The budget's currency; the billing currency when no budget is set. */
  currency: string;
  /** The currency this month's charges are in (the billing currency). */
  chargesCurrency: string;
  /** The month's charges are in another currency than the budget: they cannot be compared. */
  currencyMismatch: boolean;
  period: string;
  periodStart: Date;
  periodEnd: Date;
  timeZone: string;
  /** The tenant's share, before VAT, of this month's usage so far (see getMonthSpend). */
  spentMinor: number;
  /** Percent of the budget spent, to one decimal (formatPercent); null without a comparable budget. */
  percentUsed: number | null;
  /**
   * The month's spend at month end: spent so far plus what is running now (its endpoints at their
   * current replicas to the month's end, its running jobs to their walltime's end), rated as the
   * draft rates (projectMonthSpend). Nothing else is assumed to start.
   */
  projectedMinor: number;
  /** What is running now and its part of the projection, most expensive first. */
  running: {
    kind: "ENDPOINT" | "TRAINING_JOB";
    name: string;
    units: number;
    until: Date;
    toMonthEnd: boolean;
    untilQuotaRunsOut: boolean;
    untilAllocationEnds: boolean;
    /**
     * The organisation's share of an hour of it, in thousandths of a minor unit, at the price it is
     * billed at (from its next lease window on, for an endpoint with `currentWindow`).
     */
    hourlyMilliMinor: number;
    /**
     * An endpoint whose current lease window is billed at another price than its next ones (the
     * price changed during the window): when its next window opens, and its hourly rate until then.
     */
    currentWindow: { until: Date; hourlyMilliMinor: number } | null;
    restMinor: number;
    /** An endpoint that scales to zero: after how many seconds idle (null when it does not). */
    idleSecondsBeforeZero: number | null;
  }[];
  /** Each alert threshold: reached this month, and when its notice went out. */
  thresholds: { percent: BudgetThreshold; reached: boolean; notifiedAt: Date | null }[];
  /** Whether the caller may set or clear the budget. */
  canChange: boolean;
  computedAt: Date;
}

/** The organisation's monthly budget beside this month's spend so far and its projection. */
export async function getBudget(
  tenant: TenantAccess,
  input: { sellerCountry: string; now?: Date },
): Promise<BudgetView> {
  const now = input.now ?? new Date();
  const spend = await projectMonthSpend(tenant.db, {
    organizationId: tenant.organization.id,
    sellerCountry: input.sellerCountry,
    now,
  });
  const [account, alerts] = await Promise.all([
    tenant.db.billingAccount.findUnique({
      where: { organizationId: tenant.organization.id },
      select: { monthlyBudgetMinor: true, monthlyBudgetCurrency: true },
    }),
    tenant.db.budgetAlert.findMany({
      where: { period: spend.period },
      select: { thresholdPercent: true, createdAt: true },
    }),
  ]);
  const budget = account?.monthlyBudgetMinor ?? null;
  const currency = account?.monthlyBudgetCurrency ?? spend.currency;
  const comparable = budget !== null && currency === spend.currency;
  const reached = comparable ? reachedThresholds(spend.spentMinor, budget) : [];
  const notified = new Map(alerts.map((a) => [a.thresholdPercent, a.createdAt]));
  return {
    budgetMinor: budget === null ? null : toSafeNumber(budget),
    currency,
    chargesCurrency: spend.currency,
    currencyMismatch: budget !== null && !comparable,
    period: spend.period,
    periodStart: spend.periodStart,
    periodEnd: spend.periodEnd,
    timeZone: spend.timeZone,
    spentMinor: toSafeNumber(spend.spentMinor),
    percentUsed: comparable ? percentOfBudget(spend.spentMinor, budget) : null,
    projectedMinor: toSafeNumber(spend.projectedMinor),
    running: spend.running.map((cost) => ({
      kind: cost.kind,
      name: cost.name,
      units: cost.units,
      until: cost.until,
      toMonthEnd: cost.toMonthEnd,
      untilQuotaRunsOut: cost.untilQuotaRunsOut,
      untilAllocationEnds: cost.untilAllocationEnds,
      hourlyMilliMinor: toSafeNumber(cost.hourlyTenantMilliMinor),
      currentWindow: cost.currentWindow && {
        until: cost.currentWindow.until,
        hourlyMilliMinor: toSafeNumber(cost.currentWindow.hourlyTenantMilliMinor),
      },
      restMinor: toSafeNumber(cost.restMinor),
      idleSecondsBeforeZero: cost.idleSecondsBeforeZero,
    })),
    thresholds: BUDGET_THRESHOLDS.map((percent) => ({
      percent,
      reached: reached.includes(percent),
      notifiedAt: notified.get(percent) ?? null,
    })),
    canChange: roleMay(tenant.role, "billing.manage"),
    computedAt: now,
  };
}
