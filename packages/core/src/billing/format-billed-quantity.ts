import { countsTokens, pricedUnitsName, type MeteredClass } from "../catalogue/metering-unit";
import { formatTokens } from "../quota/format-ledger-quantity";

// Made once: building a number format is far dearer than using one.
const GROUPED = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** An exact decimal ("1234.500", "-74") with its whole part grouped and no trailing zeros: "1,234.5". */
export function exactFigure(decimal: string): string {
  const negative = decimal.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const kept = fraction.replace(/0+$/, "");
  // The whole part as a bigint: a float would round a large figure.
  const text = `${GROUPED.format(BigInt(whole))}${kept ? `.${kept}` : ""}`;
  return negative && text !== "0" ? `-${text}` : text;
}

/** Unit-hours with three decimals (from integer unit-seconds), rounded half up. */
export function unitHoursOf(unitSeconds: bigint): string {
  const negative = unitSeconds < 0n;
  const text = unitHoursOfScaled(negative ? -unitSeconds : unitSeconds, 3_600n);
  return negative ? `-${text}` : text;
}

/** A non-negative amount divided by `per`, with three decimals, rounded half up. */
function unitHoursOfScaled(magnitude: bigint, per: bigint): string {
  const thousandths = (magnitude * 1000n + per / 2n) / per;
  return `${thousandths / 1000n}.${String(thousandths % 1000n).padStart(3, "0")}`;
}

/**
 * A billed line's compute quantity, exact as it was priced (unit-hours to the thousandth) with no
 * trailing zeros and its unit written out: "12 GPU-hours", "3.029 GPU-hours", "1 GPU-hour".
 */
export function formatBilledUnitHours(unitHours: string, metered: MeteredClass): string {
  const figure = exactFigure(unitHours);
  return figure === "1" ? `1 ${metered.unit}-hour` : `${figure} ${pricedUnitsName(metered)}`;
}

/**
 * Metered unit-seconds as an invoice line prices them: unit-hours exact to the thousandth, rounded
 * half up once from whole unit-seconds (unitHoursOf), so that the usage page, the dashboard and
 * the allocations read a quantity exactly as the invoice and its CSV do ("3.018 GPU-hours", never
 * "3.02" beside it). A non-zero amount below half a thousandth reads "less than 0.001 GPU-hours";
 * a ledger below zero reads as nothing.
 */
export function formatMeteredUnitHours(
  unitSeconds: number | bigint,
  metered: MeteredClass,
): string {
  const seconds = typeof unitSeconds === "bigint" ? unitSeconds : BigInt(Math.round(unitSeconds));
  const amount = seconds > 0n ? seconds : 0n;
  const text = formatBilledUnitHours(unitHoursOf(amount), metered);
  return amount > 0n && text.startsWith("0 ")
    ? `less than 0.001 ${pricedUnitsName(metered)}`
    : text;
}

/** Ledger units of a class as metered and billed: compute as formatMeteredUnitHours, tokens exactly. */
export function formatMeteredQuantity(amount: number | bigint, metered: MeteredClass): string {
  return countsTokens(metered.kind)
    ? formatTokens(amount)
    : formatMeteredUnitHours(amount, metered);
}
