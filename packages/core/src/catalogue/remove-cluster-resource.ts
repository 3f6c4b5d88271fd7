import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import type { ClusterWithResources } from "./cluster-view";
import { getCluster } from "./get-cluster";

/** Takes a resource class off a cluster: nothing new of that class will be placed there. */
export async function removeClusterResource(
  database: Database,
  actor: Actor,
  input: { clusterId: string; resourceClassId: string },
): Promise<ClusterWithResources> {
  await database.$transaction(async (tx) => {
    const row = await tx.clusterResource.findUnique({
      where: { clusterId_resourceClassId: input },
      include: { cluster: true, resourceClass: true },
    });
    if (!row) throw notFound("Cluster resource");
    await tx.clusterResource.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, actor, {
      action: "cluster.resource_removed",
      targetType: "Cluster",
      targetId: row.clusterId,
      data: { cluster: row.cluster.code, resourceClass: row.resourceClass.code },
    });
  }, TX_OPTIONS);
  return getCluster(database, input.clusterId);
}
