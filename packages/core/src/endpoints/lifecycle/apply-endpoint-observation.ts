import { tenantScoped, type Database, type EndpointStatus } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import type { BackendEndpoint } from "../../compute/endpoint-driver";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { accruedUnitSeconds } from "./accrued-unit-seconds";
import { lockEndpoint, type EndpointRecordRef } from "./lock-endpoint";
import { recordEndpointChange } from "./record-endpoint-change";
import { reholdEndpoint } from "./rehold-endpoint";

export interface EndpointObservation {
  backend: Pick<BackendEndpoint, "state" | "readyReplicas" | "desiredReplicas" | "reason" | "url">;
  /** When the worker read it; an observation not newer than the last one applied changes nothing. */
  observedAt: Date;
}

/**
 * Applies what the backend says of a live endpoint: state, ready and desired replicas and the
 * reason in the backend's words. Counts the replica-seconds observed since the last observation
 * (settled at renewal), records a replica sample when the counts moved, and on a change of state writes the timeline
 * entry and the audit event. Idempotent: an observation no newer than the last applied one
 * changes nothing. A deleting or ended endpoint is left alone.
 */
export async function applyEndpointObservation(
  database: Database,
  ref: EndpointRecordRef,
  observation: EndpointObservation,
): Promise<{ changed: boolean; status: EndpointStatus }> {
  return tenantScoped(database, ref.organizationId).$transaction(async (tx: TenantTransaction) => {
    const endpoint = await lockEndpoint(tx, ref);
    const { backend, observedAt } = observation;
    const stale =
      endpoint.lastObservedAt !== null && observedAt.getTime() <= endpoint.lastObservedAt.getTime();
    const live = !["DELETING", "DELETED", "FAILED"].includes(endpoint.status);
    if (stale || !live) return { changed: false, status: endpoint.status };
    const accrued = accruedUnitSeconds(endpoint, observedAt, { observed: true });
    const reason = backend.reason?.slice(0, 500) ?? null;
    await tx.endpoint.update({
      where: { workloadId: ref.id },
      data: {
        readyReplicas: backend.readyReplicas,
        observedReplicas: backend.desiredReplicas,
        observedUnitSeconds: endpoint.observedUnitSeconds + accrued,
        lastObservedAt: observedAt,
        missingSince: null,
        ...(backend.url ? { url: backend.url } : {}),
      },
    });
    // A sample when the counts move (and the first): the chart holds each until the next, so an
    // endpoint observed every few seconds does not write a row each time.
    const moved =
      endpoint.lastObservedAt === null ||
      endpoint.readyReplicas !== backend.readyReplicas ||
      endpoint.observedReplicas !== backend.desiredReplicas;
    if (moved) {
      await tx.endpointReplicaSample.create({
        data: {
          organizationId: ref.organizationId,
          workloadId: ref.id,
          at: observedAt,
          ready: backend.readyReplicas,
          desired: backend.desiredReplicas,
        },
      });
    }
    const status: EndpointStatus = backend.state;
    if (status === endpoint.status && reason === endpoint.statusReason) {
      return { changed: true, status };
    }
    if (status === endpoint.status) {
      await tx.endpoint.update({ where: { workloadId: ref.id }, data: { statusReason: reason } });
      await tx.workload.update({ where: { id: ref.id }, data: { statusReason: reason } });
      return { changed: true, status };
    }
    // A backend that cannot run the endpoint runs nothing: its hold is settled and released.
    if (status === "FAILED") {
      // The lock's snapshot: the settlement counts the time up to this observation itself.
      await reholdEndpoint(tx, endpoint, 0, SYSTEM_ACTOR, observedAt);
    }
    if (status === "READY" && !endpoint.lastObservedAt) {
      await tx.workload.update({ where: { id: ref.id }, data: { startedAt: observedAt } });
    }
    await recordEndpointChange(tx, SYSTEM_ACTOR, {
      endpoint,
      status,
      reason,
      message: observationMessage(status, backend),
      audit: {
        action: "endpoint.status_changed",
        data: {
          from: endpoint.status,
          to: status,
          ready: backend.readyReplicas,
          desired: backend.desiredReplicas,
          reason,
        },
      },
    });
    return { changed: true, status };
  }, TX_OPTIONS);
}

function observationMessage(
  status: EndpointStatus,
  backend: EndpointObservation["backend"],
): string {
  const replicas = `${backend.readyReplicas} of ${backend.desiredReplicas} replicas ready`;
  const why = backend.reason ? `: ${backend.reason}` : "";
  switch (status) {
    case "READY":
      return `Ready (${replicas}).`;
    case "SCALED_TO_ZERO":
      return "Scaled to zero: no replicas run.";
    case "DEGRADED":
      return `Degraded (${replicas})${why}.`;
    case "FAILED":
      return `Failed${why}.`;
    default:
      return `Deploying (${replicas})${why}.`;
  }
}
