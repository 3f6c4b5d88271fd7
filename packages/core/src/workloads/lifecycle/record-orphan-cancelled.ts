import type { Database } from "@tessera/db";
import { SYSTEM_ACTOR } from "../../actor";
import { recordAuditEvent } from "../../audit/record-audit-event";
import { TX_OPTIONS } from "../../transaction";

export type OrphanReason = "no_workload" | "workload_ended" | "duplicate";

/**
 * Audits that the reconciler cancelled a backend job no live workload owns: the workload does not
 * exist, has already ended, or is bound to another job (a duplicate submit).
 */
export async function recordOrphanCancelled(
  database: Database,
  input: {
    clusterId: string;
    clusterCode: string;
    externalId: string;
    workloadId: string | null;
    reason: OrphanReason;
  },
): Promise<void> {
  await database.$transaction(async (tx) => {
    const workload = input.workloadId
      ? await tx.workload.findUnique({
          where: { id: input.workloadId },
          select: { organizationId: true, status: true, externalId: true },
        })
      : null;
    await recordAuditEvent(tx, SYSTEM_ACTOR, {
      action: "workload.orphan_cancelled",
      organizationId: workload?.organizationId ?? null,
      targetType: "Workload",
      targetId: input.workloadId,
      data: {
        cluster: input.clusterCode,
        clusterId: input.clusterId,
        externalId: input.externalId,
        reason: input.reason,
        workloadStatus: workload?.status ?? null,
        workloadExternalId: workload?.externalId ?? null,
      },
    });
  }, TX_OPTIONS);
}
