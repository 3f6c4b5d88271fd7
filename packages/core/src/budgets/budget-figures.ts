import { percentTenths } from "../programmes/format-percent";

/** The shares of a monthly budget at which owners and billing members are told, in percent. */
export const BUDGET_THRESHOLDS = [50, 80, 100] as const;
export type BudgetThreshold = (typeof BUDGET_THRESHOLDS)[number];

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
