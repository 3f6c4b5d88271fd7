import { divideHalfEven } from "./money";

/**
 * THE PERCENTAGE RULE (the only one for shares people read): a part of a whole is written in per
 * cent with one decimal, rounded half to even once from the exact integer ratio — 26.8 % reads
 * "26.8%", never "26%". Thresholds (alerts at 80 %…) are decided on the exact amounts, not on
 * this rounded figure.
 */
export function percentTenths(part: bigint, whole: bigint): bigint {
  if (whole <= 0n) return 0n;
  return divideHalfEven(part * 1_000n, whole);
}

const wholeFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** A share as people read it: 268, 1000 → "26.8%"; nothing of nothing is "0.0%". */
export function formatPercent(part: number | bigint, whole: number | bigint): string {
  const tenths = percentTenths(BigInt(part), BigInt(whole));
  const negative = tenths < 0n;
  const magnitude = negative ? -tenths : tenths;
  return `${negative ? "-" : ""}${wholeFormat.format(magnitude / 10n)}.${magnitude % 10n}%`;
}
