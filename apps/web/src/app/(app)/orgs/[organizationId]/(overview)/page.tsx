import type { Metadata } from "next";
import Link from "next/link";
import { Card, DescriptionList, PageHeader } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { OrganisationStatusBanner } from "@/components/organisation-status";
import { VerificationBadge } from "@/components/status-badge";
import { countryName, formatDate, t, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";
import { WebsiteLink } from "@/components/website-link";

interface Props {
  params: Promise<{ organizationId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const organisation = await loadOrganisation((await params).organizationId);
  return { title: organisation.name };
}

export default async function OrganisationOverviewPage({ params }: Props) {
  const organisation = await loadOrganisation((await params).organizationId);
  const canManage = roleMay(organisation.role, "organization.update");
  const activeJobs = await load((api) =>
    api.workloads.list({ organizationId: organisation.id, filter: "active", limit: 100 }),
  );

  return (
    <>
      <Breadcrumbs
        items={[{ label: t.nav.dashboard, href: routes.dashboard }, { label: organisation.name }]}
      />
      <PageHeader
        title={organisation.name}
        meta={<VerificationBadge status={organisation.status} />}
        description={`${t.kinds[organisation.kind] ?? organisation.kind} · ${countryName(organisation.country)}`}
      />
      <div className="space-y-6">
        <OrganisationStatusBanner
          organizationId={organisation.id}
          status={organisation.status}
          reason={organisation.statusReason}
          canManage={canManage}
        />
        <div className="grid gap-6 lg:grid-cols-3">
          <Card title={t.organisation.details} className="lg:col-span-2">
            <DescriptionList
              items={[
                {
                  term: t.organisation.kind,
                  detail: t.kinds[organisation.kind] ?? organisation.kind,
                },
                { term: t.organisation.country, detail: countryName(organisation.country) },
                { term: t.organisation.registryId, detail: organisation.registryId },
                {
                  term: t.organisation.website,
                  detail: <WebsiteLink website={organisation.website} />,
                },
                {
                  term: t.organisation.contact,
                  detail: `${organisation.contactName} <${organisation.contactEmail}>`,
                },
                { term: t.organisation.created, detail: formatDate(organisation.createdAt) },
              ]}
            />
          </Card>
          <Card title={t.organisation.quickLinks}>
            <ul className="divide-y divide-line">
              <li className="flex justify-between gap-3 py-2 first:pt-0">
                <span className="text-fg-muted">{t.organisation.yourRole}</span>
                <span className="font-semibold">
                  {t.roles[organisation.role] ?? organisation.role}
                </span>
              </li>
              <li className="flex justify-between gap-3 py-2">
                <span className="text-fg-muted">{t.organisation.members}</span>
                <Link href={routes.members(organisation.id)} className="text-link underline">
                  {t.organisation.memberCount(organisation.memberCount)}
                </Link>
              </li>
              <li className="flex justify-between gap-3 py-2">
                <span className="text-fg-muted">{tw.nav.jobs}</span>
                <Link
                  href={routes.jobs(organisation.id)}
                  className="text-link underline"
                  data-testid="active-jobs"
                >
                  {tw.list.activeCount(activeJobs.items.length, activeJobs.nextCursor !== null)}
                </Link>
              </li>
              <li className="flex justify-between gap-3 py-2">
                <span className="text-fg-muted">{t.nav.projects}</span>
                <Link href={routes.projects(organisation.id)} className="text-link underline">
                  {t.organisation.viewProjects}
                </Link>
              </li>
              {canManage ? (
                <li className="flex justify-between gap-3 py-2 last:pb-0">
                  <span className="text-fg-muted">{t.nav.settings}</span>
                  <Link href={routes.settings(organisation.id)} className="text-link underline">
                    {t.organisation.editDetails}
                  </Link>
                </li>
              ) : null}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
