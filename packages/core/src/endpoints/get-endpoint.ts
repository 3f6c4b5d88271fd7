import type { EndpointStatus } from "@tessera/db";
import { notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { ENDPOINT_SUMMARY, toEndpointSummary, type EndpointSummary } from "./endpoint-view";
import {
  MOST_REPLICA_CHANGES,
  REPLICA_WINDOW_MS,
  replicaHistory,
  type ReplicaHistory,
} from "./replica-history";

/** An endpoint in these runs nothing more: its chart ends when it entered one. */
const ENDED: readonly EndpointStatus[] = ["DELETED", "FAILED"];

export interface EndpointDetail extends EndpointSummary {
  events: {
    id: string;
    status: EndpointStatus | null;
    reason: string | null;
    message: string | null;
    createdAt: Date;
  }[];
  /** Replicas over the last day, or its last day when it has ended; null before any was seen. */
  replicas: ReplicaHistory | null;
  placement: unknown;
}

/** One endpoint of the organisation with its timeline and replicas over time; else NOT_FOUND. */
export async function getEndpoint(
  tenant: TenantAccess,
  id: string,
  now: Date = new Date(),
): Promise<EndpointDetail> {
  const row = await tenant.db.workload.findFirst({
    where: { id, kind: "INFERENCE_ENDPOINT" },
    include: {
      ...ENDPOINT_SUMMARY,
      events: { orderBy: { id: "asc" }, take: 200 },
    },
  });
  if (!row?.endpoint) throw notFound("Endpoint");
  const ended = ENDED.includes(row.endpoint.status);
  const to = ended ? (row.endedAt ?? now) : now;
  const windowStart = new Date(to.getTime() - REPLICA_WINDOW_MS);
  const select = { at: true, ready: true, desired: true } as const;
  const inWindow = await tenant.db.endpointReplicaSample.findMany({
    where: { workloadId: id, at: { gte: windowStart, lte: to } },
    orderBy: { at: "desc" },
    take: MOST_REPLICA_CHANGES,
    select,
  });
  const before = await tenant.db.endpointReplicaSample.findFirst({
    where: { workloadId: id, at: { lt: windowStart } },
    orderBy: { at: "desc" },
    select,
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
    replicas: replicaHistory({
      before,
      inWindow: inWindow.reverse(),
      windowStart,
      to,
      live: !ended,
      deleted: row.endpoint.status === "DELETED",
      cut: inWindow.length === MOST_REPLICA_CHANGES,
    }),
    placement: row.placement,
  };
}
