/**
 * Formatting for job durations and quota, safe for client components. Quota is counted in
 * unit-seconds; people read unit-hours, but a short job's few GPU-seconds must not show as
 * "0 GPU-hours", so small amounts are written in the unit that keeps them readable.
 */
const LOCALE = "en-GB";
const twoDecimals = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** 7_200 GPU-seconds → "2 GPU-hours"; 90 → "1.5 GPU-minutes"; 12 → "12 GPU-seconds". */
export function formatQuota(unitSeconds: number, unit: string): string {
  const value = Math.max(0, unitSeconds);
  if (value >= 3600) return `${twoDecimals.format(value / 3600)} ${unit}-hours`;
  if (value >= 60) return `${oneDecimal.format(value / 60)} ${unit}-minutes`;
  return `${whole.format(value)} ${unit}-seconds`;
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

/** Seconds between two instants (the end defaults to now), never negative. */
export function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}

/** Hours and minutes typed into the walltime fields as seconds; null when not whole numbers. */
export function walltimeSeconds(hours: string, minutes: string): number | null {
  const h = hours.trim() === "" ? 0 : Number(hours.trim());
  const m = minutes.trim() === "" ? 0 : Number(minutes.trim());
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0 || m > 59) return null;
  return h * 3600 + m * 60;
}

/**
 * Seconds a job has run so far (or in all, once it ended); null before it started, or while the
 * current time is not known yet (server rendering).
 */
export function runSeconds(
  job: { startedAt: Date | null; endedAt: Date | null },
  now: number | null,
): number | null {
  if (!job.startedAt) return null;
  const end = job.endedAt?.getTime() ?? now;
  if (end === null) return null;
  return Math.max(0, Math.floor((end - job.startedAt.getTime()) / 1000));
}
