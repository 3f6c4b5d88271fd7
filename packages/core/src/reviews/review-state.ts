import type { AllocationRequestStatus } from "@tessera/db";

export type ReviewState = "PENDING" | "SCORED" | "CONFLICT" | "CLOSED";

/** Pure: where one reviewer's assignment stands, for their list. */
export function reviewState(review: {
  score: number | null;
  conflictDeclaredAt: Date | null;
  applicationStatus: AllocationRequestStatus;
}): ReviewState {
  if (review.conflictDeclaredAt) return "CONFLICT";
  if (review.score !== null) return "SCORED";
  return review.applicationStatus === "UNDER_REVIEW" || review.applicationStatus === "SUBMITTED"
    ? "PENDING"
    : "CLOSED";
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
