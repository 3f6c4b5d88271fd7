import type { Database } from "@tessera/db";
import { LIVE_STATUSES } from "./workload-states";

/**
 * Tracked workloads on a cluster whose cancel was requested more than `requestedBefore` ago and
 * that still run: the cancel job may have been lost with Redis, so the reconciler cancels again
 * (cancelling is idempotent on every backend).
 */
export async function findOverdueCancels(
  database: Database,
  input: { clusterId: string; requestedBefore: Date; limit?: number },
): Promise<{ id: string; organizationId: string; externalId: string }[]> {
  const rows = await database.workload.findMany({
    where: {
      clusterId: input.clusterId,
      status: { in: [...LIVE_STATUSES] },
      externalId: { not: null },
      cancelRequestedAt: { lt: input.requestedBefore },
    },
    orderBy: { cancelRequestedAt: "asc" },
    take: input.limit ?? 200,
    select: { id: true, organizationId: true, externalId: true },
  });
  return rows.flatMap((row) => (row.externalId ? [{ ...row, externalId: row.externalId }] : []));
}
