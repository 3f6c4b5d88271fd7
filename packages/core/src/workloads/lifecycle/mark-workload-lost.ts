import { tenantScoped, type Database } from "@tessera/db";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { endUnrunWorkload } from "./end-unrun-workload";
import { lockWorkload, type WorkloadRef } from "./lock-workload";
import { LIVE_STATUSES, type WorkloadTransition } from "./workload-states";

/**
 * A tracked workload whose job has been missing from the backend for longer than the grace period
 * → LOST: its hold is released (nothing can be metered for a job nobody can see) and the loss is
 * audited. Before the grace period has passed, or when the job was never reported missing,
 * nothing changes.
 */
export async function markWorkloadLost(
  database: Database,
  workload: WorkloadRef,
  input: { graceSeconds: number; now?: Date },
): Promise<WorkloadTransition> {
  const now = input.now ?? new Date();
  return tenantScoped(database, workload.organizationId).$transaction(
    async (tx: TenantTransaction) => {
      const current = await lockWorkload(tx, workload);
      const due =
        current.missingSince !== null &&
        now.getTime() - current.missingSince.getTime() >= input.graceSeconds * 1000;
      if (!due) {
        return {
          workloadId: current.id,
          changed: false,
          from: current.status,
          status: current.status,
        };
      }
      return endUnrunWorkload(tx, current, {
        from: LIVE_STATUSES,
        to: "LOST",
        reason: "The cluster no longer knows this job",
        message: `Job ${current.externalId ?? "?"} has been missing from the cluster since ${current.missingSince!.toISOString()}; marked lost.`,
        action: "workload.lost",
        data: {
          missingSince: current.missingSince!.toISOString(),
          graceSeconds: input.graceSeconds,
        },
        now,
      });
    },
    TX_OPTIONS,
  );
}
