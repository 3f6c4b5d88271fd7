import { LineChart, type Stroke } from "@/components/line-chart";
import { formatDate, tg, tp } from "@/i18n";
import { projectedDays } from "./burn-down-projection";
import { burnDownScale } from "./burn-down-scale";
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
 * Consumed programme share over time with the consumption projected forward at the recent rate,
 * and the awarded amount and the budget as references. Consumption sets the scale (see
 * burnDownScale): a reference far above it is named in the legend with its amount rather than
 * drawn, so a small consumption is never a flat line. Days are UTC days, as in the figures and
 * the table beside it, which hold the same numbers.
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
  const d = tp.dashboard;
  // Before its first day the programme had awarded nothing: a single day still draws as a rise.
  const drawn =
    points.length === 1 && points[0]
      ? [{ ...points[0], awardedMinor: 0, consumedMinor: 0 }, points[0]]
      : points;
  const last = points[points.length - 1];
  const future = last ? projectedDays(last, projection, budgetMinor) : [];
  const gap = future.map(() => null);
  const awardedMinor = Math.max(0, ...points.map((p) => p.awardedMinor));
  const scale = burnDownScale({
    consumedMinor: points.map((p) => p.consumedMinor),
    projectedMinor: future.map((f) => f.value),
    awardedMinor,
    budgetMinor,
  });
  const money = (minor: number) => formatMoney(minor, currency);
  const label = tg.projection.chart(
    money(last?.awardedMinor ?? 0),
    money(last?.consumedMinor ?? 0),
    money(budgetMinor),
    projectionOutcome(projection),
  );
  const endDay = future.at(-1)?.day ?? (last && points.length > 1 ? last.day : null);
  // What is awarded stays committed ahead: the projection is read against it.
  const awarded = {
    label: d.legendAwarded,
    values: [...drawn.map((p) => p.awardedMinor), ...future.map(() => last?.awardedMinor ?? 0)],
    stroke: STROKES.awarded,
  };
  const offScale = [
    ...(scale.drawAwarded
      ? []
      : [{ label: d.aboveScale(d.legendAwarded, money(awardedMinor)), stroke: STROKES.awarded }]),
    ...(scale.drawBudget
      ? []
      : [{ label: d.aboveScale(d.legendBudget, money(budgetMinor)), stroke: STROKES.budget }]),
  ];
  return (
    <LineChart
      label={label}
      peak={scale.peak}
      series={[
        ...(scale.drawAwarded ? [awarded] : []),
        {
          label: d.legendConsumed,
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
      level={
        scale.drawBudget
          ? { value: budgetMinor, label: d.legendBudget, stroke: STROKES.budget }
          : undefined
      }
      offScale={offScale}
      topLabel={money(scale.peak)}
      startLabel={points[0] ? dayLabel(points[0].day) : ""}
      endLabel={endDay ? dayLabel(endDay) : ""}
    />
  );
}
