import type { AllocationRequestStatus } from "@tessera/db";

/**
 * Where one reviewer's assignment stands. PENDING: waiting for them. ON_HOLD: the applicant was
 * asked for changes, so it waits for the applicant and comes back when resubmitted. CLOSED: the
 * application was decided (or withdrawn) before the reviewer scored it or declared a conflict.
 */
export type ReviewState = "PENDING" | "SCORED" | "CONFLICT" | "ON_HOLD" | "CLOSED";

/** Pure: where one reviewer's assignment stands, for their list and for every review count. */
export function reviewState(review: {
  score: number | null;
  conflictDeclaredAt: Date | null;
  applicationStatus: AllocationRequestStatus;
}): ReviewState {
  if (review.conflictDeclaredAt) return "CONFLICT";
  if (review.score !== null) return "SCORED";
  switch (review.applicationStatus) {
    case "SUBMITTED":
    case "UNDER_REVIEW":
      return "PENDING";
    case "DRAFT":
    case "CHANGES_REQUESTED":
      return "ON_HOLD";
    default:
      return "CLOSED";
  }
}

/** Scores can be given or changed only while the application is under review. */
export function mayScore(review: {
  conflictDeclaredAt: Date | null;
  applicationStatus: AllocationRequestStatus;
}): boolean {
  return review.conflictDeclaredAt === null && review.applicationStatus === "UNDER_REVIEW";
}

/** A conflict can be declared while the application is still undecided. */
export function mayDeclareConflict(review: {
  conflictDeclaredAt: Date | null;
  applicationStatus: AllocationRequestStatus;
}): boolean {
  return (
    review.conflictDeclaredAt === null &&
    (review.applicationStatus === "SUBMITTED" ||
      review.applicationStatus === "UNDER_REVIEW" ||
      review.applicationStatus === "CHANGES_REQUESTED")
  );
}
