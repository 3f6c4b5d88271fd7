import type { BackendJob } from "../../compute/driver";
import type { JobUsage } from "../../billing/record-job-usage";
import { secondsRun } from "../format-usage";

export type Settlement =
  { kind: "settle"; unitSeconds: number; elapsedSeconds: number } | { kind: "release" };

/**
 * Seconds the job ran: the backend's own figure, else the span between its start and end, rounded
 * as the drivers round it (secondsRun).
 */
export function elapsedSecondsOf(job: BackendJob, knownStartedAt: Date | null): number {
  if (job.elapsedSeconds !== null && Number.isFinite(job.elapsedSeconds)) {
    return Math.max(0, Math.floor(job.elapsedSeconds));
  }
  const started = job.startedAt ?? knownStartedAt;
  if (!started || !job.endedAt) return 0;
  return secondsRun(started, job.endedAt);
}

/**
 * Pure: how a finished job's hold closes. A job that ran settles what it used —
 * min(held, elapsed × quantity), whether it completed, failed or was cancelled — and the rest of
 * the hold goes back to the line; a job that never started releases the whole hold.
 */
export function settlementFor(input: {
  heldUnitSeconds: bigint;
  quantity: number;
  job: BackendJob;
  knownStartedAt: Date | null;
}): Settlement {
  const elapsedSeconds = elapsedSecondsOf(input.job, input.knownStartedAt);
  const ran = input.job.startedAt !== null || input.knownStartedAt !== null || elapsedSeconds > 0;
  if (!ran) return { kind: "release" };
  const used = BigInt(elapsedSeconds) * BigInt(input.quantity);
  const actual = used < input.heldUnitSeconds ? used : input.heldUnitSeconds;
  return { kind: "settle", unitSeconds: Number(actual), elapsedSeconds };
}

/** settlementFor a workload as read from its row (held, quantity, known start). */
export function settlementOfWorkload(
  workload: { heldUnitSeconds: bigint; quantity: number; startedAt: Date | null },
  job: BackendJob,
): Settlement {
  return settlementFor({
    heldUnitSeconds: workload.heldUnitSeconds,
    quantity: workload.quantity,
    job,
    knownStartedAt: workload.startedAt,
  });
}

/**
 * What a finished job is metered as (recordJobUsage): the settled unit-seconds from the job's
 * start — or, when only the end is known, counted back from it. Null when nothing was used.
 */
export function jobUsageOf(
  workload: { id: string; quantity: number },
  settlement: Settlement,
  times: { startedAt: Date | null; endedAt: Date },
  measuredEnergyMilliWh: number | null = null,
): JobUsage | null {
  if (settlement.kind !== "settle" || settlement.unitSeconds <= 0) return null;
  const seconds = Math.floor(settlement.unitSeconds / Math.max(1, workload.quantity));
  const startedAt = times.startedAt ?? new Date(times.endedAt.getTime() - seconds * 1000);
  return {
    workloadId: workload.id,
    startedAt,
    unitSeconds: settlement.unitSeconds,
    quantity: workload.quantity,
    measuredEnergyMilliWh,
  };
}
