import type { Metadata } from "next";
import Link from "next/link";
import { Alert, buttonClassName, Card, EmptyState, PageHeader } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { Forbidden } from "@/components/forbidden";
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
  const header = (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={tp.applications.newTitle} description={tp.applications.newLead} />
    </>
  );

  if (!roleMay(organisation.role, "applications.write")) {
    return (
      <>
        {header}
        <Forbidden />
      </>
    );
  }
  if (organisation.status !== "VERIFIED") {
    return (
      <>
        {header}
        <Alert tone="warning" title={t.organisation.notVerifiedNote}>
          <p>{tp.applications.notVerified}</p>
        </Alert>
      </>
    );
  }

  const [projects, programmes, classes] = await Promise.all([
    load((api) => api.projects.list({ organizationId, limit: 100 })),
    load((api) => api.programmes.browse({ organizationId, limit: 100 })),
    load((api) => api.catalogue.resourceClasses.list({ limit: 100 })),
  ]);

  if (projects.items.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          title={tp.applications.noProjectsTitle}
          action={
            <Link href={routes.projects(organizationId)} className={buttonClassName()}>
              {tp.applications.createProject}
            </Link>
          }
        >
          <p>{tp.applications.noProjectsBody}</p>
        </EmptyState>
      </>
    );
  }
  if (programmes.items.length === 0) {
    return (
      <>
        {header}
        <EmptyState title={tp.applications.noProgrammesTitle}>
          <p>{tp.applications.noProgrammesBody}</p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      {header}
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
        />
      </Card>
    </>
  );
}
