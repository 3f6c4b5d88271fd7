import type { Cluster, Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { notFound } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { changedFields } from "./changed-fields";
import { checkClusterEndpoint, checkJurisdiction } from "./cluster-fields";

export interface UpdateClusterInput {
  clusterId: string;
  name?: string;
  region?: string;
  jurisdiction?: string;
  endpoint?: string | null;
  active?: boolean;
}

/** Changes a cluster's details (`now`: when; now by default). Its code and kind stay: the mappings depend on the kind. */
export async function updateCluster(
  database: Database,
  actor: Actor,
  input: UpdateClusterInput,
  now: Date = new Date(),
): Promise<Cluster> {
  return database.$transaction(async (tx) => {
    const current = await tx.cluster.findUnique({ where: { id: input.clusterId } });
    if (!current) throw notFound("Cluster");
    const patch = {
      name: input.name?.trim(),
      region: input.region?.trim(),
      jurisdiction:
        input.jurisdiction === undefined ? undefined : checkJurisdiction(input.jurisdiction),
      endpoint:
        input.endpoint === undefined
          ? undefined
          : checkClusterEndpoint(input.endpoint, current.kind),
      active: input.active,
    };
    const changes = changedFields(current, patch);
    if (Object.keys(changes).length === 0) return current;
    const updated = await tx.cluster.update({
      where: { id: current.id },
      data: { ...patch, updatedAt: now },
    });
    await recordAuditEvent(tx, actor, {
      action: "cluster.updated",
      occurredAt: now,
      targetType: "Cluster",
      targetId: current.id,
      data: { code: current.code, changes },
    });
    return updated;
  }, TX_OPTIONS);
}
