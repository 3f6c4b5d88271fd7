import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { BudgetForm } from "@/components/billing/budget-form";
import { BudgetMonth, BudgetThresholds } from "@/components/billing/budget-summary";
import { billingRoutes } from "@/components/billing/paths";
import { Forbidden } from "@/components/forbidden";
import { t, tb, tg } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tg.page.metaTitle };

interface Props {
  params: Promise<{ organizationId: string }>;
}

export default async function BudgetPage({ params }: Props) {
  const { organizationId } = await params;
  const organisation = await loadOrganisation(organizationId);
  const budget = await loadIfAllowed((api) => api.billing.budget({ organizationId }));
  const g = tg.page;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: organisation.name, href: routes.organisation(organizationId) },
    { label: tb.overview.title, href: billingRoutes.billing(organizationId) },
    { label: g.title },
  ];
  if (!budget.allowed) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={g.title} />
        <Forbidden />
      </>
    );
  }
  const data = budget.data;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={g.title}
        description={g.lead}
        actions={
          <Link href={billingRoutes.billing(organizationId)} className="text-link underline">
            {g.billingLink}
          </Link>
        }
      />
      <div className="space-y-6">
        <p className="max-w-3xl" data-testid="budget-basis">
          {g.basis}
        </p>
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <BudgetMonth budget={data} />
          </div>
          <BudgetThresholds budget={data} />
        </div>
        <Card title={tg.form.title}>
          {data.canChange ? (
            <BudgetForm
              organizationId={organizationId}
              budgetMinor={data.budgetMinor}
              currency={data.currency}
            />
          ) : (
            <p className="text-fg-muted">{tg.form.readOnly}</p>
          )}
        </Card>
      </div>
    </>
  );
}
