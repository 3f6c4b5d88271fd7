import type { Database } from "@tessera/db";

/**
 * Stamps lastObservedAt on the workloads whose jobs the backend just reported, in one statement.
 * Raw SQL on purpose: seeing a job is not a change to the workload, so updatedAt stays put.
 */
export async function recordWorkloadsSeen(
  database: Database,
  workloadIds: readonly string[],
  now: Date = new Date(),
): Promise<number> {
  if (workloadIds.length === 0) return 0;
  return database.$executeRaw`
    UPDATE "Workload" SET "lastObservedAt" = ${now}
     WHERE "id" = ANY(${[...workloadIds]}::text[])`;
}
