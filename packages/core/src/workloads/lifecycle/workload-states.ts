import type { WorkloadStatus } from "@tessera/db";

/** States with a job on the backend that the worker tracks (externalId is set). */
export const LIVE_STATUSES = [
  "SUBMITTED",
  "PENDING",
  "RUNNING",
] as const satisfies readonly WorkloadStatus[];

/** States a workload never leaves; its hold is closed. */
export const TERMINAL_STATUSES = [
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "LOST",
  "REFUSED",
] as const satisfies readonly WorkloadStatus[];

export type LiveStatus = (typeof LIVE_STATUSES)[number];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

export function isTerminalStatus(status: WorkloadStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly WorkloadStatus[]).includes(status);
}

export function isLiveStatus(status: WorkloadStatus): status is LiveStatus {
  return (LIVE_STATUSES as readonly WorkloadStatus[]).includes(status);
}

/** What a lifecycle function did: `changed` is false when another worker got there first. */
export interface WorkloadTransition {
  workloadId: string;
  changed: boolean;
  from: WorkloadStatus;
  status: WorkloadStatus;
}
