import Link from "next/link";
import { Card, Td, Th } from "@tessera/ui";
import { billingRoutes } from "@/components/billing/paths";
import { tp } from "@/i18n";
import { formatMoney } from "./format";
import { ScrollTable } from "./scroll-table";
import type { ProgrammeDashboard } from "./types";

/**
 * Where the dashboard's consumed figure comes from: each billing month's statement total (a link
 * to that statement) and what the organisations' live drafts hold, adding up to it.
 */
export function ConsumptionByMonth({
  programmeId,
  currency,
  consumedMinor,
  consumption,
}: {
  programmeId: string;
  currency: string;
  consumedMinor: number;
  consumption: ProgrammeDashboard["consumption"];
}) {
  const d = tp.dashboard;
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <Card title={d.consumption} className="min-w-0">
      <div className="space-y-2">
        <ScrollTable caption={d.consumptionCaption}>
          <thead>
            <tr>
              <Th>{d.consumptionMonth}</Th>
              <Th className="text-right">{d.consumptionOwed}</Th>
            </tr>
          </thead>
          <tbody>
            {[...consumption.invoiced].reverse().map((month) => (
              <tr key={month.period} data-testid={`consumed-${month.period}`}>
                <Td>
                  <Link
                    href={billingRoutes.statement(programmeId, month.period)}
                    className="text-link underline"
                  >
                    {d.consumptionStatement(month.period)}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap text-right tabular-nums">
                  {money(month.programmeMinor)}
                </Td>
              </tr>
            ))}
            <tr>
              <Td>{d.consumptionUninvoiced}</Td>
              <Td className="whitespace-nowrap text-right tabular-nums">
                <span data-testid="consumed-uninvoiced">{money(consumption.uninvoicedMinor)}</span>
              </Td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <Th>{d.consumptionTotal}</Th>
              <Td className="whitespace-nowrap text-right font-semibold tabular-nums">
                {money(consumedMinor)}
              </Td>
            </tr>
          </tfoot>
        </ScrollTable>
        <p className="text-sm text-fg-muted">{d.consumptionNote}</p>
      </div>
    </Card>
  );
}
