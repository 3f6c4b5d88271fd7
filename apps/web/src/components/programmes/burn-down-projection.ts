import type { BudgetProjection, BurnDownPoint } from "./types";

const DAY_MS = 86_400_000;
/** The projection is drawn at most this far ahead, so that the past stays legible. */
export const MAX_PROJECTED_DAYS = 730;

/**
 * The days after the last point up to when the projection ends — the exhaustion date, or the
 * programme's end when the budget outlasts it — with the consumption the recent rate reaches on
 * each, never above the budget. For drawing only: the exact figures are printed beside the chart.
 */
export function projectedDays(
  last: Pick<BurnDownPoint, "day" | "consumedMinor">,
  projection: Pick<BudgetProjection, "outcome" | "endsAt" | "recentConsumedMinor" | "windowDays">,
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
  const count = Math.min(MAX_PROJECTED_DAYS, Math.ceil((horizon.getTime() - start) / DAY_MS));
  const perDay = projection.recentConsumedMinor / projection.windowDays;
  return Array.from({ length: Math.max(0, count) }, (_, index) => ({
    day: new Date(start + (index + 1) * DAY_MS).toISOString().slice(0, 10),
    value: Math.min(budgetMinor, last.consumedMinor + perDay * (index + 1)),
  }));
}
