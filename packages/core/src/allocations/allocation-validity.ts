export type AllocationState = "UPCOMING" | "ACTIVE" | "EXPIRED";

export const EXPIRES_SOON_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * Pure: an allocation is valid on [validFrom, validTo). `expiresSoon` flags an active allocation
 * that ends within 14 days, so people plan their remaining work.
 */
export function allocationValidity(
  allocation: { validFrom: Date; validTo: Date },
  now: Date,
): { state: AllocationState; expiresSoon: boolean } {
  if (now.getTime() < allocation.validFrom.getTime())
    return { state: "UPCOMING", expiresSoon: false };
  if (now.getTime() >= allocation.validTo.getTime())
    return { state: "EXPIRED", expiresSoon: false };
  return {
    state: "ACTIVE",
    expiresSoon: allocation.validTo.getTime() - now.getTime() <= EXPIRES_SOON_DAYS * DAY_MS,
  };
}
