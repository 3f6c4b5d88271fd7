import Link from "next/link";
import { Card, Td, Th } from "@tessera/ui";
import { formatTokens, pricePer } from "@tessera/core/words";
import { usageEnergy } from "@/components/billing/format";
import { billingRoutes } from "@/components/billing/paths";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatMoney } from "@/components/programmes/format";
import { formatDate, tk } from "@/i18n";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@tessera/api";

type Payment = inferRouterOutputs<AppRouter>["apiKeys"]["usage"]["payment"];

const NUMBER = "text-right tabular-nums whitespace-nowrap";
const ROW_HEADER = "border-b border-line px-4 py-3 text-left align-top font-normal text-fg";
const TOKENS_CLASS = { kind: "TOKENS", unit: "token" } as const;

/**
 * How the calls shown are paid: own endpoints through their running time, shared models per
 * token, with the shared tokens' list amount per tier and month worked out as Billing's line is,
 * so that the two pages can be checked against each other.
 */
export function GatewayPayment({
  organizationId,
  payment,
  from,
}: {
  organizationId: string;
  payment: Payment;
  /** The first day shown (a month that began earlier is counted from it). */
  from: Date;
}) {
  const u = tk.usage;
  const tokens = (cell: { tokensIn: number; tokensOut: number }) =>
    formatTokens(cell.tokensIn + cell.tokensOut);
  const rows = [
    { key: "own", label: u.ownEndpoints, cell: payment.ownEndpoints, paid: u.ownEndpointsPaid },
    { key: "shared", label: u.sharedModels, cell: payment.sharedModels, paid: u.sharedModelsPaid },
  ];
  const { charges } = payment.sharedModels;
  return (
    <Card title={u.paymentTitle} className="min-w-0">
      <ScrollTable caption={u.paymentCaption} stickyFirstColumn>
        <thead>
          <tr>
            <Th>{u.paymentKind}</Th>
            <Th className="text-right">{u.col.requests}</Th>
            <Th className="text-right">{u.chargeTokens}</Th>
            <Th>{u.paymentTitle}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`gateway-paid-${row.key}`}>
              <th scope="row" className={`${ROW_HEADER} font-semibold`}>
                {row.label}
              </th>
              <Td className={NUMBER}>{row.cell.requests.toLocaleString("en-GB")}</Td>
              <Td className={NUMBER}>{tokens(row.cell)}</Td>
              <Td className="min-w-56">{row.paid}</Td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {charges.length > 0 ? (
        <>
          <ScrollTable caption={u.chargesCaption} className="mt-4" stickyFirstColumn>
            <thead>
              <tr>
                <Th>{u.chargeTier}</Th>
                <Th className="text-right">{u.chargeTokens}</Th>
                <Th className="text-right">{u.chargePrice}</Th>
                <Th className="text-right">{u.chargeList}</Th>
                <Th>{u.chargeEnergy}</Th>
              </tr>
            </thead>
            <tbody>
              {charges.map((charge) => (
                <tr
                  key={`${charge.resourceClassId} ${charge.usagePeriod} ${charge.minorPerMillionTokens}`}
                  data-testid="gateway-charge"
                >
                  <th scope="row" className={ROW_HEADER}>
                    <span className="font-semibold">{charge.resourceClassName}</span>
                    <span className="block font-mono text-xs text-fg-muted">
                      {charge.usagePeriod}
                    </span>
                    {charge.partOfMonth ? (
                      <span className="block text-xs text-fg-muted">
                        {u.partOfMonth(formatDate(from))}
                      </span>
                    ) : null}
                  </th>
                  <Td className={NUMBER}>{formatTokens(charge.tokens)}</Td>
                  <Td className={NUMBER}>
                    {pricePer(
                      formatMoney(charge.minorPerMillionTokens, charge.currency),
                      TOKENS_CLASS,
                    )}
                  </Td>
                  <Td className={NUMBER}>
                    <span data-testid="gateway-charge-list" data-minor={charge.listMinor}>
                      {formatMoney(charge.listMinor, charge.currency)}
                    </span>
                  </Td>
                  {/* Billing's estimate of these tokens, in Billing's words. */}
                  <Td className="min-w-56">
                    <span data-testid="gateway-charge-energy" data-mwh={charge.energyMilliWh}>
                      {usageEnergy({ ...charge, energyMeasured: false }, "TOKENS")}
                    </span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <p className="mt-3 max-w-prose text-sm text-fg-muted">
            {u.chargesExplained}{" "}
            <Link href={billingRoutes.billing(organizationId)} className="text-link underline">
              {u.billingLink}
            </Link>
          </p>
        </>
      ) : null}
    </Card>
  );
}
