"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Td, Th } from "@tessera/ui";
import { Pagination } from "@/components/pagination";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { LIVE_REFRESH_MS } from "@/components/workloads/use-now";
import { formatDate, formatTime, te } from "@/i18n";
import { routes } from "@/lib/paths";
import { useTRPC } from "@/trpc/react";
import { EndpointBadge, EndpointReason } from "./badges";
import { ENDPOINTS_PAGE_SIZE } from "./page-size";
import { isSettled, type EndpointPage } from "./types";

/**
 * The organisation's endpoints, kept current without reloading: while any endpoint on the page
 * is still changing it asks again every two seconds (not while the tab is hidden).
 */
export function EndpointsTable({
  organizationId,
  cursor,
  initial,
}: {
  organizationId: string;
  cursor: string | undefined;
  initial: EndpointPage;
}) {
  const trpc = useTRPC();
  const l = te.list;
  const query = useQuery(
    trpc.endpoints.list.queryOptions(
      { organizationId, cursor, limit: ENDPOINTS_PAGE_SIZE },
      {
        initialData: initial,
        refetchInterval: (current) =>
          current.state.data?.items.every(isSettled) ? false : LIVE_REFRESH_MS,
        refetchIntervalInBackground: false,
      },
    ),
  );
  const page = query.data;
  const live = !page.items.every(isSettled);
  return (
    <div className="space-y-2">
      <p className="text-sm text-fg-muted">{live ? l.live : l.settled}</p>
      {query.isRefetchError ? (
        <p role="status" className="text-sm font-semibold text-warning-fg">
          {l.refreshFailed}
        </p>
      ) : null}
      <ScrollTable caption={l.caption} stickyFirstColumn>
        <thead>
          <tr>
            <Th>{l.name}</Th>
            <Th>{l.model}</Th>
            <Th>{l.status}</Th>
            <Th className="text-right">{l.replicas}</Th>
            <Th>{l.hardware}</Th>
            <Th>{l.created}</Th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((endpoint) => (
            <tr key={endpoint.id} data-testid={`endpoint-${endpoint.id}`}>
              <Td className="min-w-36 max-w-48 sm:max-w-none">
                <Link
                  href={routes.endpoint(organizationId, endpoint.id)}
                  className="font-semibold wrap-anywhere text-link underline"
                >
                  {endpoint.name}
                </Link>
                {/* On a phone the status column is off to the side: say it here too. */}
                <span className="mt-1 block sm:hidden">
                  <EndpointBadge status={endpoint.status} testId="endpoint-status-narrow" />
                </span>
                <span className="block">{endpoint.project.name}</span>
                <span className="block text-fg-muted">{l.by(endpoint.createdBy.name)}</span>
              </Td>
              <Td className="min-w-40 font-mono text-sm wrap-anywhere">{endpoint.model.name}</Td>
              <Td className="min-w-36">
                <EndpointBadge status={endpoint.status} />
                <EndpointReason status={endpoint.status} reason={endpoint.statusReason} />
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums">
                <span data-testid="replicas">
                  {l.replicasReady(endpoint.readyReplicas, endpoint.desiredReplicas)}
                </span>
              </Td>
              <Td className="min-w-36">
                {l.perReplica(endpoint.unitsPerReplica, endpoint.resourceClass.name)}
                <span className="block text-fg-muted">{endpoint.cluster.name}</span>
              </Td>
              <Td className="whitespace-nowrap">
                {/* Date above time, so that the column is narrow enough for every column to fit. */}
                <time dateTime={endpoint.createdAt.toISOString()}>
                  <span className="block">{formatDate(endpoint.createdAt)}</span>
                  <span className="block text-fg-muted">{formatTime(endpoint.createdAt)}</span>
                </time>
              </Td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <Pagination
        basePath={routes.endpoints(organizationId)}
        params={{}}
        cursor={cursor}
        nextCursor={page.nextCursor}
      />
    </div>
  );
}
