/**
 * Pure: a resource class's ledger and priced quantities as people read them, whatever the class
 * counts in (see catalogue/metering-unit.ts). Compute classes keep their hours ("16 GPU-hours");
 * a TOKENS class reads in tokens — exactly below a million ("250,000 tokens"), in millions to the
 * hundredth from a million on ("1.5 million tokens"), the unit its price is per.
 */
import {
  countsTokens,
  pricedUnitName,
  pricedUnitsName,
  TOKENS_PER_PRICED_UNIT,
  type MeteredClass,
} from "../catalogue/metering-unit";
import { formatUnitHours } from "./format-unit-hours";

// Made once: building a number format is far dearer than using one.
const WHOLE = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const HUNDREDTHS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const MILLION = BigInt(TOKENS_PER_PRICED_UNIT);

/**
 * 1 → "1 token"; 250_000 → "250,000 tokens"; 1_500_000 → "1.5 million tokens"; 2_000_000 →
 * "2 million tokens"; 1_999_770 → "1,999,770 tokens". Millions only where they are exact to the
 * hundredth (grants, round amounts); any other count exactly, so that 230 tokens spent of two
 * million never reads as "2 million tokens left".
 */
export function formatTokens(tokens: number | bigint): string {
  const count = BigInt(tokens) > 0n ? BigInt(tokens) : 0n;
  if (count < MILLION || count % (MILLION / 100n) !== 0n) {
    return `${WHOLE.format(count)} token${count === 1n ? "" : "s"}`;
  }
  // Whole millions and the rest apart, so that no count is too large for a float to hold.
  const millions = Number(count / MILLION) + Number(count % MILLION) / TOKENS_PER_PRICED_UNIT;
  return `${HUNDREDTHS.format(millions)} million tokens`;
}

/**
 * Ledger units (unit-seconds, or tokens) of a class: compute in unit-hours as formatUnitHours
 * writes them ("2 GPU-hours", "0.4 CPU core-hours"), tokens as formatTokens.
 */
export function formatLedgerQuantity(amount: number | bigint, metered: MeteredClass): string {
  if (countsTokens(metered.kind)) return formatTokens(amount);
  return formatUnitHours(amount, metered.unit);
}

/** Whole priced units as requested or granted: "1,000 GPU-hours"; "2 million tokens". */
export function formatPricedUnits(pricedUnits: number, metered: MeteredClass): string {
  if (countsTokens(metered.kind)) {
    return formatTokens(BigInt(pricedUnits) * MILLION);
  }
  return `${WHOLE.format(pricedUnits)} ${pricedUnitsName(metered)}`;
}

/** A formatted price with what it is per: "€2.95 per GPU-hour"; "€0.40 per million tokens". */
export function pricePer(price: string, metered: MeteredClass): string {
  return `${price} per ${pricedUnitName(metered)}`;
}
