import { Badge, type Tone } from "@tessera/ui";
import { te } from "@/i18n";
import type { EndpointStatus } from "./types";

/**
 * Endpoint statuses in the portal's one badge vocabulary (colour, mark and word). Ready is
 * "success" (it serves); scaled to zero is neutral (stopped on purpose, not a fault).
 */
const ENDPOINT_TONE: Record<EndpointStatus, Tone> = {
  ACCEPTED: "neutral",
  DEPLOYING: "info",
  READY: "success",
  SCALED_TO_ZERO: "neutral",
  DEGRADED: "warning",
  FAILED: "danger",
  DELETING: "neutral",
  DELETED: "neutral",
};

export function EndpointBadge({
  status,
  testId = "endpoint-status",
}: {
  status: EndpointStatus;
  testId?: string;
}) {
  return (
    <Badge tone={ENDPOINT_TONE[status]}>
      <span data-testid={testId}>{te.status[status]}</span>
    </Badge>
  );
}

/** A stored reason in words: Tessera's own keys translated, the backend's sentences as written. */
export function EndpointReasonWords({ reason }: { reason: string }) {
  return <>{te.reason.words[reason] ?? reason}</>;
}

/**
 * Why the endpoint is in its state: the backend's (or Tessera's) reason when there is one, else
 * one sentence about the state.
 */
export function EndpointReason({
  status,
  reason,
}: {
  status: EndpointStatus;
  reason: string | null;
}) {
  return (
    <span className="block text-sm text-fg-muted" data-testid="endpoint-reason">
      {reason ? (
        <>
          {te.reason.because} <EndpointReasonWords reason={reason} />
        </>
      ) : (
        te.statusLine[status]
      )}
    </span>
  );
}
