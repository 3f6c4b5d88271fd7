import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClassName, Card, EmptyState } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import { Forbidden } from "@/components/forbidden";
import { guidanceFor, NotVerifiedNote } from "@/components/not-verified";
import { NoProjectsState, PageFrame } from "@/components/page-frame";
import { programmeRoutes } from "@/components/programmes/paths";
import { JobForm } from "@/components/workloads/job-form";
import { t, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tw.form.title };

interface Props {
  params: Promise<{ organizationId: string }>;
}

export default async function NewJobPage({ params }: Props) {
  const { organizationId } = await params;
  const organisation = await loadOrganisation(organizationId);
  const page = (body: ReactNode) => (
    <PageFrame
      crumbs={[
        { label: t.nav.dashboard, href: routes.dashboard },
        { label: organisation.name, href: routes.organisation(organizationId) },
        { label: tw.list.title, href: routes.jobs(organizationId) },
        { label: tw.form.title },
      ]}
      title={tw.form.title}
      description={tw.form.lead}
    >
      {body}
    </PageFrame>
  );

  if (!roleMay(organisation.role, "workloads.write")) return page(<Forbidden />);
  const guidance = guidanceFor(organisation);
  if (guidance) return page(<NotVerifiedNote guidance={guidance} />);

  const options = await load((api) => api.workloads.formOptions({ organizationId }));
  if (options.projects.length === 0) {
    return page(
      <NoProjectsState
        organizationId={organizationId}
        title={tw.form.noProjectsTitle}
        actionLabel={tw.form.createProject}
      >
        {tw.form.noProjectsBody}
      </NoProjectsState>,
    );
  }
  if (options.lines.length === 0) {
    return page(
      <EmptyState
        title={tw.form.noQuotaTitle}
        action={
          <Link href={programmeRoutes.programmesFor(organizationId)} className={buttonClassName()}>
            {tw.list.applyForAllocation}
          </Link>
        }
      >
        <p>{tw.list.emptyNoQuota}</p>
      </EmptyState>,
    );
  }

  return page(
    <Card>
      <JobForm organizationId={organizationId} options={options} />
    </Card>,
  );
}
