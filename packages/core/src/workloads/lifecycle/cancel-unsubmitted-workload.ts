import { tenantScoped, type Database } from "@tessera/db";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { endUnrunWorkload } from "./end-unrun-workload";
import { lockWorkload, type WorkloadRef } from "./lock-workload";
import type { WorkloadTransition } from "./workload-states";

/**
 * ACCEPTED with a cancel request → CANCELLED without ever reaching the backend; the whole hold is
 * released. A workload nobody asked to cancel, or one that is no longer ACCEPTED (it was submitted
 * first: the cancel goes to the backend instead), is left as it is.
 */
export async function cancelUnsubmittedWorkload(
  database: Database,
  workload: WorkloadRef,
): Promise<WorkloadTransition> {
  return tenantScoped(database, workload.organizationId).$transaction(
    async (tx: TenantTransaction) => {
      const current = await lockWorkload(tx, workload);
      if (!current.cancelRequestedAt) {
        return {
          workloadId: current.id,
          changed: false,
          from: current.status,
          status: current.status,
        };
      }
      return endUnrunWorkload(tx, current, {
        from: ["ACCEPTED"],
        to: "CANCELLED",
        reason: "Cancelled on request",
        message: "Cancelled before it was submitted to the cluster.",
        action: "workload.cancelled",
        now: new Date(),
      });
    },
    TX_OPTIONS,
  );
}
