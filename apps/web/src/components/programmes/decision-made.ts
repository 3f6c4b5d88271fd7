import type { ApplicationForAdmin } from "./types";

type DecisionSource = Pick<ApplicationForAdmin, "status" | "decidedAt" | "updatedAt" | "events">;

/** The statuses after which the administrator has nothing left to decide. */
const CLOSED = ["APPROVED", "REJECTED", "WITHDRAWN"] as const;
export type ClosedStatus = (typeof CLOSED)[number];

export interface DecisionMade {
  status: ClosedStatus;
  /** When: the event that closed the application, else the recorded decision time. */
  at: Date;
  /** Who, by name; null when the platform itself closed it or the name is unknown. */
  by: string | null;
}

/**
 * What was decided, when and by whom, read from the application's history: the last event that
 * moved it to its closing status. Null while the application is still open.
 */
export function decisionMade(application: DecisionSource): DecisionMade | null {
  const status = CLOSED.find((closed) => closed === application.status);
  if (status === undefined) return null;
  const event = application.events.findLast((candidate) => candidate.toStatus === status);
  return {
    status,
    at: event?.createdAt ?? application.decidedAt ?? application.updatedAt,
    by: event?.actor?.name ?? null,
  };
}
