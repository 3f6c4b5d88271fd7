import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName, Card, EmptyState, PageHeader, Td, Th } from "@tessera/ui";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { energyWithBasis } from "@/components/billing/format";
import { billingRoutes } from "@/components/billing/paths";
import { UsageChart } from "@/components/billing/usage-chart";
import { Forbidden } from "@/components/forbidden";
import { formatUnitHours, unitSecondsToHours } from "@/components/programmes/format";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { t, tb } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tb.usage.metaTitle };

const MONTHS = 6;

interface Props {
  params: Promise<{ organizationId: string }>;
}

export default async function UsagePage({ params }: Props) {
  const { organizationId } = await params;
  const organisation = await loadOrganisation(organizationId);
  const usage = await loadIfAllowed((api) => api.billing.usage({ organizationId, months: MONTHS }));
  const u = tb.usage;
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: organisation.name, href: routes.organisation(organizationId) },
    { label: tb.overview.title, href: billingRoutes.billing(organizationId) },
    { label: u.title },
  ];
  if (!usage.allowed) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={u.title} />
        <Forbidden />
      </>
    );
  }
  const data = usage.data;
  const classOf = new Map(data.resourceClasses.map((c) => [c.id, c]));
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={u.title} description={`${u.lead} ${u.months(MONTHS)}.`} />
      {data.byMonth.length === 0 ? (
        <EmptyState
          title={u.emptyTitle}
          action={
            <Link href={routes.newJob(organizationId)} className={buttonClassName("secondary")}>
              {tb.overview.launchJob}
            </Link>
          }
        >
          <p>{u.emptyBody}</p>
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title={u.chartTitle} className="min-w-0">
            <UsageChart usage={data} />
          </Card>
          <Card title={u.byProjectTitle} className="min-w-0">
            <ScrollTable caption={u.byProjectCaption}>
              <thead>
                <tr>
                  <Th>{u.project}</Th>
                  <Th>{u.resourceClass}</Th>
                  <Th className="text-right">{u.quantity}</Th>
                  <Th>{u.energy}</Th>
                </tr>
              </thead>
              <tbody>
                {data.byProject.map((cell) => {
                  const resourceClass = classOf.get(cell.resourceClassId);
                  return (
                    <tr key={`${cell.projectId ?? ""}-${cell.resourceClassId}`}>
                      <Td>{cell.projectName ?? u.noProject}</Td>
                      <Td>{resourceClass?.name ?? cell.resourceClassId}</Td>
                      <Td className="whitespace-nowrap text-right tabular-nums">
                        {formatUnitHours(
                          unitSecondsToHours(cell.unitSeconds),
                          resourceClass?.unit ?? "unit",
                        )}
                      </Td>
                      <Td className="whitespace-nowrap">
                        {energyWithBasis(cell.energyMilliWh, cell.energyMeasured)}
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </ScrollTable>
          </Card>
        </div>
      )}
    </>
  );
}
