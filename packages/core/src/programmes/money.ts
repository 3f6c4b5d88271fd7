import { AppError } from "../errors";

/**
 * Integer division rounded half to even ("banker's rounding"): an exact half goes to the even
 * neighbour, so rounding many lines does not drift upwards. Works on bigint so that products
 * such as unit-seconds × price × basis points never lose precision.
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) {
    quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/** A bigint that must fit a JavaScript number exactly (money and quantities leave the domain as numbers). */
export function toSafeNumber(value: bigint, what = "amount"): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    throw new AppError("INVALID", `The ${what} is too large for Tessera to handle.`);
  }
  return number;
}

/** Digits after the decimal point of a currency's minor unit (EUR 2, JPY 0). */
export function minorUnitDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en-GB", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Formats integer minor units exactly, e.g. 123456 EUR → "€1,234.56". */
export function formatMoney(minor: number | bigint, currency: string): string {
  const digits = minorUnitDigits(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const magnitude = (negative ? -value : value).toString().padStart(digits + 1, "0");
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = digits ? `.${magnitude.slice(magnitude.length - digits)}` : "";
  // A decimal string keeps the exact value: no float ever holds the amount.
  const decimal = `${negative ? "-" : ""}${whole}${fraction}` as `${number}`;
  return new Intl.NumberFormat("en-GB", {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
  }).format(decimal);
}
