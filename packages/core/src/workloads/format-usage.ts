/**
 * Pure: a job's quota and durations as people read them, for the timeline the worker writes and
 * the pages that show it.
 */
import { formatUnitHours } from "../quota/format-unit-hours";

/**
 * Quota in unit-hours, whatever its size, so that a job's used amount and its hold, or an
 * allocation's used and left, read in one unit beside each other: 7_200 GPU-seconds →
 * "2 GPU-hours"; 1_440 → "0.4 GPU-hours"; 1 → "less than 0.001 GPU-hours"; 0 → "0 GPU-hours".
 */
export function formatQuota(unitSeconds: number | bigint, unit: string): string {
  return formatUnitHours(unitSeconds, unit);
}

/**
 * Whole seconds a job ran between two instants, never negative: rounded to the nearest second,
 * as the compute drivers count a job's elapsed time, which is what settles and meters it. The
 * pages' "ran for", the timeline's "after …" and the metered unit-seconds all read the same
 * figure for the same start and end.
 */
export function secondsRun(startedAt: Date, endedAt: Date | number): number {
  const end = typeof endedAt === "number" ? endedAt : endedAt.getTime();
  return Math.max(0, Math.round((end - startedAt.getTime()) / 1000));
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
