import type { Metadata } from "next";
import { Badge, Card, EmptyState, PageHeader, Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { roleMay } from "@tessera/core";
import { Breadcrumbs, organisationCrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { ProjectForm } from "@/components/forms/project-form";
import { Pagination } from "@/components/pagination";
import { formatDate, t } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

interface Props {
  params: Promise<{ organizationId: string }>;
  searchParams: SearchParams;
}

export const metadata: Metadata = { title: t.projects.title };

const CLASSIFICATION_TONE = {
  PUBLIC: "neutral",
  INTERNAL: "info",
  CONFIDENTIAL: "warning",
  RESTRICTED: "danger",
} as const;

export default async function ProjectsPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const cursor = param((await searchParams).cursor);
  const organisation = await loadOrganisation(organizationId);
  const listed = await loadIfAllowed((api) =>
    api.projects.list({ organizationId, cursor, limit: 20 }),
  );
  const canCreate = roleMay(organisation.role, "projects.create");
  const crumbs = organisationCrumbs(organisation, t.projects.title);
  if (!listed.allowed)
    return (
      <ForbiddenPage
        crumbs={crumbs}
        invalid={listed.invalid}
        resetHref={routes.projects(organizationId)}
      />
    );
  const page = listed.data;

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={t.projects.title} description={t.projects.lead} />
      <div className="space-y-8">
        {page.items.length === 0 && !cursor ? (
          <EmptyState title={t.projects.emptyTitle}>
            <p>{t.projects.emptyBody}</p>
          </EmptyState>
        ) : (
          <div>
            <ScrollTable caption={t.projects.tableCaption}>
              <thead>
                <tr>
                  <Th>{t.projects.name}</Th>
                  <Th>{t.projects.classification}</Th>
                  <Th>{t.projects.residency}</Th>
                  <Th>{t.projects.created}</Th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((project) => (
                  <tr key={project.id}>
                    <Td className="min-w-40 wrap-anywhere">
                      <span className="font-semibold">{project.name}</span>
                      {project.description ? (
                        <span className="block text-fg-muted">{project.description}</span>
                      ) : null}
                    </Td>
                    <Td>
                      <Badge tone={CLASSIFICATION_TONE[project.classification]} mark={false}>
                        {t.classifications[project.classification]}
                      </Badge>
                    </Td>
                    <Td>{project.residency ?? t.projects.residencyAnywhere}</Td>
                    <Td>{formatDate(project.createdAt)}</Td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            <Pagination
              basePath={routes.projects(organizationId)}
              params={{}}
              cursor={cursor}
              nextCursor={page.nextCursor}
            />
          </div>
        )}
        <Card title={t.projects.createTitle}>
          {canCreate ? (
            <ProjectForm organizationId={organizationId} />
          ) : (
            <p className="text-fg-muted">{t.projects.readOnly}</p>
          )}
        </Card>
      </div>
    </>
  );
}
