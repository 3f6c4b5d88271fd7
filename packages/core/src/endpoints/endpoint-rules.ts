import type { EndpointStatus, WorkloadStatus } from "@tessera/db";
import { scaleRangeOf } from "./replica-rules";

/** Bounds on one inference endpoint, checked before anything is written. */
export const ENDPOINT_LIMITS = {
  /** An endpoint's name, trimmed, in characters (code points, as the API's schema counts them). */
  minNameLength: 2,
  maxNameLength: 64,
  maxReplicas: 16,
  maxUnitsPerReplica: 8,
  /** One hold covers this long; the worker renews it at half-time (renewEndpointHold). */
  leaseSeconds: 3_600,
  minIdleSeconds: 60,
  maxIdleSeconds: 7 * 24 * 3_600,
} as const;

/**
 * Pure: why an endpoint name (already trimmed) is refused, or null. It is shown in lists, headings
 * and the timeline, so it must be short enough to read and have something visible in it.
 */
export function endpointNameProblem(name: string): string | null {
  const { minNameLength, maxNameLength } = ENDPOINT_LIMITS;
  const length = [...name].length;
  if (length < minNameLength || length > maxNameLength)
    return `Give the endpoint a name of ${minNameLength} to ${maxNameLength} characters.`;
  if (!/[\p{L}\p{N}]/u.test(name))
    return "Give the endpoint a name with a letter or a digit in it.";
  return null;
}

/** States in which an endpoint exists on (or is on its way to) the backend. */
export const LIVE_ENDPOINT_STATUSES = [
  "ACCEPTED",
  "DEPLOYING",
  "READY",
  "SCALED_TO_ZERO",
  "DEGRADED",
] as const satisfies readonly EndpointStatus[];

/** States a tenant may still scale, wake or delete from. */
export function isLiveEndpointStatus(status: EndpointStatus): boolean {
  return (LIVE_ENDPOINT_STATUSES as readonly EndpointStatus[]).includes(status);
}

/**
 * Pure: why an endpoint may not be scaled to zero, by a member or by its idle timer, or null when
 * it may. Its minimum is the floor it always keeps running: only an endpoint whose minimum is 0
 * ever runs no replica (and then the gateway wakes it on the next request). Whether it may is the
 * replica bounds' one rule (scaleRangeOf's `toZero`).
 */
export function scaleToZeroRefusal(endpoint: {
  minReplicas: number;
  maxReplicas: number;
}): string | null {
  if (scaleRangeOf(endpoint).toZero) return null;
  const replicas = `${endpoint.minReplicas} replica${endpoint.minReplicas === 1 ? "" : "s"}`;
  return `This endpoint keeps at least ${replicas} running (its minimum), so it is never scaled to zero; deploy it with a minimum of 0 to let it scale to zero, or delete it to stop it.`;
}

/**
 * Pure: the Workload status that stands for an endpoint's state, so that what counts workloads
 * (placement's units in use, operators' views) sees endpoints as live or ended.
 */
export function workloadStatusOfEndpoint(status: EndpointStatus): WorkloadStatus {
  switch (status) {
    case "ACCEPTED":
      return "ACCEPTED";
    case "DEPLOYING":
      return "SUBMITTED";
    case "READY":
    case "SCALED_TO_ZERO":
    case "DEGRADED":
    case "DELETING":
      return "RUNNING";
    case "FAILED":
      return "FAILED";
    case "DELETED":
      return "CANCELLED";
  }
}

/** Unit-seconds one hold of `replicas` covers: replicas × units per replica × lease window. */
export function endpointHoldUnitSeconds(
  replicas: number,
  unitsPerReplica: number,
  leaseSeconds: number,
): number {
  return replicas * unitsPerReplica * leaseSeconds;
}

/** The quota hold reference of an endpoint's n-th hold (each lease window has its own). */
export function endpointHoldReference(workloadId: string, generation: number): string {
  return `endpoint:${workloadId}:${generation}`;
}
