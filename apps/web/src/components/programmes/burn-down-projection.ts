import type { BudgetProjection, BurnDownPoint } from "./types";

const DAY_MS = 86_400_000;
/** The projection is drawn at most this far ahead, so that the past stays legible. */
export const MAX_PROJECTED_DAYS = 730;

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The UTC days after the last point up to the day the projection ends — the day the budget runs
 * out, or the day the programme's last award ends when the budget outlasts it, the same day the
 * figures beside the chart name — with the consumption the recent rate reaches on each, never
 * above the budget (which it reaches on the day it runs out). For drawing only: the exact
 * figures are printed beside the chart.
 */
export function projectedDays(
  last: Pick<BurnDownPoint, "day" | "consumedMinor">,
  projection: Pick<BudgetProjection, "outcome" | "endsAt" | "recentConsumedMinor" | "elapsedMs">,
  budgetMinor: number,
): { day: string; value: number }[] {
  const outcome = projection.outcome;
  const horizon =
    outcome.kind === "projected"
      ? outcome.date
      : outcome.kind === "notBeforeEnd"
        ? projection.endsAt
        : null;
  if (!horizon) return [];
  const start = Date.parse(`${last.day}T00:00:00Z`);
  const end = Date.parse(`${utcDay(horizon)}T00:00:00Z`);
  const count = Math.min(MAX_PROJECTED_DAYS, Math.round((end - start) / DAY_MS));
  // The same rate as the figures: the window's consumption over the time elapsed in it.
  const perDay = (projection.recentConsumedMinor * DAY_MS) / projection.elapsedMs;
  return Array.from({ length: Math.max(0, count) }, (_, index) => {
    const runsOut = outcome.kind === "projected" && index === count - 1;
    return {
      day: utcDay(new Date(start + (index + 1) * DAY_MS)),
      value: runsOut
        ? budgetMinor
        : Math.min(budgetMinor, last.consumedMinor + perDay * (index + 1)),
    };
  });
}
