import type { AllocationRequestStatus, Prisma } from "@tessera/db";
import { notFound } from "../errors";

export interface LockedApplication {
  id: string;
  organizationId: string;
  programmeId: string;
  callId: string;
  status: AllocationRequestStatus;
  title: string;
  createdById: string;
  submittedById: string | null;
  submittedAt: Date | null;
  periodStart: Date;
  periodEnd: Date;
}

/**
 * Locks an application row until the transaction ends, so two state changes (two administrators
 * deciding, an applicant withdrawing while an administrator approves) happen one after the other
 * and each sees the other's result. With `organizationId` the row must belong to that
 * organisation: raw SQL bypasses the tenant-scoped client, so the scope is written out here.
 */
export async function lockApplication(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  applicationId: string,
  organizationId: string | null,
): Promise<LockedApplication> {
  const rows = await tx.$queryRaw<LockedApplication[]>`
    SELECT "id", "organizationId", "programmeId", "callId", "status"::text AS "status", "title",
           "createdById", "submittedById", "submittedAt", "periodStart", "periodEnd"
      FROM "AllocationRequest"
     WHERE "id" = ${applicationId}
       AND (${organizationId}::text IS NULL OR "organizationId" = ${organizationId}::text)
       FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("Application");
  return row;
}
