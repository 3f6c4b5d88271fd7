import { LineChart, type Stroke } from "@/components/line-chart";
import { formatDate, tp } from "@/i18n";
import { formatMoney } from "./format";
import type { BurnDownPoint } from "./types";

const STROKES = {
  awarded: { className: "stroke-accent", strokeWidth: 3 },
  consumed: { className: "stroke-success-fg", strokeWidth: 3, strokeDasharray: "2 3" },
  budget: { className: "stroke-danger", strokeWidth: 2, strokeDasharray: "6 4" },
} as const satisfies Record<string, Stroke>;

function dayLabel(day: string): string {
  return formatDate(new Date(`${day}T00:00:00Z`));
}

/**
 * Awarded and consumed programme share over time against the budget, as a line chart. The table
 * after it (in the page) holds the same numbers.
 */
export function BurnDownChart({
  points,
  budgetMinor,
  currency,
}: {
  points: readonly BurnDownPoint[];
  budgetMinor: number;
  currency: string;
}) {
  // Before its first day the programme had awarded nothing: a single day still draws as a rise.
  const drawn =
    points.length === 1 && points[0]
      ? [{ ...points[0], awardedMinor: 0, consumedMinor: 0 }, points[0]]
      : points;
  const last = points[points.length - 1];
  const peak = Math.max(budgetMinor, ...points.map((p) => p.awardedMinor));
  const label = tp.dashboard.burnDownChart(
    formatMoney(last?.awardedMinor ?? 0, currency),
    formatMoney(last?.consumedMinor ?? 0, currency),
    formatMoney(budgetMinor, currency),
  );
  return (
    <LineChart
      label={label}
      peak={peak}
      series={[
        {
          label: tp.dashboard.legendAwarded,
          values: drawn.map((p) => p.awardedMinor),
          stroke: STROKES.awarded,
        },
        {
          label: tp.dashboard.legendConsumed,
          values: drawn.map((p) => p.consumedMinor),
          stroke: STROKES.consumed,
        },
      ]}
      level={{ value: budgetMinor, label: tp.dashboard.legendBudget, stroke: STROKES.budget }}
      topLabel={formatMoney(peak, currency)}
      startLabel={points[0] ? dayLabel(points[0].day) : ""}
      endLabel={last && points.length > 1 ? dayLabel(last.day) : ""}
    />
  );
}
