import type { WorkloadStatus } from "@tessera/db";
import type { Actor } from "../actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, notFound } from "../errors";
import type { TenantAccess } from "../tenancy/tenant-access";
import { TX_OPTIONS } from "../transaction";
import { actorName } from "./actor-name";
import { ACTIVE_WORKLOAD_STATUSES } from "./workload-limits";

/**
 * Asks the worker tier to cancel a job. Records the request and an outbox event in one
 * transaction; the worker cancels it on the cluster (or, if it never got there, closes it) and
 * releases or settles its hold. Asking twice changes nothing the second time.
 */
export async function requestWorkloadCancel(
  tenant: TenantAccess,
  actor: Actor,
  workloadId: string,
): Promise<{ id: string; status: WorkloadStatus; cancelRequestedAt: Date | null }> {
  return tenant.db.$transaction(async (tx) => {
    const workload = await tx.workload.findFirst({
      where: { id: workloadId, kind: "TRAINING_JOB" },
      select: { id: true, status: true, cancelRequestedAt: true, name: true },
    });
    if (!workload) throw notFound("Job");
    if (workload.cancelRequestedAt) return workload;
    const now = new Date();
    const updated = await tx.workload.updateMany({
      where: {
        id: workloadId,
        cancelRequestedAt: null,
        status: { in: [...ACTIVE_WORKLOAD_STATUSES] },
      },
      data: { cancelRequestedAt: now, cancelRequestedById: actor.userId },
    });
    if (updated.count === 0) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `This job has already ended (${workload.status.toLowerCase()}); there is nothing to cancel.`,
      );
    }
    await tx.workloadEvent.create({
      data: {
        organizationId: tenant.organization.id,
        workloadId,
        status: workload.status,
        reason: "CancelRequested",
        message: `Cancellation requested by ${await actorName(tx, actor)}.`,
        // The instant stored as the workload's cancelRequestedAt, not the transaction's start.
        createdAt: now,
      },
    });
    await tx.outboxEvent.create({
      data: { type: "workload.cancel", aggregateId: workloadId, payload: { workloadId } },
    });
    await recordAuditEvent(tx, actor, {
      action: "workload.cancel_requested",
      organizationId: tenant.organization.id,
      targetType: "Workload",
      targetId: workloadId,
      data: { name: workload.name, status: workload.status },
    });
    return { id: workloadId, status: workload.status, cancelRequestedAt: now };
  }, TX_OPTIONS);
}
