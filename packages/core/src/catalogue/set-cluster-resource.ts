import { Prisma, type Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { checkClusterMapping, type ClusterMapping } from "./cluster-mapping";
import { unitsPerNodeProblem } from "../workloads/node-placement";
import { getCluster } from "./get-cluster";
import { holdersOf, unitsInUseOf, unitsOf, type UnitsInUse } from "./units-in-use";
import type { ClusterWithUse } from "./cluster-view";

export interface SetClusterResourceInput extends ClusterMapping {
  clusterId: string;
  resourceClassId: string;
  /** Units of the class on the cluster (GPUs, MIG slices, CPU cores). */
  capacity: number;
  /**
   * Units of the class one node has: jobs larger than a node take whole nodes. Null clears it
   * (jobs ask for one node); absent keeps what is recorded.
   */
  unitsPerNode?: number | null;
  /**
   * The operator confirms a capacity below the units in use now: the work above it keeps its units
   * until it ends or is stopped, and nothing new of the class is placed until use falls below.
   */
  drain?: boolean;
}

/** Why a capacity below what runs now is refused unless a drain is confirmed. */
export function capacityBelowUseMessage(
  use: Pick<UnitsInUse, "inUse" | "jobsRunning" | "endpointsRunning">,
  capacity: number,
  resourceClass: { name: string; unit: string },
  cluster: { name: string },
): string {
  const verb = use.inUse === 1 ? "is" : "are";
  return (
    `${unitsOf(use.inUse, resourceClass.unit)} of ${resourceClass.name} ${verb} in use on ` +
    `${cluster.name} now, held by ${holdersOf(use)} — more than a capacity of ${capacity}. ` +
    `Enter at least ${use.inUse}, or tick “Drain” to lower it anyway: that work keeps its units ` +
    `until it ends or is stopped.`
  );
}

/**
 * The units per node the row will hold — the input's, or what is recorded when the input says
 * nothing — checked against the new capacity; refused on the field that says it.
 */
async function checkUnitsPerNode(
  tx: Pick<Database, "clusterResource">,
  input: SetClusterResourceInput,
  unit: string,
): Promise<number | null> {
  const recorded =
    input.unitsPerNode === undefined
      ? await tx.clusterResource.findUnique({
          where: {
            clusterId_resourceClassId: {
              clusterId: input.clusterId,
              resourceClassId: input.resourceClassId,
            },
          },
          select: { unitsPerNode: true },
        })
      : null;
  const unitsPerNode =
    input.unitsPerNode === undefined ? (recorded?.unitsPerNode ?? null) : input.unitsPerNode;
  if (unitsPerNode === null) return null;
  const problem = unitsPerNodeProblem(unitsPerNode, input.capacity, unit);
  if (problem) {
    const field = input.unitsPerNode === undefined ? "capacity" : "unitsPerNode";
    throw new AppError("INVALID", problem, { field });
  }
  return unitsPerNode;
}

/** Adds a resource class to a cluster, or changes its capacity and mapping (`now`: when; now by default). */
export async function setClusterResource(
  database: Database,
  actor: Actor,
  input: SetClusterResourceInput,
  now: Date = new Date(),
): Promise<ClusterWithUse> {
  await database.$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: input.clusterId } });
    if (!cluster) throw notFound("Cluster");
    const resourceClass = await tx.resourceClass.findUnique({
      where: { id: input.resourceClassId },
    });
    if (!resourceClass) throw notFound("Resource class");
    const check = checkClusterMapping(cluster.kind, resourceClass.kind, input);
    if (!check.ok) throw new AppError("INVALID", check.message);
    const unitsPerNode = await checkUnitsPerNode(tx, input, resourceClass.unit);
    const use = await unitsInUseOf(tx, cluster.id, resourceClass.id);
    const belowUse = input.capacity < use.inUse;
    if (belowUse && !input.drain) {
      throw new AppError(
        "CONFLICT",
        capacityBelowUseMessage(use, input.capacity, resourceClass, cluster),
        { field: "capacity" },
      );
    }
    const { k8sNodeSelector, ...mapping } = check.mapping;
    const data = {
      capacity: input.capacity,
      unitsPerNode,
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
      occurredAt: now,
      targetType: "Cluster",
      targetId: cluster.id,
      data: {
        cluster: cluster.code,
        resourceClass: resourceClass.code,
        capacity: row.capacity,
        unitsPerNode: row.unitsPerNode,
        inUse: use.inUse,
        ...(belowUse ? { drain: true } : {}),
        ...check.mapping,
      },
    });
  }, TX_OPTIONS);
  return getCluster(database, input.clusterId);
}
