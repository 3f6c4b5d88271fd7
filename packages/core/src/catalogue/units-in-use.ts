import { Prisma, type Database } from "@tessera/db";

export interface UnitsInUse {
  clusterId: string;
  resourceClassId: string;
  /** Units held by running jobs and by endpoints' running replicas now. */
  inUse: number;
  /**
   * Units asked for and not yet running: jobs accepted, submitted or pending, and the replicas an
   * endpoint wants beyond those running.
   */
  queued: number;
  /** Training jobs running now (each holding its units). */
  jobsRunning: number;
  /** Endpoints with at least one replica running now. */
  endpointsRunning: number;
  /** Jobs and endpoints not ended: running, or waiting to run (accepted, submitted, pending). */
  live: number;
}

type Reader = Pick<Database, "$queryRaw"> | Prisma.TransactionClient;

/**
 * Per cluster and class, the units live work occupies and waits for (of one cluster when given).
 * A job occupies its quantity while it runs; an endpoint occupies its units once per replica
 * running (ready, as the backend last said — more than wanted while it scales down) and waits for
 * the rest of the replicas it wants. Its quantity is the units of one replica, so summing
 * quantities alone would count an endpoint of many replicas as one and hide a cluster running past
 * its capacity.
 */
export function unitsInUse(database: Reader, clusterId?: string): Promise<UnitsInUse[]> {
  const ofCluster = clusterId ? Prisma.sql`AND w."clusterId" = ${clusterId}` : Prisma.empty;
  return database.$queryRaw<UnitsInUse[]>(Prisma.sql`
    SELECT w."clusterId", w."resourceClassId",
           SUM(CASE WHEN e."workloadId" IS NOT NULL THEN w."quantity" * e."readyReplicas"
                    WHEN w."status" = 'RUNNING' THEN w."quantity" ELSE 0 END)::int AS "inUse",
           SUM(CASE WHEN e."workloadId" IS NOT NULL
                    THEN w."quantity" * GREATEST(e."desiredReplicas" - e."readyReplicas", 0)
                    WHEN w."status" <> 'RUNNING' THEN w."quantity" ELSE 0 END)::int AS "queued",
           COUNT(*) FILTER (WHERE e."workloadId" IS NULL AND w."status" = 'RUNNING')::int
             AS "jobsRunning",
           COUNT(*) FILTER (WHERE e."readyReplicas" > 0)::int AS "endpointsRunning",
           COUNT(*)::int AS "live"
      FROM "Workload" w
      LEFT JOIN "Endpoint" e ON e."workloadId" = w."id"
     WHERE w."status" IN ('ACCEPTED', 'SUBMITTED', 'PENDING', 'RUNNING') ${ofCluster}
     GROUP BY w."clusterId", w."resourceClassId"`);
}

const NOTHING: Omit<UnitsInUse, "clusterId" | "resourceClassId"> = {
  inUse: 0,
  queued: 0,
  jobsRunning: 0,
  endpointsRunning: 0,
  live: 0,
};

/** Units of one class in use on one cluster now, and what holds them (zeros when nothing runs). */
export async function unitsInUseOf(
  database: Reader,
  clusterId: string,
  resourceClassId: string,
): Promise<UnitsInUse> {
  const rows = await unitsInUse(database, clusterId);
  return (
    rows.find((row) => row.resourceClassId === resourceClassId) ?? {
      clusterId,
      resourceClassId,
      ...NOTHING,
    }
  );
}

const counted = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/** What holds units now, in words: "2 jobs and 1 endpoint", "1 job". */
export function holdersOf(use: Pick<UnitsInUse, "jobsRunning" | "endpointsRunning">): string {
  const parts = [
    use.jobsRunning > 0 ? counted(use.jobsRunning, "running job", "running jobs") : null,
    use.endpointsRunning > 0 ? counted(use.endpointsRunning, "endpoint", "endpoints") : null,
  ].filter((part): part is string => part !== null);
  return parts.join(" and ");
}

/** A count of a class's units in words: "1 GPU", "16 GPUs". */
export const unitsOf = (count: number, unit: string) => counted(count, unit, `${unit}s`);
