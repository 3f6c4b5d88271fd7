import type { Database, WorkloadStatus } from "@tessera/db";
import { LIVE_STATUSES } from "./workload-states";

/**
 * A tracked workload as last read: what an observation is planned against, and what the
 * one-statement transition (applyObservation) checks is still so before it writes.
 */
export interface TrackedWorkload {
  id: string;
  organizationId: string;
  clusterId: string;
  externalId: string;
  holdId: string | null;
  heldUnitSeconds: bigint;
  quantity: number;
  /** The resource class's unit ("GPU"), for the timeline's words. */
  unit: string;
  status: WorkloadStatus;
  statusReason: string | null;
  startedAt: Date | null;
  missingSince: Date | null;
  cancelRequestedAt: Date | null;
  /** When the output tail was last stored (refreshed at most every OUTPUT_REFRESH_SECONDS). */
  outputTailAt: Date | null;
}

/**
 * The workloads on one cluster that have a backend job and have not ended, oldest first, one page
 * at a time (keyset on id). A worker-tier read across organisations.
 */
export async function listTrackedWorkloads(
  database: Database,
  input: { clusterId: string; after?: string | null; limit?: number },
): Promise<TrackedWorkload[]> {
  const rows = await database.workload.findMany({
    where: {
      clusterId: input.clusterId,
      // Endpoints are tracked by their own sweep (trackEndpoints).
      kind: "TRAINING_JOB",
      status: { in: [...LIVE_STATUSES] },
      externalId: { not: null },
      ...(input.after ? { id: { gt: input.after } } : {}),
    },
    orderBy: { id: "asc" },
    take: input.limit ?? 200,
    select: {
      id: true,
      organizationId: true,
      clusterId: true,
      externalId: true,
      holdId: true,
      heldUnitSeconds: true,
      quantity: true,
      status: true,
      statusReason: true,
      startedAt: true,
      missingSince: true,
      cancelRequestedAt: true,
      outputTailAt: true,
      resourceClass: { select: { unit: true } },
    },
  });
  return rows.flatMap(({ resourceClass, ...row }) =>
    row.externalId ? [{ ...row, unit: resourceClass.unit, externalId: row.externalId }] : [],
  );
}
