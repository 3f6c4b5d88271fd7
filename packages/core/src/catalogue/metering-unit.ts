/**
 * Pure: what a resource class counts in. Compute classes (GPU, MIG, CPU) count unit-seconds and
 * are priced per unit-hour; a TOKENS class (a shared model tier) counts tokens and is priced per
 * million tokens. The quota ledger, allocation lines and holds store one integer for both — the
 * class's ledger units — so every conversion between that integer and what people read or pay
 * goes through here.
 */
export type MeteredKind = "GPU" | "MIG" | "CPU" | "TOKENS";

export const SECONDS_PER_UNIT_HOUR = 3_600;
export const TOKENS_PER_PRICED_UNIT = 1_000_000;

/** Ledger units in one priced unit: 3,600 unit-seconds in a unit-hour, 1,000,000 tokens in a million. */
export function ledgerUnitsPerPricedUnit(kind: MeteredKind): number {
  return kind === "TOKENS" ? TOKENS_PER_PRICED_UNIT : SECONDS_PER_UNIT_HOUR;
}

export function countsTokens(kind: MeteredKind): boolean {
  return kind === "TOKENS";
}
