import type { EndpointStatus, Prisma, ResourceKind } from "@tessera/db";
import { notFound } from "../../errors";

/** An endpoint as the worker and the tenant's requests identify it. */
export interface EndpointRecordRef {
  id: string;
  organizationId: string;
}

export interface LockedEndpoint {
  id: string;
  organizationId: string;
  clusterId: string;
  name: string;
  allocationLineId: string;
  /** Units of the class one replica uses. */
  quantity: number;
  unit: string;
  /** The class's kind (a TOKENS class runs no replicas: scaling one up is refused). */
  kind: ResourceKind;
  holdId: string | null;
  heldUnitSeconds: bigint;
  consumedUnitSeconds: bigint | null;
  status: EndpointStatus;
  statusReason: string | null;
  minReplicas: number;
  maxReplicas: number;
  desiredReplicas: number;
  readyReplicas: number;
  observedReplicas: number;
  leaseSeconds: number;
  leaseStartedAt: Date | null;
  observedUnitSeconds: bigint;
  holdGeneration: number;
  externalId: string | null;
  url: string | null;
  lastObservedAt: Date | null;
  missingSince: Date | null;
}

/**
 * Locks the endpoint's workload row until the transaction ends, so that a tenant's request and a
 * worker's observation of the same endpoint take turns. Raw SQL bypasses the tenant-scoped client,
 * so the organisation is written out here; an endpoint of another organisation is not found.
 */
export async function lockEndpoint(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  ref: EndpointRecordRef,
): Promise<LockedEndpoint> {
  const rows = await tx.$queryRaw<LockedEndpoint[]>`
    SELECT w."id", w."organizationId", w."clusterId", w."name", w."allocationLineId", w."quantity",
           r."unit", r."kind"::text AS "kind", w."holdId", w."heldUnitSeconds", w."consumedUnitSeconds",
           e."status"::text AS "status", e."statusReason", e."minReplicas", e."maxReplicas",
           e."desiredReplicas", e."readyReplicas", e."observedReplicas", e."leaseSeconds",
           e."leaseStartedAt", e."observedUnitSeconds", e."holdGeneration", e."externalId",
           e."url", e."lastObservedAt", e."missingSince"
      FROM "Workload" w
      JOIN "Endpoint" e ON e."workloadId" = w."id"
      JOIN "ResourceClass" r ON r."id" = w."resourceClassId"
     WHERE w."id" = ${ref.id} AND w."organizationId" = ${ref.organizationId}
       FOR UPDATE OF w`;
  const row = rows[0];
  if (!row) throw notFound("Endpoint");
  return row;
}
