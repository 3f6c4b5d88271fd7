import { tenantScoped, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { lockEndpoint, type EndpointRecordRef } from "./lock-endpoint";
import { recordEndpointChange } from "./record-endpoint-change";
import { reholdEndpoint } from "./rehold-endpoint";

/**
 * The backend no longer has the endpoint's objects: DELETING → DELETED, with a timeline entry and
 * an audit event (any hold left is settled and released — deleteEndpoint released it already).
 * Again, nothing changes.
 */
export async function recordEndpointDeleted(
  database: Database,
  ref: EndpointRecordRef,
): Promise<{ changed: boolean }> {
  return tenantScoped(database, ref.organizationId).$transaction(async (tx: TenantTransaction) => {
    const endpoint = await lockEndpoint(tx, ref);
    if (endpoint.status !== "DELETING") return { changed: false };
    if (endpoint.holdId) await reholdEndpoint(tx, endpoint, 0, SYSTEM_ACTOR, new Date());
    await tx.endpoint.update({
      where: { workloadId: ref.id },
      data: { readyReplicas: 0, observedReplicas: 0, desiredReplicas: 0 },
    });
    await recordEndpointChange(tx, SYSTEM_ACTOR, {
      endpoint,
      status: "DELETED",
      reason: "Deleted",
      message: "Deleted: its objects are gone from the cluster.",
      audit: { action: "endpoint.deleted", data: { externalId: endpoint.externalId } },
    });
    return { changed: true };
  }, TX_OPTIONS);
}
