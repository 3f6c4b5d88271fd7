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

export function WorkloadBadge({ status }: { status: WorkloadStatus }) {
  return (
    <Badge tone={WORKLOAD_TONE[status]}>
      <span data-testid="job-status">{tw.status[status]}</span>
    </Badge>
  );
}

/**
 * The scheduler's own word for why a job waits (or why it ended), with a plain explanation for
 * the reasons people meet most; unknown reasons are shown as the scheduler wrote them.
 */
export function StatusReason({
  status,
  reason,
  cancelRequested,
}: {
  status: WorkloadStatus;
  reason: string | null;
  cancelRequested: boolean;
}) {
  const waiting = status === "ACCEPTED" || status === "SUBMITTED" || status === "PENDING";
  if (cancelRequested && (waiting || status === "RUNNING"))
    return <span className="block text-sm text-fg-muted">{tw.reason.cancelRequested}</span>;
  if (!reason) {
    if (status === "ACCEPTED")
      return <span className="block text-sm text-fg-muted">{tw.reason.accepted}</span>;
    return null;
  }
  const explained = tw.reason.known[reason];
  return (
    <span className="block text-sm text-fg-muted" data-testid="job-reason">
      {waiting ? tw.reason.waiting : tw.reason.because} <span className="font-mono">{reason}</span>
      {explained ? ` — ${explained}` : null}
    </span>
  );
}
