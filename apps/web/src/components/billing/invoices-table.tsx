import Link from "next/link";
import { Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatMoney } from "@/components/programmes/format";
import { tb } from "@/i18n";
import { InvoiceKindBadge, PaymentBadge } from "./badges";
import { billingRoutes } from "./paths";
import type { InvoiceSummary } from "./types";

/** The organisation's invoices: number, month, status, amounts by who pays, payment, downloads. */
export function InvoicesTable({
  organizationId,
  invoices,
}: {
  organizationId: string;
  invoices: readonly InvoiceSummary[];
}) {
  const o = tb.overview;
  return (
    <ScrollTable caption={o.invoicesCaption} stickyFirstColumn>
      <thead>
        <tr>
          <Th>{o.number}</Th>
          <Th>{o.period}</Th>
          <Th>{o.status}</Th>
          <Th className="text-right">{o.total}</Th>
          <Th className="text-right">{o.programmePays}</Th>
          <Th className="text-right">{o.youPay}</Th>
          <Th>{o.payment}</Th>
          <Th>{o.downloads}</Th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => {
          const money = (minor: number) => formatMoney(minor, invoice.currency);
          return (
            <tr key={invoice.id} data-testid={`invoice-${invoice.number}`}>
              <Td className="whitespace-nowrap">
                <Link
                  href={billingRoutes.invoice(organizationId, invoice.id)}
                  className="font-mono font-semibold text-link underline"
                >
                  {invoice.number}
                </Link>
              </Td>
              <Td className="whitespace-nowrap">{invoice.period}</Td>
              <Td>
                <InvoiceKindBadge kind={invoice.kind} />
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums">
                {money(invoice.listMinor)}
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums">
                {money(invoice.programmeMinor)}
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums">
                {money(invoice.tenantTotalMinor)}
              </Td>
              <Td>
                <PaymentBadge status={invoice.payment.status} />
              </Td>
              <Td className="whitespace-nowrap">
                <a
                  href={billingRoutes.invoicePdf(organizationId, invoice.id)}
                  className="text-link underline"
                  aria-label={o.pdf(invoice.number)}
                >
                  {o.pdfShort}
                </a>{" "}
                ·{" "}
                <a
                  href={billingRoutes.invoiceCsv(organizationId, invoice.id)}
                  className="text-link underline"
                  aria-label={o.csv(invoice.number)}
                >
                  {o.csvShort}
                </a>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
