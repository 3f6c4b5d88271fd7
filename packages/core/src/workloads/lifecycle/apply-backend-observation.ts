import { tenantScoped, type Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { BackendJob } from "../../compute/driver";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { recordJobUsage } from "../../billing/record-job-usage";
import { addWorkloadEvent } from "./add-workload-event";
import { closeWorkloadHold } from "./close-workload-hold";
import { lockWorkload, type LockedWorkload, type WorkloadRef } from "./lock-workload";
import {
  consumedBy,
  endAudit,
  endMessage,
  progressMessage,
  type EndPlan,
} from "./observation-messages";
import { planObservation, timelineEntryTime } from "./observation-plan";
import { jobUsageOf, settlementOfWorkload } from "./settlement";
import { LIVE_STATUSES, type WorkloadTransition } from "./workload-states";

export interface ObservationResult extends WorkloadTransition {
  /** What the hold became when the job ended; null otherwise. */
  settlement: { settledUnitSeconds: number; releasedUnitSeconds: number } | null;
}

async function applyEnd(
  tx: TenantTransaction,
  current: LockedWorkload,
  job: BackendJob,
  plan: EndPlan,
  now: Date,
): Promise<ObservationResult | null> {
  const settlement = settlementOfWorkload(current, job);
  const consumed = consumedBy(settlement);
  const updated = await tx.workload.updateMany({
    where: { id: current.id, status: { in: [...LIVE_STATUSES] } },
    data: {
      status: plan.to,
      statusReason: plan.reason,
      exitCode: plan.exitCode,
      startedAt: plan.startedAt,
      endedAt: plan.endedAt,
      consumedUnitSeconds: consumed,
      missingSince: null,
      lastObservedAt: now,
    },
  });
  if (updated.count !== 1) return null;
  await addWorkloadEvent(tx, {
    workload: current,
    status: plan.to,
    reason: plan.reason,
    message: endMessage(plan, current, settlement),
    at: timelineEntryTime(current, plan, now),
  });
  const usage = jobUsageOf(current, settlement, plan, job.consumedEnergyMilliWh ?? null);
  if (usage) await recordJobUsage(tx, usage);
  const cluster = await tx.cluster.findUniqueOrThrow({
    where: { id: current.clusterId },
    select: { code: true },
  });
  // Closing the hold takes the allocation line's row lock until commit, and submits to the line
  // queue on it: it comes last but the audit append, so the lock is held for that and the commit.
  const closed = await closeWorkloadHold(tx, current, settlement);
  await recordAuditEvent(tx, SYSTEM_ACTOR, endAudit(current, cluster.code, plan, settlement));
  return {
    workloadId: current.id,
    changed: true,
    from: current.status,
    status: plan.to,
    settlement: {
      settledUnitSeconds: closed?.settledUnitSeconds ?? 0,
      releasedUnitSeconds: closed?.releasedUnitSeconds ?? 0,
    },
  };
}

/**
 * Brings a tracked workload in line with what the backend reports about its job, in one
 * transaction: a new state or scheduler reason is stored with a timeline entry (nothing is
 * written when neither changed); an ended job settles the hold — min(held, elapsed × quantity)
 * when it ran, a full release when it never started — records exit code, consumption and end
 * time, and audits workload.completed, .failed or .cancelled. Safe to call from several workers
 * at once: the row lock and the conditional update apply each change once.
 */
export async function applyBackendObservation(
  database: Database,
  workload: WorkloadRef,
  job: BackendJob,
  options: { now?: Date } = {},
): Promise<ObservationResult> {
  const now = options.now ?? new Date();
  return tenantScoped(database, workload.organizationId).$transaction(
    async (tx: TenantTransaction) => {
      const current = await lockWorkload(tx, workload);
      const unchanged: ObservationResult = {
        workloadId: current.id,
        changed: false,
        from: current.status,
        status: current.status,
        settlement: null,
      };
      // An observation of another job (a stale or duplicate one) says nothing about this workload.
      if (current.externalId !== job.externalId) return unchanged;
      const plan = planObservation(current, job, now);
      if (plan.kind === "none") return unchanged;
      if (plan.kind === "found") {
        await tx.workload.updateMany({
          where: { id: current.id, status: current.status },
          data: { missingSince: null, lastObservedAt: now },
        });
        await addWorkloadEvent(tx, {
          workload: current,
          status: current.status,
          reason: current.statusReason,
          message: "The cluster reports this job again.",
        });
        return unchanged;
      }
      if (plan.kind === "progress") {
        const updated = await tx.workload.updateMany({
          where: { id: current.id, status: { in: [...LIVE_STATUSES] } },
          data: {
            status: plan.to,
            statusReason: plan.reason,
            startedAt: plan.startedAt,
            missingSince: null,
            lastObservedAt: now,
          },
        });
        if (updated.count !== 1) return unchanged;
        await addWorkloadEvent(tx, {
          workload: current,
          status: plan.to,
          reason: plan.reason,
          message: progressMessage(current.status, plan),
          at: timelineEntryTime(current, plan, now),
        });
        return { ...unchanged, changed: true, status: plan.to };
      }
      return (await applyEnd(tx, current, job, plan, now)) ?? unchanged;
    },
    TX_OPTIONS,
  );
}
