import type { Metadata } from "next";
import Link from "next/link";
import { Alert, EmptyState, PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { CurrentCharges } from "@/components/billing/current-charges";
import { InvoicesTable } from "@/components/billing/invoices-table";
import { NoUsageState } from "@/components/billing/no-usage-state";
import { billingRoutes } from "@/components/billing/paths";
import { Forbidden } from "@/components/forbidden";
import { Pagination } from "@/components/pagination";
import { t, tb, tg } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tb.overview.metaTitle };

interface Props {
  params: Promise<{ organizationId: string }>;
  searchParams: SearchParams;
}

export default async function BillingPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const cursor = param((await searchParams).cursor);
  const organisation = await loadOrganisation(organizationId);
  const [current, invoices, settings] = await Promise.all([
    loadIfAllowed((api) => api.billing.current({ organizationId })),
    loadIfAllowed((api) => api.billing.invoices({ organizationId, cursor, limit: 12 })),
    loadIfAllowed((api) => api.billing.settings({ organizationId })),
  ]);
  const o = tb.overview;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: organisation.name, href: routes.organisation(organizationId) },
    { label: o.title },
  ];
  if (!current.allowed || !invoices.allowed) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={o.title} />
        <Forbidden
          invalid={!invoices.allowed ? invoices.invalid : null}
          resetHref={billingRoutes.billing(organizationId)}
        />
      </>
    );
  }
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={o.title}
        description={o.lead}
        actions={
          <div className="flex flex-wrap gap-4">
            <Link href={billingRoutes.usage(organizationId)} className="text-link underline">
              {o.usageLink}
            </Link>
            <Link href={billingRoutes.budget(organizationId)} className="text-link underline">
              {tg.page.overviewLink}
            </Link>
            <Link href={billingRoutes.details(organizationId)} className="text-link underline">
              {o.detailsLink}
            </Link>
          </div>
        }
      />
      <div className="space-y-8">
        {/* Only those who can add the address are asked to. */}
        {settings.allowed && settings.data.canChange && settings.data.billingAddress === null ? (
          <Alert tone="warning" title={o.noAddressTitle}>
            <p>
              {o.noAddressBody}{" "}
              <Link
                href={billingRoutes.addressField(organizationId)}
                className="text-link underline"
              >
                {o.noAddressLink}
              </Link>
            </p>
          </Alert>
        ) : null}
        <CurrentCharges
          organizationId={organizationId}
          initial={current.data}
          noUsage={
            <NoUsageState organisation={organisation} title={o.noUsageTitle} body={o.noUsageBody} />
          }
        />
        <section aria-labelledby="invoices-heading" className="space-y-4">
          <h2 id="invoices-heading" className="text-xl font-semibold">
            {o.invoicesTitle}
          </h2>
          {invoices.data.items.length === 0 && !cursor ? (
            <EmptyState title={o.noInvoicesTitle}>
              <p>{o.noInvoicesBody}</p>
            </EmptyState>
          ) : (
            <InvoicesTable organizationId={organizationId} invoices={invoices.data.items} />
          )}
          <Pagination
            basePath={billingRoutes.billing(organizationId)}
            params={{}}
            cursor={cursor}
            nextCursor={invoices.data.nextCursor}
          />
        </section>
      </div>
    </>
  );
}
