import type { DailyAmount } from "./burn-down";
import { utcDay } from "./burn-down";
import { divideHalfEven } from "./money";

/** The consumption rate is read from this many most recent UTC days (today included). */
export const CONSUMPTION_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
/** Past this, a date is not a forecast any more (and would not fit a Date). */
const MAX_PROJECTION_MS = 1_000n * 365n * BigInt(DAY_MS);

/** Under this much consumption history no rate is given: minutes do not make a daily pace. */
export const MIN_RATE_HISTORY_MS = 3_600_000;

export type ExhaustionOutcome =
  /** Consumption has already reached the budget. */
  | { kind: "exhausted" }
  /** Nothing has been consumed on the programme's awards at all: no rate, no projection. */
  | { kind: "nothingConsumed" }
  /** Consumption could start less than MIN_RATE_HISTORY_MS ago: too early for a rate. */
  | { kind: "tooEarly" }
  /** Nothing was consumed in the window: no rate to project from. */
  | { kind: "idle" }
  /** At the recent rate the budget is used up on this date, before the programme ends. */
  | { kind: "projected"; date: Date }
  /** At the recent rate the budget lasts beyond the programme's end (its last award's end). */
  | { kind: "notBeforeEnd" };

export interface ExhaustionProjection {
  /** First UTC day of the window the rate is read from. */
  windowFrom: string;
  /** The time the window covers: from its start (or when consumption could start) to now. */
  elapsedMs: number;
  /** Whether that is the whole window: false while consumption could start only after its start. */
  fullWindow: boolean;
  recentConsumedMinor: bigint;
  /**
   * The rate, per day: the window's consumption over the time elapsed in it, rounded half to
   * even (the projection itself uses the exact fraction); 0 when it is too early for a rate.
   */
  ratePerDayMinor: bigint;
  remainingMinor: bigint;
  endsAt: Date | null;
  outcome: ExhaustionOutcome;
}

/**
 * Pure: when the budget runs out if consumption goes on at its recent rate — the consumption of
 * the last `windowDays` UTC days (today's so far included), divided by the time that has actually
 * passed in them: from the window's first midnight, or from `startedAt` when consumption could
 * only start later, to now. A window that began minutes ago is minutes long, not a day. Under
 * MIN_RATE_HISTORY_MS of history the outcome is `tooEarly`; with nothing consumed at all it is
 * `nothingConsumed`, however long the awards have run. `endsAt` is when the programme ends:
 * consumption stops there, so a date after it is no exhaustion at all.
 */
export function projectExhaustion(input: {
  budgetMinor: bigint;
  consumed: readonly DailyAmount[];
  /**
   * When consumption could first happen (the first award's validity, or the first usage's day if
   * earlier); null before any award.
   */
  startedAt: Date | null;
  endsAt: Date | null;
  now: Date;
  windowDays?: number;
}): ExhaustionProjection {
  const today = utcDay(input.now);
  const full = input.windowDays ?? CONSUMPTION_WINDOW_DAYS;
  const windowStart = Date.parse(`${today}T00:00:00Z`) - (full - 1) * DAY_MS;
  const from = Math.max(windowStart, input.startedAt?.getTime() ?? windowStart);
  const windowFrom = utcDay(new Date(Math.min(from, input.now.getTime())));
  const elapsedMs = Math.max(0, input.now.getTime() - from);
  const recent = input.consumed
    .filter((row) => row.day >= windowFrom && row.day <= today)
    .reduce((sum, row) => sum + row.amountMinor, 0n);
  const consumed = input.consumed.reduce((sum, row) => sum + row.amountMinor, 0n);
  const remaining = input.budgetMinor - consumed;
  const tooEarly = elapsedMs < MIN_RATE_HISTORY_MS;
  const base = {
    windowFrom,
    elapsedMs,
    fullWindow: from === windowStart,
    recentConsumedMinor: recent,
    ratePerDayMinor: tooEarly ? 0n : divideHalfEven(recent * BigInt(DAY_MS), BigInt(elapsedMs)),
    remainingMinor: remaining > 0n ? remaining : 0n,
    endsAt: input.endsAt,
  };
  if (remaining <= 0n) return { ...base, outcome: { kind: "exhausted" } };
  if (consumed <= 0n) return { ...base, outcome: { kind: "nothingConsumed" } };
  if (tooEarly) return { ...base, outcome: { kind: "tooEarly" } };
  if (recent <= 0n) return { ...base, outcome: { kind: "idle" } };
  // remaining ÷ (recent ÷ elapsed), rounded up to the millisecond: never early.
  const numerator = remaining * BigInt(elapsedMs);
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
