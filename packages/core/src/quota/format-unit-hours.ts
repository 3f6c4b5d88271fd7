/**
 * Pure: quota as people read it — unit-seconds shown as hours of the class's unit
 * ("16 GPU-hours", "1 GPU-hour", "0.17 GPU-hours"). Stored and computed amounts stay integer
 * unit-seconds; this is only for messages.
 */
export function formatUnitHours(unitSeconds: number | bigint, unit: string): string {
  const seconds = Number(unitSeconds);
  const hours = seconds / 3600;
  if (seconds > 0 && hours < 0.005) return `less than 0.01 ${unit}-hours`;
  const text = hours.toLocaleString("en-GB", { maximumFractionDigits: hours >= 100 ? 0 : 2 });
  return `${text} ${unit}-hour${text === "1" ? "" : "s"}`;
}
