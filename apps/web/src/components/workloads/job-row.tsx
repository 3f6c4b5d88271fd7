import Link from "next/link";
import { cn, Td } from "@tessera/ui";
import { formatDateTime, tw } from "@/i18n";
import { routes } from "@/lib/paths";
import { StatusReason, WorkloadBadge } from "./badges";
import { formatDuration, formatQuota, runSeconds } from "./format";
import { JobEnergy } from "./job-energy";
import { listUsageSoFarText } from "./job-usage-text";
import type { ListedUsageSoFar, WorkloadSummary } from "./types";

/** The Status column is shown from the sm breakpoint; below it the job's own cell says it. */
export const WIDE_ONLY = "hidden sm:table-cell";

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

function Quota({
  job,
  text,
}: {
  job: WorkloadSummary;
  /** A running job's use so far as the list writes it (listUsageSoFarText), if read yet. */
  text: ReturnType<typeof listUsageSoFarText>;
}) {
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
  // A running job: what it holds, and what it has used so far as its page and Billing say.
  return (
    <>
      <span className="block">{tw.list.held(formatQuota(job.heldUnitSeconds, unit))}</span>
      {text ? (
        <span className="block" data-testid="job-used-so-far">
          {text.used}
        </span>
      ) : null}
      {text?.cost ? (
        <span className="block" data-testid="job-cost-so-far">
          {text.cost}
        </span>
      ) : null}
    </>
  );
}

function JobStatus({ job, testId }: { job: WorkloadSummary; testId?: string }) {
  return (
    <>
      <WorkloadBadge status={job.status} testId={testId} />
      <StatusReason
        status={job.status}
        reason={job.statusReason}
        cancelRequested={job.cancelRequestedAt !== null}
        brief
      />
    </>
  );
}

/**
 * One job in the organisation's jobs list. Its status is shown once at each width: in the Status
 * column from the sm breakpoint, and below it in the job's own cell, which stays in view while
 * the rest of the row scrolls sideways. `soFar` is a running job's use so far (none otherwise).
 */
export function JobRow({
  job,
  organizationId,
  now,
  soFar,
}: {
  job: WorkloadSummary;
  organizationId: string;
  now: number | null;
  soFar?: ListedUsageSoFar;
}) {
  const soFarText = listUsageSoFarText(soFar, job.resourceClass.unit);
  const energySoFar = soFarText?.energy;
  return (
    <tr data-testid={`job-${job.id}`}>
      <Td className="min-w-40 max-w-48 sm:max-w-none">
        <Link
          href={routes.job(organizationId, job.id)}
          className="font-semibold wrap-anywhere text-link underline"
        >
          {job.name}
        </Link>
        <span className="mt-1 block sm:hidden" data-testid="job-status-cell-narrow">
          <JobStatus job={job} testId="job-status-narrow" />
        </span>
        <span className="block">{job.project.name}</span>
        <span className="block text-fg-muted">{tw.list.by(job.createdBy.name)}</span>
      </Td>
      <Td className={cn("min-w-44", WIDE_ONLY)}>
        <JobStatus job={job} />
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
        <Quota job={job} text={soFarText} />
        {energySoFar && !job.energy ? (
          <span className="block text-fg-muted" data-testid="job-energy">
            {energySoFar}
          </span>
        ) : (
          <JobEnergy
            energy={job.energy}
            className="block text-fg-muted"
            notMetered={tw.energy.notMeteredInList}
          />
        )}
      </Td>
    </tr>
  );
}
