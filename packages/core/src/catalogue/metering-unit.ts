/**
 * Pure: what a resource class counts in. Compute classes (GPU, MIG, CPU) count unit-seconds and
 * are priced per unit-hour; a TOKENS class (a shared model tier) counts tokens and is priced per
 * million tokens. The quota ledger, allocation lines and holds store one integer for both — the
 * class's ledger units — so every conversion between that integer and what people read or pay
 * goes through here.
 *
 * Three quantities, one per place they live:
 * - ledger units: unit-seconds or tokens (allocation lines, holds, usage);
 * - priced units: unit-hours or millions of tokens, what a price is per and what an application
 *   asks for in whole numbers (AllocationRequestLine.unitHours);
 * - the price: integer minor units per priced unit (listPriceMinorPerHour).
 */
export type MeteredKind = "GPU" | "MIG" | "CPU" | "TOKENS";

/** A resource class as far as its figures are concerned: its kind and its countable unit. */
export interface MeteredClass {
  kind: MeteredKind;
  /** "GPU", "MIG slice", "CPU core"; "token" for a TOKENS class. */
  unit: string;
}

export const SECONDS_PER_UNIT_HOUR = 3_600;
export const TOKENS_PER_PRICED_UNIT = 1_000_000;

/** Ledger units in one priced unit: 3,600 unit-seconds in a unit-hour, 1,000,000 tokens in a million. */
export function ledgerUnitsPerPricedUnit(kind: MeteredKind): number {
  return kind === "TOKENS" ? TOKENS_PER_PRICED_UNIT : SECONDS_PER_UNIT_HOUR;
}

export function countsTokens(kind: MeteredKind): boolean {
  return kind === "TOKENS";
}

/** Whole priced units (hours, millions of tokens) as ledger units (unit-seconds, tokens), exactly. */
export function pricedUnitsToLedger(pricedUnits: number | bigint, kind: MeteredKind): bigint {
  return BigInt(pricedUnits) * BigInt(ledgerUnitsPerPricedUnit(kind));
}

/** What one priced unit is called: "GPU-hour", "CPU core-hour"; "million tokens". */
export function pricedUnitName(metered: MeteredClass): string {
  return countsTokens(metered.kind) ? "million tokens" : `${metered.unit}-hour`;
}

/** What several priced units are called: "GPU-hours"; "million tokens". */
export function pricedUnitsName(metered: MeteredClass): string {
  return countsTokens(metered.kind) ? "million tokens" : `${metered.unit}-hours`;
}
