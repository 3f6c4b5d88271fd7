import type { Metadata } from "next";
import { countsTokens } from "@tessera/core/words";
import { Card, PageHeader } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { AccruingWindows } from "@/components/billing/accruing-windows";
import { NoUsageState } from "@/components/billing/no-usage-state";
import { billingRoutes } from "@/components/billing/paths";
import { chargesByMonth } from "@/components/billing/charges-by-month";
import { ChargesChart } from "@/components/billing/charges-chart";
import { UsageTable } from "@/components/billing/usage-table";
import { Forbidden } from "@/components/forbidden";
import { t, tb } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tb.usage.metaTitle };

const MONTHS = 6;
/** Enough invoices and credit notes to cover MONTHS (one invoice a month, credit notes rare). */
const INVOICES = 24;

interface Props {
  params: Promise<{ organizationId: string }>;
}

export default async function UsagePage({ params }: Props) {
  const { organizationId } = await params;
  const organisation = await loadOrganisation(organizationId);
  // The money comes from what Billing shows: the months' invoices and the charges so far (which
  // also give the endpoints' open windows as Billing counts them); nothing is priced here.
  const [usage, current, invoices] = await Promise.all([
    loadIfAllowed((api) => api.billing.usage({ organizationId, months: MONTHS })),
    loadIfAllowed((api) => api.billing.current({ organizationId })),
    loadIfAllowed((api) => api.billing.invoices({ organizationId, limit: INVOICES })),
  ]);
  const u = tb.usage;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: organisation.name, href: routes.organisation(organizationId) },
    { label: tb.overview.title, href: billingRoutes.billing(organizationId) },
    { label: u.title },
  ];
  if (!usage.allowed || !current.allowed || !invoices.allowed) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={u.title} />
        <Forbidden />
      </>
    );
  }
  const data = usage.data;
  const accruing = current.data.accruingWindows.length > 0;
  const tokenClasses = new Set(
    data.resourceClasses.filter((c) => countsTokens(c.kind)).map((c) => c.id),
  );
  // How a shared model's tokens' energy is estimated, as Billing says under its lines.
  const sharedEnergy = data.byProject.some(
    (cell) => cell.tokens > 0 && tokenClasses.has(cell.resourceClassId),
  );
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={u.title} description={`${u.lead} ${u.months(MONTHS)}.`} />
      {accruing ? (
        <div className="mb-6">
          <AccruingWindows organizationId={organizationId} charges={current.data} />
        </div>
      ) : null}
      {data.byMonth.length === 0 ? (
        accruing ? null : (
          <NoUsageState organisation={organisation} title={u.emptyTitle} body={u.emptyBody} />
        )
      ) : (
        <div className="space-y-6">
          <Card title={u.chartTitle} className="min-w-0">
            <ChargesChart
              charges={chargesByMonth(data.months, invoices.data.items, current.data)}
              currency={current.data.currency}
              usage={data}
            />
          </Card>
          <Card title={u.byProjectTitle} className="min-w-0">
            <UsageTable
              caption={u.byProjectCaption}
              firstHeader={u.project}
              classes={data.resourceClasses}
              rows={data.byProject.map((cell) => ({
                ...cell,
                key: `${cell.projectId ?? ""}-${cell.resourceClassId}`,
                first: cell.projectName ?? u.noProject,
              }))}
            />
            {sharedEnergy ? (
              <p className="mt-2 text-sm text-fg-muted" data-testid="shared-energy-note">
                {tb.energy.sharedRule}
              </p>
            ) : null}
          </Card>
        </div>
      )}
    </>
  );
}
