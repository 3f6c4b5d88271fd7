import { Prisma, rawQuery, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import { AUDIT_CHAIN_LINE, auditEventSql } from "../../audit/record-audit-event";
import { AppError, notFound } from "../../errors";
import { TX_OPTIONS } from "../../transaction";
import { lockWorkload, type WorkloadRef } from "./lock-workload";
import type { WorkloadTransition } from "./workload-states";

export interface SubmittedTransition extends WorkloadTransition {
  /** The backend job the workload is bound to now (another one when a duplicate was found). */
  externalId: string | null;
}

/**
 * ACCEPTED → SUBMITTED once the backend has the job: stores its id, adds the timeline entry and
 * audits `workload.launched` with the cluster and job id, atomically. A workload that is no longer
 * ACCEPTED (a second launch, a cancel that won the race) is left as it is.
 *
 * One statement: the conditional UPDATE (which takes the row lock and re-checks the status against
 * the committed row), the timeline entry and the audit event, both written only when the UPDATE
 * changed the row. Raw SQL, so the organisation is written out in the UPDATE's condition. The
 * caller may pass the workload's cluster (id and code, as the audit event names it); otherwise it
 * is read first.
 */
export async function recordWorkloadSubmitted(
  database: Database,
  workload: WorkloadRef,
  input: { externalId: string; cluster?: { id: string; code: string } },
): Promise<SubmittedTransition> {
  const externalId = input.externalId.trim();
  if (!externalId) throw new AppError("INVALID", "A submitted job needs the backend's job id.");
  const cluster = input.cluster ?? (await clusterOf(database, workload));
  const now = new Date().toISOString();
  const audit = auditEventSql(
    SYSTEM_ACTOR,
    {
      action: "workload.launched",
      organizationId: workload.organizationId,
      targetType: "Workload",
      targetId: workload.id,
      data: { cluster: cluster.code, clusterId: cluster.id, externalId },
    },
    "updated",
  );
  const rows = await rawQuery<{ id: string }>(
    database,
    Prisma.sql`
    WITH updated AS (
      UPDATE "Workload"
         SET "status" = 'SUBMITTED'::"WorkloadStatus", "externalId" = ${externalId},
             "submittedAt" = ${now}::timestamptz AT TIME ZONE 'UTC', "statusReason" = NULL,
             "lastObservedAt" = ${now}::timestamptz AT TIME ZONE 'UTC', "missingSince" = NULL,
             "updatedAt" = ${now}::timestamptz AT TIME ZONE 'UTC'
       WHERE "id" = ${workload.id} AND "organizationId" = ${workload.organizationId}
         AND "clusterId" = ${cluster.id} AND "status" = 'ACCEPTED'::"WorkloadStatus"
      RETURNING "id", "organizationId", "clusterId"
    ), event AS (
      INSERT INTO "WorkloadEvent" ("organizationId", "workloadId", "status", "reason", "message",
                                   "createdAt")
      SELECT u."organizationId", u."id", 'SUBMITTED'::"WorkloadStatus", NULL,
             'Submitted to ' || c."name" || ' as job ' || ${externalId}::text || '.',
             ${now}::timestamptz AT TIME ZONE 'UTC'
        FROM updated u JOIN "Cluster" c ON c."id" = u."clusterId"
    ), audit AS (${audit})
    SELECT "id" FROM updated`,
    AUDIT_CHAIN_LINE,
  );
  if (rows.length === 0) {
    // Not ACCEPTED (or gone): say what it is now, under its row lock.
    const current = await database.$transaction((tx) => lockWorkload(tx, workload), TX_OPTIONS);
    return {
      workloadId: current.id,
      changed: false,
      from: current.status,
      status: current.status,
      externalId: current.externalId,
    };
  }
  return {
    workloadId: workload.id,
    changed: true,
    from: "ACCEPTED",
    status: "SUBMITTED",
    externalId,
  };
}

async function clusterOf(database: Database, workload: WorkloadRef) {
  const rows = await database.$queryRaw<{ id: string; code: string }[]>`
    SELECT c."id", c."code" FROM "Workload" w JOIN "Cluster" c ON c."id" = w."clusterId"
     WHERE w."id" = ${workload.id} AND w."organizationId" = ${workload.organizationId}`;
  const row = rows[0];
  if (!row) throw notFound("Workload");
  return row;
}
