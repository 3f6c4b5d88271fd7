import { tenantScoped, type Database } from "@tessera/db";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { addWorkloadEvent } from "./add-workload-event";
import { lockWorkload, type WorkloadRef } from "./lock-workload";
import { isLiveStatus } from "./workload-states";

/**
 * Notes that the backend no longer reports a tracked workload's job. The first call starts the
 * grace period (missingSince) and says so in the timeline; later calls change nothing. The job
 * reappearing clears it (applyBackendObservation); markWorkloadLost ends it after the grace.
 */
export async function markWorkloadMissing(
  database: Database,
  workload: WorkloadRef,
  input: { graceSeconds: number; now?: Date },
): Promise<{ changed: boolean; missingSince: Date | null }> {
  const now = input.now ?? new Date();
  return tenantScoped(database, workload.organizationId).$transaction(
    async (tx: TenantTransaction) => {
      const current = await lockWorkload(tx, workload);
      if (!isLiveStatus(current.status) || current.missingSince) {
        return { changed: false, missingSince: current.missingSince };
      }
      const updated = await tx.workload.updateMany({
        where: { id: current.id, status: current.status, missingSince: null },
        data: { missingSince: now },
      });
      if (updated.count !== 1) return { changed: false, missingSince: null };
      await addWorkloadEvent(tx, {
        workload: current,
        status: current.status,
        reason: current.statusReason,
        message: `The cluster no longer reports job ${current.externalId ?? "?"}; it will be marked lost if it does not reappear within ${input.graceSeconds} s.`,
      });
      return { changed: true, missingSince: now };
    },
    TX_OPTIONS,
  );
}
