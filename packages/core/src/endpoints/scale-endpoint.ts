import { tenantScoped, type Database, type EndpointStatus } from "@tessera/db";
import type { Actor } from "../actor";
import { countsTokens } from "../catalogue/metering-unit";
import { AppError, notFound } from "../errors";
import { formatUnitHours } from "../quota/format-unit-hours";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { actorName } from "../workloads/actor-name";
import { ENDPOINT_OUTBOX } from "./endpoint-outbox";
import { isLiveEndpointStatus, scaleToZeroRefusal } from "./endpoint-rules";
import { lockEndpoint, type LockedEndpoint } from "./lifecycle/lock-endpoint";
import { recordEndpointChange } from "./lifecycle/record-endpoint-change";
import { reholdEndpoint } from "./lifecycle/rehold-endpoint";
import { inScaleRange, scaleRangeOf } from "./replica-rules";

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
  const range = scaleRangeOf(endpoint);
  if (!inScaleRange(range, asked)) {
    const stop = range.toZero ? "scale it to zero" : "delete it";
    throw new AppError(
      "INVALID",
      `This endpoint runs between ${range.from} and ${range.to} replicas; to stop it, ${stop}.`,
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
  now: Date,
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
    const refusal = request === "scale-to-zero" ? scaleToZeroRefusal(endpoint) : null;
    if (refusal) throw new AppError("PRECONDITION_FAILED", refusal);
    const replicas = replicasFor(request, endpoint, asked);
    if (replicas > 0 && countsTokens(endpoint.kind)) {
      throw new AppError(
        "INVALID",
        "This endpoint draws on tokens of a shared model, which run no replicas; deploy it again on an allocation line of GPUs, MIG slices or CPU cores.",
      );
    }
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
    const rehold = await reholdEndpoint(tx, endpoint, replicas, actor, now);
    await tx.endpoint.update({
      where: { workloadId },
      data: {
        desiredReplicas: replicas,
        // The idle timer counts from the later of the last request and this.
        ...(endpoint.desiredReplicas === 0 && replicas > 0 ? { lastWokenAt: now } : {}),
      },
    });
    const who = await actorName(tx, actor);
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
  now: Date = new Date(),
): Promise<EndpointReplicasResult> {
  return changeReplicas(tenant, actor, input.id, "scale", input.replicas, now);
}

/**
 * Scales a live endpoint to zero: its hold is settled and released, so it holds nothing. Refused
 * for an endpoint whose minimum is 1 or more (scaleToZeroRefusal).
 */
export function scaleEndpointToZero(
  tenant: TenantAccess,
  actor: Actor,
  input: { id: string },
  now: Date = new Date(),
): Promise<EndpointReplicasResult> {
  return changeReplicas(tenant, actor, input.id, "scale-to-zero", null, now);
}

/** Wakes an endpoint at zero to its minimum (at least 1) replicas; a hold is placed again. */
export function wakeEndpoint(
  tenant: TenantAccess,
  actor: Actor,
  input: { id: string },
  now: Date = new Date(),
): Promise<EndpointReplicasResult> {
  return changeReplicas(tenant, actor, input.id, "wake", null, now);
}

/** Who wakes an endpoint for a request, and who puts an idle one to sleep, in the audit log. */
export const GATEWAY_ACTOR: Actor = { userId: null, email: "gateway", ip: null, userAgent: null };
export const IDLE_TIMER_ACTOR: Actor = {
  userId: null,
  email: "idle timer",
  ip: null,
  userAgent: null,
};

/** The endpoint's organisation, acting as the system: for requests no member made. */
async function systemAccess(database: Database, workloadId: string): Promise<TenantAccess | null> {
  const endpoint = await database.endpoint.findUnique({
    where: { workloadId },
    select: { organization: { select: { id: true, name: true } } },
  });
  if (!endpoint) return null;
  const { organization } = endpoint;
  return { organization, role: "OWNER", db: tenantScoped(database, organization.id) };
}

/**
 * Wakes an endpoint at zero because the gateway has a request for it (its `endpoint.wake`
 * outbox event). Like a member's wake, a hold is placed again and the scale goes out through
 * the outbox; an endpoint already awake is left alone, and one that no longer exists or can no
 * longer be scaled is reported, not thrown.
 */
export async function wakeEndpointForRequest(
  database: Database,
  workloadId: string,
): Promise<EndpointReplicasResult | { id: string; refused: string }> {
  const tenant = await systemAccess(database, workloadId);
  if (!tenant) return { id: workloadId, refused: "The endpoint no longer exists." };
  try {
    return await changeReplicas(tenant, GATEWAY_ACTOR, workloadId, "wake", null, new Date());
  } catch (error) {
    if (error instanceof AppError) return { id: workloadId, refused: error.message };
    throw error;
  }
}

/**
 * Endpoints with an idle time and a minimum of 0 that have served nothing for that long — no request through the
 * gateway since the later of their last request and their last wake — are scaled to zero, as a
 * member would: their hold is settled and released. Returns the ids put to sleep.
 */
export async function scaleIdleEndpointsToZero(database: Database, now: Date): Promise<string[]> {
  const idle = await database.$queryRaw<{ workloadId: string }[]>`
    SELECT "workloadId" FROM "Endpoint"
     WHERE status IN ('READY', 'DEGRADED', 'DEPLOYING')
       AND "desiredReplicas" > 0
       -- scaleToZeroRefusal: only an endpoint whose minimum is 0 ever goes to zero.
       AND "minReplicas" = 0
       AND "idleSecondsBeforeZero" IS NOT NULL
       AND greatest("lastRequestAt", "lastWokenAt", "createdAt")
           < ${now}::timestamp - make_interval(secs => "idleSecondsBeforeZero")
     ORDER BY "workloadId"
     LIMIT 100`;
  const slept: string[] = [];
  for (const { workloadId } of idle) {
    const tenant = await systemAccess(database, workloadId);
    if (!tenant) continue;
    try {
      const result = await changeReplicas(
        tenant,
        IDLE_TIMER_ACTOR,
        workloadId,
        "scale-to-zero",
        null,
        now,
      );
      if (result.changed) slept.push(workloadId);
    } catch (error) {
      // Scaled or deleted meanwhile: the next sweep sees it as it is now.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return slept;
}
