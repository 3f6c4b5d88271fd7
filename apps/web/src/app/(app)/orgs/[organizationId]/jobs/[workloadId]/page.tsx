import type { Metadata } from "next";
import { cache } from "react";
import { roleMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { JobDetail } from "@/components/workloads/job-detail";
import { t, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

/** The job, read once per request for the page and its title. */
const loadJob = cache((organizationId: string, workloadId: string) =>
  load((api) => api.workloads.get({ organizationId, workloadId })),
);

interface Props {
  params: Promise<{ organizationId: string; workloadId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { organizationId, workloadId } = await params;
  const job = await loadJob(organizationId, workloadId);
  return { title: tw.detail.metaTitle(job.name) };
}

export default async function JobPage({ params }: Props) {
  const { organizationId, workloadId } = await params;
  const organisation = await loadOrganisation(organizationId);
  const job = await loadJob(organizationId, workloadId);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: organisation.name, href: routes.organisation(organizationId) },
          { label: tw.list.title, href: routes.jobs(organizationId) },
          { label: job.name },
        ]}
      />
      <JobDetail
        organizationId={organizationId}
        initial={job}
        canCancel={roleMay(organisation.role, "workloads.write")}
      />
    </>
  );
}
