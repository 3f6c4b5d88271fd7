"use client";

import Link from "next/link";
import { DescriptionList } from "@tessera/ui";
import { formatMeteredUnitHours } from "@tessera/core/words";
import { billingRoutes } from "@/components/billing/paths";
import { formatMoney } from "@/components/programmes/format";
import { formatDate, te } from "@/i18n";
import type { EndpointCost as Cost, EndpointDetail } from "./types";

/**
 * What the endpoint costs, where its replicas are changed: an hour at the replicas it runs now,
 * with the programme's and the organisation's shares, and this month so far, its open window
 * counted up to now as "Charges so far" counts it (the same cents).
 */
export function EndpointCost({
  organizationId,
  endpoint,
  cost,
  failed,
}: {
  organizationId: string;
  endpoint: EndpointDetail;
  cost: Cost | undefined;
  failed: boolean;
}) {
  const d = te.detail;
  if (!cost)
    return (
      <p className="text-fg-muted" data-testid="endpoint-cost">
        {failed ? d.costFailed : d.costLoading}
      </p>
    );
  const money = (minor: number) => formatMoney(minor, cost.currency);
  const month = cost.month;
  return (
    <div className="space-y-3" data-testid="endpoint-cost">
      <DescriptionList
        items={[
          {
            term: d.costHour,
            detail:
              cost.hour.replicas === 0 ? (
                <span data-testid="cost-hour">{d.costAtZero}</span>
              ) : (
                <>
                  <span data-testid="cost-hour">
                    {d.costHourValue(cost.hour.replicas, money(cost.hour.listMinor))}
                  </span>
                  <span className="block text-sm text-fg-muted" data-testid="cost-hour-shares">
                    {d.costShares(money(cost.hour.programmeMinor), money(cost.hour.tenantMinor))}
                  </span>
                </>
              ),
          },
          {
            // The 1st of the billing month, in the organisation's time zone.
            term: d.costMonth,
            detail: month ? (
              <>
                <span data-testid="cost-month">
                  {d.costMonthValue(
                    money(month.listMinor),
                    formatDate(new Date(`${month.period}-01T00:00:00Z`)),
                  )}
                </span>
                <span className="block text-sm text-fg-muted" data-testid="cost-month-shares">
                  {d.costMonthShares(money(month.programmeMinor), money(month.tenantMinor))}
                </span>
                {month.accruingUnitSeconds > 0 ? (
                  <span className="block text-sm text-fg-muted" data-testid="cost-accruing">
                    {d.costAccruing(
                      formatMeteredUnitHours(month.accruingUnitSeconds, {
                        kind: cost.terms.kind,
                        unit: endpoint.resourceClass.unit,
                      }),
                    )}
                  </span>
                ) : null}
              </>
            ) : (
              <span className="text-fg-muted">{d.costMonthHidden}</span>
            ),
          },
        ]}
      />
      {month ? (
        <Link className="text-sm underline" href={billingRoutes.billing(organizationId)}>
          {d.costBilling}
        </Link>
      ) : null}
    </div>
  );
}
