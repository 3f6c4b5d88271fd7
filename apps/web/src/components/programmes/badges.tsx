import { Badge, type Tone } from "@tessera/ui";
import { tp } from "@/i18n";
import type { AllocationState, ApplicationStatus, CallState, ReviewState } from "./types";

/**
 * The programme statuses in the portal's one badge vocabulary: each status has a tone (colour
 * and mark) and a word; pages never pick colours for statuses themselves.
 */
const APPLICATION_TONE: Record<ApplicationStatus, Tone> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  UNDER_REVIEW: "info",
  CHANGES_REQUESTED: "warning",
  APPROVED: "success",
  REJECTED: "danger",
  WITHDRAWN: "neutral",
};

const CALL_TONE: Record<CallState, Tone> = { UPCOMING: "info", OPEN: "success", CLOSED: "neutral" };

const ALLOCATION_TONE: Record<AllocationState, Tone> = {
  UPCOMING: "info",
  ACTIVE: "success",
  EXPIRED: "neutral",
};

const REVIEW_TONE: Record<ReviewState, Tone> = {
  PENDING: "warning",
  SCORED: "success",
  CONFLICT: "neutral",
  ON_HOLD: "neutral",
  CLOSED: "neutral",
};

export function ApplicationBadge({ status }: { status: ApplicationStatus }) {
  return (
    <Badge tone={APPLICATION_TONE[status]}>
      <span data-testid="application-status">{tp.status.application[status]}</span>
    </Badge>
  );
}

export function CallBadge({ state }: { state: CallState }) {
  return <Badge tone={CALL_TONE[state]}>{tp.status.call[state]}</Badge>;
}

export function AllocationBadge({
  state,
  expiresSoon,
}: {
  state: AllocationState;
  expiresSoon: boolean;
}) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={ALLOCATION_TONE[state]}>{tp.status.allocation[state]}</Badge>
      {expiresSoon ? <Badge tone="warning">{tp.status.expiresSoon}</Badge> : null}
    </span>
  );
}

export function ReviewBadge({ state }: { state: ReviewState }) {
  return <Badge tone={REVIEW_TONE[state]}>{tp.status.review[state]}</Badge>;
}

/** Eligible, not eligible, or eligible but asking for more than is left of its limit. */
export function EligibilityBadge({
  eligible,
  overLimit = false,
}: {
  eligible: boolean;
  overLimit?: boolean;
}) {
  if (eligible && overLimit) return <Badge tone="warning">{tp.status.overLimit}</Badge>;
  return (
    <Badge tone={eligible ? "success" : "danger"}>
      {eligible ? tp.status.eligible : tp.status.notEligible}
    </Badge>
  );
}

/**
 * A cluster's state for operators: retired, active but not connected (no scheduler endpoint, so
 * it takes no jobs — the page asks isClusterConnected), or active. Used by client components
 * too, so it takes the verdict rather than importing the core.
 */
export function ClusterBadge({ active, connected }: { active: boolean; connected: boolean }) {
  if (active && !connected) return <Badge tone="warning">{tp.status.notConnected}</Badge>;
  return <ActiveBadge active={active} />;
}

export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <Badge tone={active ? "success" : "neutral"}>
      {active ? tp.status.active : tp.status.retired}
    </Badge>
  );
}
