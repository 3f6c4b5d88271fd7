import { tenantScoped, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { lockEndpoint, type EndpointRecordRef } from "./lock-endpoint";
import { recordEndpointChange } from "./record-endpoint-change";

/**
 * The backend has the endpoint's objects (applyEndpoint returned `externalId`): the first time,
 * ACCEPTED → DEPLOYING with a timeline entry and an audit event; again, nothing changes.
 */
export async function recordEndpointApplied(
  database: Database,
  ref: EndpointRecordRef,
  input: { externalId: string; clusterCode: string },
): Promise<{ changed: boolean }> {
  return tenantScoped(database, ref.organizationId).$transaction(async (tx: TenantTransaction) => {
    const endpoint = await lockEndpoint(tx, ref);
    if (endpoint.externalId === input.externalId && endpoint.status !== "ACCEPTED") {
      return { changed: false };
    }
    await tx.endpoint.update({
      where: { workloadId: ref.id },
      data: { externalId: input.externalId, missingSince: null },
    });
    if (endpoint.status !== "ACCEPTED") return { changed: true };
    await tx.workload.update({ where: { id: ref.id }, data: { submittedAt: new Date() } });
    await recordEndpointChange(tx, SYSTEM_ACTOR, {
      endpoint,
      status: "DEPLOYING",
      reason: "Applied",
      message: `Deploying on ${input.clusterCode} as ${input.externalId}.`,
      audit: { action: "endpoint.applied", data: { externalId: input.externalId } },
    });
    return { changed: true };
  }, TX_OPTIONS);
}
