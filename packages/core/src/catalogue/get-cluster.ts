import type { Database } from "@tessera/db";
import { notFound } from "../errors";
import { CLUSTER_WITH_RESOURCES, type ClusterWithResources } from "./cluster-view";

export async function getCluster(
  database: Database,
  clusterId: string,
): Promise<ClusterWithResources> {
  const cluster = await database.cluster.findUnique({
    where: { id: clusterId },
    include: CLUSTER_WITH_RESOURCES,
  });
  if (!cluster) throw notFound("Cluster");
  return cluster;
}
