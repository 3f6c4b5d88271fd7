import { percentTenths } from "../programmes/format-percent";
import { divideHalfEven } from "../programmes/money";

/** The shares of a monthly budget at which owners and billing members are told, in percent. */
export const BUDGET_THRESHOLDS = [50, 80, 100] as const;
export type BudgetThreshold = (typeof BUDGET_THRESHOLDS)[number];

/** A month-end projection needs this much of the month behind it, or it only echoes one day. */
export const MIN_PROJECTION_ELAPSED_MS = 86_400_000;

/** Pure: the thresholds that `spentMinor` has reached (spent × 100 ≥ budget × threshold). */
export function reachedThresholds(spentMinor: bigint, budgetMinor: bigint): BudgetThreshold[] {
  if (budgetMinor <= 0n) return [];
  return BUDGET_THRESHOLDS.filter((t) => spentMinor * 100n >= budgetMinor * BigInt(t));
}

/**
 * Pure: the percentage of the budget spent, to one decimal by the percentage rule (formatPercent):
 * 26.8 % is 26.8, not 26. Whether an alert threshold is reached is decided on the exact amounts
 * (reachedThresholds), never on this rounded figure.
 */
export function percentOfBudget(spentMinor: bigint, budgetMinor: bigint): number {
  return Number(percentTenths(spentMinor, budgetMinor)) / 10;
}

/**
 * Pure: the month's spend at month end if it goes on at the rate so far — spent × (month length ÷
 * time elapsed), rounded half to even once. Null in the month's first day, when one day's spend
 * would be multiplied by thirty, and outside the month.
 */
export function projectMonthEnd(input: {
  spentMinor: bigint;
  periodStart: Date;
  periodEnd: Date;
  now: Date;
}): bigint | null {
  const elapsed = BigInt(input.now.getTime() - input.periodStart.getTime());
  const length = BigInt(input.periodEnd.getTime() - input.periodStart.getTime());
  if (elapsed < BigInt(MIN_PROJECTION_ELAPSED_MS) || elapsed > length) return null;
  return divideHalfEven(input.spentMinor * length, elapsed);
}
