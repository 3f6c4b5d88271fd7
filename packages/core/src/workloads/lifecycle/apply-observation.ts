import { Prisma, rawQuery, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import { auditEventSql } from "../../audit/record-audit-event";
import type { BackendJob } from "../../compute/driver";
import { closeHoldSql } from "../../quota/close-hold";
import { applyBackendObservation, type ObservationResult } from "./apply-backend-observation";
import type { TrackedWorkload } from "./list-tracked-workloads";
import {
  consumedBy,
  endAudit,
  endMessage,
  progressMessage,
  type EndPlan,
  type ProgressPlan,
} from "./observation-messages";
import { planObservation } from "./observation-plan";
import { settlementOfWorkload } from "./settlement";

/** A timestamp parameter as the Workload columns hold it (UTC, without a zone); null stays null. */
function utc(value: Date | null): Prisma.Sql {
  return value === null
    ? Prisma.sql`NULL::timestamp`
    : Prisma.sql`(${value.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/**
 * The row is still as the tracker read it: every field the plan was made from. A workload that
 * changed since (another worker applied this very change, a cancel was requested, the job was
 * reported missing) does not match, and the change is decided again under the row's lock.
 */
function unchangedSince(snapshot: TrackedWorkload): Prisma.Sql {
  return Prisma.sql`
       "id" = ${snapshot.id} AND "organizationId" = ${snapshot.organizationId}
   AND "status" = ${snapshot.status}::"WorkloadStatus"
   AND "externalId" = ${snapshot.externalId}
   AND "statusReason" IS NOT DISTINCT FROM ${snapshot.statusReason}::text
   AND "holdId" IS NOT DISTINCT FROM ${snapshot.holdId}::text
   AND "startedAt" IS NOT DISTINCT FROM ${utc(snapshot.startedAt)}
   AND "missingSince" IS NOT DISTINCT FROM ${utc(snapshot.missingSince)}
   AND "cancelRequestedAt" IS NOT DISTINCT FROM ${utc(snapshot.cancelRequestedAt)}`;
}

function timelineEntry(status: string, reason: string | null, message: string, now: Date) {
  return Prisma.sql`
    INSERT INTO "WorkloadEvent" ("organizationId", "workloadId", "status", "reason", "message",
                                 "createdAt")
    SELECT u."organizationId", u."id", ${status}::"WorkloadStatus", ${reason}::text,
           ${message}::text, ${utc(now)}
      FROM updated u`;
}

async function progress(
  database: Database,
  snapshot: TrackedWorkload,
  plan: ProgressPlan,
  now: Date,
): Promise<boolean> {
  const rows = await rawQuery<{ id: string }>(
    database,
    Prisma.sql`
    WITH updated AS (
      UPDATE "Workload"
         SET "status" = ${plan.to}::"WorkloadStatus", "statusReason" = ${plan.reason}::text,
             "startedAt" = ${utc(plan.startedAt)}, "missingSince" = NULL,
             "lastObservedAt" = ${utc(now)}, "updatedAt" = ${utc(now)}
       WHERE ${unchangedSince(snapshot)}
      RETURNING "id", "organizationId"
    ), event AS (${timelineEntry(plan.to, plan.reason, progressMessage(snapshot.status, plan), now)})
    SELECT "id" FROM updated`,
  );
  return rows.length === 1;
}

async function end(
  database: Database,
  snapshot: TrackedWorkload,
  job: BackendJob,
  plan: EndPlan,
  now: Date,
  clusterCode: string,
): Promise<ObservationResult | null> {
  const settlement = settlementOfWorkload(snapshot, job);
  const consumed = consumedBy(settlement);
  const closing = snapshot.holdId
    ? Prisma.sql`, ${closeHoldSql(
        {
          organizationId: snapshot.organizationId,
          holdId: snapshot.holdId,
          consumed: settlement.kind === "settle" ? settlement.unitSeconds : null,
        },
        "updated",
      )}`
    : Prisma.sql`, hold AS (SELECT NULL::bigint AS "unitSeconds" WHERE false),
                   line AS (SELECT 1 WHERE false), entry AS (SELECT 1 WHERE false)`;
  // The audit append waits for "done": the workload, its hold and the line are written (and
  // locked) before the chain's lock is taken, the order every writer of the chain keeps.
  const rows = await rawQuery<{ id: string; closedUnitSeconds: bigint | null }>(
    database,
    Prisma.sql`
    WITH updated AS (
      UPDATE "Workload"
         SET "status" = ${plan.to}::"WorkloadStatus", "statusReason" = ${plan.reason}::text,
             "exitCode" = ${plan.exitCode}::int, "startedAt" = ${utc(plan.startedAt)},
             "endedAt" = ${utc(plan.endedAt)}, "consumedUnitSeconds" = ${consumed}::bigint,
             "missingSince" = NULL, "lastObservedAt" = ${utc(now)}, "updatedAt" = ${utc(now)}
       WHERE ${unchangedSince(snapshot)}
      RETURNING "id", "organizationId"
    ), event AS (${timelineEntry(
      plan.to,
      plan.reason,
      endMessage(plan, snapshot.heldUnitSeconds, settlement),
      now,
    )})${closing}, done AS (
      SELECT u."id" FROM updated u,
             (SELECT count(*) FROM line) AS line_written, (SELECT count(*) FROM entry) AS entry_written
    ), audit AS (${auditEventSql(SYSTEM_ACTOR, endAudit(snapshot, clusterCode, plan, settlement), "done")})
    SELECT u."id", (SELECT "unitSeconds" FROM hold) AS "closedUnitSeconds" FROM updated u`,
  );
  const row = rows[0];
  if (!row) return null;
  const held = row.closedUnitSeconds;
  return {
    workloadId: snapshot.id,
    changed: true,
    from: snapshot.status,
    status: plan.to,
    settlement: {
      settledUnitSeconds: held === null ? 0 : Number(consumed),
      releasedUnitSeconds: held === null ? 0 : Number(held - consumed),
    },
  };
}

/**
 * Applies what the backend reports to a tracked workload as the tracker last read it, in one
 * statement: a new state or scheduler reason with its timeline entry; an end with its timeline
 * entry, the hold settled or released (settlementFor) and the audit event. The statement writes
 * only if the row is still as it was read; when it is not (another worker got there first, a
 * cancel was requested meanwhile) or the change is a rarer one, applyBackendObservation decides
 * again under the row's lock. Either way each change is applied once.
 */
export async function applyObservation(
  database: Database,
  snapshot: TrackedWorkload,
  job: BackendJob,
  options: { now?: Date; clusterCode: string },
): Promise<ObservationResult> {
  const now = options.now ?? new Date();
  const unchanged: ObservationResult = {
    workloadId: snapshot.id,
    changed: false,
    from: snapshot.status,
    status: snapshot.status,
    settlement: null,
  };
  if (snapshot.externalId !== job.externalId) return unchanged;
  const plan = planObservation(snapshot, job, now);
  if (plan.kind === "none") return unchanged;
  if (plan.kind === "progress" && (await progress(database, snapshot, plan, now))) {
    return { ...unchanged, changed: true, status: plan.to };
  }
  if (plan.kind === "end") {
    const ended = await end(database, snapshot, job, plan, now, options.clusterCode);
    if (ended) return ended;
  }
  return applyBackendObservation(database, snapshot, job, { now });
}
