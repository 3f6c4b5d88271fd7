import { formatMeteredUnitHours } from "@tessera/core/words";
import { formatHourlyRate, formatMoney } from "@/components/programmes/format";
import { formatDate, formatDateTime, te } from "@/i18n";
import type { EndpointCost } from "./types";

/**
 * Pure: what the endpoint page says an hour costs now — the list price at the replicas it runs,
 * with the programme's and the organisation's shares, as the deploy form's price box says them;
 * €0 with the reason when it runs no replica.
 */
export function hourCostText(cost: Pick<EndpointCost, "currency" | "hour" | "nextWindow">): {
  value: string;
  shares: string | null;
} {
  const d = te.detail;
  const money = (minor: number) => formatMoney(minor, cost.currency);
  // To the thousandth of a cent, as the deploy form says them (€2.065 and €0.885 of €2.95).
  const rate = (milliMinor: number) => formatHourlyRate(milliMinor, cost.currency);
  const { hour, nextWindow } = cost;
  if (hour.idle === "SCALED_TO_ZERO") return { value: d.costAtZero(money(0)), shares: null };
  if (hour.idle === "NOT_RUNNING") return { value: d.costNotRunning(money(0)), shares: null };
  const value = d.costHourValue(hour.replicas, money(hour.listMinor));
  if (nextWindow) {
    return {
      value: d.costHourUntilNextWindow(
        value,
        money(nextWindow.listMinor),
        formatDateTime(new Date(nextWindow.at)),
      ),
      shares: d.costSharesThen(
        rate(hour.programmeMilliMinor),
        rate(hour.tenantMilliMinor),
        rate(nextWindow.programmeMilliMinor),
        rate(nextWindow.tenantMilliMinor),
      ),
    };
  }
  return {
    value,
    shares: d.costShares(rate(hour.programmeMilliMinor), rate(hour.tenantMilliMinor)),
  };
}

/**
 * Pure: what the endpoint page says of this billing month so far (null for a role that may not
 * read billing): the same figures as the Billing "charges so far" page, and how much running time
 * in them is accruing, not yet settled.
 */
export function monthCostText(
  cost: Pick<EndpointCost, "currency" | "month" | "terms">,
  unit: string,
  createdAt?: Date,
): { value: string; shares: string; accruing: string | null } | null {
  const d = te.detail;
  const month = cost.month;
  if (!month) return null;
  const money = (minor: number) => formatMoney(minor, cost.currency);
  return {
    // The 1st of the billing month (a calendar day of the organisation's time zone), or the day
    // the endpoint was deployed when that came later.
    value: d.costMonthValue(
      money(month.listMinor),
      formatDate(
        createdAt && createdAt > new Date(month.periodStart)
          ? createdAt
          : new Date(`${month.period}-01T00:00:00Z`),
      ),
    ),
    shares: d.costMonthShares(money(month.programmeMinor), money(month.tenantMinor)),
    accruing:
      month.accruingUnitSeconds > 0
        ? d.costAccruing(
            formatMeteredUnitHours(month.accruingUnitSeconds, { kind: cost.terms.kind, unit }),
          )
        : null,
  };
}
