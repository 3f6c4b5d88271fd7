import { Prisma, rawQuery, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import { AUDIT_CHAIN_LINE, auditEventSql } from "../../audit/record-audit-event";
import type { BackendJob } from "../../compute/driver";
import { jobUsageSql } from "../../billing/record-job-usage";
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
import { planObservation, timelineEntryTime } from "./observation-plan";
import { jobUsageOf, settlementOfWorkload } from "./settlement";

/** A timestamp parameter as the Workload columns hold it (UTC, without a zone); null stays null. */
function utc(value: Date | null): Prisma.Sql {
  return value === null
    ? Prisma.sql`NULL::timestamp`
    : Prisma.sql`(${value.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** What a snapshot's fields are compared with: parameters, or the columns of an input row. */
interface SnapshotValues {
  id: Prisma.Sql;
  organizationId: Prisma.Sql;
  status: Prisma.Sql;
  externalId: Prisma.Sql;
  statusReason: Prisma.Sql;
  holdId: Prisma.Sql;
  /** Timestamp expressions as the Workload columns hold them (UTC, without a zone). */
  startedAt: Prisma.Sql;
  missingSince: Prisma.Sql;
  cancelRequestedAt: Prisma.Sql;
}

/**
 * The row (its columns under `row`, e.g. `w.`) is still as the tracker read it: every field the
 * plan was made from. A workload that changed since (another worker applied this very change, a
 * cancel was requested, the job was reported missing) does not match, and the change is decided
 * again under the row's lock.
 */
function unchangedAs(row: Prisma.Sql, read: SnapshotValues): Prisma.Sql {
  return Prisma.sql`
       ${row}"id" = ${read.id} AND ${row}"organizationId" = ${read.organizationId}
   AND ${row}"status" = ${read.status}::"WorkloadStatus"
   AND ${row}"externalId" = ${read.externalId}
   AND ${row}"statusReason" IS NOT DISTINCT FROM ${read.statusReason}
   AND ${row}"holdId" IS NOT DISTINCT FROM ${read.holdId}
   AND ${row}"startedAt" IS NOT DISTINCT FROM ${read.startedAt}
   AND ${row}"missingSince" IS NOT DISTINCT FROM ${read.missingSince}
   AND ${row}"cancelRequestedAt" IS NOT DISTINCT FROM ${read.cancelRequestedAt}`;
}

/** unchangedAs for one snapshot, its fields as parameters. */
function unchangedSince(snapshot: TrackedWorkload): Prisma.Sql {
  return unchangedAs(Prisma.empty, {
    id: Prisma.sql`${snapshot.id}`,
    organizationId: Prisma.sql`${snapshot.organizationId}`,
    status: Prisma.sql`${snapshot.status}`,
    externalId: Prisma.sql`${snapshot.externalId}`,
    statusReason: Prisma.sql`${snapshot.statusReason}::text`,
    holdId: Prisma.sql`${snapshot.holdId}::text`,
    startedAt: utc(snapshot.startedAt),
    missingSince: utc(snapshot.missingSince),
    cancelRequestedAt: utc(snapshot.cancelRequestedAt),
  });
}

/** unchangedAs for the rows of the batched statement's `input` (aliased `i`). */
const inputTimestamp = (column: string) =>
  Prisma.raw(`(i.${column}::timestamptz AT TIME ZONE 'UTC')`);
const UNCHANGED_AS_INPUT = unchangedAs(Prisma.raw("w."), {
  id: Prisma.raw("i.id"),
  organizationId: Prisma.raw("i.org"),
  status: Prisma.raw("i.status"),
  externalId: Prisma.raw("i.external_id"),
  statusReason: Prisma.raw("i.status_reason"),
  holdId: Prisma.raw("i.hold_id"),
  startedAt: inputTimestamp("started_at"),
  missingSince: inputTimestamp("missing_since"),
  cancelRequestedAt: inputTimestamp("cancel_requested_at"),
});

function timelineEntry(status: string, reason: string | null, message: string, at: Date) {
  return Prisma.sql`
    INSERT INTO "WorkloadEvent" ("organizationId", "workloadId", "status", "reason", "message",
                                 "createdAt")
    SELECT u."organizationId", u."id", ${status}::"WorkloadStatus", ${reason}::text,
           ${message}::text, ${utc(at)}
      FROM updated u`;
}

/** A timestamp as text for an array parameter: its UTC instant, or null. */
const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/**
 * Starts, requeues and new scheduler reasons of many workloads in one statement: each row is
 * written, with its timeline entry, only if it is still as the tracker read it (unchangedAs, row
 * by row) and no other transaction holds it. Returns the ids written; the
 * others are decided again under their row locks by the caller.
 */
async function progressAll(
  database: Database,
  items: { snapshot: TrackedWorkload; plan: ProgressPlan }[],
  now: Date,
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const column = <T>(pick: (item: (typeof items)[number]) => T) => items.map(pick);
  const rows = await rawQuery<{ id: string }>(
    database,
    Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((i) => i.snapshot.id)}::text[], ${column((i) => i.snapshot.organizationId)}::text[],
        ${column((i) => i.snapshot.status)}::text[], ${column((i) => i.snapshot.externalId)}::text[],
        ${column((i) => i.snapshot.statusReason)}::text[], ${column((i) => i.snapshot.holdId)}::text[],
        ${column((i) => iso(i.snapshot.startedAt))}::text[],
        ${column((i) => iso(i.snapshot.missingSince))}::text[],
        ${column((i) => iso(i.snapshot.cancelRequestedAt))}::text[],
        ${column((i) => i.plan.to)}::text[], ${column((i) => i.plan.reason)}::text[],
        ${column((i) => iso(i.plan.startedAt))}::text[],
        ${column((i) => progressMessage(i.snapshot.status, i.plan))}::text[],
        ${column((i) => timelineEntryTime(i.snapshot, i.plan, now).toISOString())}::text[]
      ) AS i(id, org, status, external_id, status_reason, hold_id, started_at, missing_since,
             cancel_requested_at, next_status, next_reason, next_started_at, message, entry_at)
    ), locked AS MATERIALIZED (
      -- A row another worker holds is skipped, not waited for: its change is decided again
      -- under its own lock, and two sweeps never wait on each other's rows in opposite orders.
      SELECT w."id"
        FROM "Workload" w JOIN input i ON w."id" = i.id
       WHERE ${UNCHANGED_AS_INPUT}
         FOR UPDATE OF w SKIP LOCKED
    ), updated AS (
      UPDATE "Workload" AS w
         SET "status" = i.next_status::"WorkloadStatus", "statusReason" = i.next_reason,
             "startedAt" = i.next_started_at::timestamptz AT TIME ZONE 'UTC',
             "missingSince" = NULL, "lastObservedAt" = ${utc(now)}, "updatedAt" = ${utc(now)}
        FROM input i, locked l
       WHERE w."id" = l."id" AND i.id = l."id"
      RETURNING w."id", w."organizationId", i.next_status, i.next_reason, i.message, i.entry_at
    ), event AS (
      INSERT INTO "WorkloadEvent" ("organizationId", "workloadId", "status", "reason", "message",
                                   "createdAt")
      SELECT u."organizationId", u."id", u.next_status::"WorkloadStatus", u.next_reason, u.message,
             u.entry_at::timestamptz AT TIME ZONE 'UTC'
        FROM updated u
    )
    SELECT "id" FROM updated`,
  );
  return new Set(rows.map((row) => row.id));
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
  // Metered in the same statement: the usage records exist exactly when the workload ended here.
  const usage = jobUsageOf(snapshot, settlement, plan, job.consumedEnergyMilliWh ?? null);
  const metering = usage ? Prisma.sql`, ${jobUsageSql(usage, "updated")}` : Prisma.empty;
  // The usage records take their organisation's invoice lock (shared) as they are written: that
  // happens before the chain's lock too, the order finalisation takes the two in.
  const metered = usage
    ? Prisma.sql`, (SELECT count(*) FROM usage) AS usage_written`
    : Prisma.empty;
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
      endMessage(plan, snapshot, settlement),
      timelineEntryTime(snapshot, plan, now),
    )})${closing}${metering}, done AS (
      SELECT u."id" FROM updated u,
             (SELECT count(*) FROM line) AS line_written, (SELECT count(*) FROM entry) AS entry_written
             ${metered}
    ), audit AS (${auditEventSql(SYSTEM_ACTOR, endAudit(snapshot, clusterCode, plan, settlement), "done")})
    SELECT u."id", (SELECT "unitSeconds" FROM hold) AS "closedUnitSeconds" FROM updated u`,
    AUDIT_CHAIN_LINE,
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

export interface Observation {
  snapshot: TrackedWorkload;
  job: BackendJob;
}

/**
 * Applies what the backend reports to tracked workloads as the tracker last read them. A new
 * state or scheduler reason, with its timeline entry, is written for all of them in one statement;
 * an end — timeline entry, the hold settled or released (settlementFor) and the audit event — in
 * one statement each. A write happens only if the row is still as it was read; when it is not
 * (another worker got there first, a cancel was requested meanwhile) or the change is a rarer
 * one, applyBackendObservation decides again under the row's lock. Either way each change is
 * applied once. Results come in the order of the observations.
 */
export async function applyObservations(
  database: Database,
  observations: readonly Observation[],
  options: { now?: Date; clusterCode: string },
): Promise<ObservationResult[]> {
  const now = options.now ?? new Date();
  const unchangedOf = (snapshot: TrackedWorkload): ObservationResult => ({
    workloadId: snapshot.id,
    changed: false,
    from: snapshot.status,
    status: snapshot.status,
    settlement: null,
  });
  const plans = observations.map(({ snapshot, job }) =>
    snapshot.externalId === job.externalId
      ? planObservation(snapshot, job, now)
      : ({ kind: "none" } as const),
  );
  const progressing = observations.flatMap(({ snapshot }, index) => {
    const plan = plans[index]!;
    return plan.kind === "progress" ? [{ snapshot, plan }] : [];
  });
  const progressed = await progressAll(database, progressing, now);

  const results: ObservationResult[] = [];
  for (const [index, { snapshot, job }] of observations.entries()) {
    const plan = plans[index]!;
    if (plan.kind === "none") {
      results.push(unchangedOf(snapshot));
      continue;
    }
    if (plan.kind === "progress" && progressed.has(snapshot.id)) {
      results.push({ ...unchangedOf(snapshot), changed: true, status: plan.to });
      continue;
    }
    if (plan.kind === "end") {
      const ended = await end(database, snapshot, job, plan, now, options.clusterCode);
      if (ended) {
        results.push(ended);
        continue;
      }
    }
    results.push(await applyBackendObservation(database, snapshot, job, { now }));
  }
  return results;
}

/** applyObservations for one workload. */
export async function applyObservation(
  database: Database,
  snapshot: TrackedWorkload,
  job: BackendJob,
  options: { now?: Date; clusterCode: string },
): Promise<ObservationResult> {
  const [result] = await applyObservations(database, [{ snapshot, job }], options);
  return result!;
}
