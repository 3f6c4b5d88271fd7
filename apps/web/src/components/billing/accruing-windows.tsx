import Link from "next/link";
import { Card, Td, Th } from "@tessera/ui";
import { formatBilledUnitHours } from "@tessera/core/words";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatMoney } from "@/components/programmes/format";
import { formatDateTime, tb } from "@/i18n";
import { routes } from "@/lib/paths";
import { ShareCells } from "./billing-lines";
import { billingRoutes } from "./paths";
import type { CurrentCharges } from "./types";

/**
 * Endpoints' time in their open metering windows and running jobs' time, not yet settled into
 * usage records: the same quantities "Charges so far" counts for them (getCurrentCharges), each
 * priced on its own by the invoice's rule (priceAccruingWindows), with a note saying how that
 * relates to the lines, which are priced once on their whole quantity.
 */
export function AccruingWindows({
  organizationId,
  charges,
}: {
  organizationId: string;
  charges: Pick<CurrentCharges, "accruingWindows" | "currency" | "computedAt">;
}) {
  const u = tb.usage;
  const money = (minor: number) => formatMoney(minor, charges.currency);
  const windows = charges.accruingWindows;
  const sum = (amount: (window: (typeof windows)[number]) => number) =>
    windows.reduce((total, window) => total + amount(window), 0);
  return (
    <Card title={u.accruingTitle} className="min-w-0">
      <div className="space-y-3" data-testid="usage-accruing">
        <p>{u.accruingLead}</p>
        <ScrollTable caption={u.accruingCaption} stickyFirstColumn>
          <thead>
            <tr>
              <Th>{u.endpoint}</Th>
              <Th className="text-right">{u.timeSoFar}</Th>
              <Th className="text-right">{tb.lines.list}</Th>
              <Th className="text-right">{tb.lines.programme}</Th>
              <Th className="text-right">{tb.lines.tenant}</Th>
            </tr>
          </thead>
          <tbody>
            {windows.map((window) => (
              <tr key={`${window.workloadId}:${window.usagePeriod}`} data-testid="accruing-window">
                <Td>
                  <Link
                    href={
                      window.workload === "job"
                        ? routes.job(organizationId, window.workloadId)
                        : routes.endpoint(organizationId, window.workloadId)
                    }
                    className="font-semibold text-link underline"
                  >
                    {window.workloadName}
                  </Link>
                  <span className="block text-xs text-fg-muted">
                    {window.resourceClassName} · {u.accruingBadge}
                  </span>
                </Td>
                <Td className="whitespace-nowrap text-right tabular-nums">
                  {formatBilledUnitHours(window.unitHours, {
                    kind: window.resourceKind,
                    unit: window.unit,
                  })}
                </Td>
                <ShareCells amounts={window} money={money} testIdPrefix="accruing" />
              </tr>
            ))}
          </tbody>
          {windows.length > 1 ? (
            <tfoot>
              <tr className="font-semibold">
                <Td>{u.accruingTotal}</Td>
                <Td />
                <ShareCells
                  amounts={{
                    listMinor: sum((window) => window.listMinor),
                    programmeMinor: sum((window) => window.programmeMinor),
                    tenantMinor: sum((window) => window.tenantMinor),
                  }}
                  money={money}
                  testIdPrefix="accruing-total"
                />
              </tr>
            </tfoot>
          ) : null}
        </ScrollTable>
        <p className="text-sm text-fg-muted" data-testid="accruing-pricing">
          {u.accruingPricing}
        </p>
        <p className="text-sm text-fg-muted">
          {u.accruingAsOf(formatDateTime(charges.computedAt))}{" "}
          <Link href={billingRoutes.billing(organizationId)} className="text-link underline">
            {u.chargesLink}
          </Link>
        </p>
      </div>
    </Card>
  );
}
