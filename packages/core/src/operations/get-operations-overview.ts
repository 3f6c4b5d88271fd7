import type { Database, WorkloadStatus } from "@tessera/db";

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
  workloadsByStatus: Record<WorkloadStatus, number>;
  unresolvedDeadLetters: number;
}

const STATUSES: WorkloadStatus[] = [
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

/**
 * The operator's view of the worker tier: outbox backlog, queue depths (read by the caller from
 * Redis and passed in), workloads by status and dead letters waiting for a decision.
 */
export async function getOperationsOverview(
  database: Database,
  queues: QueueDepth[],
): Promise<OperationsOverview> {
  const [backlog, byStatus, unresolvedDeadLetters] = await Promise.all([
    database.outboxEvent.aggregate({
      where: { dispatchedAt: null },
      _count: { _all: true },
      _min: { createdAt: true },
    }),
    database.workload.groupBy({ by: ["status"], _count: { _all: true } }),
    database.deadLetter.count({ where: { resolvedAt: null } }),
  ]);
  const workloadsByStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<
    WorkloadStatus,
    number
  >;
  for (const row of byStatus) workloadsByStatus[row.status] = row._count._all;
  return {
    outbox: {
      undispatched: backlog._count._all,
      oldestUndispatchedAt: backlog._min.createdAt ?? null,
    },
    queues,
    workloadsByStatus,
    unresolvedDeadLetters,
  };
}
