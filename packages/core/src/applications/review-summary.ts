import type { AllocationRequestStatus } from "@tessera/db";
import { reviewState } from "../reviews/review-state";

/**
 * How far reviews have got — THE review count, the same on every page that shows one (programme
 * dashboard, administrator's home, application list, side-by-side reviews, and a reviewer's own
 * list). A reviewer who declared a conflict of interest stood aside: their review is neither
 * done nor still to come, so it counts in neither `scored` nor `expected`. A review left unscored
 * when its application was decided or withdrawn is closed: not done, and no longer to come.
 */
export interface ReviewSummary {
  /** Reviewers assigned, including any who declared a conflict. */
  assigned: number;
  /** Reviews done: scored by a reviewer without a conflict. */
  scored: number;
  /** Reviewers who declared a conflict of interest (any score they gave was withdrawn). */
  conflicts: number;
  /** Reviews that count: assigned minus those who declared a conflict. */
  expected: number;
  /** Reviews that count, not scored yet, on an application still open (or back with its applicant). */
  open: number;
  /** Reviews that count and were never scored: the application was decided or withdrawn first. */
  closed: number;
  /** Mean of the scores given, to two decimals; null until someone scores. */
  meanScore: number | null;
}

/** Pure: how far the given reviews have got (see ReviewSummary); each carries its application's status. */
export function summarizeReviews(
  reviews: readonly {
    score: number | null;
    conflictDeclaredAt: Date | null;
    applicationStatus: AllocationRequestStatus;
  }[],
): ReviewSummary {
  const states = reviews.map((review) => ({ review, state: reviewState(review) }));
  const count = (...wanted: string[]) =>
    states.filter(({ state }) => wanted.includes(state)).length;
  const scores = states.flatMap(({ review, state }) =>
    state === "SCORED" && review.score !== null ? [review.score] : [],
  );
  const conflicts = count("CONFLICT");
  return {
    assigned: reviews.length,
    scored: scores.length,
    conflicts,
    expected: reviews.length - conflicts,
    open: count("PENDING", "ON_HOLD"),
    closed: count("CLOSED"),
    meanScore: scores.length
      ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100
      : null,
  };
}

/** Pure: the review count of one application, whose status every one of its reviews shares. */
export function summarizeApplicationReviews(
  applicationStatus: AllocationRequestStatus,
  reviews: readonly { score: number | null; conflictDeclaredAt: Date | null }[],
): ReviewSummary {
  return summarizeReviews(reviews.map((review) => ({ ...review, applicationStatus })));
}
