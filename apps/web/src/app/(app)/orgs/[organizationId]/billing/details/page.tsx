import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, PageHeader } from "@tessera/ui";
import { AddressForm } from "@/components/billing/address-form";
import { billingRoutes } from "@/components/billing/paths";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { countryName, t, tb } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tb.details.metaTitle };

interface Props {
  params: Promise<{ organizationId: string }>;
}

export default async function BillingDetailsPage({ params }: Props) {
  const { organizationId } = await params;
  const organisation = await loadOrganisation(organizationId);
  const settings = await loadIfAllowed((api) => api.billing.settings({ organizationId }));
  const d = tb.details;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: organisation.name, href: routes.organisation(organizationId) },
    { label: tb.overview.title, href: billingRoutes.billing(organizationId) },
    { label: d.title },
  ];
  if (!settings.allowed) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={d.title} />
        <Forbidden />
      </>
    );
  }
  const data = settings.data;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={d.title}
        description={d.lead}
        actions={
          <Link href={billingRoutes.billing(organizationId)} className="text-link underline">
            {d.billingLink}
          </Link>
        }
      />
      <div className="max-w-3xl space-y-6">
        {data.billingAddress === null && data.canChange ? (
          <Alert tone="warning" title={d.noAddressTitle}>
            <p>{d.noAddressBody}</p>
          </Alert>
        ) : null}
        <Card title={d.addressTitle}>
          {data.canChange ? (
            <AddressForm
              organizationId={organizationId}
              address={data.billingAddress}
              country={data.country}
            />
          ) : (
            <div className="space-y-3" data-testid="billing-address">
              <p className="whitespace-pre-line">
                {data.billingAddress === null
                  ? d.none
                  : `${data.billingAddress}\n${countryName(data.country)}`}
              </p>
              <p className="text-fg-muted">{d.readOnly}</p>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
