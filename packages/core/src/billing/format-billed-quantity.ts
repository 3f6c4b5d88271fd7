import { pricedUnitsName, type MeteredClass } from "../catalogue/metering-unit";

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

/**
 * A billed line's compute quantity, exact as it was priced (unit-hours to the thousandth) with no
 * trailing zeros and its unit written out: "12 GPU-hours", "3.029 GPU-hours", "1 GPU-hour".
 */
export function formatBilledUnitHours(unitHours: string, metered: MeteredClass): string {
  const figure = exactFigure(unitHours);
  return figure === "1" ? `1 ${metered.unit}-hour` : `${figure} ${pricedUnitsName(metered)}`;
}
