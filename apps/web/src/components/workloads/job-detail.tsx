"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { describeNodeShape } from "@tessera/core/node-placement";
import { Card, DescriptionList, PageHeader } from "@tessera/ui";
import { StatusAnnouncement, useStatusAnnouncement } from "@/components/live-status";
import { billingRoutes } from "@/components/billing/paths";
import { UsageBar } from "@/components/programmes/usage-bar";
import { formatPreciseDateTime, t, tw } from "@/i18n";
import { useTRPC } from "@/trpc/react";
import { StatusReason, WorkloadBadge } from "./badges";
import { CancelJob } from "./cancel-job";
import { formatDuration, formatQuota, runSeconds } from "./format";
import { JobEnergy } from "./job-energy";
import { JobPlacement } from "./job-placement";
import { JobTimeline } from "./job-timeline";
import { usageSoFarText } from "./job-usage-text";
import type { WorkloadDetail } from "./types";
import { LIVE_REFRESH_MS, USAGE_SO_FAR_REFRESH_MS, useNow } from "./use-now";

function When({ value, testId }: { value: Date | null; testId?: string }) {
  if (!value)
    return (
      <span className="text-fg-muted" data-testid={testId}>
        {t.common.notSet}
      </span>
    );
  return (
    <time dateTime={value.toISOString()} data-testid={testId}>
      {formatPreciseDateTime(value)}
    </time>
  );
}

function Progress({ job, now }: { job: WorkloadDetail; now: number | null }) {
  const elapsed = runSeconds(job, now);
  if (job.status !== "RUNNING" || elapsed === null) return null;
  const label = tw.detail.progress(
    formatDuration(elapsed),
    formatDuration(job.walltimeSeconds),
    Math.min(100, Math.round((elapsed / job.walltimeSeconds) * 100)),
  );
  return (
    <div className="space-y-1" data-testid="job-progress">
      <p className="text-sm">{label}</p>
      <UsageBar
        label={label}
        whole={job.walltimeSeconds}
        parts={[{ value: elapsed, tone: "accent" }]}
      />
    </div>
  );
}

function QuotaSummary({ job, organizationId }: { job: WorkloadDetail; organizationId: string }) {
  const q = tw.detail.quota;
  const trpc = useTRPC();
  const running = job.status === "RUNNING" && job.consumedUnitSeconds === null;
  // A running job's use and cost so far, as Billing's charges so far count them (not yet settled).
  const soFarQuery = useQuery(
    trpc.workloads.usageSoFar.queryOptions(
      { organizationId, workloadId: job.id },
      {
        enabled: running,
        refetchInterval: running ? USAGE_SO_FAR_REFRESH_MS : false,
        refetchIntervalInBackground: false,
      },
    ),
  );
  const soFar = running ? usageSoFarText(soFarQuery.data ?? null, job.resourceClass.unit) : null;
  const quota = (seconds: number) => formatQuota(seconds, job.resourceClass.unit);
  let state: string;
  if (job.consumedUnitSeconds !== null)
    state = q.settled(
      quota(job.consumedUnitSeconds),
      quota(job.heldUnitSeconds - job.consumedUnitSeconds),
    );
  else if (job.terminal) state = q.released(quota(job.heldUnitSeconds));
  else state = q.holding(quota(job.heldUnitSeconds));
  const consumed =
    job.consumedUnitSeconds !== null
      ? quota(job.consumedUnitSeconds)
      : soFar
        ? soFar.used
        : running && soFarQuery.isPending
          ? q.costSoFarLoading
          : q.notYet;
  return (
    <div className="space-y-3" data-testid="job-quota">
      <DescriptionList
        items={[
          {
            term: job.terminal ? q.heldWhileRunning : q.held,
            detail: <span data-testid="quota-held">{quota(job.heldUnitSeconds)}</span>,
          },
          {
            term: q.consumed,
            detail: <span data-testid="quota-consumed">{consumed}</span>,
          },
          ...(soFar?.cost
            ? [
                {
                  term: q.costSoFar,
                  detail: (
                    <>
                      <span data-testid="job-cost-so-far">{soFar.cost.value}</span>
                      <span
                        className="block text-sm text-fg-muted"
                        data-testid="job-cost-so-far-shares"
                      >
                        {soFar.cost.shares}
                      </span>
                    </>
                  ),
                },
              ]
            : []),
          {
            term: tw.energy.term,
            // Running: the estimate so far that Billing's charges so far make; once it ends,
            // what its usage records say.
            detail: soFar?.energy ? (
              <span data-testid="job-energy">{soFar.energy}</span>
            ) : (
              <JobEnergy energy={job.energy} />
            ),
          },
          { term: q.allocation, detail: job.allocation.programmeName },
        ]}
      />
      <p className="text-sm text-fg-muted">{state}</p>
      {soFar ? (
        <p className="text-sm text-fg-muted">
          {q.costSoFarNote}{" "}
          {soFar.cost ? (
            <Link className="underline" href={billingRoutes.usage(organizationId)}>
              {q.costSoFarLink}
            </Link>
          ) : null}
        </p>
      ) : null}
      {running && soFarQuery.isError ? (
        <p className="text-sm font-semibold text-warning-fg">{q.costSoFarFailed}</p>
      ) : null}
    </div>
  );
}

