import { Prisma, type Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { checkClusterMapping, type ClusterMapping } from "./cluster-mapping";
import { getCluster } from "./get-cluster";
import type { ClusterWithResources } from "./cluster-view";

export interface SetClusterResourceInput extends ClusterMapping {
  clusterId: string;
  resourceClassId: string;
  /** Units of the class on the cluster (GPUs, MIG slices, CPU cores). */
  capacity: number;
}

/** Adds a resource class to a cluster, or changes its capacity and mapping. */
export async function setClusterResource(
  database: Database,
  actor: Actor,
  input: SetClusterResourceInput,
): Promise<ClusterWithResources> {
  await database.$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: input.clusterId } });
    if (!cluster) throw notFound("Cluster");
    const resourceClass = await tx.resourceClass.findUnique({
      where: { id: input.resourceClassId },
    });
    if (!resourceClass) throw notFound("Resource class");
    const check = checkClusterMapping(cluster.kind, resourceClass.kind, input);
    if (!check.ok) throw new AppError("INVALID", check.message);
    const { k8sNodeSelector, ...mapping } = check.mapping;
    const data = {
      capacity: input.capacity,
      ...mapping,
      k8sNodeSelector: k8sNodeSelector ?? Prisma.DbNull,
    };
    const row = await tx.clusterResource.upsert({
      where: {
        clusterId_resourceClassId: { clusterId: cluster.id, resourceClassId: resourceClass.id },
      },
      create: { clusterId: cluster.id, resourceClassId: resourceClass.id, ...data },
      update: data,
    });
    await recordAuditEvent(tx, actor, {
      action: "cluster.resource_set",
      targetType: "Cluster",
      targetId: cluster.id,
      data: {
        cluster: cluster.code,
        resourceClass: resourceClass.code,
        capacity: row.capacity,
        ...check.mapping,
      },
    });
  }, TX_OPTIONS);
  return getCluster(database, input.clusterId);
}
