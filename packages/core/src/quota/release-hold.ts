import { closeHold, type ClosedHold } from "./close-hold";
import type { QuotaClient } from "./quota-client";

/** Gives a whole hold back (a cancelled or failed launch). Releasing twice changes nothing. */
export function releaseHold(
  client: QuotaClient,
  input: { organizationId: string; holdId: string; actorId?: string | null },
): Promise<ClosedHold> {
  return closeHold(client, { ...input, consumed: null });
}
