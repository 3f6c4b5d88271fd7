import type { AllocationRequestStatus } from "@tessera/db";

/** States in which an application is still in play; it may be withdrawn from any of them. */
export const OPEN_APPLICATION_STATES = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_REVIEW",
  "CHANGES_REQUESTED",
] as const satisfies readonly AllocationRequestStatus[];

/** States in which the applicant may edit the application. */
export const EDITABLE_APPLICATION_STATES = [
  "DRAFT",
  "CHANGES_REQUESTED",
] as const satisfies readonly AllocationRequestStatus[];

/**
 * DRAFT → SUBMITTED → UNDER_REVIEW → (CHANGES_REQUESTED → SUBMITTED) → APPROVED | REJECTED;
 * WITHDRAWN from any open state.
 */
export const APPLICATION_TRANSITIONS = {
  submit: { from: ["DRAFT", "CHANGES_REQUESTED"], to: "SUBMITTED" },
  startReview: { from: ["SUBMITTED"], to: "UNDER_REVIEW" },
  requestChanges: { from: ["UNDER_REVIEW"], to: "CHANGES_REQUESTED" },
  approve: { from: ["UNDER_REVIEW"], to: "APPROVED" },
  reject: { from: ["UNDER_REVIEW"], to: "REJECTED" },
  withdraw: { from: OPEN_APPLICATION_STATES, to: "WITHDRAWN" },
} as const satisfies Record<
  string,
  { from: readonly AllocationRequestStatus[]; to: AllocationRequestStatus }
>;

export type ApplicationEvent = keyof typeof APPLICATION_TRANSITIONS;

export type ApplicationTransition =
  { ok: true; to: AllocationRequestStatus } | { ok: false; message: string };

const DESCRIBED: Record<AllocationRequestStatus, string> = {
  DRAFT: "a draft",
  SUBMITTED: "submitted",
  UNDER_REVIEW: "under review",
  CHANGES_REQUESTED: "waiting for changes",
  APPROVED: "approved",
  REJECTED: "rejected",
  WITHDRAWN: "withdrawn",
};

const VERB: Record<ApplicationEvent, string> = {
  submit: "submitted",
  startReview: "put under review",
  requestChanges: "sent back for changes",
  approve: "approved",
  reject: "rejected",
  withdraw: "withdrawn",
};

export function describeApplicationStatus(status: AllocationRequestStatus): string {
  return DESCRIBED[status];
}

/** Pure: decides whether `event` may happen to an application in status `from`. */
export function transitionApplication(
  from: AllocationRequestStatus,
  event: ApplicationEvent,
): ApplicationTransition {
  const rule = APPLICATION_TRANSITIONS[event];
  if ((rule.from as readonly AllocationRequestStatus[]).includes(from)) {
    return { ok: true, to: rule.to };
  }
  const allowed = rule.from.map((status) => DESCRIBED[status]).join(" or ");
  return {
    ok: false,
    message: `This application is ${DESCRIBED[from]}; only an application that is ${allowed} can be ${VERB[event]}.`,
  };
}

export function isEditable(status: AllocationRequestStatus): boolean {
  return (EDITABLE_APPLICATION_STATES as readonly AllocationRequestStatus[]).includes(status);
}

/** What the applicant may do next, for the page to show the right buttons. */
export function applicantActions(status: AllocationRequestStatus) {
  return {
    edit: isEditable(status),
    submit: transitionApplication(status, "submit").ok,
    withdraw: transitionApplication(status, "withdraw").ok,
  };
}

/** What a programme administrator may do next. */
export function administratorActions(status: AllocationRequestStatus) {
  return {
    assignReviewers: status === "SUBMITTED" || status === "UNDER_REVIEW",
    startReview: transitionApplication(status, "startReview").ok,
    approve: transitionApplication(status, "approve").ok,
    reject: transitionApplication(status, "reject").ok,
    requestChanges: transitionApplication(status, "requestChanges").ok,
  };
}
