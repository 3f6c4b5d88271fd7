import type { Database, EndpointStatus } from "@tessera/db";
import { LIVE_ENDPOINT_STATUSES } from "../endpoint-rules";

export interface TrackedEndpoint {
  id: string;
  organizationId: string;
  slug: string;
  status: EndpointStatus;
  desiredReplicas: number;
  observedReplicas: number;
  /** What the namespace's quota last counted for it (quotaMayShrink). */
  quotaReplicas: number;
  externalId: string | null;
}

/**
 * The endpoints on one cluster that should exist there (live) or are being removed (DELETING),
 * oldest first, one page at a time (keyset on id). A worker-tier read across organisations.
 */
export async function listTrackedEndpoints(
  database: Database,
  input: { clusterId: string; after?: string | null; limit?: number },
): Promise<TrackedEndpoint[]> {
  const rows = await database.endpoint.findMany({
    where: {
      workload: { clusterId: input.clusterId },
      status: { in: [...LIVE_ENDPOINT_STATUSES, "DELETING"] },
      ...(input.after ? { workloadId: { gt: input.after } } : {}),
    },
    orderBy: { workloadId: "asc" },
    take: input.limit ?? 200,
    select: {
      workloadId: true,
      organizationId: true,
      status: true,
      desiredReplicas: true,
      observedReplicas: true,
      quotaReplicas: true,
      externalId: true,
      organization: { select: { slug: true } },
    },
  });
  return rows.map(({ workloadId, organization, ...row }) => ({
    ...row,
    id: workloadId,
    slug: organization.slug,
  }));
}
