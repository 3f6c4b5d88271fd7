import { tenantScoped, type Database } from "@tessera/db";
import { AppError } from "../../errors";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { TX_OPTIONS } from "../../transaction";
import { endUnrunWorkload } from "./end-unrun-workload";
import { lockWorkload, type WorkloadRef } from "./lock-workload";
import type { WorkloadTransition } from "./workload-states";

/**
 * ACCEPTED → REFUSED: the backend will not take the job (a non-retryable driver error: unknown
 * account, bad partition, invalid script) or it cannot be placed at all. Nothing ran, so the whole
 * hold is released; the reason is shown to the user and audited as workload.refused.
 */
export async function refuseWorkload(
  database: Database,
  workload: WorkloadRef,
  input: { reason: string; detail?: Record<string, unknown> },
): Promise<WorkloadTransition> {
  const reason = input.reason.trim().slice(0, 500);
  if (!reason) throw new AppError("INVALID", "Say why the workload is refused.");
  return tenantScoped(database, workload.organizationId).$transaction(
    async (tx: TenantTransaction) => {
      const current = await lockWorkload(tx, workload);
      return endUnrunWorkload(tx, current, {
        from: ["ACCEPTED"],
        to: "REFUSED",
        reason,
        message: `The cluster refused the job: ${reason}`,
        action: "workload.refused",
        data: input.detail ? { detail: input.detail } : {},
        now: new Date(),
      });
    },
    TX_OPTIONS,
  );
}
