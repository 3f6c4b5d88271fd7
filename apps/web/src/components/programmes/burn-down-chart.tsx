import { LineChart, type Stroke } from "@/components/line-chart";
import { formatDate, tg, tp } from "@/i18n";
import { projectedDays } from "./burn-down-projection";
import { axisMoney, axisValues, burnDownPanels } from "./burn-down-scale";
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
export function projectionOutcome(projection: BudgetProjection, currency: string): string {
  const p = tg.projection;
  const perDay = formatMoney(projection.ratePerDayMinor, currency);
  switch (projection.outcome.kind) {
    case "projected":
      return p.projected(formatDate(projection.outcome.date), perDay);
    case "notBeforeEnd":
      return projection.endsAt === null
        ? p.notBeforeEnd(perDay)
        : projection.endsBy === "call"
          ? p.notBeforeCallCloses(formatDate(projection.endsAt), perDay)
          : projection.endsBy === "awardSoFar"
            ? p.notBeforeLastAwardSoFar(formatDate(projection.endsAt), perDay)
            : p.notBeforeEndOn(formatDate(projection.endsAt), perDay);
    case "exhausted":
      return p.exhausted;
    case "nothingConsumed":
      return p.nothingConsumed;
    case "tooEarly":
      return p.tooEarly;
    default:
      return p.idle(projection.elapsedMs, projection.fullWindow);
  }
}

/**
 * Consumed programme share over time with the consumption projected forward at the recent rate,
 * against the awarded amount and the budget. The first panel is scaled to the largest of them
 * (burnDownPanels), so the budget and the award are always in view with labelled amounts. When
 * consumption is too small to read there, a second panel shows it close up on its own scale, and
 * names the references above that scale with their amounts. Days are UTC days, as in the figures
 * and the table beside it, which holds the same numbers for screen readers and for exact reading.
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
  const panels = burnDownPanels({
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
    projectionOutcome(projection, currency),
  );
  const endDay = future.at(-1)?.day ?? (last && points.length > 1 ? last.day : null);
  const startLabel = points[0] ? dayLabel(points[0].day) : "";
  const endLabel = endDay ? dayLabel(endDay) : "";
  // What is awarded stays committed ahead: the projection is read against it.
  const awarded = {
    label: d.legendAwarded,
    values: [...drawn.map((p) => p.awardedMinor), ...future.map(() => last?.awardedMinor ?? 0)],
    stroke: STROKES.awarded,
  };
  const consumption = [
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
  ];
  const budget = { value: budgetMinor, label: d.legendBudget, stroke: STROKES.budget };
  const axis = (peak: number) => axisValues(peak).map((value) => axisMoney(money(value)));
  const closeUp = panels.closeUp;
  return (
    <div className="space-y-6">
      <div>
        <h3 className="mb-2 text-sm font-semibold">{d.burnDownOverview}</h3>
        <LineChart
          label={label}
          peak={panels.overviewPeak}
          series={[awarded, ...consumption]}
          level={budget}
          axis={axis(panels.overviewPeak)}
          startLabel={startLabel}
          endLabel={endLabel}
        />
      </div>
      {closeUp ? (
        <div>
          <h3 className="mb-2 text-sm font-semibold">{d.burnDownCloseUp}</h3>
          <p className="mb-2 text-sm text-fg-muted">
            {d.burnDownCloseUpLead(axisMoney(money(closeUp.peak)))}
          </p>
          <LineChart
            label={d.burnDownCloseUpChart(
              money(last?.consumedMinor ?? 0),
              axisMoney(money(closeUp.peak)),
            )}
            peak={closeUp.peak}
            series={[...(closeUp.drawAwarded ? [awarded] : []), ...consumption]}
            level={closeUp.drawBudget ? budget : undefined}
            offScale={[
              ...(closeUp.drawAwarded
                ? []
                : [
                    {
                      label: d.aboveScale(d.legendAwarded, money(awardedMinor)),
                      stroke: STROKES.awarded,
                    },
                  ]),
              ...(closeUp.drawBudget
                ? []
                : [
                    {
                      label: d.aboveScale(d.legendBudget, money(budgetMinor)),
                      stroke: STROKES.budget,
                    },
                  ]),
            ]}
            axis={axis(closeUp.peak)}
            startLabel={startLabel}
            endLabel={endLabel}
          />
        </div>
      ) : null}
    </div>
  );
}
