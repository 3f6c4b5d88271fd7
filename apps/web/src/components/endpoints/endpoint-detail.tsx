"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Card, DescriptionList, PageHeader } from "@tessera/ui";
import { StatusAnnouncement, useStatusAnnouncement } from "@/components/live-status";
import { formatDuration, formatQuota } from "@/components/workloads/format";
import { LIVE_REFRESH_MS } from "@/components/workloads/use-now";
import { formatPreciseDateTime, te } from "@/i18n";
import { useTRPC } from "@/trpc/react";
import { scaleRangeOf } from "@tessera/core/replica-rules";
import { EndpointBadge, EndpointReason } from "./badges";
import { EndpointActions } from "./endpoint-actions";
import { EndpointCost } from "./endpoint-cost";
import { EndpointTimeline } from "./endpoint-timeline";
import { ExampleRequest } from "./example-request";
import { ReplicaChart } from "./replica-chart";
import { isSettled, type EndpointDetail as Endpoint } from "./types";

/** How often the cost is asked for again while the page is open. */
const COST_REFRESH_MS = 30_000;

function QuotaSummary({ endpoint }: { endpoint: Endpoint }) {
  const d = te.detail;
  const quota = (seconds: number) => formatQuota(seconds, endpoint.resourceClass.unit);
  let state: string;
  if (endpoint.heldUnitSeconds > 0) state = d.holding(formatDuration(endpoint.leaseSeconds));
  else if (endpoint.status === "FAILED" || endpoint.status === "DELETED") state = d.releasedEnded;
  // Asked to go to zero, its replicas may still be stopping: say so, as the badge does.
  else if (endpoint.status !== "SCALED_TO_ZERO" && endpoint.desiredReplicas === 0)
    state = d.releasedStopping;
  else state = d.released;
  return (
    <div className="space-y-3" data-testid="endpoint-quota">
      <DescriptionList
        items={[
          {
            term: d.held,
            detail: (
              <span data-testid="quota-held">
                {endpoint.heldUnitSeconds > 0 ? quota(endpoint.heldUnitSeconds) : d.nothingHeld}
              </span>
            ),
          },
          {
            term: d.consumed,
            detail:
              endpoint.consumedUnitSeconds === null || endpoint.consumedUnitSeconds === 0
                ? d.notYet
                : quota(endpoint.consumedUnitSeconds),
          },
        ]}
      />
      <p className="text-sm text-fg-muted" data-testid="quota-state">
        {state}
      </p>
    </div>
  );
}

/**
 * An endpoint's page, following it live: while it is changing the page asks every two seconds
 * (not while the tab is hidden); a polite live region says when the status changes.
 */
