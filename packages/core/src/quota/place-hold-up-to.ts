import { AppError } from "../errors";
import { placeHold, type PlaceHoldInput, type PlacedHold } from "./place-hold";
import type { QuotaClient } from "./quota-client";

/** How many times a hold is tried again, smaller, before the line counts as busy. */
const ATTEMPTS = 3;

/**
 * Places a hold of `unitSeconds` or, when the line has less left, of what it has left: a refusal
 * for quota says what remains, and the hold is tried again at that size (others' holds come and
 * go, so a few times). The database still decides each attempt (placeHold).
 *
 * Throws placeHold's refusal when the line has nothing left or cannot be held from (reason
 * QUOTA with nothing remaining, NOT_STARTED, EXPIRED); returns undefined when other holds took
 * what was left every time (the line is busy).
 */
export async function placeHoldUpTo(
  client: QuotaClient,
  input: PlaceHoldInput,
): Promise<PlacedHold | undefined> {
  let unitSeconds = input.unitSeconds;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      return await placeHold(client, { ...input, unitSeconds });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "PRECONDITION_FAILED") throw error;
      const details = error.details as { reason?: string; remainingUnitSeconds?: number };
      const remaining = details.remainingUnitSeconds ?? 0;
      if (details.reason !== "QUOTA" || remaining <= 0) throw error;
      unitSeconds = Math.min(unitSeconds, remaining);
    }
  }
  return undefined;
}
