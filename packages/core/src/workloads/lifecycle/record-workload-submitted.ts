import { Prisma, rawBatchQuery, type Database, type RawBatch } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import {
  AUDIT_CHAIN_LINE,
  auditEventsSql,
  type GatedAuditEvent,
} from "../../audit/record-audit-event";
import { AppError, notFound } from "../../errors";
import { TX_OPTIONS } from "../../transaction";
import { lockWorkload, type WorkloadRef } from "./lock-workload";
import type { WorkloadTransition } from "./workload-states";
import { LAUNCH_BATCH_LINGER_MS } from "./launch-batches";

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
 * changed the row — shared with the launches that queued behind the last one in this process
 * (SUBMITTED below). Raw SQL, so the organisation is written out in the UPDATE's condition. The
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
  const changed = await rawBatchQuery(database, SUBMITTED, {
    workload,
    cluster,
    externalId,
    at: new Date().toISOString(),
  });
  if (!changed) {
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

interface SubmittedItem {
  workload: WorkloadRef;
  cluster: { id: string; code: string };
  externalId: string;
  /** When the launch handler recorded it (ISO). */
  at: string;
}

/**
 * The statement for one or several launches that wait in the audit chain's line together: the
 * conditional UPDATE of each workload (still ACCEPTED, this organisation, this cluster), its
 * timeline entry and its `workload.launched` event, each only for the rows the UPDATE changed.
 * A workload named twice in one batch is written for its first item only; the second finds it
 * SUBMITTED, as it would have one statement later.
 */
const SUBMITTED: RawBatch<SubmittedItem, { id: string }, boolean> = {
  key: "workload.submitted",
  line: AUDIT_CHAIN_LINE.line,
  lingerMs: LAUNCH_BATCH_LINGER_MS,
  statement(all) {
    const items = firstPerWorkload(all);
    const events: GatedAuditEvent[] = items.map((item) => ({
      actor: SYSTEM_ACTOR,
      key: item.workload.id,
      input: {
        action: "workload.launched",
        organizationId: item.workload.organizationId,
        targetType: "Workload",
        targetId: item.workload.id,
        data: {
          cluster: item.cluster.code,
          clusterId: item.cluster.id,
          externalId: item.externalId,
        },
      },
    }));
    return Prisma.sql`
    WITH RECURSIVE input AS (
      SELECT * FROM unnest(${items.map((item) => item.workload.id)}::text[],
                           ${items.map((item) => item.workload.organizationId)}::text[],
                           ${items.map((item) => item.cluster.id)}::text[],
                           ${items.map((item) => item.externalId)}::text[],
                           ${items.map((item) => item.at)}::text[])
        AS i("id", "organizationId", "clusterId", "externalId", "at")
    ), updated AS (
      UPDATE "Workload" AS w
         SET "status" = 'SUBMITTED'::"WorkloadStatus", "externalId" = i."externalId",
             "submittedAt" = i."at"::timestamptz AT TIME ZONE 'UTC', "statusReason" = NULL,
             "lastObservedAt" = i."at"::timestamptz AT TIME ZONE 'UTC', "missingSince" = NULL,
             "updatedAt" = i."at"::timestamptz AT TIME ZONE 'UTC'
        FROM input i
       WHERE w."id" = i."id" AND w."organizationId" = i."organizationId"
         AND w."clusterId" = i."clusterId" AND w."status" = 'ACCEPTED'::"WorkloadStatus"
      RETURNING w."id", w."organizationId", w."clusterId", i."externalId", i."at"
    ), event AS (
      INSERT INTO "WorkloadEvent" ("organizationId", "workloadId", "status", "reason", "message",
                                   "createdAt")
      SELECT u."organizationId", u."id", 'SUBMITTED'::"WorkloadStatus", NULL,
             'Submitted to ' || c."name" || ' as job ' || u."externalId" || '.',
             u."at"::timestamptz AT TIME ZONE 'UTC'
        FROM updated u JOIN "Cluster" c ON c."id" = u."clusterId"
    ), ${auditEventsSql(events, { cte: "updated", column: "id" })}
    SELECT "id" FROM updated`;
  },
  results(rows, all) {
    const written = new Set(rows.map((row) => row.id));
    const first = new Set(firstPerWorkload(all));
    return all.map((item) => first.has(item) && written.has(item.workload.id));
  },
};

function firstPerWorkload(items: SubmittedItem[]): SubmittedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.workload.id) && seen.add(item.workload.id));
}

async function clusterOf(database: Database, workload: WorkloadRef) {
  const rows = await database.$queryRaw<{ id: string; code: string }[]>`
    SELECT c."id", c."code" FROM "Workload" w JOIN "Cluster" c ON c."id" = w."clusterId"
     WHERE w."id" = ${workload.id} AND w."organizationId" = ${workload.organizationId}`;
  const row = rows[0];
  if (!row) throw notFound("Workload");
  return row;
}
