"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Card } from "@tessera/ui";
import { accruingQuantitiesByUnit } from "@tessera/core/words";
import { formatDateTime, tb } from "@/i18n";
import { useTRPC } from "@/trpc/react";
import { InvoiceKindBadge } from "./badges";
import { BillingLines } from "./billing-lines";
import type { CurrentCharges as Charges } from "./types";

/** How often the live draft is asked for again while the page is visible. */
const CHARGES_REFRESH_MS = 15_000;

/**
 * "0.874 GPU-hours and 1.712 CPU core-hours": the accruing time of the lines that have some, one
 * figure per unit (a class at two prices is one figure).
 */
function accruingQuantity(lines: Charges["lines"]): string {
  return accruingQuantitiesByUnit(lines).join(" and ");
}

/**
 * This month's charges so far, followed live: the draft is computed afresh on each request, so
 * the page asks again every few seconds while the tab is visible. `noUsage` is shown while there
 * are none (the page knows what the member may do next).
 */
export function CurrentCharges({
  organizationId,
  initial,
  noUsage,
}: {
  organizationId: string;
  initial: Charges;
  noUsage: ReactNode;
}) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.billing.current.queryOptions(
      { organizationId },
      {
        initialData: initial,
        refetchInterval: CHARGES_REFRESH_MS,
        refetchIntervalInBackground: false,
      },
    ),
  );
  const charges = query.data;
  const o = tb.overview;
  return (
    <Card title={o.currentTitle} actions={<InvoiceKindBadge kind="DRAFT" />}>
      <div className="space-y-4" data-testid="current-charges">
        <p>{o.currentLead(charges.period, charges.timeZone)}</p>
        <p className="text-sm text-fg-muted">
          {o.live} {o.computedAt(formatDateTime(charges.computedAt))}
        </p>
        {charges.accruingUnitSeconds > 0 ? (
          <p className="text-sm" data-testid="accruing-note">
            {o.accruingNote(accruingQuantity(charges.lines))}
          </p>
        ) : null}
        {query.isRefetchError ? (
          <p className="text-sm font-semibold text-warning-fg">{o.refreshFailed}</p>
        ) : null}
        {charges.lines.length === 0 ? (
          noUsage
        ) : (
          <BillingLines
            caption={tb.lines.caption(o.currentTitle)}
            lines={charges.lines}
            totals={charges}
          />
        )}
      </div>
    </Card>
  );
}
