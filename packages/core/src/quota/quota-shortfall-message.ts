import { formatThousandthsOfHour, formatUnitHours, thousandthsOfHour } from "./format-unit-hours";

/**
 * Pure: the three figures of a hold the allocation cannot cover, as written — what it needs, what
 * remains, and how much is short. The shortfall is the difference of the other two as written,
 * so they add up ("needs 0.833, 0.778 remain, 0.055 short") however the exact amounts fall. The job
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
  const short = thousandthsOfHour(needed) - thousandthsOfHour(left);
  return {
    needed: formatUnitHours(needed, unit),
    remaining: formatUnitHours(left, unit),
    short: short > 0n ? formatThousandthsOfHour(short, unit) : `less than 0.001 ${unit}-hours`,
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
