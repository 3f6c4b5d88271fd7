"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Th } from "@tessera/ui";
import { Pagination } from "@/components/pagination";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { useTRPC } from "@/trpc/react";
import { JobRow, WIDE_ONLY } from "./job-row";
import { JOBS_PAGE_SIZE } from "./page-size";
import type { WorkloadFilter, WorkloadPage } from "./types";
import { LIVE_REFRESH_MS, USAGE_SO_FAR_REFRESH_MS, useNow } from "./use-now";

/**
 * The organisation's jobs, kept current without reloading: while any job on the page is still
 * moving it asks again every two seconds (not while the browser tab is hidden), and stops once
 * every job has ended. The running jobs' use and cost so far come from one reading for the page,
 * the figures their own pages give, asked for again as those pages ask.
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
  const runningIds = page.items
    .filter((job) => job.status === "RUNNING" && job.consumedUnitSeconds === null)
    .map((job) => job.id);
  const soFarQuery = useQuery(
    trpc.workloads.usageSoFarOfJobs.queryOptions(
      { organizationId, workloadIds: runningIds },
      {
        enabled: runningIds.length > 0,
        refetchInterval: USAGE_SO_FAR_REFRESH_MS,
        refetchIntervalInBackground: false,
        // While the running jobs change, the figures already shown stay until the new ones come.
        placeholderData: keepPreviousData,
      },
    ),
  );
  const soFar = new Map(
    runningIds.length > 0 ? (soFarQuery.data ?? []).map((row) => [row.workloadId, row]) : [],
  );

  return (
    <div className="space-y-2">
      <p className="text-sm text-fg-muted">{live ? tw.list.live : tw.list.settled}</p>
      {query.isRefetchError ? (
        <p role="status" className="text-sm font-semibold text-warning-fg">
          {tw.list.refreshFailed}
        </p>
      ) : null}
      {runningIds.length > 0 && soFarQuery.isError ? (
        <p role="status" className="text-sm font-semibold text-warning-fg">
          {tw.list.soFarFailed}
        </p>
      ) : null}
      <ScrollTable caption={tw.list.caption} stickyFirstColumn>
        <thead>
          <tr>
            <Th>{tw.list.job}</Th>
            <Th className={WIDE_ONLY}>{tw.list.status}</Th>
            <Th>{tw.list.resources}</Th>
            <Th>{tw.list.cluster}</Th>
            <Th>{tw.list.started}</Th>
            <Th>{tw.list.quota}</Th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((job) => (
            <JobRow
              key={job.id}
              job={job}
              organizationId={organizationId}
              now={now}
              soFar={soFar.get(job.id)}
            />
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
