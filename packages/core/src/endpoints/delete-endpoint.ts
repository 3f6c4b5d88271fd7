import type { EndpointStatus } from "@tessera/db";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { actorName } from "../workloads/actor-name";
import { ENDPOINT_OUTBOX } from "./endpoint-outbox";
import { lockEndpoint } from "./lifecycle/lock-endpoint";
import { recordEndpointChange } from "./lifecycle/record-endpoint-change";
import { reholdEndpoint } from "./lifecycle/rehold-endpoint";

/**
 * Deletes an endpoint: in one transaction its hold is settled to what was observed and the rest
 * released, it becomes DELETING, and the timeline, audit and outbox events are written; the worker
 * removes its objects from the cluster and marks it DELETED. Asking twice changes nothing.
 */
export async function deleteEndpoint(
  tenant: TenantAccess,
  actor: Actor,
  input: { id: string },
  now: Date = new Date(),
): Promise<{ id: string; status: EndpointStatus }> {
  return tenant.db.$transaction(async (tx) => {
    const visible = await tx.endpoint.findFirst({
      where: { workloadId: input.id },
      select: { workloadId: true },
    });
    if (!visible) throw notFound("Endpoint");
    const endpoint = await lockEndpoint(tx, {
      id: input.id,
      organizationId: tenant.organization.id,
    });
    if (endpoint.status === "DELETING" || endpoint.status === "DELETED") {
      return { id: endpoint.id, status: endpoint.status };
    }
    const rehold = await reholdEndpoint(tx, endpoint, 0, actor, now);
    await tx.endpoint.update({
      where: { workloadId: input.id },
      data: { desiredReplicas: 0, deleteRequestedAt: now },
    });
    await tx.workload.update({
      where: { id: input.id },
      data: { cancelRequestedAt: now, cancelRequestedById: actor.userId },
    });
    await recordEndpointChange(tx, actor, {
      endpoint,
      status: "DELETING",
      reason: "DeleteRequested",
      message: `Deletion requested by ${await actorName(tx, actor)}; its quota hold was released.`,
      outbox: ENDPOINT_OUTBOX.delete,
      audit: {
        action: "endpoint.delete_requested",
        data: { from: endpoint.status, settledUnitSeconds: rehold.settledUnitSeconds },
      },
    });
    return { id: endpoint.id, status: "DELETING" as const };
  }, TX_OPTIONS);
}
