import { tenantScoped, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { lockEndpoint, type EndpointRecordRef } from "./lock-endpoint";
import { recordEndpointChange } from "./record-endpoint-change";
import { reholdEndpoint } from "./rehold-endpoint";

/**
 * The backend refused the endpoint (a non-retryable driver error, in the backend's words): it
 * becomes FAILED with that reason, its hold is settled to what was observed and the rest
 * released, with a timeline entry and an audit event. A deleting or ended endpoint is left alone.
 */
export async function failEndpoint(
  database: Database,
  ref: EndpointRecordRef,
  input: { reason: string },
): Promise<{ changed: boolean }> {
  const reason = input.reason.trim().slice(0, 500) || "The cluster refused the endpoint.";
  return tenantScoped(database, ref.organizationId).$transaction(async (tx: TenantTransaction) => {
    const endpoint = await lockEndpoint(tx, ref);
    if (["DELETING", "DELETED", "FAILED"].includes(endpoint.status)) return { changed: false };
    await reholdEndpoint(tx, endpoint, 0, SYSTEM_ACTOR, new Date());
    await recordEndpointChange(tx, SYSTEM_ACTOR, {
      endpoint,
      status: "FAILED",
      reason,
      message: `The cluster refused the endpoint: ${reason}`,
      audit: { action: "endpoint.failed", data: { reason } },
    });
    return { changed: true };
  }, TX_OPTIONS);
}
