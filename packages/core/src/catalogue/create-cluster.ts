import type { Cluster, ClusterKind, Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { isUniqueViolation, TX_OPTIONS } from "../transaction";
import { checkClusterEndpoint, checkJurisdiction } from "./cluster-fields";

export interface CreateClusterInput {
  code: string;
  name: string;
  kind: ClusterKind;
  region: string;
  /** ISO country code or "EU". */
  jurisdiction: string;
  endpoint?: string | null;
}

/**
 * An operator registers a cluster; its resource classes are added with setClusterResource.
 * `now`: when (now by default; the demo seed dates the platform's set-up before its tenants).
 */
export async function createCluster(
  database: Database,
  actor: Actor,
  input: CreateClusterInput,
  now: Date = new Date(),
): Promise<Cluster> {
  const code = input.code.trim().toLowerCase();
  const jurisdiction = checkJurisdiction(input.jurisdiction);
  const endpoint = checkClusterEndpoint(input.endpoint, input.kind);
  try {
    return await database.$transaction(async (tx) => {
      const created = await tx.cluster.create({
        data: {
          code,
          name: input.name.trim(),
          kind: input.kind,
          region: input.region.trim(),
          jurisdiction,
          endpoint,
          createdAt: now,
          updatedAt: now,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: "cluster.created",
        occurredAt: now,
        targetType: "Cluster",
        targetId: created.id,
        data: {
          code,
          kind: created.kind,
          region: created.region,
          jurisdiction: created.jurisdiction,
        },
      });
      return created;
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A cluster with the code "${code}" already exists.`);
    }
    throw error;
  }
}
