"use client";

import Link from "next/link";
import { DescriptionList } from "@tessera/ui";
import { billingRoutes } from "@/components/billing/paths";
import { te } from "@/i18n";
import { hourCostText, monthCostText } from "./endpoint-cost-text";
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
  const hour = hourCostText(cost);
  const month = monthCostText(cost, endpoint.resourceClass.unit, new Date(endpoint.createdAt));
  return (
    <div className="space-y-3" data-testid="endpoint-cost">
      <DescriptionList
        items={[
          {
            term: d.costHour,
            detail: (
              <>
                <span data-testid="cost-hour">{hour.value}</span>
                {hour.shares ? (
                  <span className="block text-sm text-fg-muted" data-testid="cost-hour-shares">
                    {hour.shares}
                  </span>
                ) : null}
              </>
            ),
          },
          {
            term: d.costMonth,
            detail: month ? (
              <>
                <span data-testid="cost-month">{month.value}</span>
                <span className="block text-sm text-fg-muted" data-testid="cost-month-shares">
                  {month.shares}
                </span>
                {month.accruing ? (
                  <span className="block text-sm text-fg-muted" data-testid="cost-accruing">
                    {month.accruing}
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
