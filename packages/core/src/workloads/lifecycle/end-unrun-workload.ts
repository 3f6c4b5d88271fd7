import type { WorkloadStatus } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { formatQuota } from "../format-usage";
import { addWorkloadEvent } from "./add-workload-event";
import { closeWorkloadHold } from "./close-workload-hold";
import type { LockedWorkload } from "./lock-workload";
import type { WorkloadTransition } from "./workload-states";

/**
 * Shared tail of the transitions that end a workload without settling usage (refused, cancelled
 * before submit, lost): a conditional UPDATE from the allowed states, the whole hold released,
 * a timeline entry and an audit event — inside the caller's transaction, after the row is locked.
 */
export async function endUnrunWorkload(
  tx: TenantTransaction,
  current: LockedWorkload,
  change: {
    from: readonly WorkloadStatus[];
    to: "REFUSED" | "CANCELLED" | "LOST";
    reason: string;
    message: string;
    action: "workload.refused" | "workload.cancelled" | "workload.lost";
    data?: Record<string, unknown>;
    now: Date;
  },
): Promise<WorkloadTransition> {
  const unchanged = {
    workloadId: current.id,
    changed: false,
    from: current.status,
    status: current.status,
  };
  if (!change.from.includes(current.status)) return unchanged;
  const updated = await tx.workload.updateMany({
    where: { id: current.id, status: { in: [...change.from] } },
    data: {
      status: change.to,
      statusReason: change.reason,
      endedAt: change.now,
      consumedUnitSeconds: 0n,
    },
  });
  if (updated.count !== 1) return unchanged;
  await closeWorkloadHold(tx, current, { kind: "release" });
  await addWorkloadEvent(tx, {
    workload: current,
    status: change.to,
    reason: change.reason,
    message: `${change.message} The hold of ${formatQuota(current.heldUnitSeconds, current.unit)} went back to the allocation.`,
    at: change.now,
  });
  await recordAuditEvent(tx, SYSTEM_ACTOR, {
    action: change.action,
    organizationId: current.organizationId,
    targetType: "Workload",
    targetId: current.id,
    data: {
      from: current.status,
      to: change.to,
      reason: change.reason,
      externalId: current.externalId,
      heldUnitSeconds: current.heldUnitSeconds.toString(),
      hold: "released",
      ...change.data,
    },
  });
  return { ...unchanged, changed: true, status: change.to };
}