export function EndpointDetail({
  organizationId,
  initial,
  canChange,
  gatewayBaseUrl,
}: {
  organizationId: string;
  initial: Endpoint;
  canChange: boolean;
  /** gatewayBaseUrl of the configured GATEWAY_URL: where tenants call the endpoint's model. */
  gatewayBaseUrl: string;
}) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.endpoints.get.queryOptions(
      { organizationId, endpointId: initial.id },
      {
        initialData: initial,
        refetchInterval: (current) =>
          current.state.data && isSettled(current.state.data) ? false : LIVE_REFRESH_MS,
        refetchIntervalInBackground: false,
      },
    ),
  );
  const endpoint = query.data;
  const d = te.detail;
  const ended = endpoint.status === "DELETED" || endpoint.status === "FAILED";
  // What it costs moves while it runs (its open window accrues) and whenever its replicas change.
  const cost = useQuery(
    trpc.endpoints.cost.queryOptions(
      { organizationId, endpointId: initial.id },
      { refetchInterval: COST_REFRESH_MS, refetchIntervalInBackground: false },
    ),
  );
  // Asked again at once when its replicas or its status change (scaled, woken, failed, deleted),
  // so the card never prices a state the page no longer shows.
  const { desiredReplicas, status } = endpoint;
  const refetchCost = cost.refetch;
  useEffect(() => {
    void refetchCost();
  }, [desiredReplicas, status, refetchCost]);

  const announcement = useStatusAnnouncement(endpoint.status, (status) =>
    d.announce(endpoint.name, te.status[status]),
  );

  return (
    <>
      <PageHeader
        title={endpoint.name}
        meta={<EndpointBadge status={endpoint.status} />}
        description={d.lead(endpoint.model.name, endpoint.cluster.name)}
      />
      <StatusAnnouncement text={announcement} testId="endpoint-announcement" />
      <div className="space-y-6">
        <Card title={d.statusTitle}>
          <div className="space-y-4">
            <div className="space-y-1">
              <EndpointBadge status={endpoint.status} />
              <EndpointReason status={endpoint.status} reason={endpoint.statusReason} />
              {isSettled(endpoint) ? null : <p className="text-sm text-fg-muted">{d.live}</p>}
              {query.isRefetchError ? (
                <p className="text-sm font-semibold text-warning-fg">{d.refreshFailed}</p>
              ) : null}
            </div>
            <DescriptionList
              items={[
                {
                  term: d.replicas,
                  detail: (
                    <>
                      <span data-testid="endpoint-replicas">
                        {d.replicasValue(endpoint.readyReplicas, endpoint.desiredReplicas)}
                      </span>
                      {/* How it scales is said while it can; an ended endpoint scales no more. */}
                      {ended ? null : (
                        <span className="block text-sm text-fg-muted">
                          {d.bounds(scaleRangeOf(endpoint))}
                        </span>
                      )}
                    </>
                  ),
                },
                ...(ended
                  ? []
                  : [
                      {
                        term: d.idle,
                        detail: !endpoint.scalesToZero
                          ? d.idleKept(endpoint.minReplicas)
                          : endpoint.idleSecondsBeforeZero === null
                            ? d.idleNever
                            : d.idleAfter(formatDuration(endpoint.idleSecondsBeforeZero)),
                      },
                    ]),
              ]}
            />
            {canChange ? (
              <EndpointActions
                organizationId={organizationId}
                endpoint={endpoint}
                cost={cost.data}
                onChanged={() => void query.refetch()}
              />
            ) : null}
          </div>
        </Card>

        <Card title={d.costTitle}>
          <EndpointCost
            organizationId={organizationId}
            endpoint={endpoint}
            cost={cost.data}
            failed={cost.isError}
          />
        </Card>

        {/* Deleting or ended, its address answers no more: no example to call it with. */}
        {ended || endpoint.status === "DELETING" ? null : (
          <Card title={d.accessTitle}>
            {endpoint.url ? (
              <ExampleRequest
                organizationId={organizationId}
                gatewayBaseUrl={gatewayBaseUrl}
                model={endpoint.model.name}
                simulated={endpoint.cluster.kind === "SIM"}
              />
            ) : (
              <p className="text-fg-muted">{d.noUrl}</p>
            )}
          </Card>
        )}

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={d.chartTitle} className="min-w-0">
            <ReplicaChart replicas={endpoint.replicas} />
          </Card>
          <Card title={d.quotaTitle} className="min-w-0">
            <QuotaSummary endpoint={endpoint} />
          </Card>
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={d.hardware} className="min-w-0">
            <DescriptionList
              items={[
                {
                  term: d.hardware,
                  detail: te.list.perReplica(endpoint.unitsPerReplica, endpoint.resourceClass.name),
                },
                { term: d.runtime, detail: endpoint.runtime.name },
                { term: d.cluster, detail: endpoint.cluster.name },
                { term: d.project, detail: endpoint.project.name },
                {
                  term: d.backendId,
                  detail: (
                    <span className="break-all font-mono">
                      {endpoint.externalId ?? d.noBackendId}
                    </span>
                  ),
                },
                { term: d.createdBy, detail: endpoint.createdBy.name },
                {
                  term: d.created,
                  detail: (
                    <time dateTime={endpoint.createdAt.toISOString()}>
                      {formatPreciseDateTime(endpoint.createdAt)}
                    </time>
                  ),
                },
              ]}
            />
          </Card>
          <Card title={d.modelTitle} className="min-w-0">
            <DescriptionList
              items={[
                {
                  term: te.models.name,
                  detail: <span className="break-all font-mono">{endpoint.model.name}</span>,
                },
                { term: te.provenance.family, detail: endpoint.model.family },
                {
                  term: te.provenance.licence,
                  detail: <span className="font-mono">{endpoint.model.licenseSpdx}</span>,
                },
                { term: te.provenance.openness, detail: te.openness[endpoint.model.openness] },
                {
                  term: te.provenance.digest,
                  detail: (
                    <span className="break-all font-mono text-xs">
                      {endpoint.model.weightsSha256}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        </div>

        <Card title={d.timelineTitle}>
          <EndpointTimeline events={endpoint.events} />
        </Card>
      </div>
    </>
  );
}
