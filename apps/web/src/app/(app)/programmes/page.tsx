import type { Metadata } from "next";
import Link from "next/link";
import { Button, buttonClassName, EmptyState, PageHeader, Select } from "@tessera/ui";
import { defaultApplicant, roleMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { Pagination } from "@/components/pagination";
import { programmeRoutes } from "@/components/programmes/paths";
import { noOrganisationGuidance } from "@/components/programmes/no-organisation-guidance";
import { ProgrammeCard } from "@/components/programmes/programme-card";
import { t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { load, loadIfAllowed } from "@/server/api";

export const metadata: Metadata = { title: tp.programmes.title };

export default async function ProgrammesPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const cursor = param(query.cursor);
  const me = await load((api) => api.me.get());
  const memberships = me.memberships;
  // Unless one is chosen, a verified organisation: a pending one is eligible for nothing.
  const chosen =
    memberships.find((m) => m.organization.id === param(query.org)) ??
    defaultApplicant(memberships);
  const organizationId = chosen?.organization.id ?? null;
  const listed = await loadIfAllowed((api) =>
    organizationId
      ? api.programmes.browse({ organizationId, cursor, limit: 10 })
      : api.programmes.list({ cursor, limit: 10 }),
  );
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: tp.programmes.title },
  ];
  if (!listed.allowed)
    return (
      <ForbiddenPage
        crumbs={crumbs}
        invalid={listed.invalid}
        resetHref={programmeRoutes.programmes}
      />
    );
  const page = listed.data;
  const canApply = chosen ? roleMay(chosen.role, "applications.write") : false;
  const noOrganisation = noOrganisationGuidance(me.user.platformRoles);

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={tp.programmes.title} description={tp.programmes.lead} />
      <div className="space-y-6">
        {memberships.length > 1 ? (
          <form
            method="get"
            action={programmeRoutes.programmes}
            className="flex flex-wrap items-end gap-3"
          >
            <div className="min-w-[16rem] space-y-1">
              <label htmlFor="programmes-org" className="block font-semibold">
                {tp.programmes.forOrganisation}
              </label>
              <Select id="programmes-org" name="org" defaultValue={organizationId ?? ""}>
                {memberships.map((m) => (
                  <option key={m.organization.id} value={m.organization.id}>
                    {m.organization.name}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="submit" variant="secondary">
              {tp.programmes.show}
            </Button>
          </form>
        ) : null}
        {chosen ? (
          <p className="text-fg-muted">
            {tp.programmes.forOrganisation}:{" "}
            <span className="font-semibold text-fg">{chosen.organization.name}</span>
            {canApply ? null : ` — ${tp.programmes.readOnlyRole}`}
          </p>
        ) : (
          <EmptyState
            title={noOrganisation.title}
            action={
              <Link href={noOrganisation.action.href} className={buttonClassName()}>
                {noOrganisation.action.label}
              </Link>
            }
          />
        )}
        {page.items.length === 0 && !cursor ? (
          <EmptyState title={tp.programmes.emptyTitle}>
            <p>{tp.programmes.emptyBody}</p>
          </EmptyState>
        ) : (
          <div className="space-y-6">
            {page.items.map((programme) => (
              <ProgrammeCard
                key={programme.id}
                programme={programme}
                organizationId={organizationId}
                canApply={canApply}
              />
            ))}
          </div>
        )}
        <Pagination
          basePath={programmeRoutes.programmes}
          params={{ org: organizationId ?? undefined }}
          cursor={cursor}
          nextCursor={page.nextCursor}
        />
      </div>
    </>
  );
}
