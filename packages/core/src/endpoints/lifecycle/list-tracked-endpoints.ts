import type { Database, EndpointStatus, Prisma } from "@tessera/db";
import { LIVE_ENDPOINT_STATUSES } from "../endpoint-rules";

export interface TrackedEndpoint {
  id: string;
  organizationId: string;
  slug: string;
  status: EndpointStatus;
  desiredReplicas: number;
  observedReplicas: number;
  /** What the namespace's quota last counted for it (quotaOutOfStep). */
  quotaReplicas: number;
  externalId: string | null;
}

/**
 * Endpoints no longer live that their namespace's quota still counts (endpointTenantSpec):
 * deleting ones, and deleted or failed ones whose pods it counted when last applied
 * (Endpoint.quotaReplicas, brought to 0 once they have gone).
 */
export const LEAVING_ENDPOINTS: Prisma.EndpointWhereInput = {
  OR: [{ status: "DELETING" }, { status: { in: ["DELETED", "FAILED"] }, quotaReplicas: { gt: 0 } }],
};

const TRACKED_SELECT = {
  workloadId: true,
  organizationId: true,
  status: true,
  desiredReplicas: true,
  observedReplicas: true,
  quotaReplicas: true,
  externalId: true,
  organization: { select: { slug: true } },
} as const;

interface Page {
  clusterId: string;
  after?: string | null;
  limit?: number;
}

/** One page of a cluster's endpoints matching `where`, oldest first (keyset on id). */
async function trackedPage(
  database: Database,
  input: Page,
  where: Prisma.EndpointWhereInput,
): Promise<TrackedEndpoint[]> {
  const rows = await database.endpoint.findMany({
    where: {
      ...where,
      workload: { clusterId: input.clusterId },
      ...(input.after ? { workloadId: { gt: input.after } } : {}),
    },
    orderBy: { workloadId: "asc" },
    take: input.limit ?? 200,
    select: TRACKED_SELECT,
  });
  return rows.map(({ workloadId, organization, ...row }) => ({
    ...row,
    id: workloadId,
    slug: organization.slug,
  }));
}

/**
 * The endpoints on one cluster that should exist there (live) or are being removed (DELETING),
 * oldest first, one page at a time (keyset on id). A worker-tier read across organisations.
 */
export function listTrackedEndpoints(database: Database, input: Page): Promise<TrackedEndpoint[]> {
  return trackedPage(database, input, { status: { in: [...LIVE_ENDPOINT_STATUSES, "DELETING"] } });
}

/**
 * The endpoints on one cluster that are no longer live but that their namespace's quota still
 * counts (LEAVING_ENDPOINTS), for the sweep to converge the quota again as their pods leave. One
 * page at a time, as listTrackedEndpoints.
 */
export function listLeavingEndpoints(database: Database, input: Page): Promise<TrackedEndpoint[]> {
  return trackedPage(database, input, LEAVING_ENDPOINTS);
}
