/**
 * Pure: quota as people read it — unit-seconds shown as hours of the class's unit ("16 GPU-hours",
 * "1 GPU-hour", "168.982 GPU-hours", "0.400 CPU core-hours"), exact to the thousandth as an invoice
 * line prices it (unitHoursOf), so that a form, Allocations, the dashboard and the bill read one
 * quantity the same way. One unit for every amount, large or small, so that figures shown side by
 * side (granted, held, used, left) compare at a glance; a non-zero amount below half a thousandth
 * reads "less than 0.001 GPU-hours", never 0. Stored and computed amounts stay integer
 * unit-seconds; this is only for what people read.
 */

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
 * Unit-hours to the thousandth ("1234.500") as people read them, by one rule for every page: a
 * whole amount without decimals ("1,234"), any other with all three ("1,234.500", "0.260"), so
 * that one quantity never reads "0.26" on one page and "0.256" on another.
 */
export function unitHoursFigure(decimal: string): string {
  const negative = decimal.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  if (/^0*$/.test(fraction)) return exactFigure(negative ? `-${whole}` : whole);
  return `${negative ? "-" : ""}${exactFigure(whole)}.${fraction.padEnd(3, "0").slice(0, 3)}`;
}

/** Unit-seconds as whole thousandths of an hour, rounded half up (never negative input). */
export function thousandthsOfHour(unitSeconds: bigint): bigint {
  return (unitSeconds * 1000n + 1_800n) / 3_600n;
}

/** Unit-hours with three decimals (from integer unit-seconds), rounded half up. */
export function unitHoursOf(unitSeconds: bigint): string {
  const negative = unitSeconds < 0n;
  const thousandths = thousandthsOfHour(negative ? -unitSeconds : unitSeconds);
  const text = `${thousandths / 1000n}.${String(thousandths % 1000n).padStart(3, "0")}`;
  return negative ? `-${text}` : text;
}

/** Whole thousandths of an hour of the unit, as people read them: 168_982n → "168.982 GPU-hours". */
export function formatThousandthsOfHour(thousandths: bigint, unit: string): string {
  const amount = thousandths > 0n ? thousandths : 0n;
  const figure = unitHoursFigure(`${amount / 1000n}.${String(amount % 1000n).padStart(3, "0")}`);
  return `${figure} ${unit}-hour${figure === "1" ? "" : "s"}`;
}

/** Never negative: a ledger that went below zero is shown as nothing left. */
export function formatUnitHours(unitSeconds: number | bigint, unit: string): string {
  const seconds = typeof unitSeconds === "bigint" ? unitSeconds : BigInt(Math.round(unitSeconds));
  const amount = seconds > 0n ? seconds : 0n;
  const thousandths = thousandthsOfHour(amount);
  if (amount > 0n && thousandths === 0n) return `less than 0.001 ${unit}-hours`;
  return formatThousandthsOfHour(thousandths, unit);
}

/**
 * Parts of a whole as people read them listed under it ("what holds 18.350 GPU-hours"), each
 * rounded on its own to the thousandth of an hour as its own page reads it (formatUnitHours): null
 * when they add up, read, to the whole read; otherwise what they add up to, to be said beside them
 * ("18.351 GPU-hours"), since three holds of 0.1166… hours each read 0.117 but 0.350 together.
 */
export function unitHourPartsTotal(
  parts: readonly (number | bigint)[],
  unit: string,
): string | null {
  const seconds = parts.map((part) => {
    const amount = typeof part === "bigint" ? part : BigInt(Math.round(part));
    return amount > 0n ? amount : 0n;
  });
  const whole = thousandthsOfHour(seconds.reduce((sum, amount) => sum + amount, 0n));
  const read = seconds.reduce((sum, amount) => sum + thousandthsOfHour(amount), 0n);
  return read === whole ? null : formatThousandthsOfHour(read, unit);
}
