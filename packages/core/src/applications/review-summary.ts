/**
 * How far the review of one application has got — THE review count, the same on every page that
 * shows one (programme dashboard, administrator's home, application list, side-by-side reviews).
 * A reviewer who declared a conflict of interest stood aside: their review is neither done nor
 * still to come, so it counts in neither `scored` nor `expected`.
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
  /** Reviews that count and are not scored yet. */
  open: number;
  /** Mean of the scores given, to two decimals; null until someone scores. */
  meanScore: number | null;
}

/** Pure: how far the review of one application has got (see ReviewSummary). */
export function summarizeReviews(
  reviews: readonly { score: number | null; conflictDeclaredAt: Date | null }[],
): ReviewSummary {
  const standing = reviews.filter((review) => review.conflictDeclaredAt === null);
  const scores = standing.flatMap((review) => (review.score === null ? [] : [review.score]));
  return {
    assigned: reviews.length,
    scored: scores.length,
    conflicts: reviews.length - standing.length,
    expected: standing.length,
    open: standing.length - scores.length,
    meanScore: scores.length
      ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100
      : null,
  };
}
