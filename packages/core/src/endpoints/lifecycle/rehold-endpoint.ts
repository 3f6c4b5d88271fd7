import type { Actor } from "../../actor";
import { recordEndpointUsage } from "../../billing/record-endpoint-usage";
import { placeHold } from "../../quota/place-hold";
import { settleHold } from "../../quota/settle-hold";
import type { TenantTransaction } from "../../tenancy/tenant-access";
import { endpointHoldReference, endpointHoldUnitSeconds } from "../endpoint-rules";
import { accruedUnitSeconds } from "./accrued-unit-seconds";
import type { LockedEndpoint } from "./lock-endpoint";

export interface Rehold {
  /** What the new hold covers (0 when the endpoint now holds nothing). */
  heldUnitSeconds: number;
  /** What the closed hold turned into consumption (the replica-seconds observed in its window). */
  settledUnitSeconds: number;
}

/**
 * Sizes the endpoint's quota to `replicas`, in the caller's transaction: the current hold (if any)
 * is settled to the replica-seconds observed in its window up to `now` (and metered for billing, as a usage
 * record of the window) and the rest released, then a new hold
 * of replicas × units × lease window is placed — or none at zero replicas: scaled to zero, an
 * endpoint holds nothing. The new hold is admitted by the database (placeHold's conditional
 * UPDATE); a refusal throws the shortfall and the caller's transaction, settlement included, is
 * rolled back.
 */
export async function reholdEndpoint(
  tx: TenantTransaction,
  endpoint: LockedEndpoint,
  replicas: number,
  actor: Actor,
  now: Date,
): Promise<Rehold> {
  let settledUnitSeconds = 0;
  if (endpoint.holdId) {
    // The window runs to `now`: the replicas last seen ready ran on since the last observation,
    // for as long as the draft counts them (accruedUnitSeconds: not past a silent cluster's last
    // word); the next window counts from `now`, so no second is counted twice.
    const counted = endpoint.observedUnitSeconds + accruedUnitSeconds(endpoint, now);
    const observed = counted < endpoint.heldUnitSeconds ? counted : endpoint.heldUnitSeconds;
    // What the window consumed is what the invoice charges: metered in the same transaction,
    // before the hold is closed (the order a finished job is metered and settled in: the usage
    // record takes the organisation's invoice lock, then the line's row lock is taken).
    await recordEndpointUsage(tx, {
      endpointId: endpoint.id,
      organizationId: endpoint.organizationId,
      generation: endpoint.holdGeneration,
      from: endpoint.leaseStartedAt ?? now,
      to: now,
      unitSeconds: Number(observed),
    });
    const closed = await settleHold(tx, {
      organizationId: endpoint.organizationId,
      holdId: endpoint.holdId,
      actualUnitSeconds: Number(observed),
      actorId: actor.userId,
    });
    settledUnitSeconds = closed.settledUnitSeconds;
  }
  const consumed = (endpoint.consumedUnitSeconds ?? 0n) + BigInt(settledUnitSeconds);
  if (replicas === 0) {
    await tx.workload.update({
      where: { id: endpoint.id },
      data: { holdId: null, heldUnitSeconds: 0n, consumedUnitSeconds: consumed },
    });
    await tx.endpoint.update({
      where: { workloadId: endpoint.id },
      data: { leaseStartedAt: null, observedUnitSeconds: 0n },
    });
    return { heldUnitSeconds: 0, settledUnitSeconds };
  }
  const generation = endpoint.holdGeneration + 1;
  const unitSeconds = endpointHoldUnitSeconds(replicas, endpoint.quantity, endpoint.leaseSeconds);
  const hold = await placeHold(tx, {
    organizationId: endpoint.organizationId,
    allocationLineId: endpoint.allocationLineId,
    unitSeconds,
    reference: endpointHoldReference(endpoint.id, generation),
    actorId: actor.userId,
  });
  await tx.workload.update({
    where: { id: endpoint.id },
    data: {
      holdId: hold.holdId,
      heldUnitSeconds: BigInt(unitSeconds),
      consumedUnitSeconds: consumed,
    },
  });
  await tx.endpoint.update({
    where: { workloadId: endpoint.id },
    data: { leaseStartedAt: now, observedUnitSeconds: 0n, holdGeneration: generation },
  });
  return { heldUnitSeconds: unitSeconds, settledUnitSeconds };
}
