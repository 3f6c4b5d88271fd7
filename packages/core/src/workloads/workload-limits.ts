import type { ResourceKind } from "@tessera/db";

/**
 * Bounds on one training job, checked before anything is written. Its number of units is bounded
 * per kind of class (JOB_UNIT_CAPS) and by the clusters that run the class (reachOfClass).
 */
export const WORKLOAD_LIMITS = {
  minWalltimeSeconds: 60,
  /** Seven days: longer runs checkpoint and resubmit. */
  maxWalltimeSeconds: 7 * 24 * 3600,
  maxScriptBytes: 64 * 1024,
  maxSimSeconds: 3600,
} as const;

/**
 * The most units one training job may ask for, set by the platform whatever the clusters hold, per
 * kind of class, because a unit of one kind is not a unit of another: 64 GPUs is a large training
 * run, 64 CPU cores a fraction of one CPU node. Null where the clusters alone set the ceiling: the
 * largest capacity of the class on a cluster that runs training jobs (reachOfClass).
 */
export const JOB_UNIT_CAPS = {
  // Fairness on a shared national pool: a job of more than 64 GPUs would hold a large share of the
  // platform's accelerators for its whole walltime; larger runs are arranged with the platform team.
  GPU: 64,
  // A slice is a fraction of one GPU, for small work: a job needing more slices than a run of whole
  // GPUs may hold should ask for whole GPUs.
  MIG: 64,
  // A CPU class maps onto one partition per cluster (ClusterResource.capacity counts its cores), and
  // a CPU job may use that partition whole: the largest such partition is the ceiling, not a number
  // chosen here.
  CPU: null,
} as const satisfies Record<Exclude<ResourceKind, "TOKENS">, number | null>;

/**
 * The platform's ceiling on one job's units of a class of `kind`, or null when only the clusters
 * set it. A token tier runs no job (tokensRunNothing), so it may ask for none.
 */
export function jobUnitCap(kind: ResourceKind): number | null {
  return kind === "TOKENS" ? 0 : JOB_UNIT_CAPS[kind];
}

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
