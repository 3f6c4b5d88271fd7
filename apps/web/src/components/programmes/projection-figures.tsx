import { DescriptionList } from "@tessera/ui";
import { formatDate, tg } from "@/i18n";
import { projectionOutcome } from "./burn-down-chart";
import { formatMoney } from "./format";
import type { BudgetProjection } from "./types";

/** The projection beside the burn-down chart, in figures: the rate, what is left, the outcome. */
export function ProjectionFigures({
  projection,
  currency,
}: {
  projection: BudgetProjection;
  currency: string;
}) {
  const p = tg.projection;
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <section aria-labelledby="projection-heading" className="space-y-2" data-testid="projection">
      <h3 id="projection-heading" className="font-semibold">
        {p.title}
      </h3>
      <p className="text-sm text-fg-muted">
        {p.basis(projection.elapsedMs, projection.fullWindow)}
      </p>
      <DescriptionList
        items={[
          {
            term: p.outcome,
            detail: (
              <span className="font-semibold" data-testid="projection-outcome">
                {projectionOutcome(projection, currency)}
              </span>
            ),
          },
          {
            term: p.rate,
            detail:
              projection.outcome.kind === "nothingConsumed"
                ? p.rateNothingConsumed
                : projection.outcome.kind === "tooEarly"
                  ? p.rateTooEarly
                  : p.ratePerDay(
                      money(projection.ratePerDayMinor),
                      money(projection.recentConsumedMinor),
                      projection.elapsedMs,
                      projection.fullWindow,
                    ),
          },
          { term: p.left, detail: money(projection.remainingMinor) },
          {
            term: p.ends,
            detail: projection.endsAt
              ? projection.endsBy === "call"
                ? p.endsWithCall(formatDate(projection.endsAt))
                : projection.endsBy === "awardSoFar"
                  ? p.endsOnSoFar(formatDate(projection.endsAt))
                  : p.endsOn(formatDate(projection.endsAt))
              : p.noEnd,
          },
        ]}
      />
    </section>
  );
}
