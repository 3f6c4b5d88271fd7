import type { ClusterKind, Database, EndpointStatus } from "@tessera/db";
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
      resourceClass: { select: { id: true, kind: true } },
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
  const perUnit = RESOURCES_PER_UNIT[resourceClass.kind];
  const accelerated = resourceClass.kind !== "CPU";
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
      acceleratorResource: accelerated
        ? (mapping?.k8sResourceName ?? (resourceClass.kind === "GPU" ? "nvidia.com/gpu" : null))
        : null,
      acceleratorCount: accelerated ? workload.quantity : 0,
      cpu: String(perUnit.cpu * workload.quantity),
      memory: `${perUnit.memoryGi * workload.quantity}Gi`,
      nodeSelector,
    },
  };
}
