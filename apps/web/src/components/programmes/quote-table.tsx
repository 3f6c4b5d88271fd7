import { Td, Th } from "@tessera/ui";
import { tp } from "@/i18n";
import type { ResourceKind } from "@tessera/db";
import { formatPricedUnits, pricePer } from "@tessera/core/words";
import { formatMoney } from "./format";
import type { PriceTotals } from "./types";
import { ScrollTable } from "./scroll-table";

export interface PricedLineRow {
  resourceClass: { code: string; name: string; kind: ResourceKind; unit: string };
  unitHours: number;
  listPriceMinorPerHour: number;
  listValueMinor: number;
  programmeShareMinor: number;
  tenantShareMinor: number;
}

/**
 * Priced lines with the programme's share and the organisation's share beside every amount, and
 * the totals: the live quote on the application form (saved applications show AwardTable).
 */
export function QuoteTable({
  caption,
  lines,
  totals,
  currency,
  testId,
}: {
  caption: string;
  lines: readonly PricedLineRow[];
  totals: PriceTotals;
  currency: string;
  testId?: string;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <Th>{tp.applications.form.quoteLine}</Th>
          <Th className="text-right">{tp.applications.detail.requestedHours}</Th>
          <Th className="text-right">{tp.applications.form.quotePrice}</Th>
          <Th className="text-right">{tp.money.listValue}</Th>
          <Th className="text-right">{tp.money.programmeShare}</Th>
          <Th className="text-right">{tp.money.tenantShare}</Th>
        </tr>
      </thead>
      <tbody data-testid={testId}>
        {lines.map((line) => (
          <tr key={line.resourceClass.code} data-testid={`line-${line.resourceClass.code}`}>
            <Td>
              <span className="font-semibold">{line.resourceClass.name}</span>
              <span className="block font-mono text-xs text-fg-muted">
                {line.resourceClass.code}
              </span>
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {formatPricedUnits(line.unitHours, line.resourceClass)}
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {pricePer(money(line.listPriceMinorPerHour), line.resourceClass)}
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {money(line.listValueMinor)}
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {money(line.programmeShareMinor)}
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {money(line.tenantShareMinor)}
            </Td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="font-semibold">
          <Td>{tp.money.total}</Td>
          <Td />
          <Td />
          <Td className="whitespace-nowrap text-right tabular-nums">
            <span data-testid="total-list">{money(totals.listValueMinor)}</span>
          </Td>
          <Td className="whitespace-nowrap text-right tabular-nums">
            <span data-testid="total-programme">{money(totals.programmeShareMinor)}</span>
          </Td>
          <Td className="whitespace-nowrap text-right tabular-nums">
            <span data-testid="total-tenant">{money(totals.tenantShareMinor)}</span>
          </Td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}
