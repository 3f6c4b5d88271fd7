import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName, EmptyState, PageHeader, Td, Th } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import type { AllocationRequestStatus } from "@tessera/db";
import { Breadcrumbs, organisationCrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { guidanceFor, NotVerifiedEmptyState } from "@/components/not-verified";
import { Pagination } from "@/components/pagination";
import { RequestedAndGranted } from "@/components/programmes/award-table";
import { ApplicationBadge } from "@/components/programmes/badges";
import { FilterTabs } from "@/components/programmes/filter-tabs";
import { programmeRoutes } from "@/components/programmes/paths";
import { formatDate, tp } from "@/i18n";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";
import { ScrollTable } from "@/components/programmes/scroll-table";

export const metadata: Metadata = { title: tp.applications.title };

const STATUSES: AllocationRequestStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "REJECTED",
  "WITHDRAWN",
];

interface Props {
  params: Promise<{ organizationId: string }>;
  searchParams: SearchParams;
}

export default async function ApplicationsPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const query = await searchParams;
  const status = STATUSES.find((s) => s === param(query.status));
  const cursor = param(query.cursor);
  const organisation = await loadOrganisation(organizationId);
  const listed = await loadIfAllowed((api) =>
    api.applications.list({ organizationId, status, cursor, limit: 25 }),
  );
  const base = programmeRoutes.applications(organizationId);
  const crumbs = organisationCrumbs(organisation, tp.applications.title);
  if (!listed.allowed)
    return <ForbiddenPage crumbs={crumbs} invalid={listed.invalid} resetHref={base} />;
  const page = listed.data;
  const canWrite = roleMay(organisation.role, "applications.write");
  const verified = organisation.status === "VERIFIED";
  const guidance = guidanceFor(organisation);
  // An empty list of all applications says itself what to do while the organisation is not verified.
  const guidanceInList = guidance !== null && page.items.length === 0 && !cursor && !status;
  const tabHref = (value: AllocationRequestStatus | undefined) =>
    value ? `${base}?status=${value}` : base;

  const newButton =
    canWrite && verified ? (
      <Link href={programmeRoutes.newApplication(organizationId)} className={buttonClassName()}>
        {tp.applications.new}
      </Link>
    ) : null;

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={tp.applications.title}
        description={tp.applications.lead}
        actions={newButton}
      />
      <div className="space-y-4">
        {guidance && !guidanceInList ? (
          <p className="text-fg-muted">{tp.applications.notVerified}</p>
        ) : null}
        {verified && !canWrite ? <p className="text-fg-muted">{tp.applications.readOnly}</p> : null}
        <FilterTabs
          label={tp.applications.filterStatus}
          tabs={[
            { href: tabHref(undefined), label: tp.applications.allStatuses, current: !status },
            ...STATUSES.map((value) => ({
              href: tabHref(value),
              label: tp.status.application[value],
              current: status === value,
            })),
          ]}
        />
        {page.items.length === 0 && !cursor ? (
          status ? (
            <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
              {tp.applications.emptyFiltered}
            </p>
          ) : guidance ? (
            <NotVerifiedEmptyState title={tp.applications.emptyTitle} guidance={guidance} />
          ) : (
            <EmptyState
              title={tp.applications.emptyTitle}
              action={
                <Link
                  href={programmeRoutes.programmesFor(organizationId)}
                  className={buttonClassName("secondary")}
                >
                  {tp.applications.findProgramme}
                </Link>
              }
            >
              <p>{tp.applications.emptyBody}</p>
            </EmptyState>
          )
        ) : (
          <ScrollTable caption={tp.applications.tableCaption}>
            <thead>
              <tr>
                <Th>{tp.applications.titleColumn}</Th>
                <Th>{tp.applications.programme}</Th>
                <Th className="text-right">{tp.applications.requested}</Th>
                <Th className="text-right">{tp.applications.programmePays}</Th>
                <Th>{tp.applications.status}</Th>
                <Th>{tp.applications.updated}</Th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((application) => (
                <tr key={application.id} data-testid={`application-${application.id}`}>
                  <Td>
                    <Link
                      href={programmeRoutes.application(organizationId, application.id)}
                      className="font-semibold text-link underline"
                    >
                      {application.title}
                    </Link>
                    <span className="block text-fg-muted">{application.project.name}</span>
                  </Td>
                  <Td>
                    {application.programme.name}
                    <span className="block text-fg-muted">{application.call.name}</span>
                  </Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    <RequestedAndGranted
                      requestedMinor={application.requested.listValueMinor}
                      grantedMinor={application.granted?.listValueMinor ?? null}
                      currency={application.programme.currency}
                    />
                  </Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    <RequestedAndGranted
                      requestedMinor={application.requested.programmeShareMinor}
                      grantedMinor={application.granted?.programmeShareMinor ?? null}
                      currency={application.programme.currency}
                    />
                  </Td>
                  <Td>
                    <ApplicationBadge status={application.status} />
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(application.updatedAt)}</Td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
        <Pagination
          basePath={base}
          params={{ status }}
          cursor={cursor}
          nextCursor={page.nextCursor}
        />
      </div>
    </>
  );
}
