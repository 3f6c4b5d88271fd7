/**
 * Pure: quota as people read it — unit-seconds shown as hours of the class's unit
 * ("16 GPU-hours", "1 GPU-hour", "183.97 GPU-hours"). Every figure to the hundredth, large or
 * small, so that the figures of one sentence add up as written ("needs 192, 183.97 remain,
 * 8.03 short"). Stored and computed amounts stay integer unit-seconds; this is only for messages.
 */
// Made once: building a number format is far dearer than using one (toLocaleString builds one
// on every call).
const HUNDREDTHS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export function formatUnitHours(unitSeconds: number | bigint, unit: string): string {
  const seconds = Number(unitSeconds);
  const hours = seconds / 3600;
  if (seconds > 0 && hours < 0.005) return `less than 0.01 ${unit}-hours`;
  const text = HUNDREDTHS.format(hours);
  return `${text} ${unit}-hour${text === "1" ? "" : "s"}`;
}
