import { AppError } from "../errors";
import { closeHold } from "./close-hold";
import { placeHoldUpTo } from "./place-hold-up-to";
import type { QuotaClient } from "./quota-client";

/** A gateway's token lease: a quota hold on an allocation line of tokens. */
export interface LeaseHold {
  organizationId: string;
  allocationLineId: string;
  holdId: string;
}

/**
 * Requests in flight when a lease's block ran out spent past it: what they overran is drawn from
 * the lease's line too, as far as the line has tokens left — a hold placed and consumed at once
 * (reference `lease-overrun:<lease>`), so the database still enforces held + consumed ≤ granted.
 * What the line cannot cover (or all of it, once the allocation has ended) was metered all the
 * same and is billed; it is only not drawn from the award. Returns the tokens drawn.
 *
 * The gateway draws it when it settles a lease, the worker's sweep when it settles a dead
 * gateway's lease (settleAbandonedLeases).
 */
export async function drawLeaseOverrun(
  client: QuotaClient,
  lease: LeaseHold,
  overrun: number,
): Promise<number> {
  if (overrun <= 0) return 0;
  let hold;
  try {
    hold = await placeHoldUpTo(client, {
      organizationId: lease.organizationId,
      allocationLineId: lease.allocationLineId,
      unitSeconds: overrun,
      reference: `lease-overrun:${lease.holdId}`,
      // Should the process die before closing it, the sweep releases it: nothing is metered on it.
      expiresAt: new Date(),
    });
  } catch (error) {
    // Nothing left on the line, or it cannot be held from any more.
    if (error instanceof AppError && error.code === "PRECONDITION_FAILED") return 0;
    throw error;
  }
  if (hold === undefined) return 0;
  const closed = await closeHold(client, {
    organizationId: lease.organizationId,
    holdId: hold.holdId,
    consumed: hold.unitSeconds,
  });
  return closed.changed ? closed.settledUnitSeconds : 0;
}
