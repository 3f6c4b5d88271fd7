import type { WorkloadStatus } from "@tessera/db";

/**
 * Pure: a job's timeline as its page shows it, with the Submitted entry dated no later than the
 * job's start. The worker records the hand-over only once the backend has answered, and the
 * backend reports its own start (Slurm's truncated to the second), so a job that starts at once
 * can be stored as started a moment before its recorded submission. The hand-over cannot have
 * happened after the job started, so the entry is shown at min(submitted, started); the stored
 * start and end stay the backend's own, which is what the job is metered and billed on.
 */
export function submissionDated<E extends { status: WorkloadStatus; createdAt: Date }>(
  events: readonly E[],
  startedAt: Date | null,
): E[] {
  return events.map((event) =>
    event.status === "SUBMITTED" && startedAt && startedAt < event.createdAt
      ? { ...event, createdAt: startedAt }
      : event,
  );
}
