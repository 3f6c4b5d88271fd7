/** Bounds on one training job, checked before anything is written. */
export const WORKLOAD_LIMITS = {
  maxQuantity: 64,
  minWalltimeSeconds: 60,
  /** Seven days: longer runs checkpoint and resubmit. */
  maxWalltimeSeconds: 7 * 24 * 3600,
  maxScriptBytes: 64 * 1024,
  maxSimSeconds: 3600,
} as const;

export const TERMINAL_WORKLOAD_STATUSES = [
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "LOST",
  "REFUSED",
] as const;

export const ACTIVE_WORKLOAD_STATUSES = ["ACCEPTED", "SUBMITTED", "PENDING", "RUNNING"] as const;

export function isTerminalWorkloadStatus(status: string): boolean {
  return (TERMINAL_WORKLOAD_STATUSES as readonly string[]).includes(status);
}
