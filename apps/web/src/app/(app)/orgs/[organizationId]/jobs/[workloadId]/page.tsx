import type { Metadata } from "next";
import { roleMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { JobDetail } from "@/components/workloads/job-detail";
import { t, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadOrganisation } from "@/server/organisation";
import { loadJob } from "@/server/workloads";

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
