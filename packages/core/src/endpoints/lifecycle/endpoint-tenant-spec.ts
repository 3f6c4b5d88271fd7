import type { Database } from "@tessera/db";
import type { EndpointTenantSpec } from "../../compute/endpoint-driver";
import { LIVE_ENDPOINT_STATUSES } from "../endpoint-rules";
import { acceleratorResourceOf, replicaResources } from "./load-endpoint-context";

/**
 * The organisation's place on one cluster as ensureEndpointTenant converges it. Its quota is what
 * Tessera has admitted there — the desired replicas of the organisation's live endpoints on the
 * cluster, in accelerators, CPU, memory and pods — so the backend's own quota is a second fence
 * behind Tessera's holds, never a looser one.
 */
export async function endpointTenantSpec(
  database: Database,
  input: { organizationId: string; clusterId: string },
): Promise<EndpointTenantSpec> {
  const organization = await database.organization.findUniqueOrThrow({
    where: { id: input.organizationId },
    select: { slug: true },
  });
  const endpoints = await database.endpoint.findMany({
    where: {
      organizationId: input.organizationId,
      status: { in: [...LIVE_ENDPOINT_STATUSES] },
      workload: { clusterId: input.clusterId },
    },
    select: {
      desiredReplicas: true,
      workload: {
        select: {
          quantity: true,
          resourceClass: { select: { id: true, kind: true } },
          cluster: {
            select: { resources: { select: { resourceClassId: true, k8sResourceName: true } } },
          },
        },
      },
    },
  });
  const totals = new Map<string, number>([
    ["cpu", 0],
    ["memory", 0],
    ["pods", 0],
  ]);
  const add = (name: string, amount: number) => totals.set(name, (totals.get(name) ?? 0) + amount);
  for (const { desiredReplicas, workload } of endpoints) {
    const { kind, id } = workload.resourceClass;
    const mapped = workload.cluster.resources.find((r) => r.resourceClassId === id);
    const accelerator = acceleratorResourceOf(kind, mapped?.k8sResourceName);
    const resources = replicaResources(kind, workload.quantity);
    if (accelerator) add(accelerator, desiredReplicas * workload.quantity);
    add("cpu", desiredReplicas * resources.cpu);
    add("memory", desiredReplicas * resources.memoryGi);
    add("pods", desiredReplicas);
  }
  const quota: Record<string, string> = {};
  for (const [name, amount] of totals)
    quota[name] = name === "memory" ? `${amount}Gi` : String(amount);
  return { organizationId: input.organizationId, slug: organization.slug, quota };
}
