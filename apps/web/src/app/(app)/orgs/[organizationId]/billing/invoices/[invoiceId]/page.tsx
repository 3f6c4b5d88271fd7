import type { Metadata } from "next";
import { billingAddressLines, paymentTermsText } from "@tessera/core";
import { Card, DescriptionList, PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { InvoiceKindBadge, PaymentBadge } from "@/components/billing/badges";
import { BillingLines } from "@/components/billing/billing-lines";
import { billingRoutes } from "@/components/billing/paths";
import { ForbiddenPage } from "@/components/forbidden-page";
import { formatMoney } from "@/components/programmes/format";
import { countryName, formatDate, formatDateTime, t, tb } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadInvoice } from "@/server/billing";
import { loadOrganisation } from "@/server/organisation";

interface Props {
  params: Promise<{ organizationId: string; invoiceId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { organizationId, invoiceId } = await params;
  const invoice = await loadInvoice(organizationId, invoiceId);
  return { title: invoice.allowed ? tb.invoice.metaTitle(invoice.data.number) : tb.overview.title };
}

export default async function InvoicePage({ params }: Props) {
  const { organizationId, invoiceId } = await params;
  const organisation = await loadOrganisation(organizationId);
  const loaded = await loadInvoice(organizationId, invoiceId);
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: organisation.name, href: routes.organisation(organizationId) },
    { label: tb.overview.title, href: billingRoutes.billing(organizationId) },
  ];
  if (!loaded.allowed) {
    return <ForbiddenPage crumbs={crumbs} />;
  }
  const invoice = loaded.data;
  const i = tb.invoice;
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const { supplier, dates } = invoice;
  // The invoice's calendar days ("2026-12-01"), written as the portal writes dates.
  const day = (value: string) => formatDate(new Date(`${value}T00:00:00.000Z`));
  const lines = (...parts: string[]) => (
    <>
      {parts.map((part, index) => (
        <span key={`${index}:${part}`} className="block">
          {part}
        </span>
      ))}
    </>
  );
  const title =
    invoice.kind === "CREDIT_NOTE" ? i.creditTitle(invoice.number) : i.title(invoice.number);
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: invoice.number }]} />
      <PageHeader
        title={title}
        meta={
          <>
            <InvoiceKindBadge kind={invoice.kind} />
            <PaymentBadge status={invoice.payment.status} />
          </>
        }
        description={i.lead(invoice.period, invoice.timeZone)}
        actions={
          <>
            <a
              href={billingRoutes.invoicePdf(organizationId, invoice.id)}
              className="text-link underline"
              data-testid="download-pdf"
            >
              {tb.overview.pdf(invoice.number)}
            </a>
            <a
              href={billingRoutes.invoiceCsv(organizationId, invoice.id)}
              className="text-link underline"
              data-testid="download-csv"
            >
              {tb.overview.csv(invoice.number)}
            </a>
          </>
        }
      />
      <div className="space-y-6">
        <Card title={tb.lines.totals}>
          <BillingLines caption={tb.lines.caption(title)} lines={invoice.lines} totals={invoice} />
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={i.paymentTitle}>
            <div className="space-y-3" data-testid="invoice-payment">
              <DescriptionList
                items={[
                  {
                    term: i.paymentState,
                    detail: <PaymentBadge status={invoice.payment.status} />,
                  },
                  { term: i.paid, detail: money(invoice.payment.paidMinor) },
                  ...(invoice.payment.paidAt
                    ? [{ term: i.paidOn, detail: formatDateTime(invoice.payment.paidAt) }]
                    : []),
                ]}
              />
              <p className="text-sm text-fg-muted">{i.paymentHelp[invoice.payment.status]}</p>
            </div>
          </Card>
          <Card title={i.details}>
            <div data-testid="invoice-details">
              <DescriptionList
                items={[
                  {
                    term: i.supplier,
                    detail: lines(supplier.name, supplier.address, i.vatIdOf(supplier.vatId)),
                  },
                  {
                    term: i.billTo,
                    detail: lines(
                      invoice.customerName,
                      ...billingAddressLines(invoice.customerAddress),
                      countryName(invoice.customerCountry),
                      ...(invoice.customerVatId ? [i.vatIdOf(invoice.customerVatId)] : []),
                    ),
                  },
                  ...(invoice.programmeShares.length > 0
                    ? [
                        {
                          term: i.paidByProgramme(invoice.programmeShares.length),
                          detail: lines(
                            ...invoice.programmeShares.map(
                              (share) => `${share.name}: ${money(share.programmeMinor)}`,
                            ),
                          ),
                        },
                      ]
                    : []),
                  { term: i.issued, detail: day(dates.issued) },
                  {
                    term: i.supplyPeriod,
                    detail: i.supplyPeriodDays(
                      day(dates.supplyFrom),
                      day(dates.supplyTo),
                      invoice.timeZone,
                    ),
                  },
                  { term: i.due, detail: dates.due ? day(dates.due) : i.nothingDue },
                  ...(dates.due
                    ? [{ term: i.terms, detail: paymentTermsText(supplier.paymentTermsDays) }]
                    : []),
                  ...(invoice.creditsNumber
                    ? [{ term: i.corrects, detail: invoice.creditsNumber }]
                    : []),
                  ...(invoice.reason ? [{ term: i.reason, detail: invoice.reason }] : []),
                ]}
              />
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}
