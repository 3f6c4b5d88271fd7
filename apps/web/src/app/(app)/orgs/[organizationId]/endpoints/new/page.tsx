import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClassName, Card, EmptyState } from "@tessera/ui";
import { ENDPOINT_LIMITS, roleMay } from "@tessera/core";
import { EndpointForm } from "@/components/endpoints/endpoint-form";
import { Forbidden } from "@/components/forbidden";
import { guidanceFor, NotVerifiedNote } from "@/components/not-verified";
import { NoProjectsState, PageFrame } from "@/components/page-frame";
import { programmeRoutes } from "@/components/programmes/paths";
import { t, te, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { load } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: te.form.title };

interface Props {
  params: Promise<{ organizationId: string }>;
  /** `project`: the project to deploy for, chosen in the form (from an API key's notice). */
  searchParams: SearchParams;
}

export default async function NewEndpointPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const requestedProject = param((await searchParams).project);
  const organisation = await loadOrganisation(organizationId);
  const f = te.form;
  const page = (body: ReactNode) => (
    <PageFrame
      crumbs={[
        { label: t.nav.dashboard, href: routes.dashboard },
        { label: organisation.name, href: routes.organisation(organizationId) },
        { label: te.list.title, href: routes.endpoints(organizationId) },
        { label: f.title },
      ]}
      title={f.title}
      description={f.lead}
    >
      {body}
    </PageFrame>
  );

  if (!roleMay(organisation.role, "endpoints.write")) return page(<Forbidden />);
  const guidance = guidanceFor(organisation);
  if (guidance) return page(<NotVerifiedNote guidance={guidance} />);

  const [options, catalogue, runtimes] = await Promise.all([
    load((api) => api.workloads.formOptions({ organizationId })),
    load((api) => api.models.list({ organizationId })),
    load((api) => api.models.runtimes({ organizationId })),
  ]);
  if (options.projects.length === 0) {
    return page(
      <NoProjectsState
        organizationId={organizationId}
        title={f.noProjectsTitle}
        actionLabel={f.createProject}
      >
        {f.noProjectsBody}
      </NoProjectsState>,
    );
  }
  if (options.lines.length === 0) {
    return page(
      <EmptyState
        title={f.noQuotaTitle}
        action={
          <Link href={programmeRoutes.programmesFor(organizationId)} className={buttonClassName()}>
            {tw.list.applyForAllocation}
          </Link>
        }
      >
        <p>{te.list.emptyNoQuota}</p>
      </EmptyState>,
    );
  }

  return page(
    <Card>
      <EndpointForm
        organizationId={organizationId}
        options={options}
        initialProjectId={
          options.projects.some((p) => p.id === requestedProject) ? requestedProject : undefined
        }
        catalogue={catalogue}
        runtimes={runtimes}
        limits={{
          maxNameLength: ENDPOINT_LIMITS.maxNameLength,
          maxReplicas: ENDPOINT_LIMITS.maxReplicas,
          maxUnitsPerReplica: ENDPOINT_LIMITS.maxUnitsPerReplica,
          leaseSeconds: ENDPOINT_LIMITS.leaseSeconds,
          minIdleSeconds: ENDPOINT_LIMITS.minIdleSeconds,
          maxIdleSeconds: ENDPOINT_LIMITS.maxIdleSeconds,
        }}
      />
    </Card>,
  );
}
