import type { EndpointStatus } from "@tessera/db";
import { isLiveEndpointStatus } from "../endpoint-rules";

/**
 * One endpoint of an organisation on a cluster, as its namespace's quota counts it: a live one, or
 * one deleting, deleted or failed whose pods may still be there.
 */
export interface TenantQuotaLine {
  /** What Tessera admitted (admittedReplicas): 0 for an endpoint that is no longer live. */
  desiredReplicas: number;
  /** Pods the backend still has for it, terminating ones included (0 when it knows none). */
  presentReplicas: number;
  /** Per replica: the accelerator resource (null for the CPU tier) and how many of it. */
  accelerator: string | null;
  acceleratorCount: number;
  /** Per replica: CPU cores and memory in GiB. */
  cpu: number;
  memoryGi: number;
}

/**
 * Pure: the replicas the quota counts for one endpoint — what Tessera admitted, or more while
 * pods of a larger size are still there. A scale-down lowers the desired replicas before its pods
 * have gone (they terminate, or the scale-down is not applied yet), and the quota admission
 * counts them until they have: a quota of the desired replicas alone would then refuse another
 * endpoint's pods that Tessera admitted in their place.
 */
export function quotaReplicas(line: Pick<TenantQuotaLine, "desiredReplicas" | "presentReplicas">) {
  return Math.max(line.desiredReplicas, line.presentReplicas);
}

/**
 * Pure: the replicas Tessera admits for an endpoint: its desired replicas while it is live, none
 * once it is deleting, deleted or failed (whatever its row still says).
 */
export function admittedReplicas(endpoint: { status: EndpointStatus; desiredReplicas: number }) {
  return isLiveEndpointStatus(endpoint.status) ? endpoint.desiredReplicas : 0;
}

/**
 * Pure: the namespace's quota (resource name → quantity) from its endpoints, each counted by
 * quotaReplicas: accelerators, CPU, memory and pods. An endpoint deleted or failed counts the pods
 * it still has there, as a scale-down does. It never falls below what runs, and never exceeds what
 * Tessera admitted plus what has not gone yet.
 */
export function tenantQuota(lines: readonly TenantQuotaLine[]): Record<string, string> {
  const totals = new Map<string, number>([
    ["cpu", 0],
    ["memory", 0],
    ["pods", 0],
  ]);
  const add = (name: string, amount: number) => totals.set(name, (totals.get(name) ?? 0) + amount);
  for (const line of lines) {
    const replicas = quotaReplicas(line);
    if (line.accelerator) add(line.accelerator, replicas * line.acceleratorCount);
    add("cpu", replicas * line.cpu);
    add("memory", replicas * line.memoryGi);
    add("pods", replicas);
  }
  const quota: Record<string, string> = {};
  for (const [name, amount] of totals)
    quota[name] = name === "memory" ? `${amount}Gi` : String(amount);
  return quota;
}

/**
 * Pure: whether the quota last applied counts an endpoint otherwise than it should now, so that the
 * sweep converges it again. A live endpoint's only when it counts more (pods of a scale-down have
 * gone, and the quota shrinks back to what Tessera admitted): a larger count is on its way with
 * the endpoint's own convergence, which ensures the quota first. An endpoint deleting, deleted or
 * failed has no convergence to come, so its count follows its pods both ways — down as they go,
 * up should pods appear that the quota did not count (its ReplicaSet adding one as it was
 * deleted) — and reaches 0 once they have all gone.
 */
export function quotaOutOfStep(
  endpoint: { status: EndpointStatus; quotaReplicas: number; desiredReplicas: number },
  presentReplicas: number,
): boolean {
  const counted = quotaReplicas({ desiredReplicas: admittedReplicas(endpoint), presentReplicas });
  return isLiveEndpointStatus(endpoint.status)
    ? endpoint.quotaReplicas > counted
    : endpoint.quotaReplicas !== counted;
}
