import { formatUnitHours } from "./format-unit-hours";

/** Unit-seconds as whole hundredths of an hour, rounded as formatUnitHours rounds them. */
function hundredthsOfHour(unitSeconds: bigint): bigint {
  return (unitSeconds * 100n + 1_800n) / 3_600n;
}

/**
 * Pure: the three figures of a hold the allocation cannot cover, as written — what it needs, what
 * remains, and how much is short. The shortfall is the difference of the other two as written,
 * so they add up ("needs 0.83, 0.78 remain, 0.05 short") however the exact amounts fall. The job
 * form's preview and the server's refusal both use these.
 */
export function quotaShortfallFigures(
  neededUnitSeconds: number | bigint,
  remainingUnitSeconds: number | bigint,
  unit: string,
): { needed: string; remaining: string; short: string } {
  const needed = BigInt(neededUnitSeconds);
  const remaining = BigInt(remainingUnitSeconds);
  const left = remaining > 0n ? remaining : 0n;
  const short = hundredthsOfHour(needed) - hundredthsOfHour(left);
  return {
    needed: formatUnitHours(needed, unit),
    remaining: formatUnitHours(left, unit),
    short: short > 0n ? formatUnitHours(short * 36n, unit) : `less than 0.01 ${unit}-hours`,
  };
}

/** Pure: the one sentence of the server's refusal, with quotaShortfallFigures' figures. */
export function quotaShortfallMessage(
  neededUnitSeconds: number | bigint,
  remainingUnitSeconds: number | bigint,
  unit: string,
): string {
  const figures = quotaShortfallFigures(neededUnitSeconds, remainingUnitSeconds, unit);
  return `Not enough quota left on this allocation: this needs ${figures.needed} and ${figures.remaining} remain, ${figures.short} short.`;
}
