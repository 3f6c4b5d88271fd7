/**
 * Pure: quota as people read it — unit-seconds shown as hours of the class's unit
 * ("16 GPU-hours", "1 GPU-hour", "183.97 GPU-hours", "0.4 CPU core-hours"). One unit for every
 * amount, large or small, so that figures shown side by side (granted, held, used, left) compare
 * at a glance; every figure to the hundredth, so that the figures of one sentence add up as
 * written ("needs 192, 183.97 remain, 8.03 short"); a non-zero amount below a hundredth reads
 * "less than 0.01 GPU-hours", never 0. Stored and computed amounts stay integer unit-seconds;
 * this is only for what people read.
 */
// Made once: building a number format is far dearer than using one (toLocaleString builds one
// on every call).
const HUNDREDTHS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** Never negative: a ledger that went below zero is shown as nothing left. */
export function formatUnitHours(unitSeconds: number | bigint, unit: string): string {
  const seconds = Math.max(0, Number(unitSeconds));
  const hours = seconds / 3600;
  if (seconds > 0 && hours < 0.005) return `less than 0.01 ${unit}-hours`;
  const text = HUNDREDTHS.format(hours);
  return `${text} ${unit}-hour${text === "1" ? "" : "s"}`;
}
