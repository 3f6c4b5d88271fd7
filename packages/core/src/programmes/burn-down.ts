import { AppError } from "../errors";
import { toSafeNumber } from "./money";

export interface DailyAmount {
  /** UTC day, "YYYY-MM-DD". */
  day: string;
  amountMinor: bigint;
}

export interface BurnDownPoint {
  /** UTC day, "YYYY-MM-DD". */
  day: string;
  /** Programme share awarded up to and including this day. */
  awardedMinor: number;
  /** Programme share of consumption (settled or accruing) that started up to and including this day. */
  consumedMinor: number;
  /** Budget not yet awarded at the end of this day. */
  unawardedMinor: number;
  /** Awarded but not yet consumed at the end of this day. */
  committedMinor: number;
}

export const MAX_BURN_DOWN_DAYS = 1_100;
const DAY_MS = 86_400_000;

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Pure: cumulative awarded and consumed per UTC day from `from` to `to` (both inclusive). Amounts
 * dated before `from` count towards the first day, so the series starts at the true totals. A
 * period of a single day starts the day before (with what stood at its end), so that the series
 * always has a start and an end to draw between.
 */
export function buildBurnDown(input: {
  budgetMinor: bigint;
  awarded: readonly DailyAmount[];
  consumed: readonly DailyAmount[];
  from: Date;
  to: Date;
}): BurnDownPoint[] {
  const start = Date.parse(`${utcDay(input.from)}T00:00:00Z`);
  const last = Date.parse(`${utcDay(input.to)}T00:00:00Z`);
  if (last < start)
    throw new AppError("INVALID", "The end of the period must not be before its start.");
  const first = last === start ? start - DAY_MS : start;
  const days = (last - first) / DAY_MS + 1;
  if (days > MAX_BURN_DOWN_DAYS) {
    throw new AppError("INVALID", `Choose a period of at most ${MAX_BURN_DOWN_DAYS} days.`);
  }
  const sumUpTo = (amounts: readonly DailyAmount[]) => {
    const sorted = [...amounts].sort((a, b) => a.day.localeCompare(b.day));
    let index = 0;
    let total = 0n;
    return (day: string) => {
      while (index < sorted.length && sorted[index]!.day <= day)
        total += sorted[index++]!.amountMinor;
      return total;
    };
  };
  const awardedBy = sumUpTo(input.awarded);
  const consumedBy = sumUpTo(input.consumed);
  const points: BurnDownPoint[] = [];
  for (let i = 0; i < days; i += 1) {
    const day = utcDay(new Date(first + i * DAY_MS));
    const awarded = awardedBy(day);
    const consumed = consumedBy(day);
    points.push({
      day,
      awardedMinor: toSafeNumber(awarded),
      consumedMinor: toSafeNumber(consumed),
      unawardedMinor: toSafeNumber(input.budgetMinor - awarded),
      committedMinor: toSafeNumber(awarded - consumed),
    });
  }
  return points;
}