/**
 * A job's page, following it live: while the job has not ended the page asks every two seconds
 * (not while the browser tab is hidden); a polite live region says when the status changes.
 */
export function JobDetail({
  organizationId,
  initial,
  canCancel,
}: {
  organizationId: string;
  initial: WorkloadDetail;
  canCancel: boolean;
}) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.workloads.get.queryOptions(
      { organizationId, workloadId: initial.id },
      {
        initialData: initial,
        refetchInterval: (current) => (current.state.data?.terminal ? false : LIVE_REFRESH_MS),
        refetchIntervalInBackground: false,
      },
    ),
  );
  const job = query.data;
  const now = useNow(job.status === "RUNNING");
  const d = tw.detail;

  const announcement = useStatusAnnouncement(job.status, (status) =>
    d.announce(job.name, tw.status[status]),
  );

  const ran = runSeconds(job, now);
  return (
    <>
      <PageHeader
        title={job.name}
        meta={<WorkloadBadge status={job.status} />}
        description={d.lead(job.project.name, job.cluster.name)}
      />
      <StatusAnnouncement text={announcement} testId="job-announcement" />
      <div className="space-y-6">
        <Card title={d.statusTitle}>
          <div className="space-y-4">
            <div className="space-y-1">
              <WorkloadBadge status={job.status} />
              <StatusReason
                status={job.status}
                reason={job.statusReason}
                cancelRequested={job.cancelRequestedAt !== null}
              />
              {job.terminal ? null : <p className="text-sm text-fg-muted">{d.live}</p>}
              {query.isRefetchError ? (
                <p className="text-sm font-semibold text-warning-fg">{d.refreshFailed}</p>
              ) : null}
            </div>
            <Progress job={job} now={now} />
            <DescriptionList
              items={[
                // The timeline dates its Accepted, start and end entries at these same instants.
                { term: d.created, detail: <When value={job.createdAt} testId="job-accepted" /> },
                { term: d.started, detail: <When value={job.startedAt} testId="job-started" /> },
                { term: d.ended, detail: <When value={job.endedAt} testId="job-ended" /> },
                ...(ran !== null && job.endedAt
                  ? [{ term: d.ranFor, detail: formatDuration(ran) }]
                  : []),
                {
                  term: d.exitCode,
                  detail: (
                    <span data-testid="job-exit-code">
                      {job.exitCode !== null
                        ? String(job.exitCode)
                        : job.terminal
                          ? (d.noFinalExitCode[job.status] ?? d.noExitCode)
                          : d.noExitCode}
                    </span>
                  ),
                },
              ]}
            />
            {canCancel ? (
              <CancelJob
                organizationId={organizationId}
                job={job}
                onCancelled={() => void query.refetch()}
              />
            ) : null}
          </div>
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={d.resourcesTitle} className="min-w-0">
            <DescriptionList
              items={[
                {
                  term: d.resources,
                  detail: tw.list.gpus(job.quantity, job.resourceClass.name),
                },
                // Jobs accepted before nodes were recorded say nothing of them.
                ...(job.spec.nodes
                  ? [
                      {
                        term: d.nodes,
                        detail: describeNodeShape(job.spec.nodes, job.resourceClass.unit),
                      },
                    ]
                  : []),
                { term: d.walltime, detail: formatDuration(job.walltimeSeconds) },
                { term: d.project, detail: job.project.name },
                {
                  term: d.backendId,
                  detail: (
                    <span className="font-mono" data-testid="job-backend-id">
                      {job.externalId ?? d.noBackendId}
                    </span>
                  ),
                },
                { term: d.submittedBy, detail: job.createdBy.name },
                ...(job.templateName
                  ? [{ term: d.template, detail: job.templateName }]
                  : job.spec.templateCode
                    ? [
                        {
                          term: d.template,
                          detail: <span className="font-mono">{job.spec.templateCode}</span>,
                        },
                      ]
                    : []),
                ...(job.spec.image
                  ? [
                      {
                        term: d.image,
                        detail: <span className="break-all font-mono">{job.spec.image}</span>,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card title={d.quotaTitle} className="min-w-0">
            <QuotaSummary job={job} organizationId={organizationId} />
          </Card>
        </div>

        <Card title={d.placementTitle}>
          <JobPlacement job={job} />
        </Card>

        <Card title={d.outputTitle}>
          {job.outputTail ? (
            <pre
              role="region"
              aria-label={d.outputLabel}
              tabIndex={0}
              data-testid="job-output"
              className="max-h-96 overflow-auto whitespace-pre rounded-md border border-line bg-surface-muted p-3 font-mono text-xs"
            >
              {job.outputTail}
            </pre>
          ) : (
            <p className="text-fg-muted">{job.terminal ? d.noOutput : d.outputLater}</p>
          )}
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={d.timelineTitle} className="min-w-0">
            <JobTimeline events={job.events} />
          </Card>
          <Card title={d.scriptTitle} className="min-w-0">
            <pre
              role="region"
              aria-label={d.scriptLabel}
              tabIndex={0}
              className="max-h-96 overflow-auto whitespace-pre rounded-md border border-line bg-surface-muted p-3 font-mono text-xs"
            >
              {job.spec.script}
            </pre>
          </Card>
        </div>
      </div>
    </>
  );
}
