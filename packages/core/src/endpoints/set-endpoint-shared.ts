import type { Database } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound, preconditionFailed } from "../errors";
import { TX_OPTIONS } from "../transaction";
import { isLiveEndpointStatus } from "./endpoint-rules";

export interface SetEndpointSharedResult {
  id: string;
  shared: boolean;
  /** False when the endpoint already was as asked: nothing was written. */
  changed: boolean;
}

/**
 * A platform operator or administrator shares an endpoint with every organisation that holds
 * tokens of its model's tier (the gateway serves it to them, and their calls draw on those
 * tokens), or stops sharing it. Only a live endpoint of a model with a token tier can be shared;
 * it can always stop being shared. Audited with the endpoint's organisation. The permission is
 * checked by the caller (a platform procedure): this reads across organisations.
 */
export async function setEndpointShared(
  database: Database,
  actor: Actor,
  input: { endpointId: string; shared: boolean },
): Promise<SetEndpointSharedResult> {
  return database.$transaction(async (tx) => {
    // The row is locked so that a concurrent delete or a second change waits its turn.
    const locked = await tx.$queryRaw<{ workloadId: string }[]>`
      SELECT "workloadId" FROM "Endpoint" WHERE "workloadId" = ${input.endpointId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("Endpoint");
    const endpoint = await tx.endpoint.findUniqueOrThrow({
      where: { workloadId: input.endpointId },
      select: {
        workloadId: true,
        organizationId: true,
        shared: true,
        status: true,
        workload: { select: { name: true } },
        model: {
          select: {
            name: true,
            tokenClass: { select: { code: true, name: true } },
          },
        },
      },
    });
    if (endpoint.shared === input.shared) {
      return { id: endpoint.workloadId, shared: endpoint.shared, changed: false };
    }
    if (input.shared) {
      if (!isLiveEndpointStatus(endpoint.status)) {
        throw preconditionFailed(
          `${endpoint.workload.name} is ${endpoint.status.toLowerCase().replace(/_/g, " ")}; only a live endpoint can be shared.`,
        );
      }
      if (!endpoint.model.tokenClass) {
        throw new AppError(
          "INVALID",
          `${endpoint.model.name} has no token tier, so no organisation's tokens could pay for calls to it; give the model a tier in the model catalogue first.`,
        );
      }
    }
    await tx.endpoint.update({
      where: { workloadId: endpoint.workloadId },
      data: { shared: input.shared },
    });
    await recordAuditEvent(tx, actor, {
      action: input.shared ? "endpoint.shared" : "endpoint.unshared",
      organizationId: endpoint.organizationId,
      targetType: "Endpoint",
      targetId: endpoint.workloadId,
      data: {
        name: endpoint.workload.name,
        model: endpoint.model.name,
        tokenTier: endpoint.model.tokenClass?.code ?? null,
      },
    });
    return { id: endpoint.workloadId, shared: input.shared, changed: true };
  }, TX_OPTIONS);
}
