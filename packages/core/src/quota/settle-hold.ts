import { AppError } from "../errors";
import { closeHold, type ClosedHold } from "./close-hold";
import type { QuotaClient } from "./quota-client";

/**
 * Turns a hold into consumption: `actualUnitSeconds` (at most what was held) becomes consumed and
 * the rest is released. Settling a hold that is already closed changes nothing.
 */
export function settleHold(
  client: QuotaClient,
  input: {
    organizationId: string;
    holdId: string;
    actualUnitSeconds: number;
    actorId?: string | null;
  },
): Promise<ClosedHold> {
  if (!Number.isSafeInteger(input.actualUnitSeconds) || input.actualUnitSeconds < 0) {
    return Promise.reject(
      new AppError("INVALID", "Usage is a whole number of unit-seconds, zero or more."),
    );
  }
  return closeHold(client, {
    organizationId: input.organizationId,
    holdId: input.holdId,
    consumed: input.actualUnitSeconds,
    actorId: input.actorId,
  });
}
