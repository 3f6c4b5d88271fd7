import { LineChart, type Stroke } from "@/components/line-chart";
import { formatDate, tg, tp } from "@/i18n";
import { projectedDays } from "./burn-down-projection";
import { formatMoney } from "./format";
import type { BudgetProjection, BurnDownPoint } from "./types";

const STROKES = {
  awarded: { className: "stroke-accent", strokeWidth: 3 },
  consumed: { className: "stroke-success-fg", strokeWidth: 3, strokeDasharray: "2 3" },
  projected: { className: "stroke-warning-fg", strokeWidth: 2, strokeDasharray: "1 5" },
  budget: { className: "stroke-danger", strokeWidth: 2, strokeDasharray: "6 4" },
} as const satisfies Record<string, Stroke>;

function dayLabel(day: string): string {
  return formatDate(new Date(`${day}T00:00:00Z`));
}

/** The projection's outcome in one sentence, for the chart's label and the figures beside it. */
export function projectionOutcome(projection: BudgetProjection): string {
  const p = tg.projection;
  switch (projection.outcome.kind) {
    case "projected":
      return p.projected(formatDate(projection.outcome.date));
    case "notBeforeEnd":
      return p.notBeforeEnd;
    case "exhausted":
      return p.exhausted;
    default:
      return p.idle(projection.windowDays);
  }
}

/**
 * Awarded and consumed programme share over time against the budget, as a line chart, with the
 * consumption projected forward at the recent rate. The figures beside it (in the page) hold the
 * same numbers.
 */
export function BurnDownChart({
  points,
  budgetMinor,
  currency,
  projection,
}: {
  points: readonly BurnDownPoint[];
  budgetMinor: number;
  currency: string;
  projection: BudgetProjection;
}) {
  // Before its first day the programme had awarded nothing: a single day still draws as a rise.
  const drawn =
    points.length === 1 && points[0]
      ? [{ ...points[0], awardedMinor: 0, consumedMinor: 0 }, points[0]]
      : points;
  const last = points[points.length - 1];
  const future = last ? projectedDays(last, projection, budgetMinor) : [];
  const gap = future.map(() => null);
  const peak = Math.max(budgetMinor, ...points.map((p) => p.awardedMinor));
  const label = tg.projection.chart(
    formatMoney(last?.awardedMinor ?? 0, currency),
    formatMoney(last?.consumedMinor ?? 0, currency),
    formatMoney(budgetMinor, currency),
    projectionOutcome(projection),
  );
  const endDay = future.at(-1)?.day ?? (last && points.length > 1 ? last.day : null);
  return (
    <LineChart
      label={label}
      peak={peak}
      series={[
        {
          label: tp.dashboard.legendAwarded,
          values: [...drawn.map((p) => p.awardedMinor), ...gap],
          stroke: STROKES.awarded,
        },
        {
          label: tp.dashboard.legendConsumed,
          values: [...drawn.map((p) => p.consumedMinor), ...gap],
          stroke: STROKES.consumed,
        },
        ...(future.length > 0
          ? [
              {
                label: tg.projection.legend,
                values: [
                  ...drawn.map((_, index) =>
                    index === drawn.length - 1 ? (last?.consumedMinor ?? 0) : null,
                  ),
                  ...future.map((f) => f.value),
                ],
                stroke: STROKES.projected,
              },
            ]
          : []),
      ]}
      level={{ value: budgetMinor, label: tp.dashboard.legendBudget, stroke: STROKES.budget }}
      topLabel={formatMoney(peak, currency)}
      startLabel={points[0] ? dayLabel(points[0].day) : ""}
      endLabel={endDay ? dayLabel(endDay) : ""}
    />
  );
}
