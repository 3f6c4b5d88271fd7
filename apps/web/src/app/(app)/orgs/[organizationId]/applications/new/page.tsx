import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Card, EmptyState } from "@tessera/ui";
import { isUndertaking, roleMay } from "@tessera/core";
import { Forbidden } from "@/components/forbidden";
import { guidanceFor, NotVerifiedNote } from "@/components/not-verified";
import { NoProjectsState, PageFrame } from "@/components/page-frame";
import { ApplicationForm } from "@/components/programmes/application-form";
import { programmeRoutes } from "@/components/programmes/paths";
import { t, tp } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { load } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tp.applications.newTitle };

interface Props {
  params: Promise<{ organizationId: string }>;
  searchParams: SearchParams;
}

export default async function NewApplicationPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const programmeId = param((await searchParams).programme);
  const organisation = await loadOrganisation(organizationId);
  const crumbs = [
    { label: t.nav.dashboard, href: routes.dashboard },
    { label: organisation.name, href: routes.organisation(organizationId) },
    { label: tp.applications.title, href: programmeRoutes.applications(organizationId) },
    { label: tp.applications.newTitle },
  ];
  const page = (body: ReactNode) => (
    <PageFrame
      crumbs={crumbs}
      title={tp.applications.newTitle}
      description={tp.applications.newLead}
    >
      {body}
    </PageFrame>
  );

  if (!roleMay(organisation.role, "applications.write")) return page(<Forbidden />);
  const guidance = guidanceFor(organisation);
  if (guidance) return page(<NotVerifiedNote guidance={guidance} />);

  const [projects, programmes, classes] = await Promise.all([
    load((api) => api.projects.list({ organizationId, limit: 100 })),
    load((api) => api.programmes.browse({ organizationId, limit: 100 })),
    load((api) => api.catalogue.resourceClasses.list({ limit: 100 })),
  ]);

  if (projects.items.length === 0) {
    return page(
      <NoProjectsState
        organizationId={organizationId}
        title={tp.applications.noProjectsTitle}
        actionLabel={tp.applications.createProject}
      >
        {tp.applications.noProjectsBody}
      </NoProjectsState>,
    );
  }
  if (programmes.items.length === 0) {
    return page(
      <EmptyState title={tp.applications.noProgrammesTitle}>
        <p>{tp.applications.noProgrammesBody}</p>
      </EmptyState>,
    );
  }

  return page(
    <Card>
      <ApplicationForm
        organizationId={organizationId}
        projects={projects.items.map((p) => ({
          id: p.id,
          name: p.name,
          classification: p.classification,
        }))}
        programmes={programmes.items}
        resourceClasses={classes.items}
        defaultProgrammeId={programmeId}
        undertaking={isUndertaking(organisation)}
      />
    </Card>,
  );
}
