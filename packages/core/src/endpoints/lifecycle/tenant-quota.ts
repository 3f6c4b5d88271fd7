/** One live endpoint of an organisation on a cluster, as its namespace's quota counts it. */
export interface TenantQuotaLine {
  /** What Tessera admitted: the row's desired replicas. */
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
 * Pure: the namespace's quota (resource name → quantity) from its live endpoints, each counted by
 * quotaReplicas: accelerators, CPU, memory and pods. It never falls below what runs, and never
 * exceeds what Tessera admitted plus what has not gone yet.
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
 * Pure: whether the quota last applied counts more replicas for an endpoint than it needs now
 * (pods of a scale-down have gone): the sweep then converges the quota again, so that it shrinks
 * back to what Tessera admitted.
 */
export function quotaMayShrink(
  endpoint: { quotaReplicas: number; desiredReplicas: number },
  presentReplicas: number,
): boolean {
  return endpoint.quotaReplicas > quotaReplicas({ ...endpoint, presentReplicas });
}
