/**
 * Formatting for money, rates and compute quantities, safe for client components (no server
 * imports). Money is integer minor units: it is turned into a decimal string, never a float.
 */
import { RATE_SUB_MINOR_DIGITS } from "@tessera/core/pricing";

const LOCALE = "en-GB";

const digitsCache = new Map<string, number>();

/** Digits after the decimal point of a currency's minor unit (EUR 2, JPY 0). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat(LOCALE, { style: "currency", currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

export interface MoneyFormat {
  /**
   * The amount is in 10^-n of a minor unit (3: thousandths, for a rate such as an hourly share),
   * shown with as many of those n further decimals as it needs: trailing zeros dropped, never
   * fewer than the currency's own (59_500 thousandths of a cent → "€0.595", 177_000 → "€1.77").
   */
  subMinorDigits?: number;
}

/** 123456 EUR → "€1,234.56"; exact, as the amount is turned into a decimal string, not a float. */
export function formatMoney(minor: number, currency: string, options: MoneyFormat = {}): string {
  const digits = minorDigits(currency);
  const scale = digits + (options.subMinorDigits ?? 0);
  const value = BigInt(Math.trunc(minor));
  const negative = value < 0n;
  const magnitude = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const whole = magnitude.slice(0, magnitude.length - scale);
  const fractionDigits = magnitude
    .slice(magnitude.length - scale)
    .replace(/0+$/, "")
    .padEnd(digits, "0");
  const fraction = fractionDigits ? `.${fractionDigits}` : "";
  const decimal = `${negative ? "-" : ""}${whole}${fraction}` as `${number}`;
  try {
    return new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: scale,
    }).format(decimal);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/**
 * A rate in thousandths of a minor unit (rateOf in @tessera/core/pricing) to the thousandth of a
 * cent it needs: 59_500 → "€0.595", 100_000 → "€1.00". Named apart from {@link formatRate}, which
 * is a subsidy rate in basis points.
 */
export function formatHourlyRate(milliMinor: number, currency: string): string {
  return formatMoney(milliMinor, currency, { subMinorDigits: RATE_SUB_MINOR_DIGITS });
}

/** The currency's symbol as people write it ("€" for EUR). */
export function currencySymbol(currency: string): string {
  try {
    const part = new Intl.NumberFormat(LOCALE, { style: "currency", currency })
      .formatToParts(0)
      .find((p) => p.type === "currency");
    return part?.value ?? currency;
  } catch {
    return currency;
  }
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Spaces people put between thousands or beside a currency sign (ordinary, no-break, narrow). */
const SPACE = "[ \\u00a0\\u202f]";

/** Why a typed amount cannot be taken, so that a form can say what to change. */
export type MoneyProblem = "empty" | "notANumber" | "tooManyDecimals" | "tooSmall" | "tooLarge";

export type MoneyReading =
  { minor: number; problem: null } | { minor: null; problem: MoneyProblem };

/**
 * Reads an amount typed by a person as integer minor units: digits, with thousands grouped by
 * commas or spaces in threes if at all ("1,234.56", "1 234.5", "1234"), at most the currency's
 * minor digits after a point, and the currency's sign or code before or after ("€90.00",
 * "90 EUR"), between `min` and `max` minor units. Otherwise says why not: "12.345" has too many
 * decimals; "-5" is below the minimum (as is "0" when `min` is 1); "1e5", "1.2.3", "12abc", "1,23",
 * ".5" and "12." are not numbers as people write amounts.
 */
export function readMoney(
  input: string,
  currency: string,
  { min = 0, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {},
): MoneyReading {
  const digits = minorDigits(currency);
  const sign = `(?:${[currencySymbol(currency), currency].map(escapeRegExp).join("|")})`;
  // Any number of decimals here, so that too many is told apart from not a number.
  const number = `(\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:${SPACE}\\d{3})+|\\d+)(?:\\.(\\d+))?`;
  const trimmed = input.trim();
  if (!trimmed) return { minor: null, problem: "empty" };
  // A minus (or a minus sign) before it all: a negative amount, said as such.
  const negative = /^[-\u2212]/.test(trimmed);
  const unsigned = negative ? trimmed.slice(1).trim() : trimmed;
  // The sign may stand before the amount ("€90.00") or after it ("90 EUR"), not on both sides.
  const match =
    new RegExp(`^${sign}?${SPACE}*${number}$`, "iu").exec(unsigned) ??
    new RegExp(`^${number}${SPACE}*${sign}$`, "iu").exec(unsigned);
  if (!match) return { minor: null, problem: "notANumber" };
  const decimals = match[2] ?? "";
  if (decimals.length > digits) return { minor: null, problem: "tooManyDecimals" };
  const value =
    BigInt(match[1]!.replace(/\D/g, "")) * 10n ** BigInt(digits) +
    BigInt(decimals.padEnd(digits, "0") || "0");
  const signed = negative ? -value : value;
  if (signed < BigInt(min)) return { minor: null, problem: "tooSmall" };
  if (signed > BigInt(Math.min(max, Number.MAX_SAFE_INTEGER))) {
    return { minor: null, problem: "tooLarge" };
  }
  return { minor: Number(signed), problem: null };
}

/** An amount typed into a form: its minor units, or the form's own message for what is wrong. */
export type MoneyEntry = { minor: number; error: null } | { minor: null; error: string };

/**
 * readMoney for a form: the amount, or the message the form gives for its problem, so that each
 * problem gets its own words ("at most two decimals", "at most €…") rather than one for all.
 */
export function readMoneyEntry(
  input: string,
  currency: string,
  limits: { min?: number; max?: number },
  messages: Record<MoneyProblem, string>,
): MoneyEntry {
  const reading = readMoney(input, currency, limits);
  return reading.problem === null
    ? { minor: reading.minor, error: null }
    : { minor: null, error: messages[reading.problem] };
}

/** Minor units as the plain decimal a person would type back ("2000000.00"). */
export function moneyInputValue(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const text = Math.trunc(minor)
    .toString()
    .padStart(digits + 1, "0");
  return digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
}

/** A whole number typed by a person ("1,000"); null when it is not one. */
export function parseWholeNumber(input: string): number | null {
  const cleaned = input.replace(/[\s,\u00a0\u202f]/g, "");
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return integerFormat.format(value);
}

/** Basis points as a percentage: 7000 → "70%". */
export function formatRate(bps: number): string {
  return `${percentFormat.format(bps / 100)}%`;
}

/** A share of a whole as a whole percentage for bars (0–100), safe for a zero whole. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.max(0, Math.min(100, (part / whole) * 100));
}

/** "2026-11-22" for a date input, read in UTC (the portal shows dates in UTC). */
export function dateInputValue(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A date input's value as midnight UTC of that day; null when empty or not a date. */
export function parseDateInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The end of a chosen day in UTC, i.e. midnight of the next day (periods and calls end exclusive). */
export function endOfDayUtc(date: Date): Date {
  return new Date(date.getTime() + 86_400_000);
}

/** "70" or "12.5" (per cent, at most two decimals) as basis points; null otherwise. */
export function parsePercentToBps(input: string): number | null {
  const cleaned = input.replace(/[\s%]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, "0") || "0");
  return bps <= 10_000 ? bps : null;
}

/** "2026-11-22T15:00" for a datetime-local input, in UTC (the portal's times are UTC). */
export function dateTimeInputValue(value: Date): string {
  return value.toISOString().slice(0, 16);
}

/** A datetime-local value read as UTC; null when empty or not a date and time. */
export function parseDateTimeInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}.000Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
