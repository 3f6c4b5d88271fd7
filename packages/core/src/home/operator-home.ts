import type { ClusterKind, Database, ResourceKind } from "@tessera/db";
import { unitsInUse } from "../catalogue/units-in-use";
import {
  getOperationsOverview,
  type OperationsOverview,
  type QueueDepth,
} from "../operations/get-operations-overview";

export interface ClassUse {
  resourceClass: { id: string; code: string; name: string; unit: string; kind: ResourceKind };
  capacity: number;
  /** Units held by running jobs and by endpoints' running replicas now (may exceed capacity). */
  inUse: number;
  /** Units asked for and not yet running (see unitsInUse). */
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
