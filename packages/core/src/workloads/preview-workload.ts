import { loadPricesInForce } from "../catalogue/load-prices-in-force";
import { notFound } from "../errors";
import { toSafeNumber } from "../programmes/money";
import { priceQuantity } from "../programmes/pricing";
import { quotaShortfallMessage } from "../quota/quota-shortfall-message";
import type { TenantAccess } from "../tenancy/tenant-access";
import { resolveWorkloadRequest, type WorkloadShape } from "./resolve-workload-request";

export interface WorkloadPreview {
  holdUnitSeconds: number;
  remainingUnitSeconds: number;
  remainingAfterUnitSeconds: number;
  fits: boolean;
  shortfallUnitSeconds: number;
  /** The refusal a submit would meet, word for word (null when the hold fits). */
  shortfallMessage: string | null;
  placement: {
    clusterId: string;
    clusterCode: string;
    clusterName: string;
    jurisdiction: string;
    kind: string;
    reason: string;
    /**
     * Units of the class not taken there now by running or queued work (its own jobs' and
     * endpoints', every organisation's); fewer than the job asks for means it waits its turn.
     */
    free: number | null;
    /** The units the job asks for, beside `free`. */
    wanted: number;
  } | null;
  placementProblem: string | null;
  /** Whether only the project's data rules stand in the way (the submit names the project). */
  placementRefusedForData: boolean;
  /**
   * What the hold is worth at the class's price in force now (what the job's usage is billed at,
   * as the form options and the endpoint deploy form price it; the allocation line's own price
   * when the catalogue has none), and who pays it at the award's rate, by the one pricing rule.
   */
  cost: {
    currency: string;
    listPriceMinorPerHour: number;
    subsidyRateBps: number;
    listValueMinor: number;
    programmeShareMinor: number;
    tenantShareMinor: number;
  };
}

/**
 * What a job would hold and where it would land, before it is submitted. Read-only: the numbers
 * are a forecast; submitWorkload decides again inside its transaction.
 */
export async function previewWorkload(
  tenant: TenantAccess,
  shape: WorkloadShape,
  now: Date = new Date(),
): Promise<WorkloadPreview> {
  const resolved = await resolveWorkloadRequest(tenant.db, tenant.organization.id, shape);
  const { line, holdUnitSeconds, placement } = resolved;
  const award = await tenant.db.allocation.findFirst({
    where: { id: line.allocationId },
    select: {
      currency: true,
      subsidyRateBps: true,
      lines: { where: { id: line.id }, select: { listPriceMinorPerHour: true } },
    },
  });
  const grantedPriceMinorPerHour = award?.lines[0]?.listPriceMinorPerHour;
  if (!award || grantedPriceMinorPerHour === undefined) throw notFound("Allocation");
  // Usage is billed at the catalogue price in force when it runs, not the price the award was
  // valued at: the preview prices the hold with the former, as getWorkloadFormOptions does.
  const inForce = (await loadPricesInForce(tenant.db, [resolved.resourceClass.id], now)).get(
    resolved.resourceClass.id,
  );
  const listPriceMinorPerHour = inForce?.minorPerUnitHour ?? grantedPriceMinorPerHour;
  const remaining = toSafeNumber(
    line.grantedUnitSeconds - line.heldUnitSeconds - line.consumedUnitSeconds,
    "quota",
  );
  const chosen = placement.chosen;
  return {
    holdUnitSeconds,
    remainingUnitSeconds: remaining,
    remainingAfterUnitSeconds: remaining - holdUnitSeconds,
    fits: holdUnitSeconds <= remaining,
    shortfallUnitSeconds: Math.max(0, holdUnitSeconds - remaining),
    shortfallMessage:
      holdUnitSeconds <= remaining
        ? null
        : quotaShortfallMessage(holdUnitSeconds, remaining, resolved.resourceClass.unit),
    placement: chosen
      ? {
          clusterId: chosen.clusterId,
          clusterCode: chosen.clusterCode,
          clusterName: chosen.clusterName,
          jurisdiction: chosen.jurisdiction,
          kind: chosen.kind,
          reason: placement.reason,
          free: chosen.free,
          wanted: shape.quantity,
        }
      : null,
    placementProblem: chosen ? null : placement.reason,
    placementRefusedForData: placement.refusedForData === true,
    cost: {
      currency: inForce?.currency ?? award.currency,
      listPriceMinorPerHour,
      subsidyRateBps: award.subsidyRateBps,
      ...priceQuantity(
        holdUnitSeconds,
        listPriceMinorPerHour,
        award.subsidyRateBps,
        resolved.resourceClass.kind,
      ),
    },
  };
}
