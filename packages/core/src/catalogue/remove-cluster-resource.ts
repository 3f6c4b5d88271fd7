import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import type { ClusterWithUse } from "./cluster-view";
import { getCluster } from "./get-cluster";
import { holdersOf, unitsInUseOf, unitsOf, type UnitsInUse } from "./units-in-use";

/** Why a class cannot come off a cluster while work of it runs or waits there. */
export function resourceStillInUseMessage(
  use: UnitsInUse,
  resourceClass: { name: string; unit: string },
  cluster: { name: string },
): string {
  const waiting = use.live - use.jobsRunning - use.endpointsRunning;
  const held =
    use.inUse > 0
      ? `${unitsOf(use.inUse, resourceClass.unit)} ${use.inUse === 1 ? "is" : "are"} in use, ` +
        `held by ${holdersOf(use)}`
      : null;
  const queued =
    waiting > 0
      ? `${waiting.toLocaleString("en-GB")} ${waiting === 1 ? "job or endpoint is" : "jobs or endpoints are"} waiting to run`
      : null;
  return (
    `${resourceClass.name} is still in use on ${cluster.name}: ` +
    `${[held, queued].filter(Boolean).join("; ")}. Remove it once that work has ended; ` +
    `meanwhile, a capacity of 0 stops new work landing here (tick “Drain” while work runs).`
  );
}

/** Takes a resource class off a cluster: nothing new of that class will be placed there. */
export async function removeClusterResource(
  database: Database,
  actor: Actor,
  input: { clusterId: string; resourceClassId: string },
): Promise<ClusterWithUse> {
  await database.$transaction(async (tx) => {
    const row = await tx.clusterResource.findUnique({
      where: { clusterId_resourceClassId: input },
      include: { cluster: true, resourceClass: true },
    });
    if (!row) throw notFound("Cluster resource");
    // Work of the class would be left on a cluster that no longer says it has any.
    const use = await unitsInUseOf(tx, row.clusterId, row.resourceClassId);
    if (use.live > 0) {
      throw new AppError(
        "CONFLICT",
        resourceStillInUseMessage(use, row.resourceClass, row.cluster),
      );
    }
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
