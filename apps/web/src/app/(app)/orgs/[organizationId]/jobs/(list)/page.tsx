import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName, EmptyState, PageHeader } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import { Breadcrumbs, organisationCrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { guidanceFor, NotVerifiedEmptyState } from "@/components/not-verified";
import { FilterTabs } from "@/components/programmes/filter-tabs";
import { programmeRoutes } from "@/components/programmes/paths";
import { JobsTable } from "@/components/workloads/jobs-table";
import { JOBS_PAGE_SIZE } from "@/components/workloads/page-size";
import type { WorkloadFilter } from "@/components/workloads/types";
import { tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { load, loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tw.list.title };

const FILTERS: WorkloadFilter[] = ["all", "active", "finished"];

interface Props {
  params: Promise<{ organizationId: string }>;
  searchParams: SearchParams;
}

export default async function JobsPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const query = await searchParams;
  const filter = FILTERS.find((f) => f === param(query.show)) ?? "all";
  const cursor = param(query.cursor);
  const organisation = await loadOrganisation(organizationId);
  const canSubmit =
    roleMay(organisation.role, "workloads.write") && organisation.status === "VERIFIED";
  const [listed, options] = await Promise.all([
    loadIfAllowed((api) =>
      api.workloads.list({ organizationId, filter, cursor, limit: JOBS_PAGE_SIZE }),
    ),
    load((api) => api.workloads.formOptions({ organizationId })),
  ]);
  const base = routes.jobs(organizationId);
  const crumbs = organisationCrumbs(organisation, tw.list.title);
  if (!listed.allowed)
    return <ForbiddenPage crumbs={crumbs} invalid={listed.invalid} resetHref={base} />;
  const page = listed.data;
  const hasQuota = options.lines.length > 0;
  const guidance = guidanceFor(organisation);
  const empty = page.items.length === 0 && !cursor;
  // An empty list of all jobs says itself what to do while the organisation is not verified.
  const guidanceInList = guidance !== null && empty && filter === "all";

  const submitLink =
    canSubmit && hasQuota ? (
      <Link href={routes.newJob(organizationId)} className={buttonClassName()}>
        {tw.list.submit}
      </Link>
    ) : null;

  function emptyState() {
    if (filter !== "all")
      return (
        <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
          {filter === "active" ? tw.list.emptyActive : tw.list.emptyFinished}
        </p>
      );
    if (guidance) return <NotVerifiedEmptyState title={tw.list.emptyTitle} guidance={guidance} />;
    if (!hasQuota)
      return (
        <EmptyState
          title={tw.list.emptyTitle}
          action={
            <Link
              href={programmeRoutes.programmesFor(organizationId)}
              className={buttonClassName("secondary")}
            >
              {tw.list.applyForAllocation}
            </Link>
          }
        >
          <p>{tw.list.emptyNoQuota}</p>
        </EmptyState>
      );
    return (
      <EmptyState title={tw.list.emptyTitle} action={submitLink}>
        <p>{canSubmit ? tw.list.emptyBody : tw.list.emptyReadOnly}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={tw.list.title} description={tw.list.lead} actions={submitLink} />
      <div className="space-y-4">
        {guidance && !guidanceInList ? (
          <p className="text-fg-muted">{tw.list.notVerified}</p>
        ) : null}
        <FilterTabs
          label={tw.list.filter}
          tabs={FILTERS.map((value) => ({
            href: value === "all" ? base : `${base}?show=${value}`,
            label: tw.list.filters[value],
            current: filter === value,
          }))}
        />
        {empty ? (
          emptyState()
        ) : (
          <JobsTable
            organizationId={organizationId}
            filter={filter}
            cursor={cursor}
            initial={page}
          />
        )}
      </div>
    </>
  );
}
