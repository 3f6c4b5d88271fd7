import { Alert, Card, DescriptionList, EmptyState } from "@tessera/ui";
import { formatPercent } from "@tessera/core/words";
import { formatMoney } from "@/components/programmes/format";
import { UsageBar } from "@/components/programmes/usage-bar";
import { formatDateTime, tg } from "@/i18n";
import { projectionSentence } from "./budget-projection";
import type { Budget } from "./types";

/** The bar turns to the warning colour once this alert is reached (on the exact amounts). */
const WARN_AT_PERCENT = 80;

/** A figure people read, with its integer minor units for tests and tools. */
function Minor({ minor, currency, testId }: { minor: number; currency: string; testId: string }) {
  return (
    <span className="tabular-nums" data-testid={testId} data-minor={minor}>
      {formatMoney(minor, currency)}
    </span>
  );
}

/** This month's spend against the monthly budget: a bar, the figures, and the projection. */
export function BudgetMonth({ budget }: { budget: Budget }) {
  const m = tg.month;
  const money = (minor: number) => formatMoney(minor, budget.currency);
  const monthName = new Date(`${budget.period}-15T12:00:00Z`).toLocaleDateString("en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const spent = (
    <Minor minor={budget.spentMinor} currency={budget.currency} testId="budget-spent" />
  );
  const projected = (
    <>
      <Minor
        minor={budget.projectedMinor}
        currency={budget.chargesCurrency}
        testId="budget-projected"
      />
      <span className="block text-sm text-fg-muted" data-testid="budget-projection-basis">
        {projectionSentence(budget)}
        {budget.budgetMinor !== null &&
        !budget.currencyMismatch &&
        budget.projectedMinor > budget.budgetMinor
          ? ` ${m.projectedOver}`
          : null}
      </span>
      <span className="block text-sm text-fg-muted">{m.projectedScope}</span>
    </>
  );
  const left = budget.budgetMinor === null ? null : budget.budgetMinor - budget.spentMinor;
  const percent = formatPercent(budget.spentMinor, budget.budgetMinor ?? 0);
  const warn = budget.thresholds.some((t) => t.percent === WARN_AT_PERCENT && t.reached);
  return (
    <Card title={m.title(monthName)}>
      <div className="space-y-4" data-testid="budget-month">
        <p className="text-sm text-fg-muted">
          {m.lead(budget.timeZone)} {m.computedAt(formatDateTime(budget.computedAt))}
        </p>
        {budget.currencyMismatch ? (
          <Alert
            tone="warning"
            title={m.currencyMismatch(budget.currency, budget.chargesCurrency)}
          />
        ) : null}
        {budget.budgetMinor === null ? (
          <EmptyState title={m.noBudgetTitle}>
            <p>{m.noBudgetBody}</p>
          </EmptyState>
        ) : (
          <UsageBar
            label={m.bar(money(budget.spentMinor), money(budget.budgetMinor), percent)}
            whole={budget.budgetMinor}
            parts={[{ value: budget.spentMinor, tone: warn ? "warning" : "accent" }]}
          />
        )}
        <p className="font-semibold" data-testid="budget-bar-text">
          {budget.budgetMinor === null
            ? m.barNoBudget(money(budget.spentMinor))
            : m.bar(money(budget.spentMinor), money(budget.budgetMinor), percent)}
        </p>
        <DescriptionList
          items={[
            { term: m.spent, detail: spent },
            ...(budget.budgetMinor === null || left === null
              ? []
              : [
                  {
                    term: m.budget,
                    detail: (
                      <Minor
                        minor={budget.budgetMinor}
                        currency={budget.currency}
                        testId="budget-amount"
                      />
                    ),
                  },
                  { term: left >= 0 ? m.left : m.over, detail: money(Math.abs(left)) },
                ]),
            { term: m.projected, detail: projected },
          ]}
        />
      </div>
    </Card>
  );
}

/** The month's alert thresholds: which are reached and when their notices went out. */
export function BudgetThresholds({ budget }: { budget: Budget }) {
  const a = tg.thresholds;
  return (
    <Card title={a.title} className="min-w-0">
      <ul aria-label={a.caption} className="divide-y divide-line">
        {budget.thresholds.map((threshold) => (
          <li
            key={threshold.percent}
            className="space-y-0.5 py-2"
            data-testid={`threshold-${threshold.percent}`}
          >
            <p className="font-semibold">{a.percent(threshold.percent)}</p>
            <p className="text-sm text-fg-muted">
              {budget.budgetMinor === null
                ? a.noBudget
                : threshold.notifiedAt
                  ? a.notified(formatDateTime(threshold.notifiedAt))
                  : threshold.reached
                    ? a.reachedPending
                    : a.notReached}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
