import type { EndpointStatus, ModelOpenness, Prisma } from "@tessera/db";
import { toSafeNumber } from "../programmes/money";
import { scaleToZeroRefusal } from "./endpoint-rules";
import {
  toWorkloadSummary,
  WORKLOAD_SUMMARY,
  type WorkloadSummary,
} from "../workloads/workload-view";

export const ENDPOINT_SUMMARY = {
  ...WORKLOAD_SUMMARY,
  endpoint: {
    include: {
      model: {
        select: {
          id: true,
          name: true,
          family: true,
          licenseSpdx: true,
          openness: true,
          weightsSha256: true,
        },
      },
      runtime: { select: { id: true, code: true, name: true } },
    },
  },
} as const satisfies Prisma.WorkloadInclude;

export type EndpointSummaryRow = Prisma.WorkloadGetPayload<{ include: typeof ENDPOINT_SUMMARY }>;

export interface EndpointSummary {
  id: string;
  name: string;
  status: EndpointStatus;
  statusReason: string | null;
  model: {
    id: string;
    name: string;
    family: string;
    licenseSpdx: string;
    openness: ModelOpenness;
    weightsSha256: string;
  };
  runtime: { id: string; code: string; name: string };
  unitsPerReplica: number;
  minReplicas: number;
  maxReplicas: number;
  desiredReplicas: number;
  readyReplicas: number;
  idleSecondsBeforeZero: number | null;
  /** Whether it may be scaled to zero, by a member or when idle (scaleToZeroRefusal). */
  scalesToZero: boolean;
  leaseSeconds: number;
  url: string | null;
  externalId: string | null;
  heldUnitSeconds: number;
  consumedUnitSeconds: number | null;
  resourceClass: WorkloadSummary["resourceClass"];
  project: WorkloadSummary["project"];
  cluster: WorkloadSummary["cluster"];
  createdBy: WorkloadSummary["createdBy"];
  createdAt: Date;
  lastObservedAt: Date | null;
}

export function toEndpointSummary(row: EndpointSummaryRow): EndpointSummary {
  const endpoint = row.endpoint;
  if (!endpoint) throw new Error(`Workload ${row.id} is not an endpoint`);
  const workload = toWorkloadSummary(row);
  return {
    id: row.id,
    name: row.name,
    status: endpoint.status,
    statusReason: endpoint.statusReason,
    model: endpoint.model,
    runtime: endpoint.runtime,
    unitsPerReplica: row.quantity,
    minReplicas: endpoint.minReplicas,
    maxReplicas: endpoint.maxReplicas,
    desiredReplicas: endpoint.desiredReplicas,
    readyReplicas: endpoint.readyReplicas,
    idleSecondsBeforeZero: endpoint.idleSecondsBeforeZero,
    scalesToZero: scaleToZeroRefusal(endpoint) === null,
    leaseSeconds: endpoint.leaseSeconds,
    url: endpoint.url,
    externalId: endpoint.externalId,
    heldUnitSeconds: toSafeNumber(row.heldUnitSeconds, "quota"),
    consumedUnitSeconds: workload.consumedUnitSeconds,
    resourceClass: workload.resourceClass,
    project: workload.project,
    cluster: workload.cluster,
    createdBy: workload.createdBy,
    createdAt: row.createdAt,
    lastObservedAt: endpoint.lastObservedAt,
  };
}
