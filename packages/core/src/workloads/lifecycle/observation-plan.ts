import type { WorkloadStatus } from "@tessera/db";
import type { BackendJob, BackendJobState } from "../../compute/driver";
import { isLiveStatus } from "./workload-states";

/** The parts of a workload an observation is compared with. */
export interface ObservedWorkload {
  status: WorkloadStatus;
  statusReason: string | null;
  startedAt: Date | null;
  missingSince: Date | null;
  cancelRequestedAt: Date | null;
}

export type ObservationPlan =
  /** Nothing to write: same state and reason, or the workload is not tracked (terminal, not submitted). */
  | { kind: "none" }
  /** Same state, but the job had been reported missing and is back. */
  | { kind: "found" }
  | { kind: "progress"; to: "PENDING" | "RUNNING"; reason: string | null; startedAt: Date | null }
  | {
      kind: "end";
      to: "COMPLETED" | "FAILED" | "CANCELLED";
      reason: string | null;
      exitCode: number | null;
      startedAt: Date | null;
      endedAt: Date;
    };

const KNOWN_STATES = new Set<BackendJobState>([
  "PENDING",
  "RUNNING",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
]);

/** Schedulers say "None" where there is no reason; Tessera stores no reason then. */
export function normalizeReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? "";
  return trimmed === "" || trimmed.toLowerCase() === "none" ? null : trimmed.slice(0, 500);
}

/**
 * Pure: what an observation of the backend job means for the workload. Only tracked workloads
 * (SUBMITTED, PENDING, RUNNING) move; a terminal workload never changes again. A job the
 * scheduler put back in the queue (requeue after a node failure) goes from RUNNING to PENDING.
 */
export function planObservation(
  current: ObservedWorkload,
  job: BackendJob,
  now: Date,
): ObservationPlan {
  if (!isLiveStatus(current.status) || !KNOWN_STATES.has(job.state)) return { kind: "none" };
  const reason = normalizeReason(job.reason);
  if (job.state === "PENDING" || job.state === "RUNNING") {
    const startedAt =
      job.state === "RUNNING" ? (current.startedAt ?? job.startedAt ?? now) : current.startedAt;
    if (current.status === job.state && current.statusReason === reason) {
      return current.missingSince ? { kind: "found" } : { kind: "none" };
    }
    return { kind: "progress", to: job.state, reason, startedAt };
  }
  const startedAt = current.startedAt ?? job.startedAt;
  const cancelReason =
    job.state === "CANCELLED" && current.cancelRequestedAt ? "Cancelled on request" : null;
  return {
    kind: "end",
    to: job.state,
    reason: cancelReason ?? reason,
    exitCode: job.exitCode,
    startedAt,
    endedAt: job.endedAt ?? now,
  };
}

/**
 * Pure: when a planned change's timeline entry happened. A job's first start and its end are
 * dated at the instants the workload stores for them (the backend's own times, which the job's
 * page shows as Started and Ended), so the two never disagree; anything else — a new scheduler
 * reason, a start again after a requeue (the stored start stays the first) — when it was seen.
 */
export function timelineEntryTime(
  current: Pick<ObservedWorkload, "startedAt">,
  plan: Extract<ObservationPlan, { kind: "progress" | "end" }>,
  now: Date,
): Date {
  if (plan.kind === "end") return plan.endedAt;
  if (current.startedAt === null && plan.startedAt !== null) return plan.startedAt;
  return now;
}
