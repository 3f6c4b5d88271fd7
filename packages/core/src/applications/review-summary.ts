export interface ReviewSummary {
  assigned: number;
  scored: number;
  conflicts: number;
  /** Mean of the scores given, to two decimals; null until someone scores. */
  meanScore: number | null;
}

/** Pure: how far the review of one application has got. */
export function summarizeReviews(
  reviews: readonly { score: number | null; conflictDeclaredAt: Date | null }[],
): ReviewSummary {
  const scores = reviews.flatMap((review) => (review.score === null ? [] : [review.score]));
  return {
    assigned: reviews.length,
    scored: scores.length,
    conflicts: reviews.filter((review) => review.conflictDeclaredAt !== null).length,
    meanScore: scores.length
      ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100
      : null,
  };
}
