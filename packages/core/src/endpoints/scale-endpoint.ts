import type { EndpointStatus } from "@tessera/db";
import type { Actor } from "../actor";
import { AppError, notFound } from "../errors";
import { formatUnitHours } from "../quota/format-unit-hours";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { ENDPOINT_OUTBOX } from "./endpoint-outbox";
import { isLiveEndpointStatus } from "./endpoint-rules";
import { lockEndpoint, type LockedEndpoint } from "./lifecycle/lock-endpoint";
import { recordEndpointChange } from "./lifecycle/record-endpoint-change";
import { reholdEndpoint } from "./lifecycle/rehold-endpoint";

export interface EndpointReplicasResult {
  id: string;
  status: EndpointStatus;
  desiredReplicas: number;
  /** False when the endpoint already wanted this many replicas: nothing was written. */
  changed: boolean;
}

type Request = "scale" | "scale-to-zero" | "wake";

const AUDIT_ACTION: Record<Request, string> = {
  scale: "endpoint.scaled",
  "scale-to-zero": "endpoint.scaled_to_zero",
  wake: "endpoint.woken",
};

function replicasFor(request: Request, endpoint: LockedEndpoint, asked: number | null): number {
  if (request === "scale-to-zero") return 0;
  if (request === "wake") {
    return endpoint.desiredReplicas > 0
      ? endpoint.desiredReplicas
      : Math.max(endpoint.minReplicas, 1);
  }
  const low = Math.max(endpoint.minReplicas, 1);
  if (
    asked === null ||
    !Number.isSafeInteger(asked) ||
    asked < low ||
    asked > endpoint.maxReplicas
  ) {
    throw new AppError(
      "INVALID",
      `This endpoint runs between ${low} and ${endpoint.maxReplicas} replicas; to stop it, scale it to zero.`,
    );
  }
  return asked;
}

/**
 * One replica request (scale to N, scale to zero, wake) in one transaction: the hold is resized to
 * the new replicas (settled to what was observed and placed again; none at zero), and the
 * endpoint's desired replicas, a timeline entry, the audit event and the outbox event the worker
 * scales from are written with it. A larger hold the allocation cannot cover is refused and
 * nothing changes; asking for what is already wanted changes nothing.
 */
async function changeReplicas(
  tenant: TenantAccess,
  actor: Actor,
  workloadId: string,
  request: Request,
  asked: number | null,
): Promise<EndpointReplicasResult> {
  return tenant.db.$transaction(async (tx) => {
    const visible = await tx.endpoint.findFirst({
      where: { workloadId },
      select: { workloadId: true },
    });
    if (!visible) throw notFound("Endpoint");
    const endpoint = await lockEndpoint(tx, {
      id: workloadId,
      organizationId: tenant.organization.id,
    });
    if (!isLiveEndpointStatus(endpoint.status)) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `This endpoint is ${endpoint.status.toLowerCase().replace(/_/g, " ")}; it can no longer be scaled.`,
      );
    }
    const replicas = replicasFor(request, endpoint, asked);
    const unchanged =
      replicas === endpoint.desiredReplicas && (replicas === 0) === (endpoint.holdId === null);
    if (unchanged) {
      return {
        id: endpoint.id,
        status: endpoint.status,
        desiredReplicas: replicas,
        changed: false,
      };
    }
    const now = new Date();
    const rehold = await reholdEndpoint(tx, endpoint, replicas, actor, now);
    await tx.endpoint.update({ where: { workloadId }, data: { desiredReplicas: replicas } });
    const who = actor.email ?? "a member";
    const held =
      replicas === 0
        ? "it holds no quota while at zero"
        : `${formatUnitHours(rehold.heldUnitSeconds, endpoint.unit)} held for the lease window`;
    const verb =
      request === "wake"
        ? "Woken"
        : request === "scale-to-zero"
          ? "Scaled to zero"
          : `Scaled to ${replicas}`;
    await recordEndpointChange(tx, actor, {
      endpoint,
      status: endpoint.status,
      reason: request === "scale-to-zero" ? "ScaleToZeroRequested" : "ScaleRequested",
      message: `${verb} by ${who} (${endpoint.desiredReplicas} → ${replicas} replicas); ${held}.`,
      outbox: ENDPOINT_OUTBOX.scale,
      audit: {
        action: AUDIT_ACTION[request],
        data: {
          from: endpoint.desiredReplicas,
          to: replicas,
          heldUnitSeconds: rehold.heldUnitSeconds,
          settledUnitSeconds: rehold.settledUnitSeconds,
        },
      },
    });
    return { id: endpoint.id, status: endpoint.status, desiredReplicas: replicas, changed: true };
  }, TX_OPTIONS);
}

/** Scales a live endpoint to `replicas`, within its minimum (at least 1) and maximum. */
export function scaleEndpoint(
  tenant: TenantAccess,
  actor: Actor,
  input: { id: string; replicas: number },
): Promise<EndpointReplicasResult> {
  return changeReplicas(tenant, actor, input.id, "scale", input.replicas);
}

/** Scales a live endpoint to zero: its hold is settled and released, so it holds nothing. */
export function scaleEndpointToZero(
  tenant: TenantAccess,
  actor: Actor,
  input: { id: string },
): Promise<EndpointReplicasResult> {
  return changeReplicas(tenant, actor, input.id, "scale-to-zero", null);
}

/** Wakes an endpoint at zero to its minimum (at least 1) replicas; a hold is placed again. */
export function wakeEndpoint(
  tenant: TenantAccess,
  actor: Actor,
  input: { id: string },
): Promise<EndpointReplicasResult> {
  return changeReplicas(tenant, actor, input.id, "wake", null);
}
