import type { DailyAmount } from "./burn-down";
import { utcDay } from "./burn-down";
import { divideHalfEven } from "./money";

/** The consumption rate is read from this many most recent UTC days (today included). */
export const CONSUMPTION_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
/** Past this, a date is not a forecast any more (and would not fit a Date). */
const MAX_PROJECTION_MS = 1_000n * 365n * BigInt(DAY_MS);

export type ExhaustionOutcome =
  /** Consumption has already reached the budget. */
  | { kind: "exhausted" }
  /** Nothing was consumed in the window: no rate to project from. */
  | { kind: "idle" }
  /** At the recent rate the budget is used up on this date, before the programme ends. */
  | { kind: "projected"; date: Date }
  /** At the recent rate the budget lasts beyond the programme's end (its last award's end). */
  | { kind: "notBeforeEnd" };

export interface ExhaustionProjection {
  /** First UTC day of the window the rate is read from, and its length in days. */
  windowFrom: string;
  windowDays: number;
  recentConsumedMinor: bigint;
  /** The rate, per day, rounded half to even (the projection itself uses the exact fraction). */
  ratePerDayMinor: bigint;
  remainingMinor: bigint;
  endsAt: Date | null;
  outcome: ExhaustionOutcome;
}

/**
 * Pure: when the budget runs out if consumption goes on at its recent rate — the consumption of
 * the last `windowDays` UTC days (fewer when the programme's first award became valid more recently), divided
 * by those days. `endsAt` is when the programme's last award ends: consumption stops there, so a
 * date after it is no exhaustion at all.
 */
export function projectExhaustion(input: {
  budgetMinor: bigint;
  consumed: readonly DailyAmount[];
  /** The first day consumption could happen (the first award's first valid day); null before any award. */
  firstDay: string | null;
  endsAt: Date | null;
  now: Date;
  windowDays?: number;
}): ExhaustionProjection {
  const today = utcDay(input.now);
  const full = input.windowDays ?? CONSUMPTION_WINDOW_DAYS;
  const earliest = utcDay(new Date(Date.parse(`${today}T00:00:00Z`) - (full - 1) * DAY_MS));
  const windowFrom =
    input.firstDay && input.firstDay > earliest && input.firstDay <= today
      ? input.firstDay
      : earliest;
  const windowDays =
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${windowFrom}T00:00:00Z`)) / DAY_MS + 1;
  const recent = input.consumed
    .filter((row) => row.day >= windowFrom && row.day <= today)
    .reduce((sum, row) => sum + row.amountMinor, 0n);
  const consumed = input.consumed.reduce((sum, row) => sum + row.amountMinor, 0n);
  const remaining = input.budgetMinor - consumed;
  const base = {
    windowFrom,
    windowDays,
    recentConsumedMinor: recent,
    ratePerDayMinor: divideHalfEven(recent, BigInt(windowDays)),
    remainingMinor: remaining > 0n ? remaining : 0n,
    endsAt: input.endsAt,
  };
  if (remaining <= 0n) return { ...base, outcome: { kind: "exhausted" } };
  if (recent <= 0n) return { ...base, outcome: { kind: "idle" } };
  // remaining ÷ (recent ÷ window) days, rounded up to the millisecond: never early.
  const numerator = remaining * BigInt(windowDays) * BigInt(DAY_MS);
  const ms = (numerator + recent - 1n) / recent;
  const past = input.endsAt ? BigInt(input.endsAt.getTime() - input.now.getTime()) : null;
  if ((past !== null && ms > past) || ms > MAX_PROJECTION_MS) {
    return { ...base, outcome: { kind: "notBeforeEnd" } };
  }
  return {
    ...base,
    outcome: { kind: "projected", date: new Date(input.now.getTime() + Number(ms)) },
  };
}
