import { tg } from "@/i18n";
import { formatMoney } from "./format";
import { ToneSwatch, UsageBar } from "./usage-bar";

/**
 * A programme's budget as one bar — consumed, awarded but not yet consumed, not awarded — with a
 * legend that prints each figure beside its colour. The programme dashboard and the programme
 * administrator's home both draw it, so they always agree.
 */
export function ProgrammeBudgetMeter({
  label,
  currency,
  budgetMinor,
  awardedMinor,
  consumedMinor,
}: {
  /** What the bar shows, in words (its accessible name). */
  label: string;
  currency: string;
  budgetMinor: number;
  awardedMinor: number;
  consumedMinor: number;
}) {
  const m = tg.meter;
  const money = (minor: number) => formatMoney(minor, currency);
  const figures = [
    { term: m.committed, value: awardedMinor, tone: "accent" as const },
    { term: m.consumed, value: consumedMinor, tone: "success" as const },
    { term: m.left, value: budgetMinor - awardedMinor, tone: "empty" as const },
  ];
  return (
    <div className="space-y-1">
      <UsageBar
        label={label}
        whole={budgetMinor}
        parts={[
          { value: consumedMinor, tone: "success" },
          { value: Math.max(0, awardedMinor - consumedMinor), tone: "accent" },
        ]}
      />
      <dl className="flex flex-wrap gap-x-4 text-sm">
        {figures.map((figure) => (
          <div key={figure.term} className="flex items-center gap-1">
            <ToneSwatch tone={figure.tone} />
            <dt className="text-fg-muted">{figure.term}:</dt>
            <dd className="tabular-nums">{money(figure.value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
