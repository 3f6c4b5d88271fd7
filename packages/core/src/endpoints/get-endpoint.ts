import type { EndpointStatus } from "@tessera/db";
import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { ENDPOINT_SUMMARY, toEndpointSummary, type EndpointSummary } from "./endpoint-view";

/** How many replica samples the detail view charts (the most recent). */
const SAMPLES = 240;

export interface EndpointDetail extends EndpointSummary {
  events: {
    id: string;
    status: EndpointStatus | null;
    reason: string | null;
    message: string | null;
    createdAt: Date;
  }[];
  samples: { at: Date; ready: number; desired: number }[];
  placement: unknown;
}

/** One endpoint of the organisation with its timeline and replicas over time; else NOT_FOUND. */
export async function getEndpoint(tenant: TenantAccess, id: string): Promise<EndpointDetail> {
  const row = await tenant.db.workload.findFirst({
    where: { id, kind: "INFERENCE_ENDPOINT" },
    include: {
      ...ENDPOINT_SUMMARY,
      events: { orderBy: { id: "asc" }, take: 200 },
    },
  });
  if (!row?.endpoint) throw notFound("Endpoint");
  const samples = await tenant.db.endpointReplicaSample.findMany({
    where: { workloadId: id },
    orderBy: { at: "desc" },
    take: SAMPLES,
    select: { at: true, ready: true, desired: true },
  });
  return {
    ...toEndpointSummary(row),
    events: row.events.map((event) => ({
      id: event.id.toString(),
      status: event.endpointStatus,
      reason: event.reason,
      message: event.message,
      createdAt: event.createdAt,
    })),
    samples: samples.reverse(),
    placement: row.placement,
  };
}
