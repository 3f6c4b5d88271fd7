import { formatUnitHours } from "./format-unit-hours";

/**
 * Pure: the one sentence for a hold the allocation cannot cover — the job form's preview and the
 * submit's refusal both say it, with the same figures rounded the same way.
 */
export function quotaShortfallMessage(
  neededUnitSeconds: number | bigint,
  remainingUnitSeconds: number | bigint,
  unit: string,
): string {
  const needed = BigInt(neededUnitSeconds);
  const remaining = BigInt(remainingUnitSeconds);
  const left = remaining > 0n ? remaining : 0n;
  return `Not enough quota left on this allocation: this needs ${formatUnitHours(needed, unit)} and ${formatUnitHours(left, unit)} remain, ${formatUnitHours(needed - left, unit)} short.`;
}
