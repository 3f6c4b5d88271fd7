import type { Database } from "@tessera/db";
import type { EndpointRef, EndpointTenantSpec } from "../../compute/endpoint-driver";
import { LIVE_ENDPOINT_STATUSES } from "../endpoint-rules";
import { LEAVING_ENDPOINTS } from "./list-tracked-endpoints";
import { acceleratorResourceOf, replicaResources } from "./load-endpoint-context";
import { admittedReplicas, quotaReplicas, tenantQuota, type TenantQuotaLine } from "./tenant-quota";

/**
 * Reads from the backend how many pods each endpoint still has there, terminating ones included,
 * whether or not its other objects are (a deleted endpoint's pods leave after its Deployment),
 * keyed by workload id (an endpoint with none is absent).
 */
export type PresentReplicas = (
  refs: readonly EndpointRef[],
) => Promise<ReadonlyMap<string, number>>;

export interface EndpointTenantPlan {
  tenant: EndpointTenantSpec;
  /** The replicas its quota counts for each endpoint it counts. */
  counted: { workloadId: string; replicas: number }[];
}

/**
 * The organisation's place on one cluster as ensureEndpointTenant converges it. Its quota is what
 * Tessera has admitted there — the desired replicas of the organisation's live endpoints on the
 * cluster, in accelerators, CPU, memory and pods — except that an endpoint whose pods the backend
 * still has beyond that (a scale-down not applied or not finished yet) is counted by those
 * (tenantQuota): the backend's own quota is a second fence behind Tessera's holds, never a looser
 * one, and never one that refuses what Tessera admitted because another endpoint's pods are
 * still leaving. An endpoint deleting, deleted or failed is admitted nothing but counts the pods it
 * still has there the same way, until they have gone: a delete frees its room only once its pods
 * have left it, never while another endpoint's deploy or scale-up would be refused for them
 * (LEAVING_ENDPOINTS: while it is deleting, and after that while the quota last applied still
 * counted some of its pods).
 */
export async function endpointTenantSpec(
  database: Database,
  input: { organizationId: string; clusterId: string },
  present: PresentReplicas,
): Promise<EndpointTenantPlan> {
  const organization = await database.organization.findUniqueOrThrow({
    where: { id: input.organizationId },
    select: { slug: true },
  });
  const endpoints = await database.endpoint.findMany({
    where: {
      organizationId: input.organizationId,
      workload: { clusterId: input.clusterId },
      OR: [{ status: { in: [...LIVE_ENDPOINT_STATUSES] } }, LEAVING_ENDPOINTS],
    },
    select: {
      workloadId: true,
      status: true,
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
  const refs = endpoints.map(({ workloadId }) => ({
    workloadId,
    organizationId: input.organizationId,
    slug: organization.slug,
  }));
  const seen = endpoints.length > 0 ? await present(refs) : new Map<string, number>();
  const lines = endpoints.map(({ workloadId, status, desiredReplicas, workload }) => {
    const { kind, id } = workload.resourceClass;
    const mapped = workload.cluster.resources.find((r) => r.resourceClassId === id);
    const resources = replicaResources(kind, workload.quantity);
    const line: TenantQuotaLine = {
      desiredReplicas: admittedReplicas({ status, desiredReplicas }),
      presentReplicas: seen.get(workloadId) ?? 0,
      accelerator: acceleratorResourceOf(kind, mapped?.k8sResourceName),
      acceleratorCount: workload.quantity,
      cpu: resources.cpu,
      memoryGi: resources.memoryGi,
    };
    return { workloadId, line };
  });
  return {
    tenant: {
      organizationId: input.organizationId,
      slug: organization.slug,
      quota: tenantQuota(lines.map(({ line }) => line)),
    },
    counted: lines.map(({ workloadId, line }) => ({ workloadId, replicas: quotaReplicas(line) })),
  };
}
