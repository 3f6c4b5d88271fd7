/**
 * Pure: a job's quota and durations as people read them, for the timeline the worker writes and
 * the pages that show it. Quota is counted in unit-seconds; people read unit-hours, but a short
 * job's few GPU-seconds must not show as "0 GPU-hours", so small amounts are written in the unit
 * that keeps them readable.
 */
const LOCALE = "en-GB";
const twoDecimals = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/**
 * 7_200 GPU-seconds → "2 GPU-hours"; 3_600 → "1 GPU-hour"; 90 → "1.5 GPU-minutes";
 * 12 → "12 GPU-seconds"; nothing at all → "0 GPU-hours".
 */
export function formatQuota(unitSeconds: number | bigint, unit: string): string {
  const value = Math.max(0, Number(unitSeconds));
  if (value >= 3600 || value === 0)
    return counted(twoDecimals.format(value / 3600), `${unit}-hour`);
  if (value >= 60) return counted(oneDecimal.format(value / 60), `${unit}-minute`);
  return counted(whole.format(value), `${unit}-second`);
}

function counted(text: string, name: string): string {
  return `${text} ${name}${text === "1" ? "" : "s"}`;
}

/** 5_400 → "1 h 30 min"; 45 → "45 s"; 90_000 → "25 h". Whole seconds, never negative. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours === 0 && minutes === 0) return `${rest} s`;
  if (hours === 0) return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}
