/**
 * Billing months ("YYYY-MM") in an organisation's time zone: the month a moment falls in, and the
 * instants a month starts and ends at.
 */
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isBillingPeriod(period: string): boolean {
  return PERIOD.test(period);
}

/**
 * One formatter per time zone, made once: making an Intl.DateTimeFormat costs far more than using
 * one, and the invoice run asks for the months of thousands of organisations in a few zones.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(instant: Date, timeZone: string) {
  const parts = formatterOf(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** The zone's offset from UTC at that instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The billing month a moment falls in. */
export function periodOf(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}`;
}

/** The instant local midnight of the 1st of (year, month) happens in the zone. */
function monthStart(year: number, month: number, timeZone: string): Date {
  const naive = Date.UTC(year, month - 1, 1);
  let guess = naive - offsetAt(new Date(naive), timeZone);
  // Once more: the offset at the guess may differ (a change of offset near midnight).
  guess = naive - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

/** Where a billing month starts and ends (exclusive) in the zone. */
export function periodBounds(period: string, timeZone: string): { start: Date; end: Date } {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Not a billing month: ${period}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  return {
    start: monthStart(year, month, timeZone),
    end: month === 12 ? monthStart(year + 1, 1, timeZone) : monthStart(year, month + 1, timeZone),
  };
}

/**
 * periodBounds that keeps its answers: for a run that asks for the same few months of thousands
 * of organisations (each answer costs several time-zone conversions).
 */
export function periodBoundsMemo(): (
  period: string,
  timeZone: string,
) => { start: Date; end: Date } {
  const known = new Map<string, { start: Date; end: Date }>();
  return (period, timeZone) => {
    const key = `${period} ${timeZone}`;
    let bounds = known.get(key);
    if (!bounds) {
      bounds = periodBounds(period, timeZone);
      known.set(key, bounds);
    }
    return bounds;
  };
}

/** The month after (or, with a negative step, before) a billing month. */
export function shiftPeriod(period: string, months: number): string {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Not a billing month: ${period}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
