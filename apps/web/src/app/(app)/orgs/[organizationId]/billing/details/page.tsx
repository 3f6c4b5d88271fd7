import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@tessera/ui";
import { AddressCard } from "@/components/billing/address-card";
import { billingRoutes } from "@/components/billing/paths";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
import { t, tb } from "@/i18n";
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
      <div className="max-w-3xl">
        <AddressCard
          organizationId={organizationId}
          address={data.billingAddress}
          country={data.country}
          canChange={data.canChange}
        />
      </div>
    </>
  );
}
