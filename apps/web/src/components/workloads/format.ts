/**
 * Formatting for job durations and quota, safe for client components. Quota and durations use
 * the domain's own formatters, so a page and the job's timeline say the same figure the same way.
 */
import { secondsRun } from "@tessera/core/words";

export { formatDuration, formatQuota } from "@tessera/core/words";

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
 * current time is not known yet (server rendering). Counted as the job is metered (secondsRun),
 * so an ended job's "ran for" is the timeline's "after …" and its metered time.
 */
export function runSeconds(
  job: { startedAt: Date | null; endedAt: Date | null },
  now: number | null,
): number | null {
  if (!job.startedAt) return null;
  const end = job.endedAt?.getTime() ?? now;
  if (end === null) return null;
  return secondsRun(job.startedAt, end);
}
