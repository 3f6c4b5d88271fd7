import type { OrganizationKind } from "@tessera/db";

/** The ledger's currency: the de minimis ceiling and every gross grant equivalent are euros. */
export const STATE_AID_CURRENCY = "EUR";

/** Award dates are calendar days where the programmes are run. */
export const STATE_AID_TIME_ZONE = "Europe/Brussels";

/** Kinds that are always undertakings; academic institutions and public bodies only when they act economically. */
const ALWAYS_UNDERTAKINGS: readonly OrganizationKind[] = ["STARTUP", "SME", "ENTERPRISE"];

export interface UndertakingFacts {
  kind: OrganizationKind;
  actsEconomically: boolean;
}

/**
 * Pure: whether an organisation is an undertaking for state-aid purposes, i.e. whether its awards
 * are de minimis aid. Startups, SMEs and enterprises always are; a university or public body only
 * when it acts economically (offers goods or services on a market), which a platform
 * administrator records on the organisation.
 */
export function isUndertaking(organization: UndertakingFacts): boolean {
  return ALWAYS_UNDERTAKINGS.includes(organization.kind) || organization.actsEconomically;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Pure: a "YYYY-MM-DD" calendar day that exists (no 30 February), or null. */
export function parseDay(value: string): string | null {
  const match = DAY_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? value
    : null;
}

/** Pure: the calendar day an instant falls on in Brussels, as "YYYY-MM-DD". */
export function stateAidDay(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: STATE_AID_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** A "YYYY-MM-DD" day as the Date Prisma reads and writes for a `@db.Date` column (UTC midnight). */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A `@db.Date` value back to "YYYY-MM-DD". */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export interface RollingWindow {
  /** The window starts after this day (exclusive): the same day three years earlier. */
  after: string;
  /** …and ends on this day (inclusive): the award date. */
  through: string;
}

/**
 * Pure: the rolling three-year window that ends on `day` — aid granted after the same calendar
 * day three years earlier, up to and including `day` (so an award on 5 December 2026 counts aid
 * from 6 December 2023). A 29 February looks back to 28 February.
 */
export function threeYearWindow(day: string): RollingWindow {
  const parsed = parseDay(day);
  if (!parsed) throw new RangeError(`not a calendar day: ${day}`);
  const [year, month, date] = parsed.split("-").map(Number) as [number, number, number];
  const start = new Date(Date.UTC(year - 3, month - 1, date));
  // 29 February three years back does not exist: Date would roll it to 1 March.
  if (start.getUTCMonth() !== month - 1) start.setUTCDate(0);
  return { after: dateToDay(start), through: parsed };
}

/** Pure: whether a day falls inside a window. Days compare as text ("YYYY-MM-DD"). */
export function inWindow(day: string, window: RollingWindow): boolean {
  return day > window.after && day <= window.through;
}
