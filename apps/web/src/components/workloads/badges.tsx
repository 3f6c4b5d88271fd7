import { Badge, type Tone } from "@tessera/ui";
import { tw } from "@/i18n";
import type { WorkloadStatus } from "./types";

/**
 * Job statuses in the portal's one badge vocabulary (colour, mark and word). Running is "info",
 * not "success": a tick would read as "done".
 */
const WORKLOAD_TONE: Record<WorkloadStatus, Tone> = {
  ACCEPTED: "neutral",
  SUBMITTED: "info",
  PENDING: "warning",
  RUNNING: "info",
  COMPLETED: "success",
  FAILED: "danger",
  CANCELLED: "neutral",
  LOST: "danger",
  REFUSED: "danger",
};

export function WorkloadBadge({
  status,
  testId = "job-status",
}: {
  status: WorkloadStatus;
  testId?: string;
}) {
  return (
    <Badge tone={WORKLOAD_TONE[status]}>
      <span data-testid={testId}>{tw.status[status]}</span>
    </Badge>
  );
}

/**
 * A stored reason in words: Tessera's own keys are translated; the scheduler's reasons people
 * meet most are explained (its own word kept beside, as operators and support speak it); a
 * sentence is shown as written; any other scheduler word is shown as the scheduler wrote it. On
 * the job's own page a reason that points to that page points below instead.
 */
export function ReasonWords({
  reason,
  onJobPage = false,
}: {
  reason: string;
  onJobPage?: boolean;
}) {
  const own = tw.reason.words[reason];
  if (own) return <>{own}</>;
  const explained =
    (onJobPage ? tw.reason.knownOnJobPage[reason] : undefined) ?? tw.reason.known[reason];
  if (explained)
    return (
      <>
        {explained.replace(/\.$/, "")}{" "}
        <span className="text-xs">({tw.reason.schedulerSays(reason)})</span>
      </>
    );
  if (/\s/.test(reason)) return <>{reason}</>;
  return <>{tw.reason.schedulerSays(reason)}</>;
}

/**
 * Why a job waits, or how it ended, in words. A job that has ended says so in one sentence
 * (never "stopping" once it stopped), with the reason after it when there is one. Not brief, it
 * is on the job's own page, and its reason words say so (ReasonWords).
 */
export function StatusReason({
  status,
  reason,
  cancelRequested,
  brief = false,
}: {
  status: WorkloadStatus;
  reason: string | null;
  cancelRequested: boolean;
  /** In a list: an ended job gives only its reason, not the sentence about how it ended. */
  brief?: boolean;
}) {
  const waiting = status === "ACCEPTED" || status === "SUBMITTED" || status === "PENDING";
  if (cancelRequested && (waiting || status === "RUNNING"))
    return <span className="block text-sm text-fg-muted">{tw.reason.cancelRequested}</span>;
  const final = brief ? undefined : tw.reason.final[status];
  if (final)
    return (
      <span className="block text-sm text-fg-muted" data-testid="job-reason">
        {final}
        {reason ? (
          <>
            {" "}
            {tw.reason.because} <ReasonWords reason={reason} onJobPage={!brief} />.
          </>
        ) : null}
      </span>
    );
  if (!reason) {
    if (status === "ACCEPTED")
      return <span className="block text-sm text-fg-muted">{tw.reason.accepted}</span>;
    return null;
  }
  return (
    <span className="block text-sm text-fg-muted" data-testid="job-reason">
      {waiting ? tw.reason.waiting : tw.reason.because}{" "}
      <ReasonWords reason={reason} onJobPage={!brief} />
    </span>
  );
}
