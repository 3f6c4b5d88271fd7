import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName, EmptyState, PageHeader } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import { Breadcrumbs, organisationCrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { guidanceFor, NotVerifiedEmptyState } from "@/components/not-verified";
import { EndpointsTable } from "@/components/endpoints/endpoints-table";
import { ENDPOINTS_PAGE_SIZE } from "@/components/endpoints/page-size";
import { programmeRoutes } from "@/components/programmes/paths";
import { te, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { load, loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: te.list.title };

interface Props {
  params: Promise<{ organizationId: string }>;
  searchParams: SearchParams;
}

export default async function EndpointsPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const cursor = param((await searchParams).cursor);
  const organisation = await loadOrganisation(organizationId);
  const canDeploy =
    roleMay(organisation.role, "endpoints.write") && organisation.status === "VERIFIED";
  const [listed, options] = await Promise.all([
    loadIfAllowed((api) =>
      api.endpoints.list({ organizationId, cursor, limit: ENDPOINTS_PAGE_SIZE }),
    ),
    load((api) => api.workloads.formOptions({ organizationId })),
  ]);
  const crumbs = organisationCrumbs(organisation, te.list.title);
  if (!listed.allowed)
    return (
      <ForbiddenPage
        crumbs={crumbs}
        invalid={listed.invalid}
        resetHref={routes.endpoints(organizationId)}
      />
    );
  const page = listed.data;
  const l = te.list;
  const hasQuota = options.lines.length > 0;
  const guidance = guidanceFor(organisation);
  const empty = page.items.length === 0 && !cursor;
  const deployLink =
    canDeploy && hasQuota ? (
      <Link href={routes.newEndpoint(organizationId)} className={buttonClassName()}>
        {l.deploy}
      </Link>
    ) : null;

  function emptyState() {
    if (guidance) return <NotVerifiedEmptyState title={l.emptyTitle} guidance={guidance} />;
    if (!hasQuota)
      return (
        <EmptyState
          title={l.emptyTitle}
          action={
            <Link
              href={programmeRoutes.programmesFor(organizationId)}
              className={buttonClassName("secondary")}
            >
              {tw.list.applyForAllocation}
            </Link>
          }
        >
          <p>{l.emptyNoQuota}</p>
        </EmptyState>
      );
    return (
      <EmptyState title={l.emptyTitle} action={deployLink}>
        <p>{canDeploy ? l.emptyBody : l.emptyReadOnly}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={l.title} description={l.lead} actions={deployLink} />
      <div className="space-y-4">
        {/* An empty list says itself what to do while the organisation is not verified. */}
        {guidance && !empty ? <p className="text-fg-muted">{l.notVerified}</p> : null}
        {empty ? (
          emptyState()
        ) : (
          <EndpointsTable organizationId={organizationId} cursor={cursor} initial={page} />
        )}
      </div>
    </>
  );
}
