import type { ClusterKind, Database, EndpointStatus, ResourceKind } from "@tessera/db";
import type { EndpointSpec } from "../../compute/endpoint-driver";

export interface EndpointContext {
  ref: { id: string; organizationId: string };
  status: EndpointStatus;
  desiredReplicas: number;
  externalId: string | null;
  cluster: { id: string; code: string; kind: ClusterKind; active: boolean };
  /** What the driver applies (replicas = the endpoint's desired replicas now). */
  spec: EndpointSpec;
}

const RESOURCES_PER_UNIT = {
  GPU: { cpu: 4, memoryGi: 32 },
  MIG: { cpu: 2, memoryGi: 16 },
  CPU: { cpu: 1, memoryGi: 4 },
} as const;

/** Pure: the CPU cores and memory (GiB) one replica of `units` units of a class of `kind` asks for. */
export function replicaResources(
  kind: ResourceKind,
  units: number,
): { cpu: number; memoryGi: number } {
  // A TOKENS class is a shared model tier: sold by the token, never deployed (deploy and submit
  // refuse it before anything reaches here).
  if (kind === "TOKENS") throw new Error("A tokens class runs no replicas.");
  const perUnit = RESOURCES_PER_UNIT[kind];
  return { cpu: perUnit.cpu * units, memoryGi: perUnit.memoryGi * units };
}

/** Pure: the accelerator resource name a class asks for on a cluster (null for the CPU tier). */
export function acceleratorResourceOf(
  kind: ResourceKind,
  mappedName: string | null | undefined,
): string | null {
  if (kind === "CPU" || kind === "TOKENS") return null;
  return mappedName ?? (kind === "GPU" ? "nvidia.com/gpu" : null);
}

/**
 * Everything the worker needs to converge one endpoint on its cluster, read across organisations
 * (worker tier): its state, the cluster, and the spec built from the catalogue (runtime image and
 * arguments, model name) and the class's mapping on the cluster (resource name, node selector).
 * Null when there is no such endpoint.
 */
export async function loadEndpointContext(
  database: Database,
  workloadId: string,
): Promise<EndpointContext | null> {
  const workload = await database.workload.findFirst({
    where: { id: workloadId, kind: "INFERENCE_ENDPOINT" },
    include: {
      organization: { select: { slug: true } },
      resourceClass: { select: { id: true, code: true, kind: true } },
      cluster: {
        select: {
          id: true,
          code: true,
          kind: true,
          active: true,
          resources: {
            select: { resourceClassId: true, k8sResourceName: true, k8sNodeSelector: true },
          },
        },
      },
      endpoint: { include: { model: true, runtime: true } },
    },
  });
  if (!workload?.endpoint) return null;
  const { endpoint, cluster, resourceClass } = workload;
  const mapping = cluster.resources.find((r) => r.resourceClassId === resourceClass.id);
  const resources = replicaResources(resourceClass.kind, workload.quantity);
  const acceleratorResource = acceleratorResourceOf(resourceClass.kind, mapping?.k8sResourceName);
  const nodeSelector = (mapping?.k8sNodeSelector ?? {}) as Record<string, string>;
  return {
    ref: { id: workload.id, organizationId: workload.organizationId },
    status: endpoint.status,
    desiredReplicas: endpoint.desiredReplicas,
    externalId: endpoint.externalId,
    cluster: { id: cluster.id, code: cluster.code, kind: cluster.kind, active: cluster.active },
    spec: {
      workloadId: workload.id,
      organizationId: workload.organizationId,
      slug: workload.organization.slug,
      displayName: workload.name,
      image: endpoint.runtime.image,
      args: endpoint.runtime.args.map((arg) => arg.replaceAll("{{model}}", endpoint.model.name)),
      modelName: endpoint.model.name,
      port: endpoint.runtime.port,
      healthPath: endpoint.runtime.healthPath,
      replicas: endpoint.desiredReplicas,
      acceleratorResource,
      acceleratorCount: acceleratorResource ? workload.quantity : 0,
      resourceClassCode: resourceClass.code,
      unitsPerReplica: workload.quantity,
      cpu: String(resources.cpu),
      memory: `${resources.memoryGi}Gi`,
      nodeSelector,
    },
  };
}
