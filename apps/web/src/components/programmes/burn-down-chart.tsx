import { formatDate, tp } from "@/i18n";
import { formatMoney } from "./format";
import type { BurnDownPoint } from "./types";

const WIDTH = 600;
const HEIGHT = 200;

function path(values: readonly number[], max: number): string {
  if (values.length === 0) return "";
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  return values
    .map((value, index) => {
      const x = values.length > 1 ? index * step : WIDTH / 2;
      const y = HEIGHT - (max > 0 ? (value / max) * HEIGHT : 0);
      return `${index === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

/** How each series is drawn: the same stroke in the chart and in its legend. */
const STROKES = {
  awarded: { className: "stroke-accent", strokeWidth: 3, strokeDasharray: undefined },
  consumed: { className: "stroke-success-fg", strokeWidth: 3, strokeDasharray: "2 3" },
  budget: { className: "stroke-danger", strokeWidth: 2, strokeDasharray: "6 4" },
} as const;

function LegendItem({ stroke, children }: { stroke: keyof typeof STROKES; children: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <svg aria-hidden="true" viewBox="0 0 24 6" className="h-2 w-6">
        <line x1="0" x2="24" y1="3" y2="3" {...STROKES[stroke]} />
      </svg>
      {children}
    </span>
  );
}

function dayLabel(day: string): string {
  return formatDate(new Date(`${day}T00:00:00Z`));
}

/**
 * Awarded and consumed programme share over time against the budget, as a plain SVG line chart.
 * Axis labels are HTML around the drawing so that they stay legible when it is scaled to fit a
 * phone. The table after it (in the page) holds the same numbers.
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
  const awarded = drawn.map((p) => p.awardedMinor);
  const consumed = drawn.map((p) => p.consumedMinor);
  const budgetY = HEIGHT - (peak > 0 ? (budgetMinor / peak) * HEIGHT : 0);
  const label = tp.dashboard.burnDownChart(
    formatMoney(last?.awardedMinor ?? 0, currency),
    formatMoney(last?.consumedMinor ?? 0, currency),
    formatMoney(budgetMinor, currency),
  );

  return (
    <figure className="space-y-2">
      <div className="flex justify-between text-xs text-fg-muted" aria-hidden="true">
        <span>{formatMoney(peak, currency)}</span>
      </div>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-48 w-full rounded-md border border-line bg-surface"
      >
        <title>{label}</title>
        {[0.25, 0.5, 0.75].map((fraction) => (
          <line
            key={fraction}
            x1="0"
            x2={WIDTH}
            y1={HEIGHT * fraction}
            y2={HEIGHT * fraction}
            className="stroke-line"
            vectorEffect="non-scaling-stroke"
          />
        ))}
        <line
          x1="0"
          x2={WIDTH}
          y1={budgetY}
          y2={budgetY}
          {...STROKES.budget}
          vectorEffect="non-scaling-stroke"
        />
        <path
          d={path(awarded, peak)}
          fill="none"
          {...STROKES.awarded}
          vectorEffect="non-scaling-stroke"
        />
        <path
          d={path(consumed, peak)}
          fill="none"
          {...STROKES.consumed}
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <div className="flex justify-between text-xs text-fg-muted" aria-hidden="true">
        <span>{points[0] ? dayLabel(points[0].day) : ""}</span>
        <span>{last && points.length > 1 ? dayLabel(last.day) : ""}</span>
      </div>
      <figcaption className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        <LegendItem stroke="awarded">{tp.dashboard.legendAwarded}</LegendItem>
        <LegendItem stroke="consumed">{tp.dashboard.legendConsumed}</LegendItem>
        <LegendItem stroke="budget">{tp.dashboard.legendBudget}</LegendItem>
      </figcaption>
    </figure>
  );
}
