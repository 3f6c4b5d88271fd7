import type { Database, EndpointStatus, WorkloadStatus } from "@tessera/db";

export interface QueueDepth {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface OperationsOverview {
  outbox: { undispatched: number; oldestUndispatchedAt: Date | null };
  queues: QueueDepth[];
  /** Training jobs by status (an endpoint's workload row says RUNNING while it serves). */
  jobsByStatus: Record<WorkloadStatus, number>;
  /** Inference endpoints by their own status (ready, scaled to zero…), as their pages say. */
  endpointsByStatus: Record<EndpointStatus, number>;
  unresolvedDeadLetters: number;
}

const JOB_STATUSES: WorkloadStatus[] = [
  "ACCEPTED",
  "SUBMITTED",
  "PENDING",
  "RUNNING",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "LOST",
  "REFUSED",
];

const ENDPOINT_STATUSES: EndpointStatus[] = [
  "ACCEPTED",
  "DEPLOYING",
  "READY",
  "SCALED_TO_ZERO",
  "DEGRADED",
  "FAILED",
  "DELETING",
  "DELETED",
];

function countsBy<S extends string>(
  statuses: S[],
  rows: { status: S; _count: { _all: number } }[],
) {
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>;
  for (const row of rows) counts[row.status] = row._count._all;
  return counts;
}

/**
 * The operator's view of the worker tier: outbox backlog, queue depths (read by the caller from
 * Redis and passed in), jobs and endpoints by status and dead letters waiting for a decision.
 */
export async function getOperationsOverview(
  database: Database,
  queues: QueueDepth[],
): Promise<OperationsOverview> {
  const [backlog, jobs, endpoints, unresolvedDeadLetters] = await Promise.all([
    database.outboxEvent.aggregate({
      where: { dispatchedAt: null },
      _count: { _all: true },
      _min: { createdAt: true },
    }),
    database.workload.groupBy({
      by: ["status"],
      where: { kind: "TRAINING_JOB" },
      _count: { _all: true },
    }),
    database.endpoint.groupBy({ by: ["status"], _count: { _all: true } }),
    database.deadLetter.count({ where: { resolvedAt: null } }),
  ]);
  return {
    outbox: {
      undispatched: backlog._count._all,
      oldestUndispatchedAt: backlog._min.createdAt ?? null,
    },
    queues,
    jobsByStatus: countsBy(JOB_STATUSES, jobs),
    endpointsByStatus: countsBy(ENDPOINT_STATUSES, endpoints),
    unresolvedDeadLetters,
  };
}
