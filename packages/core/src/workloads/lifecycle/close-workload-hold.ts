import type { ClosedHold } from "../../quota/close-hold";
import type { QuotaClient } from "../../quota/quota-client";
import { releaseHold } from "../../quota/release-hold";
import { settleHold } from "../../quota/settle-hold";
import type { LockedWorkload } from "./lock-workload";
import type { Settlement } from "./settlement";

/**
 * Settles or releases the workload's hold inside the caller's transaction. A workload without a
 * hold (none was placed) has nothing to close.
 */
export async function closeWorkloadHold(
  tx: QuotaClient,
  workload: Pick<LockedWorkload, "organizationId" | "holdId">,
  settlement: Settlement,
): Promise<ClosedHold | null> {
  if (!workload.holdId) return null;
  if (settlement.kind === "release") {
    return releaseHold(tx, { organizationId: workload.organizationId, holdId: workload.holdId });
  }
  return settleHold(tx, {
    organizationId: workload.organizationId,
    holdId: workload.holdId,
    actualUnitSeconds: settlement.unitSeconds,
  });
}
