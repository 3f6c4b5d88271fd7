import type { Database } from "@tessera/db";

/**
 * How fresh "last seen" is kept: a workload seen again within this long is not written again.
 * Tracking sweeps every few seconds; stamping every sighting rewrote every live workload's row on
 * every sweep for a figure people read in minutes.
 */
export const SEEN_RESOLUTION_SECONDS = 60;

/**
 * How long past its last stamp a running job still counts as running in the live draft
 * (accruingJobUsageOf). A job the tracker keeps seeing is stamped at least every
 * SEEN_RESOLUTION_SECONDS plus one poll (WORKER_POLL_MS, at most a minute), so three resolutions
 * never cut a live job short; a job whose backend stopped reporting it (died silently, or the
 * cluster is unreachable) stops accruing within three minutes instead of running on to its hold
 * until its end or loss is observed. An inference endpoint's replicas are counted by the same
 * bound past its last observation (accruedUnitSeconds), stamped on every endpoint sweep.
 */
export const UNSEEN_ACCRUAL_SECONDS = 3 * SEEN_RESOLUTION_SECONDS;

/**
 * Stamps lastObservedAt on the workloads whose jobs the backend just reported, in one statement,
 * where the last stamp is older than SEEN_RESOLUTION_SECONDS. Raw SQL on purpose: seeing a job is
 * not a change to the workload, so updatedAt stays put. Returns how many were stamped.
 */
export async function recordWorkloadsSeen(
  database: Database,
  workloadIds: readonly string[],
  now: Date = new Date(),
): Promise<number> {
  if (workloadIds.length === 0) return 0;
  const staleBefore = new Date(now.getTime() - SEEN_RESOLUTION_SECONDS * 1000);
  return database.$executeRaw`
    UPDATE "Workload" SET "lastObservedAt" = ${now}
     WHERE "id" = ANY(${[...workloadIds]}::text[])
       AND ("lastObservedAt" IS NULL OR "lastObservedAt" <= ${staleBefore})`;
}
