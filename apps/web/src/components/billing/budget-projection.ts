import { formatHourlyRate, formatMoney } from "@/components/programmes/format";
import { formatDateTime, tg } from "@/i18n";
import type { Budget } from "./types";

/** How many running things the sentence names; the rest are summed as "N more running now". */
export const NAMED_RUNNING = 3;

/** The month's last day in the billing time zone ("31 Dec"): the day before its exclusive end. */
function lastDayOf(periodEnd: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone }).format(
    new Date(periodEnd.getTime() - 1),
  );
}

/**
 * Pure: how the month-end projection was made, in one plain sentence — "€0.10 so far + €352.72 if
 * Line inspector chat keeps running at €0.595 an hour to 31 Dec." Its amounts add up to the
 * projection: each running thing's part is its share of the projected lines (projectMonthSpend).
 * The hourly rate is shown to the thousandth of a cent it needs, not rounded to the cent, so the
 * rate × the hours to the month's end gives the part shown beside it. An endpoint that scales to
 * zero is still projected running, and its part says it would cost less once idle. An endpoint
 * whose current lease window is billed at the price before a change says both rates and when its
 * next window moves it to the new one.
 */
export function projectionSentence(
  budget: Pick<Budget, "spentMinor" | "chargesCurrency" | "running" | "periodEnd" | "timeZone">,
): string {
  const m = tg.month;
  const money = (minor: number) => formatMoney(minor, budget.chargesCurrency);
  const rate = (milliMinor: number) => formatHourlyRate(milliMinor, budget.chargesCurrency);
  // An endpoint whose window is at the price before a change moves to the new one at its next.
  const hourly = ({ hourlyMilliMinor, currentWindow }: Budget["running"][number]) =>
    currentWindow
      ? m.hourlyRateUntilNextWindow(
          rate(currentWindow.hourlyMilliMinor),
          rate(hourlyMilliMinor),
          formatDateTime(currentWindow.until),
        )
      : m.hourlyRate(rate(hourlyMilliMinor));
  if (budget.running.length === 0) return m.projectedNothing(money(budget.spentMinor));
  const named = budget.running
    .slice(0, NAMED_RUNNING)
    .map((cost) =>
      cost.untilAllocationEnds
        ? m.runsUntilAllocationEnds(
            money(cost.restMinor),
            cost.name,
            hourly(cost),
            formatDateTime(cost.until),
            cost.idleSecondsBeforeZero,
          )
        : cost.untilQuotaRunsOut
          ? m.runsUntilQuotaRunsOut(
              money(cost.restMinor),
              cost.name,
              hourly(cost),
              formatDateTime(cost.until),
              cost.idleSecondsBeforeZero,
            )
          : cost.toMonthEnd
            ? m.runsToMonthEnd(
                money(cost.restMinor),
                cost.name,
                hourly(cost),
                lastDayOf(budget.periodEnd, budget.timeZone),
                cost.idleSecondsBeforeZero,
              )
            : m.runsToWalltime(
                money(cost.restMinor),
                cost.name,
                hourly(cost),
                formatDateTime(cost.until),
              ),
    );
  const others = budget.running.slice(NAMED_RUNNING);
  const parts =
    others.length === 0
      ? named
      : [
          ...named,
          m.runsOthers(money(others.reduce((sum, cost) => sum + cost.restMinor, 0)), others.length),
        ];
  return m.projectedRunning(money(budget.spentMinor), parts);
}
