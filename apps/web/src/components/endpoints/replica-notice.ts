import { te } from "@/i18n";
import type { EndpointStatus } from "./types";

/** A change a member asked for from the endpoint's page. */
export type ReplicaRequest =
  { kind: "scale"; replicas: number } | { kind: "stop" } | { kind: "wake" } | { kind: "delete" };

export interface ReplicaNotice {
  message: string;
  /** Whether the endpoint has got there (else it is on its way). */
  settled: boolean;
}

interface Observed {
  status: EndpointStatus;
  readyReplicas: number;
  desiredReplicas: number;
}

/**
 * What a member's last request has come to, read from the endpoint as the page sees it now: on
 * its way while the replicas move, then where it settled, in the words the status badge uses. Null
 * once another change has taken over (someone woke it, scaled it, or it failed), so the page never
 * says something the endpoint no longer is.
 */
export function replicaNotice(request: ReplicaRequest, endpoint: Observed): ReplicaNotice | null {
  const a = te.actions;
  const { status, readyReplicas: ready, desiredReplicas: desired } = endpoint;
  if (status === "FAILED") return null;
  switch (request.kind) {
    case "stop":
      if (desired !== 0 || status === "DELETING" || status === "DELETED") return null;
      return status === "SCALED_TO_ZERO" && ready === 0
        ? { message: a.stopped, settled: true }
        : { message: a.stopping(ready), settled: false };
    case "wake":
      if (desired === 0 || !isServing(status)) return null;
      return status === "READY" && ready >= desired
        ? { message: a.woken(ready), settled: true }
        : { message: a.waking(ready, desired), settled: false };
    case "scale":
      if (desired !== request.replicas || !isServing(status)) return null;
      return status === "READY" && ready === desired
        ? { message: a.scaled(desired), settled: true }
        : { message: a.scaling(ready, desired), settled: false };
    case "delete":
      return status === "DELETED"
        ? { message: a.deleted, settled: true }
        : { message: a.deleting, settled: false };
  }
}

/** Up or on its way up: where a wake or a scale can be seen arriving. */
function isServing(status: EndpointStatus): boolean {
  return (
    status === "ACCEPTED" || status === "DEPLOYING" || status === "READY" || status === "DEGRADED"
  );
}
