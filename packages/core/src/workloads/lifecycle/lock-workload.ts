import type { Prisma, WorkloadStatus } from "@tessera/db";
import { notFound } from "../../errors";

/** A workload as the worker identifies it: its id and the organisation that owns it. */
export interface WorkloadRef {
  id: string;
  organizationId: string;
}

export interface LockedWorkload {
  id: string;
  organizationId: string;
  clusterId: string;
  name: string;
  status: WorkloadStatus;
  statusReason: string | null;
  externalId: string | null;
  holdId: string | null;
  heldUnitSeconds: bigint;
  quantity: number;
  /** The resource class's unit ("GPU"), for messages in the user's units. */
  unit: string;
  submittedAt: Date | null;
  startedAt: Date | null;
  cancelRequestedAt: Date | null;
  missingSince: Date | null;
}

/**
 * Locks the workload row until the transaction ends, so two workers applying a change to the same
 * workload take turns and the second sees the first's result. Raw SQL bypasses the tenant-scoped
 * client, so the organisation is written out here.
 */
export async function lockWorkload(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  workload: WorkloadRef,
): Promise<LockedWorkload> {
  const rows = await tx.$queryRaw<LockedWorkload[]>`
    SELECT w."id", w."organizationId", w."clusterId", w."name", w."status"::text AS "status",
           w."statusReason", w."externalId", w."holdId", w."heldUnitSeconds", w."quantity",
           r."unit", w."submittedAt", w."startedAt", w."cancelRequestedAt", w."missingSince"
      FROM "Workload" w JOIN "ResourceClass" r ON r."id" = w."resourceClassId"
     WHERE w."id" = ${workload.id} AND w."organizationId" = ${workload.organizationId}
       FOR UPDATE OF w`;
  const row = rows[0];
  if (!row) throw notFound("Workload");
  return row;
}
