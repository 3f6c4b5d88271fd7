import { Prisma, type ClusterKind, type Database, type ResourceKind } from "@tessera/db";
import {
  getOperationsOverview,
  type OperationsOverview,
  type QueueDepth,
} from "../operations/get-operations-overview";

export interface ClassUse {
  resourceClass: { id: string; code: string; name: string; unit: string; kind: ResourceKind };
  capacity: number;
  /** Units held by running jobs and by endpoints' running replicas now. */
  inUse: number;
  /**
   * Units asked for and not yet running: jobs accepted, submitted or pending, and the replicas an
   * endpoint wants beyond those running.
   */
  queued: number;
}

export interface OperatorHome {
  clusters: {
    id: string;
    code: string;
    name: string;
    kind: ClusterKind;
    region: string;
    active: boolean;
    classes: ClassUse[];
  }[];
  operations: OperationsOverview;
}

/**
 * An operator's home: per cluster and resource class, capacity and what is in use now; the worker
 * tier's backlog (outbox, queues, jobs waiting) and dead letters waiting for a decision.
 */
export async function getOperatorHome(
  database: Database,
  queues: QueueDepth[],
): Promise<OperatorHome> {
  const [clusters, use, operations] = await Promise.all([
    database.cluster.findMany({
      orderBy: { code: "asc" },
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        region: true,
        active: true,
        resources: {
          orderBy: { resourceClass: { code: "asc" } },
          select: {
            capacity: true,
            resourceClass: {
              select: { id: true, code: true, name: true, unit: true, kind: true },
            },
          },
        },
      },
    }),
    unitsInUse(database),
    getOperationsOverview(database, queues),
  ]);
  const unitsOf = (clusterId: string, resourceClassId: string) =>
    use.find((row) => row.clusterId === clusterId && row.resourceClassId === resourceClassId);
  const described = clusters.map(({ resources, ...cluster }) => ({
    ...cluster,
    classes: resources.map(({ capacity, resourceClass }) => ({
      resourceClass,
      capacity,
      inUse: unitsOf(cluster.id, resourceClass.id)?.inUse ?? 0,
      queued: unitsOf(cluster.id, resourceClass.id)?.queued ?? 0,
    })),
  }));
  // Capacity now is what accepts work: a retired cluster shows only while work still runs or
  // waits on it, and after the active ones.
  return {
    clusters: described
      .filter(
        (cluster) =>
          cluster.active || cluster.classes.some((use) => use.inUse > 0 || use.queued > 0),
      )
      .sort((a, b) => Number(b.active) - Number(a.active)),
    operations,
  };
}

interface UnitsInUse {
  clusterId: string;
  resourceClassId: string;
  inUse: number;
  queued: number;
}

/**
 * Per cluster and class, the units live work occupies and waits for. A job occupies its quantity
 * while it runs; an endpoint occupies its units once per replica running (ready, as the backend
 * last said — more than wanted while it scales down) and waits for the rest of the replicas it
 * wants. Its quantity is the units of one replica, so summing quantities alone would count an
 * endpoint of many replicas as one and hide a cluster running past its capacity.
 */
function unitsInUse(database: Database): Promise<UnitsInUse[]> {
  return database.$queryRaw<UnitsInUse[]>(Prisma.sql`
    SELECT w."clusterId", w."resourceClassId",
           SUM(CASE WHEN e."workloadId" IS NOT NULL THEN w."quantity" * e."readyReplicas"
                    WHEN w."status" = 'RUNNING' THEN w."quantity" ELSE 0 END)::int AS "inUse",
           SUM(CASE WHEN e."workloadId" IS NOT NULL
                    THEN w."quantity" * GREATEST(e."desiredReplicas" - e."readyReplicas", 0)
                    WHEN w."status" <> 'RUNNING' THEN w."quantity" ELSE 0 END)::int AS "queued"
      FROM "Workload" w
      LEFT JOIN "Endpoint" e ON e."workloadId" = w."id"
     WHERE w."status" IN ('ACCEPTED', 'SUBMITTED', 'PENDING', 'RUNNING')
     GROUP BY w."clusterId", w."resourceClassId"`);
}
