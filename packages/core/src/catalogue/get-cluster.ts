import type { Database } from "@tessera/db";
import { notFound } from "../errors";
import { CLUSTER_WITH_RESOURCES, type ClusterWithUse } from "./cluster-view";
import { unitsInUse } from "./units-in-use";

/** A cluster with each class it offers, its mapping, capacity and the units in use now. */
export async function getCluster(database: Database, clusterId: string): Promise<ClusterWithUse> {
  const [cluster, use] = await Promise.all([
    database.cluster.findUnique({
      where: { id: clusterId },
      include: CLUSTER_WITH_RESOURCES,
    }),
    unitsInUse(database, clusterId),
  ]);
  if (!cluster) throw notFound("Cluster");
  return {
    ...cluster,
    resources: cluster.resources.map((resource) => ({
      ...resource,
      inUse: use.find((row) => row.resourceClassId === resource.resourceClassId)?.inUse ?? 0,
    })),
  };
}
