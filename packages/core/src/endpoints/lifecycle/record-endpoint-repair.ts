import { tenantScoped, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { lockEndpoint, type EndpointRecordRef } from "./lock-endpoint";

/**
 * The reconciler re-applied a live endpoint whose objects had vanished from (or been changed on)
 * the cluster: a timeline entry and an audit event say what it found and did.
 */
export async function recordEndpointReapplied(
  database: Database,
  ref: EndpointRecordRef,
  input: { found: string },
): Promise<void> {
  await tenantScoped(database, ref.organizationId).$transaction(async (tx: TenantTransaction) => {
    const endpoint = await lockEndpoint(tx, ref);
    await tx.workloadEvent.create({
      data: {
        organizationId: ref.organizationId,
        workloadId: ref.id,
        status: endpoint.status === "ACCEPTED" ? "ACCEPTED" : "RUNNING",
        endpointStatus: endpoint.status,
        reason: "Repaired",
        message: `The reconciler found ${input.found} and applied it again.`,
      },
    });
    await recordAuditEvent(tx, SYSTEM_ACTOR, {
      action: "endpoint.reapplied",
      organizationId: ref.organizationId,
      targetType: "Endpoint",
      targetId: ref.id,
      data: { found: input.found, desiredReplicas: endpoint.desiredReplicas },
    });
  }, TX_OPTIONS);
}

/**
 * The reconciler removed objects on a cluster that carry this installation's labels but that no
 * live endpoint wants (left by a crash, or by an endpoint since deleted): audited for operators.
 */
export async function recordEndpointOrphanRemoved(
  database: Database,
  input: { clusterCode: string; externalId: string; workloadId: string | null; reason: string },
): Promise<void> {
  await database.$transaction(
    (tx) =>
      recordAuditEvent(tx, SYSTEM_ACTOR, {
        action: "endpoint.orphan_removed",
        targetType: "Endpoint",
        targetId: input.workloadId,
        data: { cluster: input.clusterCode, externalId: input.externalId, reason: input.reason },
      }),
    TX_OPTIONS,
  );
}
