"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Td, Th } from "@tessera/ui";
import { Pagination } from "@/components/pagination";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { formatDateTime, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { useTRPC } from "@/trpc/react";
import { StatusReason, WorkloadBadge } from "./badges";
import { formatDuration, formatQuota, runSeconds } from "./format";
import { JobEnergy } from "./job-energy";
import { JOBS_PAGE_SIZE } from "./page-size";
import type { WorkloadFilter, WorkloadPage, WorkloadSummary } from "./types";
import { LIVE_REFRESH_MS, useNow } from "./use-now";

function Started({ job, now }: { job: WorkloadSummary; now: number | null }) {
  if (!job.startedAt) {
    return (
      <span className="text-fg-muted">{job.terminal ? tw.list.neverRan : tw.list.notStarted}</span>
    );
  }
  const seconds = runSeconds(job, now);
  return (
    <>
      <time dateTime={job.startedAt.toISOString()}>{formatDateTime(job.startedAt)}</time>
      {seconds !== null ? (
        <span className="block text-fg-muted">
          {job.endedAt
            ? tw.list.ranFor(formatDuration(seconds))
            : tw.list.runningFor(formatDuration(seconds))}
        </span>
      ) : null}
    </>
  );
}

function Quota({ job }: { job: WorkloadSummary }) {
  const unit = job.resourceClass.unit;
  if (job.consumedUnitSeconds !== null)
    return (
      <>
        <span className="block">
          {tw.list.consumed(formatQuota(job.consumedUnitSeconds, unit))}
        </span>
        <span className="block text-fg-muted">
          {tw.list.ofHeld(formatQuota(job.heldUnitSeconds, unit))}
        </span>
      </>
    );
  if (job.terminal) return <span className="text-fg-muted">{tw.list.released}</span>;
  return <span>{tw.list.held(formatQuota(job.heldUnitSeconds, unit))}</span>;
}

/**
 * The organisation's jobs, kept current without reloading: while any job on the page is still
 * moving it asks again every two seconds (not while the browser tab is hidden), and stops once
 * every job has ended.
 */
export function JobsTable({
  organizationId,
  filter,
  cursor,
  initial,
}: {
  organizationId: string;
  filter: WorkloadFilter;
  cursor: string | undefined;
  initial: WorkloadPage;
}) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.workloads.list.queryOptions(
      { organizationId, filter, cursor, limit: JOBS_PAGE_SIZE },
      {
        initialData: initial,
        refetchInterval: (current) =>
          current.state.data?.items.some((job) => !job.terminal) ? LIVE_REFRESH_MS : false,
        refetchIntervalInBackground: false,
      },
    ),
  );
  const page = query.data;
  const live = page.items.some((job) => !job.terminal);
  const now = useNow(live);

  return (
    <div className="space-y-2">
      <p className="text-sm text-fg-muted">{live ? tw.list.live : tw.list.settled}</p>
      {query.isRefetchError ? (
        <p role="status" className="text-sm font-semibold text-warning-fg">
          {tw.list.refreshFailed}
        </p>
      ) : null}
      <ScrollTable caption={tw.list.caption} stickyFirstColumn>
        <thead>
          <tr>
            <Th>{tw.list.job}</Th>
            <Th>{tw.list.status}</Th>
            <Th>{tw.list.resources}</Th>
            <Th>{tw.list.cluster}</Th>
            <Th>{tw.list.started}</Th>
            <Th>{tw.list.quota}</Th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((job) => (
            <tr key={job.id} data-testid={`job-${job.id}`}>
              <Td className="min-w-40 max-w-48 sm:max-w-none">
                <Link
                  href={routes.job(organizationId, job.id)}
                  className="font-semibold break-words text-link underline"
                >
                  {job.name}
                </Link>
                {/* On a phone the status column is off to the side: say it here too. */}
                <span className="mt-1 block sm:hidden">
                  <WorkloadBadge status={job.status} testId="job-status-narrow" />
                </span>
                <span className="block">{job.project.name}</span>
                <span className="block text-fg-muted">{tw.list.by(job.createdBy.name)}</span>
              </Td>
              <Td className="min-w-44">
                <WorkloadBadge status={job.status} />
                <StatusReason
                  status={job.status}
                  reason={job.statusReason}
                  cancelRequested={job.cancelRequestedAt !== null}
                  brief
                />
              </Td>
              <Td className="min-w-36">
                {tw.list.gpus(job.quantity, job.resourceClass.name)}
                <span className="block text-fg-muted">
                  {tw.list.walltime(formatDuration(job.walltimeSeconds))}
                </span>
              </Td>
              <Td>
                {job.cluster.name}
                <span className="block text-fg-muted">
                  {tw.list.jurisdiction(job.cluster.jurisdiction)}
                </span>
                {job.externalId ? (
                  <span className="block font-mono text-xs text-fg-muted">
                    {tw.list.backendId(job.externalId)}
                  </span>
                ) : null}
              </Td>
              <Td className="min-w-36">
                <Started job={job} now={now} />
              </Td>
              <Td className="min-w-32">
                <Quota job={job} />
                <JobEnergy energy={job.energy} className="block text-fg-muted" />
              </Td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <Pagination
        basePath={routes.jobs(organizationId)}
        params={{ show: filter === "all" ? undefined : filter }}
        cursor={cursor}
        nextCursor={page.nextCursor}
      />
    </div>
  );
}
