/**
 * Pure: when a change of a class's list price needs a deliberate extra step beyond the usual
 * confirmation. Both the preview (which asks for it) and the update (which refuses without it)
 * read this one rule, so the form and the server never disagree.
 *
 * - TO_FREE: the new price is zero — jobs that start and lease windows that open on the class from now, and calls to a tier, are billed nothing.
 * - FROM_FREE: a free class starts being charged — everything started on it is billed from now.
 * - LARGE_CHANGE: the price is multiplied or divided by {@link LARGE_PRICE_FACTOR} or more — most
 *   likely a slip of a digit or of the decimal point.
 */
export type PriceChangeStep = "TO_FREE" | "FROM_FREE" | "LARGE_CHANGE";

export const LARGE_PRICE_FACTOR = 10;

export function priceChangeStep(fromMinor: number, toMinor: number): PriceChangeStep | null {
  if (fromMinor === toMinor) return null;
  if (toMinor === 0) return "TO_FREE";
  if (fromMinor === 0) return "FROM_FREE";
  const large =
    toMinor >= fromMinor * LARGE_PRICE_FACTOR || toMinor * LARGE_PRICE_FACTOR <= fromMinor;
  return large ? "LARGE_CHANGE" : null;
}
